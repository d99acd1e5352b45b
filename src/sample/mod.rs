//! Sample data for tests and benchmarks: a deterministic street (街道) of volunteers,
//! units, activities, perks, projects and micro-wishes over several years, as the
//! events that its organizers' sessions would have written.
//!
//! [`generate`] gives the same events for the same [`Size`] and seed, on every
//! platform (the random numbers come from [`rng`], not from a crate). The events are in
//! their total order and the domain accepts every one: folded in order, none is
//! rejected (`tests/sample.rs` checks it). They come from many replicas, one per
//! session: a pause of a few hours usually means a new tab or device.
//!
//! The street is a community, as the store keeps one: its first event founds it
//! (`FoundCommunity`) with the sample organizer's key, which the seed makes
//! ([`Street::signer`]); every session writes under a replica of that key with a fresh
//! nonce, and an action carrying personal details is split as `Store::act` splits it
//! (the masked public event, and the details in the session's organizer-only log).
//! [`Street`] gives the community and device records and every sealed segment, as the
//! organizer's device would have stored them.
//!
//! Sizes follow `DOMAIN.md`: [`Size::Stress`] is a street over four years (100,000
//! ledger entries, 2,000 volunteers, 500 units, 500 activities, 200 projects and
//! 1,000 wishes); smaller sizes scale the people and things down more slowly than the
//! entries ([`Plan::for_entries`]), so [`Size::Medium`] looks like one community over
//! two years. The ledger ends with exactly the planned number of entries, as long as
//! the activities, projects, shop and wishes leave room for the manual awards that
//! fill the rest.
//!
//! Nothing in the app calls this module, so the release build leaves it out.

pub mod rng;
mod text;
mod world;

mod activities;
mod people;
mod projects;
mod shop;
mod street;
mod wishes;

use std::fmt;
use std::str::FromStr;

use crate::domain::{Event, Timestamp};
use crate::store::seal::Signer;
pub use street::{Segment, Street};
use world::{Task, World};

/// The seed the benchmarks use, so every run measures the same data.
pub const DEFAULT_SEED: u64 = 0x4c69_6e6c_6921;

/// How much data: by ledger entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// About 1,000 ledger entries: one community's first year.
    Small,
    /// About 10,000: one community over two years.
    Medium,
    /// 100,000: the stress size of `DOMAIN.md`, a street over four years.
    Stress,
    /// Any number of ledger entries.
    Entries(usize),
}

impl Size {
    pub fn entries(self) -> usize {
        match self {
            Size::Small => 1_000,
            Size::Medium => 10_000,
            Size::Stress => 100_000,
            Size::Entries(n) => n,
        }
    }
}

/// `1k`, `10k`, `100k`, or a plain number of entries (`2500`, `2.5k`).
impl FromStr for Size {
    type Err = String;
    fn from_str(text: &str) -> Result<Size, String> {
        let text = text.trim().to_ascii_lowercase();
        let bad = || format!("“{text}” is not a size: say 1k, 10k, 100k or a number");
        let entries = match text.strip_suffix('k') {
            Some(thousands) => {
                let value: f64 = thousands.parse().map_err(|_| bad())?;
                if !(0.0..=10_000.0).contains(&value) {
                    return Err(bad());
                }
                (value * 1_000.0).round() as usize
            }
            None => text.parse().map_err(|_| bad())?,
        };
        Ok(match entries {
            1_000 => Size::Small,
            10_000 => Size::Medium,
            100_000 => Size::Stress,
            n => Size::Entries(n),
        })
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.entries();
        if n >= 1_000 && n.is_multiple_of(1_000) {
            write!(f, "{}k", n / 1_000)
        } else {
            write!(f, "{n}")
        }
    }
}

/// How many of each thing a dataset of a given size has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub entries: usize,
    pub volunteers: u64,
    pub units: u64,
    pub activities: u64,
    pub projects: u64,
    pub wishes: u64,
    pub perks: u64,
    pub years: u64,
}

