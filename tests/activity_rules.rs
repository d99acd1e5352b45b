//! Every rule of activities, sign-ups, attendance, hours and points: one data-driven
//! table per rule family, each row run through [`check`].

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, START, T0, at, plan};
use linli::domain::{
    Account, Action, ActivityId, ActivityPlan, DomainError, EntryId, EntryKind, Event, Field,
    Journal, Phase, Points, PointsRule, Role, SignupStatus, StarLevel, Timestamp, VolunteerId,
};

/// What a step of a scene does; volunteers are named by their index in [`NAMES`].
#[derive(Clone, Copy, Debug)]
enum Act {
    SignUp(usize),
    Waitlist(usize),
    Cancel(usize),
    Role(usize, Option<&'static str>),
    In(usize),
    Out(usize),
    NoShow(usize),
    Confirm(usize, Option<u32>),
    ConfirmAll,
    Update(fn(&mut ActivityPlan)),
    CancelActivity(&'static str),
    Deduct(usize, i64),
}

/// A step: at `.0` minutes from [`START`], on activity `.1`, do `.2`.
#[derive(Clone, Copy, Debug)]
struct Do(i64, usize, Act);

const NAMES: [&str; 4] = ["王小明", "李四", "张三", "赵六"];

/// A replica with four volunteers and the given activities, created just after [`T0`].
struct Scene {
    r: Replica,
    activities: Vec<ActivityId>,
    volunteers: Vec<VolunteerId>,
}

impl Scene {
    fn new(plans: &[ActivityPlan]) -> Scene {
        let mut r = Replica::new(1);
        let volunteers = NAMES.iter().map(|n| r.register(n)).collect();
        let activities = plans.iter().map(|p| r.create(p.clone())).collect();
        Scene {
            r,
            activities,
            volunteers,
        }
    }

    /// The standard activity alone, with steps already done.
    fn with(plans: &[ActivityPlan], steps: &[Do]) -> Scene {
        let mut scene = Scene::new(plans);
        for step in steps {
            scene
                .run(*step)
                .unwrap_or_else(|e| panic!("setup step {step:?}: {e:?}"));
        }
        scene
    }

    fn action(&self, Do(_, a, act): Do) -> Action {
        let activity = self.activities[a];
        let v = |i: usize| self.volunteers[i];
        match act {
            Act::SignUp(i) => Action::SignUp {
                activity,
                volunteer: v(i),
            },
            Act::Waitlist(i) => Action::JoinWaitlist {
                activity,
                volunteer: v(i),
            },
            Act::Cancel(i) => Action::CancelSignup {
                activity,
                volunteer: v(i),
            },
            Act::Role(i, role) => Action::AssignRole {
                activity,
                volunteer: v(i),
                role: role.map(str::to_owned),
            },
            Act::In(i) => Action::CheckIn {
                activity,
                volunteer: v(i),
            },
            Act::Out(i) => Action::CheckOut {
                activity,
                volunteer: v(i),
            },
            Act::NoShow(i) => Action::MarkNoShow {
                activity,
                volunteer: v(i),
            },
            Act::Confirm(i, minutes) => Action::ConfirmService {
                activity,
                volunteer: v(i),
                minutes,
            },
            Act::ConfirmAll => Action::ConfirmAll { activity },
            Act::Update(edit) => {
                let mut plan = self
                    .r
                    .journal
                    .state()
                    .activity(activity)
                    .unwrap()
                    .plan
                    .clone();
                edit(&mut plan);
                Action::UpdateActivity {
                    activity,
                    plan: Box::new(plan),
                }
            }
            Act::CancelActivity(reason) => Action::CancelActivity {
                activity,
                reason: reason.into(),
            },
            Act::Deduct(i, points) => Action::DeductPoints {
                volunteer: v(i),
                points: Points::whole(points),
                reason: "兑换".into(),
            },
        }
    }

    fn run(&mut self, step: Do) -> Result<Event, DomainError> {
        let action = self.action(step);
        self.r.act_at(at(step.0), action)
    }

    fn state(&self) -> &linli::domain::State {
        self.r.journal.state()
    }

    /// Each volunteer on activity `a`'s roster, in roster order, with their status.
    fn roster(&self, a: usize) -> Vec<(&'static str, SignupStatus)> {
        let activity = self.state().activity(self.activities[a]).unwrap();
        activity
            .roster()
            .map(|s| (self.name(s.volunteer), s.status()))
            .collect()
    }

    fn name(&self, volunteer: VolunteerId) -> &'static str {
        let i = self
            .volunteers
            .iter()
            .position(|v| *v == volunteer)
            .unwrap();
        NAMES[i]
    }

    fn minutes(&self, i: usize) -> u64 {
        self.state().service_minutes(self.volunteers[i])
    }

    fn balance(&self, i: usize) -> Points {
        self.state().balance(self.volunteers[i])
    }
}

/// Runs `setup` on a scene with `plans`, then checks that `then` gives `expected`.
fn check(plans: &[ActivityPlan], setup: &[Do], then: Do, expected: Result<(), DomainError>) {
    let mut scene = Scene::with(plans, setup);
    let result = scene.run(then).map(|_| ());
    assert_eq!(result, expected, "after {setup:?}, {then:?}");
}

type Case = (Vec<Do>, Do, Result<(), DomainError>);

fn check_all(plans: &[ActivityPlan], cases: Vec<Case>) {
    for (setup, then, expected) in cases {
        check(plans, &setup, then, expected);
    }
}

fn one() -> Vec<ActivityPlan> {
    vec![plan("敬老院探访")]
}

/// A typical sign-up time, well inside the window.
const EARLY: i64 = -2000;

fn signed_up(who: &[usize]) -> Vec<Do> {
    who.iter()
        .enumerate()
        .map(|(n, &i)| Do(EARLY + n as i64, 0, Act::SignUp(i)))
        .collect()
}

#[test]
fn activity_plans_are_validated() {
    type Edit = fn(&mut ActivityPlan);
    let cases: Vec<(Edit, Result<(), DomainError>)> = vec![
        (|_| {}, Ok(())),
        (
            |p| p.title = " ".into(),
            Err(DomainError::Required(Field::Title)),
        ),
        (
            |p| p.title = "题".repeat(41),
            Err(DomainError::TooLong {
                field: Field::Title,
                max: 40,
            }),
        ),
        (
            |p| p.category.clear(),
            Err(DomainError::Required(Field::Category)),
        ),
        (
            |p| p.category = "类".repeat(21),
            Err(DomainError::TooLong {
                field: Field::Category,
                max: 20,
            }),
        ),
        (
            |p| p.place.clear(),
            Err(DomainError::Required(Field::Place)),
        ),
        (
            |p| p.place = "地".repeat(61),
            Err(DomainError::TooLong {
                field: Field::Place,
                max: 60,
            }),
        ),
        (|p| p.details = "说".repeat(500), Ok(())),
        (
            |p| p.details = "说".repeat(501),
            Err(DomainError::TooLong {
                field: Field::Details,
                max: 500,
            }),
        ),
        (|p| p.end = p.start, Err(DomainError::EndNotAfterStart)),
        (|p| p.end = at(-1), Err(DomainError::EndNotAfterStart)),
        (
            |p| p.end = Timestamp(p.start.0 + 59_999),
            Err(DomainError::EndNotAfterStart),
        ),
        (|p| p.end = at(1), Ok(())),
        (|p| p.end = at(7 * 24 * 60), Ok(())),
        (
            |p| p.end = at(7 * 24 * 60 + 1),
            Err(DomainError::ActivityTooLong { max_days: 7 }),
        ),
        (
            |p| p.capacity = 0,
            Err(DomainError::CapacityOutOfRange { max: 10_000 }),
        ),
        (|p| p.capacity = 10_000, Ok(())),
        (
            |p| p.capacity = 10_001,
            Err(DomainError::CapacityOutOfRange { max: 10_000 }),
        ),
        (
            |p| p.signup_closes = p.signup_opens,
            Err(DomainError::SignupClosesBeforeOpens),
        ),
        (|p| p.signup_closes = START, Ok(())),
        (
            |p| p.signup_closes = at(1),
            Err(DomainError::SignupClosesAfterStart),
        ),
        (|p| p.cancel_deadline = START, Ok(())),
        (
            |p| p.cancel_deadline = at(1),
            Err(DomainError::CancelDeadlineAfterStart),
        ),
        (
            |p| p.rule = PointsRule::Fixed(Points(-1)),
            Err(DomainError::RulePointsOutOfRange {
                max: Points::whole(1_000),
            }),
        ),
        (|p| p.rule = PointsRule::Fixed(Points::ZERO), Ok(())),
        (|p| p.rule = PointsRule::Fixed(Points::whole(1_000)), Ok(())),
        (
            |p| {
                p.rule = PointsRule::PerHour {
                    points_per_hour: Points(100_001),
                    cap_minutes: None,
                }
            },
            Err(DomainError::RulePointsOutOfRange {
                max: Points::whole(1_000),
            }),
        ),
        (
            |p| {
                p.rule = PointsRule::PerHour {
                    points_per_hour: Points::whole(1),
                    cap_minutes: Some(0),
                }
            },
            Err(DomainError::CapOutOfRange { max: 10_080 }),
        ),
        (
            |p| {
                p.rule = PointsRule::PerHour {
                    points_per_hour: Points::whole(1),
                    cap_minutes: Some(10_081),
                }
            },
            Err(DomainError::CapOutOfRange { max: 10_080 }),
        ),
        (
            |p| p.roles[0].multiplier = 0,
            Err(DomainError::MultiplierOutOfRange { max: 500 }),
        ),
        (
            |p| p.roles[0].multiplier = 501,
            Err(DomainError::MultiplierOutOfRange { max: 500 }),
        ),
        (
            |p| p.roles[0].name = "".into(),
            Err(DomainError::Required(Field::Role)),
        ),
        (
            |p| p.roles[0].name = "岗".repeat(21),
            Err(DomainError::TooLong {
                field: Field::Role,
                max: 20,
            }),
        ),
        (
            |p| p.roles.push(p.roles[0].clone()),
            Err(DomainError::DuplicateRole("队长".into())),
        ),
        (
            |p| {
                p.roles = (0..9)
                    .map(|i| Role {
                        name: format!("岗位{i}"),
                        multiplier: 100,
                    })
                    .collect()
            },
            Err(DomainError::TooMany {
                field: Field::Role,
                max: 8,
            }),
        ),
        (
            |p| p.presence_percent = 0,
            Err(DomainError::PresenceOutOfRange),
        ),
        (
            |p| p.presence_percent = 101,
            Err(DomainError::PresenceOutOfRange),
        ),
        (|p| p.presence_percent = 100, Ok(())),
        (
            |p| p.no_show_limit = 0,
            Err(DomainError::NoShowLimitOutOfRange { max: 99 }),
        ),
        (
            |p| p.no_show_limit = 100,
            Err(DomainError::NoShowLimitOutOfRange { max: 99 }),
        ),
    ];
    for (edit, expected) in cases {
        let mut plan = plan("敬老院探访");
        edit(&mut plan);
        let mut r = Replica::new(1);
        let result = r.act(Action::CreateActivity {
            plan: Box::new(plan.clone()),
        });
        assert_eq!(result.map(|_| ()), expected, "{plan:?}");
    }
}

#[test]
fn activities_are_updated_and_cancelled() {
    let plans = one();
    check_all(
        &plans,
        vec![
            (
                vec![],
                Do(EARLY, 0, Act::Update(|p| p.place = "3号楼".into())),
                Ok(()),
            ),
            (
                vec![],
                Do(EARLY, 0, Act::Update(|p| p.end = p.start)),
                Err(DomainError::EndNotAfterStart),
            ),
            (
                signed_up(&[0, 1]),
                Do(EARLY + 10, 0, Act::Update(|p| p.capacity = 1)),
                Err(DomainError::CapacityBelowTaken { taken: 2 }),
            ),
            (
                signed_up(&[0]),
                Do(EARLY + 10, 0, Act::Update(|p| p.capacity = 1)),
                Ok(()),
            ),
            (vec![], Do(EARLY, 0, Act::CancelActivity("下雨")), Ok(())),
            (
                vec![],
                Do(EARLY, 0, Act::CancelActivity(" ")),
                Err(DomainError::Required(Field::Reason)),
            ),
            (
                vec![Do(EARLY, 0, Act::CancelActivity("下雨"))],
                Do(EARLY + 1, 0, Act::CancelActivity("下雨")),
                Err(DomainError::ActivityCancelled),
            ),
            (
                vec![Do(EARLY, 0, Act::CancelActivity("下雨"))],
                Do(EARLY + 1, 0, Act::Update(|p| p.capacity = 5)),
                Err(DomainError::ActivityCancelled),
            ),
            (
                [signed_up(&[0]), vec![Do(0, 0, Act::In(0))]].concat(),
                Do(1, 0, Act::CancelActivity("下雨")),
                Err(DomainError::ActivityHasAttendance),
            ),
            (
                [signed_up(&[0]), vec![Do(0, 0, Act::NoShow(0))]].concat(),
                Do(1, 0, Act::CancelActivity("下雨")),
                Err(DomainError::ActivityHasAttendance),
            ),
            // Sign-ups alone do not stop a cancellation.
            (
                signed_up(&[0, 1]),
                Do(0, 0, Act::CancelActivity("下雨")),
                Ok(()),
            ),
        ],
    );
}

#[test]
fn each_reason_a_sign_up_is_refused() {
    let later_window = {
        let mut p = plan("敬老院探访");
        p.signup_opens = at(-1000);
        vec![p]
    };
    check(
        &later_window,
        &[],
        Do(-1001, 0, Act::SignUp(0)),
        Err(DomainError::SignupNotOpen { opens: at(-1000) }),
    );
    check(&later_window, &[], Do(-1000, 0, Act::SignUp(0)), Ok(()));

    let plans = one();
    check_all(
        &plans,
        vec![
            (vec![], Do(EARLY, 0, Act::SignUp(0)), Ok(())),
            (vec![], Do(-61, 0, Act::SignUp(0)), Ok(())),
            (
                vec![],
                Do(-60, 0, Act::SignUp(0)),
                Err(DomainError::SignupClosed),
            ),
            (
                vec![],
                Do(119, 0, Act::SignUp(0)),
                Err(DomainError::SignupClosed),
            ),
            (
                vec![],
                Do(120, 0, Act::SignUp(0)),
                Err(DomainError::ActivityEnded),
            ),
            (
                vec![],
                Do(120, 0, Act::Waitlist(0)),
                Err(DomainError::ActivityEnded),
            ),
            (
                signed_up(&[0, 1]),
                Do(EARLY + 10, 0, Act::SignUp(2)),
                Err(DomainError::ActivityFull),
            ),
            // Full: the waitlist is the way in.
            (
                signed_up(&[0, 1]),
                Do(EARLY + 10, 0, Act::Waitlist(2)),
                Ok(()),
            ),
            (
                signed_up(&[0]),
                Do(EARLY + 10, 0, Act::SignUp(0)),
                Err(DomainError::AlreadySignedUp),
            ),
            (
                signed_up(&[0]),
                Do(EARLY + 10, 0, Act::Waitlist(0)),
                Err(DomainError::AlreadySignedUp),
            ),
            (
                [signed_up(&[0, 1]), vec![Do(EARLY + 5, 0, Act::Waitlist(2))]].concat(),
                Do(EARLY + 10, 0, Act::SignUp(2)),
                Err(DomainError::AlreadySignedUp),
            ),
            // After cancelling, one may sign up again.
            (
                [signed_up(&[0]), vec![Do(EARLY + 5, 0, Act::Cancel(0))]].concat(),
                Do(EARLY + 10, 0, Act::SignUp(0)),
                Ok(()),
            ),
            (
                vec![Do(EARLY, 0, Act::CancelActivity("下雨"))],
                Do(EARLY + 10, 0, Act::SignUp(0)),
                Err(DomainError::ActivityCancelled),
            ),
            (
                vec![Do(EARLY, 0, Act::CancelActivity("下雨"))],
                Do(EARLY + 10, 0, Act::Waitlist(0)),
                Err(DomainError::ActivityCancelled),
            ),
        ],
    );
}

#[test]
fn a_sign_up_that_collides_with_another_of_mine_is_refused() {
    let overlapping = plan("垃圾分类宣传").copied_to_start(at(60));
    // Starts as the overlapping one ends.
    let adjacent = plan("文明劝导").copied_to_start(at(180));
    let plans = vec![plan("敬老院探访"), overlapping, adjacent];
    let mut scene = Scene::with(&plans, &[Do(EARLY, 1, Act::SignUp(0))]);
    assert_eq!(
        scene.run(Do(EARLY + 1, 0, Act::SignUp(0))).map(|_| ()),
        Err(DomainError::Collides {
            with: scene.activities[1],
            title: "垃圾分类宣传".into(),
        })
    );
    // Someone else may; so may I for an activity that starts as mine ends.
    assert!(scene.run(Do(EARLY + 2, 0, Act::SignUp(1))).is_ok());
    assert!(scene.run(Do(EARLY + 3, 2, Act::SignUp(0))).is_ok());

    let mut scene = Scene::with(&plans, &[Do(EARLY, 1, Act::Waitlist(0))]);
    // A waitlist place collides too: it may turn into a seat at any time.
    let full = Scene::with(
        &plans,
        &[
            Do(EARLY, 1, Act::SignUp(1)),
            Do(EARLY + 1, 1, Act::SignUp(2)),
            Do(EARLY + 2, 1, Act::Waitlist(0)),
        ],
    );
    assert_eq!(
        full.state()
            .activity(full.activities[1])
            .unwrap()
            .waitlist_position(full.volunteers[0]),
        Some(1)
    );
    let mut full = full;
    assert!(matches!(
        full.run(Do(EARLY + 3, 0, Act::SignUp(0))),
        Err(DomainError::Collides { .. })
    ));
    // Once the other sign-up is cancelled, or the other activity is, there is no collision.
    scene.run(Do(EARLY + 1, 1, Act::Cancel(0))).unwrap();
    assert!(scene.run(Do(EARLY + 2, 0, Act::SignUp(0))).is_ok());
    let mut scene = Scene::with(
        &plans,
        &[
            Do(EARLY, 1, Act::SignUp(0)),
            Do(EARLY + 1, 1, Act::CancelActivity("人手不足")),
        ],
    );
    assert!(scene.run(Do(EARLY + 2, 0, Act::SignUp(0))).is_ok());
}

#[test]
fn a_collision_follows_an_activity_moved_to_another_time() {
    let overlapping = plan("垃圾分类宣传").copied_to_start(at(60));
    let adjacent = plan("文明劝导").copied_to_start(at(180));
    let plans = vec![plan("敬老院探访"), overlapping, adjacent];
    // I hold the later activity; it is then moved onto the time of the other one.
    let mut scene = Scene::with(
        &plans,
        &[
            Do(EARLY, 2, Act::SignUp(0)),
            Do(
                EARLY + 1,
                2,
                Act::Update(|p| *p = p.copied_to_start(at(60))),
            ),
        ],
    );
    assert_eq!(
        scene.run(Do(EARLY + 2, 1, Act::SignUp(0))).map(|_| ()),
        Err(DomainError::Collides {
            with: scene.activities[2],
            title: "文明劝导".into(),
        })
    );
    // Moved away again, it no longer collides.
    scene
        .run(Do(
            EARLY + 3,
            2,
            Act::Update(|p| *p = p.copied_to_start(at(600))),
        ))
        .unwrap();
    assert!(scene.run(Do(EARLY + 4, 1, Act::SignUp(0))).is_ok());
}

#[test]
fn unknown_activities_and_volunteers_are_refused() {
    let mut scene = Scene::new(&one());
    let nowhere = ActivityId(common::id(42, 1));
    let nobody = VolunteerId(common::id(42, 2));
    for action in [
        Action::SignUp {
            activity: nowhere,
            volunteer: scene.volunteers[0],
        },
        Action::ConfirmAll { activity: nowhere },
        Action::CancelActivity {
            activity: nowhere,
            reason: "x".into(),
        },
    ] {
        assert_eq!(
            scene.r.act(action).map(|_| ()),
            Err(DomainError::UnknownActivity(nowhere))
        );
    }
    let activity = scene.activities[0];
    assert_eq!(
        scene
            .r
            .act(Action::SignUp {
                activity,
                volunteer: nobody,
            })
            .map(|_| ()),
        Err(DomainError::UnknownVolunteer(nobody))
    );
}

/// Three earlier activities (on the day before), each a volunteer may be absent from.
fn with_earlier() -> Vec<ActivityPlan> {
    let mut plans = one();
    for k in 0..3 {
        plans.push(plan(&format!("早场{k}")).copied_to_start(at(-1440 + 150 * k)));
    }
    plans
}

/// 王小明 signed up for the earlier activities `0..n` and was absent from each.
fn absent_times(n: usize) -> Vec<Do> {
    let mut steps: Vec<Do> = (0..n)
        .map(|k| Do(EARLY + k as i64, k + 1, Act::SignUp(0)))
        .collect();
    steps.extend((0..n).map(|k| Do(-1100 + k as i64, k + 1, Act::NoShow(0))));
    steps
}

#[test]
fn volunteers_with_too_many_no_shows_cannot_sign_up() {
    let plans = with_earlier();
    check_all(
        &plans,
        vec![
            (absent_times(2), Do(-1000, 0, Act::SignUp(0)), Ok(())),
            (
                absent_times(3),
                Do(-1000, 0, Act::SignUp(0)),
                Err(DomainError::TooManyNoShows { count: 3, limit: 3 }),
            ),
            (
                absent_times(3),
                Do(-1000, 0, Act::Waitlist(0)),
                Err(DomainError::TooManyNoShows { count: 3, limit: 3 }),
            ),
            // Others are not blocked.
            (absent_times(3), Do(-1000, 0, Act::SignUp(1)), Ok(())),
            // An activity may set its own limit.
            (
                [
                    absent_times(3),
                    vec![Do(-1050, 0, Act::Update(|p| p.no_show_limit = 4))],
                ]
                .concat(),
                Do(-1000, 0, Act::SignUp(0)),
                Ok(()),
            ),
            // A no-show marked by mistake is corrected by checking in, and stops counting.
            (
                [absent_times(3), vec![Do(-1050, 3, Act::In(0))]].concat(),
                Do(-1000, 0, Act::SignUp(0)),
                Ok(()),
            ),
        ],
    );
    let scene = Scene::with(&plans, &absent_times(3));
    assert_eq!(scene.state().no_shows(scene.volunteers[0]), 3);
}

#[test]
fn cancelling_a_sign_up() {
    let plans = one();
    let deadline = -24 * 60;
    let full = [signed_up(&[0, 1]), vec![Do(EARLY + 5, 0, Act::Waitlist(2))]].concat();
    check_all(
        &plans,
        vec![
            (signed_up(&[0]), Do(deadline - 1, 0, Act::Cancel(0)), Ok(())),
            (
                signed_up(&[0]),
                Do(deadline, 0, Act::Cancel(0)),
                Err(DomainError::CancelDeadlinePassed),
            ),
            // The waitlist may be left at any time.
            (full.clone(), Do(deadline + 10, 0, Act::Cancel(2)), Ok(())),
            (
                vec![],
                Do(EARLY, 0, Act::Cancel(0)),
                Err(DomainError::NotSignedUp),
            ),
            (
                [signed_up(&[0]), vec![Do(EARLY + 5, 0, Act::Cancel(0))]].concat(),
                Do(EARLY + 10, 0, Act::Cancel(0)),
                Err(DomainError::NotSignedUp),
            ),
            (
                [signed_up(&[0]), vec![Do(deadline - 10, 0, Act::In(0))]].concat(),
                Do(deadline - 5, 0, Act::Cancel(0)),
                Err(DomainError::AlreadyCheckedIn),
            ),
            (
                [signed_up(&[0]), vec![Do(0, 0, Act::NoShow(0))]].concat(),
                Do(5, 0, Act::Cancel(0)),
                Err(DomainError::WasNoShow),
            ),
            (
                [
                    signed_up(&[0]),
                    vec![Do(EARLY + 5, 0, Act::CancelActivity("下雨"))],
                ]
                .concat(),
                Do(EARLY + 10, 0, Act::Cancel(0)),
                Err(DomainError::ActivityCancelled),
            ),
        ],
    );
}

#[test]
fn a_cancellation_moves_the_first_waitlisted_volunteer_up() {
    use SignupStatus::*;
    let mut scene = Scene::with(
        &one(),
        &[
            Do(EARLY, 0, Act::SignUp(0)),
            Do(EARLY + 1, 0, Act::SignUp(1)),
            Do(EARLY + 2, 0, Act::Waitlist(2)),
            Do(EARLY + 3, 0, Act::Waitlist(3)),
        ],
    );
    assert_eq!(
        scene.roster(0),
        [
            ("王小明", SignedUp),
            ("李四", SignedUp),
            ("张三", Waitlisted),
            ("赵六", Waitlisted)
        ]
    );
    let activity = scene.state().activity(scene.activities[0]).unwrap();
    assert_eq!(activity.waitlist_position(scene.volunteers[3]), Some(2));

    scene.run(Do(EARLY + 4, 0, Act::Cancel(1))).unwrap();
    assert_eq!(
        scene.roster(0),
        [
            ("王小明", SignedUp),
            ("张三", SignedUp),
            ("赵六", Waitlisted)
        ]
    );
    let activity = scene.state().activity(scene.activities[0]).unwrap();
    assert_eq!(activity.waitlist_position(scene.volunteers[3]), Some(1));

    // More seats move the waitlist up too.
    scene
        .run(Do(EARLY + 5, 0, Act::Update(|p| p.capacity = 3)))
        .unwrap();
    assert_eq!(
        scene.roster(0),
        [("王小明", SignedUp), ("张三", SignedUp), ("赵六", SignedUp)]
    );
    // Joining the waitlist while a seat is free takes the seat.
    scene
        .run(Do(EARLY + 6, 0, Act::Update(|p| p.capacity = 4)))
        .unwrap();
    scene.run(Do(EARLY + 7, 0, Act::Waitlist(1))).unwrap();
    assert_eq!(scene.roster(0)[3], ("李四", SignedUp));
}

#[test]
fn check_in_check_out_and_no_shows() {
    let plans = one();
    let seated = signed_up(&[0]);
    let with = |more: &[Do]| [seated.clone(), more.to_vec()].concat();
    let waitlisted = [signed_up(&[1, 2]), vec![Do(EARLY + 5, 0, Act::Waitlist(0))]].concat();
    check_all(
        &plans,
        vec![
            (seated.clone(), Do(-10, 0, Act::In(0)), Ok(())),
            (vec![], Do(0, 0, Act::In(0)), Err(DomainError::NotSignedUp)),
            (
                waitlisted.clone(),
                Do(0, 0, Act::In(0)),
                Err(DomainError::OnWaitlist),
            ),
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(1, 0, Act::In(0)),
                Err(DomainError::AlreadyCheckedIn),
            ),
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(100, 0, Act::Out(0)),
                Ok(()),
            ),
            (
                seated.clone(),
                Do(0, 0, Act::Out(0)),
                Err(DomainError::NotCheckedIn),
            ),
            (
                waitlisted.clone(),
                Do(0, 0, Act::Out(0)),
                Err(DomainError::OnWaitlist),
            ),
            (
                with(&[Do(0, 0, Act::In(0)), Do(100, 0, Act::Out(0))]),
                Do(101, 0, Act::Out(0)),
                Err(DomainError::AlreadyCheckedOut),
            ),
            (seated.clone(), Do(0, 0, Act::NoShow(0)), Ok(())),
            (
                seated.clone(),
                Do(-1, 0, Act::NoShow(0)),
                Err(DomainError::ActivityNotStarted),
            ),
            (
                with(&[Do(0, 0, Act::NoShow(0))]),
                Do(1, 0, Act::NoShow(0)),
                Err(DomainError::AlreadyNoShow),
            ),
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(1, 0, Act::NoShow(0)),
                Err(DomainError::AlreadyCheckedIn),
            ),
            (
                waitlisted,
                Do(0, 0, Act::NoShow(0)),
                Err(DomainError::OnWaitlist),
            ),
            // A no-show mark made by mistake: checking in corrects it.
            (
                with(&[Do(0, 0, Act::NoShow(0))]),
                Do(30, 0, Act::In(0)),
                Ok(()),
            ),
            (
                with(&[Do(0, 0, Act::NoShow(0))]),
                Do(30, 0, Act::Out(0)),
                Err(DomainError::NotCheckedIn),
            ),
        ],
    );
}

