//! Every rule of leaderboards (排行榜): month and year boundaries in China's time, points
//! earned (not balance), hours by activity date, units, and deterministic ties.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, START, T0, at, award, offer, plan};
use linli::domain::{
    Action, ActivityPlan, EntryId, Period, PerkOffer, Points, PointsRule, RankBy, Ranked,
    Timestamp, UnitId, UnitKind, VolunteerId, VolunteerProfile, china_date,
};

/// 2026-11-01 00:00 in China (2026-10-31 16:00 UTC).
const NOV_1: Timestamp = Timestamp(1_793_462_400_000);
/// 2026-12-01 00:00 in China.
const DEC_1: Timestamp = Timestamp(1_796_054_400_000);
/// 2026-01-01 00:00 and 2027-01-01 00:00 in China.
const YEAR_2026: Timestamp = Timestamp(1_767_196_800_000);
const YEAR_2027: Timestamp = Timestamp(1_798_732_800_000);

#[test]
fn months_and_years_begin_at_midnight_in_china() {
    let november = Period {
        from: NOV_1,
        to: DEC_1,
    };
    let year = Period {
        from: YEAR_2026,
        to: YEAR_2027,
    };
    let cases = [
        (T0, november, year),
        (NOV_1, november, year),
        (Timestamp(DEC_1.0 - 1), november, year),
        (
            DEC_1,
            Period {
                from: DEC_1,
                to: YEAR_2027,
            },
            year,
        ),
        (
            YEAR_2027,
            Period::month(2027, 1).unwrap(),
            Period::year(2027).unwrap(),
        ),
    ];
    for (at, month, year) in cases {
        assert_eq!(Period::month_of(at), month, "{at:?}");
        assert_eq!(Period::year_of(at), year, "{at:?}");
        assert!(month.contains(at) && year.contains(at));
    }
    assert_eq!(Period::month(2026, 11), Some(november));
    assert_eq!(Period::year(2026), Some(year));
    assert_eq!(china_date(T0), (2026, 11, 21));
    assert_eq!(china_date(Timestamp(DEC_1.0 - 1)), (2026, 11, 30));
    assert_eq!(china_date(DEC_1), (2026, 12, 1));
    // February of a leap year has 29 days; 2100 is not a leap year.
    let feb = Period::month(2028, 2).unwrap();
    assert_eq!(
        (feb.from, feb.to),
        (Timestamp(1_832_947_200_000), Timestamp(1_835_452_800_000))
    );
    assert_eq!(feb.to.0 - feb.from.0, 29 * Timestamp::DAY);
    let feb = Period::month(2100, 2).unwrap();
    assert_eq!(feb.to.0 - feb.from.0, 28 * Timestamp::DAY);
    // The first month starts before the epoch in China: it is cut at the epoch.
    assert_eq!(Period::month(1970, 1).unwrap().from, Timestamp(0));
    for bad in [
        Period::month(2026, 0),
        Period::month(2026, 13),
        Period::month(1969, 12),
        Period::year(10_000),
    ] {
        assert_eq!(bad, None);
    }
    assert!(Period::ALL_TIME.contains(Timestamp(0)) && Period::ALL_TIME.contains(T0));
}

/// In November: 王 (10 points by hand, 3 deducted, 2 for 2 hours of service),
/// 李 (8 by hand, 50 by mistake reversed, a voucher redeemed and cancelled, 1.5 for
/// 90 minutes), 张 (10 by hand). In December: 王 5. 赵 nothing.
struct Scene {
    r: Replica,
    v: [VolunteerId; 4],
}

