//! Over-long text is refused, for every free-text field of every action, with
//! `DomainError::TooLong` naming the field and its limit: when the action is written
//! (the form's path) and when the event arrives from elsewhere (an import or another
//! tab), where it is listed as rejected and not applied.
//!
//! One table, one `check`: each row names an action, the field and the limit from
//! `src/domain`, and makes the action with a given text. Lengths are counted in
//! characters, so the texts are Chinese (three bytes each in UTF-8): a limit counted in
//! bytes would refuse the text at the limit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod wish_support;

use common::{Replica, award, offer, plan, profile, project_plan, unit_profile};
use linli::domain::activity::{CATEGORY_MAX, DETAILS_MAX, PLACE_MAX, ROLE_NAME_MAX, TITLE_MAX};
use linli::domain::member::{NAME_MAX, SHORT_TEXT_MAX};
use linli::domain::perk::{DESCRIPTION_MAX, PERK_TITLE_MAX};
use linli::domain::project::{
    NEED_NAME_MAX, NEED_UNIT_MAX, PROJECT_CATEGORY_MAX, PROJECT_DESCRIPTION_MAX, PROJECT_PLACE_MAX,
    PROJECT_ROLE_NAME_MAX, PROJECT_TITLE_MAX, UPDATE_TEXT_MAX,
};
use linli::domain::state::REASON_MAX;
use linli::domain::unit::{ADDRESS_MAX, UNIT_NAME_MAX};
use linli::domain::wish::{ALIAS_MAX, NOTE_MAX, WISH_DESCRIPTION_MAX, WISH_TITLE_MAX};
use linli::domain::{
    Action, ActivityId, Claimant, DomainError, EntryId, Event, EventId, Field, JoinMode, NeedUnit,
    PerkId, Points, ProjectId, ReplicaId, Timestamp, UnitId, UnitKind, VolunteerId, WishId,
};
use wish_support::wish_plan;

/// One of everything an action may name, each in the state the action needs:
/// a volunteer with 10 points (and the award's entry), a unit with 10 unit points, an
/// activity, a perk, a recruiting open project that 王小明 joined as 宣传员, a recruiting
/// project that needs approval where 王小明 asked to be 宣传员, a pending wish and a
/// fulfilled one.
struct World {
    r: Replica,
    wang: VolunteerId,
    entry: EntryId,
    unit: UnitId,
    activity: ActivityId,
    perk: PerkId,
    open_project: ProjectId,
    approval_project: ProjectId,
    pending_wish: WishId,
    fulfilled_wish: WishId,
}

impl World {
    fn new() -> World {
        let mut r = Replica::new(1);
        let wang = r.register("王小明");
        let entry = EntryId(r.act(award(wang, 10, "扫雪")).unwrap().id);
        let unit = r.register_unit("东城供电所", UnitKind::DualRegistered);
        r.act(Action::AwardUnitPoints {
            unit,
            points: Points::whole(10),
            reason: "共建".into(),
        })
        .unwrap();
        let activity = r.create(plan("敬老院探访"));
        r.act(Action::SignUp {
            activity,
            volunteer: wang,
        })
        .unwrap();
        let perk = r.create_perk(offer("理发券"));
        let volunteer = Claimant::Volunteer(wang);
        let open_project = r.create_project(project_plan("老旧小区改造"));
        r.act(Action::PublishProject {
            project: open_project,
        })
        .unwrap();
        r.act(Action::JoinRole {
            project: open_project,
            role: "宣传员".into(),
            who: volunteer,
        })
        .unwrap();
        let approval_project = r.create_project(linli::domain::ProjectPlan {
            join: JoinMode::Approval,
            ..project_plan("楼道微改造")
        });
        r.act(Action::PublishProject {
            project: approval_project,
        })
        .unwrap();
        r.act(Action::JoinRole {
            project: approval_project,
            role: "宣传员".into(),
            who: volunteer,
        })
        .unwrap();
        let post = |r: &mut Replica, title: &str| {
            WishId(
                r.act(Action::PostWish {
                    plan: Box::new(wish_plan(title)),
                    resident_of: None,
                })
                .unwrap()
                .id,
            )
        };
        let pending_wish = post(&mut r, "修电风扇");
        let fulfilled_wish = post(&mut r, "修收音机");
        for action in [
            Action::PublishWish {
                wish: fulfilled_wish,
            },
            Action::ClaimWish {
                wish: fulfilled_wish,
                claimant: volunteer,
            },
            Action::FulfilWish {
                wish: fulfilled_wish,
                claimant: volunteer,
            },
        ] {
            r.act(action).unwrap();
        }
        World {
            r,
            wang,
            entry,
            unit,
            activity,
            perk,
            open_project,
            approval_project,
            pending_wish,
            fulfilled_wish,
        }
    }
}

