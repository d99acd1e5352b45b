//! The key-value storage Linli persists to, behind a small trait so one contract test
//! suite runs over every backend: [`MemoryBackend`] natively and in the browser,
//! `LocalStorageBackend` in the browser.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

/// Why storage refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The browser's storage is full. Nothing was written.
    #[error("storage is full")]
    QuotaExceeded,
    /// Storage cannot be used at all (blocked, private mode, sandboxed frame).
    #[error("storage is unavailable: {0}")]
    Unavailable(String),
    /// Stored data was written by a newer version of Linli; this one only reads.
    #[error("data was written by a newer version (schema {0}); this version only reads it")]
    ReadOnly(u32),
    /// Any other failure the storage reported.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A write made by another tab (or another handle on the same storage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    /// The new value; `None` when the key was removed.
    pub value: Option<String>,
}

/// Keeps a subscription alive; dropping it unsubscribes.
pub struct Subscription {
    _guard: Box<dyn std::any::Any>,
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Subscription")
    }
}

impl Subscription {
    pub fn new(guard: impl std::any::Any) -> Self {
        Subscription {
            _guard: Box::new(guard),
        }
    }
}

/// Four operations, as in TinyBase's persisters: read, write, list, and hear about
/// other tabs' writes. `set` must be all-or-nothing for its one key.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing if it is not there).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key that starts with `prefix`.
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError>;
    /// Calls `on_change` for each write made elsewhere (never for this handle's own).
    fn subscribe(&self, on_change: Rc<dyn Fn(Change)>) -> Subscription;
}

/// A listener: the handle it belongs to, and the callback while its subscription lives.
type Listener = (usize, Weak<dyn Fn(Change)>);

#[derive(Default)]
struct Shared {
    items: BTreeMap<String, String>,
    /// Characters (keys plus values, as UTF-16 units like a browser counts) allowed.
    quota: Option<usize>,
    listeners: Vec<Listener>,
    next_handle: usize,
}

impl Shared {
    fn used_without(&self, key: &str) -> usize {
        self.items
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Storage in memory. Handles made with [`MemoryBackend::another_tab`] share the same
/// items and hear each other's writes, as tabs of one origin do; an optional quota makes
/// writes fail as a full browser storage does.
pub struct MemoryBackend {
    shared: Rc<RefCell<Shared>>,
    handle: usize,
}

/// A clone is the same tab's handle: it shares the items and does not hear its own writes.
impl Clone for MemoryBackend {
    fn clone(&self) -> Self {
        MemoryBackend {
            shared: Rc::clone(&self.shared),
            handle: self.handle,
        }
    }
}

impl Default for MemoryBackend {
    fn default() -> Self {
        Self::from_shared(Rc::default())
    }
}

impl std::fmt::Debug for MemoryBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryBackend")
            .field("items", &self.shared.borrow().items.len())
            .finish()
    }
}

impl MemoryBackend {
    fn from_shared(shared: Rc<RefCell<Shared>>) -> Self {
        let handle = {
            let mut s = shared.borrow_mut();
            s.next_handle += 1;
            s.next_handle
        };
        MemoryBackend { shared, handle }
    }

    /// A second handle on the same items, like another tab of the same origin.
    pub fn another_tab(&self) -> Self {
        Self::from_shared(Rc::clone(&self.shared))
    }

    /// Limits the characters stored (keys and values); `None` removes the limit.
    pub fn set_quota(&self, chars: Option<usize>) {
        self.shared.borrow_mut().quota = chars;
    }

    /// Characters stored now.
    pub fn used(&self) -> usize {
        self.shared.borrow().used_without("")
    }

    /// Removes a key without telling anyone: as a user clearing data by hand.
    pub fn erase(&self, key: &str) {
        self.shared.borrow_mut().items.remove(key);
    }

    /// Every listener but this handle's own.
    fn others(&self) -> Vec<Rc<dyn Fn(Change)>> {
        let mut shared = self.shared.borrow_mut();
        shared.listeners.retain(|(_, l)| l.strong_count() > 0);
        shared
            .listeners
            .iter()
            .filter(|(handle, _)| *handle != self.handle)
            .filter_map(|(_, l)| l.upgrade())
            .collect()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.shared.borrow().items.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        {
            let mut shared = self.shared.borrow_mut();
            if let Some(quota) = shared.quota
                && shared.used_without(key) + utf16_len(key) + utf16_len(value) > quota
            {
                return Err(StoreError::QuotaExceeded);
            }
            shared.items.insert(key.to_owned(), value.to_owned());
        }
        // Other tabs hear of the write after it is done, as with the `storage` event.
        for listener in self.others() {
            listener(Change {
                key: key.to_owned(),
                value: Some(value.to_owned()),
            });
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.shared.borrow_mut().items.remove(key).is_some() {
            for listener in self.others() {
                listener(Change {
                    key: key.to_owned(),
                    value: None,
                });
            }
        }
        Ok(())
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .shared
            .borrow()
            .items
            .range(prefix.to_owned()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect())
    }

    fn subscribe(&self, on_change: Rc<dyn Fn(Change)>) -> Subscription {
        self.shared
            .borrow_mut()
            .listeners
            .push((self.handle, Rc::downgrade(&on_change)));
        Subscription::new(on_change)
    }
}
