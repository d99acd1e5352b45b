//! Every rule of co-construction projects (共建项目): the plan, the lifecycle, joining
//! roles with slots, skills, a waitlist and approval, assignment and removal, pledges to
//! needs, progress, completion credits for volunteers and units, finding projects and
//! the CSV rows. One data-driven table per rule family, each row run through [`check`].

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Replica, START, at, project_plan};
use linli::domain::{
    Account, Action, Cover, DomainError, EntryId, EntryKind, Event, Field, Initiator, JoinMode,
    Journal, Need, NeedUnit, Participant, Period, Points, ProjectId, ProjectPlan, ProjectQuery,
    ProjectRole, ProjectStatus, RankBy, RoleStanding, UnitId, UnitKind, VolunteerId,
};

/// Who acts: a volunteer or a unit, by index in [`NAMES`] or [`UNITS`].
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    V(usize),
    U(usize),
}
use Who::{U, V};

/// What a step does, on the scene's project.
#[derive(Clone, Copy, Debug)]
enum Act {
    Publish,
    Start,
    Complete,
    Archive,
    Cancel(&'static str),
    Join(Who, &'static str),
    Wait(Who, &'static str),
    Approve(Who, &'static str),
    Decline(Who, &'static str),
    Assign(Who, &'static str),
    Withdraw(Who, &'static str),
    Remove(Who, &'static str, &'static str),
    Pledge(usize, &'static str, u64),
    Unpledge(usize, &'static str),
    Post(&'static str),
    Confirm(&'static [Who]),
    Update(fn(&mut ProjectPlan)),
}
use Act::*;

/// Volunteers with their skills: two electricians, one with first aid, one without
/// skills, and one whose skill was typed with spaces around it.
const NAMES: [(&str, &[&str]); 4] = [
    ("王小明", &["电工"]),
    ("李四", &["电工", "急救"]),
    ("张三", &[]),
    ("赵六", &[" 电工 "]),
];
const UNITS: [&str; 2] = ["东城供电所", "临潼区人民医院"];

/// A replica with the volunteers, the units and one project, created just after [`T0`].
struct Scene {
    r: Replica,
    project: ProjectId,
    volunteers: Vec<VolunteerId>,
    units: Vec<UnitId>,
}

/// Setup steps run one minute apart from this many minutes before [`START`].
const SETUP: i64 = -2800;
/// When the step under test runs: well before the withdraw deadline (a day before
/// [`START`]).
const THEN: i64 = -2000;
/// After the withdraw deadline.
const LATE: i64 = -1000;

impl Scene {
    fn new(edit: fn(&mut ProjectPlan)) -> Scene {
        let mut r = Replica::new(1);
        let volunteers = NAMES
            .iter()
            .map(|(name, skills)| r.register_skilled(name, skills))
            .collect();
        let units = UNITS
            .iter()
            .map(|name| r.register_unit(name, UnitKind::CoBuilding))
            .collect();
        let mut plan = project_plan("老旧小区改造");
        edit(&mut plan);
        let project = r.create_project(plan);
        Scene {
            r,
            project,
            volunteers,
            units,
        }
    }

    /// A scene whose `setup` steps have run, one minute apart from [`SETUP`].
    fn with(edit: fn(&mut ProjectPlan), setup: &[Act]) -> Scene {
        let mut scene = Scene::new(edit);
        for (i, act) in setup.iter().enumerate() {
            scene
                .run(SETUP + i as i64, *act)
                .unwrap_or_else(|e| panic!("setup step {act:?}: {e:?}"));
        }
        scene
    }

    fn who(&self, who: Who) -> Participant {
        match who {
            V(i) => Participant::Volunteer(self.volunteers[i]),
            U(i) => Participant::Unit(self.units[i]),
        }
    }

    fn action(&self, act: Act) -> Action {
        let project = self.project;
        let role = |r: &str| r.to_owned();
        match act {
            Publish => Action::PublishProject { project },
            Start => Action::StartProject { project },
            Complete => Action::CompleteProject { project },
            Archive => Action::ArchiveProject { project },
            Cancel(reason) => Action::CancelProject {
                project,
                reason: reason.into(),
            },
            Join(w, r) => Action::JoinRole {
                project,
                role: role(r),
                who: self.who(w),
            },
            Wait(w, r) => Action::JoinRoleWaitlist {
                project,
                role: role(r),
                who: self.who(w),
            },
            Approve(w, r) => Action::ApproveJoin {
                project,
                role: role(r),
                who: self.who(w),
            },
            Decline(w, r) => Action::DeclineJoin {
                project,
                role: role(r),
                who: self.who(w),
                reason: "名额已内定".into(),
            },
            Assign(w, r) => Action::AssignToRole {
                project,
                role: role(r),
                who: self.who(w),
            },
            Withdraw(w, r) => Action::WithdrawFromRole {
                project,
                role: role(r),
                who: self.who(w),
            },
            Remove(w, r, reason) => Action::RemoveFromRole {
                project,
                role: role(r),
                who: self.who(w),
                reason: reason.into(),
            },
            Pledge(u, need, quantity) => Action::PledgeToNeed {
                project,
                need: need.into(),
                unit: self.units[u],
                quantity,
            },
            Unpledge(u, need) => Action::WithdrawPledge {
                project,
                need: need.into(),
                unit: self.units[u],
            },
            Post(text) => Action::PostProjectUpdate {
                project,
                text: text.into(),
            },
            Confirm(whos) => Action::ConfirmParticipation {
                project,
                participants: whos.iter().map(|w| self.who(*w)).collect(),
            },
            Update(edit) => {
                let mut plan = self.project().plan.clone();
                edit(&mut plan);
                Action::UpdateProject {
                    project,
                    plan: Box::new(plan),
                }
            }
        }
    }

    fn run(&mut self, minutes: i64, act: Act) -> Result<Event, DomainError> {
        let action = self.action(act);
        self.r.act_at(at(minutes), action)
    }

    fn state(&self) -> &linli::domain::State {
        self.r.journal.state()
    }

    fn project(&self) -> &linli::domain::Project {
        self.state().project(self.project).unwrap()
    }

    /// The role's roster, seated first then waitlisted, as (who, seated?).
    fn roster(&self, role: &str) -> Vec<(Who, bool)> {
        self.project()
            .roster(role)
            .map(|s| (self.back(s.who), s.is_seated()))
            .collect()
    }

    fn back(&self, who: Participant) -> Who {
        match who {
            Participant::Volunteer(v) => V(self.volunteers.iter().position(|x| *x == v).unwrap()),
            Participant::Unit(u) => U(self.units.iter().position(|x| *x == u).unwrap()),
        }
    }

    fn standing(&self, who: Who, role: &str) -> Option<RoleStanding> {
        let who = self.who(who);
        self.project()
            .signups()
            .iter()
            .rev()
            .find(|s| s.who == who && s.role == role)
            .map(|s| s.standing.clone())
    }
}

fn standard(_: &mut ProjectPlan) {}

fn approval(plan: &mut ProjectPlan) {
    plan.join = JoinMode::Approval;
}

type Case = (Vec<Act>, Act, Result<(), DomainError>);
/// A case whose step runs at its own time (minutes from [`START`]).
type TimedCase = (Vec<Act>, i64, Act, Result<(), DomainError>);

/// Runs `setup` on a scene with the plan `edit` makes, then checks that `then`, done at
/// `minutes` from [`START`], gives `expected`.
fn check_at(
    edit: fn(&mut ProjectPlan),
    setup: &[Act],
    minutes: i64,
    then: Act,
    expected: Result<(), DomainError>,
) {
    let mut scene = Scene::with(edit, setup);
    let result = scene.run(minutes, then).map(|_| ());
    assert_eq!(result, expected, "after {setup:?}, {then:?}");
}

fn check_all(edit: fn(&mut ProjectPlan), cases: Vec<Case>) {
    for (setup, then, expected) in cases {
        check_at(edit, &setup, THEN, then, expected);
    }
}

/// Published, with `steps` after.
fn recruiting(steps: &[Act]) -> Vec<Act> {
    let mut all = vec![Publish];
    all.extend_from_slice(steps);
    all
}

#[test]
fn project_plans_are_validated() {
    type Edit = fn(&mut ProjectPlan);
    let cases: Vec<(Edit, Result<(), DomainError>)> = vec![
        (|_| {}, Ok(())),
        (
            |p| {
                p.cover = Cover::Colour("#2E86DE".into());
                p.initiator = Initiator::Community;
                p.roles.clear();
                p.needs.clear();
            },
            Ok(()),
        ),
        (
            |p| p.title = " ".into(),
            Err(DomainError::Required(Field::ProjectTitle)),
        ),
        (
            |p| p.title = "项".repeat(41),
            Err(DomainError::TooLong {
                field: Field::ProjectTitle,
                max: 40,
            }),
        ),
        (
            |p| p.description = "述".repeat(1001),
            Err(DomainError::TooLong {
                field: Field::ProjectDescription,
                max: 1000,
            }),
        ),
        (
            |p| p.place = String::new(),
            Err(DomainError::Required(Field::ProjectPlace)),
        ),
        (
            |p| p.category = "\t".into(),
            Err(DomainError::Required(Field::ProjectCategory)),
        ),
        (
            |p| p.category = "类".repeat(21),
            Err(DomainError::TooLong {
                field: Field::ProjectCategory,
                max: 20,
            }),
        ),
        (|p| p.end = p.start, Err(DomainError::EndNotAfterStart)),
        (
            |p| p.end = p.start.plus_days(3 * 366 + 1),
            Err(DomainError::ProjectTooLong { max_days: 1098 }),
        ),
        (|p| p.end = p.start.plus_days(3 * 366), Ok(())),
        (
            |p| p.withdraw_deadline = p.end.plus_minutes(1),
            Err(DomainError::WithdrawDeadlineAfterEnd),
        ),
        (|p| p.withdraw_deadline = p.end, Ok(())),
        (
            |p| p.cover = Cover::Colour("red".into()),
            Err(DomainError::InvalidCoverColour("red".into())),
        ),
        (
            |p| p.cover = Cover::Colour("#12345g".into()),
            Err(DomainError::InvalidCoverColour("#12345g".into())),
        ),
        (
            |p| p.cover = Cover::Icon("Tree".into()),
            Err(DomainError::InvalidCoverIcon("Tree".into())),
        ),
        (
            |p| p.cover = Cover::Icon(String::new()),
            Err(DomainError::InvalidCoverIcon(String::new())),
        ),
        (
            |p| p.cover = Cover::Icon("x".repeat(33)),
            Err(DomainError::InvalidCoverIcon("x".repeat(33))),
        ),
        (
            |p| p.roles[1].name = " 电工".into(),
            Err(DomainError::DuplicateRole(" 电工".into())),
        ),
        (
            |p| p.roles[0].name = String::new(),
            Err(DomainError::Required(Field::Role)),
        ),
        (
            |p| p.roles[0].slots = 0,
            Err(DomainError::SlotsOutOfRange { max: 1000 }),
        ),
        (
            |p| p.roles[0].slots = 1001,
            Err(DomainError::SlotsOutOfRange { max: 1000 }),
        ),
        (
            |p| p.roles[0].skills = vec!["技".into(); 7],
            Err(DomainError::TooMany {
                field: Field::Skills,
                max: 6,
            }),
        ),
        (
            |p| p.roles[0].skills = vec![" ".into()],
            Err(DomainError::Required(Field::Skills)),
        ),
        (
            |p| p.roles[0].points = Some(Points(-1)),
            Err(DomainError::RulePointsOutOfRange {
                max: Points::whole(1000),
            }),
        ),
        (
            |p| {
                p.roles = (0..13)
                    .map(|i| ProjectRole {
                        name: format!("岗位{i}"),
                        slots: 1,
                        skills: Vec::new(),
                        points: None,
                    })
                    .collect();
            },
            Err(DomainError::TooMany {
                field: Field::Role,
                max: 12,
            }),
        ),
        (
            |p| p.needs[1].name = "资金".into(),
            Err(DomainError::DuplicateNeed("资金".into())),
        ),
        (
            |p| p.needs[0].name = " ".into(),
            Err(DomainError::Required(Field::Need)),
        ),
        (
            |p| p.needs[0].quantity = 0,
            Err(DomainError::QuantityOutOfRange { max: 100_000_000 }),
        ),
        (
            |p| p.needs[0].quantity = 100_000_001,
            Err(DomainError::QuantityOutOfRange { max: 100_000_000 }),
        ),
        (
            |p| p.needs[1].unit = NeedUnit::Custom(String::new()),
            Err(DomainError::Required(Field::NeedUnit)),
        ),
        (
            |p| p.needs[1].unit = NeedUnit::Custom("单位单位单位单".into()),
            Err(DomainError::TooLong {
                field: Field::NeedUnit,
                max: 6,
            }),
        ),
        (
            |p| {
                p.needs = (0..13)
                    .map(|i| Need {
                        name: format!("物资{i}"),
                        quantity: 1,
                        unit: NeedUnit::Items,
                    })
                    .collect();
            },
            Err(DomainError::TooMany {
                field: Field::Need,
                max: 12,
            }),
        ),
        (
            |p| p.rule.unit_points = Points(100_001),
            Err(DomainError::RulePointsOutOfRange {
                max: Points::whole(1000),
            }),
        ),
        (
            |p| p.rule.volunteer_points = Points(-100),
            Err(DomainError::RulePointsOutOfRange {
                max: Points::whole(1000),
            }),
        ),
    ];
    for (edit, expected) in cases {
        let mut plan = project_plan("老旧小区改造");
        edit(&mut plan);
        assert_eq!(plan.validate(), expected, "{plan:?}");
        // The same rule holds for the action, when written.
        let mut r = Replica::new(1);
        let written = r
            .act(Action::CreateProject {
                plan: Box::new(plan),
            })
            .map(|_| ());
        assert_eq!(written, expected);
    }
}

#[test]
fn a_project_started_by_a_unit_names_a_registered_unit() {
    let mut r = Replica::new(1);
    let unit = r.register_unit("东城供电所", UnitKind::CoBuilding);
    let mut plan = project_plan("老旧小区改造");
    plan.initiator = Initiator::Unit(unit);
    assert!(
        r.act(Action::CreateProject {
            plan: Box::new(plan.clone())
        })
        .is_ok()
    );
    let ghost = UnitId("ff-9".parse().unwrap());
    plan.initiator = Initiator::Unit(ghost);
    assert_eq!(
        r.act(Action::CreateProject {
            plan: Box::new(plan)
        })
        .map(|_| ()),
        Err(DomainError::UnknownUnit(ghost))
    );
}

/// How to reach each status from a fresh draft.
fn reach(status: ProjectStatus) -> Vec<Act> {
    use ProjectStatus as S;
    match status {
        S::Draft => vec![],
        S::Recruiting => vec![Publish],
        S::InProgress => vec![Publish, Start],
        S::Completed => vec![Publish, Start, Complete],
        S::Archived => vec![Publish, Start, Complete, Archive],
        S::Cancelled => vec![Publish, Cancel("场地临时征用")],
    }
}

#[test]
fn only_legal_transitions_are_possible_each_refusal_with_its_own_reason() {
    use ProjectStatus::{Archived, Cancelled, Completed, Draft, InProgress, Recruiting};
    // Every status against every step: the status it leads to, or the refusal.
    type Step = fn(ProjectStatus) -> Result<ProjectStatus, DomainError>;
    let steps: [(Act, Step); 5] = [
        (Publish, |from| match from {
            Draft => Ok(Recruiting),
            from => Err(DomainError::CannotPublish { from }),
        }),
        (Start, |from| match from {
            Recruiting => Ok(InProgress),
            from => Err(DomainError::CannotStart { from }),
        }),
        (Complete, |from| match from {
            InProgress => Ok(Completed),
            from => Err(DomainError::CannotComplete { from }),
        }),
        (Archive, |from| match from {
            Completed => Ok(Archived),
            from => Err(DomainError::CannotArchive { from }),
        }),
        (Cancel("天气原因"), |from| match from {
            Draft | Recruiting | InProgress => Ok(Cancelled),
            from => Err(DomainError::CannotCancel { from }),
        }),
    ];
    for from in ProjectStatus::ALL {
        for (act, expected) in steps {
            let mut scene = Scene::with(standard, &reach(from));
            assert_eq!(scene.project().status, from);
            let result = scene.run(THEN, act).map(|_| scene.project().status);
            assert_eq!(result, expected(from), "{act:?} from {from:?}");
            if result.is_err() {
                assert_eq!(scene.project().status, from, "a refusal changes nothing");
            }
        }
    }
    // A cancellation is refused without a reason, and keeps it.
    check_at(
        standard,
        &[Publish],
        THEN,
        Cancel(" "),
        Err(DomainError::Required(Field::Reason)),
    );
    let scene = Scene::with(standard, &[Publish, Start, Cancel("场地临时征用")]);
    let project = scene.project();
    assert_eq!(project.cancel_reason(), Some("场地临时征用"));
    assert!(project.entered(ProjectStatus::Recruiting).is_some());
    assert!(project.entered(ProjectStatus::InProgress).is_some());
    assert_eq!(project.entered(ProjectStatus::Completed), None);
    assert_eq!(project.entered(ProjectStatus::Draft), Some(project.created));
}

#[test]
fn publishing_needs_a_role_or_a_need() {
    fn empty(p: &mut ProjectPlan) {
        p.roles.clear();
        p.needs.clear();
    }
    fn needs_only(p: &mut ProjectPlan) {
        p.roles.clear();
    }
    check_at(
        empty,
        &[],
        THEN,
        Publish,
        Err(DomainError::NothingToRecruit),
    );
    check_at(needs_only, &[], THEN, Publish, Ok(()));
    // A draft may be completed before it is published.
    check_at(
        empty,
        &[Update(|p| p.roles = project_plan("x").roles)],
        THEN,
        Publish,
        Ok(()),
    );
}

#[test]
fn joining_a_role_is_refused_for_every_reason_with_its_own() {
    use ProjectStatus as S;
    check_all(
        standard,
        vec![
            // Open projects: a free slot is taken at once.
            (recruiting(&[]), Join(V(0), "电工"), Ok(())),
            (recruiting(&[]), Join(V(2), "宣传员"), Ok(())),
            (recruiting(&[]), Join(U(0), "电工"), Ok(())),
            // Closed: not recruiting.
            (
                reach(S::Draft),
                Join(V(0), "电工"),
                Err(DomainError::NotRecruiting { status: S::Draft }),
            ),
            (
                reach(S::InProgress),
                Join(V(0), "电工"),
                Err(DomainError::NotRecruiting {
                    status: S::InProgress,
                }),
            ),
            (
                reach(S::Cancelled),
                Wait(V(0), "电工"),
                Err(DomainError::NotRecruiting {
                    status: S::Cancelled,
                }),
            ),
            (
                reach(S::Completed),
                Join(U(0), "宣传员"),
                Err(DomainError::NotRecruiting {
                    status: S::Completed,
                }),
            ),
            // Full: the waitlist is offered instead.
            (
                recruiting(&[Join(V(2), "宣传员")]),
                Join(U(0), "宣传员"),
                Err(DomainError::RoleFull),
            ),
            (
                recruiting(&[Join(V(2), "宣传员")]),
                Wait(U(0), "宣传员"),
                Ok(()),
            ),
            // Missing skill: volunteers only; units vouch for their people.
            (
                recruiting(&[]),
                Join(V(2), "电工"),
                Err(DomainError::MissingSkill("电工".into())),
            ),
            (
                recruiting(&[]),
                Wait(V(2), "电工"),
                Err(DomainError::MissingSkill("电工".into())),
            ),
            (recruiting(&[]), Join(V(3), "电工"), Ok(())),
            (recruiting(&[]), Join(U(1), "电工"), Ok(())),
            // Already joined: a volunteer holds one role per project, a unit one place
            // per role (and may take several roles).
            (
                recruiting(&[Join(V(0), "电工")]),
                Join(V(0), "电工"),
                Err(DomainError::AlreadyJoined),
            ),
            (
                recruiting(&[Join(V(0), "电工")]),
                Join(V(0), "宣传员"),
                Err(DomainError::AlreadyJoined),
            ),
            (
                recruiting(&[Join(V(2), "宣传员"), Wait(V(1), "宣传员")]),
                Join(V(1), "电工"),
                Err(DomainError::AlreadyJoined),
            ),
            (
                recruiting(&[Join(U(0), "电工")]),
                Join(U(0), "电工"),
                Err(DomainError::AlreadyJoined),
            ),
            (
                recruiting(&[Join(U(0), "电工")]),
                Join(U(0), "宣传员"),
                Ok(()),
            ),
            // After withdrawing, joining again is allowed.
            (
                recruiting(&[Join(V(0), "电工"), Withdraw(V(0), "电工")]),
                Join(V(0), "宣传员"),
                Ok(()),
            ),
            // Removed by the organizer: not again by oneself, but an organizer may
            // assign.
            (
                recruiting(&[Join(V(0), "电工"), Remove(V(0), "电工", "多次未到")]),
                Join(V(0), "电工"),
                Err(DomainError::RemovedFromRole),
            ),
            (
                recruiting(&[Join(V(0), "电工"), Remove(V(0), "电工", "多次未到")]),
                Join(V(0), "宣传员"),
                Ok(()),
            ),
            (
                recruiting(&[Join(V(0), "电工"), Remove(V(0), "电工", "多次未到")]),
                Assign(V(0), "电工"),
                Ok(()),
            ),
            // No such role.
            (
                recruiting(&[]),
                Join(V(0), "司机"),
                Err(DomainError::UnknownProjectRole("司机".into())),
            ),
        ],
    );
}

#[test]
fn skills_match_ignoring_case_and_spaces() {
    fn first_aid(p: &mut ProjectPlan) {
        p.roles[1].skills = vec!["First Aid".into()];
    }
    let mut r = Replica::new(1);
    let medic = r.register_skilled("Anna", &["first aid "]);
    let other = r.register_skilled("Bob", &["firstaid"]);
    let mut plan = project_plan("义诊");
    first_aid(&mut plan);
    let project = r.create_project(plan);
    r.act(Action::PublishProject { project }).unwrap();
    let join = |v: VolunteerId| Action::JoinRole {
        project,
        role: "宣传员".into(),
        who: Participant::Volunteer(v),
    };
    assert_eq!(
        r.act(join(other)).map(|_| ()),
        Err(DomainError::MissingSkill("First Aid".into()))
    );
    assert!(r.act(join(medic)).is_ok());
}

#[test]
fn unknown_people_are_refused() {
    let mut scene = Scene::with(standard, &[Publish]);
    let ghost = VolunteerId("ff-1".parse().unwrap());
    let action = Action::JoinRole {
        project: scene.project,
        role: "宣传员".into(),
        who: Participant::Volunteer(ghost),
    };
    assert_eq!(
        scene.r.act(action).map(|_| ()),
        Err(DomainError::UnknownVolunteer(ghost))
    );
    let ghost = UnitId("ff-2".parse().unwrap());
    let action = Action::PledgeToNeed {
        project: scene.project,
        need: "资金".into(),
        unit: ghost,
        quantity: 1,
    };
    assert_eq!(
        scene.r.act(action).map(|_| ()),
        Err(DomainError::UnknownUnit(ghost))
    );
    let nowhere = ProjectId("ff-3".parse().unwrap());
    assert_eq!(
        scene
            .r
            .act(Action::PublishProject { project: nowhere })
            .map(|_| ()),
        Err(DomainError::UnknownProject(nowhere))
    );
}

#[test]
fn a_withdrawal_moves_the_first_on_the_waitlist_up() {
    let mut scene = Scene::with(
        standard,
        &recruiting(&[
            Join(V(0), "电工"),
            Join(V(1), "电工"),
            Wait(V(3), "电工"),
            Wait(U(0), "电工"),
        ]),
    );
    assert_eq!(
        scene.roster("电工"),
        [(V(0), true), (V(1), true), (V(3), false), (U(0), false)]
    );
    assert_eq!(
        scene.project().waitlist_position(scene.who(U(0)), "电工"),
        Some(2)
    );
    scene.run(THEN, Withdraw(V(0), "电工")).unwrap();
    assert_eq!(
        scene.roster("电工"),
        [(V(1), true), (V(3), true), (U(0), false)]
    );
    assert_eq!(
        scene.standing(V(0), "电工"),
        Some(RoleStanding::Withdrawn { at: at(THEN) })
    );
    // Leaving the waitlist frees nothing and moves nobody.
    scene.run(THEN + 1, Withdraw(U(0), "电工")).unwrap();
    assert_eq!(scene.roster("电工"), [(V(1), true), (V(3), true)]);
}

#[test]
fn withdrawing_has_a_deadline_for_slots_but_not_for_waiting() {
    use ProjectStatus as S;
    let seated = recruiting(&[
        Join(V(0), "电工"),
        Join(V(2), "宣传员"),
        Wait(V(1), "宣传员"),
    ]);
    let cases: Vec<TimedCase> = vec![
        (seated.clone(), THEN, Withdraw(V(0), "电工"), Ok(())),
        (
            seated.clone(),
            LATE,
            Withdraw(V(0), "电工"),
            Err(DomainError::WithdrawDeadlinePassed),
        ),
        (seated.clone(), LATE, Withdraw(V(1), "宣传员"), Ok(())),
        (
            seated.clone(),
            THEN,
            Withdraw(V(3), "电工"),
            Err(DomainError::NotJoined),
        ),
        (
            seated.clone(),
            THEN,
            Withdraw(V(0), "宣传员"),
            Err(DomainError::NotJoined),
        ),
        // Under way, before the deadline: still possible.
        (
            [seated.clone(), vec![Start]].concat(),
            THEN,
            Withdraw(V(0), "电工"),
            Ok(()),
        ),
        (
            [seated.clone(), vec![Start, Complete]].concat(),
            THEN,
            Withdraw(V(0), "电工"),
            Err(DomainError::ProjectNotActive {
                status: S::Completed,
            }),
        ),
        (
            [seated, vec![Cancel("取消")]].concat(),
            THEN,
            Withdraw(V(1), "宣传员"),
            Err(DomainError::ProjectNotActive {
                status: S::Cancelled,
            }),
        ),
    ];
    for (setup, minutes, then, expected) in cases {
        check_at(standard, &setup, minutes, then, expected);
    }
}

#[test]
fn in_an_approval_project_requests_wait_for_the_organizer() {
    let mut scene = Scene::with(approval, &[Publish, Join(V(0), "电工"), Join(U(0), "电工")]);
    assert_eq!(scene.standing(V(0), "电工"), Some(RoleStanding::Pending));
    assert_eq!(scene.project().filled("电工"), 0, "a request holds no slot");
    assert_eq!(scene.project().pending().count(), 2);
    scene.run(THEN, Approve(V(0), "电工")).unwrap();
    assert_eq!(scene.standing(V(0), "电工"), Some(RoleStanding::Seated));
    assert_eq!(
        scene
            .project()
            .signup_of(scene.who(V(0)), "电工")
            .unwrap()
            .approved,
        Some(at(THEN))
    );
    scene.run(THEN + 1, Decline(U(0), "电工")).unwrap();
    assert_eq!(
        scene.standing(U(0), "电工"),
        Some(RoleStanding::Declined {
            at: at(THEN + 1),
            reason: "名额已内定".into()
        }),
        "a declined request is kept"
    );
    assert_eq!(scene.project().signups().len(), 2);
    // A declined unit may ask again.
    scene.run(THEN + 2, Join(U(0), "电工")).unwrap();
    assert_eq!(scene.standing(U(0), "电工"), Some(RoleStanding::Pending));
    assert_eq!(scene.project().signups().len(), 3);
}

#[test]
fn approval_rules() {
    use ProjectStatus as S;
    check_all(
        approval,
        vec![
            (
                recruiting(&[Join(V(0), "电工")]),
                Approve(V(0), "电工"),
                Ok(()),
            ),
            (
                recruiting(&[Join(V(0), "电工")]),
                Decline(V(0), "电工"),
                Ok(()),
            ),
            (
                recruiting(&[Join(V(0), "电工"), Approve(V(0), "电工")]),
                Approve(V(0), "电工"),
                Err(DomainError::NotPending),
            ),
            (
                recruiting(&[Join(V(0), "电工"), Decline(V(0), "电工")]),
                Decline(V(0), "电工"),
                Err(DomainError::NotJoined),
            ),
            (
                recruiting(&[]),
                Approve(V(0), "电工"),
                Err(DomainError::NotJoined),
            ),
            // Asking twice, or for a second role while asking for one, is refused.
            (
                recruiting(&[Join(V(0), "电工")]),
                Join(V(0), "宣传员"),
                Err(DomainError::AlreadyJoined),
            ),
            // Asking for a full role is asking for its waitlist.
            (
                recruiting(&[Join(V(2), "宣传员"), Approve(V(2), "宣传员")]),
                Join(V(1), "宣传员"),
                Err(DomainError::RoleFull),
            ),
            (
                recruiting(&[Join(V(2), "宣传员"), Approve(V(2), "宣传员")]),
                Wait(V(1), "宣传员"),
                Ok(()),
            ),
            // Requests may be decided after the start, not after completion.
            (
                vec![Publish, Join(V(0), "电工"), Start],
                Approve(V(0), "电工"),
                Ok(()),
            ),
            (
                vec![Publish, Join(V(0), "电工"), Start, Complete],
                Approve(V(0), "电工"),
                Err(DomainError::ProjectNotActive {
                    status: S::Completed,
                }),
            ),
            // The requester may take a request back at any time before completion.
            (
                recruiting(&[Join(V(0), "电工")]),
                Withdraw(V(0), "电工"),
                Ok(()),
            ),
        ],
    );
    // A decline's reason may be empty, but not over-long.
    let mut scene = Scene::with(approval, &recruiting(&[Join(V(0), "电工")]));
    let decline = |reason: String| Action::DeclineJoin {
        project: scene.project,
        role: "电工".into(),
        who: scene.who(V(0)),
        reason,
    };
    let long = decline("因".repeat(201));
    let empty = decline(String::new());
    assert_eq!(
        scene.r.act(long).map(|_| ()),
        Err(DomainError::TooLong {
            field: Field::Reason,
            max: 200
        })
    );
    assert!(scene.r.act(empty).is_ok());
}

#[test]
fn an_approval_into_a_full_role_joins_its_waitlist_in_request_order() {
    let mut scene = Scene::with(
        approval,
        &recruiting(&[
            Join(V(2), "宣传员"),
            Wait(V(1), "宣传员"),
            Wait(V(0), "宣传员"),
            Approve(V(2), "宣传员"),
            Approve(V(0), "宣传员"),
            Approve(V(1), "宣传员"),
        ]),
    );
    // 李四 asked before 王小明, so waits ahead of him though approved later.
    assert_eq!(
        scene.roster("宣传员"),
        [(V(2), true), (V(1), false), (V(0), false)]
    );
    scene.run(THEN, Withdraw(V(2), "宣传员")).unwrap();
    assert_eq!(scene.roster("宣传员"), [(V(1), true), (V(0), false)]);
    // A pending request is never moved up by itself.
    let mut scene = Scene::with(
        approval,
        &recruiting(&[
            Join(V(2), "宣传员"),
            Approve(V(2), "宣传员"),
            Wait(V(1), "宣传员"),
        ]),
    );
    scene.run(THEN, Withdraw(V(2), "宣传员")).unwrap();
    assert_eq!(scene.standing(V(1), "宣传员"), Some(RoleStanding::Pending));
    assert_eq!(scene.project().free_slots("宣传员"), 1);
}

#[test]
fn organizers_assign_bypassing_approval_but_not_capacity() {
    use ProjectStatus as S;
    check_all(
        approval,
        vec![
            (recruiting(&[]), Assign(V(0), "电工"), Ok(())),
            (reach(S::InProgress), Assign(U(1), "宣传员"), Ok(())),
            (
                reach(S::Draft),
                Assign(V(0), "电工"),
                Err(DomainError::ProjectNotActive { status: S::Draft }),
            ),
            (
                reach(S::Completed),
                Assign(V(0), "电工"),
                Err(DomainError::ProjectNotActive {
                    status: S::Completed,
                }),
            ),
            (
                recruiting(&[Assign(V(2), "宣传员")]),
                Assign(V(1), "宣传员"),
                Err(DomainError::RoleFull),
            ),
            (
                recruiting(&[]),
                Assign(V(2), "电工"),
                Err(DomainError::MissingSkill("电工".into())),
            ),
            (
                recruiting(&[Join(V(0), "电工")]),
                Assign(V(0), "电工"),
                Err(DomainError::AlreadyJoined),
            ),
        ],
    );
    let scene = Scene::with(approval, &recruiting(&[Assign(V(0), "电工")]));
    let signup = scene.project().signup_of(scene.who(V(0)), "电工").unwrap();
    assert!(signup.is_seated() && signup.assigned);
}

#[test]
fn organizers_remove_people_and_the_waitlist_moves_up() {
    let mut scene = Scene::with(
        standard,
        &recruiting(&[
            Join(V(2), "宣传员"),
            Wait(U(0), "宣传员"),
            Wait(V(1), "宣传员"),
        ]),
    );
    assert_eq!(
        scene.run(THEN, Remove(V(2), "宣传员", " ")).map(|_| ()),
        Err(DomainError::Required(Field::Reason))
    );
    scene
        .run(THEN + 1, Remove(V(2), "宣传员", "联系不上"))
        .unwrap();
    assert_eq!(scene.roster("宣传员"), [(U(0), true), (V(1), false)]);
    assert_eq!(
        scene.standing(V(2), "宣传员"),
        Some(RoleStanding::Removed {
            at: at(THEN + 1),
            reason: "联系不上".into()
        })
    );
    // After the withdraw deadline, under way, the organizer still may.
    scene.run(LATE, Start).unwrap();
    scene.run(LATE + 1, Remove(U(0), "宣传员", "改派")).unwrap();
    assert_eq!(scene.roster("宣传员"), [(V(1), true)]);
    assert_eq!(
        scene
            .run(LATE + 2, Remove(U(0), "宣传员", "改派"))
            .map(|_| ()),
        Err(DomainError::NotJoined)
    );
}

#[test]
fn a_changed_plan_keeps_room_for_who_already_joined() {
    use ProjectStatus as S;
    let joined = recruiting(&[
        Join(V(0), "电工"),
        Join(V(1), "电工"),
        Wait(V(3), "电工"),
        Pledge(0, "资金", 1000),
    ]);
    check_all(
        standard,
        vec![
            (
                joined.clone(),
                Update(|p| p.roles[0].slots = 1),
                Err(DomainError::SlotsBelowTaken {
                    role: "电工".into(),
                    taken: 2,
                }),
            ),
            (joined.clone(), Update(|p| p.roles[0].slots = 2), Ok(())),
            (
                joined.clone(),
                Update(|p| p.roles[0].name = "水电工".into()),
                Err(DomainError::RoleInUse("电工".into())),
            ),
            (joined.clone(), Update(|p| p.roles.truncate(1)), Ok(())),
            (
                joined.clone(),
                Update(|p| {
                    p.needs.remove(0);
                }),
                Err(DomainError::NeedInUse("资金".into())),
            ),
            (
                joined.clone(),
                Update(|p| p.needs[0].unit = NeedUnit::Items),
                Err(DomainError::NeedInUse("资金".into())),
            ),
            (
                joined.clone(),
                Update(|p| p.needs[0].quantity = 500),
                Ok(()),
            ),
            (
                joined.clone(),
                Update(|p| p.needs[1].unit = NeedUnit::Items),
                Ok(()),
            ),
            (
                joined.clone(),
                Update(|p| p.title = String::new()),
                Err(DomainError::Required(Field::ProjectTitle)),
            ),
            (
                reach(S::Completed),
                Update(|p| p.title = "改".into()),
                Err(DomainError::ProjectLocked {
                    status: S::Completed,
                }),
            ),
            (
                reach(S::Cancelled),
                Update(|p| p.title = "改".into()),
                Err(DomainError::ProjectLocked {
                    status: S::Cancelled,
                }),
            ),
            (
                reach(S::InProgress),
                Update(|p| p.title = "改".into()),
                Ok(()),
            ),
        ],
    );
    // More slots move the waitlist up.
    let mut scene = Scene::with(standard, &joined);
    scene.run(THEN, Update(|p| p.roles[0].slots = 3)).unwrap();
    assert_eq!(
        scene.roster("电工"),
        [(V(0), true), (V(1), true), (V(3), true)]
    );
}

#[test]
fn units_pledge_all_or_part_of_a_need() {
    use ProjectStatus as S;
    check_all(
        standard,
        vec![
            (recruiting(&[]), Pledge(0, "资金", 5000), Ok(())),
            (recruiting(&[]), Pledge(0, "资金", 1), Ok(())),
            (
                recruiting(&[Pledge(0, "资金", 3000)]),
                Pledge(1, "资金", 2000),
                Ok(()),
            ),
            (
                recruiting(&[Pledge(0, "资金", 3000)]),
                Pledge(1, "资金", 2001),
                Err(DomainError::PledgeExceedsNeed { remaining: 2000 }),
            ),
            (
                recruiting(&[Pledge(0, "资金", 5000)]),
                Pledge(1, "资金", 1),
                Err(DomainError::NeedMet),
            ),
            (
                recruiting(&[]),
                Pledge(0, "资金", 0),
                Err(DomainError::PledgeOutOfRange { max: 5000 }),
            ),
            (
                recruiting(&[]),
                Pledge(0, "资金", 5001),
                Err(DomainError::PledgeOutOfRange { max: 5000 }),
            ),
            (
                recruiting(&[Pledge(0, "资金", 1000)]),
                Pledge(0, "资金", 1000),
                Err(DomainError::AlreadyPledged),
            ),
            (
                recruiting(&[Pledge(0, "资金", 1000)]),
                Pledge(0, "油漆", 5),
                Ok(()),
            ),
            (
                recruiting(&[Pledge(0, "资金", 1000), Unpledge(0, "资金")]),
                Pledge(0, "资金", 2000),
                Ok(()),
            ),
            (
                recruiting(&[]),
                Pledge(0, "场地", 1),
                Err(DomainError::UnknownNeed("场地".into())),
            ),
            (
                reach(S::Draft),
                Pledge(0, "资金", 1),
                Err(DomainError::NotRecruiting { status: S::Draft }),
            ),
            (
                reach(S::InProgress),
                Pledge(0, "资金", 1),
                Err(DomainError::NotRecruiting {
                    status: S::InProgress,
                }),
            ),
            (
                recruiting(&[]),
                Unpledge(0, "资金"),
                Err(DomainError::NotPledged),
            ),
            (
                recruiting(&[Pledge(0, "资金", 1)]),
                Unpledge(0, "资金"),
                Ok(()),
            ),
        ],
    );
    check_at(
        standard,
        &recruiting(&[Pledge(0, "资金", 1)]),
        LATE,
        Unpledge(0, "资金"),
        Err(DomainError::WithdrawDeadlinePassed),
    );
    // A withdrawn pledge gives its quantity back to the need.
    let mut scene = Scene::with(standard, &recruiting(&[Pledge(0, "资金", 5000)]));
    scene.run(THEN, Unpledge(0, "资金")).unwrap();
    assert_eq!(scene.project().pledged("资金"), 0);
    scene.run(THEN + 1, Pledge(1, "资金", 5000)).unwrap();
    assert_eq!(scene.project().pledges().len(), 2);
}

#[test]
fn pledges_made_offline_that_together_exceed_a_need_are_both_kept() {
    // Each device sees ¥5000 still needed; both pledge ¥3000, in either arrival order.
    for first_arrives in [0, 1] {
        let base = Scene::with(standard, &[Publish]);
        let mut a = Replica::new(2);
        let mut b = Replica::new(3);
        a.sync_from(&base.r);
        b.sync_from(&base.r);
        let pledge = |unit: UnitId| Action::PledgeToNeed {
            project: base.project,
            need: "资金".into(),
            unit,
            quantity: 3000,
        };
        a.act_at(at(THEN), pledge(base.units[0])).unwrap();
        b.act_at(at(THEN + 1), pledge(base.units[1])).unwrap();
        let mut merged = Journal::default();
        merged.merge(base.r.journal.events().cloned());
        let (x, y) = if first_arrives == 0 {
            (&a, &b)
        } else {
            (&b, &a)
        };
        merged.merge(x.journal.events().cloned());
        merged.merge(y.journal.events().cloned());
        let state = merged.state();
        assert!(state.rejected().is_empty(), "{:?}", state.rejected());
        let progress = state.project(base.project).unwrap().progress();
        assert_eq!(progress.needs[0].pledged, 6000);
        assert_eq!(progress.needs[0].remaining(), 0);
        assert_eq!(progress.needs[0].percent(), 100);
    }
}

#[test]
fn joins_from_two_devices_never_exceed_the_slots_whichever_arrives_first() {
    // Both devices see the last 宣传员 slot free; the earlier join in the total order
    // takes it and the other waits, whichever order the events arrive in.
    let base = Scene::with(standard, &[Publish]);
    let mut a = Replica::new(2);
    let mut b = Replica::new(3);
    a.sync_from(&base.r);
    b.sync_from(&base.r);
    let join = |who: Participant| Action::JoinRole {
        project: base.project,
        role: "宣传员".into(),
        who,
    };
    a.act_at(at(THEN + 1), join(base.who(V(2)))).unwrap();
    b.act_at(at(THEN), join(base.who(U(0)))).unwrap();
    let mut states = Vec::new();
    for order in [[&a, &b], [&b, &a]] {
        let mut merged = Journal::default();
        merged.merge(base.r.journal.events().cloned());
        for r in order {
            merged.merge(r.journal.events().cloned());
        }
        let project = merged.state().project(base.project).unwrap().clone();
        let roster: Vec<(Participant, bool)> = project
            .roster("宣传员")
            .map(|s| (s.who, s.is_seated()))
            .collect();
        assert_eq!(
            roster,
            [(base.who(U(0)), true), (base.who(V(2)), false)],
            "the unit joined first in the total order"
        );
        states.push(merged.state().clone());
    }
    assert_eq!(states[0], states[1]);
    // The same volunteer joining two roles on two devices: the later join is rejected
    // (kept and listed), never a second role.
    let mut a = Replica::new(4);
    let mut b = Replica::new(5);
    a.sync_from(&base.r);
    b.sync_from(&base.r);
    let v = base.who(V(1));
    a.act_at(
        at(THEN),
        Action::JoinRole {
            project: base.project,
            role: "电工".into(),
            who: v,
        },
    )
    .unwrap();
    let late = b
        .act_at(
            at(THEN + 1),
            Action::JoinRole {
                project: base.project,
                role: "宣传员".into(),
                who: v,
            },
        )
        .unwrap();
    for order in [[&a, &b], [&b, &a]] {
        let mut merged = Journal::default();
        merged.merge(base.r.journal.events().cloned());
        for r in order {
            merged.merge(r.journal.events().cloned());
        }
        let state = merged.state();
        assert_eq!(state.rejected().len(), 1);
        assert_eq!(state.rejected()[0].event, late.id);
        assert_eq!(state.rejected()[0].error, DomainError::AlreadyJoined);
        let project = state.project(base.project).unwrap();
        assert_eq!(project.signups_of(v).count(), 1);
    }
}

#[test]
fn progress_shows_slots_pledges_and_participants() {
    let scene = Scene::with(
        approval,
        &recruiting(&[
            Join(V(0), "电工"),
            Approve(V(0), "电工"),
            Pledge(1, "资金", 2000),
            Assign(U(0), "电工"),
            Wait(V(1), "电工"),
            Join(V(2), "宣传员"),
            Pledge(0, "油漆", 20),
            Pledge(0, "资金", 500),
        ]),
    );
    let progress = scene.project().progress();
    let roles: Vec<_> = progress
        .roles
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.slots,
                r.filled,
                r.waitlisted,
                r.pending,
                r.free(),
            )
        })
        .collect();
    assert_eq!(roles, [("电工", 2, 2, 0, 1, 0), ("宣传员", 1, 0, 0, 1, 1)]);
    let needs: Vec<_> = progress
        .needs
        .iter()
        .map(|n| {
            (
                n.name.as_str(),
                n.needed,
                n.pledged,
                n.remaining(),
                n.percent(),
            )
        })
        .collect();
    assert_eq!(
        needs,
        [("资金", 5000, 2500, 2500, 50), ("油漆", 20, 20, 0, 100)]
    );
    assert_eq!((progress.slots(), progress.filled()), (3, 2));
    // Volunteers first, then units, each by when they first took part; pending
    // requests are not participants yet.
    let participants: Vec<_> = progress
        .participants
        .iter()
        .map(|p| (scene.back(p.who), p.roles.clone(), p.pledges.clone()))
        .collect();
    assert_eq!(
        participants,
        [
            (V(0), vec!["电工".to_owned()], vec![]),
            (U(1), vec![], vec![("资金".to_owned(), 2000)]),
            (
                U(0),
                vec!["电工".to_owned()],
                vec![("资金".to_owned(), 500), ("油漆".to_owned(), 20)]
            ),
        ]
    );
}

#[test]
fn organizers_post_short_progress_updates() {
    use ProjectStatus as S;
    check_all(
        standard,
        vec![
            (reach(S::Recruiting), Post("已完成 3 栋楼道粉刷"), Ok(())),
            (reach(S::InProgress), Post("已完成 3 栋楼道粉刷"), Ok(())),
            (
                reach(S::Completed),
                Post("项目圆满完成，感谢各单位"),
                Ok(()),
            ),
            (
                reach(S::Draft),
                Post("筹备中"),
                Err(DomainError::UpdatesClosed { status: S::Draft }),
            ),
            (
                reach(S::Archived),
                Post("补记"),
                Err(DomainError::UpdatesClosed {
                    status: S::Archived,
                }),
            ),
            (
                reach(S::Cancelled),
                Post("补记"),
                Err(DomainError::UpdatesClosed {
                    status: S::Cancelled,
                }),
            ),
            (
                reach(S::Recruiting),
                Post("  "),
                Err(DomainError::Required(Field::UpdateText)),
            ),
        ],
    );
    let mut scene = Scene::with(standard, &[Publish, Post("第一批油漆到位")]);
    let long = Action::PostProjectUpdate {
        project: scene.project,
        text: "进".repeat(201),
    };
    assert_eq!(
        scene.r.act(long).map(|_| ()),
        Err(DomainError::TooLong {
            field: Field::UpdateText,
            max: 200
        })
    );
    scene.run(THEN, Post("照明更换完毕")).unwrap();
    let texts: Vec<_> = scene
        .project()
        .updates()
        .iter()
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(texts, ["第一批油漆到位", "照明更换完毕"]);
}

/// Volunteers 王小明 (电工) and 张三 (宣传员), unit 0 in 电工 and pledging, unit 1
/// pledging only; 李四 on the 电工 waitlist… who then leaves it.
fn completed() -> Vec<Act> {
    vec![
        Publish,
        Join(V(0), "电工"),
        Join(U(0), "电工"),
        Join(V(2), "宣传员"),
        Wait(V(1), "电工"),
        Pledge(1, "资金", 3000),
        Pledge(0, "油漆", 20),
        Start,
        Complete,
    ]
}

#[test]
fn confirmation_rules() {
    use ProjectStatus as S;
    check_all(
        standard,
        vec![
            (completed(), Confirm(&[V(0), V(2), U(0), U(1)]), Ok(())),
            (completed(), Confirm(&[U(1)]), Ok(())),
            (
                vec![Publish, Join(V(0), "电工"), Start],
                Confirm(&[V(0)]),
                Err(DomainError::NotCompleted {
                    status: S::InProgress,
                }),
            ),
            (
                [completed(), vec![Archive]].concat(),
                Confirm(&[V(0)]),
                Err(DomainError::NotCompleted {
                    status: S::Archived,
                }),
            ),
            (
                completed(),
                Confirm(&[]),
                Err(DomainError::NoParticipantsChosen),
            ),
            (
                completed(),
                Confirm(&[V(0), V(2), V(0)]),
                Err(DomainError::DuplicateParticipant),
            ),
            (
                completed(),
                Confirm(&[V(1)]),
                Err(DomainError::NotAParticipant),
            ),
            (
                completed(),
                Confirm(&[V(3)]),
                Err(DomainError::NotAParticipant),
            ),
            (
                [completed(), vec![Confirm(&[V(0)])]].concat(),
                Confirm(&[V(2), V(0)]),
                Err(DomainError::ParticipationAlreadyConfirmed),
            ),
            (
                [completed(), vec![Confirm(&[V(0)])]].concat(),
                Confirm(&[V(2)]),
                Ok(()),
            ),
        ],
    );
}

#[test]
fn confirmation_credits_volunteers_by_role_and_units_with_unit_points() {
    let mut scene = Scene::with(standard, &completed());
    let event = scene.run(THEN, Confirm(&[V(0), V(2), U(0), U(1)])).unwrap();
    let state = scene.state();
    let v = |i: usize| scene.volunteers[i];
    let u = |i: usize| scene.units[i];
    // 电工 sets 8 points; 宣传员 has none of its own, so the rule's 5.
    assert_eq!(state.balance(v(0)), Points::whole(8));
    assert_eq!(state.balance(v(2)), Points::whole(5));
    assert_eq!(state.balance(v(1)), Points::ZERO);
    // Each unit earns 20 unit points once, however many roles and pledges it has.
    assert_eq!(state.unit_balance(u(0)), Points::whole(20));
    assert_eq!(state.unit_balance(u(1)), Points::whole(20));
    assert_eq!(state.ledger().balance(Account::Pool), -Points::whole(53));
    let credits: Vec<_> = state
        .ledger()
        .entries()
        .iter()
        .filter(|e| {
            e.kind
                == EntryKind::ProjectCredit {
                    project: scene.project,
                }
        })
        .collect();
    assert_eq!(credits.len(), 4);
    assert!(
        credits
            .iter()
            .all(|e| e.at == event.at && e.reason == "老旧小区改造")
    );
    assert!(credits.iter().all(|e| e.from == Account::Pool));
    // Each credit is named by the participant's first seat or pledge: distinct names.
    let project = scene.project();
    let unit0 = project.confirmation(scene.who(U(0))).unwrap();
    let first_seat = project.signup_of(scene.who(U(0)), "电工").unwrap().id;
    assert_eq!(unit0.entry, Some(EntryId(first_seat)));
    assert_eq!(unit0.points, Points::whole(20));
    let unit1 = project.confirmation(scene.who(U(1))).unwrap();
    assert_eq!(unit1.entry, Some(EntryId(project.pledges()[0].id)));
    // The statement shows the credit.
    let lines = state.ledger().statement(Account::Volunteer(v(0)));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].change, Points::whole(8));
}

#[test]
fn project_credits_are_reversible_like_other_credits_and_confirmation_stays() {
    let mut scene = Scene::with(standard, &completed());
    scene.run(THEN, Confirm(&[V(0), U(1)])).unwrap();
    let entry = scene
        .project()
        .confirmation(scene.who(U(1)))
        .unwrap()
        .entry
        .unwrap();
    let reverse = Action::ReverseEntry {
        entry,
        reason: "单位未实际到场".into(),
    };
    scene.r.act_at(at(THEN + 1), reverse.clone()).unwrap();
    assert_eq!(scene.state().unit_balance(scene.units[1]), Points::ZERO);
    assert_eq!(
        scene.r.act_at(at(THEN + 2), reverse).map(|_| ()),
        Err(DomainError::AlreadyReversed(entry))
    );
    // The confirmation stays: confirming again is refused, as for activities.
    assert_eq!(
        scene.run(THEN + 3, Confirm(&[U(1)])).map(|_| ()),
        Err(DomainError::ParticipationAlreadyConfirmed)
    );
    // A volunteer's project credit is spendable and reversible too.
    let entry = scene
        .project()
        .confirmation(scene.who(V(0)))
        .unwrap()
        .entry
        .unwrap();
    assert_eq!(
        scene.state().available(scene.volunteers[0], at(THEN + 4)),
        Points::whole(8)
    );
    scene
        .r
        .act_at(
            at(THEN + 4),
            Action::ReverseEntry {
                entry,
                reason: "录错".into(),
            },
        )
        .unwrap();
    assert_eq!(scene.state().balance(scene.volunteers[0]), Points::ZERO);
}

#[test]
fn confirming_with_a_rule_of_zero_records_the_confirmation_without_an_entry() {
    fn no_points(p: &mut ProjectPlan) {
        p.rule.unit_points = Points::ZERO;
        p.roles[0].points = Some(Points::ZERO);
    }
    let mut scene = Scene::with(no_points, &completed());
    scene.run(THEN, Confirm(&[V(0), U(0), V(2)])).unwrap();
    let project = scene.project();
    let confirmation = project.confirmation(scene.who(U(0))).unwrap();
    assert_eq!(
        (confirmation.points, confirmation.entry),
        (Points::ZERO, None)
    );
    assert_eq!(project.confirmations().len(), 3);
    assert_eq!(scene.state().ledger().entries().len(), 1, "only 张三's 5");
}

#[test]
fn unit_and_volunteer_rankings_count_project_credits() {
    let mut scene = Scene::with(standard, &completed());
    scene.run(THEN, Confirm(&[V(0), V(2), U(0), U(1)])).unwrap();
    let award = Action::AwardUnitPoints {
        unit: scene.units[1],
        points: Points::whole(5),
        reason: "双报到服务".into(),
    };
    scene.r.act_at(at(THEN + 1), award).unwrap();
    let state = scene.state();
    let units = state.unit_leaderboard(RankBy::Points, Period::ALL_TIME);
    let ranked: Vec<_> = units.iter().map(|r| (r.who, r.rank, r.points)).collect();
    assert_eq!(
        ranked,
        [
            (scene.units[1], 1, Points::whole(25)),
            (scene.units[0], 2, Points::whole(20)),
        ]
    );
    let volunteers = state.volunteer_leaderboard(RankBy::Points, Period::month_of(at(THEN)));
    assert_eq!(volunteers[0].who, scene.volunteers[0]);
    assert_eq!(volunteers[0].points, Points::whole(8));
    // A reversed project credit no longer counts.
    let entry = scene
        .project()
        .confirmation(scene.who(U(1)))
        .unwrap()
        .entry
        .unwrap();
    scene
        .r
        .act_at(
            at(THEN + 2),
            Action::ReverseEntry {
                entry,
                reason: "更正".into(),
            },
        )
        .unwrap();
    let units = scene
        .state()
        .unit_leaderboard(RankBy::Points, Period::ALL_TIME);
    assert_eq!(units[0].who, scene.units[0]);
    assert_eq!(units[1].points, Points::whole(5));
    assert!(
        EntryKind::ProjectCredit {
            project: scene.project
        }
        .is_earning()
    );
    assert!(
        EntryKind::ProjectCredit {
            project: scene.project
        }
        .is_reversible()
    );
}

#[test]
fn projects_are_found_by_status_category_skills_and_participant() {
    let mut r = Replica::new(1);
    let electrician = r.register_skilled("王小明", &["电工"]);
    let medic = r.register_skilled("李四", &["急救"]);
    let plain = r.register_skilled("张三", &[]);
    let unit = r.register_unit("东城供电所", UnitKind::CoBuilding);
    let other_unit = r.register_unit("临潼区人民医院", UnitKind::DualRegistered);
    let make = |r: &mut Replica, title: &str, category: &str, days: u64, publish: bool| {
        let mut plan = project_plan(title);
        plan.category = category.into();
        plan.start = START.plus_days(days);
        plan.end = plan.start.plus_days(10);
        let id = r.create_project(plan);
        if publish {
            r.act(Action::PublishProject { project: id }).unwrap();
        }
        id
    };
    let paint = make(&mut r, "楼道粉刷", "环境整治", 3, true);
    let lights = make(&mut r, "路灯维修", "环境整治", 1, true);
    let clinic = make(&mut r, "义诊", "医疗", 2, true);
    let draft = make(&mut r, "筹备中", "医疗", 0, false);
    // 义诊 needs 急救 only; 路灯维修's 电工 role is full.
    let edit = |r: &mut Replica, project: ProjectId, f: fn(&mut ProjectPlan)| {
        let mut plan = r.journal.state().project(project).unwrap().plan.clone();
        f(&mut plan);
        r.act(Action::UpdateProject {
            project,
            plan: Box::new(plan),
        })
        .unwrap();
    };
    edit(&mut r, clinic, |p| {
        p.roles[0].name = "急救员".into();
        p.roles[0].skills = vec!["急救".into()];
    });
    edit(&mut r, lights, |p| p.roles[0].slots = 1);
    r.act(Action::JoinRole {
        project: lights,
        role: "电工".into(),
        who: Participant::Unit(other_unit),
    })
    .unwrap();
    r.act(Action::PledgeToNeed {
        project: paint,
        need: "资金".into(),
        unit,
        quantity: 100,
    })
    .unwrap();
    r.act(Action::JoinRoleWaitlist {
        project: lights,
        role: "电工".into(),
        who: Participant::Volunteer(electrician),
    })
    .unwrap();
    let mut started_by_unit = project_plan("企业开放日");
    started_by_unit.initiator = Initiator::Unit(unit);
    let open_day = r.create_project(started_by_unit);
    r.act(Action::PublishProject { project: open_day }).unwrap();
    r.act(Action::StartProject { project: open_day }).unwrap();

    let state = r.journal.state();
    let find = |q: ProjectQuery| -> Vec<ProjectId> {
        state.find_projects(&q).iter().map(|p| p.id).collect()
    };
    // Recruiting first, soonest first; then under way; drafts.
    assert_eq!(
        find(ProjectQuery::default()),
        [lights, clinic, paint, open_day, draft]
    );
    assert_eq!(
        find(ProjectQuery::public()),
        [lights, clinic, paint, open_day]
    );
    assert_eq!(
        find(ProjectQuery {
            statuses: vec![ProjectStatus::InProgress, ProjectStatus::Draft],
            ..ProjectQuery::default()
        }),
        [open_day, draft]
    );
    assert_eq!(
        find(ProjectQuery {
            category: Some(" 医疗".into()),
            ..ProjectQuery::public()
        }),
        [clinic]
    );
    // Needs my skills: recruiting, a free slot, a wanted skill.
    let needing =
        |v| -> Vec<ProjectId> { state.projects_needing(v).iter().map(|p| p.id).collect() };
    assert_eq!(
        needing(electrician),
        [paint],
        "路灯维修's only 电工 slot is taken"
    );
    assert_eq!(needing(medic), [clinic]);
    assert_eq!(needing(plain), Vec::<ProjectId>::new());
    let skills = ["电工".to_owned()];
    let roles: Vec<_> = state
        .project(paint)
        .unwrap()
        .roles_wanting(&skills)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(roles, ["电工"]);
    // My projects: sign-ups (waitlisted too), pledges, and a unit's own projects.
    let mine = |who| -> Vec<ProjectId> { state.projects_of(who).iter().map(|p| p.id).collect() };
    assert_eq!(mine(Participant::Volunteer(electrician)), [lights]);
    assert_eq!(mine(Participant::Volunteer(medic)), Vec::<ProjectId>::new());
    assert_eq!(mine(Participant::Unit(unit)), [paint, open_day]);
    assert_eq!(mine(Participant::Unit(other_unit)), [lights]);
    assert_eq!(state.project_categories(), ["医疗", "环境整治"]);
}

#[test]
fn project_actions_are_stored_with_readable_tags() {
    let project: ProjectId = "a-1".parse().unwrap();
    let who = Participant::Unit("a-2".parse().unwrap());
    let json = serde_json::to_string(&linli::store::tagged::Tagged(&Action::JoinRole {
        project,
        role: "电工".into(),
        who,
    }))
    .unwrap();
    assert_eq!(
        json,
        r#"{"t":"join_role","project":"a-1","role":"电工","who":{"unit":"a-2"}}"#
    );
    let json = serde_json::to_string(&linli::store::tagged::Tagged(&Action::DeclineJoin {
        project,
        role: "电工".into(),
        who,
        reason: String::new(),
    }))
    .unwrap();
    assert_eq!(
        json,
        r#"{"t":"decline_join","project":"a-1","role":"电工","who":{"unit":"a-2"}}"#
    );
    let plan = project_plan("老旧小区改造");
    let json = serde_json::to_string(&linli::store::tagged::Tagged(&Action::CreateProject {
        plan: Box::new(plan.clone()),
    }))
    .unwrap();
    assert!(
        json.contains(r#""cover":{"icon":"paint-roller"}"#),
        "{json}"
    );
    assert!(json.contains(r#""unit":{"custom":"桶"}"#), "{json}");
    let back = linli::store::tagged::from_value(serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(
        back,
        Action::CreateProject {
            plan: Box::new(plan)
        }
    );
    // A minimal plan reads with defaults: community, red cover, open, no roles.
    let minimal = r#"{"t":"create_project","plan":{"title":"t","start":1,"end":2,
        "place":"p","category":"c","withdraw_deadline":1}}"#;
    let Action::CreateProject { plan } =
        linli::store::tagged::from_value(serde_json::from_str(minimal).unwrap()).unwrap()
    else {
        panic!("a project");
    };
    assert_eq!(plan.initiator, Initiator::Community);
    assert_eq!(plan.cover, Cover::default());
    assert_eq!(plan.join, JoinMode::Open);
    assert!(plan.roles.is_empty() && plan.needs.is_empty());
}
