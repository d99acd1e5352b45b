//! Co-construction projects (共建项目): a project's plan and lifecycle, the roles that
//! volunteers and units join, the needs that units pledge against, progress updates,
//! and the confirmation of who took part, which credits points.
//!
//! A project moves Draft → Recruiting → InProgress → Completed → Archived, or is
//! cancelled from Draft, Recruiting or InProgress; each step is its own action, and a
//! step from the wrong status is refused with its own reason.
//!
//! Slots are given in the fold, in the events' total order, as activity seats are: a
//! join takes a free slot of its role, or else a place on the role's waitlist. So when
//! joins written on two devices meet in a merge, no role ever holds more than its
//! slots: whichever comes later in the order waits, and nothing is dropped. A slot
//! given back (withdrawal, removal, more slots) goes to the first on the waitlist. In
//! a project that needs the organizer's approval, a join is a request (pending) that
//! takes a slot, or a waitlist place, only when approved; a declined request is kept.
//!
//! Pledges are not capped in the fold. A pledge larger than what a need still lacks is
//! refused when written ([`super::DomainError::PledgeExceedsNeed`],
//! [`super::DomainError::NeedMet`]), but two pledges made offline that together exceed
//! the need are both kept when they meet: turning a unit's offer away after the fact
//! helps nobody, and the progress shows the need as more than met.
//!
//! The fold is in `book.rs`, the rules in `rules.rs`, the plan in `plan.rs`, the
//! searches in `query.rs`; this module holds what the app reads.

mod book;
mod plan;
mod query;
mod rules;
pub(crate) mod status;

use std::collections::BTreeMap;

pub use book::Projects;
pub use plan::{
    Cover, ICON_NAME_MAX, Initiator, JoinMode, NEED_NAME_MAX, NEED_UNIT_MAX, NEEDS_MAX, Need,
    NeedUnit, PROJECT_CATEGORY_MAX, PROJECT_DESCRIPTION_MAX, PROJECT_MAX_DAYS, PROJECT_PLACE_MAX,
    PROJECT_POINTS_MAX, PROJECT_ROLE_NAME_MAX, PROJECT_ROLES_MAX, PROJECT_TITLE_MAX, ProjectPlan,
    ProjectRole, ProjectRule, QUANTITY_MAX, ROLE_SKILLS_MAX, SLOTS_MAX, same_skill,
};
pub use query::ProjectQuery;
pub(crate) use query::list_order;
pub use rules::UPDATE_TEXT_MAX;
pub use status::ProjectStatus;

pub use super::id::Participant;
use super::id::{EntryId, EventId, ProjectId, ReplicaId, Timestamp, UnitId};
use super::ledger::Points;

/// Where a sign-up for a role stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleStanding {
    /// Asked to join a project that needs approval; holds no slot yet.
    Pending,
    Seated,
    Waitlisted,
    /// The organizer said no, with the reason (may be empty). Kept, never deleted.
    Declined {
        at: Timestamp,
        reason: String,
    },
    /// Given back (or the waitlist left, or the request taken back) by the participant.
    Withdrawn {
        at: Timestamp,
    },
    /// Taken off the role by the organizer, with the reason.
    Removed {
        at: Timestamp,
        reason: String,
    },
}

/// One participant's sign-up for one role, named by the event that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSignup {
    pub id: EventId,
    pub who: Participant,
    pub role: String,
    pub at: Timestamp,
    pub standing: RoleStanding,
    /// Placed by the organizer ([`crate::domain::Action::AssignToRole`]), not asked for.
    pub assigned: bool,
    /// When the organizer approved the request, in a project that needs approval.
    pub approved: Option<Timestamp>,
}

impl RoleSignup {
    /// Holds a slot, a waitlist place, or a request awaiting approval.
    pub fn is_active(&self) -> bool {
        matches!(
            self.standing,
            RoleStanding::Pending | RoleStanding::Seated | RoleStanding::Waitlisted
        )
    }

    pub fn is_seated(&self) -> bool {
        self.standing == RoleStanding::Seated
    }

    pub fn is_waitlisted(&self) -> bool {
        self.standing == RoleStanding::Waitlisted
    }

    pub fn is_pending(&self) -> bool {
        self.standing == RoleStanding::Pending
    }
}

