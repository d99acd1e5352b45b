//! The domain: Linli's rules, pure.
//!
//! No web types, no I/O, no clock: time and ids are passed in. State changes only by
//! events; everything shown is derived by folding them (see [`journal::Journal`]).

pub mod activity;
pub mod card;
pub mod error;
pub mod event;
pub mod id;
pub mod journal;
pub mod ledger;
pub mod member;
pub mod pin;
pub mod state;

pub use activity::{
    Activity, ActivityPlan, Counts, Phase, PointsRule, Role, Service, Signup, SignupStatus,
    Standing, StarLevel,
};
pub use error::{DomainError, Field};
pub use event::{Action, Clock, Event};
pub use id::{ActivityId, EntryId, EventId, ReplicaId, Timestamp, VolunteerId};
pub use journal::{IdConflict, Journal, Merged};
pub use ledger::{Account, Entry, EntryKind, Ledger, Points, StatementLine};
pub use member::{Volunteer, VolunteerProfile, mask_name, mask_phone};
pub use state::{Rejected, State};
