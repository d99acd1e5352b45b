//! The store: the event log on disk.
//!
//! [`Store`] keeps the [`Journal`] and its persistence in step: an action is checked,
//! written to storage, and only then folded into the state, so a failed write (a full
//! storage, say) leaves nothing half-done. Only this module touches browser storage.
//!
//! What the store promises:
//! - Nothing stored is overwritten: each session writes only its own segment keys.
//! - Data that cannot be read is reported and left untouched, never written over.
//! - Data from a newer version of Linli makes this one read-only instead of damaging it.

pub mod backend;
pub mod backup;
pub mod codec;
pub mod compact;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod prefs;
pub mod seal;
pub mod tagged;

use std::collections::BTreeMap;

pub use backend::{Backend, Change, MemoryBackend, StoreError, Subscription};
pub use codec::{CodecError, SegmentKey};

use crate::domain::{
    Action, DomainError, Event, EventId, IdConflict, Journal, Merged, ReplicaId, Timestamp,
};
use codec::{Meta, SCHEMA, SEGMENT_EVENTS};

/// Stored text that could not be read. It stays in storage, untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub error: CodecError,
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    pub segments: usize,
    pub events: usize,
    /// Segments, or events within them, that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// Events whose id was already taken by different content.
    pub conflicts: Vec<IdConflict>,
    /// Set when storage could not even be listed.
    pub failure: Option<StoreError>,
}

/// What an import did. Nothing stored before it is changed or lost.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Events new to this device, now stored.
    pub added: usize,
    /// Events it already had.
    pub known: usize,
    /// Events whose id this device knows with other content: not imported.
    pub conflicts: Vec<IdConflict>,
    /// Events that were new but could not be stored (the storage filled up midway).
    pub not_stored: usize,
    /// Why storing stopped, if it did.
    pub failure: Option<StoreError>,
}

/// Why an action was not done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The namespace every key lives under: `linli` unless a host page chooses another.
/// Keys are `{namespace}/…`, and a namespace may not contain `/`, so two namespaces
/// never see each other's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace(String);

impl Namespace {
    pub const DEFAULT: &'static str = "linli";

