//! The sample data generator (`src/sample`): deterministic, in the total order, and
//! every event accepted by the domain, with the planned numbers of people and things;
//! a community founded by the sample organizer, whose sealed segments a store opens
//! with every event counted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};

use linli::domain::journal::Batch;
use linli::domain::trust::{CommunityId, Role};
use linli::domain::{Action, Event, Journal, Points, ReplicaId, State, Timestamp, china_date};
use linli::sample::{self, DEFAULT_SEED, END, Plan, Size, Street};
use linli::store::seal::Log;
use linli::store::{Backend, MemoryBackend, Namespace, Store};

fn fold(events: &[Event]) -> State {
    let mut state = State::default();
    for event in events {
        state.apply(event);
    }
    state
}

/// How many of each action, by its serde name (`{"sign_up": {…}}`, or `{"t": "sign_up", …}`).
fn tags(events: &[Event]) -> BTreeMap<String, usize> {
    let mut tags = BTreeMap::new();
    for event in events {
        let value = serde_json::to_value(&event.action).unwrap();
        let map = value.as_object().unwrap();
        let tag = match map.get("t") {
            Some(tag) => tag.as_str().unwrap().to_owned(),
            None => map.keys().next().unwrap().clone(),
        };
        *tags.entry(tag).or_default() += 1;
    }
    tags
}

/// Every event accepted, the ledger at its planned size, every planned thing there.
fn check_size(size: Size) -> Vec<Event> {
    let events = sample::generate(size, DEFAULT_SEED);
    let plan = Plan::for_entries(size.entries());
    let state = fold(&events);
    assert_eq!(state.rejected(), &[], "every event passes State::check");
    assert_eq!(state.ledger().entries().len(), plan.entries);
    assert_eq!(state.volunteers().count() as u64, plan.volunteers);
    assert_eq!(state.units().count() as u64, plan.units);
    assert_eq!(state.activities().count() as u64, plan.activities);
    assert_eq!(state.projects().count() as u64, plan.projects);
    assert_eq!(state.wishes().count() as u64, plan.wishes);
    assert_eq!(state.perks().count() as u64, plan.perks);
    // The same through the journal, as the store loads it.
    let mut journal = Journal::default();
    let merged = journal.merge(events.iter().cloned());
    assert_eq!(merged.added, events.len());
    assert!(journal.state().rejected().is_empty());
    // And as a community's journal, every event signed by the organizer's key: the
    // founding comes first, and nothing is kept aside.
    let key = sample::organizer(DEFAULT_SEED).public();
    assert_eq!(
        events[0].action,
        Action::FoundCommunity {
            key,
            name: sample::COMMUNITY_NAME.to_owned()
        }
    );
    let mut journal = Journal::of_community(Some(CommunityId::founded_by(&key)));
    let merged = journal.merge_batches(vec![Batch {
        signer: Some(key),
        events: events.clone(),
    }]);
    assert_eq!(merged.added, events.len());
    assert_eq!(journal.kept_aside(), &[]);
    assert_eq!(journal.keyring().unwrap().refused(), &[]);
    assert!(journal.state().rejected().is_empty());
    assert_eq!(journal.state().ledger().entries().len(), plan.entries);
    assert_eq!(journal.role_of(&key, ReplicaId(1)), Some(Role::Organizer));
    // No personal detail travels in the community's log.
    assert!(
        events
            .iter()
            .filter(|e| !matches!(e.action, Action::RecordDetails { .. }))
            .all(|e| e.action.is_public())
    );
    events
}

#[test]
fn the_small_set_is_accepted_whole() {
    let events = check_size(Size::Small);
    assert!(events.len() > 1_000, "{} events", events.len());
}

#[test]
fn the_medium_set_is_accepted_whole_with_every_kind_of_action() {
    let events = check_size(Size::Medium);
    let tags = tags(&events);
    for tag in [
        "set_points_policy",
        "set_wish_policy",
        "register_volunteer",
        "update_volunteer",
        "register_unit",
        "award_points",
        "deduct_points",
        "reverse_entry",
        "award_unit_points",
        "create_activity",
        "update_activity",
        "sign_up",
        "join_waitlist",
        "cancel_signup",
        "assign_role",
        "check_in",
        "check_out",
        "mark_no_show",
        "confirm_service",
        "confirm_all",
        "create_perk",
        "redeem",
        "verify_voucher",
        "cancel_voucher",
        "create_project",
        "publish_project",
        "join_role",
        "assign_to_role",
        "approve_join",
        "pledge_to_need",
        "post_project_update",
        "start_project",
        "complete_project",
        "confirm_participation",
        "archive_project",
        "post_wish",
        "publish_wish",
        "reject_wish",
        "claim_wish",
        "release_wish",
        "fulfil_wish",
        "confirm_wish",
        "close_wish",
    ] {
        assert!(tags.contains_key(tag), "no {tag} in {tags:?}");
    }
    // Manual awards fill what the activities, shop, projects and wishes leave; they
    // are a large share but not most of the ledger.
    let awards = tags["award_points"];
    assert!((2_000..6_000).contains(&awards), "{awards} awards");
}

/// The stress size of DOMAIN.md, whole: about 5 s unoptimized, so it runs in the native
/// tier with the rest.
#[test]
fn the_stress_set_is_accepted_whole() {
    let events = check_size(Size::Stress);
    let plan = Plan::for_entries(100_000);
    assert_eq!(
        (
            plan.volunteers,
            plan.units,
            plan.activities,
            plan.projects,
            plan.wishes
        ),
        (2_000, 500, 500, 200, 1_000),
        "DOMAIN.md's stress size"
    );
    assert!(events.len() > 100_000);
}

