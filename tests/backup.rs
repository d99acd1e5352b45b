//! Backup and import: set union of sealed segments, every segment verified, nothing
//! stored lost or changed, files of other communities and forgeries refused with the
//! reason, the first backup format still read (and adopted only by an organizer).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::devices::{Device, WALL, blank, enrol, founder, joining, key};
use common::{award, plan, profile};
use linli::domain::trust::{Refusal, Role};
use linli::domain::{Action, ActivityId, VolunteerId};
use linli::store::backup::{self, BackupError, Scope};
use linli::store::device::DeviceRecord;
use linli::store::exchange::{ExportError, ImportError};
use linli::store::seal::{self, Log, SealKey};
use linli::store::{Backend, MemoryBackend, SealRefusal, StoreError};

/// The founder's device with two volunteers and some points.
fn device(seed: u8, names: [&str; 2]) -> Device {
    let mut s = founder(seed);
    for name in names {
        let v = register(&mut s, name);
        s.act(award(v, 3, "巡逻"), WALL).unwrap();
    }
    s
}

fn register(s: &mut Device, name: &str) -> VolunteerId {
    VolunteerId(
        s.act(
            Action::RegisterVolunteer {
                profile: Box::new(profile(name)),
            },
            WALL,
        )
        .unwrap()
        .event
        .id,
    )
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

/// A second organizer device of `organizer`'s community, enrolled.
fn second_organizer(organizer: &mut Device, seed: u8) -> Device {
    let id = organizer.community().unwrap().id;
    let mut other = joining(id, seed, Role::Organizer);
    enrol(organizer, &mut other, Role::Organizer);
    other
}

#[test]
fn export_then_import_reproduces_the_state() {
    let mut a = device(1, ["王小明", "李四"]);
    // A new organizer device: it asked to be bound, and the organizer enrolled it.
    let mut fresh = joining(a.community().unwrap().id, 2, Role::Organizer);
    let (request, _) = fresh.sealed_segments(false, None);
    a.import_sealed(request).unwrap();
    a.act(
        Action::EnrolDevice {
            key: key(2).public(),
            role: Role::Organizer,
            label: "办公室电脑".into(),
        },
        WALL,
    )
    .unwrap();
    let (text, events) = a.export_file(Scope::Full, WALL).unwrap();
    assert_eq!(events, a.journal().len());
    let imported = fresh.import_file(&text).unwrap();
    assert_eq!(
        imported.report.added,
        a.journal().len() - 1,
        "all but its own request"
    );
    assert!(
        imported.report.refused.is_empty(),
        "{:?}",
        imported.report.refused
    );
    assert_eq!(fresh.journal().state(), a.journal().state());
    // And it was stored: a reload has it.
    let reloaded = linli::store::Store::open(
        fresh.backend().clone(),
        linli::store::Namespace::default(),
        || 7,
    );
    assert_eq!(reloaded.journal().state(), a.journal().state());
    // A device that is no organizer's takes in the community's log, never the details.
    let mut phone = blank(8);
    phone.join(a.community().unwrap().clone()).unwrap();
    let imported = phone.import_file(&text).unwrap();
    assert!(
        imported
            .report
            .refused
            .iter()
            .all(|r| r.reason == SealRefusal::OrganizersOnly && r.key.starts_with("linli/p/"))
    );
    assert_eq!(
        phone
            .journal()
            .state()
            .volunteers()
            .next()
            .unwrap()
            .profile
            .name,
        "王*明"
    );
    assert!(phone.backend().keys("linli/p/").unwrap().is_empty());
    assert_eq!(
        reloaded
            .journal()
            .state()
            .volunteers()
            .next()
            .unwrap()
            .profile
            .name,
        "王小明",
        "a full backup carries the personal details"
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let mut a = device(1, ["王小明", "李四"]);
    let mut b = second_organizer(&mut a, 2);
    register(&mut b, "赵六");
    let (text, _) = a.export_file(Scope::Full, WALL).unwrap();
    b.import_file(&text).unwrap();
    let stored = snapshot(b.backend());
    let state = b.journal().state().clone();
    let again = b.import_file(&text).unwrap();
    assert_eq!(again.report.added, 0);
    assert!(again.report.known > 0);
    assert_eq!(
        snapshot(b.backend()),
        stored,
        "nothing written the second time"
    );
    assert_eq!(b.journal().state(), &state);
}

#[test]
fn two_devices_backups_in_either_order_give_one_state() {
    let mut a = device(1, ["王小明", "李四"]);
    let mut b = second_organizer(&mut a, 2);
    register(&mut b, "赵六");
    register(&mut a, "钱七");
    let (file_a, _) = a.export_file(Scope::Full, WALL).unwrap();
    let (file_b, _) = b.export_file(Scope::Full, WALL).unwrap();
    let community = a.community().unwrap().clone();
    let mut one = blank(50);
    one.join(community.clone()).unwrap();
    one.import_file(&file_a).unwrap();
    one.import_file(&file_b).unwrap();
    let mut two = blank(60);
    two.join(community).unwrap();
    two.import_file(&file_b).unwrap();
    two.import_file(&file_a).unwrap();
    assert_eq!(one.journal().state(), two.journal().state());
    assert_eq!(one.journal().state().volunteers().count(), 4);
    assert!(one.journal().kept_aside().is_empty());
}

#[test]
fn importing_never_changes_what_was_stored() {
    let mut a = device(1, ["王小明", "李四"]);
    let mut b = second_organizer(&mut a, 2);
    register(&mut b, "赵六");
    register(&mut a, "钱七");
    let before = snapshot(b.backend());
    let (text, _) = a.export_file(Scope::Full, WALL).unwrap();
    b.import_file(&text).unwrap();
    let after = snapshot(b.backend());
    for (key, value) in before {
        let now = after.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        // A copy of another device's segment may be replaced by a longer copy of
        // itself; everything else is untouched.
        if let Some(sealed) = SealKey::parse("linli", &key) {
            let held = seal::read(sealed, &value[2..]).unwrap().decoded.events;
            let holds = seal::read(sealed, &now.unwrap()[2..])
                .unwrap()
                .decoded
                .events;
            assert!(holds.starts_with(&held), "{key}");
        } else {
            assert_eq!(now, Some(&value), "{key}");
        }
    }
}

#[test]
fn a_file_of_another_community_is_refused_whole() {
    let a = device(1, ["王小明", "李四"]);
    let mut other = device(9, ["赵六", "钱七"]);
    let before = snapshot(other.backend());
    let (text, _) = a.export_file(Scope::Full, WALL).unwrap();
    assert!(matches!(
        other.import_file(&text),
        Err(ImportError::OtherCommunity(c)) if c.name == "幸福社区"
    ));
    assert_eq!(snapshot(other.backend()), before);
    // A device of no community is asked to join first.
    assert!(matches!(
        blank(5).import_file(&text),
        Err(ImportError::NoCommunity(_))
    ));
}

#[test]
fn a_changed_character_makes_its_segment_count_for_nothing() {
    let a = device(1, ["王小明", "李四"]);
    let (text, _) = a.export_file(Scope::Public, WALL).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let segments = file["segments"].as_object_mut().unwrap();
    let (name, segment) = segments
        .iter_mut()
        .find(|(k, _)| k.starts_with("s/"))
        .unwrap();
    let name = name.clone();
    let mut chars: Vec<char> = segment.as_str().unwrap().chars().collect();
    let at = chars.len() / 2;
    chars[at] = if chars[at] == '一' { '二' } else { '一' };
    *segment = serde_json::Value::String(chars.into_iter().collect());
    let mut fresh = blank(3);
    fresh.join(a.community().unwrap().clone()).unwrap();
    let imported = fresh.import_file(&file.to_string()).unwrap();
    let refused: Vec<_> = imported
        .report
        .refused
        .iter()
        .map(|r| (r.key.clone(), r.reason))
        .collect();
    // Either it no longer reads at all, or its seal does not verify.
    if refused.is_empty() {
        assert!(
            fresh
                .report()
                .unreadable
                .iter()
                .any(|u| u.key == format!("linli/{name}")),
            "the damage is reported"
        );
    } else {
        assert_eq!(
            refused,
            [(format!("linli/{name}"), SealRefusal::BadSignature)]
        );
    }
    assert!(fresh.journal().state().volunteers().count() < 2 || fresh.journal().is_empty());
}

#[test]
fn a_forged_award_counts_nowhere() {
    // The attacker holds a real community's file and a key of their own, and adds a
    // segment awarding 10,000 points, sealed by that key.
    let a = device(1, ["王小明", "李四"]);
    let wang = a.journal().state().volunteers().next().unwrap().id;
    let (text, _) = a.export_file(Scope::Public, WALL).unwrap();
    let thief = key(66);
    let community = a.community().unwrap().id;
    let replica = seal::derive_replica(&thief.public(), 1);
    let forged = linli::domain::Event {
        id: linli::domain::EventId::new(replica, 1),
        at: WALL.plus_minutes(5),
        action: award(wang, 10_000, "奖励"),
    };
    let key = SealKey {
        log: Log::Public,
        replica,
        index: 0,
    };
    let sealed = seal::seal(&thief, community, key, 1, &[forged]).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["segments"][format!("s/{replica}/0")] = serde_json::Value::String(sealed);
    let mut target = blank(4);
    target.join(a.community().unwrap().clone()).unwrap();
    let imported = target.import_file(&file.to_string()).unwrap();
    assert_eq!(
        imported
            .report
            .refused
            .iter()
            .map(|r| r.reason)
            .collect::<Vec<_>>(),
        [SealRefusal::UnknownKey],
        "a key the community does not know"
    );
    assert_eq!(
        target.journal().state().balance(wang),
        a.journal().state().balance(wang)
    );
}

/// A segment whose key is not known yet (a phone's sign-up, taken in before the
/// organizer's enrolment of that phone, as live sync may bring them) is refused for
/// now, and counts as soon as an import brings the enrolment: it is not asked for again.
#[test]
fn a_segment_taken_in_before_its_signers_enrolment_counts_once_the_enrolment_is() {
    let mut organizer = device(1, ["王小明", "李四"]);
    let wang = organizer.journal().state().volunteers().next().unwrap().id;
    let activity = ActivityId(
        organizer
            .act(
                Action::CreateActivity {
                    plan: Box::new(plan("敬老院探访")),
                },
                WALL,
            )
            .unwrap()
            .event
            .id,
    );
    let community = organizer.community().unwrap().clone();
    // Bound without a request: the organizer's device read the phone's key.
    let mut phone = blank(7);
    phone.join(community.clone()).unwrap();
    phone.set_device(DeviceRecord::plain(&key(7))).unwrap();
    organizer
        .act(
            Action::EnrolDevice {
                key: key(7).public(),
                role: Role::Volunteer(wang),
                label: "手机".into(),
            },
            WALL,
        )
        .unwrap();
    phone
        .import_sealed(organizer.sealed_segments(false, None).0)
        .unwrap();
    let signup = phone
        .act(
            Action::SignUp {
                activity,
                volunteer: wang,
            },
            WALL,
        )
        .unwrap()
        .event;

    let mut other = blank(8);
    other.join(community).unwrap();
    let early = other
        .import_sealed(phone.sealed_segments(false, Some(key(7).public())).0)
        .unwrap();
    assert_eq!(
        early.refused.iter().map(|r| r.reason).collect::<Vec<_>>(),
        [SealRefusal::UnknownKey]
    );
    assert!(other.journal().is_empty());
    let later = other
        .import_sealed(organizer.sealed_segments(false, None).0)
        .unwrap();
    assert!(later.refused.is_empty(), "{later:?}");
    assert!(later.ids.contains(&signup.id), "{later:?}");
    assert_eq!(other.journal().event(signup.id), Some(&signup));
    assert!(other.journal().kept_aside().is_empty());
    assert!(other.report().refused.is_empty(), "{:?}", other.report());
}

#[test]
fn a_volunteer_phone_cannot_award_points_and_its_forgery_is_kept_aside() {
    let mut organizer = device(1, ["王小明", "李四"]);
    let wang = organizer.journal().state().volunteers().next().unwrap().id;
    let id = organizer.community().unwrap().id;
    let mut phone = joining(id, 7, Role::Volunteer(wang));
    enrol(&mut organizer, &mut phone, Role::Volunteer(wang));
    assert_eq!(phone.role(), Some(Role::Volunteer(wang)));
    // The app refuses before writing anything.
    assert_eq!(
        phone.act(award(wang, 10_000, "奖励"), WALL).unwrap_err(),
        linli::store::ActError::Refused(Refusal::NotAllowed(Role::Volunteer(wang)))
    );
    // A phone whose app was changed to write it anyway: sealed by the phone's own
    // key, it reaches the organizer and is kept aside, never credited.
    let replica = seal::derive_replica(&key(7).public(), 99);
    let forged = linli::domain::Event {
        id: linli::domain::EventId::new(replica, 1),
        at: WALL.plus_minutes(9),
        action: award(wang, 10_000, "奖励"),
    };
    let at = SealKey {
        log: Log::Public,
        replica,
        index: 0,
    };
    let text = seal::seal(&key(7), id, at, 99, std::slice::from_ref(&forged)).unwrap();
    let before = organizer.journal().state().balance(wang);
    let report = organizer
        .import_sealed(vec![(at.to_key("linli"), text)])
        .unwrap();
    assert_eq!(report.added, 1, "kept");
    assert_eq!(organizer.journal().state().balance(wang), before);
    assert_eq!(
        organizer
            .journal()
            .kept_aside()
            .last()
            .map(|k| (k.event, k.refusal.clone())),
        Some((forged.id, Refusal::NotAllowed(Role::Volunteer(wang))))
    );
}

#[test]
fn only_an_organizer_exports_the_whole_log() {
    let mut organizer = device(1, ["王小明", "李四"]);
    let wang = organizer.journal().state().volunteers().next().unwrap().id;
    let id = organizer.community().unwrap().id;
    let mut phone = joining(id, 7, Role::Volunteer(wang));
    enrol(&mut organizer, &mut phone, Role::Volunteer(wang));
    assert_eq!(
        phone.export_file(Scope::Full, WALL).unwrap_err(),
        ExportError::NotAllowed
    );
    assert_eq!(
        phone.export_file(Scope::Public, WALL).unwrap_err(),
        ExportError::NotAllowed
    );
    let (own, _) = phone.export_file(Scope::Own, WALL).unwrap();
    assert!(!own.contains("\"p/"), "no organizer-only segment");
    // What the phone holds: no one's phone number or full name.
    for (key, value) in snapshot(phone.backend()) {
        assert!(!key.contains("/p/"), "{key}");
        for secret in ["13800000000", "王小明", "李四"] {
            assert!(!value.contains(secret), "{key} holds {secret}");
        }
    }
    let (full, _) = organizer.export_file(Scope::Full, WALL).unwrap();
    assert!(full.contains("\"p/"));
}

#[test]
fn files_that_are_not_backups_are_refused_with_the_reason() {
    assert!(matches!(
        backup::parse("不是文件", "linli"),
        Err(BackupError::NotJson(_))
    ));
    assert_eq!(backup::parse("{}", "linli"), Err(BackupError::NotABackup));
    assert_eq!(
        backup::parse("[1,2]", "linli"),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        backup::parse(r#"{"format":"linli-backup","version":1}"#, "linli"),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        backup::parse(
            r#"{"format":"linli-backup","version":7,"events":[]}"#,
            "linli"
        ),
        Err(BackupError::NewerVersion(7))
    );
}

#[test]
fn a_full_storage_midway_keeps_what_was_written_and_says_what_was_not() {
    let mut big = founder(1);
    let v = register(&mut big, "王小明");
    for _ in 0..599 {
        big.act(award(v, 1, "巡逻"), WALL).unwrap();
    }
    let (text, _) = big.export_file(Scope::Public, WALL).unwrap();
    let backend = MemoryBackend::default();
    let mut s =
        linli::store::Store::open(backend.clone(), linli::store::Namespace::default(), || 3);
    s.join(big.community().unwrap().clone()).unwrap();
    // Room for a segment or two, not all of them.
    let used = backend.used();
    backend.set_quota(Some(used + 3_000));
    let report = s.import_file(&text).unwrap().report;
    assert_eq!(report.failure, Some(StoreError::QuotaExceeded));
    assert!(report.not_stored > 0);
    backend.set_quota(None);
    let rest = s.import_file(&text).unwrap().report;
    assert!(rest.failure.is_none());
    let balance = |d: &Device| d.journal().state().balance(v);
    assert_eq!(balance(&s), balance(&big));
    let reloaded = linli::store::Store::open(backend, linli::store::Namespace::default(), || 4);
    assert_eq!(balance(&reloaded), balance(&big));
}

#[test]
fn a_backup_cannot_carry_the_pin_or_preferences() {
    let mut s = founder(1);
    s.backend()
        .set(
            "linli/prefs",
            r#"{"pin":{"salt":"00","rounds":1,"hash":"keep"}}"#,
        )
        .unwrap();
    let text = r#"{"format":"linli-backup","version":1,"prefs":{"pin":null},"events":[]}"#;
    s.import_file(text).unwrap();
    let (text, _) = s.export_file(Scope::Full, WALL).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["segments"]["prefs"] = serde_json::Value::String("{}".into());
    file["prefs"] = serde_json::json!({"pin": null});
    let _ = s.import_file(&file.to_string());
    assert_eq!(
        s.backend().get("linli/prefs").unwrap().as_deref(),
        Some(r#"{"pin":{"salt":"00","rounds":1,"hash":"keep"}}"#)
    );
}

#[test]
fn backup_format_1_is_read_and_counts_only_once_an_organizer_adopts_it() {
    let path = format!(
        "{}/tests/fixtures/backup-1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut s = founder(1);
    let imported = s.import_file(&text).unwrap();
    assert!(imported.rejected.is_empty(), "{:?}", imported.rejected);
    assert_eq!(imported.report.unsigned, 4);
    assert_eq!(imported.report.added, 0, "unsigned events are not imported");
    let wang: VolunteerId = "a1-1".parse().unwrap();
    assert!(s.journal().state().volunteer(wang).is_none());
    let adopted = s.adopt_events(imported.unsigned, WALL).unwrap();
    assert_eq!(adopted.events, 4);
    assert_eq!(s.journal().state().balance(wang).to_string(), "5");
    assert_eq!(
        s.journal().state().volunteer(wang).unwrap().profile.name,
        "王小明"
    );
    assert!(s.journal().state().rejected().is_empty());
    assert!(s.journal().kept_aside().is_empty());
}

#[test]
fn bad_records_of_a_first_format_file_are_reported_one_by_one() {
    let text = r#"{"format":"linli-backup","version":1,"events":[
        {"id":"a-1","at":1795222800000,"action":{"t":"register_volunteer","profile":{"name":"王小明"}}},
        {"id":"a-2","at":1795222800001,"action":{"t":"teleport"}},
        {"id":"a-0","at":1795222800002,"action":{"t":"award_points","volunteer":"a-1","points":100,"reason":"x"}},
        {"at":1795222800003},
        {"id":"a-3","at":1795222800004,"action":{"t":"award_points","volunteer":"a-1","points":100,"reason":"巡逻"}}
    ]}"#;
    let mut s = founder(1);
    let imported = s.import_file(text).unwrap();
    assert_eq!(imported.unsigned.len(), 2);
    let rejected: Vec<_> = imported
        .rejected
        .iter()
        .map(|r| (r.index, r.id.clone()))
        .collect();
    assert_eq!(
        rejected,
        [(1, Some("a-2".into())), (2, Some("a-0".into())), (3, None)]
    );
    assert!(imported.rejected.iter().all(|r| !r.reason.is_empty()));
}

/// The JavaScript API's import cannot adopt a first-format file: it counts the records,
/// reads none (so JSON's reader of actions stays out of the app's first module) and
/// imports none; a version-2 file imports as it would in the app.
#[test]
fn the_hosts_import_counts_a_first_format_files_records_without_reading_them() {
    let text = r#"{"format":"linli-backup","version":1,"events":[
        {"id":"a-1","at":1795222800000,"action":{"t":"register_volunteer","profile":{"name":"王小明"}}},
        {"id":"a-2","at":1795222800001,"action":{"t":"teleport"}},
        {"at":1795222800003}
    ]}"#;
    let mut s = founder(1);
    let before = s.journal().state().clone();
    let counted = s.import_file_counting(text).unwrap();
    assert_eq!(counted.report.unsigned, 3);
    assert_eq!(counted.report.added, 0);
    assert!(counted.unsigned.is_empty() && counted.rejected.is_empty());
    assert_eq!(s.journal().state(), &before);
    for bad in ["不是文件", "{}", r#"{"format":"linli-backup","version":1}"#] {
        assert_eq!(
            s.import_file_counting(bad).unwrap_err(),
            s.import_file(bad).unwrap_err(),
            "{bad}"
        );
    }

    let a = device(1, ["王小明", "李四"]);
    let id = a.community().unwrap().id;
    let (file, _) = a.export_file(Scope::Full, WALL).unwrap();
    let mut counting = joining(id, 2, Role::Organizer);
    let mut reading = joining(id, 2, Role::Organizer);
    let (a, b) = (
        counting.import_file_counting(&file).unwrap(),
        reading.import_file(&file).unwrap(),
    );
    assert_eq!(a.report.added, b.report.added);
    assert!(a.report.added > 0);
    assert_eq!(counting.journal().state(), reading.journal().state());
}