/// A unit's pledge (认捐) of a quantity to a need, named by the event that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pledge {
    pub id: EventId,
    pub unit: UnitId,
    pub need: String,
    pub quantity: u64,
    pub at: Timestamp,
    pub withdrawn: Option<Timestamp>,
}

impl Pledge {
    pub fn is_active(&self) -> bool {
        self.withdrawn.is_none()
    }
}

/// A short progress update (项目进展) posted by the organizer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressUpdate {
    pub id: EventId,
    pub at: Timestamp,
    pub text: String,
}

/// A step of the lifecycle: the status entered and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub to: ProjectStatus,
    pub at: Timestamp,
    /// The reason, for a cancellation.
    pub reason: Option<String>,
}

/// The organizer's confirmation that a participant took part, with the points it
/// credited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub at: Timestamp,
    /// The participant's first seat or pledge, which names the credit.
    pub record: EventId,
    pub points: Points,
    /// The ledger credit, when the confirmation earned points. A reversal of it (冲正)
    /// takes the points back but leaves the confirmation, as for activities.
    pub entry: Option<EntryId>,
}

/// A project as derived from its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub id: ProjectId,
    pub plan: ProjectPlan,
    pub created: Timestamp,
    pub status: ProjectStatus,
    /// Every status entered after Draft, oldest first.
    pub transitions: Vec<Transition>,
    /// Every role sign-up ever made, in the total order, ended ones included.
    signups: Vec<RoleSignup>,
    /// Every pledge ever made, in the total order, withdrawn ones included.
    pledges: Vec<Pledge>,
    updates: Vec<ProgressUpdate>,
    confirmed: BTreeMap<Participant, Confirmation>,
}

/// How one role is filled, for the progress view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleProgress {
    pub name: String,
    pub slots: u32,
    pub filled: u32,
    pub waitlisted: u32,
    /// Requests awaiting the organizer's approval.
    pub pending: u32,
}

impl RoleProgress {
    pub fn free(&self) -> u32 {
        self.slots.saturating_sub(self.filled)
    }
}

/// How one need is pledged, for the progress view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedProgress {
    pub name: String,
    pub unit: NeedUnit,
    pub needed: u64,
    /// The sum of active pledges; may exceed `needed` after a merge.
    pub pledged: u64,
}

impl NeedProgress {
    /// What is still lacking.
    pub fn remaining(&self) -> u64 {
        self.needed.saturating_sub(self.pledged)
    }

    /// Pledged as a whole percentage of the need, capped at 100 for a bar.
    pub fn percent(&self) -> u8 {
        let percent = (u128::from(self.pledged) * 100 / u128::from(self.needed.max(1))).min(100);
        u8::try_from(percent).unwrap_or(100)
    }
}

/// One participant and what they hold, for the participants list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParticipantLine {
    pub who: Participant,
    /// The roles in which they hold a slot, in the plan's order.
    pub roles: Vec<String>,
    /// Their active pledges: need and quantity, in the plan's order.
    pub pledges: Vec<(String, u64)>,
    pub confirmed: Option<Confirmation>,
}

/// The progress view (项目进展): slots filled per role, pledged against needed per
/// resource, and who takes part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectProgress {
    pub roles: Vec<RoleProgress>,
    pub needs: Vec<NeedProgress>,
    /// Everyone holding a slot or an active pledge (and anyone confirmed), volunteers
    /// first, each in the order they first took part.
    pub participants: Vec<ParticipantLine>,
}

impl ProjectProgress {
    pub fn slots(&self) -> u32 {
        self.roles.iter().map(|r| r.slots).sum()
    }

    pub fn filled(&self) -> u32 {
        self.roles.iter().map(|r| r.filled).sum()
    }
}

impl Project {
    pub fn is_cancelled(&self) -> bool {
        self.status == ProjectStatus::Cancelled
    }

    /// When the project entered `status`, if it did.
    pub fn entered(&self, status: ProjectStatus) -> Option<Timestamp> {
        match status {
            ProjectStatus::Draft => Some(self.created),
            _ => self
                .transitions
                .iter()
                .find(|t| t.to == status)
                .map(|t| t.at),
        }
    }

    /// Why the project was cancelled, if it was.
    pub fn cancel_reason(&self) -> Option<&str> {
        self.transitions
            .iter()
            .find(|t| t.to == ProjectStatus::Cancelled)
            .and_then(|t| t.reason.as_deref())
    }

