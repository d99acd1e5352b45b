//! Every rule of micro-wishes (微心愿): the plan and the policy, each transition of the
//! lifecycle and each refusal, overdue claims, exclusive claims and the conflict rule
//! for claims that meet in a merge, points on confirmation, and the wish wall.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod wish_support;

use common::{Replica, T0};
use linli::domain::calendar::Period;
use linli::domain::{
    Account, Action, BeneficiaryKind, ClaimStatus, Claimant, DomainError, EntryKind, Field,
    Journal, Points, Timestamp, WallCounts, WishPhase, WishPlan, WishPolicy,
};
use wish_support::{Act, Do, PUBLISHED, Scene, Who, check_all, child_plan, day, hour, keep, same};

use Act::*;
use Who::{Ghost, U, V};

fn pending() -> Vec<Do> {
    vec![Do(1, Post(same))]
}

fn published() -> Vec<Do> {
    PUBLISHED.to_vec()
}

fn then(mut setup: Vec<Do>, more: &[Do]) -> Vec<Do> {
    setup.extend_from_slice(more);
    setup
}

/// Claimed by volunteer 0 at hour 3: the claim is due at hour 3 + 7 × 24 = 171.
fn claimed() -> Vec<Do> {
    then(published(), &[Do(3, Claim(0, V(0)))])
}

const DUE: i64 = 3 + 7 * 24;

fn fulfilled() -> Vec<Do> {
    then(claimed(), &[Do(5, Fulfil(0, V(0)))])
}

fn confirmed() -> Vec<Do> {
    then(fulfilled(), &[Do(6, Confirm(0, "谢谢小王！"))])
}

fn rejected() -> Vec<Do> {
    then(pending(), &[Do(2, Reject(0, "信息不全"))])
}

fn cancelled() -> Vec<Do> {
    then(published(), &[Do(3, Cancel(0, "老人已搬去女儿家"))])
}

/// Closed after its wanted-by date (day 10, hour 240).
fn closed() -> Vec<Do> {
    then(published(), &[Do(241, Close(0))])
}

fn long_thanks() -> &'static str {
    Box::leak("谢".repeat(201).into_boxed_str())
}

fn ok() -> Result<(), DomainError> {
    Ok(())
}

// --- the plan and the policy -----------------------------------------------------

#[test]
fn wish_plans_are_validated() {
    type Edit = fn(&mut WishPlan);
    let cases: Vec<(Edit, Result<(), DomainError>)> = vec![
        (same, ok()),
        (|p| p.description = String::new(), ok()),
        (|p| p.skills = Vec::new(), ok()),
        (|p| p.value_yuan = 0, ok()),
        (|p| p.value_yuan = 500, ok()),
        (|p| p.grid = String::new(), ok()),
        (
            |p| p.alias = " ".into(),
            Err(DomainError::Required(Field::Alias)),
        ),
        (
            |p| p.alias = "王".repeat(31),
            Err(DomainError::TooLong {
                field: Field::Alias,
                max: 30,
            }),
        ),
        (
            |p| p.title = String::new(),
            Err(DomainError::Required(Field::WishTitle)),
        ),
        (
            |p| p.title = "修".repeat(41),
            Err(DomainError::TooLong {
                field: Field::WishTitle,
                max: 40,
            }),
        ),
        (
            |p| p.description = "说".repeat(501),
            Err(DomainError::TooLong {
                field: Field::WishDescription,
                max: 500,
            }),
        ),
        (
            |p| p.private_note = "记".repeat(201),
            Err(DomainError::TooLong {
                field: Field::PrivateNote,
                max: 200,
            }),
        ),
        (
            |p| p.building = "楼".repeat(31),
            Err(DomainError::TooLong {
                field: Field::Building,
                max: 30,
            }),
        ),
        (
            |p| p.skills = vec!["技能".into(); 9],
            Err(DomainError::TooMany {
                field: Field::Skills,
                max: 8,
            }),
        ),
        (
            |p| p.skills = vec![" ".into()],
            Err(DomainError::Required(Field::Skills)),
        ),
        (
            |p| p.value_yuan = 501,
            Err(DomainError::WishValueOverCap { cap_yuan: 500 }),
        ),
        // Posted at hour 1: the wanted-by date must come after it…
        (|p| p.wanted_by = hour(1), Err(DomainError::WantedByPassed)),
        (|p| p.wanted_by = hour(1).plus_minutes(1), ok()),
        // …and within a year.
        (|p| p.wanted_by = hour(1).plus_days(366), ok()),
        (
            |p| p.wanted_by = hour(1).plus_days(366).plus_minutes(1),
            Err(DomainError::WantedByTooFar { max_days: 366 }),
        ),
        // Public texts may not carry a phone number, whoever the wish is for.
        (
            |p| p.description = "联系电话 138 1234 5678".into(),
            Err(DomainError::PhoneInPublicText {
                found: "138 1234 5678".into(),
            }),
        ),
        // The organizer-only note may (it holds them in the standard plan).
        (|p| p.private_note = "王桂兰 13812345678".into(), ok()),
        // An elderly resident's building and alias with a surname are fine.
        (|p| p.alias = "独居老人 王奶奶, 3号楼".into(), ok()),
    ];
    for (edit, expected) in cases {
        let mut scene = Scene::new();
        let result = scene.run(Do(1, Post(edit))).map(|_| ());
        assert_eq!(result, expected, "{:?}", scene.action(Post(edit)));
    }
}

