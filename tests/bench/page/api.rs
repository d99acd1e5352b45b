//! What `bench.js` calls: make a dataset, write it, read it back in stages (read,
//! decode, open), write it as plain JSON, mount and unmount the app.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use linli::domain::{Event, Journal, ReplicaId, Timestamp};
use linli::sample::{self, DEFAULT_SEED, Size};
use linli::store::codec::{self, SEGMENT_EVENTS, SegmentKey};
use linli::store::local::LocalStorageBackend;
use linli::store::{Backend, Namespace, Store, StoreError, backup};
use wasm_bindgen::prelude::*;
use web_sys::Element;

thread_local! {
    /// The dataset of the size being measured.
    static EVENTS: RefCell<Vec<Event>> = const { RefCell::new(Vec::new()) };
}

pub fn with_events<R>(f: impl FnOnce(&[Event]) -> R) -> R {
    EVENTS.with(|events| f(&events.borrow()))
}

fn error(text: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&text.to_string()).into()
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &key.into(), &value.into());
}

fn namespace(ns: &str) -> Result<Namespace, JsValue> {
    Namespace::new(ns).ok_or_else(|| error(format!("bad namespace {ns}")))
}

fn storage() -> Result<LocalStorageBackend, JsValue> {
    LocalStorageBackend::open().map_err(error)
}

fn utf16(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Generates the sample street of `size` (`1k`, `10k`, `100k`…) and keeps it for the
/// calls below: `{entries, events, volunteers}`.
#[wasm_bindgen]
pub fn prepare(size: &str) -> Result<JsValue, JsValue> {
    let size: Size = size.parse().map_err(error)?;
    let events = sample::generate(size, DEFAULT_SEED);
    let out = Object::new();
    set(&out, "entries", size.entries() as f64);
    set(&out, "events", events.len() as f64);
    EVENTS.with(|slot| *slot.borrow_mut() = events);
    Ok(out.into())
}

/// Writes the dataset under `ns` as its sessions' stores would have: each replica's
/// events in segments of at most [`SEGMENT_EVENTS`], encoded by the store's codec and
/// set through its localStorage backend, and the schema. Returns `{segments, chars,
/// fits}`: `chars` is what the namespace needs in UTF-16 code units (keys and values),
/// whether or not it fitted; `fits` is false when the browser refused a write as full.
#[wasm_bindgen(js_name = writeDataset)]
pub fn write_dataset(ns: &str) -> Result<JsValue, JsValue> {
    let ns = namespace(ns)?;
    let backend = storage()?;
    let mut by_replica: std::collections::BTreeMap<ReplicaId, Vec<Event>> = Default::default();
    with_events(|events| {
        for event in events {
            by_replica
                .entry(event.id.replica)
                .or_default()
                .push(event.clone());
        }
    });
    let meta_key = codec::meta_key(ns.as_str());
    let meta = format!("{{\"schema\":{}}}", codec::SCHEMA);
    let mut chars = utf16(&meta_key) + utf16(&meta);
    let mut fits = backend.set(&meta_key, &meta).is_ok();
    let mut segments = 0;
    for (replica, own) in &by_replica {
        for (index, chunk) in own.chunks(SEGMENT_EVENTS).enumerate() {
            let index = u32::try_from(index).map_err(error)?;
            let key = SegmentKey {
                replica: *replica,
                index,
            }
            .to_key(ns.as_str());
            let text = codec::encode_segment(*replica, chunk).map_err(error)?;
            chars += utf16(&key) + utf16(&text);
            segments += 1;
            if fits {
                match backend.set(&key, &text) {
                    Ok(()) => {}
                    Err(StoreError::QuotaExceeded) => fits = false,
                    Err(other) => return Err(error(other)),
                }
            }
        }
    }
    let out = Object::new();
    set(&out, "segments", segments as f64);
    set(&out, "chars", chars as f64);
    set(&out, "fits", fits);
    Ok(out.into())
}

/// The same records as plain JSON: the backup file's text (every event, in order).
#[wasm_bindgen(js_name = plainJson)]
pub fn plain_json() -> String {
    with_events(|events| {
        let mut journal = Journal::default();
        journal.merge(events.iter().cloned());
        let at = events.last().map_or(Timestamp(0), |e| e.at);
        backup::export(&journal, Namespace::DEFAULT, at)
    })
}

/// The stored segments' text, for timing the read alone: `[(key, text)]`.
fn read(ns: &Namespace) -> Result<Vec<(SegmentKey, String)>, JsValue> {
    let backend = storage()?;
    let mut texts = Vec::new();
    for key in backend
        .keys(&codec::log_prefix(ns.as_str()))
        .map_err(error)?
    {
        if let (Some(parsed), Some(text)) = (
            SegmentKey::parse(ns.as_str(), &key),
            backend.get(&key).map_err(error)?,
        ) {
            texts.push((parsed, text));
        }
    }
    Ok(texts)
}

/// Reads every segment (list the keys, get each): returns the characters read.
#[wasm_bindgen(js_name = readAll)]
pub fn read_all(ns: &str) -> Result<f64, JsValue> {
    let texts = read(&namespace(ns)?)?;
    Ok(texts.iter().map(|(_, t)| t.len()).sum::<usize>() as f64)
}

/// Reads and decodes every segment: returns the events decoded.
#[wasm_bindgen(js_name = decodeAll)]
pub fn decode_all(ns: &str) -> Result<f64, JsValue> {
    let mut count = 0;
    for (key, text) in read(&namespace(ns)?)? {
        if let Ok(decoded) = codec::decode_segment(key, &text) {
            count += decoded.events.len();
        }
    }
    Ok(count as f64)
}

/// Opens a store on localStorage as the app does (read, decode, merge, fold): returns
/// the events loaded.
#[wasm_bindgen(js_name = openStore)]
pub fn open_store(ns: &str) -> Result<f64, JsValue> {
    let store = Store::open(storage()?, namespace(ns)?, linli::store::random_replica);
    Ok(store.journal().len() as f64)
}

/// Mounts the real app into `element` on namespace `ns` (Chinese, hash routing):
/// returns the mount's id.
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(element: &Element, ns: &str) -> Result<u32, JsValue> {
    let options = Object::new();
    set(&options, "namespace", ns);
    set(&options, "locale", "zh-CN");
    set(&options, "routing", "hash");
    let options = linli::embed::Options::from_object(&options.into())?;
    linli::embed::mount(element, options)
}

#[wasm_bindgen(js_name = unmountApp)]
pub fn unmount_app(id: u32) -> bool {
    linli::embed::unmount(id)
}
