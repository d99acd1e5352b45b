//! The rules of each activity action: what [`Activities::check`] refuses whenever an
//! action is written or folded, and what [`Activities::check_new`] refuses only when it
//! is written.

use super::book::{Activities, awaits_confirmation};
use super::{Activity, ActivityPlan, Signup};
use crate::domain::area::{ActivityAction, Named};
use crate::domain::error::DomainError;
use crate::domain::id::{ActivityId, Timestamp, VolunteerId};
use crate::domain::text::reason_text;

impl Activities {
    fn known(&self, id: ActivityId) -> Result<&Activity, DomainError> {
        self.by_id.get(&id).ok_or(DomainError::UnknownActivity(id))
    }

    /// A known activity that has not been cancelled.
    fn open(&self, id: ActivityId) -> Result<&Activity, DomainError> {
        let activity = self.known(id)?;
        if activity.is_cancelled() {
            return Err(DomainError::ActivityCancelled);
        }
        Ok(activity)
    }

    /// The volunteer's active sign-up for an open activity.
    fn signup(&self, id: ActivityId, volunteer: VolunteerId) -> Result<&Signup, DomainError> {
        self.open(id)?
            .signup_of(volunteer)
            .ok_or(DomainError::NotSignedUp)
    }

    /// The volunteer's seat (not a waitlist place) at an open activity.
    fn seat(&self, id: ActivityId, volunteer: VolunteerId) -> Result<&Signup, DomainError> {
        let signup = self.signup(id, volunteer)?;
        if !signup.is_seated() {
            return Err(DomainError::OnWaitlist);
        }
        Ok(signup)
    }

    /// The rules of the activity actions, both when written and when folded. The
    /// volunteer named has already been checked.
    pub(crate) fn check(
        &self,
        action: ActivityAction<'_>,
        at: Timestamp,
    ) -> Result<(), DomainError> {
        match action {
            ActivityAction::CreateActivity { plan } => plan.validate(),
            ActivityAction::UpdateActivity { activity, plan } => {
                let current = self.open(*activity)?;
                plan.validate()?;
                let taken = current.seats_taken();
                if plan.capacity < taken {
                    return Err(DomainError::CapacityBelowTaken { taken });
                }
                Ok(())
            }
            ActivityAction::CancelActivity { activity, reason } => {
                let current = self.open(*activity)?;
                reason_text(reason)?;
                let attended = current
                    .signups
                    .iter()
                    .any(|s| s.checked_in.is_some() || s.no_show || s.service.is_some());
                if attended {
                    return Err(DomainError::ActivityHasAttendance);
                }
                Ok(())
            }
            ActivityAction::SignUp {
                activity,
                volunteer,
            }
            | ActivityAction::JoinWaitlist {
                activity,
                volunteer,
            } => self.check_sign_up(*activity, *volunteer, at),
            ActivityAction::CancelSignup {
                activity,
                volunteer,
            } => {
                let signup = self.signup(*activity, *volunteer)?;
                if signup.is_seated() {
                    if signup.no_show {
                        return Err(DomainError::WasNoShow);
                    }
                    if signup.checked_in.is_some() || signup.service.is_some() {
                        return Err(DomainError::AlreadyCheckedIn);
                    }
                    if at >= self.known(*activity)?.plan.cancel_deadline {
                        return Err(DomainError::CancelDeadlinePassed);
                    }
                }
                // Leaving the waitlist is always allowed.
                Ok(())
            }
            ActivityAction::AssignRole {
                activity,
                volunteer,
                role,
            } => {
                let signup = self.seat(*activity, *volunteer)?;
                if signup.service.is_some() {
                    return Err(DomainError::AlreadyConfirmed);
                }
                let plan = &self.known(*activity)?.plan;
                match role {
                    Some(name) if !plan.roles.iter().any(|r| &r.name == name) => {
                        Err(DomainError::UnknownRole(name.clone()))
                    }
                    _ => Ok(()),
                }
            }
            ActivityAction::CheckIn {
                activity,
                volunteer,
            } => {
                let signup = self.seat(*activity, *volunteer)?;
                if signup.service.is_some() {
                    return Err(DomainError::AlreadyConfirmed);
                }
                if signup.checked_in.is_some() {
                    return Err(DomainError::AlreadyCheckedIn);
                }
                // A no-show may be checked in: the mark was a mistake.
                Ok(())
            }
            ActivityAction::CheckOut {
                activity,
                volunteer,
            } => {
                let signup = self.seat(*activity, *volunteer)?;
                if signup.service.is_some() {
                    return Err(DomainError::AlreadyConfirmed);
                }
                if signup.checked_in.is_none() {
                    return Err(DomainError::NotCheckedIn);
                }
                if signup.checked_out.is_some() {
                    return Err(DomainError::AlreadyCheckedOut);
                }
                Ok(())
            }
            ActivityAction::MarkNoShow {
                activity,
                volunteer,
            } => {
                let signup = self.seat(*activity, *volunteer)?;
                if at < self.known(*activity)?.plan.start {
                    return Err(DomainError::ActivityNotStarted);
                }
                if signup.service.is_some() {
                    return Err(DomainError::AlreadyConfirmed);
                }
                if signup.checked_in.is_some() {
                    return Err(DomainError::AlreadyCheckedIn);
                }
                if signup.no_show {
                    return Err(DomainError::AlreadyNoShow);
                }
                Ok(())
            }
            ActivityAction::ConfirmService {
                activity,
                volunteer,
                minutes,
            } => {
                let signup = self.seat(*activity, *volunteer)?;
                if signup.service.is_some() {
                    return Err(DomainError::AlreadyConfirmed);
                }
                if signup.no_show {
                    return Err(DomainError::WasNoShow);
                }
                if signup.checked_in.is_none() {
                    return Err(DomainError::NotCheckedIn);
                }
                let max = self.known(*activity)?.plan.duration_minutes();
                match minutes {
                    None if signup.checked_out.is_none() => Err(DomainError::NotCheckedOut),
                    Some(minutes) if *minutes > max => Err(DomainError::MinutesOutOfRange { max }),
                    _ => Ok(()),
                }
            }
            ActivityAction::ConfirmAll { activity } => self.open(*activity).map(|_| ()),
        }
    }

