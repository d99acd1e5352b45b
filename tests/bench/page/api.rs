//! What `bench.js` calls: make a dataset, write it, read it back in stages (read,
//! decode and verify, open), write it as a backup file, mount and unmount the app.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use linli::domain::{Event, Timestamp};
use linli::sample::{DEFAULT_SEED, Size, Street};
use linli::store::backup::{self, FileCommunity, Scope};
use linli::store::local::LocalStorageBackend;
use linli::store::seal::{self, SealKey};
use linli::store::{Backend, Namespace, Store, StoreError, random};
use wasm_bindgen::prelude::*;
use web_sys::Element;

thread_local! {
    /// The dataset of the size being measured: the sample street as its organizer's
    /// device holds it.
    static STREET: RefCell<Option<Street>> = const { RefCell::new(None) };
}

pub fn with_street<R>(f: impl FnOnce(Option<&Street>) -> R) -> R {
    STREET.with(|street| f(street.borrow().as_ref()))
}

pub fn with_events<R>(f: impl FnOnce(&[Event]) -> R) -> R {
    with_street(|street| f(street.map_or(&[], |s| s.events.as_slice())))
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
/// calls below: `{entries, events}`.
#[wasm_bindgen]
pub fn prepare(size: &str) -> Result<JsValue, JsValue> {
    let size: Size = size.parse().map_err(error)?;
    let street = Street::new(size, DEFAULT_SEED);
    let out = Object::new();
    set(&out, "entries", size.entries() as f64);
    set(&out, "events", street.events.len() as f64);
    STREET.with(|slot| *slot.borrow_mut() = Some(street));
    Ok(out.into())
}

/// Writes the dataset under `ns` as its organizer's device holds it: the schema, the
/// community and device records, and every session's sealed segments (per replica and
/// log, at most `SEGMENT_EVENTS` to a segment), set through the store's localStorage
/// backend. Returns `{segments, chars, fits}`: `chars` is what the namespace needs in
/// UTF-16 code units (every key and value), whether or not it fitted; `fits` is false
/// when the browser refused a write as full.
#[wasm_bindgen(js_name = writeDataset)]
pub fn write_dataset(ns: &str) -> Result<JsValue, JsValue> {
    let ns = namespace(ns)?;
    let backend = storage()?;
    let (stored, segments) = with_street(|street| {
        let street = street.ok_or_else(|| error("prepare a dataset first"))?;
        Ok::<_, JsValue>((street.stored(&ns).map_err(error)?, street.segments.len()))
    })?;
    let mut chars = 0;
    let mut fits = true;
    for (key, text) in &stored {
        chars += utf16(key) + utf16(text);
        if fits {
            match backend.set(key, text) {
                Ok(()) => {}
                Err(StoreError::QuotaExceeded) => fits = false,
                Err(other) => return Err(error(other)),
            }
        }
    }
    let out = Object::new();
    set(&out, "segments", segments as f64);
    set(&out, "chars", chars as f64);
    set(&out, "fits", fits);
    Ok(out.into())
}

/// The same records as a backup file of today's format: the full backup the
/// organizer's device would export (every sealed segment, as JSON).
#[wasm_bindgen(js_name = plainJson)]
pub fn plain_json() -> Result<String, JsValue> {
    with_street(|street| {
        let street = street.ok_or_else(|| error("prepare a dataset first"))?;
        let ns = Namespace::default();
        let segments: Vec<(String, String)> = street
            .stored(&ns)
            .map_err(error)?
            .into_iter()
            .filter(|(key, _)| SealKey::parse(ns.as_str(), key).is_some())
            .collect();
        let at = street.events.last().map_or(Timestamp(0), |e| e.at);
        let community = FileCommunity {
            id: street.community.id,
            name: street.community.name.clone(),
        };
        Ok(backup::export(
            ns.as_str(),
            community,
            Scope::Full,
            segments,
            street.events.len(),
            at,
        ))
    })
}

/// The stored segments' text, for timing the read alone: `[(key, text)]`.
fn read(ns: &Namespace) -> Result<Vec<(SealKey, String)>, JsValue> {
    let backend = storage()?;
    let mut texts = Vec::new();
    for key in backend.keys(&format!("{}/", ns.as_str())).map_err(error)? {
        if let Some(parsed) = SealKey::parse(ns.as_str(), &key)
            && let Some(text) = backend.get(&key).map_err(error)?
        {
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

/// Reads, decodes and verifies every segment, as a load does (the organizer's key
/// checked against each seal): returns the events whose seal verified.
#[wasm_bindgen(js_name = decodeAll)]
pub fn decode_all(ns: &str) -> Result<f64, JsValue> {
    let (community, key) = with_street(|street| {
        street
            .map(|s| (s.community.id, s.signer.public()))
            .ok_or_else(|| error("prepare a dataset first"))
    })?;
    let mut count = 0;
    for (at, text) in read(&namespace(ns)?)? {
        let Some(packed) = text.strip_prefix(seal::PREFIX) else {
            continue;
        };
        if let Ok(segment) = seal::read(at, packed)
            && segment.verify(community, at, &key)
        {
            count += segment.decoded.events.len();
        }
    }
    Ok(count as f64)
}

/// Opens a store on localStorage as the app does (read, verify, merge, fold): returns
/// the events loaded.
#[wasm_bindgen(js_name = openStore)]
pub fn open_store(ns: &str) -> Result<f64, JsValue> {
    let store = Store::open(storage()?, namespace(ns)?, random);
    Ok(store.journal().len() as f64)
}

/// Mounts the real app into `element` on namespace `ns` (Chinese, hash routing):
/// returns the mount's id.
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(element: &Element, ns: &str) -> Result<u32, JsValue> {
    let options = linli::embed::Options::new(linli::api::MountOptions {
        namespace: Some(ns.to_owned()),
        locale: Some("zh-CN".to_owned()),
        routing: Some("hash".to_owned()),
        ..Default::default()
    })?;
    Ok(linli::embed::mount(element, options)?)
}

#[wasm_bindgen(js_name = unmountApp)]
pub fn unmount_app(id: u32) -> bool {
    linli::embed::unmount(id)
}
