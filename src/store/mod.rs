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
pub mod device;
pub mod exchange;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod prefs;
pub mod seal;
pub mod segment;
pub mod tagged;

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
    /// Unsigned events of formats 1 and 2, with the keys they are stored under: they
    /// count once an organizer adopts them ([`adopt`]).
    legacy: Vec<(String, Vec<Event>)>,
}

impl<B: Backend> std::fmt::Debug for Store<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("ns", &self.ns)
            .field("events", &self.journal.len())
            .finish()
    }
}

/// A sealed segment read, with the key that sealed it or why none did.
type Verified = (SealKey, Unverified, Result<DeviceKey, SealRefusal>);

/// Keys that may have sealed a segment, by fingerprint.
#[derive(Debug, Default)]
struct Candidates(HashMap<[u8; 4], Vec<DeviceKey>>);

impl Candidates {
    fn add(&mut self, key: DeviceKey) {
        let keys = self.0.entry(key.fingerprint()).or_default();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }

    fn add_named(&mut self, events: &[Event]) {
        for event in events {
            if let Some(key) = Keyring::named_key(&event.action) {
                self.add(key);
            }
        }
    }

    /// The key that sealed `segment`, or why none did.
    fn verify(
        &self,
        community: Option<CommunityId>,
        key: SealKey,
        segment: &Unverified,
    ) -> Result<DeviceKey, SealRefusal> {
        let community = community.ok_or(SealRefusal::NoCommunity)?;
        let keys = self
            .0
            .get(&segment.fingerprint)
            .ok_or(SealRefusal::UnknownKey)?;
        keys.iter()
            .find(|k| segment.verify(community, key, k))
            .copied()
            .ok_or(SealRefusal::BadSignature)
    }
}

impl<B: Backend> Store<B> {
    /// Loads everything stored under `ns`. Never fails: what could not be read is in
    /// [`Store::report`]. `fresh` gives the random numbers new replicas are made with.
    pub fn open(backend: B, ns: Namespace, fresh: impl FnMut() -> u64 + 'static) -> Self {
        let mut report = LoadReport::default();
        let community: Stored<Community> =
            device::read(&backend, &device::community_key(ns.as_str()));
        let device: Stored<DeviceRecord> = device::read(&backend, &device::device_key(ns.as_str()));
        for (stored, name) in [
            (matches!(community, Stored::Unreadable(_)), "community"),
            (matches!(device, Stored::Unreadable(_)), "device"),
        ] {
            if stored {
                report
                    .unreadable_records
                    .push(format!("{}/{name}", ns.as_str()));
            }
        }
        let meta_key = codec::meta_key(ns.as_str());
        let stored_schema = match backend.get(&meta_key) {
            Ok(Some(text)) => match serde_json::from_str::<Meta>(&text) {
                Ok(meta) => Some(meta.schema),
                // Reported, and from then on never written (see `persist`).
                Err(error) => {
                    report.unreadable.push(Unreadable {
                        key: meta_key,
                        error: CodecError::Meta(error.to_string()),
                    });
                    None
                }
            },
            Ok(None) => None,
            Err(error) => {
                report.failure = Some(error);
                None
            }
        };
        let signer = device.found().and_then(|d| d.open(None));
        let journal = Journal::of_community(community.found().map(|c| c.id));
        let mut store = Store {
            backend,
            ns,
            community,
            device,
            signer,
            journal,
            public: None,
            private: None,
            adoption: None,
            fresh: Box::new(fresh),
            stored_schema,
            report,
            held: BTreeMap::new(),
            waiting: Vec::new(),
            legacy: Vec::new(),
        };
        store.load();
        store
    }

