//! Arrival order: the same events, delivered in any order, in batches, and again.

use linli::domain::{Event, Journal};
use proptest::prelude::*;

use super::Replica;

/// Every event the replicas hold, once each.
pub fn all_events(replicas: &[Replica]) -> Vec<Event> {
    let mut union = Journal::default();
    for r in replicas {
        union.merge(r.journal.events().cloned());
    }
    union.events().cloned().collect()
}

/// `events` in an order drawn from `seed` (Fisher–Yates with a fixed generator, so a
/// failing case replays from its seed).
pub fn shuffled(events: &[Event], seed: u64) -> Vec<Event> {
    let mut out = events.to_vec();
    let mut rng = seed;
    for i in (1..out.len()).rev() {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.swap(i, (rng >> 33) as usize % (i + 1));
    }
    out
}

/// The fold does not depend on arrival order: the replicas' events merged at once, or
/// shuffled by `seed` and merged `batch` at a time (as tabs, imports and sync deliver
/// them), give one state; every replica that then merges them all agrees with it; and
/// merging them again adds nothing and changes nothing.
pub fn any_order_folds_alike(
    replicas: Vec<Replica>,
    seed: u64,
    batch: usize,
) -> Result<(), TestCaseError> {
    let events = all_events(&replicas);
    let mut in_order = Journal::default();
    in_order.merge(events.clone());
    let mut arrived = Journal::default();
    for part in shuffled(&events, seed).chunks(batch) {
        arrived.merge(part.iter().cloned());
    }
    prop_assert_eq!(in_order.state(), arrived.state());
    for r in replicas {
        let mut journal = r.journal;
        journal.merge(events.iter().cloned());
        prop_assert_eq!(journal.state(), in_order.state());
    }
    let before = in_order.state().clone();
    prop_assert_eq!(in_order.merge(events.clone()).added, 0);
    prop_assert_eq!(in_order.state(), &before);
    Ok(())
}

/// Replica `to` receives every event replica `from` holds: a sync one way (none when
/// they are the same replica).
pub fn deliver(replicas: &mut [Replica], from: u8, to: u8) {
    if from != to {
        let source: Vec<Event> = replicas[usize::from(from)]
            .journal
            .events()
            .cloned()
            .collect();
        replicas[usize::from(to)].journal.merge(source);
    }
}
