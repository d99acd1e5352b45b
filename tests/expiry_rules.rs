//! Every rule of points expiry (积分有效期): the policy, lots that expire, the
//! soonest-expiring spent first, refunds and reversals that restore the lots they came
//! from, and debt. Every scene also checks `balance == available + expired`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, T0, award, offer};
use linli::domain::{
    Action, DomainError, EntryId, PerkOffer, Points, PointsPolicy, PointsSummary, Timestamp,
    VolunteerId, VoucherId,
};

/// `n` days after [`T0`].
fn day(n: u64) -> Timestamp {
    T0.plus_days(n)
}

fn policy(days: Option<u32>) -> Action {
    Action::SetPointsPolicy {
        policy: PointsPolicy { expiry_days: days },
    }
}

fn deduct(volunteer: VolunteerId, points: i64) -> Action {
    Action::DeductPoints {
        volunteer,
        points: Points::whole(points),
        reason: "兑换实物".into(),
    }
}

fn reverse(entry: EntryId) -> Action {
    Action::ReverseEntry {
        entry,
        reason: "录错了".into(),
    }
}

/// A replica with 王小明, registered just after [`T0`].
fn scene() -> (Replica, VolunteerId) {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    (r, wang)
}

/// Does `action` at `at` and returns the entry it made.
fn entry(r: &mut Replica, at: Timestamp, action: Action) -> EntryId {
    EntryId(r.act_at(at, action).unwrap().id)
}

/// The volunteer's available points at each of `days`, after checking the invariant.
fn available(r: &Replica, volunteer: VolunteerId, days: &[u64]) -> Vec<i64> {
    days.iter()
        .map(|&d| {
            let summary = r.journal.state().points(volunteer, day(d));
            assert_eq!(
                summary.balance.0,
                summary.available.0 + summary.expired.0,
                "balance = available + expired on day {d}: {summary:?}"
            );
            assert_eq!(
                summary.available,
                r.journal.state().available(volunteer, day(d))
            );
            summary.available.0 / 100
        })
        .collect()
}

#[test]
fn the_policy_is_validated() {
    for (days, expected) in [
        (None, Ok(())),
        (Some(1), Ok(())),
        (Some(3 * 365), Ok(())),
        (Some(3650), Ok(())),
        (
            Some(0),
            Err(DomainError::ExpiryDaysOutOfRange { max: 3650 }),
        ),
        (
            Some(3651),
            Err(DomainError::ExpiryDaysOutOfRange { max: 3650 }),
        ),
    ] {
        let mut r = Replica::new(1);
        assert_eq!(r.act(policy(days)).map(|_| ()), expected, "{days:?}");
    }
    let mut r = Replica::new(1);
    r.act(policy(Some(1095))).unwrap();
    assert_eq!(
        r.journal.state().points_policy(),
        PointsPolicy {
            expiry_days: Some(1095)
        }
    );
    assert_eq!(
        serde_json::to_string(&linli::store::tagged::Tagged(&policy(Some(1095)))).unwrap(),
        r#"{"t":"set_points_policy","policy":{"expiry_days":1095}}"#
    );
}

#[test]
fn without_a_policy_points_never_expire() {
    let (mut r, wang) = scene();
    r.act_at(day(1), award(wang, 10, "扫雪")).unwrap();
    assert_eq!(available(&r, wang, &[1, 10_000]), [10, 10]);
    assert_eq!(r.journal.state().points(wang, day(2)).expiring, []);
}

#[test]
fn credits_expire_the_policys_days_after_they_are_posted() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    r.act_at(day(2), award(wang, 10, "扫雪")).unwrap();
    assert_eq!(available(&r, wang, &[2, 31, 32, 33]), [10, 10, 0, 0]);
    // Exactly 30 × 24 hours after the credit, it is expired.
    let credited = day(2);
    let summary = r.journal.state().points(wang, credited.plus_days(30));
    assert_eq!(
        (summary.available, summary.expired),
        (Points::ZERO, Points::whole(10))
    );
    let just_before = Timestamp(credited.plus_days(30).0 - 1);
    assert_eq!(
        r.journal.state().available(wang, just_before),
        Points::whole(10)
    );
}

