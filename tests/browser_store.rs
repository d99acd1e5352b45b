//! The storage contract (tests/common/contract.rs) over the browser's real localStorage,
//! in headless Chromium, plus what only a browser can show: real `storage` events from
//! another document, quota errors, and the app's choice of backend.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_store` (the runner and
//! chromedriver are set in .cargo/config.toml; `.ci/test browser` does it all).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/contract.rs"]
mod contract;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use linli::store::local::{BrowserBackend, LocalStorageBackend};
use linli::store::{Backend, Change, StoreError, Subscription};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Storage, StorageEvent, StorageEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn local_storage() -> Storage {
    window()
        .local_storage()
        .expect("localStorage is allowed")
        .expect("localStorage exists")
}

/// Two handles on the same, emptied localStorage: two tabs of one origin.
fn tabs() -> (LocalStorageBackend, LocalStorageBackend) {
    local_storage().clear().expect("localStorage clears");
    (
        LocalStorageBackend::open().expect("localStorage opens"),
        LocalStorageBackend::open().expect("localStorage opens"),
    )
}

/// A browser fires `storage` events only in *other* documents, so to play the other tab
/// this dispatches, on this window, the event the browser would fire there: one per key
/// under `prefix`, carrying its current value. `dispatchEvent` is synchronous, so the
/// listeners have run when this returns.
fn announce(writer: &LocalStorageBackend, prefix: &str) {
    let area = local_storage();
    let url = window().location().href().unwrap_or_default();
    for key in writer.keys(prefix).expect("keys list") {
        let value = writer.get(&key).expect("key reads");
        let init = StorageEventInit::new();
        init.set_key(Some(&key));
        init.set_new_value(value.as_deref());
        init.set_storage_area(Some(&area));
        init.set_url(&url);
        let event =
            StorageEvent::new_with_event_init_dict("storage", &init).expect("a StorageEvent");
        window()
            .dispatch_event(&event)
            .expect("the event dispatches");
    }
}

const FILLER: &str = "browser-store-test-filler";

/// Fills localStorage to the last character with one filler key: the longest run of `x`
/// that still fits, found by doubling and then bisecting. Returns what frees it again.
fn fill(_: &LocalStorageBackend) -> Box<dyn FnOnce()> {
    let storage = local_storage();
    let fits = |len: usize| storage.set_item(FILLER, &"x".repeat(len)).is_ok();
    let mut fitting = 0;
    let mut too_long = 1 << 16;
    while fits(too_long) {
        fitting = too_long;
        too_long *= 2;
        assert!(too_long < 1 << 26, "localStorage took 32M characters");
    }
    while too_long - fitting > 1 {
        let middle = fitting + (too_long - fitting) / 2;
        if fits(middle) {
            fitting = middle;
        } else {
            too_long = middle;
        }
    }
    assert!(fits(fitting), "the filler fits again");
    assert!(!fits(fitting + 1), "storage is full to the character");
    Box::new(move || local_storage().remove_item(FILLER).expect("filler removes"))
}

// The contract, as tests/store_contract.rs runs it over memory.

#[wasm_bindgen_test]
fn events_survive_a_reload() {
    contract::events_survive_a_reload(tabs);
}

#[wasm_bindgen_test]
fn appends_write_one_segment() {
    contract::appends_write_one_segment(tabs);
}

#[wasm_bindgen_test]
fn other_tabs_writes_arrive() {
    contract::other_tabs_writes_arrive(tabs, announce);
}

#[wasm_bindgen_test]
fn quota_exceeded_loses_nothing() {
    contract::quota_exceeded_loses_nothing(tabs, fill);
    local_storage().remove_item(FILLER).ok();
}

#[wasm_bindgen_test]
fn corrupt_data_is_kept_and_reported() {
    contract::corrupt_data_is_kept_and_reported(tabs);
}

#[wasm_bindgen_test]
fn newer_data_is_read_only() {
    contract::newer_data_is_read_only(tabs);
}

