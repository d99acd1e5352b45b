//! The fold: state derived from events, one at a time, in their total order.
//!
//! [`State::check`] holds every rule an action must pass. It runs twice: before an
//! action is written (so the user hears why it was refused) and again when the event is
//! folded, because events merged from another tab or device may no longer fit (two tabs
//! reversed the same entry at once, say). An event that no longer fits is kept and
//! listed in [`State::rejected`] with its reason, never silently dropped.

use std::collections::BTreeMap;

use super::error::{DomainError, Field};
use super::event::{Action, Event};
use super::id::{EntryId, EventId, VolunteerId};
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

    /// The rules an action must pass against the current state, both when it is
    /// written and when it is folded.
    pub fn check(&self, action: &Action) -> Result<(), DomainError> {
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
        }
    }

    /// The rules that hold only when an action is first written, on top of
    /// [`State::check`]: a merge may later bring a duplicate, which is shown, not refused.
    pub fn check_new(&self, action: &Action) -> Result<(), DomainError> {
        self.check(action)?;
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
        match self.check(&event.action) {
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

fn reason_text(reason: &str) -> Result<(), DomainError> {
    require(Field::Reason, reason)?;
    limit(Field::Reason, reason, REASON_MAX)
}