    /// Reads every segment: the legacy ones are kept aside as unsigned, the sealed ones
    /// verified and merged at once (one fold for the whole log).
    fn load(&mut self) {
        let ns = self.ns.as_str().to_owned();
        let keys = match self.backend.keys(&format!("{ns}/")) {
            Ok(keys) => keys,
            Err(error) => {
                self.report.failure = Some(error);
                return;
            }
        };
        let mut legacy = BTreeMap::new();
        let mut sealed = BTreeMap::new();
        for key in keys {
            if let Some(parsed) = SegmentKey::parse(&ns, &key) {
                legacy.insert(parsed, key);
            } else if let Some(parsed) = SealKey::parse(&ns, &key) {
                sealed.insert(parsed, key);
            }
        }
        for (parsed, key) in legacy {
            let Some(text) = self.get_or_note(&key) else {
                continue;
            };
            self.report.segments += 1;
            let events = decode_into(&mut self.report, parsed, &key, &text);
            self.legacy.push((key, events));
        }
        let mut read = Vec::new();
        let mut candidates = self.candidates();
        for (parsed, key) in sealed {
            let Some(text) = self.get_or_note(&key) else {
                continue;
            };
            self.report.segments += 1;
            if let Some(segment) = self.read_sealed(parsed, &key, &text) {
                candidates.add_named(&segment.decoded.events);
                read.push((parsed, segment));
            }
        }
        let verified = self.verify_all(read, &candidates);
        self.accept(verified, None);
        self.report.events = self.journal.len();
    }

    fn get_or_note(&mut self, key: &str) -> Option<String> {
        match self.backend.get(key) {
            Ok(text) => text,
            Err(error) => {
                self.report.failure = Some(error);
                None
            }
        }
    }

    /// Reads a sealed segment's text, noting in the report what could not be read.
    fn read_sealed(&mut self, key: SealKey, name: &str, text: &str) -> Option<Unverified> {
        let read = match text.strip_prefix(seal::PREFIX) {
            Some(packed) => seal::read(key, packed),
            None => Err(match codec::format_of(text) {
                Some(v) if v > codec::FORMAT => CodecError::NewerFormat(v),
                _ => CodecError::Malformed("not a sealed segment".into()),
            }),
        };
        match read {
            Ok(segment) => {
                self.report
                    .unreadable
                    .extend(segment.decoded.errors.iter().map(|error| Unreadable {
                        key: name.to_owned(),
                        error: error.clone(),
                    }));
                Some(segment)
            }
            Err(error) => {
                self.report.unreadable.push(Unreadable {
                    key: name.to_owned(),
                    error,
                });
                None
            }
        }
    }

    /// The keys that may have sealed a segment: the keyring's, this device's own.
    fn candidates(&self) -> Candidates {
        let mut candidates = Candidates::default();
        if let Some(keyring) = self.journal.keyring() {
            keyring.devices().for_each(|d| candidates.add(d.key));
            keyring.pending().iter().for_each(|r| candidates.add(r.key));
        }
        if let Some(device) = self.device.found() {
            candidates.add(device.key);
        }
        candidates
    }