    /// Every role sign-up ever made, in the total order, ended ones included.
    pub fn signups(&self) -> &[RoleSignup] {
        &self.signups
    }

    /// Every pledge ever made, in the total order, withdrawn ones included.
    pub fn pledges(&self) -> &[Pledge] {
        &self.pledges
    }

    /// Progress updates, oldest first.
    pub fn updates(&self) -> &[ProgressUpdate] {
        &self.updates
    }

    /// Everyone confirmed, with their confirmation.
    pub fn confirmations(&self) -> &BTreeMap<Participant, Confirmation> {
        &self.confirmed
    }

    pub fn confirmation(&self, who: Participant) -> Option<&Confirmation> {
        self.confirmed.get(&who)
    }

    /// The participant's active sign-up (pending, seated or waitlisted) for `role`.
    pub fn signup_of(&self, who: Participant, role: &str) -> Option<&RoleSignup> {
        self.signups
            .iter()
            .rev()
            .find(|s| s.who == who && s.role == role && s.is_active())
    }

    /// The participant's active sign-ups, any role, in the order they were made.
    pub fn signups_of(&self, who: Participant) -> impl Iterator<Item = &RoleSignup> {
        self.signups
            .iter()
            .filter(move |s| s.who == who && s.is_active())
    }

    /// The unit's active pledge to `need`.
    pub fn pledge_of(&self, unit: UnitId, need: &str) -> Option<&Pledge> {
        self.pledges
            .iter()
            .rev()
            .find(|p| p.unit == unit && p.need == need && p.is_active())
    }

    /// The role's roster: everyone seated in the order they joined, then the waitlist
    /// in its order.
    pub fn roster(&self, role: &str) -> impl Iterator<Item = &RoleSignup> {
        let seated = self
            .signups
            .iter()
            .filter(move |s| s.role == role && s.is_seated());
        seated.chain(self.waitlist(role))
    }

    /// The role's waitlist, first in line first.
    pub fn waitlist(&self, role: &str) -> impl Iterator<Item = &RoleSignup> {
        self.signups
            .iter()
            .filter(move |s| s.role == role && s.is_waitlisted())
    }

    /// Requests awaiting approval, oldest first, every role.
    pub fn pending(&self) -> impl Iterator<Item = &RoleSignup> {
        self.signups.iter().filter(|s| s.is_pending())
    }

    /// The participant's place on the role's waitlist, counting from 1.
    pub fn waitlist_position(&self, who: Participant, role: &str) -> Option<usize> {
        self.waitlist(role)
            .position(|s| s.who == who)
            .map(|i| i + 1)
    }

    /// Slots of the role taken.
    pub fn filled(&self, role: &str) -> u32 {
        let seated = self
            .signups
            .iter()
            .filter(|s| s.role == role && s.is_seated())
            .count();
        u32::try_from(seated).unwrap_or(u32::MAX)
    }

    /// Slots of the role still free; zero for a role the plan does not have.
    pub fn free_slots(&self, role: &str) -> u32 {
        self.plan
            .role(role)
            .map_or(0, |r| r.slots.saturating_sub(self.filled(role)))
    }

    /// The sum of active pledges to the need.
    pub fn pledged(&self, need: &str) -> u64 {
        self.pledges
            .iter()
            .filter(|p| p.need == need && p.is_active())
            .map(|p| p.quantity)
            .sum()
    }

    /// Whether the participant takes part: holds a slot in some role, or (a unit) an
    /// active pledge.
    pub fn takes_part(&self, who: Participant) -> bool {
        self.signups.iter().any(|s| s.who == who && s.is_seated())
            || match who {
                Participant::Unit(unit) => {
                    self.pledges.iter().any(|p| p.unit == unit && p.is_active())
                }
                Participant::Volunteer(_) => false,
            }
    }

    /// Whether the participant has anything to do with the project: an active sign-up
    /// (pending and waitlisted included), an active pledge, or a confirmation.
    pub fn involves(&self, who: Participant) -> bool {
        self.signups_of(who).next().is_some()
            || self.confirmed.contains_key(&who)
            || match who {
                Participant::Unit(unit) => {
                    self.pledges.iter().any(|p| p.unit == unit && p.is_active())
                }
                Participant::Volunteer(_) => false,
            }
    }