    fn check_sign_up(
        &self,
        id: ActivityId,
        volunteer: VolunteerId,
        at: Timestamp,
    ) -> Result<(), DomainError> {
        let activity = self.open(id)?;
        let plan = &activity.plan;
        if at >= plan.end {
            return Err(DomainError::ActivityEnded);
        }
        if at < plan.signup_opens {
            return Err(DomainError::SignupNotOpen {
                opens: plan.signup_opens,
            });
        }
        if at >= plan.signup_closes {
            return Err(DomainError::SignupClosed);
        }
        if activity.signup_of(volunteer).is_some() {
            return Err(DomainError::AlreadySignedUp);
        }
        if let Some(other) = self.collision(id, plan, volunteer) {
            return Err(DomainError::Collides {
                with: other.id,
                title: other.plan.title.clone(),
            });
        }
        Ok(())
    }

    /// Another activity, not cancelled, at an overlapping time, where the volunteer
    /// holds a seat or a waitlist place.
    fn collision(
        &self,
        id: ActivityId,
        plan: &ActivityPlan,
        volunteer: VolunteerId,
    ) -> Option<&Activity> {
        self.held
            .get(&volunteer)?
            .iter()
            .filter(|(other, (start, end))| **other != id && *start < plan.end && plan.start < *end)
            .filter_map(|(other, _)| self.by_id.get(other))
            .find(|other| !other.is_cancelled() && other.overlaps(plan))
    }

    /// The rules that hold only when an action is first written: a merge may bring
    /// sign-ups that fill the last seat (the later one then waits) or a no-show mark
    /// the volunteer's device did not know of.
    pub(crate) fn check_new(&self, action: ActivityAction<'_>) -> Result<(), DomainError> {
        match action {
            ActivityAction::SignUp {
                activity,
                volunteer,
            }
            | ActivityAction::JoinWaitlist {
                activity,
                volunteer,
            } => {
                let current = self.known(*activity)?;
                let count = self.no_shows(*volunteer);
                let limit = current.plan.no_show_limit;
                if count >= limit {
                    return Err(DomainError::TooManyNoShows { count, limit });
                }
                if matches!(action, ActivityAction::SignUp { .. }) && current.free_seats() == 0 {
                    return Err(DomainError::ActivityFull);
                }
                Ok(())
            }
            ActivityAction::ConfirmAll { activity } => {
                let waiting = self
                    .known(*activity)?
                    .signups
                    .iter()
                    .any(awaits_confirmation);
                if waiting {
                    Ok(())
                } else {
                    Err(DomainError::NothingToConfirm)
                }
            }
            _ => Ok(()),
        }
    }
}

impl<'a> ActivityAction<'a> {
    /// The volunteer the action names, which [`crate::domain::State`] checks is known
    /// before these rules run.
    pub(crate) fn named(self) -> Named<'a> {
        match self {
            ActivityAction::CreateActivity { .. }
            | ActivityAction::UpdateActivity { .. }
            | ActivityAction::CancelActivity { .. }
            | ActivityAction::ConfirmAll { .. } => Named::Nobody,
            ActivityAction::SignUp { volunteer, .. }
            | ActivityAction::JoinWaitlist { volunteer, .. }
            | ActivityAction::CancelSignup { volunteer, .. }
            | ActivityAction::AssignRole { volunteer, .. }
            | ActivityAction::CheckIn { volunteer, .. }
            | ActivityAction::CheckOut { volunteer, .. }
            | ActivityAction::MarkNoShow { volunteer, .. }
            | ActivityAction::ConfirmService { volunteer, .. } => Named::Volunteer(*volunteer),
        }
    }
}