#[test]
fn a_childs_wish_may_not_identify_the_child() {
    type Edit = fn(&mut WishPlan);
    let cases: Vec<(Edit, Result<(), DomainError>)> = vec![
        (same, ok()),
        (
            |p| p.alias = "王小明同学".into(),
            Err(DomainError::ChildFullName {
                found: "王小明同学".into(),
            }),
        ),
        (
            |p| p.title = "给李明同学买书包".into(),
            Err(DomainError::ChildFullName {
                found: "李明同学".into(),
            }),
        ),
        (
            |p| p.description = "在东城小学读三年级".into(),
            Err(DomainError::ChildSchool {
                found: "在东城小学".into(),
            }),
        ),
        (
            |p| p.building = "1号楼2单元502室".into(),
            Err(DomainError::ChildAddress {
                found: "2单元".into(),
            }),
        ),
        (
            |p| p.description = "家长电话13812345678".into(),
            Err(DomainError::PhoneInPublicText {
                found: "13812345678".into(),
            }),
        ),
        // The real name, school and flat belong in the organizer-only note.
        (
            |p| p.private_note = "张小明，东城小学，1号楼2单元502室".into(),
            ok(),
        ),
        // The same texts are fine for an adult's wish.
        (
            |p| {
                p.beneficiary = BeneficiaryKind::FamilyInDifficulty;
                p.alias = "困难家庭 王小明家".into();
                p.description = "孩子在东城小学读书".into();
            },
            ok(),
        ),
    ];
    for (edit, expected) in cases {
        let mut scene = Scene::new();
        let result = scene.run(Do(1, PostChild(edit))).map(|_| ());
        assert_eq!(result, expected, "{:?}", scene.action(PostChild(edit)));
    }
}

#[test]
fn the_wish_policy_is_validated_and_applies_from_then_on() {
    type Edit = fn(&mut WishPolicy);
    let cases: Vec<(Edit, Result<(), DomainError>)> = vec![
        (keep, ok()),
        (|p| p.value_cap_yuan = 100_000, ok()),
        (
            |p| p.value_cap_yuan = 0,
            Err(DomainError::WishCapOutOfRange { max_yuan: 100_000 }),
        ),
        (
            |p| p.value_cap_yuan = 100_001,
            Err(DomainError::WishCapOutOfRange { max_yuan: 100_000 }),
        ),
        (
            |p| p.claim_days = 0,
            Err(DomainError::ClaimDaysOutOfRange { max: 90 }),
        ),
        (
            |p| p.claim_days = 91,
            Err(DomainError::ClaimDaysOutOfRange { max: 90 }),
        ),
        (|p| p.volunteer_points = Points::ZERO, ok()),
        (
            |p| p.volunteer_points = Points(-1),
            Err(DomainError::WishPointsOutOfRange {
                max: Points::whole(1_000),
            }),
        ),
        (
            |p| p.unit_points = Points(100_001),
            Err(DomainError::WishPointsOutOfRange {
                max: Points::whole(1_000),
            }),
        ),
        (
            |p| p.open_claims_per_volunteer = 0,
            Err(DomainError::OpenClaimsLimitOutOfRange { max: 99 }),
        ),
        (
            |p| p.open_claims_per_volunteer = 100,
            Err(DomainError::OpenClaimsLimitOutOfRange { max: 99 }),
        ),
    ];
    for (edit, expected) in cases {
        let mut scene = Scene::new();
        let result = scene.run(Do(1, Policy(edit))).map(|_| ());
        assert_eq!(result, expected);
    }

    // The defaults: ¥500, 7 days, 5 points each, 3 open claims.
    let policy = Scene::new().state().wish_policy();
    assert_eq!(
        policy,
        WishPolicy {
            value_cap_yuan: 500,
            claim_days: 7,
            volunteer_points: Points::whole(5),
            unit_points: Points::whole(5),
            open_claims_per_volunteer: 3,
        }
    );
    // A higher cap lets a dearer wish through.
    let mut scene = Scene::with(&[Do(1, Policy(|p| p.value_cap_yuan = 800))]);
    scene.run(Do(2, Post(|p| p.value_yuan = 800))).unwrap();
}

// --- review ---------------------------------------------------------------------

#[test]
fn staff_post_and_an_organizer_reviews() {
    check_all(vec![
        (pending(), Do(2, Publish(0)), ok()),
        (pending(), Do(2, Reject(0, "信息不全")), ok()),
        (
            pending(),
            Do(2, Reject(0, " ")),
            Err(DomainError::Required(Field::Reason)),
        ),
        (
            published(),
            Do(3, Publish(0)),
            Err(DomainError::WishNotPending),
        ),
        (
            published(),
            Do(3, Reject(0, "重复")),
            Err(DomainError::WishNotPending),
        ),
        (
            rejected(),
            Do(3, Publish(0)),
            Err(DomainError::WishNotPending),
        ),
        (
            claimed(),
            Do(4, Publish(0)),
            Err(DomainError::WishNotPending),
        ),
        (pending(), Do(2, PostFor(0)), ok()),
    ]);

    let scene = Scene::with(&published());
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(2)), WishPhase::Open);
    assert_eq!(wish.published, Some(hour(2)));
    let scene = Scene::with(&rejected());
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(3)), WishPhase::Rejected);
    assert_eq!(wish.ended.as_ref().unwrap().reason, "信息不全");
}

