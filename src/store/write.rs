//! Acting: an action is checked, signed, written to this session's open segment, and
//! only then folded; a failed write is taken back whole.

use super::*;

/// How to take back one write.
pub(super) struct Undo {
    log: Log,
    name: String,
    previous: Option<String>,
    writer: Writer,
}

impl<B: Backend> Store<B> {
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
    pub(super) fn writer(&mut self, log: Log, signer: &Signer) -> Writer {
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
    pub(super) fn new_writer(&mut self, signer: &Signer) -> Writer {
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
    pub(super) fn persist(
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
    pub(super) fn undo(&mut self, undo: Undo) {
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
}
