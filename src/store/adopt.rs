//! Adoption: events written before signing (formats 1 and 2 in storage, version-1
//! backups) count once an organizer vouches for them.
//!
//! The organizer device seals them again under its own key, in their public form
//! (names and phones masked, private notes out), each legacy segment as one sealed
//! segment that names its events by their old ids; the personal details they carried go
//! to the organizer-only log. Only then is the legacy segment removed (unless part of it
//! could not be read: then it stays, reported, as it is): at every step each event is
//! stored at least once, and its new copy is read back first.

use super::seal::{self, Log, SealKey};
use super::{ActError, Backend, Store, StoreError, Writer};
use crate::domain::journal::Batch;
use crate::domain::trust::{Refusal, Role};
use crate::domain::{Action, Event, Timestamp};

/// What an adoption did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adopted {
    /// Events now sealed by this device and counting.
    pub events: usize,
    /// Of them, events whose personal details went to the organizer-only log.
    pub details: usize,
}

impl<B: Backend> Store<B> {
    /// Adopts every unsigned event this device holds from before signing, then removes
    /// the legacy segments they came from. Needs an organizer's key, unlocked.
    pub fn adopt_legacy(&mut self, wall: Timestamp) -> Result<Adopted, ActError> {
        self.read_unread();
        let mut adopted = Adopted::default();
        for (key, events) in self.legacy.clone() {
            let done = self.adopt_group(events, wall)?;
            adopted.events += done.events;
            adopted.details += done.details;
            // A segment with parts that could not be read stays as it is, reported:
            // its readable events are adopted, the rest is never written over.
            if !self.report.unreadable.iter().any(|u| u.key == key) {
                self.backend.remove(&key)?;
            }
            self.legacy.retain(|(k, _)| *k != key);
        }
        Ok(adopted)
    }

    /// Adopts events from a version-1 backup: an organizer vouching for a file they
    /// made themselves before signing existed.
    pub fn adopt_events(
        &mut self,
        events: Vec<Event>,
        wall: Timestamp,
    ) -> Result<Adopted, ActError> {
        let mut adopted = Adopted::default();
        for chunk in events.chunks(super::SEGMENT_EVENTS) {
            let done = self.adopt_group(chunk.to_vec(), wall)?;
            adopted.events += done.events;
            adopted.details += done.details;
        }
        Ok(adopted)
    }

    fn adopt_group(&mut self, events: Vec<Event>, wall: Timestamp) -> Result<Adopted, ActError> {
        let community = self
            .community()
            .map(|c| c.id)
            .ok_or(ActError::NoCommunity)?;
        let signer = self.signer.clone().ok_or(ActError::Locked)?;
        match self.role() {
            Some(Role::Organizer) => {}
            Some(role) => return Err(ActError::Refused(Refusal::NotAllowed(role))),
            None => return Err(ActError::Refused(Refusal::UnknownKey)),
        }
        let mut public = Vec::with_capacity(events.len());
        let mut details = Vec::new();
        for event in events {
            let (action, personal) = event.action.clone().split_personal(event.id);
            public.push(Event { action, ..event });
            if let Some((subject, details_of)) = personal {
                details.push(Action::RecordDetails {
                    subject,
                    details: details_of,
                });
            }
        }
        public.retain(|e| !self.journal.contains(e.id));
        if public.is_empty() {
            return Ok(Adopted::default());
        }
        // The public forms: one sealed segment of the adoption writer.
        let mut writer = self.adoption_writer(&signer);
        let key = SealKey {
            log: Log::Public,
            replica: writer.replica,
            index: writer.index,
        };
        let name = key.to_key(self.ns.as_str());
        let text = seal::seal(&signer, community, key, writer.nonce, &public)
            .map_err(|e| StoreError::Failed(e.to_string()))?;
        self.backend.set(&name, &text)?;
        // Read back before anything else is written or removed.
        let back = self
            .backend
            .get(&name)?
            .and_then(|text| seal::read(key, text.strip_prefix(seal::PREFIX)?).ok());
        if back.is_none_or(|b| {
            b.decoded.events != public || !b.verify(community, key, &signer.public())
        }) {
            return Err(StoreError::Failed("the adopted segment did not read back".into()).into());
        }
        writer.index += 1;
        self.adoption = Some(writer);
        self.note_held(key, signer.public(), public.len());
        // The personal details they carried, in the organizer-only log.
        let mut private = Vec::with_capacity(details.len());
        for action in details {
            let writer = self.writer(Log::Private, &signer);
            let seq = writer.next_seq + u32::try_from(private.len()).unwrap_or(u32::MAX);
            private.push(self.journal.prepare(writer.replica, seq, wall, action)?);
        }
        if !private.is_empty() {
            for chunk in private.chunks(super::SEGMENT_EVENTS) {
                self.persist(community, &signer, Log::Private, chunk)?;
            }
        }
        let adopted = Adopted {
            events: public.len(),
            details: private.len(),
        };
        self.journal.merge_batches(vec![
            Batch {
                signer: Some(signer.public()),
                events: public,
            },
            Batch {
                signer: Some(signer.public()),
                events: private,
            },
        ]);
        Ok(adopted)
    }

    /// The writer adopted segments go to: a replica of this device's key that writes no
    /// events of its own.
    fn adoption_writer(&mut self, signer: &super::Signer) -> Writer {
        if let Some(writer) = &self.adoption {
            return writer.clone();
        }
        let writer = self.new_writer(signer);
        self.adoption = Some(writer.clone());
        writer
    }
}
