//! The journal: the set of all known events, kept in their total order, and the state
//! folded from them. Merging is set union: adding an event twice changes nothing, and
//! the same set gives the same state whatever order its events arrived in.

use rustc_hash::FxHashMap as HashMap;

use super::error::DomainError;
use super::event::{Action, Clock, Event, OrderKey};
use super::id::{EventId, ReplicaId, Timestamp};
use super::state::State;

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
}

#[derive(Clone, Debug, Default)]
pub struct Journal {
    /// Every event, sorted by [`Event::order_key`]: a cold load sorts once and folds
    /// straight through, and new events almost always belong at the end.
    events: Vec<Event>,
    keys: HashMap<EventId, OrderKey>,
    state: State,
    clock: Clock,
}

impl Journal {
    pub fn state(&self) -> &State {
        &self.state
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

    /// Adds events by set union. Events that sort after everything known are folded
    /// in directly; an earlier one (from another tab or an import) refolds the state
    /// from the start, so the result never depends on arrival order.
    pub fn merge(&mut self, incoming: impl IntoIterator<Item = Event>) -> Merged {
        let mut merged = Merged::default();
        let incoming = incoming.into_iter();
        let mut fresh: Vec<Event> = Vec::with_capacity(incoming.size_hint().0);
        self.keys.reserve(incoming.size_hint().0);
        for event in incoming {
            if let Some(&key) = self.keys.get(&event.id) {
                // Known before this merge, or earlier in this same batch (rare: a file
                // that holds an event twice).
                let kept = match self.events.binary_search_by_key(&key, Event::order_key) {
                    Ok(i) => self.events.get(i),
                    Err(_) => fresh.iter().find(|e| e.id == event.id),
                };
                match kept {
                    Some(kept) if *kept == event => merged.known += 1,
                    Some(kept) => merged.conflicts.push(IdConflict {
                        kept: kept.clone(),
                        refused: event,
                    }),
                    None => {}
                }
                continue;
            }
            self.clock.observe(event.at);
            self.keys.insert(event.id, event.order_key());
            fresh.push(event);
        }
        merged.added = fresh.len();
        // Stable sort: each replica's events arrive as an ordered run, which it merges.
        fresh.sort_by_key(Event::order_key);
        let in_order = match (self.events.last(), fresh.first()) {
            (Some(last), Some(first)) => last.order_key() < first.order_key(),
            _ => true,
        };
        // When all of them sort after what is known (a load, a new action), only they
        // are folded; otherwise the state is folded again from the first event.
        let mut from = self.events.len();
        if self.events.is_empty() {
            self.events = fresh;
        } else {
            self.events.append(&mut fresh);
        }
        if !in_order {
            self.events.sort_by_key(Event::order_key);
            self.state = State::default();
            from = 0;
        }
        for event in &self.events[from..] {
            self.state.apply(event);
        }
        merged
    }
}
