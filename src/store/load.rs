//! Opening a store: reading every segment, verifying each seal against the keys that
//! may have made it, and folding what counts; what cannot be read is reported.

use super::*;

/// A sealed segment read, with the key that sealed it or why none did.
pub(super) type Verified = (SealKey, Unverified, Result<DeviceKey, SealRefusal>);

/// Keys that may have sealed a segment, by fingerprint.
#[derive(Debug, Default)]
pub(super) struct Candidates(HashMap<[u8; 4], Vec<DeviceKey>>);

impl Candidates {
    pub(super) fn add(&mut self, key: DeviceKey) {
        let keys = self.0.entry(key.fingerprint()).or_default();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }

    pub(super) fn add_named(&mut self, events: &[Event]) {
        for event in events {
            if let Some(key) = Keyring::named_key(&event.action) {
                self.add(key);
            }
        }
    }

    /// The key that sealed `segment`, or why none did.
    pub(super) fn verify(
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

/// How a legacy segment is decoded: [`codec::decode_segment`], or
/// [`codec::decode_compact_segment`] where format 1 is not read.
type Decode = fn(SegmentKey, &str) -> Result<codec::DecodedSegment, CodecError>;

/// Decodes a legacy segment, noting in `report` whatever could not be read.
fn decode_into(
    report: &mut LoadReport,
    parsed: SegmentKey,
    key: &str,
    text: &str,
    decode: Decode,
) -> Vec<Event> {
    match decode(parsed, text) {
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

impl<B: Backend> Store<B> {
    /// Loads everything stored under `ns`. Never fails: what could not be read is in
    /// [`Store::report`]. `fresh` gives the random numbers new replicas are made with.
    pub fn open(backend: B, ns: Namespace, fresh: impl FnMut() -> u64 + 'static) -> Self {
        let mut store = Store::empty(backend, ns, fresh);
        store.read_storage();
        store
    }

    /// A store that has read nothing: what [`Store::open`] gives where nothing is stored
    /// under `ns` ([`Store::nothing_stored`]), made without the code that reads and
    /// verifies a log, so the app's first module can draw a first visit without it
    /// (issue 17). [`Store::read_storage`] reads what storage holds.
    pub fn empty(backend: B, ns: Namespace, fresh: impl FnMut() -> u64 + 'static) -> Self {
        Store {
            backend,
            ns,
            community: Stored::Absent,
            device: Stored::Absent,
            signer: None,
            journal: Journal::of_community(None),
            public: None,
            private: None,
            adoption: None,
            fresh: Box::new(fresh),
            stored_schema: None,
            report: LoadReport::default(),
            held: BTreeMap::new(),
            waiting: Vec::new(),
            unknown_signer: BTreeMap::new(),
            legacy: Vec::new(),
            unread: Vec::new(),
        }
    }

    /// Whether storage holds nothing under `ns` but the device's preferences: then
    /// [`Store::empty`] is what opening it gives. `false` when storage cannot be listed
    /// (opening reports why).
    pub fn nothing_stored(backend: &B, ns: &Namespace) -> bool {
        let prefs = super::prefs::prefs_key(ns.as_str());
        backend
            .keys(&format!("{}/", ns.as_str()))
            .is_ok_and(|keys| keys.iter().all(|key| *key == prefs))
    }

    /// Reads what storage holds under the namespace into a store made by
    /// [`Store::empty`]: the community and device records, the schema, and every
    /// segment.
    pub fn read_storage(&mut self) {
        let ns = self.ns.as_str();
        let community: Stored<Community> = device::read(&self.backend, &device::community_key(ns));
        let device: Stored<DeviceRecord> = device::read(&self.backend, &device::device_key(ns));
        for (stored, name) in [
            (matches!(community, Stored::Unreadable(_)), "community"),
            (matches!(device, Stored::Unreadable(_)), "device"),
        ] {
            if stored {
                self.report.unreadable_records.push(format!("{ns}/{name}"));
            }
        }
        let meta_key = codec::meta_key(ns);
        self.stored_schema = match self.backend.get(&meta_key) {
            Ok(Some(text)) => match serde_json::from_str::<Meta>(&text) {
                Ok(meta) => Some(meta.schema),
                // Reported, and from then on never written (see `persist`).
                Err(error) => {
                    self.report.unreadable.push(Unreadable {
                        key: meta_key,
                        error: CodecError::Meta(error.to_string()),
                    });
                    None
                }
            },
            Ok(None) => None,
            Err(error) => {
                self.report.failure = Some(error);
                None
            }
        };
        self.signer = device.found().and_then(|d| d.open(None));
        self.journal = Journal::of_community(community.found().map(|c| c.id));
        self.community = community;
        self.device = device;
        self.load();
    }

    /// Reads every segment: the legacy ones are kept aside as unsigned, the sealed ones
    /// verified and merged at once (one fold for the whole log).
    pub(super) fn load(&mut self) {
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
            self.keep_legacy(parsed, &key, text);
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

    /// Keeps a legacy segment aside until an organizer adopts its events: format 2 is
    /// read now; format 1 (JSON) is only checked, and read when its events are needed
    /// ([`Store::legacy_events`], [`Store::adopt_legacy`]).
    pub(super) fn keep_legacy(&mut self, parsed: SegmentKey, key: &str, text: String) {
        self.legacy.retain(|(k, _)| k != key);
        self.unread.retain(|u| u.key != key);
        if !codec::is_json(&text) {
            let decode = codec::decode_compact_segment;
            let events = decode_into(&mut self.report, parsed, key, &text, decode);
            self.legacy.push((key.to_owned(), events));
            return;
        }
        match codec::check_json(parsed, &text) {
            Ok(()) => self.unread.push(Unread {
                parsed,
                key: key.to_owned(),
                text,
                events: std::cell::OnceCell::new(),
            }),
            Err(error) => {
                self.report.unreadable.push(Unreadable {
                    key: key.to_owned(),
                    error,
                });
                self.legacy.push((key.to_owned(), Vec::new()));
            }
        }
    }

    /// Reads the format-1 segments kept unread, noting what could not be read.
    pub(super) fn read_unread(&mut self) {
        for Unread {
            parsed, key, text, ..
        } in std::mem::take(&mut self.unread)
        {
            let events = decode_into(&mut self.report, parsed, &key, &text, codec::decode_segment);
            self.legacy.push((key, events));
        }
    }

    pub(super) fn get_or_note(&mut self, key: &str) -> Option<String> {
        match self.backend.get(key) {
            Ok(text) => text,
            Err(error) => {
                self.report.failure = Some(error);
                None
            }
        }
    }

    /// Reads a sealed segment's text, noting in the report what could not be read.
    pub(super) fn read_sealed(
        &mut self,
        key: SealKey,
        name: &str,
        text: &str,
    ) -> Option<Unverified> {
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
    pub(super) fn candidates(&self) -> Candidates {
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
    pub(super) fn accept(
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
    pub(super) fn verify_all(
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

    pub(super) fn note_held(&mut self, key: SealKey, signer: DeviceKey, events: usize) {
        let held = self.held.entry(key).or_insert(Held { signer, events });
        if held.signer == signer {
            held.events = held.events.max(events);
        }
        let name = key.to_key(self.ns.as_str());
        self.report.refused.retain(|r| r.key != name);
    }
}
