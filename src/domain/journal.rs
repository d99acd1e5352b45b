//! The journal: the set of all known events, kept in their total order, and the state
//! folded from them. Merging is set union: adding an event twice changes nothing, and
//! the same set gives the same state whatever order its events arrived in.
//!
//! A journal of a community ([`Journal::of_community`]) also knows who signed each
//! event (the store verifies the signatures and says so in each [`Batch`]) and folds an
//! event only when a signer had the authority for it (see [`super::trust`]). The fold
//! has two phases: the trust actions first, in their order, give the keyring; then
//! every other event is judged against that keyring and folded, or kept aside with its
//! [`Refusal`]. A journal without a community (the rules' tests, the sample generator)
//! folds every event as an organizer's.

use rustc_hash::FxHashMap as HashMap;

use super::error::DomainError;
use super::event::{Action, Clock, Event, OrderKey};
use super::id::{EventId, ReplicaId, Timestamp};
use super::state::State;
use super::trust::{CommunityId, DeviceKey, Keyring, Refusal, Role, content_digest, permits};

/// Content digests of events, by id: what a revocation binds.
pub type Digests = Vec<(EventId, u64)>;

/// Two different events that carry the same id: a sign of corrupted or tampered data.
/// The first one seen is kept; the other is reported here, never silently dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct IdConflict {
    pub kept: Event,
    pub refused: Event,
}

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// Events that were new.
    pub added: usize,
    /// Events already known, byte for byte.
    pub known: usize,
    /// Events whose id was known with other content.
    pub conflicts: Vec<IdConflict>,
    /// The ids of the events that were new, in the order they arrived.
    pub ids: Vec<EventId>,
    /// Whether the state was folded again from the start (an event that sorted before
    /// others, a trust action, a new signature for a known event).
    pub refolded: bool,
}

/// Events that arrived together, with the key whose signature over them verified
/// (`None`: unsigned, or a signature that did not verify).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub signer: Option<DeviceKey>,
    pub events: Vec<Event>,
}

/// An event that is stored but does not count, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptAside {
    pub event: EventId,
    pub refusal: Refusal,
}

/// Which keys signed which events: runs of sequence numbers per replica.
#[derive(Clone, Debug, Default)]
struct Provenance {
    runs: HashMap<ReplicaId, Vec<(u32, u32, DeviceKey)>>,
}

impl Provenance {
    /// Notes that `key` signed `id`; `false` if it was noted already.
    fn note(&mut self, id: EventId, key: DeviceKey) -> bool {
        let runs = self.runs.entry(id.replica).or_default();
        if runs
            .iter()
            .any(|&(first, last, k)| k == key && (first..=last).contains(&id.seq))
        {
            return false;
        }
        match runs.last_mut() {
            Some((_, last, k)) if *k == key && *last + 1 == id.seq => *last = id.seq,
            _ => runs.push((id.seq, id.seq, key)),
        }
        true
    }

    /// Whether any key signed `id`.
    fn is_signed(&self, id: EventId) -> bool {
        self.runs.get(&id.replica).is_some_and(|runs| {
            runs.iter()
                .any(|(first, last, _)| (*first..=*last).contains(&id.seq))
        })
    }

    fn signers(&self, id: EventId, into: &mut Vec<DeviceKey>) {
        into.clear();
        if let Some(runs) = self.runs.get(&id.replica) {
            into.extend(
                runs.iter()
                    .filter(|(first, last, _)| (*first..=*last).contains(&id.seq))
                    .map(|(_, _, key)| *key),
            );
        }
    }
}

/// How the journal decides which events count.
#[derive(Clone, Debug, Default)]
enum Trust {
    /// Every event counts, as an organizer's.
    #[default]
    Open,
    /// An event counts when a key with the authority for it signed it.
    Community {
        keyring: Keyring,
        provenance: Provenance,
        kept_aside: Vec<KeptAside>,
    },
}

#[derive(Clone, Debug, Default)]
pub struct Journal {
    /// Every event, sorted by [`Event::order_key`]: a cold load sorts once and folds
    /// straight through, and new events almost always belong at the end.
    events: Vec<Event>,
    keys: HashMap<EventId, OrderKey>,
    state: State,
    clock: Clock,
    trust: Trust,
}

