//! The domain: Linli's rules, pure.
//!
//! No web types, no I/O, no clock: time and ids are passed in. State changes only by
//! events; everything shown is derived by folding them (see [`journal::Journal`]).

pub mod activity;
pub mod calendar;
pub mod card;
pub mod error;
pub mod event;
pub mod expiry;
pub mod id;
pub mod journal;
pub mod leaderboard;
pub mod ledger;
pub mod member;
pub mod numbers;
pub mod perk;
pub mod pin;
pub mod project;
pub mod state;
pub mod unit;
pub mod wish;

pub use activity::{
    Activity, ActivityPlan, Counts, Phase, PointsRule, Role, Service, Signup, SignupStatus,
    Standing, StarLevel,
};
pub use calendar::{Period, china_date};
pub use error::{DomainError, Field};
pub use event::{Action, Clock, Event};
pub use expiry::{Lot, PointsPolicy, PointsSummary, Purse};
pub use id::{
    ActivityId, EntryId, EventId, PerkId, ProjectId, REPLICA_NEWTYPE, ReplicaId, Timestamp, UnitId,
    VolunteerId, VoucherId, WishId,
};
pub use journal::{IdConflict, Journal, Merged};
pub use leaderboard::{RankBy, Ranked};
pub use ledger::{Account, Entry, EntryKind, Ledger, Points, StatementLine};
pub use member::{Volunteer, VolunteerProfile, mask_name, mask_phone};
pub use perk::{Perk, PerkOffer, PerkPhase, Voucher, VoucherCode, VoucherStatus, Withdrawal};
pub use project::{
    Confirmation, Cover, Initiator, JoinMode, Need, NeedProgress, NeedUnit, Participant,
    ParticipantLine, Pledge, ProgressUpdate, Project, ProjectPlan, ProjectProgress, ProjectQuery,
    ProjectRole, ProjectRule, ProjectStatus, RoleProgress, RoleSignup, RoleStanding, Transition,
};
pub use state::{Rejected, State};
pub use unit::{Unit, UnitKind, UnitProfile};
pub use wish::{
    BeneficiaryKind, Claim, ClaimStatus, Claimant, ClaimantSuggestion, Reason, Reward, Suggestion,
    WallCounts, Wish, WishCategory, WishConfirmation, WishEnding, WishPhase, WishPlan, WishPolicy,
    WishStatus, suggest_claimants, suggest_wishes,
};