#[wasm_bindgen_test]
fn unreadable_meta_is_kept_and_reported() {
    contract::unreadable_meta_is_kept_and_reported(tabs);
}

#[wasm_bindgen_test]
fn namespaces_are_separate() {
    contract::namespaces_are_separate(tabs);
}

#[wasm_bindgen_test]
fn an_empty_store_is_what_opening_nothing_gives() {
    contract::an_empty_store_is_what_opening_nothing_gives(tabs);
}

// What only the browser shows.

/// What a subscription heard.
type Heard = Rc<RefCell<Vec<Change>>>;

/// Collects what a subscription hears.
fn listen(backend: &impl Backend) -> (Heard, Subscription) {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&heard);
    let subscription = backend.subscribe(Rc::new(move |change| sink.borrow_mut().push(change)));
    (heard, subscription)
}

/// A same-origin document inside this page, with its own `window`: writes made through
/// its localStorage are another document's writes, as another tab's are.
fn other_document() -> (web_sys::Element, Storage) {
    let document = window().document().expect("a document");
    document
        .body()
        .expect("a body")
        .insert_adjacent_html("beforeend", r#"<iframe id="other-document"></iframe>"#)
        .expect("the iframe attaches");
    let frame = document
        .get_element_by_id("other-document")
        .expect("the iframe");
    let frame_window =
        js_sys::Reflect::get(&frame, &JsValue::from_str("contentWindow")).expect("contentWindow");
    let storage = js_sys::Reflect::get(&frame_window, &JsValue::from_str("localStorage"))
        .expect("the iframe's localStorage");
    (frame, storage.unchecked_into())
}

/// The sessionStorage of the document in `frame`, which this page shares (same tab).
fn session_storage_of(frame: &web_sys::Element) -> Storage {
    let frame_window =
        js_sys::Reflect::get(frame, &JsValue::from_str("contentWindow")).expect("contentWindow");
    js_sys::Reflect::get(&frame_window, &JsValue::from_str("sessionStorage"))
        .expect("the iframe's sessionStorage")
        .unchecked_into()
}

/// Waits for queued tasks (a `storage` event is queued, not dispatched synchronously).
async fn settle(heard: &Heard, want: usize) {
    for _ in 0..100 {
        if heard.borrow().len() >= want {
            return;
        }
        TimeoutFuture::new(20).await;
    }
}

#[wasm_bindgen_test]
async fn another_documents_writes_arrive_as_storage_events() {
    let (backend, _) = tabs();
    let (heard, _subscription) = listen(&backend);
    let (frame, other) = other_document();
    other
        .set_item("linli/log/9/0", "written elsewhere")
        .unwrap();
    other.remove_item("linli/log/9/0").unwrap();
    settle(&heard, 2).await;
    frame.remove();
    assert_eq!(
        *heard.borrow(),
        [
            Change {
                key: "linli/log/9/0".into(),
                value: Some("written elsewhere".into()),
            },
            Change {
                key: "linli/log/9/0".into(),
                value: None,
            },
        ]
    );
}

#[wasm_bindgen_test]
async fn own_writes_do_not_echo_and_a_clear_elsewhere_is_not_reported() {
    let (backend, other_handle) = tabs();
    let (heard, _subscription) = listen(&backend);
    backend.set("linli/meta", "{\"schema\":1}").unwrap();
    other_handle.set("linli/log/1/0", "same document").unwrap();
    // `clear()` in another document fires an event with no key, which the backend
    // drops: the app is not told its stored data is gone.
    let (frame, other) = other_document();
    other.clear().unwrap();
    TimeoutFuture::new(200).await;
    assert!(heard.borrow().is_empty(), "heard {:?}", heard.borrow());
    // The listener was live all along: a write over there does arrive.
    other.set_item("linli/prefs", "{}").unwrap();
    settle(&heard, 1).await;
    frame.remove();
    assert_eq!(
        *heard.borrow(),
        [Change {
            key: "linli/prefs".into(),
            value: Some("{}".into()),
        }]
    );
}

#[wasm_bindgen_test]
async fn session_storage_writes_are_not_reported_as_local_ones() {
    let (backend, _) = tabs();
    let (heard, _subscription) = listen(&backend);
    let (frame, other) = other_document();
    let session = session_storage_of(&frame);
    session.set_item("linli/log/9/0", "session only").unwrap();
    TimeoutFuture::new(200).await;
    session.remove_item("linli/log/9/0").unwrap();
    let from_session = heard.borrow().clone();
    other.set_item("linli/prefs", "{}").unwrap();
    settle(&heard, from_session.len() + 1).await;
    frame.remove();
    assert_eq!(
        from_session,
        [],
        "a sessionStorage write was taken as a localStorage one"
    );
    assert_eq!(heard.borrow().len(), 1, "the localStorage write arrives");
}

#[wasm_bindgen_test]
fn dropping_the_subscription_stops_delivery() {
    let (backend, _) = tabs();
    backend.set("linli/prefs", "{}").unwrap();
    let (heard, subscription) = listen(&backend);
    announce(&backend, "linli/");
    assert_eq!(heard.borrow().len(), 1);
    drop(subscription);
    announce(&backend, "linli/");
    assert_eq!(heard.borrow().len(), 1, "heard after unsubscribing");
}

#[wasm_bindgen_test]
fn keys_lists_only_the_prefix() {
    let (backend, _) = tabs();
    for key in [
        "linli/log/1/0",
        "linli/log/2/0",
        "linli/meta",
        "linli2/log/1/0",
    ] {
        backend.set(key, "v").unwrap();
    }
    local_storage().set_item("unrelated", "v").unwrap();
    let mut keys = backend.keys("linli/log/").unwrap();
    keys.sort();
    assert_eq!(keys, ["linli/log/1/0", "linli/log/2/0"]);
    assert_eq!(backend.get("linli/nothing").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_storage_is_a_quota_error_and_keeps_the_old_value() {
    let (backend, _) = tabs();
    backend.set("linli/log/1/0", "old").unwrap();
    let free = fill(&backend);
    assert_eq!(
        backend.set("linli/log/1/0", "a longer value"),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(
        backend.get("linli/log/1/0").unwrap().as_deref(),
        Some("old")
    );
    free();
    backend.set("linli/log/1/0", "a longer value").unwrap();
}

/// A full storage still holds the user's data: it must open (and read) as localStorage,
/// with writes refused as full, not fall back to an empty memory store.
#[wasm_bindgen_test]
fn a_full_storage_still_opens() {
    let (backend, _) = tabs();
    backend.set("linli/meta", "{\"schema\":1}").unwrap();
    let free = fill(&backend);
    let opened = LocalStorageBackend::open();
    let (app, error) = BrowserBackend::open();
    free();
    let opened = opened.expect("a full localStorage opens");
    assert_eq!(error, None);
    assert!(matches!(app, BrowserBackend::Local(_)), "got {app:?}");
    assert_eq!(
        opened.get("linli/meta").unwrap().as_deref(),
        Some("{\"schema\":1}")
    );
    assert_eq!(local_storage().get_item("linli-probe").unwrap(), None);
}

#[wasm_bindgen_test]
fn the_app_uses_local_storage_when_it_works() {
    local_storage().clear().unwrap();
    let (backend, error) = BrowserBackend::open();
    assert_eq!(error, None);
    assert!(
        matches!(backend, BrowserBackend::Local(_)),
        "expected localStorage, got {backend:?}"
    );
    assert_eq!(
        local_storage().get_item("linli-probe").unwrap(),
        None,
        "the probe is cleaned up"
    );
    backend.set("linli/prefs", "{\"lang\":\"zh-CN\"}").unwrap();
    assert_eq!(
        local_storage().get_item("linli/prefs").unwrap().as_deref(),
        Some("{\"lang\":\"zh-CN\"}"),
        "writes reach localStorage itself"
    );
    assert_eq!(backend.keys("linli/").unwrap(), ["linli/prefs"]);
}
