//! Property tests of the points shop and points expiry over random redemptions,
//! verifications, cancellations, awards, deductions, reversals and the passing of time,
//! played by three replicas that sync now and then: stock and per-person limits hold, a
//! voucher is used at most once, codes are unique, every balance is the sum of its
//! entries and splits into available and expired points, and the fold does not depend
//! on the order events arrive in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::arrival::{any_order_folds_alike, deliver};
use common::{Replica, T0, award};
use linli::domain::{
    Account, Action, EntryId, EntryKind, Event, Journal, PerkId, PerkOffer, Points, PointsPolicy,
    State, Timestamp, VolunteerId, VoucherStatus,
};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
    Award { replica: u8, who: u8, points: u8 },
    Deduct { replica: u8, who: u8, points: u8 },
    Redeem { replica: u8, who: u8, perk: u8 },
    Verify { replica: u8, which: u8 },
    Cancel { replica: u8, which: u8 },
    Reverse { replica: u8, which: u8 },
    Wait { hours: u8 },
    Sync { from: u8, to: u8 },
}

fn step() -> impl Strategy<Value = Step> {
    let r = || 0..3u8;
    prop_oneof![
        2 => (r(), 0..4u8, 1..20u8).prop_map(|(replica, who, points)| Step::Award { replica, who, points }),
        1 => (r(), 0..4u8, 1..20u8).prop_map(|(replica, who, points)| Step::Deduct { replica, who, points }),
        5 => (r(), 0..4u8, 0..2u8).prop_map(|(replica, who, perk)| Step::Redeem { replica, who, perk }),
        3 => (r(), any::<u8>()).prop_map(|(replica, which)| Step::Verify { replica, which }),
        2 => (r(), any::<u8>()).prop_map(|(replica, which)| Step::Cancel { replica, which }),
        1 => (r(), any::<u8>()).prop_map(|(replica, which)| Step::Reverse { replica, which }),
        1 => (1..48u8).prop_map(|hours| Step::Wait { hours }),
        3 => (r(), r()).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// Two perks: a scarce one (2 in stock, 1 per person, 30 days) and a short one (3 in
/// stock, no per-person limit, vouchers expiring after 2 days). Points expire after
/// 3 days, so waiting expires both points and vouchers.
struct World {
    replicas: Vec<Replica>,
    volunteers: Vec<VolunteerId>,
    perks: [PerkId; 2],
}

const STOCK: [u32; 2] = [2, 3];
const PER_PERSON: [Option<u32>; 2] = [Some(1), None];

fn world() -> World {
    let mut first = Replica::new(1);
    first
        .act(Action::SetPointsPolicy {
            policy: PointsPolicy {
                expiry_days: Some(3),
            },
        })
        .unwrap();
    let volunteers: Vec<_> = (0..4)
        .map(|i| first.register(&format!("志愿者{i}")))
        .collect();
    for v in &volunteers {
        first.act(award(*v, 25, "志愿服务")).unwrap();
    }
    let perk = |title: &str, n: usize, cost: i64, days: u64| PerkOffer {
        sponsor: None,
        title: title.into(),
        description: String::new(),
        cost: Points::whole(cost),
        stock: STOCK[n],
        per_person: PER_PERSON[n],
        valid_from: T0,
        valid_until: T0.plus_days(days),
        min_service_minutes: 0,
    };
    let perks = [
        first.create_perk(perk("理发券", 0, 10, 30)),
        first.create_perk(perk("洗车券", 1, 7, 2)),
    ];
    let mut replicas = vec![first, Replica::new(2), Replica::new(3)];
    let base: Vec<Event> = replicas[0].journal.events().cloned().collect();
    for r in &mut replicas[1..] {
        r.journal.merge(base.clone());
    }
    World {
        replicas,
        volunteers,
        perks,
    }
}

/// Plays the steps; actions a replica's own view refuses are skipped, as the app would.
fn play(steps: &[Step]) -> World {
    let mut w = world();
    for step in steps {
        match *step {
            Step::Award {
                replica,
                who,
                points,
            } => {
                let v = w.volunteers[usize::from(who)];
                let _ = w.replicas[usize::from(replica)].act(award(v, i64::from(points), "服务"));
            }
            Step::Deduct {
                replica,
                who,
                points,
            } => {
                let volunteer = w.volunteers[usize::from(who)];
                let _ = w.replicas[usize::from(replica)].act(Action::DeductPoints {
                    volunteer,
                    points: Points::whole(i64::from(points)),
                    reason: "兑换实物".into(),
                });
            }
            Step::Redeem { replica, who, perk } => {
                let action = Action::Redeem {
                    perk: w.perks[usize::from(perk)],
                    volunteer: w.volunteers[usize::from(who)],
                };
                let _ = w.replicas[usize::from(replica)].act(action);
            }
            Step::Verify { replica, which } | Step::Cancel { replica, which } => {
                let r = &mut w.replicas[usize::from(replica)];
                let known: Vec<_> = r.journal.state().vouchers().map(|v| v.id).collect();
                if !known.is_empty() {
                    let voucher = known[usize::from(which) % known.len()];
                    let action = if matches!(step, Step::Verify { .. }) {
                        Action::VerifyVoucher { voucher }
                    } else {
                        Action::CancelVoucher { voucher }
                    };
                    let _ = r.act(action);
                }
            }
            Step::Reverse { replica, which } => {
                let r = &mut w.replicas[usize::from(replica)];
                let entries: Vec<EntryId> = r
                    .journal
                    .state()
                    .ledger()
                    .entries()
                    .iter()
                    .map(|e| e.id)
                    .collect();
                if !entries.is_empty() {
                    let entry = entries[usize::from(which) % entries.len()];
                    let _ = r.act(Action::ReverseEntry {
                        entry,
                        reason: "更正".into(),
                    });
                }
            }
            Step::Wait { hours } => {
                for r in &mut w.replicas {
                    r.wall = Timestamp(r.wall.0 + u64::from(hours) * Timestamp::HOUR);
                }
            }
            Step::Sync { from, to } => deliver(&mut w.replicas, from, to),
        }
    }
    w
}

fn union(w: &World) -> Journal {
    let mut journal = Journal::default();
    for r in &w.replicas {
        journal.merge(r.journal.events().cloned());
    }
    journal
}

/// The invariants of the shop that hold in any state.
fn check_shop(w: &World, journal: &Journal) -> Result<(), TestCaseError> {
    let state = journal.state();
    let last = journal.events().last().map_or(T0, |e| e.at);
    for (n, perk) in w.perks.iter().enumerate() {
        let live: Vec<_> = state
            .vouchers()
            .filter(|v| v.perk == *perk && v.cancelled.is_none())
            .collect();
        prop_assert!(live.len() <= STOCK[n] as usize, "stock exceeded");
        prop_assert_eq!(live.len(), state.perk(*perk).unwrap().issued() as usize);
        if let Some(limit) = PER_PERSON[n] {
            let mut held: BTreeMap<VolunteerId, u32> = BTreeMap::new();
            for v in &live {
                *held.entry(v.volunteer).or_default() += 1;
            }
            prop_assert!(
                held.values().all(|&n| n <= limit),
                "per-person limit exceeded"
            );
        }
    }
    // A voucher is verified at most once, never both used and cancelled, and only
    // before it expired.
    let rejected: BTreeSet<_> = state.rejected().iter().map(|r| r.event).collect();
    let mut verified = BTreeMap::new();
    for event in journal.events() {
        if let Action::VerifyVoucher { voucher } = event.action
            && !rejected.contains(&event.id)
        {
            *verified.entry(voucher).or_insert(0) += 1;
            let v = state.voucher(voucher).unwrap();
            prop_assert!(event.at < v.expires);
        }
    }
    prop_assert!(verified.values().all(|&n| n == 1));
    let mut codes = BTreeSet::new();
    for voucher in state.vouchers() {
        prop_assert!(!(voucher.used.is_some() && voucher.cancelled.is_some()));
        prop_assert_eq!(voucher.used.is_some(), verified.contains_key(&voucher.id));
        prop_assert!(codes.insert(voucher.code), "codes are unique");
        prop_assert_eq!(
            state.voucher_by_code(&voucher.code.to_string()).unwrap().id,
            voucher.id
        );
        // The ledger agrees with the voucher: paid once, refunded once if cancelled.
        let paid = state.ledger().entry(voucher.entry()).unwrap();
        prop_assert_eq!(paid.points, voucher.points);
        prop_assert_eq!(voucher.cancelled.is_some(), voucher.refund.is_some());
        if voucher.status(last) == VoucherStatus::Cancelled {
            let refund = state.ledger().entry(voucher.refund.unwrap()).unwrap();
            prop_assert_eq!(refund.points, voucher.points);
        }
    }
    let redemptions = state
        .ledger()
        .entries()
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Redemption { .. }))
        .count();
    prop_assert_eq!(redemptions, state.vouchers().count());
    Ok(())
}