#[test]
fn a_wish_can_be_changed_while_nobody_holds_it() {
    let later: fn(&mut WishPlan) = |p| p.title = "修电风扇和台灯".into();
    check_all(vec![
        (pending(), Do(2, Update(0, later)), ok()),
        (published(), Do(3, Update(0, later)), ok()),
        (
            claimed(),
            Do(4, Update(0, later)),
            Err(DomainError::WishInProgress),
        ),
        // A lapsed claim no longer holds it.
        (claimed(), Do(DUE, Update(0, later)), ok()),
        (
            fulfilled(),
            Do(6, Update(0, later)),
            Err(DomainError::WishAlreadyFulfilled),
        ),
        (
            confirmed(),
            Do(7, Update(0, later)),
            Err(DomainError::WishAlreadyConfirmed),
        ),
        (
            rejected(),
            Do(3, Update(0, later)),
            Err(DomainError::WishRejected),
        ),
        (
            cancelled(),
            Do(4, Update(0, later)),
            Err(DomainError::WishCancelled),
        ),
        (
            closed(),
            Do(242, Update(0, later)),
            Err(DomainError::WishClosed),
        ),
        // Past its date, a wish may be corrected without moving the date…
        (published(), Do(250, Update(0, later)), ok()),
        // …but a new date must be ahead.
        (
            published(),
            Do(250, Update(0, |p| p.wanted_by = hour(249))),
            Err(DomainError::WantedByPassed),
        ),
        (
            published(),
            Do(250, Update(0, |p| p.wanted_by = hour(300))),
            ok(),
        ),
        (
            published(),
            Do(3, Update(0, |p| p.value_yuan = 501)),
            Err(DomainError::WishValueOverCap { cap_yuan: 500 }),
        ),
    ]);
}

// --- claims ---------------------------------------------------------------------

#[test]
fn an_open_wish_is_claimed_by_one_volunteer_or_unit() {
    check_all(vec![
        (published(), Do(3, Claim(0, V(0))), ok()),
        (published(), Do(3, Claim(0, U(0))), ok()),
        (
            pending(),
            Do(2, Claim(0, V(0))),
            Err(DomainError::WishNotPublished),
        ),
        (
            claimed(),
            Do(4, Claim(0, V(0))),
            Err(DomainError::AlreadyYourClaim),
        ),
        (
            claimed(),
            Do(4, Claim(0, V(1))),
            Err(DomainError::ClaimedBySomeoneElse {
                by: Claimant::Volunteer(Scene::new().volunteers[0]),
            }),
        ),
        (
            then(published(), &[Do(3, Claim(0, U(0)))]),
            Do(4, Claim(0, V(1))),
            Err(DomainError::ClaimedBySomeoneElse {
                by: Claimant::Unit(Scene::new().units[0]),
            }),
        ),
        (
            fulfilled(),
            Do(6, Claim(0, V(1))),
            Err(DomainError::ClaimedBySomeoneElse {
                by: Claimant::Volunteer(Scene::new().volunteers[0]),
            }),
        ),
        (
            confirmed(),
            Do(7, Claim(0, V(1))),
            Err(DomainError::ClaimedBySomeoneElse {
                by: Claimant::Volunteer(Scene::new().volunteers[0]),
            }),
        ),
        (
            fulfilled(),
            Do(6, Claim(0, V(0))),
            Err(DomainError::AlreadyYourClaim),
        ),
        (
            rejected(),
            Do(3, Claim(0, V(0))),
            Err(DomainError::WishRejected),
        ),
        (
            cancelled(),
            Do(4, Claim(0, V(0))),
            Err(DomainError::WishCancelled),
        ),
        (
            closed(),
            Do(242, Claim(0, V(0))),
            Err(DomainError::WishClosed),
        ),
        (
            published(),
            Do(3, Claim(0, Ghost)),
            Err(DomainError::UnknownVolunteer(
                Scene::new().who(Ghost).volunteer().unwrap(),
            )),
        ),
        (
            published(),
            Do(3, ClaimUnknown(V(0))),
            Err(DomainError::UnknownWish("dead-2".parse().unwrap())),
        ),
        // A claim past the wanted-by date is still help: allowed.
        (published(), Do(250, Claim(0, V(0))), ok()),
    ]);
}

trait VolunteerOf {
    fn volunteer(self) -> Option<linli::domain::VolunteerId>;
}

impl VolunteerOf for Claimant {
    fn volunteer(self) -> Option<linli::domain::VolunteerId> {
        match self {
            Claimant::Volunteer(v) => Some(v),
            Claimant::Unit(_) => None,
        }
    }
}

#[test]
fn a_volunteer_holds_at_most_the_policys_open_claims_and_a_unit_any_number() {
    let four = vec![
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(2, Publish(2)),
        Do(2, Publish(3)),
    ];
    let three_held = then(
        four.clone(),
        &[
            Do(3, Claim(0, V(0))),
            Do(3, Claim(1, V(0))),
            Do(3, Claim(2, V(0))),
        ],
    );
    check_all(vec![
        (
            three_held.clone(),
            Do(4, Claim(3, V(0))),
            Err(DomainError::TooManyOpenClaims { limit: 3 }),
        ),
        // Another volunteer is not limited by it.
        (three_held.clone(), Do(4, Claim(3, V(1))), ok()),
        // A fulfilled wish is no longer an open claim…
        (
            then(three_held.clone(), &[Do(4, Fulfil(0, V(0)))]),
            Do(5, Claim(3, V(0))),
            ok(),
        ),
        // …nor a released one…
        (
            then(three_held.clone(), &[Do(4, Release(1, V(0)))]),
            Do(5, Claim(3, V(0))),
            ok(),
        ),
        // …nor a lapsed one.
        (three_held.clone(), Do(DUE, Claim(3, V(0))), ok()),
        // The limit is the policy's.
        (
            then(
                three_held.clone(),
                &[Do(4, Policy(|p| p.open_claims_per_volunteer = 4))],
            ),
            Do(5, Claim(3, V(0))),
            ok(),
        ),
        // Units adopt batches of wishes: no limit.
        (
            then(
                four.clone(),
                &[
                    Do(3, Claim(0, U(0))),
                    Do(3, Claim(1, U(0))),
                    Do(3, Claim(2, U(0))),
                ],
            ),
            Do(4, Claim(3, U(0))),
            ok(),
        ),
    ]);
}