impl Plan {
    /// The stress size's counts at 100,000 entries; below that they scale by
    /// (entries / 100,000)^0.7 and above it in proportion, and the years by the square
    /// root (1 at 1k, 2 at 10k, 4 at 100k).
    pub fn for_entries(entries: usize) -> Plan {
        let ratio = entries as f64 / 100_000.0;
        let scale = if ratio < 1.0 { ratio.powf(0.7) } else { ratio };
        let count = |stress: f64, least: u64| ((stress * scale).round() as u64).max(least);
        let years = ((4.0 * scale.sqrt()).round() as u64).clamp(1, 8);
        Plan {
            entries,
            volunteers: count(2_000.0, 20),
            units: count(500.0, 4),
            // At most two a day, so they never overlap (see `activities.rs`).
            activities: count(500.0, 2).min(years * 365 * 2 - 200),
            projects: count(200.0, 1),
            wishes: count(1_000.0, 3),
            perks: count(60.0, 3),
            years,
        }
    }
}

/// The simulated years end on 2026-01-01, 00:00 China time (UTC+8).
pub const END: Timestamp = Timestamp(1_767_196_800_000);

/// The community's name.
pub const COMMUNITY_NAME: &str = "幸福街道";

/// The events of a street of the given size, from the seed: the same every time. The
/// first founds the community (see [`organizer`]).
pub fn generate(size: Size, seed: u64) -> Vec<Event> {
    simulate(size, seed).0
}

/// The sample organizer's key, from the seed: the founder of the street, whose
/// sessions write every event. (A sample's key, made from a public seed: never a real
/// device's.)
pub fn organizer(seed: u64) -> Signer {
    let mut rng = rng::Rng::new(seed ^ 0x6f72_6761_6e69_7a65);
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_mut(8) {
        chunk.copy_from_slice(&rng.next_u64().to_le_bytes());
    }
    Signer::from_seed(bytes)
}

/// The events, and every replica the sessions wrote under (with its log and nonce).
fn simulate(size: Size, seed: u64) -> (Vec<Event>, Vec<street::Replica>) {
    let plan = Plan::for_entries(size.entries());
    let start = END.0 - plan.years * 365 * Timestamp::DAY;
    let mut world = World::new(plan, seed, start, END.0, organizer(seed).public());
    schedule(&mut world);
    world.run()
}

/// Plans the years: who registers when, every activity, perk, project and wish, and the
/// office's daily and monthly work.
fn schedule(world: &mut World) {
    let plan = world.plan;
    let days = world.days();
    // The organizer founds the community, then sets its policies.
    world.now = world.start + 9 * Timestamp::HOUR - Timestamp::MINUTE;
    world.found(COMMUNITY_NAME);
    world.at(world.start + 9 * Timestamp::HOUR, Task::Policies);
    for i in 0..plan.units {
        // Half the units register in the first three weeks, the rest over the years.
        let day = if i % 2 == 0 {
            world.rng.below(21)
        } else {
            world.rng.below(days)
        };
        let when = world.moment(day, 9, 17);
        world.at(when, Task::RegisterUnit);
    }
    for i in 0..plan.volunteers {
        let day = if i % 10 < 3 {
            world.rng.below(30)
        } else {
            world.rng.below(days)
        };
        let when = world.moment(day, 8, 20);
        world.at(when, Task::RegisterVolunteer);
    }
    for day in 0..days {
        let when = world.moment(day, 9, 17);
        world.at(when, Task::Office { day });
        let when = world.moment(day, 10, 20);
        world.at(when, Task::Shop { day });
    }
    for month in 0..days / 30 {
        let when = world.moment(month * 30 + 28, 14, 17);
        world.at(when, Task::UnitMonth { month });
    }
    activities::schedule(world);
    shop::schedule(world);
    projects::schedule(world);
    wishes::schedule(world);
}
