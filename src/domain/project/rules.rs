//! The rules of each project action: what [`Projects::check`] refuses whenever an action
//! is written or folded, and what [`Projects::check_new`] refuses only when it is
//! written. The people named (volunteers, units) are checked by
//! [`crate::domain::State`], which knows them.

use super::book::Projects;
use super::{
    Initiator, Participant, Project, ProjectPlan, ProjectStatus, RoleSignup, RoleStanding,
};
use crate::domain::area::{Named, ProjectAction};
use crate::domain::error::{DomainError, Field};
use crate::domain::id::{ProjectId, Timestamp};
use crate::domain::text::{REASON_MAX, limit, reason_text, require};

use ProjectStatus::{Archived, Cancelled, Completed, Draft, InProgress, Recruiting};

/// The longest progress update: a few sentences, like a message.
pub const UPDATE_TEXT_MAX: usize = 200;

impl Projects {
    fn known(&self, id: ProjectId) -> Result<&Project, DomainError> {
        self.by_id.get(&id).ok_or(DomainError::UnknownProject(id))
    }

    /// The rules of the project actions, both when written and when folded. `skills`
    /// are those of the volunteer the action names, if it names one; the people named
    /// have already been checked.
    pub(crate) fn check(
        &self,
        action: ProjectAction<'_>,
        at: Timestamp,
        skills: &[String],
    ) -> Result<(), DomainError> {
        if let ProjectAction::CreateProject { plan } = action {
            return plan.validate();
        }
        let Some(id) = action.project() else {
            return Ok(());
        };
        let project = self.known(id)?;
        let status = project.status;
        match action {
            ProjectAction::UpdateProject { plan, .. } => {
                if !matches!(status, Draft | Recruiting | InProgress) {
                    return Err(DomainError::ProjectLocked { status });
                }
                plan.validate()?;
                still_fits(project, plan)
            }
            ProjectAction::PublishProject { .. } => {
                if status != Draft {
                    return Err(DomainError::CannotPublish { from: status });
                }
                if project.plan.roles.is_empty() && project.plan.needs.is_empty() {
                    return Err(DomainError::NothingToRecruit);
                }
                Ok(())
            }
            ProjectAction::StartProject { .. } if status != Recruiting => {
                Err(DomainError::CannotStart { from: status })
            }
            ProjectAction::CompleteProject { .. } if status != InProgress => {
                Err(DomainError::CannotComplete { from: status })
            }
            ProjectAction::ArchiveProject { .. } if status != Completed => {
                Err(DomainError::CannotArchive { from: status })
            }
            ProjectAction::CancelProject { reason, .. } => {
                if !matches!(status, Draft | Recruiting | InProgress) {
                    return Err(DomainError::CannotCancel { from: status });
                }
                reason_text(reason)
            }
            ProjectAction::JoinRole { role, who, .. }
            | ProjectAction::JoinRoleWaitlist { role, who, .. } => {
                if status != Recruiting {
                    return Err(DomainError::NotRecruiting { status });
                }
                may_take(project, role, *who, skills)?;
                let last = project
                    .signups
                    .iter()
                    .rev()
                    .find(|s| s.who == *who && s.role == *role);
                if last.is_some_and(|s| matches!(s.standing, RoleStanding::Removed { .. })) {
                    return Err(DomainError::RemovedFromRole);
                }
                Ok(())
            }
            ProjectAction::AssignToRole { role, who, .. } => {
                active(status)?;
                may_take(project, role, *who, skills)
            }
            ProjectAction::ApproveJoin { role, who, .. } => {
                active(status)?;
                pending(project, role, *who).map(|_| ())
            }
            ProjectAction::DeclineJoin {
                role, who, reason, ..
            } => {
                active(status)?;
                pending(project, role, *who)?;
                limit(Field::Reason, reason, REASON_MAX)
            }
            ProjectAction::WithdrawFromRole { role, who, .. } => {
                active(status)?;
                let signup = joined(project, role, *who)?;
                // Leaving the waitlist, or taking back a request, is always allowed.
                if signup.is_seated() && at >= project.plan.withdraw_deadline {
                    return Err(DomainError::WithdrawDeadlinePassed);
                }
                Ok(())
            }
            ProjectAction::RemoveFromRole {
                role, who, reason, ..
            } => {
                active(status)?;
                joined(project, role, *who)?;
                reason_text(reason)
            }
            ProjectAction::PledgeToNeed {
                need,
                unit,
                quantity,
                ..
            } => {
                if status != Recruiting {
                    return Err(DomainError::NotRecruiting { status });
                }
                let wanted = project
                    .plan
                    .need(need)
                    .ok_or_else(|| DomainError::UnknownNeed(need.clone()))?;
                if project.pledge_of(*unit, need).is_some() {
                    return Err(DomainError::AlreadyPledged);
                }
                if *quantity == 0 || *quantity > wanted.quantity {
                    return Err(DomainError::PledgeOutOfRange {
                        max: wanted.quantity,
                    });
                }
                Ok(())
            }
            ProjectAction::WithdrawPledge { need, unit, .. } => {
                active(status)?;
                if project.pledge_of(*unit, need).is_none() {
                    return Err(DomainError::NotPledged);
                }
                if at >= project.plan.withdraw_deadline {
                    return Err(DomainError::WithdrawDeadlinePassed);
                }
                Ok(())
            }
            ProjectAction::PostProjectUpdate { text, .. } => {
                if !matches!(status, Recruiting | InProgress | Completed) {
                    return Err(DomainError::UpdatesClosed { status });
                }
                require(Field::UpdateText, text)?;
                limit(Field::UpdateText, text, UPDATE_TEXT_MAX)
            }
            ProjectAction::ConfirmParticipation { participants, .. } => {
                if status != Completed {
                    return Err(DomainError::NotCompleted { status });
                }
                if participants.is_empty() {
                    return Err(DomainError::NoParticipantsChosen);
                }
                for (i, who) in participants.iter().enumerate() {
                    if participants[..i].contains(who) {
                        return Err(DomainError::DuplicateParticipant);
                    }
                    if project.confirmation(*who).is_some() {
                        return Err(DomainError::ParticipationAlreadyConfirmed);
                    }
                    if !project.takes_part(*who) {
                        return Err(DomainError::NotAParticipant);
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The rules that hold only when an action is first written: a merge may bring
    /// joins that fill the last slot (the later one then waits) or pledges that
    /// together exceed a need (both are kept).
    pub(crate) fn check_new(&self, action: ProjectAction<'_>) -> Result<(), DomainError> {
        match action {
            ProjectAction::JoinRole { project, role, .. }
            | ProjectAction::AssignToRole { project, role, .. } => {
                let project = self.known(*project)?;
                // A request in a project that needs approval takes no slot, but asking
                // for a full role is asking for its waitlist.
                if project.free_slots(role) == 0 {
                    return Err(DomainError::RoleFull);
                }
                Ok(())
            }
            ProjectAction::PledgeToNeed {
                project,
                need,
                quantity,
                ..
            } => {
                let project = self.known(*project)?;
                let needed = project.plan.need(need).map_or(0, |n| n.quantity);
                let remaining = needed.saturating_sub(project.pledged(need));
                if remaining == 0 {
                    return Err(DomainError::NeedMet);
                }
                if *quantity > remaining {
                    return Err(DomainError::PledgeExceedsNeed { remaining });
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl<'a> ProjectAction<'a> {
    /// The people the action names, which [`crate::domain::State`] checks are known
    /// before these rules run: the unit that starts the project, the volunteer or unit
    /// taking a role (a volunteer's skills then go to [`Projects::check`]), the unit
    /// pledging, or everyone being confirmed.
    pub(crate) fn named(self) -> Named<'a> {
        match self {
            ProjectAction::CreateProject { plan } | ProjectAction::UpdateProject { plan, .. } => {
                match plan.initiator {
                    Initiator::Unit(unit) => Named::Unit(unit),
                    Initiator::Community => Named::Nobody,
                }
            }
            ProjectAction::JoinRole { who, .. }
            | ProjectAction::JoinRoleWaitlist { who, .. }
            | ProjectAction::ApproveJoin { who, .. }
            | ProjectAction::DeclineJoin { who, .. }
            | ProjectAction::AssignToRole { who, .. }
            | ProjectAction::WithdrawFromRole { who, .. }
            | ProjectAction::RemoveFromRole { who, .. } => Named::Participant(*who),
            ProjectAction::PledgeToNeed { unit, .. }
            | ProjectAction::WithdrawPledge { unit, .. } => Named::Unit(*unit),
            ProjectAction::ConfirmParticipation { participants, .. } => {
                Named::Participants(participants)
            }
            ProjectAction::PublishProject { .. }
            | ProjectAction::StartProject { .. }
            | ProjectAction::CompleteProject { .. }
            | ProjectAction::ArchiveProject { .. }
            | ProjectAction::CancelProject { .. }
            | ProjectAction::PostProjectUpdate { .. } => Named::Nobody,
        }
    }
}

/// Sign-ups and pledges change only while the project recruits or is under way.
fn active(status: ProjectStatus) -> Result<(), DomainError> {
    match status {
        Recruiting | InProgress => Ok(()),
        Draft | Completed | Archived | Cancelled => Err(DomainError::ProjectNotActive { status }),
    }
}

/// Whether `who` may take a place in `role`: the role exists, they do not hold one
/// already (a volunteer one role per project, a unit one place per role), and a
/// volunteer has the role's skills.
fn may_take(
    project: &Project,
    role: &str,
    who: Participant,
    skills: &[String],
) -> Result<(), DomainError> {
    let wanted = project
        .plan
        .role(role)
        .ok_or_else(|| DomainError::UnknownProjectRole(role.to_owned()))?;
    let holds = match who {
        Participant::Volunteer(_) => project.signups_of(who).next().is_some(),
        Participant::Unit(_) => project.signup_of(who, role).is_some(),
    };
    if holds {
        return Err(DomainError::AlreadyJoined);
    }
    if let Participant::Volunteer(_) = who
        && let Some(missing) = wanted.missing_skills(skills).next()
    {
        return Err(DomainError::MissingSkill(missing.clone()));
    }
    Ok(())
}

/// The participant's active sign-up for the role.
fn joined<'a>(
    project: &'a Project,
    role: &str,
    who: Participant,
) -> Result<&'a RoleSignup, DomainError> {
    project.signup_of(who, role).ok_or(DomainError::NotJoined)
}

/// The participant's request for the role, awaiting approval.
fn pending<'a>(
    project: &'a Project,
    role: &str,
    who: Participant,
) -> Result<&'a RoleSignup, DomainError> {
    let signup = joined(project, role, who)?;
    if signup.is_pending() {
        Ok(signup)
    } else {
        Err(DomainError::NotPending)
    }
}

/// A changed plan must keep room for what the project already holds: every role with
/// sign-ups (pending and waitlisted included) and its seated people, every need with
/// pledges and its unit.
fn still_fits(project: &Project, plan: &ProjectPlan) -> Result<(), DomainError> {
    for signup in project.signups.iter().filter(|s| s.is_active()) {
        if plan.role(&signup.role).is_none() {
            return Err(DomainError::RoleInUse(signup.role.clone()));
        }
    }
    for role in &plan.roles {
        let taken = project.filled(&role.name);
        if role.slots < taken {
            return Err(DomainError::SlotsBelowTaken {
                role: role.name.clone(),
                taken,
            });
        }
    }
    for pledge in project.pledges.iter().filter(|p| p.is_active()) {
        let current = project.plan.need(&pledge.need).map(|n| &n.unit);
        match plan.need(&pledge.need) {
            Some(need) if Some(&need.unit) == current => {}
            _ => return Err(DomainError::NeedInUse(pledge.need.clone())),
        }
    }
    // Switching a project that needs approval to open leaves its requests pending:
    // the organizer still approves or declines each.
    Ok(())
}
