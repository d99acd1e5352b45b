//! Volunteer activities (志愿活动): the plan, sign-ups and the waitlist, check-in and
//! check-out, and confirmed service.
//!
//! Seats are given in the fold, in the events' total order: a sign-up takes a seat if
//! one is free and otherwise a place on the waitlist. So when sign-ups written on two
//! devices meet in a merge, capacity still holds: whichever comes later in the order
//! waits, and nothing is dropped. A seat given back goes to the first on the waitlist.
//!
//! The fold is in `book.rs` and the rules in `rules.rs`; this module holds what the app
//! reads.

mod book;
mod hours;
mod plan;
mod rules;

pub use book::Activities;
pub use hours::StarLevel;
pub use plan::{
    ActivityPlan, CAPACITY_MAX, CATEGORY_MAX, DEFAULT_NO_SHOW_LIMIT, DEFAULT_PRESENCE_PERCENT,
    DETAILS_MAX, DURATION_MAX_DAYS, DURATION_MAX_MINUTES, MULTIPLIER_MAX, NO_SHOW_LIMIT_MAX,
    PLACE_MAX, PointsRule, ROLE_NAME_MAX, ROLES_MAX, RULE_POINTS_MAX, Role, TITLE_MAX,
    minutes_between,
};

use rustc_hash::FxHashMap;

use super::id::{ActivityId, EntryId, EventId, Timestamp, VolunteerId};
use super::ledger::Points;

/// An activity as derived from its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: ActivityId,
    pub plan: ActivityPlan,
    pub created: Timestamp,
    pub cancelled: Option<Cancellation>,
    /// Every sign-up ever made, in the total order, cancelled ones included.
    signups: Vec<Signup>,
    /// Where each volunteer's active sign-up (seat or waitlist place) is in `signups`,
    /// and how many are seated: kept by the fold, so the rules don't scan every sign-up.
    active: FxHashMap<VolunteerId, usize>,
    seated: u32,
}

/// Why and when an activity was called off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cancellation {
    pub at: Timestamp,
    pub reason: String,
}

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Seated,
    Waitlisted,
    /// Given back (or the waitlist left) at this time.
    Cancelled {
        at: Timestamp,
    },
}

/// One volunteer's sign-up (报名) for one activity, named by the event that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signup {
    pub id: EventId,
    pub volunteer: VolunteerId,
    pub at: Timestamp,
    pub standing: Standing,
    pub role: Option<String>,
    pub checked_in: Option<Timestamp>,
    pub checked_out: Option<Timestamp>,
    pub no_show: bool,
    pub service: Option<Service>,
}

/// Confirmed service: the minutes that count as hours, and the points they earned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    pub at: Timestamp,
    /// The minutes present within the activity (or as the organizer counted them).
    pub present_minutes: u32,
    /// The minutes recorded as service hours: all of `present_minutes` when they reach
    /// the presence share, otherwise none.
    pub minutes: u32,
    pub points: Points,
    /// The ledger credit, when the service earned points.
    pub entry: Option<EntryId>,
}

impl Service {
    /// Whether the presence was enough for the service to count.
    pub fn counted(&self) -> bool {
        self.minutes > 0
    }
}

/// A sign-up's status, as a roster shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignupStatus {
    Waitlisted,
    SignedUp,
    CheckedIn,
    CheckedOut,
    NoShow,
    Confirmed,
    Cancelled,
}

impl Signup {
    pub fn status(&self) -> SignupStatus {
        match self.standing {
            Standing::Cancelled { .. } => SignupStatus::Cancelled,
            Standing::Waitlisted => SignupStatus::Waitlisted,
            Standing::Seated if self.service.is_some() => SignupStatus::Confirmed,
            Standing::Seated if self.no_show => SignupStatus::NoShow,
            Standing::Seated if self.checked_out.is_some() => SignupStatus::CheckedOut,
            Standing::Seated if self.checked_in.is_some() => SignupStatus::CheckedIn,
            Standing::Seated => SignupStatus::SignedUp,
        }
    }

