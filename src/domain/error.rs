//! Why the domain refuses an action. Every refusal has its own variant so the app can
//! say exactly why, in the user's language (see `ui::i18n`).

use super::id::{EntryId, VolunteerId};
use super::ledger::Points;

/// A form field, named so a refusal can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Phone,
    Number,
    Grid,
    Building,
    Skills,
    Reason,
    Points,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("{0:?} is required")]
    Required(Field),
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("{field:?} has more than {max} items")]
    TooMany { field: Field, max: usize },
    #[error("not a phone number")]
    InvalidPhone,
    #[error("volunteer number {0} is already taken")]
    DuplicateNumber(String),
    #[error("no volunteer {0}")]
    UnknownVolunteer(VolunteerId),
    #[error("no ledger entry {0}")]
    UnknownEntry(EntryId),
    #[error("points must be more than 0 and at most {max}")]
    PointsOutOfRange { max: Points },
    #[error("balance {balance} is less than {needed}")]
    InsufficientPoints { balance: Points, needed: Points },
    #[error("entry {0} was already reversed")]
    AlreadyReversed(EntryId),
    #[error("a reversal cannot itself be reversed")]
    CannotReverseReversal,
}
