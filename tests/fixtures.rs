//! Every stored format ever shipped keeps loading. One fixture per format, in
//! tests/fixtures, with the state it must give.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use linli::domain::{EntryKind, Points, Timestamp, VolunteerId};
use linli::store::codec::{decode_segment, encode_segment};
use linli::store::device::DeviceRecord;
use linli::store::seal::Signer;
use linli::store::{Backend, MemoryBackend, Namespace, Store, prefs};

const WALL: Timestamp = Timestamp(1_795_400_000_000);

/// Opens a fixture's storage as the organizer's device does after the upgrade: the
/// events of formats 1 and 2 wait, unsigned, until the organizer founds the community
/// (with the device's PIN) and adopts them.
fn upgrade(backend: MemoryBackend, legacy: usize) -> Store<MemoryBackend> {
    let mut store = Store::open(backend, Namespace::default(), || 0xc3);
    assert_eq!(store.legacy_events(), legacy);
    assert!(store.journal().is_empty(), "unsigned events do not count");
    let signer = Signer::from_seed([5; 32]);
    let record = DeviceRecord::wrapped(&signer, "2468", b"fixture-salt", 10);
    store.found("幸福社区", signer, record, WALL).unwrap();
    let adopted = store.adopt_legacy(WALL).unwrap();
    assert_eq!(adopted.events, legacy);
    assert_eq!(store.legacy_events(), 0);
    assert!(
        store.backend().keys("linli/log/").unwrap().is_empty(),
        "legacy segments went"
    );
    assert!(
        store.journal().kept_aside().is_empty(),
        "{:?}",
        store.journal().kept_aside()
    );
    store
}

fn load(name: &str) -> MemoryBackend {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&text).unwrap();
    let items: BTreeMap<String, String> = serde_json::from_value(fixture["items"].clone()).unwrap();
    let backend = MemoryBackend::default();
    for (key, value) in items {
        backend.set(&key, &value).unwrap();
    }
    backend
}

#[test]
fn format_1_loads() {
    let backend = load("format-1.json");
    let loaded = prefs::load(&backend, "linli");
    let store = upgrade(backend.clone(), 6);
    let report = store.report();
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    assert_eq!(store.read_only(), None);
    let reloaded = Store::open(backend, Namespace::default(), || 9);
    assert_eq!(reloaded.journal().state(), store.journal().state());

    let state = store.journal().state();
    let wang: VolunteerId = "a1-1".parse().unwrap();
    let volunteer = state.volunteer(wang).unwrap();
    assert_eq!(volunteer.profile.name, "王晓明");
    assert_eq!(state.balance(wang), Points(350));
    assert!(state.rejected().is_empty());
    let kinds: Vec<_> = state
        .ledger()
        .entries()
        .iter()
        .map(|e| e.kind.clone())
        .collect();
    assert_eq!(kinds.len(), 4);
    assert!(matches!(kinds[2], EntryKind::Reversal { .. }));
    assert_eq!(loaded.prefs.me, Some(wang));
}

#[test]
fn format_2_loads() {
    let backend = load("format-2.json");
    let store = upgrade(backend.clone(), 12);
    let report = store.report();
    assert!(report.unreadable.is_empty(), "{:?}", report.unreadable);
    assert_eq!(store.read_only(), None);
    let reloaded = Store::open(backend, Namespace::default(), || 9);
    assert_eq!(reloaded.journal().state(), store.journal().state());

    let state = store.journal().state();
    assert!(state.rejected().is_empty());
    let wang: VolunteerId = "a1-1".parse().unwrap();
    assert_eq!(state.volunteer(wang).unwrap().profile.name, "王晓明");
    let credits: Vec<Points> = state
        .ledger()
        .entries()
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::ActivityCredit { .. }))
        .map(|e| e.points)
        .collect();
    assert_eq!(credits.len(), 1, "the activity's confirmed service");
    assert_eq!(state.balance(wang), Points(350 + credits[0].0 + 200));
    assert!(
        store.journal().contains("d4-7".parse().unwrap()),
        "the imported event"
    );
}