#[test]
fn confirming_service() {
    let plans = one();
    let seated = signed_up(&[0, 1]);
    let with = |more: &[Do]| [seated.clone(), more.to_vec()].concat();
    let done = with(&[Do(0, 0, Act::In(0)), Do(120, 0, Act::Out(0))]);
    check_all(
        &plans,
        vec![
            (done.clone(), Do(130, 0, Act::Confirm(0, None)), Ok(())),
            (
                seated.clone(),
                Do(130, 0, Act::Confirm(0, None)),
                Err(DomainError::NotCheckedIn),
            ),
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(130, 0, Act::Confirm(0, None)),
                Err(DomainError::NotCheckedOut),
            ),
            // The organizer's own count stands in for a missed check-out…
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(130, 0, Act::Confirm(0, Some(90))),
                Ok(()),
            ),
            // …up to the activity's length.
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(130, 0, Act::Confirm(0, Some(121))),
                Err(DomainError::MinutesOutOfRange { max: 120 }),
            ),
            (
                with(&[Do(0, 0, Act::NoShow(0))]),
                Do(130, 0, Act::Confirm(0, Some(60))),
                Err(DomainError::WasNoShow),
            ),
            (
                [done.clone(), vec![Do(130, 0, Act::Confirm(0, None))]].concat(),
                Do(131, 0, Act::Confirm(0, None)),
                Err(DomainError::AlreadyConfirmed),
            ),
            (
                [done.clone(), vec![Do(130, 0, Act::ConfirmAll)]].concat(),
                Do(131, 0, Act::Confirm(0, None)),
                Err(DomainError::AlreadyConfirmed),
            ),
            (
                [done.clone(), vec![Do(130, 0, Act::Confirm(0, None))]].concat(),
                Do(131, 0, Act::In(0)),
                Err(DomainError::AlreadyConfirmed),
            ),
            (
                [done.clone(), vec![Do(130, 0, Act::Confirm(0, None))]].concat(),
                Do(131, 0, Act::Role(0, Some("队长"))),
                Err(DomainError::AlreadyConfirmed),
            ),
            (done.clone(), Do(130, 0, Act::ConfirmAll), Ok(())),
            (
                with(&[Do(0, 0, Act::In(0))]),
                Do(130, 0, Act::ConfirmAll),
                Err(DomainError::NothingToConfirm),
            ),
            (
                [done.clone(), vec![Do(130, 0, Act::ConfirmAll)]].concat(),
                Do(131, 0, Act::ConfirmAll),
                Err(DomainError::NothingToConfirm),
            ),
            (done.clone(), Do(121, 0, Act::Role(1, Some("队长"))), Ok(())),
            (done.clone(), Do(121, 0, Act::Role(1, None)), Ok(())),
            (
                done.clone(),
                Do(121, 0, Act::Role(1, Some("司机"))),
                Err(DomainError::UnknownRole("司机".into())),
            ),
            (
                done.clone(),
                Do(121, 0, Act::Role(2, Some("队长"))),
                Err(DomainError::NotSignedUp),
            ),
        ],
    );
}