fn scene() -> Scene {
    let mut r = Replica::new(1);
    let v = ["王小明", "李四", "张三", "赵六"].map(|n| r.register(n));
    let [wang, li, zhang, _] = v;
    let activity = r.create(plan("敬老院探访"));
    let perk = r.create_perk(PerkOffer {
        valid_from: T0,
        cost: Points::whole(5),
        ..offer("理发券")
    });
    let hour = |n: u64| Timestamp(T0.0 + n * Timestamp::HOUR);
    r.act_at(hour(1), award(wang, 10, "扫雪")).unwrap();
    r.act_at(hour(2), award(zhang, 10, "扫雪")).unwrap();
    r.act_at(hour(3), award(li, 8, "扫雪")).unwrap();
    let mistaken = EntryId(r.act_at(hour(4), award(li, 50, "录入错误")).unwrap().id);
    r.act_at(
        hour(5),
        Action::ReverseEntry {
            entry: mistaken,
            reason: "录错了".into(),
        },
    )
    .unwrap();
    r.act_at(
        hour(6),
        Action::DeductPoints {
            volunteer: wang,
            points: Points::whole(3),
            reason: "兑换实物".into(),
        },
    )
    .unwrap();
    let voucher = r.redeem_at(hour(7), perk, li).unwrap();
    r.act_at(hour(8), Action::CancelVoucher { voucher })
        .unwrap();
    for (n, volunteer) in [wang, li].into_iter().enumerate() {
        let n = n as i64;
        r.act_at(
            at(-2000 + n),
            Action::SignUp {
                activity,
                volunteer,
            },
        )
        .unwrap();
    }
    for (n, volunteer) in [wang, li].into_iter().enumerate() {
        r.act_at(
            at(n as i64),
            Action::CheckIn {
                activity,
                volunteer,
            },
        )
        .unwrap();
    }
    r.act_at(
        at(91),
        Action::CheckOut {
            activity,
            volunteer: li,
        },
    )
    .unwrap();
    r.act_at(
        at(120),
        Action::CheckOut {
            activity,
            volunteer: wang,
        },
    )
    .unwrap();
    r.act_at(at(130), Action::ConfirmAll { activity }).unwrap();
    r.act_at(
        Timestamp(DEC_1.0 + Timestamp::HOUR),
        award(wang, 5, "元旦前慰问"),
    )
    .unwrap();
    Scene { r, v }
}

fn line<K>(who: K, rank: u32, points: Points, minutes: u64) -> Ranked<K> {
    Ranked {
        who,
        rank,
        points,
        minutes,
    }
}

#[test]
fn volunteers_are_ranked_by_points_earned_not_balance() {
    let Scene { r, v } = scene();
    let [wang, li, zhang, _] = v;
    let state = r.journal.state();
    let november = Period::month_of(T0);
    assert_eq!(
        state.volunteer_leaderboard(RankBy::Points, november),
        [
            line(wang, 1, Points::whole(12), 120),
            line(zhang, 2, Points::whole(10), 0),
            line(li, 3, Points(950), 90),
        ]
    );
    assert_eq!(
        state.volunteer_leaderboard(RankBy::Points, Period::month_of(DEC_1)),
        [line(wang, 1, Points::whole(5), 0)]
    );
    for period in [Period::year_of(T0), Period::ALL_TIME] {
        assert_eq!(
            state.volunteer_leaderboard(RankBy::Points, period),
            [
                line(wang, 1, Points::whole(17), 120),
                line(zhang, 2, Points::whole(10), 0),
                line(li, 3, Points(950), 90),
            ]
        );
    }
    assert_eq!(
        state.volunteer_leaderboard(RankBy::Points, Period::month(2026, 10).unwrap()),
        []
    );
}

#[test]
fn volunteers_are_ranked_by_hours_of_activities_in_the_period() {
    let Scene { r, v } = scene();
    let [wang, li, _, _] = v;
    let state = r.journal.state();
    assert_eq!(
        state.volunteer_leaderboard(RankBy::Hours, Period::month_of(START)),
        [
            line(wang, 1, Points::whole(12), 120),
            line(li, 2, Points(950), 90),
        ]
    );
    assert_eq!(
        state.volunteer_leaderboard(RankBy::Hours, Period::month_of(DEC_1)),
        []
    );
}

/// A plan like the standard one that earns no points, so hours alone differ.
fn unpaid(title: &str) -> ActivityPlan {
    ActivityPlan {
        rule: PointsRule::PerHour {
            points_per_hour: Points::ZERO,
            cap_minutes: None,
        },
        capacity: 5,
        ..plan(title)
    }
}