    /// Verifies sealed segments and merges those that count, in one merge. A segment
    /// that vouches for other replicas' events counts once its signer is an organizer;
    /// until then it waits. Returns what the merge did and the segments refused.
    fn accept(
        &mut self,
        segments: Vec<Verified>,
        mut refused: Option<&mut Vec<RefusedSegment>>,
    ) -> Merged {
        let incoming: Vec<SealKey> = segments.iter().map(|(key, _, _)| *key).collect();
        let mut batches = Vec::new();
        for (key, segment, verdict) in segments {
            match verdict {
                Ok(signer) => {
                    let vouches = segment
                        .decoded
                        .events
                        .iter()
                        .any(|e| e.id.replica != key.replica);
                    if vouches {
                        self.waiting.push((key, segment, signer));
                        continue;
                    }
                    self.note_held(key, signer, segment.decoded.events.len());
                    batches.push(Batch {
                        signer: Some(signer),
                        events: segment.decoded.events,
                    });
                }
                Err(reason) => {
                    let refusal = RefusedSegment {
                        key: key.to_key(self.ns.as_str()),
                        reason,
                        events: segment.decoded.events.len(),
                    };
                    if let Some(refused) = refused.as_deref_mut() {
                        refused.push(refusal.clone());
                    }
                    self.report.refused.retain(|r| r.key != refusal.key);
                    self.report.refused.push(refusal);
                }
            }
        }
        let mut merged = self.journal.merge_batches(batches);
        self.report
            .conflicts
            .extend(merged.conflicts.iter().cloned());
        // Segments that vouch for others count once their signer is an organizer.
        loop {
            let (ready, still): (Vec<_>, Vec<_>) = std::mem::take(&mut self.waiting)
                .into_iter()
                .partition(|(key, _, signer)| {
                    self.journal.role_of(signer, key.replica) == Some(Role::Organizer)
                });
            self.waiting = still;
            if ready.is_empty() {
                break;
            }
            let mut batches = Vec::new();
            for (key, segment, signer) in ready {
                self.note_held(key, signer, segment.decoded.events.len());
                batches.push(Batch {
                    signer: Some(signer),
                    events: segment.decoded.events,
                });
            }
            let more = self.journal.merge_batches(batches);
            self.report.conflicts.extend(more.conflicts.iter().cloned());
            merged.added += more.added;
            merged.known += more.known;
            merged.ids.extend(more.ids);
            merged.conflicts.extend(more.conflicts);
            merged.refolded |= more.refolded;
        }
        for (key, segment, _) in &self.waiting {
            let refusal = RefusedSegment {
                key: key.to_key(self.ns.as_str()),
                reason: SealRefusal::NotAnOrganizer,
                events: segment.decoded.events.len(),
            };
            if incoming.contains(key)
                && let Some(refused) = refused.as_deref_mut()
            {
                // The caller's own report says why these events were not taken.
                refused.push(refusal.clone());
            }
            self.report.refused.retain(|r| r.key != refusal.key);
            self.report.refused.push(refusal);
        }
        let waiting: Vec<String> = self
            .waiting
            .iter()
            .map(|(k, _, _)| k.to_key(self.ns.as_str()))
            .collect();
        self.report
            .refused
            .retain(|r| r.reason != SealRefusal::NotAnOrganizer || waiting.contains(&r.key));
        merged
    }

    /// Verifies each segment against the candidate keys.
    fn verify_all(
        &self,
        segments: Vec<(SealKey, Unverified)>,
        candidates: &Candidates,
    ) -> Vec<Verified> {
        let community = self.community().map(|c| c.id);
        segments
            .into_iter()
            .map(|(key, segment)| {
                let verdict = candidates.verify(community, key, &segment);
                (key, segment, verdict)
            })
            .collect()
    }

    fn note_held(&mut self, key: SealKey, signer: DeviceKey, events: usize) {
        let held = self.held.entry(key).or_insert(Held { signer, events });
        if held.signer == signer {
            held.events = held.events.max(events);
        }
        let name = key.to_key(self.ns.as_str());
        self.report.refused.retain(|r| r.key != name);
    }

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

    /// Unlocks a PIN-wrapped key; `false` for a wrong PIN.
    pub fn unlock(&mut self, pin: &str) -> bool {
        match self.device.found().and_then(|d| d.open(Some(pin))) {
            Some(signer) => {
                self.signer = Some(signer);
                true
            }
            None => false,
        }
    }

    /// Takes back a key unlocked earlier in this visit; `false` if it is not this
    /// device's.
    pub fn resume(&mut self, signer: Signer) -> bool {
        let ours = self.device_key() == Some(signer.public());
        if ours {
            self.signer = Some(signer);
        }
        ours
    }

    /// Locks a PIN-wrapped key again (a plain key stays usable).
    pub fn lock(&mut self) {
        if self.device.found().is_some_and(DeviceRecord::is_wrapped) {
            self.signer = None;
        }
    }

    /// Reads the community and device records again: another tab may have founded or
    /// joined a community, or been given a key, since this store read them. A record
    /// gone or unreadable in storage leaves the one held here as it is. Returns whether
    /// anything changed.
    pub fn follow_records(&mut self) -> bool {
        let mut changed = false;
        let stored =
            device::read::<DeviceRecord>(&self.backend, &device::device_key(self.ns.as_str()));
        if let Stored::Found(record) = stored
            && self.device.found() != Some(&record)
        {
            let same_key = self.device.found().is_some_and(|d| d.key == record.key);
            if !same_key || self.signer.is_none() {
                self.signer = record.open(None);
            }
            self.device = Stored::Found(record);
            changed = true;
        }
        let stored =
            device::read::<Community>(&self.backend, &device::community_key(self.ns.as_str()));
        if let Stored::Found(community) = stored
            && self.community.found() != Some(&community)
        {
            let same = self.community.found().is_some_and(|c| c.id == community.id);
            self.community = Stored::Found(community);
            if !same {
                self.reload();
            }
            changed = true;
        }
        changed
    }