impl Journal {
    /// The journal of `community`: events count only with a signature that has the
    /// authority for them.
    /// A journal of no community yet (`None`) counts no event at all.
    pub fn of_community(community: Option<CommunityId>) -> Journal {
        Journal {
            trust: Trust::Community {
                keyring: community.map(Keyring::new).unwrap_or_default(),
                provenance: Provenance::default(),
                kept_aside: Vec::new(),
            },
            ..Journal::default()
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// The community's keyring; `None` for a journal that trusts every event.
    pub fn keyring(&self) -> Option<&Keyring> {
        match &self.trust {
            Trust::Open => None,
            Trust::Community { keyring, .. } => Some(keyring),
        }
    }

    /// Events that are stored but do not count, with the reason, in the total order.
    pub fn kept_aside(&self) -> &[KeptAside] {
        match &self.trust {
            Trust::Open => &[],
            Trust::Community { kept_aside, .. } => kept_aside,
        }
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Every event in the total order.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.iter()
    }

    pub fn contains(&self, id: EventId) -> bool {
        self.keys.contains_key(&id)
    }

    /// The event named `id`, if known.
    pub fn event(&self, id: EventId) -> Option<&Event> {
        let key = self.keys.get(&id)?;
        self.events
            .binary_search_by_key(key, Event::order_key)
            .ok()
            .and_then(|i| self.events.get(i))
    }

    /// The replicas `key` signed events of, each with the highest sequence number
    /// signed: what a revocation accepts.
    pub fn signed_by(&self, key: &DeviceKey) -> Vec<(ReplicaId, u32)> {
        let Trust::Community { provenance, .. } = &self.trust else {
            return Vec::new();
        };
        let mut signed: Vec<(ReplicaId, u32)> = provenance
            .runs
            .iter()
            .filter_map(|(replica, runs)| {
                runs.iter()
                    .filter(|(_, _, k)| k == key)
                    .map(|(_, last, _)| *last)
                    .max()
                    .map(|last| (*replica, last))
            })
            .collect();
        signed.sort_unstable();
        signed
    }

    /// What a revocation of `key` accepts: [`Journal::signed_by`], and the content
    /// digest of each event below that line this journal holds from `key`'s replicas.
    pub fn accepted_from(&self, key: &DeviceKey) -> (Vec<(ReplicaId, u32)>, Digests) {
        let accepted = self.signed_by(key);
        let digests = self
            .events
            .iter()
            .filter(|e| {
                accepted
                    .iter()
                    .any(|&(replica, last)| e.id.replica == replica && e.id.seq <= last)
            })
            .map(|e| (e.id, content_digest(e)))
            .collect();
        (accepted, digests)
    }

    /// The role `key` has for a new event of `replica`, when it is enrolled.
    pub fn role_of(&self, key: &DeviceKey, replica: ReplicaId) -> Option<Role> {
        match &self.trust {
            Trust::Open => Some(Role::Organizer),
            Trust::Community { keyring, .. } => {
                keyring.role_for(key, EventId::new(replica, u32::MAX)).ok()
            }
        }
    }

    /// Checks `action` as a new action by this replica and, if it passes, makes the event
    /// for it: stamped by the clock, named `replica`/`seq`. The journal is unchanged until
    /// the event is merged (after it has been stored).
    pub fn prepare(
        &mut self,
        replica: ReplicaId,
        seq: u32,
        wall: Timestamp,
        action: Action,
    ) -> Result<Event, DomainError> {
        self.state.check_new(&action, self.clock.peek(wall))?;
        Ok(Event {
            id: EventId::new(replica, seq),
            at: self.clock.stamp(wall),
            action,
        })
    }

    /// Whether `signer` may write `event` (made by [`Journal::prepare`]): the rules of
    /// authority the fold will apply, asked before anything is written.
    pub fn authorize_new(&self, signer: &DeviceKey, event: &Event) -> Result<(), Refusal> {
        let Trust::Community { keyring, .. } = &self.trust else {
            return Ok(());
        };
        let mut trial = keyring.clone();
        if trial.observe(event, std::slice::from_ref(signer)) {
            return match trial.refused().last() {
                Some((id, refusal)) if *id == event.id => Err(refusal.clone()),
                _ => Ok(()),
            };
        }
        keyring
            .role_for(signer, event.id)
            .and_then(|role| permits(role, &event.action, &self.state))
    }

    /// Adds events by set union, as unsigned ones.
    pub fn merge(&mut self, incoming: impl IntoIterator<Item = Event>) -> Merged {
        self.merge_batches(vec![Batch {
            signer: None,
            events: incoming.into_iter().collect(),
        }])
    }

    /// Adds events by set union, with who signed them. Events that sort after
    /// everything known are folded in directly; an earlier one (from another tab or an
    /// import), a trust action, or a signature for an event known before refolds the
    /// state from the start, so the result never depends on arrival order.
    pub fn merge_batches(&mut self, batches: Vec<Batch>) -> Merged {
        let mut merged = Merged::default();
        let total: usize = batches.iter().map(|b| b.events.len()).sum();
        let mut fresh: Vec<Event> = Vec::with_capacity(total);
        self.keys.reserve(total);
        let mut refold = false;
        let mut resort = false;
        for batch in batches {
            for event in batch.events {
                let Some(&key) = self.keys.get(&event.id) else {
                    if let (Some(key), Trust::Community { provenance, .. }) =
                        (batch.signer, &mut self.trust)
                    {
                        provenance.note(event.id, key);
                    }
                    self.clock.observe(event.at);
                    self.keys.insert(event.id, event.order_key());
                    merged.ids.push(event.id);
                    fresh.push(event);
                    continue;
                };
                // Known before this merge, or earlier in this same batch (rare: a file
                // that holds an event twice).
                let folded = self.events.binary_search_by_key(&key, Event::order_key);
                let kept = match folded {
                    Ok(i) => self.events.get(i),
                    Err(_) => fresh.iter().find(|e| e.id == event.id),
                };
                let Some(kept) = kept else {
                    continue;
                };
                if *kept == event {
                    merged.known += 1;
                    if let (Some(key), Trust::Community { provenance, .. }) =
                        (batch.signer, &mut self.trust)
                        && provenance.note(event.id, key)
                    {
                        // A signature for an event folded before: it may count now.
                        refold = true;
                    }
                    continue;
                }
                // Other content under a known id. A signature vouches for the content
                // it was made over, never for an id: a copy no key signed gives way to a
                // signed one; otherwise the first copy stays and the other is reported.
                let replace = match (&self.trust, batch.signer) {
                    (Trust::Community { provenance, .. }, Some(_)) => {
                        !provenance.is_signed(event.id)
                    }
                    _ => false,
                };
                if !replace {
                    merged.conflicts.push(IdConflict {
                        kept: kept.clone(),
                        refused: event,
                    });
                    continue;
                }
                merged.conflicts.push(IdConflict {
                    kept: event.clone(),
                    refused: kept.clone(),
                });
                if let (Some(key), Trust::Community { provenance, .. }) =
                    (batch.signer, &mut self.trust)
                {
                    provenance.note(event.id, key);
                }
                self.clock.observe(event.at);
                self.keys.insert(event.id, event.order_key());
                match folded {
                    Ok(i) => {
                        self.events[i] = event;
                        resort = true;
                        refold = true;
                    }
                    Err(_) => {
                        if let Some(slot) = fresh.iter_mut().find(|e| e.id == event.id) {
                            *slot = event;
                        }
                    }
                }
            }
        }
        merged.added = fresh.len();
        // Stable sort: each replica's events arrive as an ordered run, which it merges.
        fresh.sort_by_key(Event::order_key);
        let in_order = match (self.events.last(), fresh.first()) {
            (Some(last), Some(first)) => last.order_key() < first.order_key(),
            _ => true,
        };
        let trusted = matches!(self.trust, Trust::Community { .. })
            && fresh.iter().any(|e| Keyring::is_trust_action(&e.action));
        // When all of them sort after what is known (a load, a new action), only they
        // are folded; otherwise the state is folded again from the first event.
        let from = self.events.len();
        if self.events.is_empty() {
            self.events = fresh;
        } else {
            self.events.append(&mut fresh);
        }
        if !in_order || resort {
            self.events.sort_by_key(Event::order_key);
        }
        if !in_order || trusted || refold {
            merged.refolded = true;
            self.refold();
        } else {
            self.fold(from);
        }
        merged
    }

    /// Folds again from the first event: the keyring from the trust actions, then the
    /// state.
    fn refold(&mut self) {
        self.state = State::default();
        if let Trust::Community {
            keyring,
            provenance,
            kept_aside,
        } = &mut self.trust
        {
            *keyring = keyring.restarted();
            kept_aside.clear();
            let mut signers = Vec::new();
            for event in &self.events {
                provenance.signers(event.id, &mut signers);
                keyring.observe(event, &signers);
            }
        }
        self.fold(0);
    }

    /// Folds the events from index `from` on into the state, each if it counts.
    fn fold(&mut self, from: usize) {
        match &mut self.trust {
            Trust::Open => {
                for event in &self.events[from..] {
                    self.state.apply(event);
                }
            }
            Trust::Community {
                keyring,
                provenance,
                kept_aside,
            } => {
                let mut signers = Vec::new();
                for event in &self.events[from..] {
                    provenance.signers(event.id, &mut signers);
                    // Trust actions were judged by the keyring before the fold (any
                    // merge that brings one refolds).
                    let verdict = if Keyring::is_trust_action(&event.action) {
                        keyring.verdict(event.id)
                    } else {
                        keyring.authorize(&signers, event, &self.state)
                    };
                    match verdict {
                        Ok(()) => self.state.apply(event),
                        Err(refusal) => kept_aside.push(KeptAside {
                            event: event.id,
                            refusal,
                        }),
                    }
                }
            }
        }
    }
}