/// A file holding segments this device wrote itself (an organizer's backup that took in
/// its request): the same text counts as known, never silently skipped; a changed copy
/// of one is refused with a reason, and nothing changes.
#[test]
fn this_devices_own_segments_in_a_file_are_known_or_refused() {
    let mut a = founder(1);
    let id = a.community().unwrap().id;
    register(&mut a, "王小明");
    let mut b = joining(id, 2, Role::Organizer);
    let (segments, _) = b.sealed_segments(true, None);
    a.import_sealed(segments).unwrap();
    a.act(
        Action::EnrolDevice {
            key: b.device_key().unwrap(),
            role: Role::Organizer,
            label: "办公室电脑".into(),
        },
        WALL,
    )
    .unwrap();
    let (file, count) = a.export_file(Scope::Full, WALL).unwrap();
    let first = b.import_file(&file).unwrap().report;
    assert_eq!((first.added, first.known), (count - 1, 1), "{first:?}");
    let again = b.import_file(&file).unwrap().report;
    assert_eq!((again.added, again.known), (0, count));

    // The phone's own segment, one character changed.
    let own = format!(
        "s/{}/0",
        b.journal().events().last().map(|e| e.id.replica).unwrap()
    );
    let mut json: serde_json::Value = serde_json::from_str(&file).unwrap();
    let text = json["segments"][&own].as_str().unwrap().to_owned();
    assert!(!text.is_empty(), "the file holds {own}");
    let mut chars: Vec<char> = text.chars().collect();
    let middle = chars.len() / 2;
    chars[middle] = if chars[middle] == 'a' { 'b' } else { 'a' };
    json["segments"][&own] = serde_json::Value::String(chars.into_iter().collect());
    let before = b.journal().len();
    let tampered = b.import_file(&json.to_string()).unwrap().report;
    assert_eq!(
        tampered.refused.len() + tampered.unreadable.len(),
        1,
        "{tampered:?}"
    );
    assert_eq!(tampered.added, 0);
    assert_eq!(b.journal().len(), before);
    assert!(
        b.report().unreadable.is_empty(),
        "a file's text is not the device's storage"
    );
}
