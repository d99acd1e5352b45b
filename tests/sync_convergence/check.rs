//! The property's check: play the steps, let every device reconnect once, and compare
//! every device with devices that took every segment, or the honest ones, directly.

use std::cell::Cell;
use std::collections::BTreeSet;

use linli::domain::{EventId, Points, State, VolunteerId};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::common::devices::Device;
use crate::community::{Play, Step};
use crate::{LATE, NS, ORGANIZER, PHONES};

/// What any device shows of the state, whatever log it holds: balances, the ledger,
/// every activity's sign-ups and waitlist, projects, wishes, perks and vouchers, and
/// what was rejected.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    balances: Vec<(VolunteerId, Points)>,
    entries: usize,
    ledger: String,
    activities: String,
    projects: String,
    wishes: String,
    perks: String,
    vouchers: String,
    rejected: String,
}

pub fn shown(state: &State) -> Shown {
    Shown {
        balances: state
            .volunteers()
            .map(|v| (v.id, state.balance(v.id)))
            .collect(),
        entries: state.ledger().entries().len(),
        ledger: format!("{:?}", state.ledger().entries()),
        activities: format!("{:?}", state.activities().collect::<Vec<_>>()),
        projects: format!("{:?}", state.projects().collect::<Vec<_>>()),
        wishes: format!("{:?}", state.wishes().collect::<Vec<_>>()),
        perks: format!("{:?}", state.perks().collect::<Vec<_>>()),
        vouchers: format!("{:?}", state.vouchers().collect::<Vec<_>>()),
        rejected: format!("{:?}", state.rejected()),
    }
}

pub fn ids(device: &Device) -> BTreeSet<EventId> {
    device.journal().events().map(|e| e.id).collect()
}

pub fn kept_aside(device: &Device) -> BTreeSet<EventId> {
    device
        .journal()
        .kept_aside()
        .iter()
        .map(|k| k.event)
        .collect()
}

/// What the cases of one run did, to show that they reach what they are meant to.
#[derive(Default)]
pub struct Stats {
    pub cases: Cell<usize>,
    /// Cases where the devices did not all show the same before the last reconnection.
    pub diverged: Cell<usize>,
    pub acted: Cell<usize>,
    pub forged: Cell<usize>,
    pub injected: Cell<usize>,
    pub revoked: Cell<usize>,
    pub bound_late: Cell<usize>,
    pub delivered: Cell<usize>,
    pub twice: Cell<usize>,
    pub dropped: Cell<usize>,
    pub greetings: Cell<usize>,
    /// Honest segments that reached a device before their signer's enrolment did.
    pub early: Cell<usize>,
}

impl Stats {
    pub fn add(cell: &Cell<usize>, n: usize) {
        cell.set(cell.get() + n);
    }
}

/// Plays `steps`, settles, and checks every device against the direct ones.
pub fn check(steps: &[Step], in_order: bool, stats: &Stats) -> Result<(), TestCaseError> {
    let mut play = Play::new(in_order);
    for step in steps {
        play.run(step);
    }
    let greetings = play.net.greetings;
    let before: Vec<Shown> = (0..=PHONES)
        .filter(|d| play.bound[*d])
        .map(|d| shown(play.nodes[d].state()))
        .collect();
    Stats::add(
        &stats.diverged,
        usize::from(before.iter().any(|s| *s != before[0])),
    );
    play.settle();
    let bound: Vec<usize> = (0..=PHONES).filter(|d| play.bound[*d]).collect();
    prop_assert_eq!(
        play.net.greetings - greetings,
        2 * bound.len(),
        "one greeting each way"
    );
    Stats::add(&stats.cases, 1);
    Stats::add(&stats.acted, play.acted);
    Stats::add(&stats.forged, play.forged.len());
    Stats::add(&stats.injected, play.injected);
    Stats::add(&stats.revoked, usize::from(play.revoked));
    Stats::add(&stats.bound_late, usize::from(play.bound[LATE]));
    Stats::add(&stats.greetings, play.net.greetings);
    Stats::add(&stats.delivered, play.net.delivered);
    Stats::add(&stats.twice, play.net.twice);
    Stats::add(&stats.dropped, play.net.dropped);
    Stats::add(
        &stats.early,
        play.net.unknown.difference(&play.unknown_places).count(),
    );

    let server = play.net.server.entries();
    for &d in &bound {
        let doc = play.nodes[d].doc.entries();
        prop_assert!(doc == server, "device {}'s document is not the server's", d);
    }
    let all = play.all_segments();
    let honest: Vec<(String, String)> = all
        .iter()
        .filter(|(name, _)| !play.forged_places.contains(name.strip_prefix(NS).unwrap()))
        .cloned()
        .collect();
    // [the organizer's other browser, a device without a key]: what they show.
    let everything = [play.direct(true, all.clone()), play.direct(false, all)];
    let honest = [
        play.direct(true, honest.clone()),
        play.direct(false, honest),
    ];
    for class in 0..2 {
        // What was forged or injected changes no balance and no status.
        prop_assert_eq!(
            shown(everything[class].journal().state()),
            shown(honest[class].journal().state())
        );
        prop_assert!(everything[class].journal().state() == honest[class].journal().state());
        prop_assert_eq!(
            everything[class].journal().len(),
            honest[class].journal().len() + play.forged.len()
        );
    }
    // The forged awards verify (the phones' keys are known) and are kept aside.
    prop_assert!(play.forged.is_subset(&kept_aside(&everything[0])));
    let reference = shown(honest[1].journal().state());
    prop_assert_eq!(shown(everything[0].journal().state()), reference.clone());
    for &d in &bound {
        let node = &play.nodes[d];
        let direct = &everything[usize::from(d != ORGANIZER)];
        // Nothing lost, nothing doubled: the same events, each once.
        let (held, all) = (ids(&node.store), ids(direct));
        prop_assert!(
            held == all,
            "device {}: lacks {:?}, has more {:?}",
            d,
            all.difference(&held).collect::<Vec<_>>(),
            held.difference(&all).collect::<Vec<_>>()
        );
        prop_assert_eq!(node.store.journal().len(), direct.journal().len());
        // The authority rules hold here as on the direct device.
        prop_assert_eq!(kept_aside(&node.store), kept_aside(direct), "device {}", d);
        prop_assert!(play.forged.is_subset(&kept_aside(&node.store)));
        // Identical state: what every device shows, and all of it within a class.
        prop_assert_eq!(shown(node.state()), reference.clone(), "device {}", d);
        prop_assert!(node.state() == direct.journal().state(), "device {}", d);
    }
    Ok(())
}