/// A scene where 王小明 signs up, checks in at `from` and out at `to` (minutes from the
/// start), with role `role`, and is confirmed.
fn served(edit: fn(&mut ActivityPlan), from: i64, to: i64, role: Option<&'static str>) -> Scene {
    let mut plan = plan("敬老院探访");
    edit(&mut plan);
    let mut steps = signed_up(&[0]);
    if role.is_some() {
        steps.push(Do(EARLY + 10, 0, Act::Role(0, role)));
    }
    steps.extend([
        Do(from, 0, Act::In(0)),
        Do(to, 0, Act::Out(0)),
        Do(to.max(120) + 1, 0, Act::Confirm(0, None)),
    ]);
    Scene::with(&[plan], &steps)
}

#[test]
fn hours_count_only_when_present_for_the_presence_share() {
    type Edit = fn(&mut ActivityPlan);
    // (plan edit, check-in, check-out, minutes recorded, points)
    let cases: Vec<(Edit, i64, i64, u64, Points)> = vec![
        // 60% of 120 minutes is 72.
        (|_| {}, 0, 72, 72, Points(120)),
        (|_| {}, 0, 71, 0, Points::ZERO),
        (|_| {}, 48, 120, 72, Points(120)),
        (|_| {}, 49, 120, 0, Points::ZERO),
        // Time outside the activity does not count.
        (|_| {}, -30, 150, 120, Points(200)),
        (|_| {}, -60, 71, 0, Points::ZERO),
        // Another share, set by the organizer.
        (|p| p.presence_percent = 50, 0, 60, 60, Points(100)),
        (|p| p.presence_percent = 50, 0, 59, 0, Points::ZERO),
        (|p| p.presence_percent = 100, 0, 120, 120, Points(200)),
        (|p| p.presence_percent = 100, 1, 120, 0, Points::ZERO),
    ];
    for (edit, from, to, minutes, points) in cases {
        let scene = served(edit, from, to, None);
        assert_eq!(scene.minutes(0), minutes, "{from}..{to}");
        assert_eq!(scene.balance(0), points, "{from}..{to}");
        let activity = scene.state().activity(scene.activities[0]).unwrap();
        let service = activity
            .signup_of(scene.volunteers[0])
            .unwrap()
            .service
            .clone()
            .unwrap();
        assert_eq!(service.counted(), minutes > 0);
        assert_eq!(
            service.entry.is_some(),
            points > Points::ZERO,
            "a credit only when points were earned"
        );
    }
    let plan = plan("敬老院探访");
    assert_eq!(plan.presence_needed_minutes(), 72);
}

