//! The backup file: every event, as versioned JSON, to move data between devices or
//! keep it safe. Importing merges by set union, so importing a file twice changes
//! nothing and two devices' files give the same state in either order.
//!
//! Format version 1:
//! ```json
//! {"format":"linli-backup","version":1,"schema":2,"namespace":"linli",
//!  "exported_at":1795222800000,"count":1,
//!  "events":[{"id":"a1-1","at":1795222800000,"action":{"t":"register_volunteer",…}}]}
//! ```
//! Device preferences (the PIN, the language, "who am I") are never in a backup.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::codec::SCHEMA;
use super::tagged::{self, Tagged};
use crate::domain::{Event, EventId, Journal, Timestamp};

pub const FORMAT: &str = "linli-backup";
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'static str,
    version: u32,
    schema: u32,
    namespace: &'a str,
    exported_at: Timestamp,
    count: usize,
    events: Vec<EventOut<'a>>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: EventId,
    at: Timestamp,
    action: Tagged<'a>,
}

#[derive(Deserialize)]
struct EventIn {
    id: EventId,
    at: Timestamp,
    action: serde_json::Value,
}

/// Writes every event of the journal, in their total order.
pub fn export(journal: &Journal, namespace: &str, exported_at: Timestamp) -> String {
    let backup = BackupOut {
        format: FORMAT,
        version: VERSION,
        schema: SCHEMA,
        namespace,
        exported_at,
        count: journal.len(),
        events: journal
            .events()
            .map(|event| EventOut {
                id: event.id,
                at: event.at,
                action: Tagged(&event.action),
            })
            .collect(),
    };
    // Plain data always serializes; an empty string would fail to import, loudly.
    serde_json::to_string(&backup).unwrap_or_default()
}

/// Why a file is not a backup this version can read at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is not a Linli backup")]
    NotABackup,
    #[error("the backup is format version {0}, newer than this version of Linli reads")]
    NewerVersion(u32),
}

/// One record of a backup that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedRecord {
    /// Its place in the file's `events`, from 0.
    pub index: usize,
    /// Its id, when one could be read.
    pub id: Option<String>,
    pub reason: String,
}

/// The records of a backup: those that could be read and those that could not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedBackup {
    pub events: Vec<Event>,
    pub rejected: Vec<RejectedRecord>,
}

#[derive(Deserialize)]
struct BackupIn<'a> {
    format: String,
    version: u32,
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct JustId {
    id: Option<String>,
}

/// Reads a backup file. Each record is read on its own: a bad one is reported with its
/// reason and does not stop the others.
pub fn parse(text: &str) -> Result<ParsedBackup, BackupError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let backup: BackupIn<'_> = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    if backup.format != FORMAT {
        return Err(BackupError::NotABackup);
    }
    if backup.version > VERSION {
        return Err(BackupError::NewerVersion(backup.version));
    }
    let mut parsed = ParsedBackup::default();
    for (index, raw) in backup.events.iter().enumerate() {
        let event = serde_json::from_str::<EventIn>(raw.get())
            .map_err(|e| e.to_string())
            .and_then(|EventIn { id, at, action }| {
                Ok(Event {
                    id,
                    at,
                    action: tagged::from_value(action)?,
                })
            });
        match event {
            Ok(event) => parsed.events.push(event),
            Err(reason) => parsed.rejected.push(RejectedRecord {
                index,
                id: serde_json::from_str::<JustId>(raw.get())
                    .ok()
                    .and_then(|r| r.id),
                reason,
            }),
        }
    }
    Ok(parsed)
}