/// Makes the action under test, with `text` in the field under test.
type Make = fn(&World, String) -> Action;

struct Case {
    what: &'static str,
    field: Field,
    max: usize,
    make: Make,
}

fn case(what: &'static str, field: Field, max: usize, make: Make) -> Case {
    Case {
        what,
        field,
        max,
        make,
    }
}

fn text(chars: usize) -> String {
    "长".repeat(chars)
}

/// A volunteer profile with `edit` applied to 王小明's.
fn volunteer(
    edit: impl FnOnce(&mut linli::domain::VolunteerProfile),
) -> linli::domain::VolunteerProfile {
    let mut p = profile("王小明");
    edit(&mut p);
    p
}

fn unit(edit: impl FnOnce(&mut linli::domain::UnitProfile)) -> linli::domain::UnitProfile {
    let mut p = unit_profile("幸福超市", UnitKind::Merchant);
    edit(&mut p);
    p
}

fn activity(edit: impl FnOnce(&mut linli::domain::ActivityPlan)) -> linli::domain::ActivityPlan {
    let mut p = plan("敬老院探访");
    edit(&mut p);
    p
}

fn perk(edit: impl FnOnce(&mut linli::domain::PerkOffer)) -> linli::domain::PerkOffer {
    let mut p = offer("理发券");
    edit(&mut p);
    p
}

fn project(edit: impl FnOnce(&mut linli::domain::ProjectPlan)) -> linli::domain::ProjectPlan {
    let mut p = project_plan("老旧小区改造");
    edit(&mut p);
    p
}

fn wish(edit: impl FnOnce(&mut linli::domain::WishPlan)) -> linli::domain::WishPlan {
    let mut p = wish_plan("修电风扇");
    edit(&mut p);
    p
}