#[test]
fn the_claimant_releases_or_fulfils_and_nobody_else_may() {
    let v0 = Claimant::Volunteer(Scene::new().volunteers[0]);
    check_all(vec![
        (claimed(), Do(4, Release(0, V(0))), ok()),
        (claimed(), Do(4, Fulfil(0, V(0))), ok()),
        (
            claimed(),
            Do(4, Release(0, V(1))),
            Err(DomainError::ClaimedBySomeoneElse { by: v0 }),
        ),
        (
            claimed(),
            Do(4, Fulfil(0, U(0))),
            Err(DomainError::ClaimedBySomeoneElse { by: v0 }),
        ),
        (
            published(),
            Do(3, Release(0, V(0))),
            Err(DomainError::WishNotClaimed),
        ),
        (
            published(),
            Do(3, Fulfil(0, V(0))),
            Err(DomainError::WishNotClaimed),
        ),
        (
            pending(),
            Do(2, Fulfil(0, V(0))),
            Err(DomainError::WishNotPublished),
        ),
        (
            then(claimed(), &[Do(4, Release(0, V(0)))]),
            Do(5, Fulfil(0, V(0))),
            Err(DomainError::WishNotClaimed),
        ),
        (
            fulfilled(),
            Do(6, Fulfil(0, V(0))),
            Err(DomainError::WishAlreadyFulfilled),
        ),
        (
            fulfilled(),
            Do(6, Release(0, V(0))),
            Err(DomainError::WishAlreadyFulfilled),
        ),
        (
            fulfilled(),
            Do(6, Fulfil(0, V(1))),
            Err(DomainError::ClaimedBySomeoneElse { by: v0 }),
        ),
        (
            confirmed(),
            Do(7, Release(0, V(0))),
            Err(DomainError::WishAlreadyConfirmed),
        ),
        (
            then(claimed(), &[Do(4, Cancel(0, "不需要了"))]),
            Do(5, Fulfil(0, V(0))),
            Err(DomainError::WishCancelled),
        ),
        (
            claimed(),
            Do(4, Fulfil(0, Ghost)),
            Err(DomainError::UnknownVolunteer(
                Scene::new().who(Ghost).volunteer().unwrap(),
            )),
        ),
    ]);

    let scene = Scene::with(&then(claimed(), &[Do(4, Release(0, V(0)))]));
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(4)), WishPhase::Open);
    assert_eq!(
        wish.claim_of(v0).unwrap().status(hour(4)),
        ClaimStatus::Released { at: hour(4) }
    );
    // Released, it may be claimed again, by anyone.
    let mut scene = scene;
    scene.run(Do(5, Claim(0, V(1)))).unwrap();
}

// --- overdue claims -------------------------------------------------------------

#[test]
fn an_overdue_claim_counts_as_released_from_its_due_time() {
    let scene = Scene::with(&claimed());
    let state = scene.state();
    let wish = state.wish(scene.wishes[0]).unwrap();
    let v0 = scene.who(V(0));
    let due = hour(DUE);
    assert_eq!(wish.claims()[0].due, due);
    let just_before = Timestamp(due.0 - 1);
    assert_eq!(wish.phase(just_before), WishPhase::Claimed);
    assert_eq!(wish.phase(due), WishPhase::Reopened);
    assert!(wish.phase(due).is_open());
    assert_eq!(
        wish.claim_of(v0).unwrap().status(just_before),
        ClaimStatus::Holding
    );
    assert_eq!(wish.claim_of(v0).unwrap().status(due), ClaimStatus::Lapsed);
    assert_eq!(wish.holder(due), None);
    assert_eq!(state.open_claims(v0, just_before), 1);
    assert_eq!(state.open_claims(v0, due), 0);
    // The wall lists it as open again, not as claimed.
    assert_eq!(state.claimed_wishes(just_before).len(), 1);
    assert!(state.open_wishes(just_before).is_empty());
    assert!(state.claimed_wishes(due).is_empty());
    assert_eq!(state.open_wishes(due)[0].id, scene.wishes[0]);
}

#[test]
fn after_its_due_time_the_old_claimant_can_neither_fulfil_nor_release_but_may_claim_again() {
    let due = hour(DUE);
    check_all(vec![
        (claimed(), Do(DUE - 1, Fulfil(0, V(0))), ok()),
        (
            claimed(),
            Do(DUE, Fulfil(0, V(0))),
            Err(DomainError::ClaimLapsed { due }),
        ),
        (
            claimed(),
            Do(DUE, Release(0, V(0))),
            Err(DomainError::ClaimLapsed { due }),
        ),
        // Someone else: nobody holds it.
        (
            claimed(),
            Do(DUE, Fulfil(0, V(1))),
            Err(DomainError::WishNotClaimed),
        ),
        (claimed(), Do(DUE, Claim(0, V(1))), ok()),
        (claimed(), Do(DUE, Claim(0, V(0))), ok()),
        // Once another volunteer took it, the old claimant is refused as anyone else.
        (
            then(claimed(), &[Do(DUE, Claim(0, V(1)))]),
            Do(DUE + 1, Fulfil(0, V(0))),
            Err(DomainError::ClaimedBySomeoneElse {
                by: Scene::new().who(V(1)),
            }),
        ),
        // A fulfilled wish never lapses.
        (fulfilled(), Do(DUE + 1, Confirm(0, "")), ok()),
    ]);

    // Claiming again starts a new claim, due seven days later; the old one is lapsed.
    let scene = Scene::with(&then(claimed(), &[Do(DUE + 2, Claim(0, V(0)))]));
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    let claims = wish.claims();
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0].status(hour(DUE + 2)), ClaimStatus::Lapsed);
    assert_eq!(claims[1].due, hour(DUE + 2 + 7 * 24));
    assert_eq!(wish.phase(hour(DUE + 3)), WishPhase::Claimed);
}