#[test]
fn points_follow_the_activity_rule_cap_and_role() {
    type Edit = fn(&mut ActivityPlan);
    fn per_hour(p: &mut ActivityPlan, points: i64, cap: Option<u32>) {
        p.rule = PointsRule::PerHour {
            points_per_hour: Points(points),
            cap_minutes: cap,
        };
    }
    // (plan edit, minutes present from the start, role, minutes recorded, points)
    let cases: Vec<(Edit, i64, Option<&'static str>, u64, Points)> = vec![
        (|_| {}, 120, None, 120, Points::whole(2)),
        // Rounded to the nearest hundredth: 73 min at 1/h is 1.2166…
        (|_| {}, 73, None, 73, Points(122)),
        // The cap limits points, never hours.
        (
            |p| per_hour(p, 200, Some(60)),
            120,
            None,
            120,
            Points::whole(2),
        ),
        (
            |p| per_hour(p, 200, Some(60)),
            90,
            None,
            90,
            Points::whole(2),
        ),
        (
            |p| per_hour(p, 200, Some(150)),
            120,
            None,
            120,
            Points::whole(4),
        ),
        // The leader earns ×1.4, on top of the cap.
        (|_| {}, 120, Some("队长"), 120, Points(280)),
        (
            |p| per_hour(p, 200, Some(60)),
            120,
            Some("队长"),
            120,
            Points(280),
        ),
        // Fixed points, whatever the length, once the presence share is reached.
        (
            |p| p.rule = PointsRule::Fixed(Points::whole(5)),
            120,
            None,
            120,
            Points::whole(5),
        ),
        (
            |p| p.rule = PointsRule::Fixed(Points::whole(5)),
            72,
            None,
            72,
            Points::whole(5),
        ),
        (
            |p| p.rule = PointsRule::Fixed(Points::whole(5)),
            71,
            None,
            0,
            Points::ZERO,
        ),
        (
            |p| p.rule = PointsRule::Fixed(Points::whole(5)),
            120,
            Some("队长"),
            120,
            Points::whole(7),
        ),
        // An activity may record hours and give no points.
        (
            |p| p.rule = PointsRule::Fixed(Points::ZERO),
            120,
            None,
            120,
            Points::ZERO,
        ),
    ];
    for (edit, to, role, minutes, points) in cases {
        let scene = served(edit, 0, to, role);
        assert_eq!(scene.minutes(0), minutes, "0..{to} {role:?}");
        assert_eq!(scene.balance(0), points, "0..{to} {role:?}");
    }
}

