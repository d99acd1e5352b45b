//! The fold: state derived from events, one at a time, in their total order.
//!
//! [`State::check`] holds every rule an action must pass. It runs twice: before an
//! action is written (so the user hears why it was refused) and again when the event is
//! folded, because events merged from another tab or device may no longer fit (two tabs
//! reversed the same entry at once, say). An event that no longer fits is kept and
//! listed in [`State::rejected`] with its reason, never silently dropped.

use std::collections::BTreeMap;

use super::activity::{Activities, Activity, Signup, StarLevel};
use super::error::{DomainError, Field};
use super::event::{Action, Event};
use super::id::{ActivityId, EntryId, EventId, Timestamp, VolunteerId};
use super::ledger::{Account, Entry, EntryKind, Ledger, Points};
use super::member::{Volunteer, VolunteerProfile, limit, require};

pub const REASON_MAX: usize = 200;

/// An event that was stored but could not be applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub event: EventId,
    pub error: DomainError,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    volunteers: BTreeMap<VolunteerId, Volunteer>,
    ledger: Ledger,
    activities: Activities,
    rejected: Vec<Rejected>,
}

impl State {
    pub fn volunteer(&self, id: VolunteerId) -> Option<&Volunteer> {
        self.volunteers.get(&id)
    }

