//! The store: the event log on disk.
//!
//! [`Store`] keeps the [`Journal`] and its persistence in step: an action is checked,
//! signed and written to storage, and only then folded into the state, so a failed
//! write (a full storage, say) leaves nothing half-done. Only this module touches
//! browser storage.
//!
//! What the store promises:
//! - Nothing stored is overwritten: each session writes only its own segment keys (and
//!   copies of other devices' sealed segments, each only by a longer copy of itself).
//! - Data that cannot be read is reported and left untouched, never written over.
//! - Data from a newer version of Linli makes this one read-only instead of damaging it.
//! - An event counts only when a key with the authority for it sealed it (see
//!   [`seal`] and [`crate::domain::trust`]); anything else is kept and listed.
//! - Personal details go to the organizer-only log, never to the community's.

pub mod adopt;
pub mod backend;
pub mod backup;
pub mod codec;
pub mod compact;
pub mod demo;
pub mod device;
pub mod exchange;
mod import;
mod load;
#[cfg(target_arch = "wasm32")]
pub mod local;
mod membership;
pub mod prefs;
pub mod seal;
pub mod segment;
pub mod tagged;
mod write;

use std::collections::{BTreeMap, HashMap};

pub use backend::{Backend, Change, MemoryBackend, StoreError, Subscription};
pub use codec::{CodecError, SegmentKey};

use crate::domain::journal::Batch;
use crate::domain::trust::{CommunityId, DeviceKey, Keyring, Refusal, Role};
use crate::domain::{
    Action, DomainError, Entry, Event, EventId, IdConflict, Journal, Merged, ReplicaId, Timestamp,
};
use codec::{Meta, SCHEMA, SEGMENT_EVENTS};
use device::{Community, DeviceRecord, Stored};
use seal::{Log, SealKey, Signer, Unverified};

/// Stored text that could not be read. It stays in storage, untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub error: CodecError,
}

/// Why a sealed segment's events do not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealRefusal {
    /// No key this device knows has that fingerprint.
    UnknownKey,
    /// The signature does not match: the text was changed, or it was sealed for another
    /// community, log or place.
    BadSignature,
    /// It vouches for other replicas' events, which only an organizer may do.
    NotAnOrganizer,
    /// This device belongs to no community yet.
    NoCommunity,
    /// Personal details, which only an organizer's device takes in.
    OrganizersOnly,
    /// It changes events of the copy held here: its signer sealed two different
    /// histories in one place (a revoked device rewriting what its revocation accepted).
    Rewritten,
}

/// A sealed segment whose events do not count, kept as it is in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedSegment {
    pub key: String,
    pub reason: SealRefusal,
    pub events: usize,
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
    /// Sealed segments whose seal did not verify.
    pub refused: Vec<RefusedSegment>,
    /// Set when storage could not even be listed.
    pub failure: Option<StoreError>,
    /// A community or device record that could not be read (left as it is).
    pub unreadable_records: Vec<String>,
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
    /// Segments of the file whose seal did not verify: their events were not imported.
    pub refused: Vec<RefusedSegment>,
    /// Unsigned events (a file from before signing): not imported.
    pub unsigned: usize,
    /// Segments of the file that could not be read (or only in part): what could not
    /// be read was not imported.
    pub unreadable: Vec<Unreadable>,
    /// Why storing stopped, if it did.
    pub failure: Option<StoreError>,
    /// The ids of the events it added.
    pub ids: Vec<EventId>,
}

/// What an action did: the event written to the community's log, the organizer-only
/// event holding the personal details it carried, and the ledger entries it posted.
#[derive(Clone, Debug, PartialEq)]
pub struct Acted {
    pub event: Event,
    pub details: Option<Event>,
    pub credits: Vec<Entry>,
}

/// Why an action was not done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// This device's key may not do this action.
    #[error("this device may not do that: {0:?}")]
    Refused(Refusal),
    /// The key is locked: an organizer device needs its PIN.
    #[error("the device is locked")]
    Locked,
    /// The device belongs to no community yet.
    #[error("no community")]
    NoCommunity,
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