#[test]
fn a_role_removed_from_the_plan_earns_the_plain_rate() {
    let mut scene = Scene::with(
        &one(),
        &[
            Do(EARLY, 0, Act::SignUp(0)),
            Do(EARLY + 1, 0, Act::Role(0, Some("队长"))),
            Do(EARLY + 2, 0, Act::Update(|p| p.roles.clear())),
            Do(0, 0, Act::In(0)),
            Do(120, 0, Act::Out(0)),
        ],
    );
    scene.run(Do(121, 0, Act::Confirm(0, None))).unwrap();
    assert_eq!(scene.balance(0), Points::whole(2));
}

#[test]
fn confirming_all_takes_everyone_checked_out_and_no_one_else() {
    use SignupStatus::*;
    let mut plan = plan("敬老院探访");
    plan.capacity = 4;
    let mut scene = Scene::with(
        &[plan],
        &[
            Do(EARLY, 0, Act::SignUp(0)),
            Do(EARLY + 1, 0, Act::SignUp(1)),
            Do(EARLY + 2, 0, Act::SignUp(2)),
            Do(EARLY + 3, 0, Act::SignUp(3)),
            Do(EARLY + 4, 0, Act::Role(1, Some("队长"))),
            Do(0, 0, Act::In(0)),
            Do(1, 0, Act::In(1)),
            Do(2, 0, Act::In(2)),
            Do(3, 0, Act::NoShow(3)),
            Do(110, 0, Act::Out(0)),
            Do(111, 0, Act::Out(1)),
        ],
    );
    scene.run(Do(125, 0, Act::ConfirmAll)).unwrap();
    assert_eq!(
        scene.roster(0),
        [
            ("王小明", Confirmed),
            ("李四", Confirmed),
            ("张三", CheckedIn),
            ("赵六", NoShow)
        ]
    );
    assert_eq!((scene.minutes(0), scene.balance(0)), (110, Points(183)));
    assert_eq!((scene.minutes(1), scene.balance(1)), (110, Points(257)));
    assert_eq!((scene.minutes(2), scene.balance(2)), (0, Points::ZERO));
    // The one still checked in is confirmed later, by the organizer's count.
    scene.run(Do(126, 0, Act::Confirm(2, Some(100)))).unwrap();
    assert_eq!((scene.minutes(2), scene.balance(2)), (100, Points(167)));

    let credits: Vec<_> = scene
        .state()
        .ledger()
        .entries()
        .iter()
        .map(|e| (e.kind.clone(), e.reason.clone(), e.at))
        .collect();
    let kind = EntryKind::ActivityCredit {
        activity: scene.activities[0],
    };
    assert_eq!(
        credits,
        [
            (kind.clone(), "敬老院探访".to_owned(), at(125)),
            (kind.clone(), "敬老院探访".to_owned(), at(125)),
            (kind, "敬老院探访".to_owned(), at(126)),
        ]
    );
    let counts = scene
        .state()
        .activity(scene.activities[0])
        .unwrap()
        .counts();
    assert_eq!(
        (
            counts.seated,
            counts.free,
            counts.confirmed,
            counts.no_shows,
            counts.confirmed_minutes
        ),
        (4, 0, 3, 1, 320)
    );
}

