//! The project book: every project with its sign-ups, pledges and updates, and the fold
//! of project events. The rules are in `rules.rs`; [`crate::domain::State`] checks the
//! people named and dispatches to both.

use std::collections::BTreeMap;

use super::{
    JoinMode, Participant, ProgressUpdate, Project, ProjectStatus, RoleSignup, RoleStanding,
    Transition,
};
use crate::domain::area::ProjectAction;
use crate::domain::event::Event;
use crate::domain::id::{EntryId, ProjectId, Timestamp};
use crate::domain::ledger::Points;
use crate::domain::project::{Confirmation, Pledge};

/// Points that a confirmation earned, for the ledger to post from the pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Credit {
    pub id: EntryId,
    pub project: ProjectId,
    pub to: Participant,
    pub points: Points,
    pub reason: String,
}

/// Every project, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Projects {
    pub(super) by_id: BTreeMap<ProjectId, Project>,
}

impl Projects {
    pub fn get(&self, id: ProjectId) -> Option<&Project> {
        self.by_id.get(&id)
    }

    /// Every project, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Project> {
        self.by_id.values()
    }

    /// Folds in an event that passed [`Projects::check`], given as its project `action`.
    /// Returns the points that a confirmation earned, for the ledger.
    pub(crate) fn apply(&mut self, event: &Event, action: ProjectAction<'_>) -> Vec<Credit> {
        let at = event.at;
        if let ProjectAction::CreateProject { plan } = action {
            let id = ProjectId(event.id);
            self.by_id.insert(
                id,
                Project {
                    id,
                    plan: plan.clone(),
                    created: at,
                    status: ProjectStatus::Draft,
                    transitions: Vec::new(),
                    signups: Vec::new(),
                    pledges: Vec::new(),
                    updates: Vec::new(),
                    confirmed: BTreeMap::new(),
                },
            );
            return Vec::new();
        }
        let Some(id) = action.project() else {
            return Vec::new();
        };
        let Some(project) = self.by_id.get_mut(&id) else {
            return Vec::new();
        };
        match action {
            ProjectAction::UpdateProject { plan, .. } => {
                project.plan = plan.clone();
                let roles: Vec<String> =
                    project.plan.roles.iter().map(|r| r.name.clone()).collect();
                for role in roles {
                    fill_slots(project, &role);
                }
            }
            ProjectAction::PublishProject { .. } => {
                enter(project, ProjectStatus::Recruiting, at, None)
            }
            ProjectAction::StartProject { .. } => {
                enter(project, ProjectStatus::InProgress, at, None)
            }
            ProjectAction::CompleteProject { .. } => {
                enter(project, ProjectStatus::Completed, at, None)
            }
            ProjectAction::ArchiveProject { .. } => {
                enter(project, ProjectStatus::Archived, at, None)
            }
            ProjectAction::CancelProject { reason, .. } => {
                enter(project, ProjectStatus::Cancelled, at, Some(reason.clone()));
            }
            ProjectAction::JoinRole { role, who, .. }
            | ProjectAction::JoinRoleWaitlist { role, who, .. } => {
                let standing = match project.plan.join {
                    JoinMode::Approval => RoleStanding::Pending,
                    JoinMode::Open => place(project, role),
                };
                project.signups.push(RoleSignup {
                    id: event.id,
                    who: *who,
                    role: role.clone(),
                    at,
                    standing,
                    assigned: false,
                    approved: None,
                });
            }
            ProjectAction::AssignToRole { role, who, .. } => {
                let standing = place(project, role);
                project.signups.push(RoleSignup {
                    id: event.id,
                    who: *who,
                    role: role.clone(),
                    at,
                    standing,
                    assigned: true,
                    approved: None,
                });
            }
            ProjectAction::ApproveJoin { role, who, .. } => {
                let standing = place(project, role);
                if let Some(signup) = active_mut(project, *who, role) {
                    signup.standing = standing;
                    signup.approved = Some(at);
                }
            }
            ProjectAction::DeclineJoin {
                role, who, reason, ..
            } => {
                if let Some(signup) = active_mut(project, *who, role) {
                    signup.standing = RoleStanding::Declined {
                        at,
                        reason: reason.clone(),
                    };
                }
            }
            ProjectAction::WithdrawFromRole { role, who, .. } => {
                if let Some(signup) = active_mut(project, *who, role) {
                    signup.standing = RoleStanding::Withdrawn { at };
                }
                fill_slots(project, role);
            }
            ProjectAction::RemoveFromRole {
                role, who, reason, ..
            } => {
                if let Some(signup) = active_mut(project, *who, role) {
                    signup.standing = RoleStanding::Removed {
                        at,
                        reason: reason.clone(),
                    };
                }
                fill_slots(project, role);
            }
            ProjectAction::PledgeToNeed {
                need,
                unit,
                quantity,
                ..
            } => project.pledges.push(Pledge {
                id: event.id,
                unit: *unit,
                need: need.clone(),
                quantity: *quantity,
                at,
                withdrawn: None,
            }),
            ProjectAction::WithdrawPledge { need, unit, .. } => {
                if let Some(pledge) = project
                    .pledges
                    .iter_mut()
                    .rev()
                    .find(|p| p.unit == *unit && p.need == *need && p.is_active())
                {
                    pledge.withdrawn = Some(at);
                }
            }
            ProjectAction::PostProjectUpdate { text, .. } => project.updates.push(ProgressUpdate {
                id: event.id,
                at,
                text: text.clone(),
            }),
            ProjectAction::ConfirmParticipation { participants, .. } => {
                return confirm(project, participants, at);
            }
            _ => {}
        }
        Vec::new()
    }
}