/// Every free-text field of every action, with its limit.
fn cases() -> Vec<Case> {
    vec![
        // Volunteers: registered and corrected.
        case("RegisterVolunteer.name", Field::Name, NAME_MAX, |_, t| {
            Action::RegisterVolunteer {
                profile: Box::new(volunteer(|p| p.name = t)),
            }
        }),
        case(
            "RegisterVolunteer.number",
            Field::Number,
            SHORT_TEXT_MAX,
            |_, t| Action::RegisterVolunteer {
                profile: Box::new(volunteer(|p| p.number = t)),
            },
        ),
        case(
            "RegisterVolunteer.grid",
            Field::Grid,
            SHORT_TEXT_MAX,
            |_, t| Action::RegisterVolunteer {
                profile: Box::new(volunteer(|p| p.grid = t)),
            },
        ),
        case(
            "RegisterVolunteer.building",
            Field::Building,
            SHORT_TEXT_MAX,
            |_, t| Action::RegisterVolunteer {
                profile: Box::new(volunteer(|p| p.building = t)),
            },
        ),
        case(
            "RegisterVolunteer.skills",
            Field::Skills,
            SHORT_TEXT_MAX,
            |_, t| Action::RegisterVolunteer {
                profile: Box::new(volunteer(|p| p.skills = vec!["电工".into(), t])),
            },
        ),
        case("UpdateVolunteer.name", Field::Name, NAME_MAX, |w, t| {
            Action::UpdateVolunteer {
                volunteer: w.wang,
                profile: Box::new(volunteer(|p| p.name = t)),
            }
        }),
        case(
            "UpdateVolunteer.skills",
            Field::Skills,
            SHORT_TEXT_MAX,
            |w, t| Action::UpdateVolunteer {
                volunteer: w.wang,
                profile: Box::new(volunteer(|p| p.skills = vec![t])),
            },
        ),
        // Points by hand, and corrections.
        case("AwardPoints.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::AwardPoints {
                volunteer: w.wang,
                points: Points::whole(1),
                reason: t,
            }
        }),
        case("DeductPoints.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::DeductPoints {
                volunteer: w.wang,
                points: Points::whole(1),
                reason: t,
            }
        }),
        case("ReverseEntry.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::ReverseEntry {
                entry: w.entry,
                reason: t,
            }
        }),
        // Activities.
        case("CreateActivity.title", Field::Title, TITLE_MAX, |_, t| {
            Action::CreateActivity {
                plan: Box::new(activity(|p| p.title = t)),
            }
        }),
        case(
            "CreateActivity.category",
            Field::Category,
            CATEGORY_MAX,
            |_, t| Action::CreateActivity {
                plan: Box::new(activity(|p| p.category = t)),
            },
        ),
        case("CreateActivity.place", Field::Place, PLACE_MAX, |_, t| {
            Action::CreateActivity {
                plan: Box::new(activity(|p| p.place = t)),
            }
        }),
        case(
            "CreateActivity.details",
            Field::Details,
            DETAILS_MAX,
            |_, t| Action::CreateActivity {
                plan: Box::new(activity(|p| p.details = t)),
            },
        ),
        case("CreateActivity.role", Field::Role, ROLE_NAME_MAX, |_, t| {
            Action::CreateActivity {
                plan: Box::new(activity(|p| p.roles[0].name = t)),
            }
        }),
        case("UpdateActivity.title", Field::Title, TITLE_MAX, |w, t| {
            Action::UpdateActivity {
                activity: w.activity,
                plan: Box::new(activity(|p| p.title = t)),
            }
        }),
        case(
            "UpdateActivity.details",
            Field::Details,
            DETAILS_MAX,
            |w, t| Action::UpdateActivity {
                activity: w.activity,
                plan: Box::new(activity(|p| p.details = t)),
            },
        ),
        case(
            "CancelActivity.reason",
            Field::Reason,
            REASON_MAX,
            |w, t| Action::CancelActivity {
                activity: w.activity,
                reason: t,
            },
        ),
        // Units and unit points.
        case(
            "RegisterUnit.name",
            Field::UnitName,
            UNIT_NAME_MAX,
            |_, t| Action::RegisterUnit {
                profile: Box::new(unit(|p| p.name = t)),
            },
        ),
        case("RegisterUnit.contact", Field::Contact, NAME_MAX, |_, t| {
            Action::RegisterUnit {
                profile: Box::new(unit(|p| p.contact = t)),
            }
        }),
        case(
            "RegisterUnit.address",
            Field::Address,
            ADDRESS_MAX,
            |_, t| Action::RegisterUnit {
                profile: Box::new(unit(|p| p.address = t)),
            },
        ),
        case("RegisterUnit.grid", Field::Grid, SHORT_TEXT_MAX, |_, t| {
            Action::RegisterUnit {
                profile: Box::new(unit(|p| p.grid = t)),
            }
        }),
        case("UpdateUnit.name", Field::UnitName, UNIT_NAME_MAX, |w, t| {
            Action::UpdateUnit {
                unit: w.unit,
                profile: Box::new(unit(|p| p.name = t)),
            }
        }),
        case(
            "AwardUnitPoints.reason",
            Field::Reason,
            REASON_MAX,
            |w, t| Action::AwardUnitPoints {
                unit: w.unit,
                points: Points::whole(1),
                reason: t,
            },
        ),
        case(
            "DeductUnitPoints.reason",
            Field::Reason,
            REASON_MAX,
            |w, t| Action::DeductUnitPoints {
                unit: w.unit,
                points: Points::whole(1),
                reason: t,
            },
        ),
        // Perks.
        case(
            "CreatePerk.title",
            Field::PerkTitle,
            PERK_TITLE_MAX,
            |_, t| Action::CreatePerk {
                offer: Box::new(perk(|p| p.title = t)),
            },
        ),
        case(
            "CreatePerk.description",
            Field::Description,
            DESCRIPTION_MAX,
            |_, t| Action::CreatePerk {
                offer: Box::new(perk(|p| p.description = t)),
            },
        ),
        case(
            "UpdatePerk.title",
            Field::PerkTitle,
            PERK_TITLE_MAX,
            |w, t| Action::UpdatePerk {
                perk: w.perk,
                offer: Box::new(perk(|p| p.title = t)),
            },
        ),
        case("WithdrawPerk.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::WithdrawPerk {
                perk: w.perk,
                reason: t,
            }
        }),
        // Projects.
        case(
            "CreateProject.title",
            Field::ProjectTitle,
            PROJECT_TITLE_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.title = t)),
            },
        ),
        case(
            "CreateProject.description",
            Field::ProjectDescription,
            PROJECT_DESCRIPTION_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.description = t)),
            },
        ),
        case(
            "CreateProject.place",
            Field::ProjectPlace,
            PROJECT_PLACE_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.place = t)),
            },
        ),
        case(
            "CreateProject.category",
            Field::ProjectCategory,
            PROJECT_CATEGORY_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.category = t)),
            },
        ),
        case(
            "CreateProject.role",
            Field::Role,
            PROJECT_ROLE_NAME_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.roles[0].name = t)),
            },
        ),
        case(
            "CreateProject.role skill",
            Field::Skills,
            SHORT_TEXT_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.roles[0].skills = vec![t])),
            },
        ),
        case("CreateProject.need", Field::Need, NEED_NAME_MAX, |_, t| {
            Action::CreateProject {
                plan: Box::new(project(|p| p.needs[0].name = t)),
            }
        }),
        case(
            "CreateProject.need unit",
            Field::NeedUnit,
            NEED_UNIT_MAX,
            |_, t| Action::CreateProject {
                plan: Box::new(project(|p| p.needs[1].unit = NeedUnit::Custom(t))),
            },
        ),
        case(
            "UpdateProject.description",
            Field::ProjectDescription,
            PROJECT_DESCRIPTION_MAX,
            |w, t| Action::UpdateProject {
                project: w.open_project,
                plan: Box::new(project(|p| p.description = t)),
            },
        ),
        case("CancelProject.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::CancelProject {
                project: w.open_project,
                reason: t,
            }
        }),
        case("DeclineJoin.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::DeclineJoin {
                project: w.approval_project,
                role: "宣传员".into(),
                who: Claimant::Volunteer(w.wang),
                reason: t,
            }
        }),
        case(
            "RemoveFromRole.reason",
            Field::Reason,
            REASON_MAX,
            |w, t| Action::RemoveFromRole {
                project: w.open_project,
                role: "宣传员".into(),
                who: Claimant::Volunteer(w.wang),
                reason: t,
            },
        ),
        case(
            "PostProjectUpdate.text",
            Field::UpdateText,
            UPDATE_TEXT_MAX,
            |w, t| Action::PostProjectUpdate {
                project: w.open_project,
                text: t,
            },
        ),
        // Micro-wishes.
        case("PostWish.alias", Field::Alias, ALIAS_MAX, |_, t| {
            Action::PostWish {
                plan: Box::new(wish(|p| p.alias = t)),
                resident_of: None,
            }
        }),
        case(
            "PostWish.private_note",
            Field::PrivateNote,
            NOTE_MAX,
            |_, t| Action::PostWish {
                plan: Box::new(wish(|p| p.private_note = t)),
                resident_of: None,
            },
        ),
        case(
            "PostWish.title",
            Field::WishTitle,
            WISH_TITLE_MAX,
            |_, t| Action::PostWish {
                plan: Box::new(wish(|p| p.title = t)),
                resident_of: None,
            },
        ),
        case(
            "PostWish.description",
            Field::WishDescription,
            WISH_DESCRIPTION_MAX,
            |_, t| Action::PostWish {
                plan: Box::new(wish(|p| p.description = t)),
                resident_of: None,
            },
        ),
        case("PostWish.grid", Field::Grid, SHORT_TEXT_MAX, |_, t| {
            Action::PostWish {
                plan: Box::new(wish(|p| p.grid = t)),
                resident_of: None,
            }
        }),
        case(
            "PostWish.building",
            Field::Building,
            SHORT_TEXT_MAX,
            |_, t| Action::PostWish {
                plan: Box::new(wish(|p| p.building = t)),
                resident_of: None,
            },
        ),
        case("PostWish.skills", Field::Skills, SHORT_TEXT_MAX, |_, t| {
            Action::PostWish {
                plan: Box::new(wish(|p| p.skills = vec![t])),
                resident_of: None,
            }
        }),
        case(
            "UpdateWish.title",
            Field::WishTitle,
            WISH_TITLE_MAX,
            |w, t| Action::UpdateWish {
                wish: w.pending_wish,
                plan: Box::new(wish(|p| p.title = t)),
            },
        ),
        case("RejectWish.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::RejectWish {
                wish: w.pending_wish,
                reason: t,
            }
        }),
        case("CancelWish.reason", Field::Reason, REASON_MAX, |w, t| {
            Action::CancelWish {
                wish: w.pending_wish,
                reason: t,
            }
        }),
        case("ConfirmWish.thanks", Field::ThankYou, NOTE_MAX, |w, t| {
            Action::ConfirmWish {
                wish: w.fulfilled_wish,
                thanks: t,
            }
        }),
    ]
}