#[test]
fn the_roster_shows_every_status_and_the_counts_add_up() {
    use SignupStatus::*;
    let mut plan = plan("敬老院探访");
    plan.capacity = 3;
    let mut scene = Scene::new(&[plan]);
    let extra: Vec<VolunteerId> = ["钱七", "孙八"]
        .iter()
        .map(|n| scene.r.register(n))
        .collect();
    scene.volunteers.extend(extra);
    let steps = [
        Do(EARLY, 0, Act::SignUp(0)),
        Do(EARLY + 1, 0, Act::SignUp(1)),
        Do(EARLY + 2, 0, Act::SignUp(2)),
        Do(EARLY + 3, 0, Act::Waitlist(3)),
        Do(EARLY + 4, 0, Act::Waitlist(4)),
        Do(EARLY + 5, 0, Act::Cancel(4)),
        Do(0, 0, Act::In(0)),
        Do(1, 0, Act::In(1)),
        Do(2, 0, Act::NoShow(2)),
        Do(100, 0, Act::Out(1)),
    ];
    let statuses = |scene: &Scene| -> Vec<SignupStatus> {
        let activity = scene.state().activity(scene.activities[0]).unwrap();
        activity.roster().map(|s| s.status()).collect()
    };
    for step in steps {
        scene.run(step).unwrap();
    }
    assert_eq!(
        statuses(&scene),
        [CheckedIn, CheckedOut, NoShow, Waitlisted]
    );
    let activity = scene.state().activity(scene.activities[0]).unwrap();
    let counts = activity.counts();
    assert_eq!(
        (
            counts.capacity,
            counts.seated,
            counts.free,
            counts.waitlisted,
            counts.checked_in,
            counts.checked_out,
            counts.no_shows,
            counts.confirmed
        ),
        (3, 3, 0, 1, 1, 1, 1, 0)
    );
    // The cancelled sign-up is kept in the history.
    let history: Vec<_> = activity.signups().iter().map(|s| s.status()).collect();
    assert_eq!(
        history,
        [CheckedIn, CheckedOut, NoShow, Waitlisted, Cancelled]
    );
    scene.run(Do(130, 0, Act::Confirm(1, None))).unwrap();
    assert_eq!(statuses(&scene)[1], Confirmed);
    // A volunteer's own list: the activity with their sign-up.
    let mine: Vec<_> = scene
        .state()
        .signups_of(scene.volunteers[3])
        .map(|(a, s)| (a.plan.title.clone(), s.status()))
        .collect();
    assert_eq!(mine, [("敬老院探访".to_owned(), Waitlisted)]);
    assert_eq!(scene.state().signups_of(scene.volunteers[4]).count(), 0);
}

#[test]
fn an_activity_credit_can_be_reversed_and_hours_stay() {
    let mut scene = served(|_| {}, 0, 120, Some("队长"));
    let state = scene.state();
    let line = state
        .ledger()
        .statement(Account::Volunteer(scene.volunteers[0]));
    assert_eq!(line.len(), 1);
    let entry = line[0].entry.id;
    assert_eq!(
        line[0].entry.kind,
        EntryKind::ActivityCredit {
            activity: scene.activities[0]
        }
    );
    let reverse = |entry: EntryId| Action::ReverseEntry {
        entry,
        reason: "岗位记错".into(),
    };
    let reversal = EntryId(scene.r.act_at(at(200), reverse(entry)).unwrap().id);
    assert_eq!(scene.balance(0), Points::ZERO);
    assert_eq!(
        scene.minutes(0),
        120,
        "a points correction leaves hours alone"
    );
    assert_eq!(scene.state().ledger().reversed_by(entry), Some(reversal));
    assert_eq!(
        scene.r.act_at(at(201), reverse(entry)).map(|_| ()),
        Err(DomainError::AlreadyReversed(entry))
    );
    // Confirming again is still refused: the service stands; only its points went.
    assert_eq!(
        scene.run(Do(202, 0, Act::Confirm(0, None))).map(|_| ()),
        Err(DomainError::AlreadyConfirmed)
    );
}

#[test]
fn spending_points_never_reduces_hours() {
    let mut scene = served(|_| {}, 0, 120, None);
    assert_eq!(
        (scene.minutes(0), scene.balance(0)),
        (120, Points::whole(2))
    );
    scene.run(Do(200, 0, Act::Deduct(0, 2))).unwrap();
    assert_eq!((scene.minutes(0), scene.balance(0)), (120, Points::ZERO));
    assert_eq!(
        scene.run(Do(201, 0, Act::Deduct(0, 1))).map(|_| ()),
        Err(DomainError::InsufficientPoints {
            balance: Points::ZERO,
            needed: Points::whole(1),
        })
    );
    assert_eq!(scene.minutes(0), 120);
}

