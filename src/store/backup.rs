//! The backup file: sealed segments as JSON, to move a community's log between devices
//! or keep it safe. Importing verifies every segment and merges by set union, so
//! importing a file twice changes nothing and two devices' files give the same state in
//! either order; a changed character anywhere makes its segment count for nothing.
//!
//! Format version 2:
//! ```json
//! {"format":"linli-backup","version":2,"schema":7,"namespace":"linli",
//!  "community":{"id":"…","name":"幸福社区"},"scope":"full","exported_at":1795222800000,
//!  "count":3,"segments":{"s/<replica>/0":"3:…","p/<replica>/0":"3:…"}}
//! ```
//! `scope` says what it holds: `full` (every segment, the organizer-only log included:
//! only an organizer device writes it), `public` (the community's log) or `own` (the
//! segments this device wrote). Segment keys are given without the namespace.
//!
//! Version 1 (before signing) held the events as JSON; it is still read, and its events
//! are unsigned: they count only if an organizer adopts them (see `adopt`).
//! Device preferences (the PIN, the language, "who am I") are never in a backup.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::codec::SCHEMA;
use super::tagged;
use crate::domain::trust::CommunityId;
use crate::domain::{Event, EventId, Timestamp};

pub const FORMAT: &str = "linli-backup";
pub const VERSION: u32 = 2;

/// What a backup holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every segment, the organizer-only log included.
    Full,
    /// The community's log, without personal details.
    Public,
    /// Only what this device wrote (a volunteer's own sign-ups, say).
    Own,
}

/// The community a backup belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCommunity {
    pub id: CommunityId,
    #[serde(default)]
    pub name: String,
}

#[derive(Serialize, Deserialize)]
struct BackupV2 {
    format: String,
    version: u32,
    #[serde(default)]
    schema: u32,
    #[serde(default)]
    namespace: String,
    community: FileCommunity,
    scope: Scope,
    #[serde(default)]
    exported_at: Timestamp,
    #[serde(default)]
    count: usize,
    segments: BTreeMap<String, String>,
}

/// Writes a backup of `segments` (keys with the namespace, as stored).
pub fn export(
    namespace: &str,
    community: FileCommunity,
    scope: Scope,
    segments: Vec<(String, String)>,
    events: usize,
    exported_at: Timestamp,
) -> String {
    let prefix = format!("{namespace}/");
    let backup = BackupV2 {
        format: FORMAT.to_owned(),
        version: VERSION,
        schema: SCHEMA,
        namespace: namespace.to_owned(),
        community,
        scope,
        exported_at,
        count: events,
        segments: segments
            .into_iter()
            .map(|(key, text)| (key.strip_prefix(&prefix).unwrap_or(&key).to_owned(), text))
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

/// A backup as read. A version-1 file's records are read ([`ParsedBackup`], by
/// [`parse`]) or only counted (`usize`, by [`parse_counting`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed<V1 = ParsedBackup> {
    /// Version 2: sealed segments of a community.
    Sealed {
        community: FileCommunity,
        scope: Scope,
        /// Segment keys with `namespace` put in front, and their texts.
        segments: Vec<(String, String)>,
    },
    /// Version 1: events without signatures.
    Unsigned(V1),
}

/// The records of a version-1 backup: those that could be read and those that could not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedBackup {
    pub events: Vec<Event>,
    pub rejected: Vec<RejectedRecord>,
}

#[derive(Deserialize)]
struct Versioned {
    format: String,
    version: u32,
}

/// Reads a backup file, putting `namespace` in front of its segment keys.
pub fn parse(text: &str, namespace: &str) -> Result<Parsed, BackupError> {
    parse_with(text, namespace, parse_v1)
}

/// Reads a backup file as [`parse`] does, but only counts a version-1 file's records:
/// nothing of such a file is imported without an organizer's adoption, and so the
/// JavaScript API's import leaves JSON's reader of actions out of the first module.
pub fn parse_counting(text: &str, namespace: &str) -> Result<Parsed<usize>, BackupError> {
    parse_with(text, namespace, count_v1)
}

fn parse_with<V1>(
    text: &str,
    namespace: &str,
    v1: fn(&str) -> Result<V1, BackupError>,
) -> Result<Parsed<V1>, BackupError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let versioned: Versioned =
        serde_json::from_value(value).map_err(|_| BackupError::NotABackup)?;
    if versioned.format != FORMAT {
        return Err(BackupError::NotABackup);
    }
    match versioned.version {
        v if v > VERSION => Err(BackupError::NewerVersion(v)),
        1 => v1(text).map(Parsed::Unsigned),
        _ => {
            let backup: BackupV2 =
                serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
            Ok(Parsed::Sealed {
                community: backup.community,
                scope: backup.scope,
                segments: backup
                    .segments
                    .into_iter()
                    .map(|(key, text)| (format!("{namespace}/{key}"), text))
                    .collect(),
            })
        }
    }
}

#[derive(Deserialize)]
struct BackupIn<'a> {
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct EventIn {
    id: EventId,
    at: Timestamp,
    action: serde_json::Value,
}

#[derive(Deserialize)]
struct JustId {
    id: Option<String>,
}

/// How many records a version-1 backup holds, none of them read.
fn count_v1(text: &str) -> Result<usize, BackupError> {
    let backup: BackupIn<'_> = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    Ok(backup.events.len())
}

/// Reads a version-1 backup. Each record is read on its own: a bad one is reported
/// with its reason and does not stop the others.
fn parse_v1(text: &str) -> Result<ParsedBackup, BackupError> {
    let backup: BackupIn<'_> = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
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

/// Writes events as a version-1 backup: the fixtures and tests of the old format.
pub fn export_v1<'a>(
    events: impl Iterator<Item = &'a Event>,
    namespace: &str,
    exported_at: Timestamp,
) -> String {
    let events: Vec<serde_json::Value> = events
        .map(|event| {
            serde_json::json!({
                "id": event.id,
                "at": event.at,
                "action": tagged::to_value(&event.action).unwrap_or_default(),
            })
        })
        .collect();
    serde_json::json!({
        "format": FORMAT,
        "version": 1,
        "schema": 6,
        "namespace": namespace,
        "exported_at": exported_at,
        "count": events.len(),
        "events": events,
    })
    .to_string()
}
