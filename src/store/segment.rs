//! What every segment format shares: a segment's key, what decoding one gives, and why
//! it failed. A leaf of the store: the codec ([`super::codec`]) and each format
//! ([`super::compact`], format 1 in the codec) import it, and it imports neither.

use crate::domain::{Event, ReplicaId};

/// Why stored text could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("not readable as a Linli segment: {0}")]
    Malformed(String),
    #[error("written in format {0}, newer than this version of Linli reads")]
    NewerFormat(u32),
    #[error("the segment names replica {found}, but its key names {expected}")]
    WrongReplica { expected: String, found: String },
    #[error("event {index} is unreadable: {reason}")]
    Event { index: usize, reason: String },
    /// The namespace's `{ns}/meta` record: kept as it is, and never written over.
    #[error("not readable as the record of the schema written here: {0}")]
    Meta(String),
}

/// A segment's key, parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SegmentKey {
    pub replica: ReplicaId,
    pub index: u32,
}

impl SegmentKey {
    pub fn to_key(self, ns: &str) -> String {
        format!("{ns}/log/{}/{}", self.replica, self.index)
    }

    /// Parses `{ns}/log/{replica}/{n}`; `None` for any other key.
    pub fn parse(ns: &str, key: &str) -> Option<SegmentKey> {
        let rest = key.strip_prefix(ns)?.strip_prefix("/log/")?;
        let (replica, index) = rest.split_once('/')?;
        Some(SegmentKey {
            replica: replica.parse().ok()?,
            index: index.parse().ok()?,
        })
    }
}

/// The prefix shared by every segment key of a namespace.
pub fn log_prefix(ns: &str) -> String {
    format!("{ns}/log/")
}

/// What one segment held: the events that could be read, and an error for each that
/// could not.
#[derive(Debug, Default)]
pub struct DecodedSegment {
    pub events: Vec<Event>,
    pub errors: Vec<CodecError>,
}