#[test]
fn the_soonest_expiring_points_are_spent_first_not_the_oldest() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(365))).unwrap();
    r.act_at(day(2), award(wang, 10, "A：一年有效")).unwrap(); // expires day 367
    r.act_at(day(3), policy(Some(30))).unwrap();
    r.act_at(day(4), award(wang, 10, "B：30天有效")).unwrap(); // expires day 34
    r.act_at(day(5), policy(None)).unwrap();
    r.act_at(day(6), award(wang, 10, "C：长期有效")).unwrap(); // never expires
    r.act_at(day(7), deduct(wang, 15)).unwrap();
    // B (soonest) is spent in full, then 5 of A; C, which never expires, is kept.
    assert_eq!(
        available(&r, wang, &[7, 33, 34, 366, 367]),
        [15, 15, 15, 15, 10]
    );
    assert_eq!(
        r.journal.state().points(wang, day(8)),
        PointsSummary {
            balance: Points::whole(15),
            available: Points::whole(15),
            expired: Points::ZERO,
            expiring: vec![(day(367), Points::whole(5))],
        }
    );
    let left: Vec<i64> = r
        .journal
        .state()
        .purse(wang)
        .unwrap()
        .lots()
        .iter()
        .map(|lot| lot.left.0 / 100)
        .collect();
    assert_eq!(left, [5, 0, 10]);
}

#[test]
fn lots_expiring_together_are_spent_oldest_first_and_listed_together() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    r.act_at(day(2), award(wang, 4, "甲")).unwrap();
    r.act_at(day(2).plus_minutes(1), award(wang, 6, "乙"))
        .unwrap();
    r.act_at(day(3), award(wang, 5, "丙")).unwrap();
    r.act_at(day(4), deduct(wang, 5)).unwrap();
    let left: Vec<i64> = r
        .journal
        .state()
        .purse(wang)
        .unwrap()
        .lots()
        .iter()
        .map(|lot| lot.left.0 / 100)
        .collect();
    assert_eq!(left, [0, 5, 5]);
    assert_eq!(
        r.journal.state().points(wang, day(4)).expiring,
        [
            (day(32).plus_minutes(1), Points::whole(5)),
            (day(33), Points::whole(5))
        ]
    );
}

#[test]
fn a_new_policy_does_not_shorten_points_already_earned() {
    let (mut r, wang) = scene();
    r.act_at(day(1), award(wang, 10, "政策之前")).unwrap();
    r.act_at(day(2), policy(Some(30))).unwrap();
    r.act_at(day(3), award(wang, 10, "政策之后")).unwrap();
    assert_eq!(available(&r, wang, &[3, 40, 5000]), [20, 10, 10]);
    // Lifting the policy does not lengthen them either.
    r.act_at(day(4), policy(None)).unwrap();
    assert_eq!(available(&r, wang, &[40]), [10]);
}

#[test]
fn service_credits_expire_like_awards() {
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let activity = r.create(common::plan("敬老院探访"));
    r.act(policy(Some(10))).unwrap();
    r.act_at(
        common::at(-2000),
        Action::SignUp {
            activity,
            volunteer: wang,
        },
    )
    .unwrap();
    r.act_at(
        common::at(0),
        Action::CheckIn {
            activity,
            volunteer: wang,
        },
    )
    .unwrap();
    r.act_at(
        common::at(120),
        Action::CheckOut {
            activity,
            volunteer: wang,
        },
    )
    .unwrap();
    let confirmed = common::at(130);
    r.act_at(
        confirmed,
        Action::ConfirmService {
            activity,
            volunteer: wang,
            minutes: None,
        },
    )
    .unwrap();
    let state = r.journal.state();
    assert_eq!(state.available(wang, confirmed), Points::whole(2));
    assert_eq!(state.available(wang, confirmed.plus_days(10)), Points::ZERO);
    // Hours never expire.
    assert_eq!(state.service_minutes(wang), 120);
}

#[test]
fn spending_checks_the_points_still_available() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    r.act_at(day(2), award(wang, 10, "扫雪")).unwrap();
    r.act_at(day(5), policy(None)).unwrap();
    r.act_at(day(6), award(wang, 5, "助老")).unwrap();
    assert_eq!(
        r.act_at(day(40), deduct(wang, 6)).map(|_| ()),
        Err(DomainError::InsufficientPoints {
            balance: Points::whole(5),
            needed: Points::whole(6)
        })
    );
    let perk = r.create_perk(PerkOffer {
        valid_from: day(40),
        valid_until: day(100),
        ..offer("理发券")
    });
    assert_eq!(
        r.redeem_at(day(41), perk, wang),
        Err(DomainError::InsufficientPoints {
            balance: Points::whole(5),
            needed: Points::whole(10)
        })
    );
    r.act_at(day(42), deduct(wang, 5)).unwrap();
    assert_eq!(available(&r, wang, &[42]), [0]);
}