/// One log this session writes: its replica (made from the device key and a nonce),
/// its open segment and the next sequence number.
#[derive(Clone, Debug)]
struct Writer {
    replica: ReplicaId,
    nonce: u32,
    index: u32,
    open: Vec<Event>,
    next_seq: u32,
}

/// What a stored sealed segment held when it was read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Held {
    signer: DeviceKey,
    events: usize,
}

/// A source of random numbers for nonces: the system's in the app, a fixed sequence in
/// tests.
pub type Fresh = Box<dyn FnMut() -> u64>;

pub struct Store<B: Backend> {
    backend: B,
    ns: Namespace,
    community: Stored<Community>,
    device: Stored<DeviceRecord>,
    /// The device key, when it can sign (an organizer's after the PIN).
    signer: Option<Signer>,
    journal: Journal,
    public: Option<Writer>,
    private: Option<Writer>,
    /// Where adopted events go (see [`adopt`]).
    adoption: Option<Writer>,
    fresh: Fresh,
    /// The schema recorded in storage, once read or written.
    stored_schema: Option<u32>,
    report: LoadReport,
    /// Every sealed segment this store has read or written, by key.
    held: BTreeMap<SealKey, Held>,
    /// Sealed segments that vouch for others' events, waiting for their signer to be
    /// known as an organizer.
    waiting: Vec<(SealKey, Unverified, DeviceKey)>,
    /// Sealed segments from elsewhere whose key this device does not know yet (and how
    /// many events each holds), by key: tried again whenever an import adds events (see [`Store::import_sealed`]).
    unknown_signer: BTreeMap<String, (usize, String)>,
    /// Unsigned events of formats 1 and 2, with the keys they are stored under: they
    /// count once an organizer adopts them ([`adopt`]).
    legacy: Vec<(String, Vec<Event>)>,
    /// Format-1 (JSON) segments, checked but not yet read: read when an organizer needs
    /// their events, so that JSON's reader of actions is not in the app's first module
    /// (see [`codec::decode_compact_segment`]).
    unread: Vec<Unread>,
}

/// A format-1 segment kept unread (see `Store::keep_legacy`).
struct Unread {
    parsed: SegmentKey,
    key: String,
    text: String,
    /// Its readable events, decoded the first time they are counted
    /// ([`Store::legacy_events`], which the organizer's screens call as they draw).
    events: std::cell::OnceCell<Vec<Event>>,
}

impl Unread {
    fn events(&self) -> &[Event] {
        self.events.get_or_init(|| {
            codec::decode_segment(self.parsed, &self.text)
                .map(|decoded| decoded.events)
                .unwrap_or_default()
        })
    }
}

impl<B: Backend> std::fmt::Debug for Store<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("ns", &self.ns)
            .field("events", &self.journal.len())
            .finish()
    }
}

impl<B: Backend> Store<B> {
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub fn report(&self) -> &LoadReport {
        &self.report
    }

    /// The community this device belongs to.
    pub fn community(&self) -> Option<&Community> {
        self.community.found()
    }

    /// This device's key record.
    pub fn device(&self) -> Option<&DeviceRecord> {
        self.device.found()
    }

    /// This device's public key.
    pub fn device_key(&self) -> Option<DeviceKey> {
        self.device.found().map(|d| d.key)
    }

    /// The role this device's key has in the community, once enrolled.
    pub fn role(&self) -> Option<Role> {
        let key = self.device_key()?;
        let keyring = self.journal.keyring()?;
        keyring
            .device(&key)
            .filter(|d| d.revoked.is_none())
            .map(|d| d.role)
    }

    /// Whether the device can sign now.
    pub fn can_sign(&self) -> bool {
        self.signer.is_some()
    }

