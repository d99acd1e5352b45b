//! Property tests of micro-wishes over random claims, releases, fulfilments,
//! confirmations, cancellations and waits (so claims lapse), played by three replicas
//! that sync now and then: a claim is exclusive, no claim is silently dropped, points
//! are credited once per confirmed wish and the ledger balances, and the fold does not
//! depend on the order events arrive in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod wish_support;

use std::collections::BTreeSet;

use common::Replica;
use common::arrival::{all_events, any_order_folds_alike, deliver};
use linli::domain::{
    Account, Action, ClaimStatus, Claimant, EntryKind, Event, Journal, Points, ReplicaId, State,
    Timestamp, WishId, WishPhase,
};
use linli::store::codec::{SegmentKey, decode_segment, encode_segment};
use proptest::prelude::*;
use wish_support::{Act, Do, Scene, Who, same};

#[derive(Clone, Debug)]
enum Step {
    Claim { replica: u8, who: u8, wish: u8 },
    Release { replica: u8, who: u8, wish: u8 },
    Fulfil { replica: u8, who: u8, wish: u8 },
    Confirm { replica: u8, wish: u8 },
    Cancel { replica: u8, wish: u8 },
    Wait { replica: u8, hours: u16 },
    Sync { from: u8, to: u8 },
}

const WISHES: u8 = 3;
/// Three volunteers, then two units.
const CLAIMANTS: u8 = 5;

fn step() -> impl Strategy<Value = Step> {
    let act = || (0..3u8, 0..CLAIMANTS, 0..WISHES);
    prop_oneof![
        5 => act().prop_map(|(replica, who, wish)| Step::Claim { replica, who, wish }),
        2 => act().prop_map(|(replica, who, wish)| Step::Release { replica, who, wish }),
        3 => act().prop_map(|(replica, who, wish)| Step::Fulfil { replica, who, wish }),
        2 => (0..3u8, 0..WISHES).prop_map(|(replica, wish)| Step::Confirm { replica, wish }),
        1 => (0..3u8, 0..WISHES).prop_map(|(replica, wish)| Step::Cancel { replica, wish }),
        2 => (0..3u8, 1..60u16).prop_map(|(replica, hours)| Step::Wait { replica, hours }),
        3 => (0..3u8, 0..3u8).prop_map(|(from, to)| Step::Sync { from, to }),
    ]
}

/// Three published wishes, claims that lapse after two days, and three replicas that
/// know them all.
struct World {
    scene: Scene,
    replicas: Vec<Replica>,
}

fn world() -> World {
    let mut scene = Scene::new();
    scene.play(&[
        Do(1, Act::Policy(|p| p.claim_days = 2)),
        Do(1, Act::Post(same)),
        Do(
            1,
            Act::Post(|p| p.category = linli::domain::WishCategory::Goods),
        ),
        Do(1, Act::Post(same)),
        Do(2, Act::Publish(0)),
        Do(2, Act::Publish(1)),
        Do(2, Act::Publish(2)),
    ]);
    let mut replicas = vec![Replica::new(1), Replica::new(2), Replica::new(3)];
    for r in &mut replicas {
        r.sync_from(&scene.r);
        r.wall = scene.r.wall;
    }
    World { scene, replicas }
}

fn who(scene: &Scene, i: u8) -> Claimant {
    let i = usize::from(i);
    if i < 3 {
        scene.who(Who::V(i))
    } else {
        scene.who(Who::U(i - 3))
    }
}

fn play(steps: &[Step]) -> World {
    let mut w = world();
    for step in steps {
        let wish = |i: u8| w.scene.wishes[usize::from(i)];
        let (replica, action) = match *step {
            Step::Claim {
                replica,
                who: c,
                wish: i,
            } => (
                replica,
                Action::ClaimWish {
                    wish: wish(i),
                    claimant: who(&w.scene, c),
                },
            ),
            Step::Release {
                replica,
                who: c,
                wish: i,
            } => (
                replica,
                Action::ReleaseWish {
                    wish: wish(i),
                    claimant: who(&w.scene, c),
                },
            ),
            Step::Fulfil {
                replica,
                who: c,
                wish: i,
            } => (
                replica,
                Action::FulfilWish {
                    wish: wish(i),
                    claimant: who(&w.scene, c),
                },
            ),
            Step::Confirm { replica, wish: i } => (
                replica,
                Action::ConfirmWish {
                    wish: wish(i),
                    thanks: "谢谢".into(),
                },
            ),
            Step::Cancel { replica, wish: i } => (
                replica,
                Action::CancelWish {
                    wish: wish(i),
                    reason: "不需要了".into(),
                },
            ),
            Step::Wait { replica, hours } => {
                let r = &mut w.replicas[usize::from(replica)];
                r.wall = r.wall.plus_minutes(u64::from(hours) * 60);
                continue;
            }
            Step::Sync { from, to } => {
                deliver(&mut w.replicas, from, to);
                continue;
            }
        };
        // A device refuses what its rules refuse; that is not a failure here.
        let _ = w.replicas[usize::from(replica)].act(action);
    }
    w
}