#[test]
fn the_same_seed_gives_the_same_events_and_another_seed_others() {
    let a = sample::generate(Size::Entries(300), 7);
    let b = sample::generate(Size::Entries(300), 7);
    let c = sample::generate(Size::Entries(300), 8);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn events_come_in_their_total_order_from_many_sessions() {
    let events = sample::generate(Size::Small, DEFAULT_SEED);
    for pair in events.windows(2) {
        assert!(pair[0].order_key() < pair[1].order_key());
    }
    // Each replica numbers its events 1, 2, 3… without gaps, as a session does.
    let mut next: BTreeMap<ReplicaId, u32> = BTreeMap::new();
    for event in &events {
        let seq = next.entry(event.id.replica).or_insert(1);
        assert_eq!(event.id.seq, *seq, "{}", event.id);
        *seq += 1;
    }
    assert!(next.len() > 50, "{} sessions", next.len());
}

#[test]
fn the_years_end_at_the_end_of_2025_in_china_time() {
    let events = sample::generate(Size::Medium, DEFAULT_SEED);
    let first = events.first().unwrap().at;
    let last = events.last().unwrap().at;
    assert_eq!(china_date(first).0, 2024);
    assert!(last <= END, "{last:?}");
    assert_eq!(china_date(last), (2025, 12, 31));
    let years: BTreeSet<i32> = events.iter().map(|e| china_date(e.at).0).collect();
    assert_eq!(years, BTreeSet::from([2024, 2025]));
}

#[test]
fn names_places_and_texts_are_chinese_and_varied() {
    let events = sample::generate(Size::Small, DEFAULT_SEED);
    let state = fold(&events);
    let names: BTreeSet<&str> = state
        .volunteers()
        .map(|v| v.profile.name.as_str())
        .collect();
    assert!(names.len() as f64 > state.volunteers().count() as f64 * 0.8);
    for v in state.volunteers() {
        let p = &v.profile;
        assert!((2..=4).contains(&p.name.chars().count()), "{}", p.name);
        assert!(
            p.name
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        );
        assert!(p.phone.is_empty() || p.phone.len() == 11);
        assert!(
            p.grid.ends_with("网格") && p.building.ends_with("号楼"),
            "{p:?}"
        );
    }
    let units: BTreeSet<&str> = state.units().map(|u| u.profile.name.as_str()).collect();
    assert_eq!(units.len(), state.units().count(), "unit names are unique");
}

#[test]
fn sizes_read_as_people_write_them() {
    for (text, size) in [
        ("1k", Size::Small),
        ("10k", Size::Medium),
        ("100K", Size::Stress),
        ("2500", Size::Entries(2_500)),
        ("2.5k", Size::Entries(2_500)),
    ] {
        assert_eq!(text.parse::<Size>(), Ok(size), "{text}");
    }
    for text in ["", "k", "ten", "-1k", "1m"] {
        assert!(text.parse::<Size>().is_err(), "{text}");
    }
    assert_eq!(Size::Stress.to_string(), "100k");
    assert_eq!(Size::Entries(250).to_string(), "250");
}

/// The street as its organizer's device holds it: a store opened on its records and
/// sealed segments verifies every segment, counts every event, and can act at once.
#[test]
fn a_store_opens_the_sealed_street_with_every_event_counted() {
    let street = Street::new(Size::Small, DEFAULT_SEED);
    assert_eq!(street.events, sample::generate(Size::Small, DEFAULT_SEED));
    let ns = Namespace::default();
    let backend = MemoryBackend::default();
    let stored = street.stored(&ns).unwrap();
    assert_eq!(stored.len(), street.segments.len() + 3);
    for (key, text) in &stored {
        backend.set(key, text).unwrap();
    }
    let logs: BTreeSet<Log> = street.segments.iter().map(|s| s.key.log).collect();
    assert_eq!(logs, BTreeSet::from([Log::Public, Log::Private]));
    let held: usize = street.segments.iter().map(|s| s.positions.len()).sum();
    assert_eq!(held, street.events.len(), "every event in one segment");
    let mut store = Store::open(backend, ns, || 7);
    let report = store.report();
    assert_eq!(report.unreadable, vec![]);
    assert_eq!(report.refused, vec![]);
    assert_eq!(report.conflicts, vec![]);
    assert_eq!(report.segments, street.segments.len());
    assert_eq!(store.journal().len(), street.events.len());
    assert_eq!(store.journal().kept_aside(), &[]);
    assert_eq!(store.community(), Some(&street.community));
    assert_eq!(store.role(), Some(Role::Organizer));
    assert!(store.can_sign());
    let volunteer = store.journal().state().volunteers().next().unwrap().id;
    let before = store.journal().state().ledger().entries().len();
    let at = Timestamp(street.events.last().unwrap().at.0 + Timestamp::DAY);
    store
        .act(
            Action::AwardPoints {
                volunteer,
                points: Points::whole(1),
                reason: "测试".to_owned(),
            },
            at,
        )
        .unwrap();
    assert_eq!(store.journal().state().ledger().entries().len(), before + 1);
}

#[test]
fn the_same_seed_gives_the_same_sealed_street() {
    let a = Street::new(Size::Entries(300), 7);
    let b = Street::new(Size::Entries(300), 7);
    let ns = Namespace::default();
    assert_eq!(a.stored(&ns).unwrap(), b.stored(&ns).unwrap());
    assert_ne!(sample::organizer(7).public(), sample::organizer(8).public());
}