    /// Every volunteer, in the order they were registered.
    pub fn volunteers(&self) -> impl Iterator<Item = &Volunteer> {
        self.volunteers.values()
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// A volunteer's points balance.
    pub fn balance(&self, volunteer: VolunteerId) -> Points {
        self.ledger.balance(Account::Volunteer(volunteer))
    }

    pub fn activity(&self, id: ActivityId) -> Option<&Activity> {
        self.activities.get(id)
    }

    /// Every activity, by id (sort by `plan.start` to list them by date).
    pub fn activities(&self) -> impl Iterator<Item = &Activity> {
        self.activities.iter()
    }

    /// The volunteer's sign-ups that hold a seat or a waitlist place, confirmed ones
    /// included, each with its activity.
    pub fn signups_of(&self, volunteer: VolunteerId) -> impl Iterator<Item = (&Activity, &Signup)> {
        self.activities.held_by(volunteer)
    }

    /// The volunteer's confirmed service minutes (服务时长). Points spent or deducted
    /// never change them.
    pub fn service_minutes(&self, volunteer: VolunteerId) -> u64 {
        self.activities.service_minutes(volunteer)
    }

    pub fn star_level(&self, volunteer: VolunteerId) -> StarLevel {
        StarLevel::from_minutes(self.service_minutes(volunteer))
    }

    /// How often the volunteer was marked absent (and not corrected).
    pub fn no_shows(&self, volunteer: VolunteerId) -> u32 {
        self.activities.no_shows(volunteer)
    }

    /// The rules an action must pass against the current state at time `at`, both when
    /// it is written and when it is folded.
    pub fn check(&self, action: &Action, at: Timestamp) -> Result<(), DomainError> {
        match action {
            Action::RegisterVolunteer { profile } => profile.validate(),
            Action::UpdateVolunteer { volunteer, profile } => {
                self.known_volunteer(*volunteer)?;
                profile.validate()
            }
            Action::AwardPoints {
                volunteer,
                points,
                reason,
            } => {
                self.known_volunteer(*volunteer)?;
                manual_points(*points)?;
                reason_text(reason)
            }
            Action::DeductPoints {
                volunteer,
                points,
                reason,
            } => {
                self.known_volunteer(*volunteer)?;
                manual_points(*points)?;
                reason_text(reason)?;
                let balance = self.balance(*volunteer);
                if balance < *points {
                    return Err(DomainError::InsufficientPoints {
                        balance,
                        needed: *points,
                    });
                }
                Ok(())
            }
            Action::ReverseEntry { entry, reason } => {
                reason_text(reason)?;
                let original = self
                    .ledger
                    .entry(*entry)
                    .ok_or(DomainError::UnknownEntry(*entry))?;
                if matches!(original.kind, EntryKind::Reversal { .. }) {
                    return Err(DomainError::CannotReverseReversal);
                }
                if self.ledger.reversed_by(*entry).is_some() {
                    return Err(DomainError::AlreadyReversed(*entry));
                }
                Ok(())
            }
            Action::CreateActivity { .. }
            | Action::UpdateActivity { .. }
            | Action::CancelActivity { .. }
            | Action::ConfirmAll { .. } => self.activities.check(action, at),
            Action::SignUp { volunteer, .. }
            | Action::JoinWaitlist { volunteer, .. }
            | Action::CancelSignup { volunteer, .. }
            | Action::AssignRole { volunteer, .. }
            | Action::CheckIn { volunteer, .. }
            | Action::CheckOut { volunteer, .. }
            | Action::MarkNoShow { volunteer, .. }
            | Action::ConfirmService { volunteer, .. } => {
                self.known_volunteer(*volunteer)?;
                self.activities.check(action, at)
            }
        }
    }

    /// The rules that hold only when an action is first written, on top of
    /// [`State::check`]: a merge may later bring a duplicate, which is shown, not refused.
    /// This is also what the app asks before offering a button: a sign-up refused with
    /// [`DomainError::ActivityFull`] offers [`Action::JoinWaitlist`] instead.
    pub fn check_new(&self, action: &Action, at: Timestamp) -> Result<(), DomainError> {
        self.check(action, at)?;
        self.activities.check_new(action)?;
        let number_taken = |id: Option<VolunteerId>, profile: &VolunteerProfile| {
            let number = profile.number.trim();
            !number.is_empty()
                && self
                    .volunteers
                    .values()
                    .any(|v| Some(v.id) != id && v.profile.number.trim() == number)
        };
        match action {
            Action::RegisterVolunteer { profile } if number_taken(None, profile) => {
                Err(DomainError::DuplicateNumber(profile.number.clone()))
            }
            Action::UpdateVolunteer { volunteer, profile }
                if number_taken(Some(*volunteer), profile) =>
            {
                Err(DomainError::DuplicateNumber(profile.number.clone()))
            }
            _ => Ok(()),
        }
    }

    /// Folds one event in. An event that breaks a rule is recorded as rejected.
    pub fn apply(&mut self, event: &Event) {
        match self.check(&event.action, event.at) {
            Ok(()) => self.apply_checked(event),
            Err(error) => self.rejected.push(Rejected {
                event: event.id,
                error,
            }),
        }
    }

    fn apply_checked(&mut self, event: &Event) {
        let entry_id = EntryId(event.id);
        match &event.action {
            Action::RegisterVolunteer { profile } => {
                let id = VolunteerId(event.id);
                self.volunteers.insert(
                    id,
                    Volunteer {
                        id,
                        profile: profile.clone(),
                        joined: event.at,
                    },
                );
            }
            Action::UpdateVolunteer { volunteer, profile } => {
                if let Some(v) = self.volunteers.get_mut(volunteer) {
                    v.profile = profile.clone();
                }
            }
            Action::AwardPoints {
                volunteer,
                points,
                reason,
            } => self.ledger.post(Entry {
                id: entry_id,
                at: event.at,
                from: Account::Pool,
                to: Account::Volunteer(*volunteer),
                points: *points,
                kind: EntryKind::Award,
                reason: reason.clone(),
            }),
            Action::DeductPoints {
                volunteer,
                points,
                reason,
            } => self.ledger.post(Entry {
                id: entry_id,
                at: event.at,
                from: Account::Volunteer(*volunteer),
                to: Account::Pool,
                points: *points,
                kind: EntryKind::Deduction,
                reason: reason.clone(),
            }),
            Action::ReverseEntry { entry, reason } => {
                if let Some(original) = self.ledger.entry(*entry) {
                    let reversal = Entry {
                        id: entry_id,
                        at: event.at,
                        from: original.to,
                        to: original.from,
                        points: original.points,
                        kind: EntryKind::Reversal { of: *entry },
                        reason: reason.clone(),
                    };
                    self.ledger.post(reversal);
                }
            }
            _ => {
                for credit in self.activities.apply(event) {
                    self.ledger.post(Entry {
                        id: credit.id,
                        at: event.at,
                        from: Account::Pool,
                        to: Account::Volunteer(credit.volunteer),
                        points: credit.points,
                        kind: EntryKind::ActivityCredit {
                            activity: credit.activity,
                        },
                        reason: credit.reason,
                    });
                }
            }
        }
    }

    fn known_volunteer(&self, id: VolunteerId) -> Result<&Volunteer, DomainError> {
        self.volunteers
            .get(&id)
            .ok_or(DomainError::UnknownVolunteer(id))
    }
}

fn manual_points(points: Points) -> Result<(), DomainError> {
    if points <= Points::ZERO || points > Points::MANUAL_MAX {
        Err(DomainError::PointsOutOfRange {
            max: Points::MANUAL_MAX,
        })
    } else {
        Ok(())
    }
}

pub(super) fn reason_text(reason: &str) -> Result<(), DomainError> {
    require(Field::Reason, reason)?;
    limit(Field::Reason, reason, REASON_MAX)
}
