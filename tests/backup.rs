//! Backup and import: set union, nothing stored lost or changed, bad records reported one
//! by one, every backup format ever shipped still imports.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{T0, award, profile};
use linli::domain::{Action, ReplicaId, VolunteerId};
use linli::store::backup::{self, BackupError};
use linli::store::codec::decode_segment;
use linli::store::{Backend, MemoryBackend, Namespace, SegmentKey, Store, StoreError};

fn store(backend: MemoryBackend, replica: u64) -> Store<MemoryBackend> {
    Store::open(backend, Namespace::default(), move || ReplicaId(replica))
}

/// A device with two volunteers and some points.
fn device(replica: u64, names: [&str; 2]) -> Store<MemoryBackend> {
    let mut s = store(MemoryBackend::default(), replica);
    for name in names {
        let v = VolunteerId(
            s.act(
                Action::RegisterVolunteer {
                    profile: Box::new(profile(name)),
                },
                T0,
            )
            .unwrap()
            .id,
        );
        s.act(award(v, 3, "巡逻"), T0).unwrap();
    }
    s
}

fn snapshot(backend: &MemoryBackend) -> Vec<(String, String)> {
    backend
        .keys("")
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = backend.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

#[test]
fn export_then_import_reproduces_the_state() {
    let a = device(0xa, ["王小明", "李四"]);
    let text = backup::export(a.journal(), "linli", T0);
    let parsed = backup::parse(&text).unwrap();
    assert!(parsed.rejected.is_empty());
    let mut fresh = store(MemoryBackend::default(), 0xf);
    let report = fresh.import(parsed.events).unwrap();
    assert_eq!((report.added, report.known, report.not_stored), (4, 0, 0));
    assert_eq!(fresh.journal().state(), a.journal().state());
    // And it was stored: a reload has it.
    let reloaded = store(fresh.backend().clone(), 0x10);
    assert_eq!(reloaded.journal().state(), a.journal().state());
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let a = device(0xa, ["王小明", "李四"]);
    let events = backup::parse(&backup::export(a.journal(), "linli", T0))
        .unwrap()
        .events;
    let mut b = device(0xb, ["赵六", "钱七"]);
    b.import(events.clone()).unwrap();
    let stored = snapshot(b.backend());
    let state = b.journal().state().clone();
    let again = b.import(events).unwrap();
    assert_eq!((again.added, again.known), (0, 4));
    assert_eq!(
        snapshot(b.backend()),
        stored,
        "nothing written the second time"
    );
    assert_eq!(b.journal().state(), &state);
}

#[test]
fn two_devices_backups_in_either_order_give_one_state() {
    let a = device(0xa, ["王小明", "李四"]);
    let b = device(0xb, ["赵六", "钱七"]);
    let file_a = backup::parse(&backup::export(a.journal(), "linli", T0)).unwrap();
    let file_b = backup::parse(&backup::export(b.journal(), "linli", T0)).unwrap();
    let mut one = store(MemoryBackend::default(), 1);
    one.import(file_a.events.clone()).unwrap();
    one.import(file_b.events.clone()).unwrap();
    let mut two = store(MemoryBackend::default(), 2);
    two.import(file_b.events).unwrap();
    two.import(file_a.events).unwrap();
    assert_eq!(one.journal().state(), two.journal().state());
    assert_eq!(one.journal().state().volunteers().count(), 4);
}

#[test]
fn importing_never_changes_what_was_stored() {
    let a = device(0xa, ["王小明", "李四"]);
    let mut b = device(0xb, ["赵六", "钱七"]);
    let before = snapshot(b.backend());
    b.import(
        backup::parse(&backup::export(a.journal(), "linli", T0))
            .unwrap()
            .events,
    )
    .unwrap();
    let after = snapshot(b.backend());
    for (key, value) in before {
        let now = after.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        // The open segment of this session grows (it still holds every event it
        // held); every other key is untouched.
        if let Some(segment) = SegmentKey::parse("linli", &key).filter(|k| k.replica.0 == 0xb) {
            let held = decode_segment(segment, &value).unwrap().events;
            let holds = decode_segment(segment, now.unwrap()).unwrap().events;
            assert!(holds.len() > held.len() && holds.starts_with(&held));
        } else {
            assert_eq!(now, Some(&value), "{key}");
        }
    }
}

#[test]
fn bad_records_are_reported_one_by_one_and_the_good_ones_import() {
    let text = r#"{"format":"linli-backup","version":1,"events":[
        {"id":"a-1","at":1795222800000,"action":{"t":"register_volunteer","profile":{"name":"王小明"}}},
        {"id":"a-2","at":1795222800001,"action":{"t":"teleport"}},
        {"id":"a-0","at":1795222800002,"action":{"t":"award_points","volunteer":"a-1","points":100,"reason":"x"}},
        {"at":1795222800003},
        {"id":"a-3","at":1795222800004,"action":{"t":"award_points","volunteer":"a-1","points":100,"reason":"巡逻"}}
    ]}"#;
    let parsed = backup::parse(text).unwrap();
    assert_eq!(parsed.events.len(), 2);
    let rejected: Vec<_> = parsed
        .rejected
        .iter()
        .map(|r| (r.index, r.id.clone()))
        .collect();
    assert_eq!(
        rejected,
        [(1, Some("a-2".into())), (2, Some("a-0".into())), (3, None)]
    );
    assert!(parsed.rejected.iter().all(|r| !r.reason.is_empty()));
    let mut s = store(MemoryBackend::default(), 9);
    let report = s.import(parsed.events).unwrap();
    assert_eq!(report.added, 2);
    let wang: VolunteerId = "a-1".parse().unwrap();
    assert_eq!(s.journal().state().balance(wang).to_string(), "1");
}