#[test]
fn equal_scores_share_a_rank_and_are_ordered_the_same_on_every_device() {
    let mut r = Replica::new(1);
    let v = ["王小明", "李四", "张三", "赵六"].map(|n| r.register(n));
    let [wang, li, zhang, zhao] = v;
    let activity = r.create(unpaid("社区巡逻"));
    for (n, who) in [zhang, li, wang].into_iter().enumerate() {
        r.act_at(
            Timestamp(T0.0 + (n as u64 + 1) * Timestamp::HOUR),
            award(who, 10, "扫雪"),
        )
        .unwrap();
    }
    r.act_at(
        at(-2000),
        Action::SignUp {
            activity,
            volunteer: zhang,
        },
    )
    .unwrap();
    r.act_at(
        at(0),
        Action::CheckIn {
            activity,
            volunteer: zhang,
        },
    )
    .unwrap();
    r.act_at(
        at(130),
        Action::ConfirmService {
            activity,
            volunteer: zhang,
            minutes: Some(120),
        },
    )
    .unwrap();
    let month = Period::month_of(T0);
    let ten = Points::whole(10);
    // Equal points: 张 first for more hours, then by registration: 王 before 李.
    assert_eq!(
        r.journal
            .state()
            .volunteer_leaderboard(RankBy::Points, month),
        [
            line(zhang, 1, ten, 120),
            line(wang, 1, ten, 0),
            line(li, 1, ten, 0),
        ]
    );
    r.act_at(at(200), award(zhao, 20, "表彰")).unwrap();
    let board = r
        .journal
        .state()
        .volunteer_leaderboard(RankBy::Points, month);
    let ranks: Vec<_> = board.iter().map(|l| (l.who, l.rank)).collect();
    assert_eq!(ranks, [(zhao, 1), (zhang, 2), (wang, 2), (li, 2)]);
}

#[test]
fn units_are_ranked_by_their_own_points_and_their_volunteers_hours() {
    let mut r = Replica::new(1);
    let bank = r.register_unit("农业银行东城支行", UnitKind::DualRegistered);
    let shop = r.register_unit("老王理发店", UnitKind::Merchant);
    let idle = r.register_unit("东城小学", UnitKind::CoBuilding);
    let from = |unit: UnitId, name: &str| VolunteerProfile {
        unit: Some(unit),
        ..common::profile(name)
    };
    let mut volunteers = Vec::new();
    for (unit, name) in [(bank, "王小明"), (bank, "李四"), (shop, "张三")] {
        let event = r
            .act(Action::RegisterVolunteer {
                profile: Box::new(from(unit, name)),
            })
            .unwrap();
        volunteers.push(VolunteerId(event.id));
    }
    let activity = r.create(unpaid("社区巡逻"));
    for (n, volunteer) in volunteers[..2].iter().enumerate() {
        r.act_at(
            at(-2000 + n as i64),
            Action::SignUp {
                activity,
                volunteer: *volunteer,
            },
        )
        .unwrap();
    }
    let unit_award = |unit, points, reason: &str| Action::AwardUnitPoints {
        unit,
        points: Points::whole(points),
        reason: reason.into(),
    };
    r.act_at(at(-1000), unit_award(bank, 8, "双报到服务"))
        .unwrap();
    r.act_at(at(-999), unit_award(shop, 8, "赞助礼遇")).unwrap();
    let mistaken = EntryId(r.act_at(at(-998), unit_award(shop, 5, "录错")).unwrap().id);
    r.act_at(
        at(-997),
        Action::ReverseEntry {
            entry: mistaken,
            reason: "录错了".into(),
        },
    )
    .unwrap();
    // Volunteers' own points do not count for their unit.
    r.act_at(at(-996), award(volunteers[2], 50, "扫雪"))
        .unwrap();
    let served = [(volunteers[0], 120), (volunteers[1], 90)];
    for (n, (volunteer, _)) in served.into_iter().enumerate() {
        r.act_at(
            at(n as i64),
            Action::CheckIn {
                activity,
                volunteer,
            },
        )
        .unwrap();
    }
    for (n, (volunteer, minutes)) in served.into_iter().enumerate() {
        r.act_at(
            at(130 + n as i64),
            Action::ConfirmService {
                activity,
                volunteer,
                minutes: Some(minutes),
            },
        )
        .unwrap();
    }
    let state = r.journal.state();
    let month = Period::month_of(T0);
    let eight = Points::whole(8);
    assert_eq!(
        state.unit_leaderboard(RankBy::Points, month),
        [line(bank, 1, eight, 210), line(shop, 1, eight, 0)]
    );
    assert_eq!(
        state.unit_leaderboard(RankBy::Hours, month),
        [line(bank, 1, eight, 210)]
    );
    assert!(
        state
            .unit_leaderboard(RankBy::Points, Period::ALL_TIME)
            .iter()
            .all(|l| l.who != idle)
    );
    assert_eq!(
        state.unit_leaderboard(RankBy::Points, Period::month_of(DEC_1)),
        []
    );
}