#[test]
fn star_levels_by_hours() {
    let h = |hours: u64| hours * 60;
    for (minutes, level, next) in [
        (0, 0, Some(h(100))),
        (h(100) - 1, 0, Some(h(100))),
        (h(100), 1, Some(h(300))),
        (h(300) - 1, 1, Some(h(300))),
        (h(300), 2, Some(h(600))),
        (h(600), 3, Some(h(1000))),
        (h(1000) - 1, 3, Some(h(1000))),
        (h(1000), 4, Some(h(1500))),
        (h(1500) - 1, 4, Some(h(1500))),
        (h(1500), 5, None),
        (u64::MAX, 5, None),
    ] {
        let star = StarLevel::from_minutes(minutes);
        assert_eq!(star, StarLevel(level), "{minutes} min");
        assert_eq!(star.next_at_minutes(), next, "{minutes} min");
    }
    let scene = served(|_| {}, 0, 120, None);
    assert_eq!(scene.state().star_level(scene.volunteers[0]), StarLevel(0));
}

#[test]
fn stars_come_from_confirmed_service() {
    // A week-long activity, checked in and out across it: 7 × 24 h = 168 h, one star.
    let mut plan = plan("防汛值守");
    plan.end = at(7 * 24 * 60);
    plan.presence_percent = 1;
    let scene = Scene::with(
        &[plan],
        &[
            Do(EARLY, 0, Act::SignUp(0)),
            Do(0, 0, Act::In(0)),
            Do(7 * 24 * 60, 0, Act::Out(0)),
            Do(7 * 24 * 60 + 1, 0, Act::ConfirmAll),
        ],
    );
    assert_eq!(scene.minutes(0), 7 * 24 * 60);
    assert_eq!(scene.state().star_level(scene.volunteers[0]), StarLevel(1));
}

#[test]
fn phases_follow_the_plan_times() {
    let mut scene = Scene::new(&one());
    let phase = |scene: &Scene, t: i64| {
        let activity = scene.state().activity(scene.activities[0]).unwrap();
        activity.phase(at(t))
    };
    let opens = (T0.0 as i64 - START.0 as i64) / 60_000;
    for (t, expected) in [
        (opens - 1, Phase::NotOpen),
        (opens, Phase::Open),
        (-61, Phase::Open),
        (-60, Phase::Closed),
        (0, Phase::Underway),
        (119, Phase::Underway),
        (120, Phase::Ended),
    ] {
        assert_eq!(phase(&scene, t), expected, "{t}");
    }
    scene
        .run(Do(EARLY, 0, Act::CancelActivity("降温")))
        .unwrap();
    assert_eq!(phase(&scene, 0), Phase::Cancelled);
    let activity = scene.state().activity(scene.activities[0]).unwrap();
    assert_eq!(activity.cancelled.as_ref().unwrap().reason, "降温");
}

#[test]
fn weekly_recurrence_and_templates_shift_every_time() {
    let base = plan("周六清扫");
    let next = base.shifted_by_weeks(1);
    let week = 7 * Timestamp::DAY;
    for (a, b) in [
        (base.start, next.start),
        (base.end, next.end),
        (base.signup_opens, next.signup_opens),
        (base.signup_closes, next.signup_closes),
        (base.cancel_deadline, next.cancel_deadline),
    ] {
        assert_eq!(b.0 - a.0, week);
    }
    assert_eq!(
        (&next.title, &next.rule, &next.roles, next.capacity),
        (&base.title, &base.rule, &base.roles, base.capacity)
    );
    assert_eq!(base.shifted_by_weeks(0), base);
    let earlier = base.copied_to_start(Timestamp(START.0 - week));
    assert_eq!(earlier.shifted_by_weeks(1), base);

    // A series of four weeks is four valid activities, each taking its own sign-ups.
    let mut r = Replica::new(1);
    let wang = r.register("王小明");
    let series: Vec<ActivityId> = (0..4).map(|k| r.create(base.shifted_by_weeks(k))).collect();
    for (k, activity) in (0..).zip(&series) {
        let opens = base.shifted_by_weeks(k).signup_opens;
        r.act_at(
            opens.plus_minutes(100),
            Action::SignUp {
                activity: *activity,
                volunteer: wang,
            },
        )
        .unwrap();
    }
    assert_eq!(
        r.journal.state().signups_of(wang).count(),
        4,
        "no collisions"
    );
}