    /// Letters, digits, `-` and `_`, 1 to 40 of them.
    pub fn new(name: &str) -> Option<Namespace> {
        let ok = !name.is_empty()
            && name.len() <= 40
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| Namespace(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Namespace {
    fn default() -> Self {
        Namespace(Self::DEFAULT.to_owned())
    }
}

pub struct Store<B: Backend> {
    backend: B,
    ns: Namespace,
    replica: ReplicaId,
    journal: Journal,
    /// This replica's open segment: its index and the events already in it.
    segment: u32,
    open: Vec<Event>,
    next_seq: u32,
    /// The schema recorded in storage, once read or written.
    stored_schema: Option<u32>,
    report: LoadReport,
}

impl<B: Backend> std::fmt::Debug for Store<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("ns", &self.ns)
            .field("replica", &self.replica)
            .field("events", &self.journal.len())
            .finish()
    }
}

impl<B: Backend> Store<B> {
    /// Loads everything stored under `ns`. Never fails: what could not be read is in
    /// [`Store::report`]. `fresh_replica` is asked for replica ids until one is found
    /// that no stored segment uses.
    pub fn open(backend: B, ns: Namespace, mut fresh_replica: impl FnMut() -> ReplicaId) -> Self {
        let mut report = LoadReport::default();
        let mut journal = Journal::default();
        let mut used = std::collections::BTreeSet::new();
        let stored_schema = match backend.get(&codec::meta_key(ns.as_str())) {
            Ok(Some(text)) => serde_json::from_str::<Meta>(&text).ok().map(|m| m.schema),
            Ok(None) => None,
            Err(error) => {
                report.failure = Some(error);
                None
            }
        };
        match backend.keys(&codec::log_prefix(ns.as_str())) {
            Ok(keys) => {
                let mut segments = BTreeMap::new();
                for key in keys {
                    if let Some(parsed) = SegmentKey::parse(ns.as_str(), &key) {
                        used.insert(parsed.replica);
                        segments.insert(parsed, key);
                    }
                }
                // Every segment first, then one merge: segments of different replicas
                // interleave in time, and merging them one by one would refold the
                // whole journal for each.
                let mut events = Vec::new();
                for (parsed, key) in segments {
                    let text = match backend.get(&key) {
                        Ok(Some(text)) => text,
                        Ok(None) => continue,
                        Err(error) => {
                            report.failure = Some(error);
                            continue;
                        }
                    };
                    report.segments += 1;
                    events.extend(decode_into(&mut report, parsed, &key, &text));
                }
                let merged = journal.merge(events);
                report.conflicts.extend(merged.conflicts);
            }
            Err(error) => report.failure = Some(error),
        }
        report.events = journal.len();
        let mut replica = fresh_replica();
        for _ in 0..16 {
            if !used.contains(&replica) {
                break;
            }
            replica = fresh_replica();
        }
        if used.contains(&replica) {
            // No randomness to be had: the id after the highest in use is free.
            let highest = used.iter().next_back().map_or(0, |r| r.0);
            replica = ReplicaId(highest.wrapping_add(1));
        }
        Store {
            backend,
            ns,
            replica,
            journal,
            segment: 0,
            open: Vec::new(),
            next_seq: 1,
            stored_schema,
            report,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn report(&self) -> &LoadReport {
        &self.report
    }

    /// The stored text of every key that could not be read, as it is in storage, for the
    /// person to download and keep (`None` if the key has gone since).
    pub fn unreadable_raw(&self) -> Vec<(String, Option<String>)> {
        let mut keys: Vec<&str> = self
            .report
            .unreadable
            .iter()
            .map(|u| u.key.as_str())
            .collect();
        keys.dedup();
        keys.into_iter()
            .map(|key| (key.to_owned(), self.backend.get(key).ok().flatten()))
            .collect()
    }

    pub fn namespace(&self) -> &Namespace {
        &self.ns
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn replica(&self) -> ReplicaId {
        self.replica
    }

    /// `Some(schema)` when storage holds data of a newer schema than this build knows:
    /// then this build only reads, so it cannot damage what it does not understand.
    pub fn read_only(&self) -> Option<u32> {
        let newer_segment = self.report.unreadable.iter().find_map(|u| match u.error {
            CodecError::NewerFormat(v) => Some(v),
            _ => None,
        });
        self.stored_schema
            .filter(|schema| *schema > SCHEMA)
            .or(newer_segment)
    }

    /// Checks `action`, writes it, then folds it in. On any error nothing is written
    /// and the state is unchanged, so the action can simply be tried again.
    pub fn act(&mut self, action: Action, wall: Timestamp) -> Result<Event, ActError> {
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema).into());
        }
        // An import may have brought events named after this session's next sequence
        // numbers (a crafted file, a reused replica id): skip past them, or the new
        // event would be taken for one the journal already has.
        while self
            .journal
            .contains(EventId::new(self.replica, self.next_seq))
        {
            self.next_seq = self.next_seq.saturating_add(1);
        }
        let event = self
            .journal
            .prepare(self.replica, self.next_seq, wall, action)?;
        self.persist(std::slice::from_ref(&event))?;
        self.next_seq += 1;
        self.journal.merge([event.clone()]);
        Ok(event)
    }

    /// Writes events into this replica's open segment with one `set`, so a write is
    /// all or nothing. A full segment is closed first; only one segment is rewritten.
    fn persist(&mut self, events: &[Event]) -> Result<(), StoreError> {
        if self.stored_schema.is_none_or(|schema| schema < SCHEMA) {
            let meta = serde_json::to_string(&Meta { schema: SCHEMA })
                .map_err(|e| StoreError::Failed(e.to_string()))?;
            self.backend
                .set(&codec::meta_key(self.ns.as_str()), &meta)?;
            self.stored_schema = Some(SCHEMA);
        }
        let (segment, mut rows) = if self.open.len() >= SEGMENT_EVENTS {
            (self.segment + 1, Vec::new())
        } else {
            (self.segment, self.open.clone())
        };
        rows.extend_from_slice(events);
        let key = SegmentKey {
            replica: self.replica,
            index: segment,
        };
        let text = codec::encode_segment(self.replica, &rows)?;
        self.backend.set(&key.to_key(self.ns.as_str()), &text)?;
        self.segment = segment;
        self.open = rows;
        Ok(())
    }

