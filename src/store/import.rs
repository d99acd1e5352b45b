//! Taking in segments from elsewhere (a file, a code, another tab): each verified,
//! stored when new, and merged; what does not count is listed with the reason.

use super::*;

impl<B: Backend> Store<B> {
    /// Takes in sealed segments from elsewhere (a file, a sync): each is verified,
    /// stored under its own key when it is new or longer than the copy held, and its
    /// events merged. If the storage fills up midway, what was written stays and the
    /// report says how many were not stored.
    ///
    /// A segment whose key this device does not know yet waits (in memory) and is tried
    /// again whenever an import adds events: live sync may bring a phone's segment
    /// before the organizer's enrolment of that phone, and reports each entry only once.
    pub fn import_sealed(
        &mut self,
        segments: Vec<(String, String)>,
    ) -> Result<ImportReport, StoreError> {
        let mut report = self.import_once(segments)?;
        let mut added = report.added;
        while added > 0 && !self.unknown_signer.is_empty() {
            let waiting = std::mem::take(&mut self.unknown_signer);
            let again = self.import_once(
                waiting
                    .into_iter()
                    .map(|(name, (_, text))| (name, text))
                    .collect(),
            )?;
            added = again.added;
            report.added += again.added;
            report.known += again.known;
            report.not_stored += again.not_stored;
            report.conflicts.extend(again.conflicts);
            report.ids.extend(again.ids);
            report.failure = report.failure.take().or(again.failure);
            // Those whose key is known now count, or are refused for another reason.
            report.refused.retain(|r| {
                r.reason != SealRefusal::UnknownKey || self.unknown_signer.contains_key(&r.key)
            });
            report.refused.extend(
                again
                    .refused
                    .into_iter()
                    .filter(|r| r.reason != SealRefusal::UnknownKey),
            );
        }
        Ok(report)
    }

    fn import_once(&mut self, segments: Vec<(String, String)>) -> Result<ImportReport, StoreError> {
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
                if verdict == Err(SealRefusal::UnknownKey) {
                    self.keep_for_its_key(key, events, &text);
                }
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

    /// Keeps a segment whose key is not known yet, to try again: of two texts for one
    /// place, the one with more events.
    fn keep_for_its_key(&mut self, key: SealKey, events: usize, text: &str) {
        let name = key.to_key(self.ns.as_str());
        if self
            .unknown_signer
            .get(&name)
            .is_none_or(|(held, _)| *held < events)
        {
            self.unknown_signer.insert(name, (events, text.to_owned()));
        }
    }

    /// Whether `segment` agrees with the copy of its place held here: one of the two
    /// starts with the other's events. A stored copy is replaced only by a longer copy
    /// of itself.
    pub(super) fn agrees_with_held(&self, key: SealKey, segment: &Unverified) -> bool {
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
            self.keep_legacy(parsed, &change.key, text.to_owned());
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
}
