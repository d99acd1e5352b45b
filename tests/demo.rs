//! The demo community's file (`www/demo.json`): the sample street at [`SIZE`], as its
//! organizer's device stores it (`linli::store::demo`). The file is checked in and
//! served as it is; this test fails when it differs from what the generator gives now
//! (a change to the sample, the codec or the seal). To write it again:
//!
//! ```text
//! LINLI_WRITE_DEMO=1 cargo test --test demo
//! ```
//!
//! It also opens the installed demo as the app does: every event counts, the device is
//! the organizer's and signs without a PIN, and the real namespace is never touched.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use linli::domain::trust::Role;
use linli::sample::{DEFAULT_SEED, Size, Street};
use linli::store::demo::{self, DemoFile};
use linli::store::{Backend, MemoryBackend, Namespace, Store};

/// Enough for every screen to show something (34 volunteers, 9 units, 9 activities,
/// 3 projects, 17 wishes, 3 perks, 825 events), at 105 kB raw, 58 kB brotli. A year of
/// it (`Size::Small`, 1,000 entries) would be 239 kB raw, 129 kB brotli, more than the
/// app itself, for the same screens with longer lists.
const SIZE: Size = Size::Entries(300);

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("www")
        .join(demo::FILE)
}

fn generated() -> (Street, DemoFile) {
    let street = Street::new(SIZE, DEFAULT_SEED);
    let ns = Namespace::demo();
    let file = DemoFile::from_stored(&ns, street.stored(&ns).unwrap());
    (street, file)
}

#[test]
fn the_checked_in_demo_is_what_the_generator_gives() {
    let (_, file) = generated();
    let text = file.to_text().unwrap();
    if std::env::var_os("LINLI_WRITE_DEMO").is_some() {
        std::fs::write(path(), &text).unwrap();
    }
    let stored = std::fs::read_to_string(path()).unwrap_or_default();
    assert!(
        stored == text,
        "www/demo.json differs from the sample street ({} bytes stored, {} generated): \
         write it again with LINLI_WRITE_DEMO=1 cargo test --test demo",
        stored.len(),
        text.len()
    );
}

#[test]
fn the_installed_demo_opens_as_its_organizers_device() {
    let (street, file) = generated();
    // As served (the other test checks that the served file is this text).
    let file = DemoFile::parse(&file.to_text().unwrap()).unwrap();

    let backend = MemoryBackend::default();
    // A real community's data, which nothing here may change.
    let real = [
        ("linli/community", "{\"real\":true}"),
        ("linli/device", "{\"pin\":\"wrapped\"}"),
        ("linli/log/7/0", "a segment"),
        ("linli/prefs", "{}"),
    ];
    for (key, value) in real {
        backend.set(key, value).unwrap();
    }
    let before = backend.keys("").unwrap();

    assert_eq!(demo::install(&backend, &file).unwrap(), file.items.len());
    let store = Store::open(backend.clone(), Namespace::demo(), || 7);
    assert!(store.report().unreadable.is_empty());
    assert!(store.report().refused.is_empty());
    assert_eq!(store.journal().events().count(), street.events.len());
    assert_eq!(store.role(), Some(Role::Organizer));
    assert!(store.can_sign(), "the demo key is plain: no PIN");
    drop(store);

    assert_eq!(demo::remove(&backend).unwrap(), file.items.len());
    assert_eq!(backend.keys("").unwrap(), before);
    for (key, value) in real {
        assert_eq!(backend.get(key).unwrap().as_deref(), Some(value), "{key}");
    }
}

#[test]
fn a_demo_with_nothing_ahead_gets_its_latest_activities_again_in_the_coming_weeks() {
    let (_, file) = generated();
    let backend = MemoryBackend::default();
    demo::install(&backend, &file).unwrap();
    let mut store = Store::open(backend.clone(), Namespace::demo(), || 7);
    let day = linli::domain::Timestamp::DAY;
    let last = |store: &Store<MemoryBackend>| {
        store
            .journal()
            .state()
            .activities()
            .map(|a| a.plan.start.0)
            .max()
            .unwrap()
    };
    let before = store.journal().state().activities().count();

    // While an activity is still ahead, nothing is published.
    let early = linli::domain::Timestamp(last(&store) - day);
    assert_eq!(demo::freshen(&mut store, early).unwrap(), 0);

    // A year later every date has passed: the latest three come again, ahead.
    let now = linli::domain::Timestamp(last(&store) + 337 * day);
    assert_eq!(demo::freshen(&mut store, now).unwrap(), 3);
    let state = store.journal().state();
    assert_eq!(state.activities().count(), before + 3);
    let ahead: Vec<_> = state.activities().filter(|a| a.plan.start > now).collect();
    assert_eq!(ahead.len(), 3);
    for activity in &ahead {
        let start = activity.plan.start.0;
        assert!(
            start >= now.0 + 2 * day && start < now.0 + 9 * day,
            "{start}"
        );
        assert!(activity.plan.end > activity.plan.start);
        assert!(activity.cancelled.is_none());
    }
    // Once something is ahead, opening again publishes nothing more, and what was
    // published is stored, signed by the demo's organizer.
    assert_eq!(demo::freshen(&mut store, now).unwrap(), 0);
    drop(store);
    let reopened = Store::open(backend.clone(), Namespace::demo(), || 8);
    assert!(reopened.report().refused.is_empty());
    assert_eq!(reopened.journal().state().activities().count(), before + 3);

    // Nowhere but in the demo.
    let other = MemoryBackend::default();
    let mut real = Store::open(other, Namespace::default(), || 9);
    assert_eq!(demo::freshen(&mut real, now).unwrap(), 0);
}