/// Text at the limit is taken; one character more, or a hundred thousand, is refused
/// with `TooLong` for that field, both when written and when merged from elsewhere.
fn check(case: &Case) {
    let Case {
        what,
        field,
        max,
        make,
    } = *case;
    let too_long = Err(DomainError::TooLong { field, max });

    let mut w = World::new();
    let at_limit = make(&w, text(max));
    assert_eq!(
        w.r.act(at_limit).map(|_| ()),
        Ok(()),
        "{what}: {max} characters are allowed"
    );

    for length in [max + 1, 100_000] {
        let mut w = World::new();
        let action = make(&w, text(length));
        let before = w.r.journal.len();
        assert_eq!(
            w.r.act(action.clone()).map(|_| ()),
            too_long,
            "{what}: {length} characters are refused when written"
        );
        assert_eq!(w.r.journal.len(), before, "{what}: nothing was written");

        // The same action from another replica (an import, another tab): kept, listed
        // as rejected with the same reason, and not applied.
        let event = Event {
            id: EventId::new(ReplicaId(0x77), 1),
            at: Timestamp(w.r.wall.0 + 60_000),
            action,
        };
        let state_before = w.r.journal.state().clone();
        let merged = w.r.journal.merge([event.clone()]);
        assert_eq!(merged.added, 1, "{what}: the event is kept");
        let rejected: Vec<_> =
            w.r.journal
                .state()
                .rejected()
                .iter()
                .filter(|r| r.event == event.id)
                .map(|r| r.error.clone())
                .collect();
        assert_eq!(
            rejected,
            vec![DomainError::TooLong { field, max }],
            "{what}: {length} characters from elsewhere are listed as rejected"
        );
        // Not applied: the state is the one before, apart from the rejection listed.
        assert_eq!(
            summary(w.r.journal.state()),
            summary(&state_before),
            "{what}: the rejected event changed nothing"
        );
    }
}