    /// Roles that are taking people now (the project is recruiting and the role has a
    /// free slot) and want any of `skills`.
    pub fn roles_wanting<'a>(
        &'a self,
        skills: &'a [String],
    ) -> impl Iterator<Item = &'a ProjectRole> {
        let recruiting = self.status == ProjectStatus::Recruiting;
        self.plan.roles.iter().filter(move |role| {
            recruiting && self.free_slots(&role.name) > 0 && role.wants_any_of(skills)
        })
    }

    /// Everyone taking part (holding a slot or an active pledge) and anyone confirmed:
    /// volunteers first, then units, each in the order they first took part.
    pub fn participants(&self) -> Vec<ParticipantLine> {
        // Each participant's first seat or active pledge, by its place in the total
        // order. Anyone confirmed has one: nothing leaves a role after completion.
        let mut first: BTreeMap<Participant, (Timestamp, ReplicaId, u32)> = BTreeMap::new();
        let seats = self
            .signups
            .iter()
            .filter(|s| s.is_seated())
            .map(|s| (s.who, s.at, s.id));
        let pledges = self
            .pledges
            .iter()
            .filter(|p| p.is_active())
            .map(|p| (Participant::Unit(p.unit), p.at, p.id));
        for (who, at, id) in seats.chain(pledges) {
            let key = (at, id.replica, id.seq);
            first
                .entry(who)
                .and_modify(|k| *k = (*k).min(key))
                .or_insert(key);
        }
        for (who, confirmation) in &self.confirmed {
            first.entry(*who).or_insert((
                confirmation.at,
                confirmation.record.replica,
                confirmation.record.seq,
            ));
        }
        // Volunteers first, then units.
        let mut order: Vec<_> = first.into_iter().collect();
        order.sort_by_key(|(who, key)| (matches!(who, Participant::Unit(_)), *key));
        order
            .into_iter()
            .map(|(who, ..)| ParticipantLine {
                who,
                roles: self
                    .plan
                    .roles
                    .iter()
                    .filter(|r| {
                        self.signups
                            .iter()
                            .any(|s| s.who == who && s.role == r.name && s.is_seated())
                    })
                    .map(|r| r.name.clone())
                    .collect(),
                pledges: match who {
                    Participant::Unit(unit) => self
                        .plan
                        .needs
                        .iter()
                        .filter_map(|n| {
                            self.pledge_of(unit, &n.name)
                                .map(|p| (n.name.clone(), p.quantity))
                        })
                        .collect(),
                    Participant::Volunteer(_) => Vec::new(),
                },
                confirmed: self.confirmed.get(&who).cloned(),
            })
            .collect()
    }

    /// The progress view: each role's slots, each need's pledges, and who takes part.
    pub fn progress(&self) -> ProjectProgress {
        let roles = self
            .plan
            .roles
            .iter()
            .map(|role| {
                let count = |f: fn(&RoleSignup) -> bool| {
                    let n = self
                        .signups
                        .iter()
                        .filter(|s| s.role == role.name && f(s))
                        .count();
                    u32::try_from(n).unwrap_or(u32::MAX)
                };
                RoleProgress {
                    name: role.name.clone(),
                    slots: role.slots,
                    filled: count(RoleSignup::is_seated),
                    waitlisted: count(RoleSignup::is_waitlisted),
                    pending: count(RoleSignup::is_pending),
                }
            })
            .collect();
        let needs = self
            .plan
            .needs
            .iter()
            .map(|need| NeedProgress {
                name: need.name.clone(),
                unit: need.unit.clone(),
                needed: need.quantity,
                pledged: self.pledged(&need.name),
            })
            .collect();
        ProjectProgress {
            roles,
            needs,
            participants: self.participants(),
        }
    }

    /// The first record by which the participant took part: their earliest seat or
    /// (for a unit) active pledge in the total order. A confirmation's credit is named
    /// by it.
    pub(super) fn first_record(&self, who: Participant) -> Option<EventId> {
        let seat = self
            .signups
            .iter()
            .find(|s| s.who == who && s.is_seated())
            .map(|s| (s.at, s.id.replica, s.id.seq, s.id));
        let pledge = match who {
            Participant::Unit(unit) => self
                .pledges
                .iter()
                .find(|p| p.unit == unit && p.is_active())
                .map(|p| (p.at, p.id.replica, p.id.seq, p.id)),
            Participant::Volunteer(_) => None,
        };
        seat.into_iter().chain(pledge).min().map(|(.., id)| id)
    }
}