    /// The key, ready to sign, while the device is unlocked; to keep for the visit.
    pub fn signer(&self) -> Option<&Signer> {
        self.signer.as_ref()
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

    /// Unsigned events of formats 1 and 2 that wait for an organizer to adopt them.
    pub fn legacy_events(&self) -> usize {
        // A segment kept for its unreadable part holds events adopted already.
        let waiting = |events: &[Event]| {
            events
                .iter()
                .filter(|e| !self.journal.contains(e.id))
                .count()
        };
        let read: usize = self.legacy.iter().map(|(_, events)| waiting(events)).sum();
        let unread: usize = self.unread.iter().map(|u| waiting(u.events())).sum();
        read + unread
    }

    pub fn namespace(&self) -> &Namespace {
        &self.ns
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// `Some(schema)` when storage holds data of a newer schema than this build knows:
    /// then this build only reads, so it cannot damage what it does not understand.
    pub fn read_only(&self) -> Option<u32> {
        // Only what storage holds: a segment of a newer format in an imported file is
        // reported, never stored, and must not stop this device from working.
        let newer_segment = self.report.unreadable.iter().find_map(|u| match u.error {
            CodecError::NewerFormat(v)
                if self
                    .backend
                    .get(&u.key)
                    .ok()
                    .flatten()
                    .is_some_and(|text| codec::format_of(&text) == Some(v)) =>
            {
                Some(v)
            }
            _ => None,
        });
        self.stored_schema
            .filter(|schema| *schema > SCHEMA)
            .or(newer_segment)
    }

    /// The segments of the community's log this device's key sealed: key, text and
    /// how many events each holds.
    pub fn own_segments(&self) -> Vec<(String, String, usize)> {
        let Some(mine) = self.device_key() else {
            return Vec::new();
        };
        self.held
            .iter()
            .filter(|(key, held)| key.log == Log::Public && held.signer == mine)
            .filter_map(|(key, held)| {
                let name = key.to_key(self.ns.as_str());
                let text = self.backend.get(&name).ok().flatten()?;
                Some((name, text, held.events))
            })
            .collect()
    }

    /// Every sealed segment stored here: its key, its log, how many events it holds and
    /// whether this device's key sealed it (nothing read from storage: what a sync
    /// compares to what it sent).
    pub fn held_segments(&self) -> impl Iterator<Item = (String, Log, usize, bool)> + '_ {
        let mine = self.device_key();
        self.held.iter().map(move |(key, held)| {
            let own = Some(held.signer) == mine;
            (key.to_key(self.ns.as_str()), key.log, held.events, own)
        })
    }

    /// A stored segment's sealed text.
    pub fn segment_text(&self, key: &str) -> Option<String> {
        SealKey::parse(self.ns.as_str(), key)?;
        self.backend.get(key).ok().flatten()
    }

    /// Every sealed segment stored here, by key, as text, and how many events they
    /// hold: what a backup or a sync sends. The organizer-only log is included only
    /// when `private` is set; `only` keeps the segments one key sealed.
    pub fn sealed_segments(
        &self,
        private: bool,
        only: Option<DeviceKey>,
    ) -> (Vec<(String, String)>, usize) {
        let mut events = 0;
        let segments = self
            .held
            .iter()
            .filter(|(key, held)| {
                (private || key.log == Log::Public) && only.is_none_or(|k| held.signer == k)
            })
            .filter_map(|(key, held)| {
                let name = key.to_key(self.ns.as_str());
                let text = self.backend.get(&name).ok().flatten()?;
                events += held.events;
                Some((name, text))
            })
            .collect();
        (segments, events)
    }
}

/// A random number from the system's source, for nonces; 0 only without randomness.
pub fn random() -> u64 {
    let mut bytes = [0u8; 8];
    // Without randomness, fall back to 0: the store then picks the next unused nonce.
    let _ = getrandom::fill(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// The bits of a replica id. Ids of up to 64 bits written by earlier versions are
/// still read and written.
pub const REPLICA_BITS: u64 = (1 << 48) - 1;
