//! What a mounted app tells the page around it: an action was recorded or arrived from
//! another tab, points were credited, something went wrong. `embed` turns these into
//! `linli:change`, `linli:points` and `linli:error` DOM events; the standalone page has
//! no listener and they go nowhere.

use crate::domain::{Account, Entry, Event, EventId, Points, State, Timestamp, mask_name};
use crate::store::exchange::ImportError;
use crate::store::{ActError, StoreError};

/// Where the events of a [`HostEvent::Change`] came from (a type of the JavaScript
/// boundary: its names are the `source` the host reads).
pub use crate::api::Source;

/// One recorded event, as the host sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The action's name in the backup format (`award_points`, `register_volunteer`…).
    pub kind: String,
    pub id: EventId,
    pub at: Timestamp,
}

impl Recorded {
    pub fn of(event: &Event) -> Recorded {
        Recorded {
            kind: action_kind(event).to_owned(),
            id: event.id,
            at: event.at,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    Change {
        source: Source,
        events: Vec<Recorded>,
    },
    /// Points credited to a volunteer by an action done here.
    Points {
        event: EventId,
        volunteer: String,
        /// The masked name (王*明): what a public list may show.
        who: String,
        points: Points,
        balance: Points,
    },
    Error {
        code: &'static str,
        message: String,
    },
}

/// The action's `t` tag, the name the backup file uses.
fn action_kind(event: &Event) -> &'static str {
    crate::store::tagged::kind(&event.action)
}

/// The credits to volunteers among the ledger entries an action posted.
pub fn credits(state: &State, posted: &[Entry], event: EventId) -> Vec<HostEvent> {
    let ledger = state.ledger();
    posted
        .iter()
        .filter_map(|entry| {
            let Account::Volunteer(id) = entry.to else {
                return None;
            };
            let points = entry.effect_on(entry.to);
            (points > Points::ZERO).then(|| HostEvent::Points {
                event,
                volunteer: id.to_string(),
                who: state
                    .volunteer(id)
                    .map(|v| mask_name(&v.profile.name))
                    .unwrap_or_default(),
                points,
                balance: ledger.balance(entry.to),
            })
        })
        .collect()
}

/// A stable code for the host, beside the text the banner shows.
pub fn act_error_code(error: &ActError) -> &'static str {
    match error {
        ActError::Domain(_) => "refused",
        ActError::Refused(_) | ActError::NoCommunity => "not-allowed",
        ActError::Locked => "locked",
        ActError::Store(error) => store_error_code(error),
    }
}

pub fn import_error_code(error: &ImportError) -> &'static str {
    match error {
        ImportError::Backup(_) => "bad-backup",
        ImportError::OtherCommunity(_) | ImportError::NoCommunity(_) => "other-community",
        ImportError::Store(error) => store_error_code(error),
    }
}

pub fn store_error_code(error: &StoreError) -> &'static str {
    match error {
        StoreError::QuotaExceeded => "storage-full",
        StoreError::Unavailable(_) => "storage-unavailable",
        StoreError::ReadOnly(_) => "read-only",
        StoreError::Failed(_) => "storage-failed",
    }
}