#[test]
fn format_2_is_written_byte_for_byte_as_it_was() {
    let backend = load("format-2.json");
    for key in backend.keys("linli/log/").unwrap() {
        let parsed = linli::store::SegmentKey::parse("linli", &key).unwrap();
        let stored = backend.get(&key).unwrap().unwrap();
        let events = decode_segment(parsed, &stored).unwrap().events;
        assert_eq!(
            encode_segment(parsed.replica, &events).unwrap(),
            stored,
            "{key}: the compact form changed; raise FORMAT and add a fixture"
        );
    }
}

/// Adoption removes a legacy segment once its events are sealed again, but never one
/// with a part that could not be read: that text stays as it was, reported, and its
/// readable events count once (adopted), not again as waiting.
#[test]
fn adoption_keeps_a_legacy_segment_it_could_not_read_whole() {
    let backend = MemoryBackend::default();
    let broken = r#"{"v":1,"r":"9","e":[[1,5,{"t":"award_po"#;
    backend.set("linli/log/9/0", broken).unwrap();
    let good =
        r#"{"v":1,"r":"a","e":[[1,7,{"t":"register_volunteer","profile":{"name":"李四"}}]]}"#;
    backend.set("linli/log/a/0", good).unwrap();
    let mut store = Store::open(backend.clone(), Namespace::default(), || 0xc4);
    assert_eq!(store.report().unreadable.len(), 1);
    assert_eq!(store.legacy_events(), 1);
    let signer = Signer::from_seed([6; 32]);
    store
        .found(
            "幸福社区",
            signer.clone(),
            DeviceRecord::plain(&signer),
            WALL,
        )
        .unwrap();
    assert_eq!(store.adopt_legacy(WALL).unwrap().events, 1);
    assert_eq!(
        backend.get("linli/log/9/0").unwrap().as_deref(),
        Some(broken)
    );
    assert_eq!(backend.get("linli/log/a/0").unwrap(), None);
    assert_eq!(store.report().unreadable.len(), 1);
    assert_eq!(store.legacy_events(), 0);

    // Read again: still reported, nothing waiting, the volunteer there once.
    let reopened = Store::open(backend, Namespace::default(), || 0xc5);
    assert_eq!(reopened.report().unreadable.len(), 1);
    assert_eq!(reopened.legacy_events(), 0);
    assert_eq!(reopened.journal().state().volunteers().count(), 1);
}

/// A format-1 segment is only checked when the store opens (its frame: version and
/// replica) and read when its events are needed: a bad row is reported once the
/// organizer adopts, its readable rows count as waiting before, and the segment, not
/// read whole, is kept as it was.
#[test]
fn a_format_1_segments_rows_are_read_when_an_organizer_needs_them() {
    let backend = MemoryBackend::default();
    let mixed = r#"{"v":1,"r":"b","e":[[1,7,{"t":"register_volunteer","profile":{"name":"李四"}}],[2,8,{"t":"teleport"}]]}"#;
    backend.set("linli/log/b/0", mixed).unwrap();
    let wrong_replica = r#"{"v":1,"r":"c","e":[]}"#;
    backend.set("linli/log/d/0", wrong_replica).unwrap();
    let mut store = Store::open(backend.clone(), Namespace::default(), || 0xc6);
    // The wrong frame is reported at once; the bad row of a good frame is not read yet.
    let unreadable: Vec<&str> = store
        .report()
        .unreadable
        .iter()
        .map(|u| u.key.as_str())
        .collect();
    assert_eq!(unreadable, ["linli/log/d/0"]);
    assert_eq!(store.legacy_events(), 1);
    let signer = Signer::from_seed([7; 32]);
    let record = DeviceRecord::plain(&signer);
    store.found("幸福社区", signer, record, WALL).unwrap();
    assert_eq!(store.adopt_legacy(WALL).unwrap().events, 1);
    let mut unreadable: Vec<&str> = store
        .report()
        .unreadable
        .iter()
        .map(|u| u.key.as_str())
        .collect();
    unreadable.sort_unstable();
    assert_eq!(unreadable, ["linli/log/b/0", "linli/log/d/0"]);
    assert_eq!(
        backend.get("linli/log/b/0").unwrap().as_deref(),
        Some(mixed)
    );
    assert_eq!(store.legacy_events(), 0);
    assert_eq!(store.journal().state().volunteers().count(), 1);
}