#[test]
fn a_claim_keeps_the_lapse_time_of_the_policy_it_was_made_under() {
    let scene = Scene::with(&then(
        published(),
        &[
            Do(3, Policy(|p| p.claim_days = 2)),
            Do(4, Claim(0, V(0))),
            Do(5, Policy(|p| p.claim_days = 30)),
        ],
    ));
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.claims()[0].due, hour(4 + 48));
    assert_eq!(wish.phase(hour(4 + 48)), WishPhase::Reopened);
}

// --- confirmation and points ----------------------------------------------------

#[test]
fn staff_confirm_a_fulfilled_wish_with_a_thank_you() {
    check_all(vec![
        (
            fulfilled(),
            Do(6, Confirm(0, "谢谢小王，风扇又转起来了！")),
            ok(),
        ),
        (fulfilled(), Do(6, Confirm(0, "")), ok()),
        (
            claimed(),
            Do(4, Confirm(0, "")),
            Err(DomainError::WishNotFulfilled),
        ),
        (
            published(),
            Do(3, Confirm(0, "")),
            Err(DomainError::WishNotFulfilled),
        ),
        (
            pending(),
            Do(2, Confirm(0, "")),
            Err(DomainError::WishNotFulfilled),
        ),
        (
            confirmed(),
            Do(7, Confirm(0, "")),
            Err(DomainError::WishAlreadyConfirmed),
        ),
        (
            cancelled(),
            Do(4, Confirm(0, "")),
            Err(DomainError::WishCancelled),
        ),
        (
            fulfilled(),
            Do(6, Confirm(0, long_thanks())),
            Err(DomainError::TooLong {
                field: Field::ThankYou,
                max: 200,
            }),
        ),
        (
            fulfilled(),
            Do(6, Confirm(0, "有事请打 13812345678")),
            Err(DomainError::PhoneInPublicText {
                found: "13812345678".into(),
            }),
        ),
    ]);

    // A child's thank-you note is public too: no full name.
    let child = vec![
        Do(1, PostChild(same)),
        Do(2, Publish(0)),
        Do(3, Claim(0, V(2))),
        Do(4, Fulfil(0, V(2))),
    ];
    check_all(vec![
        (
            child.clone(),
            Do(5, Confirm(0, "张小明同学说谢谢叔叔")),
            Err(DomainError::ChildFullName {
                found: "张小明同学".into(),
            }),
        ),
        (child, Do(5, Confirm(0, "小明同学说谢谢叔叔")), ok()),
    ]);

    let scene = Scene::with(&confirmed());
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(7)), WishPhase::Confirmed);
    let confirmation = wish.confirmed.as_ref().unwrap();
    assert_eq!(confirmation.thanks, "谢谢小王！");
    assert_eq!(confirmation.at, hour(6));
}

#[test]
fn confirmation_credits_the_volunteer_on_the_same_ledger() {
    let scene = Scene::with(&confirmed());
    let state = scene.state();
    let wish = state.wish(scene.wishes[0]).unwrap();
    let volunteer = scene.volunteers[0];
    assert_eq!(state.balance(volunteer), Points::whole(5));
    assert_eq!(state.available(volunteer, hour(7)), Points::whole(5));
    let entry_id = wish.confirmed.as_ref().unwrap().entry.unwrap();
    let entry = state.ledger().entry(entry_id).unwrap();
    assert_eq!(entry.kind, EntryKind::WishCredit { wish: wish.id });
    assert_eq!(entry.from, Account::Pool);
    assert_eq!(entry.to, Account::Volunteer(volunteer));
    assert_eq!(entry.reason, "修电风扇");
    assert!(entry.kind.is_reversible());
    assert!(entry.kind.is_earning());
    // Nobody else earned anything.
    assert_eq!(state.balance(scene.volunteers[1]), Points::ZERO);
}

#[test]
fn a_unit_that_lit_a_wish_earns_unit_points() {
    let scene = Scene::with(&then(
        published(),
        &[
            Do(3, Claim(0, U(0))),
            Do(4, Fulfil(0, U(0))),
            Do(5, Confirm(0, "谢谢供电所的师傅")),
        ],
    ));
    let state = scene.state();
    assert_eq!(state.unit_balance(scene.units[0]), Points::whole(5));
    let entry = state.ledger().entries().last().unwrap();
    assert_eq!(entry.to, Account::Unit(scene.units[0]));
    assert!(matches!(entry.kind, EntryKind::WishCredit { .. }));
}