#[test]
fn files_that_are_not_backups_are_refused_with_the_reason() {
    assert!(matches!(
        backup::parse("不是文件"),
        Err(BackupError::NotJson(_))
    ));
    assert_eq!(backup::parse("{}"), Err(BackupError::NotABackup));
    assert_eq!(backup::parse("[1,2]"), Err(BackupError::NotABackup));
    assert_eq!(
        backup::parse(r#"{"format":"linli-backup","version":1}"#),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        backup::parse(r#"{"format":"linli-backup","version":7,"events":[]}"#),
        Err(BackupError::NewerVersion(7))
    );
}

#[test]
fn a_full_storage_midway_keeps_what_was_written_and_says_what_was_not() {
    let mut big = store(MemoryBackend::default(), 0xa);
    let v = VolunteerId(
        big.act(
            Action::RegisterVolunteer {
                profile: Box::new(profile("王小明")),
            },
            T0,
        )
        .unwrap()
        .id,
    );
    for _ in 0..599 {
        big.act(award(v, 1, "巡逻"), T0).unwrap();
    }
    let events = backup::parse(&backup::export(big.journal(), "linli", T0))
        .unwrap()
        .events;
    let backend = MemoryBackend::default();
    let mut s = store(backend.clone(), 0xb);
    // Room for the first segment of 256 events (about 2,300 characters), not all 600.
    backend.set_quota(Some(3_000));
    let report = s.import(events.clone()).unwrap();
    assert_eq!(report.failure, Some(StoreError::QuotaExceeded));
    assert!(report.added > 0 && report.not_stored > 0);
    assert_eq!(report.added + report.not_stored, 600);
    assert_eq!(
        s.journal().len(),
        report.added,
        "only what was stored is shown"
    );
    backend.set_quota(None);
    let rest = s.import(events).unwrap();
    assert_eq!(rest.added, report.not_stored);
    assert_eq!(s.journal().state(), big.journal().state());
}

#[test]
fn a_backup_cannot_carry_the_pin_or_preferences() {
    let backend = MemoryBackend::default();
    backend
        .set(
            "linli/prefs",
            r#"{"pin":{"salt":"00","rounds":1,"hash":"keep"}}"#,
        )
        .unwrap();
    let mut s = store(backend.clone(), 1);
    let text = r#"{"format":"linli-backup","version":1,"prefs":{"pin":null},"events":[]}"#;
    s.import(backup::parse(text).unwrap().events).unwrap();
    assert_eq!(
        backend.get("linli/prefs").unwrap().as_deref(),
        Some(r#"{"pin":{"salt":"00","rounds":1,"hash":"keep"}}"#)
    );
}

#[test]
fn backup_format_1_fixture_imports() {
    let path = format!(
        "{}/tests/fixtures/backup-1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let parsed = backup::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    let mut s = store(MemoryBackend::default(), 1);
    let report = s.import(parsed.events).unwrap();
    assert_eq!(report.added, 4);
    let wang: VolunteerId = "a1-1".parse().unwrap();
    assert_eq!(s.journal().state().balance(wang).to_string(), "5");
    assert!(s.journal().state().rejected().is_empty());
}