    /// Whether `key` is this namespace's community or device record (which another
    /// tab's write makes worth [`Store::follow_records`]).
    pub fn is_record(&self, key: &str) -> bool {
        let ns = self.ns.as_str();
        key == device::community_key(ns) || key == device::device_key(ns)
    }

    /// Reads the whole log again, under the community now held.
    fn reload(&mut self) {
        self.journal = Journal::of_community(self.community().map(|c| c.id));
        self.held.clear();
        self.waiting.clear();
        self.legacy.clear();
        self.report = LoadReport {
            unreadable_records: std::mem::take(&mut self.report.unreadable_records),
            ..LoadReport::default()
        };
        self.load();
    }

    /// Sets this device's key record, when none is stored or readable.
    pub fn set_device(&mut self, record: DeviceRecord) -> Result<(), StoreError> {
        self.follow_records();
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        if let Stored::Unreadable(_) = self.device {
            return Err(StoreError::Failed(
                "the stored device key cannot be read".into(),
            ));
        }
        if self.device.found().is_some_and(|d| d.key != record.key) {
            return Err(StoreError::Failed("this device already has a key".into()));
        }
        device::write(
            &self.backend,
            &device::device_key(self.ns.as_str()),
            &record,
        )?;
        self.signer = record.open(None).or_else(|| self.signer.take());
        self.device = Stored::Found(record);
        Ok(())
    }

    /// Replaces the PIN that wraps the key (the key stays the same). Needs the device
    /// unlocked.
    pub fn rewrap(&mut self, pin: &str, salt: &[u8], rounds: u32) -> Result<(), ActError> {
        let signer = self.signer.clone().ok_or(ActError::Locked)?;
        let record = DeviceRecord::wrapped(&signer, pin, salt, rounds);
        device::write(
            &self.backend,
            &device::device_key(self.ns.as_str()),
            &record,
        )?;
        self.device = Stored::Found(record);
        Ok(())
    }

    /// Makes this device a member of `community` (a join code, a founding): the log
    /// is read again under it. Refused if it already belongs to another.
    pub fn join(&mut self, community: Community) -> Result<(), StoreError> {
        self.follow_records();
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        match &self.community {
            Stored::Found(known) if known.id != community.id => {
                return Err(StoreError::Failed(
                    "this device belongs to another community".into(),
                ));
            }
            Stored::Unreadable(_) => {
                return Err(StoreError::Failed(
                    "the stored community cannot be read".into(),
                ));
            }
            _ => {}
        }
        device::write(
            &self.backend,
            &device::community_key(self.ns.as_str()),
            &community,
        )?;
        self.community = Stored::Found(community);
        self.reload();
        Ok(())
    }