fn latest(events: &[Event]) -> Timestamp {
    events.iter().map(|e| e.at).max().unwrap_or_default()
}

/// The invariants every state must keep, whatever it was merged from, at `now`.
fn assert_invariants(state: &State, now: Timestamp) -> Result<(), TestCaseError> {
    let mut credited = 0;
    for wish in state.wishes() {
        // As of the last event (a time before every due), holding or lit claims.
        let live = wish
            .claims()
            .iter()
            .filter(|c| {
                matches!(
                    c.status(Timestamp(0)),
                    ClaimStatus::Holding | ClaimStatus::Fulfilled { .. }
                )
            })
            .count();
        prop_assert!(
            live <= 1,
            "two claims hold or lit one wish: {:?}",
            wish.claims()
        );
        let phase = wish.phase(now);
        match phase {
            WishPhase::Claimed | WishPhase::Fulfilled | WishPhase::Confirmed => {
                prop_assert!(wish.holder(now).is_some(), "{phase:?} without a holder");
            }
            _ => prop_assert!(wish.holder(now).is_none(), "{phase:?} with a holder"),
        }
        for claim in wish.claims() {
            if let ClaimStatus::Lost { winner } = claim.status(now) {
                prop_assert_ne!(winner, claim.claimant, "lost to oneself");
            }
        }
        if let Some(confirmation) = &wish.confirmed {
            let entry = confirmation
                .entry
                .expect("the standard policy gives points");
            let entry = state.ledger().entry(entry).unwrap();
            prop_assert_eq!(&entry.kind, &EntryKind::WishCredit { wish: wish.id });
            let claimant = wish.current_claim().unwrap().claimant;
            let to = match claimant {
                Claimant::Volunteer(v) => Account::Volunteer(v),
                Claimant::Unit(u) => Account::Unit(u),
            };
            prop_assert_eq!(entry.to, to);
            prop_assert_eq!(entry.points, Points::whole(5));
            credited += 1;
        }
    }
    let credits = state
        .ledger()
        .entries()
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::WishCredit { .. }))
        .count();
    prop_assert_eq!(credits, credited, "one credit per confirmed wish");
    // The ledger balances, and every balance is the sum of its entries.
    let accounts: BTreeSet<Account> = state
        .ledger()
        .entries()
        .iter()
        .flat_map(|e| [e.from, e.to])
        .collect();
    let mut total = 0;
    for account in accounts {
        let balance = state.ledger().balance(account);
        let sum: i64 = state
            .ledger()
            .entries()
            .iter()
            .map(|e| e.effect_on(account).0)
            .sum();
        prop_assert_eq!(balance.0, sum);
        total += balance.0;
    }
    prop_assert_eq!(total, 0);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn claims_stay_exclusive_and_points_balance_on_every_replica_and_after_any_merge(
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let w = play(&steps);
        for r in &w.replicas {
            let events: Vec<Event> = r.journal.events().cloned().collect();
            for now in [latest(&events), latest(&events).plus_days(3)] {
                assert_invariants(r.journal.state(), now)?;
            }
        }
        let events = all_events(&w.replicas);
        let mut union = Journal::default();
        union.merge(events.clone());
        for now in [latest(&events), latest(&events).plus_days(3)] {
            assert_invariants(union.state(), now)?;
        }
    }

    #[test]
    fn the_wish_fold_does_not_depend_on_arrival_order(
        steps in prop::collection::vec(step(), 1..80),
        seed in any::<u64>(),
    ) {
        let w = play(&steps);
        any_order_folds_alike(w.replicas, seed, 3)?;
    }

    #[test]
    fn no_claim_is_silently_dropped(steps in prop::collection::vec(step(), 1..80)) {
        let w = play(&steps);
        let mut union = Journal::default();
        union.merge(all_events(&w.replicas));
        let state = union.state();
        let recorded: BTreeSet<_> = state
            .wishes()
            .flat_map(|wish| wish.claims().iter().map(|c| c.id))
            .collect();
        let rejected: BTreeSet<_> = state.rejected().iter().map(|r| r.event).collect();
        for event in union.events() {
            if let Action::ClaimWish { wish, .. } = event.action {
                prop_assert!(
                    recorded.contains(&event.id) != rejected.contains(&event.id),
                    "claim {} is either recorded (holding, lapsed, released, lit or lost) \
                     or listed as rejected", event.id
                );
                prop_assert!(state.wish(wish).is_some());
            }
        }
        // Rejected wish events are only those a merge made impossible.
        let ids: BTreeSet<WishId> = w.scene.wishes.iter().copied().collect();
        prop_assert_eq!(ids.len(), usize::from(WISHES));
    }

    #[test]
    fn wish_events_round_trip_through_segments(
        steps in prop::collection::vec(step(), 1..40),
        writer in any::<u64>(),
    ) {
        let w = play(&steps);
        let events = all_events(&w.replicas);
        let replica = ReplicaId(writer);
        let text = encode_segment(replica, &events).unwrap();
        let decoded = decode_segment(SegmentKey { replica, index: 0 }, &text).unwrap();
        prop_assert!(decoded.errors.is_empty());
        prop_assert_eq!(decoded.events, events);
    }
}