/// What a user sees of a state: everything but the list of rejected events.
fn summary(state: &linli::domain::State) -> String {
    let volunteers: Vec<_> = state.volunteers().collect();
    let units: Vec<_> = state.units().collect();
    let activities: Vec<_> = state.activities().collect();
    let perks: Vec<_> = state.perks().collect();
    let projects: Vec<_> = state.projects().collect();
    let wishes: Vec<_> = state.wishes().collect();
    format!(
        "{volunteers:?}\n{units:?}\n{activities:?}\n{perks:?}\n{projects:?}\n{wishes:?}\n{:?}",
        state.ledger()
    )
}

#[test]
fn every_free_text_field_refuses_over_long_text() {
    let cases = cases();
    for case in &cases {
        check(case);
    }
    // Every field with a length limit appears in the table at least once.
    let fields: std::collections::HashSet<Field> = cases.iter().map(|c| c.field).collect();
    for field in [
        Field::Name,
        Field::Number,
        Field::Grid,
        Field::Building,
        Field::Skills,
        Field::Reason,
        Field::Title,
        Field::Category,
        Field::Place,
        Field::Details,
        Field::Role,
        Field::UnitName,
        Field::Contact,
        Field::Address,
        Field::PerkTitle,
        Field::Description,
        Field::ProjectTitle,
        Field::ProjectDescription,
        Field::ProjectPlace,
        Field::ProjectCategory,
        Field::Need,
        Field::NeedUnit,
        Field::UpdateText,
        Field::Alias,
        Field::PrivateNote,
        Field::WishTitle,
        Field::WishDescription,
        Field::ThankYou,
    ] {
        assert!(fields.contains(&field), "no case for {field:?}");
    }
}

/// Names that must match something the state knows (a role, a need) are refused when
/// over-long too: no role or need can have such a name.
#[test]
fn over_long_names_of_roles_and_needs_are_refused() {
    let huge = text(100_000);
    let w = World::new();
    let actions = [
        Action::AssignRole {
            activity: w.activity,
            volunteer: w.wang,
            role: Some(huge.clone()),
        },
        Action::JoinRole {
            project: w.open_project,
            role: huge.clone(),
            who: Claimant::Volunteer(w.wang),
        },
        Action::PledgeToNeed {
            project: w.open_project,
            need: huge.clone(),
            unit: w.unit,
            quantity: 1,
        },
    ];
    let mut w = w;
    let before = w.r.journal.len();
    for action in actions {
        let refused = w.r.act(action).unwrap_err();
        assert!(
            matches!(
                refused,
                DomainError::UnknownRole(_)
                    | DomainError::UnknownProjectRole(_)
                    | DomainError::UnknownNeed(_)
            ),
            "{refused:?}"
        );
    }
    assert_eq!(w.r.journal.len(), before, "nothing was written");
}