#[test]
fn a_cancelled_voucher_gives_points_back_with_their_original_expiry() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    r.act_at(day(2), award(wang, 10, "扫雪")).unwrap(); // expires day 32
    let perk = r.create_perk(PerkOffer {
        valid_from: day(2),
        valid_until: day(60),
        per_person: None,
        ..offer("理发券")
    });
    let early: VoucherId = r.redeem_at(day(3), perk, wang).unwrap();
    r.act_at(day(4), Action::CancelVoucher { voucher: early })
        .unwrap();
    // Refunded before expiry: spendable again, but still expiring on day 32.
    assert_eq!(available(&r, wang, &[4, 31, 32]), [10, 10, 0]);

    let late = r.redeem_at(day(5), perk, wang).unwrap();
    r.act_at(day(40), Action::CancelVoucher { voucher: late })
        .unwrap();
    // Refunded after the points' expiry: the ledger has them back, but they are expired.
    // A cancellation cannot renew points.
    let summary = r.journal.state().points(wang, day(40));
    assert_eq!(
        (summary.balance, summary.available, summary.expired),
        (Points::whole(10), Points::ZERO, Points::whole(10))
    );
}

#[test]
fn an_expired_voucher_is_refunded_by_cancelling_it() {
    let (mut r, wang) = scene();
    r.act_at(day(1), award(wang, 10, "扫雪")).unwrap();
    let perk = r.create_perk(PerkOffer {
        valid_from: day(1),
        valid_until: day(10),
        ..offer("理发券")
    });
    let voucher = r.redeem_at(day(2), perk, wang).unwrap();
    // Expiry alone moves nothing: the ledger changes only by events.
    assert_eq!(available(&r, wang, &[20]), [0]);
    r.act_at(day(20), Action::CancelVoucher { voucher })
        .unwrap();
    assert_eq!(available(&r, wang, &[20]), [10]);
}

#[test]
fn a_reversed_deduction_restores_the_lots_it_took() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    r.act_at(day(2), award(wang, 10, "扫雪")).unwrap(); // expires day 32
    r.act_at(day(3), policy(None)).unwrap();
    r.act_at(day(4), award(wang, 10, "助老")).unwrap(); // never expires
    let deduction = entry(&mut r, day(5), deduct(wang, 10));
    assert_eq!(available(&r, wang, &[5, 40]), [10, 10]);
    r.act_at(day(6), reverse(deduction)).unwrap();
    assert_eq!(available(&r, wang, &[6, 40]), [20, 10]);
}

#[test]
fn a_reversed_award_takes_its_own_points_first() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    r.act_at(day(2), award(wang, 10, "扫雪")).unwrap(); // expires day 32
    r.act_at(day(3), policy(None)).unwrap();
    let mistaken = entry(&mut r, day(4), award(wang, 10, "录入错误"));
    r.act_at(day(5), reverse(mistaken)).unwrap();
    // Spending soonest-first would have taken the 扫雪 points; the reversal takes its own.
    assert_eq!(available(&r, wang, &[5, 31, 32]), [10, 10, 0]);
}

#[test]
fn a_reversed_award_that_had_expired_takes_nothing_else() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(10))).unwrap();
    let mistaken = entry(&mut r, day(2), award(wang, 10, "录入错误")); // expires day 12
    r.act_at(day(3), policy(None)).unwrap();
    r.act_at(day(4), award(wang, 7, "助老")).unwrap();
    r.act_at(day(20), reverse(mistaken)).unwrap();
    let summary = r.journal.state().points(wang, day(20));
    assert_eq!(
        (summary.balance, summary.available, summary.expired),
        (Points::whole(7), Points::whole(7), Points::ZERO)
    );
}

#[test]
fn points_reversed_after_they_were_spent_become_debt_paid_by_the_next_credit() {
    let (mut r, wang) = scene();
    r.act_at(day(1), policy(Some(30))).unwrap();
    let mistaken = entry(&mut r, day(2), award(wang, 10, "录入错误"));
    r.act_at(day(3), deduct(wang, 10)).unwrap();
    r.act_at(day(4), reverse(mistaken)).unwrap();
    assert_eq!(available(&r, wang, &[4]), [-10]);
    assert_eq!(
        r.journal.state().purse(wang).unwrap().debt(),
        Points::whole(10)
    );
    r.act_at(day(5), award(wang, 15, "助老")).unwrap(); // expires day 35
    assert_eq!(available(&r, wang, &[5, 34, 35]), [5, 5, 0]);
    assert_eq!(r.journal.state().purse(wang).unwrap().debt(), Points::ZERO);
}
