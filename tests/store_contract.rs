//! The storage contract over the in-memory backend (the browser runs the same suite over
//! localStorage: tests/browser_store.rs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::contract;
use linli::store::MemoryBackend;

fn tabs() -> (MemoryBackend, MemoryBackend) {
    let first = MemoryBackend::default();
    let second = first.another_tab();
    (first, second)
}

#[test]
fn events_survive_a_reload() {
    contract::events_survive_a_reload(tabs);
}

#[test]
fn appends_write_one_segment() {
    contract::appends_write_one_segment(tabs);
}

#[test]
fn other_tabs_writes_arrive() {
    contract::other_tabs_writes_arrive(tabs, |_, _| {});
}

#[test]
fn quota_exceeded_loses_nothing() {
    contract::quota_exceeded_loses_nothing(tabs, |backend| {
        backend.set_quota(Some(backend.used()));
        let backend = backend.clone();
        Box::new(move || backend.set_quota(None))
    });
}

#[test]
fn corrupt_data_is_kept_and_reported() {
    contract::corrupt_data_is_kept_and_reported(tabs);
}

#[test]
fn newer_data_is_read_only() {
    contract::newer_data_is_read_only(tabs);
}

#[test]
fn unreadable_meta_is_kept_and_reported() {
    contract::unreadable_meta_is_kept_and_reported(tabs);
}

#[test]
fn namespaces_are_separate() {
    contract::namespaces_are_separate(tabs);
}

#[test]
fn an_empty_store_is_what_opening_nothing_gives() {
    contract::an_empty_store_is_what_opening_nothing_gives(tabs);
}
