//! Device preferences: what this device remembers that is not a shared record: the
//! language, who uses it, the organizer PIN and its wrong tries, the last backup, what
//! was handed over.
//! They are kept under `{ns}/prefs`, never in the event log, so they are not exported,
//! and an imported file cannot change them.

use serde::{Deserialize, Serialize};

use super::{Backend, StoreError};
use crate::domain::pin::PinHash;
use crate::domain::{Timestamp, VolunteerId};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// `zh-CN` or `en`; `None` until chosen (then Chinese is shown).
    pub lang: Option<String>,
    /// The volunteer who uses this device (我是谁).
    pub me: Option<VolunteerId>,
    pub pin: Option<PinHash>,
    pub pin_failures: u32,
    pub pin_locked_until: Timestamp,
    pub last_backup: Option<Timestamp>,
    /// What this device has handed to an organizer by code or QR (a phone on a day
    /// without network): its segments' keys and how many events each held then.
    pub handed_over: std::collections::BTreeMap<String, usize>,
    /// When live sync last ended with the server holding what this device holds.
    pub last_synced: Option<Timestamp>,
}

/// Preferences as loaded, and whether they may be written back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedPrefs {
    pub prefs: Prefs,
    /// Set when the stored text could not be read: it is left as it is and not written
    /// over, and changes are kept for this session only.
    pub unreadable: bool,
}

pub fn prefs_key(ns: &str) -> String {
    format!("{ns}/prefs")
}

pub fn load(backend: &impl Backend, ns: &str) -> LoadedPrefs {
    match backend.get(&prefs_key(ns)) {
        Ok(None) => LoadedPrefs::default(),
        Ok(Some(text)) => match serde_json::from_str(&text) {
            Ok(prefs) => LoadedPrefs {
                prefs,
                unreadable: false,
            },
            Err(_) => LoadedPrefs {
                prefs: Prefs::default(),
                unreadable: true,
            },
        },
        Err(_) => LoadedPrefs {
            prefs: Prefs::default(),
            unreadable: true,
        },
    }
}

/// Why the preferences were not written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SavePrefsError {
    /// What is stored could not be read, so it is not written over: the change holds
    /// for this session only, and the person must be told (a PIN set now would be gone
    /// after a reload).
    #[error(
        "the stored preferences could not be read; they are kept, and this change is not saved"
    )]
    Unreadable,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Writes the preferences, unless what is stored could not be read: then nothing is
/// written and [`SavePrefsError::Unreadable`] says so.
pub fn save(backend: &impl Backend, ns: &str, loaded: &LoadedPrefs) -> Result<(), SavePrefsError> {
    if loaded.unreadable {
        return Err(SavePrefsError::Unreadable);
    }
    let text =
        serde_json::to_string(&loaded.prefs).map_err(|e| StoreError::Failed(e.to_string()))?;
    Ok(backend.set(&prefs_key(ns), &text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryBackend;

    #[test]
    fn unreadable_prefs_are_not_written_over_and_saving_says_so() {
        let backend = MemoryBackend::default();
        backend.set(&prefs_key("linli"), "{not json").unwrap();
        let mut loaded = load(&backend, "linli");
        assert!(loaded.unreadable);
        loaded.prefs.lang = Some("en".to_owned());
        assert_eq!(
            save(&backend, "linli", &loaded),
            Err(SavePrefsError::Unreadable)
        );
        assert_eq!(
            backend.get(&prefs_key("linli")).unwrap().as_deref(),
            Some("{not json")
        );
    }

    #[test]
    fn readable_prefs_are_saved() {
        let backend = MemoryBackend::default();
        let mut loaded = load(&backend, "linli");
        loaded.prefs.lang = Some("en".to_owned());
        assert_eq!(save(&backend, "linli", &loaded), Ok(()));
        assert_eq!(load(&backend, "linli"), loaded);
    }
}