#[test]
fn a_wish_keeps_the_points_of_the_policy_it_was_published_under() {
    let scene = Scene::with(&[
        Do(
            1,
            Policy(|p| {
                p.volunteer_points = Points::whole(8);
                p.unit_points = Points::whole(20);
            }),
        ),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(3, Policy(|p| p.volunteer_points = Points::whole(2))),
        Do(3, Publish(1)),
        Do(4, Claim(0, V(0))),
        Do(4, Claim(1, V(1))),
        Do(5, Fulfil(0, V(0))),
        Do(5, Fulfil(1, V(1))),
        Do(6, Confirm(0, "")),
        Do(6, Confirm(1, "")),
    ]);
    let state = scene.state();
    assert_eq!(state.balance(scene.volunteers[0]), Points::whole(8));
    assert_eq!(state.balance(scene.volunteers[1]), Points::whole(2));
    assert_eq!(
        state.wish(scene.wishes[0]).unwrap().reward.unit,
        Points::whole(20)
    );
}

#[test]
fn a_wish_worth_no_points_is_confirmed_without_a_ledger_entry() {
    let scene = Scene::with(&then(
        vec![Do(1, Policy(|p| p.volunteer_points = Points::ZERO))],
        &then(
            published(),
            &[
                Do(3, Claim(0, V(0))),
                Do(4, Fulfil(0, V(0))),
                Do(5, Confirm(0, "")),
            ],
        ),
    ));
    let state = scene.state();
    let wish = state.wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(6)), WishPhase::Confirmed);
    assert_eq!(wish.confirmed.as_ref().unwrap().entry, None);
    assert!(state.ledger().entries().is_empty());
}

#[test]
fn a_wish_credit_is_reversed_like_any_credit_and_the_wish_stays_confirmed() {
    let mut scene = Scene::with(&confirmed());
    let entry = scene
        .state()
        .wish(scene.wishes[0])
        .unwrap()
        .confirmed
        .as_ref()
        .unwrap()
        .entry
        .unwrap();
    scene
        .r
        .act_at(
            hour(8),
            Action::ReverseEntry {
                entry,
                reason: "确认错了心愿".into(),
            },
        )
        .unwrap();
    let state = scene.state();
    assert_eq!(state.balance(scene.volunteers[0]), Points::ZERO);
    assert!(state.ledger().reversed_by(entry).is_some());
    assert_eq!(
        state.wish(scene.wishes[0]).unwrap().phase(hour(9)),
        WishPhase::Confirmed
    );
    assert_eq!(
        scene.r.act_at(
            hour(9),
            Action::ReverseEntry {
                entry,
                reason: "再冲一次".into(),
            },
        ),
        Err(DomainError::AlreadyReversed(entry))
    );
}

// --- cancel and close -----------------------------------------------------------

#[test]
fn an_organizer_cancels_a_wish_until_it_is_fulfilled() {
    check_all(vec![
        (pending(), Do(2, Cancel(0, "老人婉拒")), ok()),
        (published(), Do(3, Cancel(0, "老人已搬走")), ok()),
        (claimed(), Do(4, Cancel(0, "家属已解决")), ok()),
        (claimed(), Do(DUE + 1, Cancel(0, "家属已解决")), ok()),
        (
            published(),
            Do(3, Cancel(0, "")),
            Err(DomainError::Required(Field::Reason)),
        ),
        (
            fulfilled(),
            Do(6, Cancel(0, "不需要了")),
            Err(DomainError::WishAlreadyFulfilled),
        ),
        (
            confirmed(),
            Do(7, Cancel(0, "不需要了")),
            Err(DomainError::WishAlreadyConfirmed),
        ),
        (
            cancelled(),
            Do(4, Cancel(0, "再取消")),
            Err(DomainError::WishCancelled),
        ),
        (
            rejected(),
            Do(3, Cancel(0, "撤回")),
            Err(DomainError::WishRejected),
        ),
        (
            closed(),
            Do(242, Cancel(0, "撤回")),
            Err(DomainError::WishClosed),
        ),
    ]);

    // The claimant of a cancelled wish loses nothing and sees why.
    let scene = Scene::with(&then(claimed(), &[Do(4, Cancel(0, "家属已解决"))]));
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(5)), WishPhase::Cancelled);
    assert_eq!(
        wish.claim_of(scene.who(V(0))).unwrap().status(hour(5)),
        ClaimStatus::WishCancelled { at: hour(4) }
    );
    assert_eq!(scene.state().open_claims(scene.who(V(0)), hour(5)), 0);
}

#[test]
fn an_organizer_closes_an_open_wish_once_its_date_has_passed() {
    check_all(vec![
        (published(), Do(240, Close(0)), ok()),
        (
            published(),
            Do(239, Close(0)),
            Err(DomainError::WishNotDue { wanted_by: day(10) }),
        ),
        // Claimed and lapsed, it is open again: it may be closed.
        (claimed(), Do(241, Close(0)), ok()),
        (
            then(published(), &[Do(200, Claim(0, V(0)))]),
            Do(241, Close(0)),
            Err(DomainError::WishInProgress),
        ),
        (
            pending(),
            Do(241, Close(0)),
            Err(DomainError::WishNotPublished),
        ),
        (
            then(
                published(),
                &[Do(200, Claim(0, V(0))), Do(201, Fulfil(0, V(0)))],
            ),
            Do(241, Close(0)),
            Err(DomainError::WishAlreadyFulfilled),
        ),
        (closed(), Do(242, Close(0)), Err(DomainError::WishClosed)),
    ]);
    let scene = Scene::with(&closed());
    let wish = scene.state().wish(scene.wishes[0]).unwrap();
    assert_eq!(wish.phase(hour(242)), WishPhase::Closed);
    assert!(!wish.phase(hour(242)).is_open());
}

// --- conflicts from merged data -------------------------------------------------