    /// Founds a community on this device, with `signer` as its first organizer key
    /// (wrapped by the PIN in `record`): writes the community, the key and the
    /// founding event.
    pub fn found(
        &mut self,
        name: &str,
        signer: Signer,
        record: DeviceRecord,
        wall: Timestamp,
    ) -> Result<Acted, ActError> {
        let key = signer.public();
        if record.key != key {
            return Err(StoreError::Failed("the key record is not the founder's".into()).into());
        }
        self.set_device(record)?;
        self.join(Community {
            id: CommunityId::founded_by(&key),
            name: name.trim().to_owned(),
            sync: None,
        })?;
        self.signer = Some(signer);
        self.act(
            Action::FoundCommunity {
                key,
                name: name.trim().to_owned(),
            },
            wall,
        )
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
        self.legacy
            .iter()
            .flat_map(|(_, events)| events)
            .filter(|e| !self.journal.contains(e.id))
            .count()
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

    /// Checks `action`, signs and writes it, then folds it in. Personal details it
    /// carries go to the organizer-only log as their own event. On any error nothing is
    /// written and the state is unchanged, so the action can simply be tried again.
    pub fn act(&mut self, action: Action, wall: Timestamp) -> Result<Acted, ActError> {
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema).into());
        }
        let community = self
            .community()
            .map(|c| c.id)
            .ok_or(ActError::NoCommunity)?;
        let signer = self.signer.clone().ok_or(ActError::Locked)?;
        let public = self.writer(Log::Public, &signer);
        let whole = self
            .journal
            .prepare(public.replica, public.next_seq, wall, action)?;
        let (action, details) = whole.action.clone().split_personal(whole.id);
        let event = Event { action, ..whole };
        self.journal
            .authorize_new(&signer.public(), &event)
            .map_err(ActError::Refused)?;
        let details = match details {
            None => None,
            Some((subject, details)) => {
                let private = self.writer(Log::Private, &signer);
                let event = self.journal.prepare(
                    private.replica,
                    private.next_seq,
                    wall,
                    Action::RecordDetails { subject, details },
                )?;
                self.journal
                    .authorize_new(&signer.public(), &event)
                    .map_err(ActError::Refused)?;
                Some(event)
            }
        };
        let undo = self.persist(
            community,
            &signer,
            Log::Public,
            std::slice::from_ref(&event),
        )?;
        if let Some(details) = &details
            && let Err(error) = self.persist(
                community,
                &signer,
                Log::Private,
                std::slice::from_ref(details),
            )
        {
            self.undo(undo);
            return Err(error.into());
        }
        let posted = self.journal.state().ledger().entries().len();
        let mut batches = vec![Batch {
            signer: Some(signer.public()),
            events: vec![event.clone()],
        }];
        batches.extend(details.iter().map(|d| Batch {
            signer: Some(signer.public()),
            events: vec![d.clone()],
        }));
        let merged = self.journal.merge_batches(batches);
        let credits = if merged.refolded {
            Vec::new()
        } else {
            self.journal.state().ledger().entries()[posted..].to_vec()
        };
        Ok(Acted {
            event,
            details,
            credits,
        })
    }

    /// This session's writer of `log`, made at its first write: a replica of the
    /// device's key with a fresh nonce, unused by any stored segment.
    fn writer(&mut self, log: Log, signer: &Signer) -> Writer {
        let slot = match log {
            Log::Public => &self.public,
            Log::Private => &self.private,
        };
        if let Some(writer) = slot {
            return writer.clone();
        }
        let writer = self.new_writer(signer);
        match log {
            Log::Public => self.public = Some(writer.clone()),
            Log::Private => self.private = Some(writer.clone()),
        }
        writer
    }

    /// A writer on a new replica of the device's key: a fresh nonce, and a replica id
    /// that no stored segment and no other writer of this session uses.
    fn new_writer(&mut self, signer: &Signer) -> Writer {
        let key = signer.public();
        let taken: Vec<ReplicaId> = [&self.public, &self.private, &self.adoption]
            .into_iter()
            .flatten()
            .map(|w| w.replica)
            .chain(self.held.keys().map(|k| k.replica))
            .collect();
        let mut nonce = (self.fresh)() as u32;
        let mut replica = seal::derive_replica(&key, nonce);
        while taken.contains(&replica) || self.journal.contains(EventId::new(replica, 1)) {
            nonce = nonce.wrapping_add(1);
            replica = seal::derive_replica(&key, nonce);
        }
        Writer {
            replica,
            nonce,
            index: 0,
            open: Vec::new(),
            next_seq: 1,
        }
    }

    /// Writes events into this session's open segment of `log`, sealed, with one `set`,
    /// so a write is all or nothing. A full segment is closed first. Returns how to take
    /// the write back.
    fn persist(
        &mut self,
        community: CommunityId,
        signer: &Signer,
        log: Log,
        events: &[Event],
    ) -> Result<Undo, StoreError> {
        // The schema record is raised first, unless it was unreadable: then it is left
        // as it is (reported at open), as every unreadable record is, and the segments,
        // each marked with its own format, still keep a newer build's data from being
        // misread.
        let meta_unreadable = self
            .report
            .unreadable
            .iter()
            .any(|u| matches!(u.error, CodecError::Meta(_)));
        if self.stored_schema.is_none_or(|schema| schema < SCHEMA) && !meta_unreadable {
            let meta = serde_json::to_string(&Meta { schema: SCHEMA })
                .map_err(|e| StoreError::Failed(e.to_string()))?;
            self.backend
                .set(&codec::meta_key(self.ns.as_str()), &meta)?;
            self.stored_schema = Some(SCHEMA);
        }
        let mut writer = self.writer(log, signer);
        let before = writer.clone();
        if writer.open.len() >= SEGMENT_EVENTS {
            writer.index += 1;
            writer.open.clear();
        }
        writer.open.extend_from_slice(events);
        let key = SealKey {
            log,
            replica: writer.replica,
            index: writer.index,
        };
        let name = key.to_key(self.ns.as_str());
        let previous = self.backend.get(&name).ok().flatten();
        let text = seal::seal(signer, community, key, writer.nonce, &writer.open)
            .map_err(|e| StoreError::Failed(e.to_string()))?;
        self.backend.set(&name, &text)?;
        writer.next_seq += u32::try_from(events.len()).unwrap_or(u32::MAX);
        self.held.insert(
            key,
            Held {
                signer: signer.public(),
                events: writer.open.len(),
            },
        );
        match log {
            Log::Public => self.public = Some(writer),
            Log::Private => self.private = Some(writer),
        }
        Ok(Undo {
            log,
            name,
            previous,
            writer: before,
        })
    }

    /// Takes back a write made by [`Store::persist`].
    fn undo(&mut self, undo: Undo) {
        // Putting back a shorter text frees space, so it does not fail for a full
        // storage; if it fails anyway the longer segment stays, which loses nothing.
        let _ = match &undo.previous {
            Some(text) => self.backend.set(&undo.name, text),
            None => self.backend.remove(&undo.name),
        };
        match undo.log {
            Log::Public => self.public = Some(undo.writer),
            Log::Private => self.private = Some(undo.writer),
        }
    }

    /// Takes in sealed segments from elsewhere (a file, a sync): each is verified,
    /// stored under its own key when it is new or longer than the copy held, and its
    /// events merged. If the storage fills up midway, what was written stays and the
    /// report says how many were not stored.
    pub fn import_sealed(
        &mut self,
        segments: Vec<(String, String)>,
    ) -> Result<ImportReport, StoreError> {
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        let mut report = ImportReport::default();
        let mut candidates = self.candidates();
        let mut read = Vec::new();
        let own: Vec<ReplicaId> = [&self.public, &self.private]
            .into_iter()
            .flatten()
            .map(|w| w.replica)
            .collect();
        for (name, text) in segments {
            let Some(key) = SealKey::parse(self.ns.as_str(), &name) else {
                report.failure = Some(StoreError::Failed(format!("not a segment key: {name}")));
                continue;
            };
            let segment = self.read_sealed(key, &name, &text);
            // Errors of the file's text are the import's, not the device's storage's.
            let (file, stored): (Vec<_>, Vec<_>) = std::mem::take(&mut self.report.unreadable)
                .into_iter()
                .partition(|u| u.key == name);
            self.report.unreadable = stored;
            report.unreadable.extend(file);
            let Some(segment) = segment else {
                continue;
            };
            if own.contains(&key.replica) {
                // This session's own segments are written only by this session: the
                // same text is known; any other is refused, never silently passed.
                let events = segment.decoded.events.len();
                if self.backend.get(&name).ok().flatten().as_deref() == Some(text.as_str()) {
                    report.known += events;
                } else {
                    let verdict = candidates.verify(self.community().map(|c| c.id), key, &segment);
                    report.refused.push(RefusedSegment {
                        key: key.to_key(self.ns.as_str()),
                        reason: match verdict {
                            Ok(_) => SealRefusal::Rewritten,
                            Err(reason) => reason,
                        },
                        events,
                    });
                }
                continue;
            }
            candidates.add_named(&segment.decoded.events);
            read.push((key, segment, text));
        }
        // The community's log first: it may make this device an organizer, whose
        // devices alone take in the organizer-only log.
        read.sort_by_key(|(key, _, _)| key.log);
        let mut merged = Merged::default();
        for log in [Log::Public, Log::Private] {
            let (now, later): (Vec<_>, Vec<_>) =
                read.into_iter().partition(|(k, _, _)| k.log == log);
            read = later;
            if log == Log::Private && self.role() != Some(Role::Organizer) {
                // Personal details never reach a device that is not an organizer's.
                report
                    .refused
                    .extend(now.iter().map(|(key, segment, _)| RefusedSegment {
                        key: key.to_key(self.ns.as_str()),
                        reason: SealRefusal::OrganizersOnly,
                        events: segment.decoded.events.len(),
                    }));
                continue;
            }
            let mut verified = Vec::new();
            for (key, segment, text) in now {
                let verdict = candidates.verify(self.community().map(|c| c.id), key, &segment);
                let events = segment.decoded.events.len();
                if verdict.is_ok() && !self.agrees_with_held(key, &segment) {
                    let refusal = RefusedSegment {
                        key: key.to_key(self.ns.as_str()),
                        reason: SealRefusal::Rewritten,
                        events,
                    };
                    report.refused.push(refusal.clone());
                    self.report.refused.retain(|r| r.key != refusal.key);
                    self.report.refused.push(refusal);
                    continue;
                }
                let longer = self.held.get(&key).is_none_or(|held| held.events < events);
                if verdict.is_ok() && longer {
                    // Stored before it counts: a full storage leaves the device as it was.
                    let name = key.to_key(self.ns.as_str());
                    if let Err(error) = self.backend.set(&name, &text) {
                        report.not_stored += events;
                        report.failure = Some(error);
                        continue;
                    }
                }
                verified.push((key, segment, verdict));
            }
            let more = self.accept(verified, Some(&mut report.refused));
            merged.added += more.added;
            merged.known += more.known;
            merged.conflicts.extend(more.conflicts);
            merged.ids.extend(more.ids);
        }
        report.added = merged.added;
        report.known += merged.known;
        report.conflicts = merged.conflicts;
        report.ids = merged.ids;
        Ok(report)
    }

    /// Whether `segment` agrees with the copy of its place held here: one of the two
    /// starts with the other's events. A stored copy is replaced only by a longer copy
    /// of itself.
    fn agrees_with_held(&self, key: SealKey, segment: &Unverified) -> bool {
        if !self.held.contains_key(&key) {
            return true;
        }
        let held = self
            .backend
            .get(&key.to_key(self.ns.as_str()))
            .ok()
            .flatten()
            .and_then(|text| seal::read(key, text.strip_prefix(seal::PREFIX)?).ok());
        let Some(held) = held else {
            return true;
        };
        let (old, new) = (&held.decoded.events, &segment.decoded.events);
        if old.len() <= new.len() {
            new.starts_with(old)
        } else {
            old.starts_with(new)
        }
    }

    /// Takes in a write another tab made. Returns what merging it did, or `None` when
    /// the key is not one of this namespace's segments.
    pub fn receive(&mut self, change: &Change) -> Option<Merged> {
        let ns = self.ns.as_str().to_owned();
        if change.key == codec::meta_key(&ns) {
            if let Some(meta) = change
                .value
                .as_deref()
                .and_then(|text| serde_json::from_str::<Meta>(text).ok())
            {
                self.stored_schema = Some(meta.schema.max(self.stored_schema.unwrap_or(0)));
            }
            return None;
        }
        let text = change.value.as_deref()?;
        if let Some(parsed) = SegmentKey::parse(&ns, &change.key) {
            // Another tab of an older version: its events wait for adoption too.
            self.report.unreadable.retain(|u| u.key != change.key);
            let events = decode_into(&mut self.report, parsed, &change.key, text);
            self.legacy.retain(|(key, _)| *key != change.key);
            self.legacy.push((change.key.clone(), events));
            return Some(Merged::default());
        }
        let key = SealKey::parse(&ns, &change.key)?;
        self.report.unreadable.retain(|u| u.key != change.key);
        let segment = self.read_sealed(key, &change.key, text)?;
        let mut candidates = self.candidates();
        candidates.add_named(&segment.decoded.events);
        let verified = self.verify_all(vec![(key, segment)], &candidates);
        Some(self.accept(verified, None))
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

/// How to take back one write.
struct Undo {
    log: Log,
    name: String,
    previous: Option<String>,
    writer: Writer,
}

/// Decodes a legacy segment, noting in `report` whatever could not be read.
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
