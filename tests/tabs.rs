//! Two tabs of one device: a tab opened before the community was founded (or joined)
//! in another follows it, and cannot found a second one over it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::devices::{WALL, key};
use linli::store::device::DeviceRecord;
use linli::store::{MemoryBackend, Namespace, Store};

fn tab(backend: MemoryBackend) -> Store<MemoryBackend> {
    let mut nonce = 0;
    Store::open(backend, Namespace::default(), move || {
        nonce += 1;
        nonce
    })
}

#[test]
fn a_tab_open_before_the_founding_cannot_found_over_it() {
    let storage = MemoryBackend::default();
    let mut a = tab(storage.clone());
    let mut b = tab(storage.another_tab());
    let first = key(1);
    a.found("幸福社区", first.clone(), DeviceRecord::plain(&first), WALL)
        .unwrap();

    // Tab b still holds what it read at opening; founding there is refused, and the
    // founder's key and community stay.
    let second = key(2);
    let refused = b.found(
        "另一个社区",
        second.clone(),
        DeviceRecord::plain(&second),
        WALL,
    );
    assert!(refused.is_err());
    assert_eq!(b.device_key(), Some(first.public()));
    assert_eq!(b.community().map(|c| c.name.as_str()), Some("幸福社区"));
    let reopened = tab(storage.another_tab());
    assert_eq!(reopened.device_key(), Some(first.public()));
    assert_eq!(reopened.community(), a.community());
    assert_eq!(reopened.journal().len(), 1);
}

#[test]
fn a_tab_follows_the_records_another_tab_wrote() {
    let storage = MemoryBackend::default();
    let mut a = tab(storage.clone());
    let mut b = tab(storage.another_tab());
    let first = key(1);
    a.found("幸福社区", first.clone(), DeviceRecord::plain(&first), WALL)
        .unwrap();
    assert!(b.community().is_none());
    assert!(b.follow_records());
    assert_eq!(b.community(), a.community());
    assert_eq!(b.device_key(), Some(first.public()));
    // The founding event is read under the community now held.
    assert_eq!(b.journal().len(), 1);
    assert!(b.journal().keyring().is_some());
    // Nothing new: nothing changes.
    assert!(!b.follow_records());
}

/// Storage a newer version wrote is only read: founding there writes no key and no
/// community record (nothing half-done).
#[test]
fn no_community_is_founded_over_a_newer_versions_storage() {
    use linli::store::Backend;
    let storage = MemoryBackend::default();
    storage.set("linli/meta", r#"{"schema":99}"#).unwrap();
    let mut store = tab(storage.clone());
    assert_eq!(store.read_only(), Some(99));
    let signer = key(1);
    assert!(
        store
            .found(
                "幸福社区",
                signer.clone(),
                DeviceRecord::plain(&signer),
                WALL
            )
            .is_err()
    );
    assert_eq!(storage.get("linli/device").unwrap(), None);
    assert_eq!(storage.get("linli/community").unwrap(), None);
    assert_eq!(
        storage.get("linli/meta").unwrap().as_deref(),
        Some(r#"{"schema":99}"#)
    );
}