/// Every balance is the sum of its entries and splits into available and expired points
/// at any later time; without reversals nobody can spend below zero.
fn check_points(w: &World, state: &State, last: Timestamp) -> Result<(), TestCaseError> {
    let ledger = state.ledger();
    let mut total = 0;
    let accounts = w.volunteers.iter().map(|v| Account::Volunteer(*v));
    for account in accounts.chain([Account::Pool]) {
        let sum: i64 = ledger
            .entries()
            .iter()
            .map(|e| e.effect_on(account).0)
            .sum();
        prop_assert_eq!(ledger.balance(account), Points(sum));
        total += sum;
    }
    prop_assert_eq!(total, 0);
    for v in &w.volunteers {
        let reversed_credit = ledger.entries().iter().any(|e| {
            matches!(e.kind, EntryKind::Reversal { .. }) && e.from == Account::Volunteer(*v)
        });
        for later in [
            last,
            last.plus_days(1),
            last.plus_days(3),
            last.plus_days(40),
        ] {
            let points = state.points(*v, later);
            prop_assert_eq!(points.balance.0, points.available.0 + points.expired.0);
            if !reversed_credit {
                prop_assert!(points.available >= Points::ZERO);
                prop_assert!(points.expired >= Points::ZERO);
            }
        }
        // After every lot's expiry, nothing is left to spend but debt.
        let purse = state.purse(*v).unwrap();
        let gone = state.available(*v, last.plus_days(40));
        prop_assert_eq!(gone, Points(-purse.debt().0));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_shop_keeps_its_limits_and_vouchers_are_used_once(
        steps in prop::collection::vec(step(), 1..70),
    ) {
        let w = play(&steps);
        check_shop(&w, &union(&w))?;
        // Each replica's own view keeps them too, before any further sync.
        for r in &w.replicas {
            check_shop(&w, &r.journal)?;
        }
    }

    #[test]
    fn balances_split_into_available_and_expired_points(
        steps in prop::collection::vec(step(), 1..70),
    ) {
        let w = play(&steps);
        let journal = union(&w);
        let last = journal.events().last().map_or(T0, |e| e.at);
        check_points(&w, journal.state(), last)?;
    }

    #[test]
    fn the_shop_folds_the_same_whatever_the_arrival_order(
        steps in prop::collection::vec(step(), 1..70),
        seed in any::<u64>(),
    ) {
        any_order_folds_alike(play(&steps).replicas, seed, 4)?;
    }
}