/// Two devices, each with the published wish, claim it offline; `a_first` says whose
/// claim is earlier in the total order. Returns both replicas after syncing both ways,
/// the events arriving in the two orders, and the claimants.
fn offline_claims(a_first: bool) -> (Scene, Replica, Claimant, Claimant) {
    let mut a = Scene::with(&published());
    let mut b = Replica::new(2);
    b.sync_from(&a.r);
    let (va, vb) = (a.who(V(0)), a.who(V(1)));
    let wish = a.wishes[0];
    let (at_a, at_b) = if a_first {
        (hour(3), hour(4))
    } else {
        (hour(4), hour(3))
    };
    a.r.act_at(at_a, Action::ClaimWish { wish, claimant: va })
        .unwrap();
    b.act_at(at_b, Action::ClaimWish { wish, claimant: vb })
        .unwrap();
    // The volunteer on device b goes on and lights it, still offline.
    b.act_at(hour(5), Action::FulfilWish { wish, claimant: vb })
        .unwrap();
    let b_before = Replica {
        journal: b.journal.clone(),
        id: b.id,
        next_seq: b.next_seq,
        wall: b.wall,
    };
    b.sync_from(&a.r);
    a.r.sync_from(&b_before);
    (a, b, va, vb)
}

#[test]
fn the_earliest_claim_wins_everywhere_whichever_order_the_events_arrive_in() {
    for a_first in [true, false] {
        let (a, b, va, vb) = offline_claims(a_first);
        assert_eq!(a.state(), b.journal.state(), "both devices agree");
        let (winner, loser) = if a_first { (va, vb) } else { (vb, va) };
        let state = a.state();
        let wish = state.wish(a.wishes[0]).unwrap();
        assert_eq!(wish.claims().len(), 2);
        assert_eq!(wish.current_claim().unwrap().claimant, winner);
        assert_eq!(
            wish.claim_of(loser).unwrap().status(hour(6)),
            ClaimStatus::Lost { winner },
        );
        // The loser is told “claimed by someone else” when they look…
        let (_, claim) = state.claims_of(loser)[0];
        assert!(matches!(claim.status(hour(6)), ClaimStatus::Lost { .. }));
        // …and when they try again.
        assert_eq!(
            state.check_new(
                &Action::ClaimWish {
                    wish: wish.id,
                    claimant: loser
                },
                hour(6)
            ),
            Err(DomainError::ClaimedBySomeoneElse { by: winner })
        );
        if a_first {
            // b's fulfilment came after a's claim: refused, and kept with its reason.
            assert_eq!(wish.phase(hour(6)), WishPhase::Claimed);
            assert_eq!(state.rejected().len(), 1);
            assert_eq!(
                state.rejected()[0].error,
                DomainError::ClaimedBySomeoneElse { by: winner }
            );
        } else {
            assert_eq!(wish.phase(hour(6)), WishPhase::Fulfilled);
            assert!(state.rejected().is_empty());
        }
        // The losing claim cost nothing.
        assert_eq!(state.balance(loser.volunteer().unwrap()), Points::ZERO);
        assert_eq!(state.open_claims(loser, hour(6)), 0);
    }
}

#[test]
fn claims_at_the_same_moment_are_ordered_by_replica() {
    let mut a = Scene::with(&published());
    let mut b = Replica::new(2);
    b.sync_from(&a.r);
    let wish = a.wishes[0];
    let (va, vb) = (a.who(V(0)), a.who(V(1)));
    a.r.act_at(hour(3), Action::ClaimWish { wish, claimant: va })
        .unwrap();
    b.act_at(hour(3), Action::ClaimWish { wish, claimant: vb })
        .unwrap();
    let mut one = Journal::default();
    one.merge(b.journal.events().cloned());
    one.merge(a.r.journal.events().cloned());
    let mut other = Journal::default();
    other.merge(a.r.journal.events().cloned());
    other.merge(b.journal.events().cloned());
    assert_eq!(one.state(), other.state());
    // Replica 1 sorts before replica 2.
    let held = one.state().wish(wish).unwrap().holder(hour(4)).unwrap();
    assert_eq!(held.claimant, va);
}

#[test]
fn a_claim_merged_after_its_wish_was_cancelled_is_refused_and_kept() {
    let mut a = Scene::with(&published());
    let mut b = Replica::new(2);
    b.sync_from(&a.r);
    let wish = a.wishes[0];
    let vb = a.who(V(1));
    a.r.act_at(
        hour(3),
        Action::CancelWish {
            wish,
            reason: "老人已搬走".into(),
        },
    )
    .unwrap();
    b.act_at(hour(4), Action::ClaimWish { wish, claimant: vb })
        .unwrap();
    a.r.sync_from(&b);
    let state = a.state();
    assert_eq!(state.rejected().len(), 1);
    assert_eq!(state.rejected()[0].error, DomainError::WishCancelled);
    assert!(state.wish(wish).unwrap().claims().is_empty());
}

// --- the wish wall --------------------------------------------------------------

#[test]
fn the_wall_lists_open_claimed_and_lit_wishes() {
    let scene = Scene::with(&[
        Do(1, Post(|p| p.wanted_by = day(9))),
        Do(1, Post(same)),
        Do(1, Post(|p| p.wanted_by = day(5))),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(2, Publish(2)),
        Do(2, Publish(3)),
        Do(2, Publish(4)),
        // 3 is claimed, 4 is claimed later, 1 fulfilled, 5 stays pending.
        Do(3, Claim(3, V(0))),
        Do(4, Claim(4, U(0))),
        Do(3, Claim(1, V(1))),
        Do(5, Fulfil(1, V(1))),
    ]);
    let state = scene.state();
    let w = &scene.wishes;
    let ids = |list: Vec<&linli::domain::Wish>| list.iter().map(|x| x.id).collect::<Vec<_>>();
    let now = hour(6);
    assert_eq!(ids(state.open_wishes(now)), vec![w[2], w[0]]);
    assert_eq!(ids(state.claimed_wishes(now)), vec![w[4], w[3]]);
    // Fulfilled by the volunteer, not yet confirmed by staff: waiting, not lit.
    assert!(state.lit_wishes().is_empty());
    assert_eq!(ids(state.awaiting_confirmation()), vec![w[1]]);
    assert_eq!(ids(state.pending_wishes()), vec![w[5]]);
    assert_eq!(state.wishes().count(), 6);
}