#[test]
fn actions_are_stored_with_readable_tags() {
    let activity = ActivityId(common::id(0xa, 3));
    let volunteer = VolunteerId(common::id(0xa, 1));
    let cases = [
        (
            Action::SignUp {
                activity,
                volunteer,
            },
            r#"{"t":"sign_up","activity":"a-3","volunteer":"a-1"}"#,
        ),
        (
            Action::ConfirmService {
                activity,
                volunteer,
                minutes: None,
            },
            r#"{"t":"confirm_service","activity":"a-3","volunteer":"a-1"}"#,
        ),
        (
            Action::ConfirmService {
                activity,
                volunteer,
                minutes: Some(90),
            },
            r#"{"t":"confirm_service","activity":"a-3","volunteer":"a-1","minutes":90}"#,
        ),
        (
            Action::ConfirmAll { activity },
            r#"{"t":"confirm_all","activity":"a-3"}"#,
        ),
    ];
    for (action, json) in cases {
        let stored: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(linli::store::tagged::to_value(&action).unwrap(), stored);
        assert_eq!(linli::store::tagged::from_value(stored).unwrap(), action);
    }
    let plan = plan("敬老院探访");
    let json = serde_json::to_string(&linli::store::tagged::Tagged(&Action::CreateActivity {
        plan: Box::new(plan.clone()),
    }))
    .unwrap();
    assert!(
        json.contains(r#""rule":{"per_hour":{"points_per_hour":100}}"#),
        "{json}"
    );
    let back = linli::store::tagged::from_value(serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(
        back,
        Action::CreateActivity {
            plan: Box::new(plan)
        }
    );
    // Fields left out take their defaults: the 60% rule and 3 no-shows.
    let minimal = r#"{"title":"t","category":"c","place":"p","start":10,"end":20,"capacity":1,"signup_opens":1,"signup_closes":5,"cancel_deadline":5,"rule":{"fixed":300}}"#;
    let read: ActivityPlan = serde_json::from_str(minimal).unwrap();
    assert_eq!(
        (read.presence_percent, read.no_show_limit, read.rule),
        (60, 3, PointsRule::Fixed(Points(300)))
    );
}

// ---- Merges: two devices, one total order. ----

/// Two replicas that both know the activity and the volunteers.
fn two_devices(plan: ActivityPlan) -> (Replica, Replica, ActivityId, Vec<VolunteerId>) {
    let mut a = Replica::new(0xa);
    let volunteers: Vec<_> = NAMES.iter().map(|n| a.register(n)).collect();
    let activity = a.create(plan);
    let mut b = Replica::new(0xb);
    b.sync_from(&a);
    (a, b, activity, volunteers)
}

/// `base`'s events, then the two events, arriving in the order given.
fn merged(base: &Journal, events: [&Event; 2]) -> Journal {
    let mut journal = Journal::default();
    journal.merge(base.events().cloned());
    for event in events {
        journal.merge([event.clone()]);
    }
    journal
}

#[test]
fn the_last_seat_taken_on_two_devices_goes_to_the_earlier_and_the_later_waits() {
    use SignupStatus::*;
    let (mut a, mut b, activity, v) = two_devices(plan("敬老院探访"));
    a.act_at(
        at(EARLY),
        Action::SignUp {
            activity,
            volunteer: v[0],
        },
    )
    .unwrap();
    b.sync_from(&a);
    let base = a.journal.clone();
    // Each device sees one free seat and gives it away.
    let first = a
        .act_at(
            at(EARLY + 1),
            Action::SignUp {
                activity,
                volunteer: v[1],
            },
        )
        .unwrap();
    let second = b
        .act_at(
            at(EARLY + 2),
            Action::SignUp {
                activity,
                volunteer: v[2],
            },
        )
        .unwrap();
    for order in [[&first, &second], [&second, &first]] {
        let journal = merged(&base, order);
        let state = journal.state();
        let statuses: Vec<_> = state
            .activity(activity)
            .unwrap()
            .roster()
            .map(|s| (s.volunteer, s.status()))
            .collect();
        assert_eq!(
            statuses,
            [(v[0], SignedUp), (v[1], SignedUp), (v[2], Waitlisted)]
        );
        assert!(state.rejected().is_empty(), "nothing is dropped or refused");
    }
    // Both devices agree once they have synced.
    a.sync_from(&b);
    b.sync_from(&a);
    assert_eq!(a.journal.state(), b.journal.state());

    // When the earlier one cancels, the later one moves up on every device.
    a.act_at(
        at(EARLY + 3),
        Action::CancelSignup {
            activity,
            volunteer: v[1],
        },
    )
    .unwrap();
    b.sync_from(&a);
    let roster: Vec<_> = b
        .journal
        .state()
        .activity(activity)
        .unwrap()
        .roster()
        .map(|s| (s.volunteer, s.status()))
        .collect();
    assert_eq!(roster, [(v[0], SignedUp), (v[2], SignedUp)]);
}

#[test]
fn a_cancellation_and_a_sign_up_on_two_devices_keep_capacity_in_either_order() {
    use SignupStatus::*;
    let (mut a, mut b, activity, v) = two_devices(plan("敬老院探访"));
    a.act_at(
        at(EARLY),
        Action::SignUp {
            activity,
            volunteer: v[0],
        },
    )
    .unwrap();
    a.act_at(
        at(EARLY + 1),
        Action::SignUp {
            activity,
            volunteer: v[1],
        },
    )
    .unwrap();
    b.sync_from(&a);
    let base = a.journal.clone();
    // Device b, full, puts 张三 on the waitlist; device a, later, frees a seat; device b
    // has not heard of it.
    let wait = b
        .act_at(
            at(EARLY + 2),
            Action::JoinWaitlist {
                activity,
                volunteer: v[2],
            },
        )
        .unwrap();
    let cancel = a
        .act_at(
            at(EARLY + 3),
            Action::CancelSignup {
                activity,
                volunteer: v[0],
            },
        )
        .unwrap();
    for order in [[&wait, &cancel], [&cancel, &wait]] {
        let journal = merged(&base, order);
        let activity = journal.state().activity(activity).unwrap();
        let roster: Vec<_> = activity
            .roster()
            .map(|s| (s.volunteer, s.status()))
            .collect();
        assert_eq!(roster, [(v[1], SignedUp), (v[2], SignedUp)]);
        assert!(activity.seats_taken() <= activity.plan.capacity);
    }
}

#[test]
fn a_sign_up_merged_after_the_activity_was_cancelled_is_kept_and_listed() {
    let (mut a, mut b, activity, v) = two_devices(plan("敬老院探访"));
    let base = b.journal.clone();
    let cancel = a
        .act_at(
            at(EARLY),
            Action::CancelActivity {
                activity,
                reason: "暴雨预警".into(),
            },
        )
        .unwrap();
    let signup = b
        .act_at(
            at(EARLY + 1),
            Action::SignUp {
                activity,
                volunteer: v[0],
            },
        )
        .unwrap();
    for order in [[&cancel, &signup], [&signup, &cancel]] {
        let journal = merged(&base, order);
        let state = journal.state();
        assert_eq!(state.activity(activity).unwrap().roster().count(), 0);
        let rejected: Vec<_> = state
            .rejected()
            .iter()
            .map(|r| (r.event, r.error.clone()))
            .collect();
        assert_eq!(rejected, [(signup.id, DomainError::ActivityCancelled)]);
        assert!(journal.contains(signup.id), "the event itself is kept");
    }
}

#[test]
fn overlapping_sign_ups_from_two_devices_keep_the_earlier() {
    let (mut a, mut b, first_activity, v) = two_devices(plan("敬老院探访"));
    let second_activity = a.create(plan("垃圾分类宣传").copied_to_start(at(30)));
    b.sync_from(&a);
    let base = b.journal.clone();
    let first = a
        .act_at(
            at(EARLY),
            Action::SignUp {
                activity: first_activity,
                volunteer: v[0],
            },
        )
        .unwrap();
    let second = b
        .act_at(
            at(EARLY + 1),
            Action::SignUp {
                activity: second_activity,
                volunteer: v[0],
            },
        )
        .unwrap();
    for order in [[&first, &second], [&second, &first]] {
        let journal = merged(&base, order);
        let rejected: Vec<_> = journal
            .state()
            .rejected()
            .iter()
            .map(|r| (r.event, r.error.clone()))
            .collect();
        assert_eq!(
            rejected,
            [(
                second.id,
                DomainError::Collides {
                    with: first_activity,
                    title: "敬老院探访".into()
                }
            )]
        );
    }
}

#[test]
fn a_no_show_unknown_to_the_volunteers_device_does_not_undo_the_sign_up() {
    // The limit is checked when a sign-up is written, against what that device knows;
    // a merge that brings an earlier no-show mark does not cancel the sign-up.
    let mut plans = with_earlier();
    plans.push(plan("下周探访").copied_to_start(at(24 * 60)));
    for p in &mut plans {
        p.no_show_limit = 1;
    }
    let mut organizer = Replica::new(0xa);
    let wang = organizer.register("王小明");
    let ids: Vec<ActivityId> = plans.iter().map(|p| organizer.create(p.clone())).collect();
    let sign_up = |activity| Action::SignUp {
        activity,
        volunteer: wang,
    };
    organizer.act_at(at(EARLY), sign_up(ids[1])).unwrap();
    let mut phone = Replica::new(0xb);
    phone.sync_from(&organizer);
    organizer
        .act_at(
            at(-1400),
            Action::MarkNoShow {
                activity: ids[1],
                volunteer: wang,
            },
        )
        .unwrap();
    phone.act_at(at(-1000), sign_up(ids[0])).unwrap();
    phone.sync_from(&organizer);
    let state = phone.journal.state();
    assert!(state.rejected().is_empty());
    assert!(state.activity(ids[0]).unwrap().signup_of(wang).is_some());
    // A sign-up written now, knowing the mark, is refused.
    assert_eq!(
        state.check_new(&sign_up(ids[4]), at(-999)),
        Err(DomainError::TooManyNoShows { count: 1, limit: 1 })
    );
}

#[test]
fn two_devices_confirming_the_same_person_credit_once() {
    let (mut a, mut b, activity, v) = two_devices(plan("敬老院探访"));
    a.act_at(
        at(EARLY),
        Action::SignUp {
            activity,
            volunteer: v[0],
        },
    )
    .unwrap();
    a.act_at(
        at(0),
        Action::CheckIn {
            activity,
            volunteer: v[0],
        },
    )
    .unwrap();
    a.act_at(
        at(120),
        Action::CheckOut {
            activity,
            volunteer: v[0],
        },
    )
    .unwrap();
    b.sync_from(&a);
    let base = b.journal.clone();
    let one = a
        .act_at(
            at(121),
            Action::ConfirmService {
                activity,
                volunteer: v[0],
                minutes: None,
            },
        )
        .unwrap();
    let all = b.act_at(at(122), Action::ConfirmAll { activity }).unwrap();
    for order in [[&one, &all], [&all, &one]] {
        let journal = merged(&base, order);
        let state = journal.state();
        assert_eq!(state.balance(v[0]), Points::whole(2));
        assert_eq!(state.service_minutes(v[0]), 120);
        // The batch found nobody left to confirm: a no-op, not a refusal.
        assert!(state.rejected().is_empty());
    }
}