    /// Holds a seat or a waitlist place.
    pub fn is_active(&self) -> bool {
        !matches!(self.standing, Standing::Cancelled { .. })
    }

    pub fn is_seated(&self) -> bool {
        self.standing == Standing::Seated
    }
}

/// Where an activity stands at a given time, for lists and buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Cancelled,
    /// Sign-up has not opened yet.
    NotOpen,
    /// Taking sign-ups.
    Open,
    /// Sign-up closed, not started.
    Closed,
    Underway,
    Ended,
}

/// How many people stand where, for a roster's header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub capacity: u32,
    /// Seats taken, by anyone seated whatever their attendance.
    pub seated: u32,
    pub free: u32,
    pub waitlisted: u32,
    /// Checked in and not yet out.
    pub checked_in: u32,
    /// Checked out and not yet confirmed.
    pub checked_out: u32,
    pub no_shows: u32,
    pub confirmed: u32,
    /// Minutes recorded as hours, over everyone confirmed.
    pub confirmed_minutes: u64,
}

impl Activity {
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some()
    }

    /// Every sign-up ever made, in the total order, cancelled ones included.
    pub fn signups(&self) -> &[Signup] {
        &self.signups
    }

    /// The volunteer's sign-up that holds a seat or a waitlist place, if any.
    pub fn signup_of(&self, volunteer: VolunteerId) -> Option<&Signup> {
        self.signups.get(*self.active.get(&volunteer)?)
    }

    /// The roster (名单): everyone seated in the order they signed up, then the
    /// waitlist in its order. Cancelled sign-ups are left out (see [`Activity::signups`]).
    pub fn roster(&self) -> impl Iterator<Item = &Signup> {
        let seated = self.signups.iter().filter(|s| s.is_seated());
        let waiting = self.waitlist();
        seated.chain(waiting)
    }

    /// The waitlist, first in line first.
    pub fn waitlist(&self) -> impl Iterator<Item = &Signup> {
        self.signups
            .iter()
            .filter(|s| s.standing == Standing::Waitlisted)
    }

    /// The volunteer's place in the waitlist, counting from 1.
    pub fn waitlist_position(&self, volunteer: VolunteerId) -> Option<usize> {
        self.waitlist()
            .position(|s| s.volunteer == volunteer)
            .map(|i| i + 1)
    }

    pub fn seats_taken(&self) -> u32 {
        self.seated
    }

    pub fn free_seats(&self) -> u32 {
        self.plan.capacity.saturating_sub(self.seats_taken())
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            capacity: self.plan.capacity,
            ..Counts::default()
        };
        for signup in &self.signups {
            if signup.is_seated() {
                counts.seated += 1;
            }
            match signup.status() {
                SignupStatus::Waitlisted => counts.waitlisted += 1,
                SignupStatus::CheckedIn => counts.checked_in += 1,
                SignupStatus::CheckedOut => counts.checked_out += 1,
                SignupStatus::NoShow => counts.no_shows += 1,
                SignupStatus::Confirmed => counts.confirmed += 1,
                SignupStatus::SignedUp | SignupStatus::Cancelled => {}
            }
            if let Some(service) = &signup.service {
                counts.confirmed_minutes += u64::from(service.minutes);
            }
        }
        counts.free = counts.capacity.saturating_sub(counts.seated);
        counts
    }

    pub fn phase(&self, at: Timestamp) -> Phase {
        let plan = &self.plan;
        if self.is_cancelled() {
            Phase::Cancelled
        } else if at >= plan.end {
            Phase::Ended
        } else if at >= plan.start {
            Phase::Underway
        } else if at >= plan.signup_closes {
            Phase::Closed
        } else if at >= plan.signup_opens {
            Phase::Open
        } else {
            Phase::NotOpen
        }
    }

    /// Whether the two activities' times overlap (one ending as the other starts does not).
    pub fn overlaps(&self, other: &ActivityPlan) -> bool {
        self.plan.start < other.end && other.start < self.plan.end
    }
}
