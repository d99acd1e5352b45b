//! The browser's localStorage as a [`Backend`], and the backend the app uses: local
//! storage when the browser allows it, memory (with a warning shown) when it does not.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{DomException, Storage, StorageEvent};

use super::backend::{Backend, Change, MemoryBackend, StoreError, Subscription};

/// `window.localStorage`, checked to be writable.
#[derive(Clone, Debug)]
pub struct LocalStorageBackend {
    storage: Storage,
}

impl LocalStorageBackend {
    /// Opens localStorage, or says why it cannot be used (blocked by the browser's
    /// settings, a sandboxed frame, or a private mode that refuses every write).
    ///
    /// A *full* localStorage opens: what it holds is the user's data and can be read;
    /// its writes fail with [`StoreError::QuotaExceeded`]. Only an empty storage that
    /// refuses a one-character write (a private mode with no quota at all) is unusable.
    pub fn open() -> Result<Self, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or_else(|| StoreError::Unavailable("no localStorage".into()))?;
        let probe = "linli-probe";
        match storage.set_item(probe, "1") {
            Ok(()) => storage
                .remove_item(probe)
                .map_err(|e| StoreError::Unavailable(describe(&e)))?,
            Err(e) if is_quota(&e) && storage.length().is_ok_and(|n| n > 0) => {}
            Err(e) => return Err(StoreError::Unavailable(describe(&e))),
        }
        Ok(LocalStorageBackend { storage })
    }
}

/// A browser error, named.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<DomException>()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error.dyn_ref::<DomException>().is_some_and(|e| {
        // Chrome and Safari say QuotaExceededError (code 22), old Firefox NS_ERROR_DOM_QUOTA_REACHED.
        e.code() == 22
            || e.name() == "QuotaExceededError"
            || e.name() == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Failed(describe(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StoreError::Failed(describe(&e)))
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let len = self
            .storage
            .length()
            .map_err(|e| StoreError::Failed(describe(&e)))?;
        let mut keys = Vec::new();
        for i in 0..len {
            if let Some(key) = self
                .storage
                .key(i)
                .map_err(|e| StoreError::Failed(describe(&e)))?
                && key.starts_with(prefix)
            {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// Listens to the window's `storage` event, which the browser fires for writes made
    /// by other documents of the same origin. The same event also reports sessionStorage
    /// writes (by same-tab frames); those are not this storage's and are skipped, as is
    /// a `clear()` elsewhere (an event without a key).
    fn subscribe(&self, on_change: Rc<dyn Fn(Change)>) -> Subscription {
        let Some(window) = web_sys::window() else {
            return Subscription::new(());
        };
        let storage = self.storage.clone();
        let listener = EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<StorageEvent>() else {
                return;
            };
            if event.storage_area().as_ref() != Some(&storage) {
                return;
            }
            if let Some(key) = event.key() {
                on_change(Change {
                    key,
                    value: event.new_value(),
                });
            }
        });
        Subscription::new(listener)
    }
}

/// The backend the app runs on.
#[derive(Clone, Debug)]
pub enum BrowserBackend {
    Local(LocalStorageBackend),
    /// Storage is unavailable: data lives in memory for this visit only.
    Memory(MemoryBackend),
}

impl BrowserBackend {
    /// Local storage if it can be used; otherwise memory, with the reason.
    pub fn open() -> (Self, Option<StoreError>) {
        match LocalStorageBackend::open() {
            Ok(local) => (BrowserBackend::Local(local), None),
            Err(error) => (
                BrowserBackend::Memory(MemoryBackend::default()),
                Some(error),
            ),
        }
    }
}

impl Backend for BrowserBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            BrowserBackend::Local(b) => b.get(key),
            BrowserBackend::Memory(b) => b.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            BrowserBackend::Local(b) => b.set(key, value),
            BrowserBackend::Memory(b) => b.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        match self {
            BrowserBackend::Local(b) => b.remove(key),
            BrowserBackend::Memory(b) => b.remove(key),
        }
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        match self {
            BrowserBackend::Local(b) => b.keys(prefix),
            BrowserBackend::Memory(b) => b.keys(prefix),
        }
    }

    fn subscribe(&self, on_change: Rc<dyn Fn(Change)>) -> Subscription {
        match self {
            BrowserBackend::Local(b) => b.subscribe(on_change),
            BrowserBackend::Memory(b) => b.subscribe(on_change),
        }
    }
}

/// Organizer mode for the visit: the unlocked key kept in this tab's sessionStorage
/// (gone when the tab closes) with the moment it lapses, so a reload does not ask for
/// the PIN again while the organizer is at work.
pub mod visit {
    use serde::{Deserialize, Serialize};

    use crate::domain::Timestamp;
    use crate::domain::pin::hex;
    use crate::domain::trust::DeviceKey;
    use crate::store::seal::Signer;

    #[derive(Serialize, Deserialize)]
    struct Visit {
        seed: String,
        until: Timestamp,
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    fn key(ns: &str) -> String {
        format!("{ns}/visit")
    }

    /// Keeps `signer` for this tab until `until`.
    pub fn keep(ns: &str, signer: &Signer, until: Timestamp) {
        let visit = Visit {
            seed: hex(&signer.seed()),
            until,
        };
        if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(&visit)) {
            // Without sessionStorage the PIN is simply asked again after a reload.
            let _ = storage.set_item(&key(ns), &text);
        }
    }

    /// The key kept for this tab, if it has not lapsed at `now`.
    pub fn resume(ns: &str, now: Timestamp) -> Option<Signer> {
        let text = storage()?.get_item(&key(ns)).ok()??;
        let visit: Visit = serde_json::from_str(&text).ok()?;
        if visit.until <= now {
            end(ns);
            return None;
        }
        let seed = visit.seed.parse::<DeviceKey>().ok()?.0;
        Some(Signer::from_seed(seed))
    }

    /// Forgets the key (leaving organizer mode, or when it lapsed).
    pub fn end(ns: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&key(ns));
        }
    }
}