    /// Merges events from elsewhere (a backup file) by set union: the new ones are
    /// written to this replica's segments, a segment at a time, and folded in. If the
    /// storage fills up midway, what was written stays and the report says how many
    /// were not stored; importing the same file again later finishes the job.
    pub fn import(&mut self, events: Vec<Event>) -> Result<ImportReport, StoreError> {
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        let mut report = ImportReport::default();
        let mut fresh: Vec<Event> = Vec::new();
        let mut in_file = std::collections::HashMap::new();
        for event in events {
            if self.journal.contains(event.id) {
                // Merge tells the same event from a conflicting one with its id.
                let merged = self.journal.merge([event]);
                report.known += merged.known;
                report.conflicts.extend(merged.conflicts);
            } else if let Some(&i) = in_file.get(&event.id) {
                let first: &Event = &fresh[i];
                if *first == event {
                    report.known += 1;
                } else {
                    report.conflicts.push(IdConflict {
                        kept: first.clone(),
                        refused: event,
                    });
                }
            } else {
                in_file.insert(event.id, fresh.len());
                fresh.push(event);
            }
        }
        let mut chunks = fresh.chunks(SEGMENT_EVENTS);
        for chunk in chunks.by_ref() {
            if let Err(error) = self.persist(chunk) {
                report.not_stored = chunk.len();
                report.failure = Some(error);
                break;
            }
            report.added += self.journal.merge(chunk.iter().cloned()).added;
        }
        report.not_stored += chunks.map(<[Event]>::len).sum::<usize>();
        Ok(report)
    }

    /// Takes in a write another tab made. Returns what merging it did, or `None` when
    /// the key is not one of this namespace's segments.
    pub fn receive(&mut self, change: &Change) -> Option<Merged> {
        let ns = self.ns.as_str();
        if change.key == codec::meta_key(ns) {
            if let Some(meta) = change
                .value
                .as_deref()
                .and_then(|text| serde_json::from_str::<Meta>(text).ok())
            {
                self.stored_schema = Some(meta.schema.max(self.stored_schema.unwrap_or(0)));
            }
            return None;
        }
        let parsed = SegmentKey::parse(ns, &change.key)?;
        let text = change.value.as_deref()?;
        self.report.unreadable.retain(|u| u.key != change.key);
        let events = decode_into(&mut self.report, parsed, &change.key, text);
        let merged = self.journal.merge(events);
        self.report
            .conflicts
            .extend(merged.conflicts.iter().cloned());
        Some(merged)
    }
}

/// Decodes a segment, noting in `report` whatever could not be read.
fn decode_into(report: &mut LoadReport, parsed: SegmentKey, key: &str, text: &str) -> Vec<Event> {
    match codec::decode_segment(parsed, text) {
        Ok(decoded) => {
            report
                .unreadable
                .extend(decoded.errors.into_iter().map(|error| Unreadable {
                    key: key.to_owned(),
                    error,
                }));
            decoded.events
        }
        Err(error) => {
            report.unreadable.push(Unreadable {
                key: key.to_owned(),
                error,
            });
            Vec::new()
        }
    }
}

/// A replica id from the system's random source: 48 random bits, which the compact
/// form stores in 6 bytes (64 would take 8, and every segment lists the replicas its
/// events name). Two of even 50,000 replicas share an id with odds of about 1 in
/// 200,000. 0 only if no randomness is available.
pub fn random_replica() -> ReplicaId {
    let mut bytes = [0u8; 8];
    // Without randomness, fall back to 0: the store then picks the next unused id.
    let _ = getrandom::fill(&mut bytes);
    ReplicaId(u64::from_le_bytes(bytes) & REPLICA_BITS)
}

/// The bits of a new replica id. Ids of up to 64 bits written by earlier versions are
/// still read and written.
pub const REPLICA_BITS: u64 = (1 << 48) - 1;