impl ProjectAction<'_> {
    /// The project the action names: every project action but the one that creates it.
    pub(super) fn project(self) -> Option<ProjectId> {
        match self {
            ProjectAction::CreateProject { .. } => None,
            ProjectAction::UpdateProject { project, .. }
            | ProjectAction::PublishProject { project }
            | ProjectAction::StartProject { project }
            | ProjectAction::CompleteProject { project }
            | ProjectAction::ArchiveProject { project }
            | ProjectAction::CancelProject { project, .. }
            | ProjectAction::JoinRole { project, .. }
            | ProjectAction::JoinRoleWaitlist { project, .. }
            | ProjectAction::ApproveJoin { project, .. }
            | ProjectAction::DeclineJoin { project, .. }
            | ProjectAction::AssignToRole { project, .. }
            | ProjectAction::WithdrawFromRole { project, .. }
            | ProjectAction::RemoveFromRole { project, .. }
            | ProjectAction::PledgeToNeed { project, .. }
            | ProjectAction::WithdrawPledge { project, .. }
            | ProjectAction::PostProjectUpdate { project, .. }
            | ProjectAction::ConfirmParticipation { project, .. } => Some(*project),
        }
    }
}

fn enter(project: &mut Project, to: ProjectStatus, at: Timestamp, reason: Option<String>) {
    project.status = to;
    project.transitions.push(Transition { to, at, reason });
}

/// Where a new seat request for `role` lands: a free slot, or else the waitlist.
fn place(project: &Project, role: &str) -> RoleStanding {
    if project.free_slots(role) > 0 {
        RoleStanding::Seated
    } else {
        RoleStanding::Waitlisted
    }
}

fn active_mut<'a>(
    project: &'a mut Project,
    who: Participant,
    role: &str,
) -> Option<&'a mut RoleSignup> {
    project
        .signups
        .iter_mut()
        .rev()
        .find(|s| s.who == who && s.role == role && s.is_active())
}

/// Moves the role's waitlist up, first in line first, while there are free slots.
fn fill_slots(project: &mut Project, role: &str) {
    let mut free = project.free_slots(role);
    for signup in project.signups.iter_mut() {
        if free == 0 {
            break;
        }
        if signup.role == role && signup.standing == RoleStanding::Waitlisted {
            signup.standing = RoleStanding::Seated;
            free -= 1;
        }
    }
}

/// Confirms each participant, crediting the project's points. A credit is named by the
/// participant's first seat or pledge, so one confirmation of many people makes
/// distinctly named entries.
fn confirm(project: &mut Project, participants: &[Participant], at: Timestamp) -> Vec<Credit> {
    let mut credits = Vec::new();
    for who in participants {
        if project.confirmed.contains_key(who) {
            continue;
        }
        let Some(record) = project.first_record(*who) else {
            continue;
        };
        let points = match who {
            Participant::Volunteer(_) => project
                .signups
                .iter()
                .find(|s| s.who == *who && s.is_seated())
                .map_or(project.plan.rule.volunteer_points, |s| {
                    project.plan.volunteer_points(&s.role)
                }),
            Participant::Unit(_) => project.plan.rule.unit_points,
        };
        let entry = (points > Points::ZERO).then_some(EntryId(record));
        if let Some(id) = entry {
            credits.push(Credit {
                id,
                project: project.id,
                to: *who,
                points,
                reason: project.plan.title.clone(),
            });
        }
        project.confirmed.insert(
            *who,
            Confirmation {
                at,
                record,
                points,
                entry,
            },
        );
    }
    credits
}