#[test]
fn the_wall_counts_wishes_lit_and_residents_reached_this_year() {
    let scene = Scene::with(&[
        // Two wishes of 王奶奶 (the second names the first), one of 李爷爷, one child's
        // with 王奶奶's alias spelt with other spaces, and one never lit.
        Do(1, Post(same)),
        Do(1, PostFor(0)),
        Do(1, Post(|p| p.alias = "独居老人 李爷爷".into())),
        Do(1, Post(|p| p.alias = "独居老人王奶奶 ".into())),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(2, Publish(2)),
        Do(2, Publish(3)),
        Do(2, Publish(4)),
        Do(3, Claim(0, V(0))),
        Do(3, Claim(1, V(1))),
        Do(3, Claim(2, U(0))),
        Do(3, Claim(3, U(1))),
        Do(4, Fulfil(0, V(0))),
        Do(4, Fulfil(1, V(1))),
        Do(4, Fulfil(2, U(0))),
        Do(4, Fulfil(3, U(1))),
        Do(5, Confirm(0, "")),
        Do(5, Confirm(1, "")),
        Do(5, Confirm(2, "")),
    ]);
    let state = scene.state();
    let this_year = Period::year_of(hour(6));
    // Wish 3 is only marked fulfilled: not lit, and its resident not counted.
    assert_eq!(
        state.wall_counts(this_year),
        WallCounts {
            lit: 3,
            residents: 2
        }
    );
    assert_eq!(
        state.resident_key(state.wish(scene.wishes[1]).unwrap()),
        state.resident_key(state.wish(scene.wishes[0]).unwrap())
    );
    // Last year: nothing. T0 is 2026-11-21.
    assert_eq!(
        state.wall_counts(Period::year(2025).unwrap()),
        WallCounts::default()
    );
    assert_eq!(Period::year_of(T0), Period::year(2026).unwrap());
}

#[test]
fn a_wish_is_lit_only_when_staff_confirm_it() {
    let scene = Scene::with(&[
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(3, Claim(0, V(0))),
        Do(4, Fulfil(0, V(0))),
    ]);
    let this_year = Period::year_of(hour(6));
    let state = scene.state();
    let wish = state.wish(scene.wishes[0]).unwrap();
    assert!(!wish.phase(hour(5)).is_lit());
    assert_eq!(state.wall_counts(this_year), WallCounts::default());
    assert!(state.lit_wishes().is_empty());

    let scene = Scene::with(&[
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(3, Claim(0, V(0))),
        Do(4, Fulfil(0, V(0))),
        Do(5, Confirm(0, "谢谢")),
    ]);
    let state = scene.state();
    assert!(state.wish(scene.wishes[0]).unwrap().phase(hour(6)).is_lit());
    assert_eq!(
        state.wall_counts(this_year),
        WallCounts {
            lit: 1,
            residents: 1
        }
    );
    assert!(state.awaiting_confirmation().is_empty());
}

#[test]
fn a_volunteers_claims_are_listed_with_their_outcome() {
    let scene = Scene::with(&[
        Do(1, Post(same)),
        Do(1, Post(same)),
        Do(2, Publish(0)),
        Do(2, Publish(1)),
        Do(3, Claim(0, V(0))),
        Do(4, Release(0, V(0))),
        Do(5, Claim(1, V(0))),
        Do(6, Fulfil(1, V(0))),
    ]);
    let state = scene.state();
    let lines: Vec<_> = state
        .claims_of(scene.who(V(0)))
        .into_iter()
        .map(|(w, c)| (w.id, c.status(hour(7))))
        .collect();
    assert_eq!(
        lines,
        vec![
            (scene.wishes[1], ClaimStatus::Fulfilled { at: hour(6) }),
            (scene.wishes[0], ClaimStatus::Released { at: hour(4) }),
        ]
    );
    assert!(state.claims_of(scene.who(V(1))).is_empty());
}

#[test]
fn wish_actions_are_stored_with_readable_tags() {
    let scene = Scene::with(&claimed());
    let json = serde_json::to_string(&linli::store::tagged::Tagged(&scene.action(Claim(0, V(0)))))
        .unwrap();
    assert!(json.starts_with(r#"{"t":"claim_wish","wish":""#), "{json}");
    assert!(json.contains(r#""claimant":{"volunteer":""#), "{json}");
    let json = serde_json::to_string(&linli::store::tagged::Tagged(&Action::PostWish {
        plan: Box::new(child_plan("书包")),
        resident_of: None,
    }))
    .unwrap();
    assert!(json.contains(r#""beneficiary":"child""#), "{json}");
    assert!(json.contains(r#""category":"goods""#), "{json}");
    assert!(!json.contains("resident_of"), "{json}");
    let back = linli::store::tagged::from_value(serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(
        back,
        Action::PostWish {
            plan: Box::new(child_plan("书包")),
            resident_of: None
        }
    );
}
