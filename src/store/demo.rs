//! The demo community: the sample street (`crate::sample::Street`) as its organizer's
//! device stores it, in a namespace of its own ([`NAMESPACE`]).
//!
//! The app never runs the sample generator (it would grow the download): the street's
//! stored keys and texts are written once into a static file served beside the app
//! (`www/demo.json`, made and checked by `tests/demo.rs`), which the app fetches only
//! when someone opens the demo. Its keys are relative to the namespace, so installing
//! it can write nowhere but under `linli-demo/`, and deleting the demo removes every
//! key there and nothing else: the real namespace (`linli`, or a host's) is never read
//! or written by either.
//!
//! The demo's device is the street's organizer, its key kept plain (no PIN): the key is
//! public by nature, as the file that carries it is, and anyone may try organizer mode.
//!
//! The street's dates are fixed and pass; a demo with nothing ahead has nothing to sign
//! up for, so its organizer publishes the latest activities again when it opens
//! ([`freshen`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ActError, Backend, Namespace, Store, StoreError};
use crate::domain::{Action, ActivityPlan, Timestamp};

/// The namespace the demo lives in.
pub const NAMESPACE: &str = "linli-demo";

/// The file's name, beside the app's `index.html`.
pub const FILE: &str = "demo.json";

/// The `format` field that names a demo file.
pub const FORMAT: &str = "linli-demo";

/// The version of the demo file's layout this build reads.
pub const VERSION: u32 = 1;

/// The demo as served: every stored key (relative to the namespace) and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoFile {
    pub format: String,
    pub version: u32,
    /// `community`, `device`, `meta`, `log/…`, `org/…`: as under `{ns}/`.
    pub items: BTreeMap<String, String>,
}

/// Why a fetched text is not a demo this version can install.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DemoError {
    #[error("not a demo file: {0}")]
    NotADemo(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Namespace {
    /// The demo community's namespace.
    pub fn demo() -> Namespace {
        Namespace(NAMESPACE.to_owned())
    }

    pub fn is_demo(&self) -> bool {
        self.0 == NAMESPACE
    }
}

impl DemoFile {
    /// The file from what a device holds under `ns` (as `Street::stored` gives it);
    /// a key outside `ns` is left out.
    pub fn from_stored(ns: &Namespace, stored: Vec<(String, String)>) -> DemoFile {
        let prefix = format!("{}/", ns.as_str());
        DemoFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            items: stored
                .into_iter()
                .filter_map(|(key, text)| Some((key.strip_prefix(&prefix)?.to_owned(), text)))
                .collect(),
        }
    }

    /// Reads a served demo file. Only its envelope is checked here: what it stores is
    /// read by the store like any stored data (nothing in it is trusted).
    pub fn parse(text: &str) -> Result<DemoFile, DemoError> {
        let file: DemoFile =
            serde_json::from_str(text).map_err(|e| DemoError::NotADemo(e.to_string()))?;
        if file.format != FORMAT || file.version != VERSION {
            return Err(DemoError::NotADemo(format!(
                "format {:?}, version {}",
                file.format, file.version
            )));
        }
        if let Some(key) = file.items.keys().find(|key| !relative_key(key)) {
            return Err(DemoError::NotADemo(format!("key {key:?}")));
        }
        Ok(file)
    }

    /// The file's text as `www/demo.json` holds it: one item a line, so a change to
    /// the sample shows as a readable diff.
    pub fn to_text(&self) -> Result<String, StoreError> {
        let json = |value| {
            serde_json::to_string(value)
                .map_err(|e: serde_json::Error| StoreError::Failed(e.to_string()))
        };
        let mut text = format!(
            "{{\"format\":{},\"version\":{},\"items\":{{",
            json(&self.format)?,
            self.version
        );
        for (i, (key, value)) in self.items.iter().enumerate() {
            text.push_str(if i == 0 { "\n" } else { ",\n" });
            text.push_str(&json(key)?);
            text.push(':');
            text.push_str(&json(value)?);
        }
        text.push_str("\n}}\n");
        Ok(text)
    }
}

/// How many of the demo's latest activities are published again when none is ahead.
const FRESH: usize = 3;

/// Keeps the demo worth trying: when none of its activities is still ahead, its
/// organizer (the demo device, which signs without a PIN) publishes the latest
/// few (`FRESH`) again, each moved by whole weeks to start at least two days after `now`,
/// every other time of it moved alike. Returns how many it published: none outside the
/// demo's namespace, or while an activity is still ahead.
pub fn freshen(store: &mut Store<impl Backend>, now: Timestamp) -> Result<usize, ActError> {
    if !store.namespace().is_demo() {
        return Ok(0);
    }
    let state = store.journal().state();
    let open = || state.activities().filter(|a| a.cancelled.is_none());
    if open().any(|a| a.plan.start > now) {
        return Ok(0);
    }
    let mut latest: Vec<ActivityPlan> = open().map(|a| a.plan.clone()).collect();
    latest.sort_by_key(|plan| std::cmp::Reverse(plan.start));
    latest.truncate(FRESH);
    let from = now.0.saturating_add(2 * Timestamp::DAY);
    let week = 7 * Timestamp::DAY;
    for plan in &latest {
        let weeks = from.saturating_sub(plan.start.0).div_ceil(week);
        let plan = plan.shifted_by_weeks(u32::try_from(weeks).unwrap_or(u32::MAX));
        store.act(
            Action::CreateActivity {
                plan: Box::new(plan),
            },
            now,
        )?;
    }
    Ok(latest.len())
}

/// A key below the namespace: not empty, not starting with `/`, no empty part.
fn relative_key(key: &str) -> bool {
    !key.is_empty() && key.split('/').all(|part| !part.is_empty()) && key.len() <= 200
}

/// Every key of the demo namespace.
fn demo_keys(backend: &impl Backend) -> Result<Vec<String>, StoreError> {
    backend.keys(&format!("{NAMESPACE}/"))
}

/// Writes the demo into its namespace, over whatever demo was there. All or nothing:
/// when storage refuses a write (full), what was written is removed again.
pub fn install(backend: &impl Backend, file: &DemoFile) -> Result<usize, StoreError> {
    remove(backend)?;
    for (key, text) in &file.items {
        if let Err(error) = backend.set(&format!("{NAMESPACE}/{key}"), text) {
            // Best effort: the demo namespace holds nothing of anyone's.
            let _ = remove(backend);
            return Err(error);
        }
    }
    Ok(file.items.len())
}

/// Removes every key of the demo namespace, and only those. Returns how many.
pub fn remove(backend: &impl Backend) -> Result<usize, StoreError> {
    let keys = demo_keys(backend)?;
    for key in &keys {
        backend.remove(key)?;
    }
    Ok(keys.len())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::store::MemoryBackend;

    fn file() -> DemoFile {
        DemoFile::from_stored(
            &Namespace::demo(),
            vec![
                ("linli-demo/community".into(), "{}".into()),
                ("linli-demo/log/1/0".into(), "x".into()),
                ("linli/device".into(), "not ours".into()),
            ],
        )
    }

    #[test]
    fn a_file_holds_only_keys_of_its_namespace_and_reads_back() {
        let file = file();
        assert_eq!(file.items.len(), 2);
        assert_eq!(DemoFile::parse(&file.to_text().unwrap()).unwrap(), file);
    }

    #[test]
    fn keys_that_could_leave_the_namespace_are_refused() {
        for key in ["", "/linli/device", "log//0", "log/"] {
            let mut bad = file();
            bad.items.insert(key.into(), "x".into());
            let text = serde_json::to_string(&bad).unwrap();
            assert!(DemoFile::parse(&text).is_err(), "{key:?}");
        }
        assert!(
            DemoFile::parse("{\"format\":\"linli-backup\",\"version\":1,\"items\":{}}").is_err()
        );
        assert!(DemoFile::parse("[]").is_err());
    }

    #[test]
    fn installing_and_removing_touch_the_demo_namespace_only() {
        let backend = MemoryBackend::default();
        backend.set("linli/device", "mine").unwrap();
        backend.set("linli-demo-not/x", "a neighbour's").unwrap();
        backend.set("linli-demo/old", "an earlier demo").unwrap();
        assert_eq!(install(&backend, &file()).unwrap(), 2);
        assert_eq!(backend.get("linli-demo/old").unwrap(), None);
        assert_eq!(
            backend.get("linli-demo/log/1/0").unwrap().as_deref(),
            Some("x")
        );
        assert_eq!(remove(&backend).unwrap(), 2);
        assert_eq!(backend.keys("linli-demo/").unwrap(), Vec::<String>::new());
        assert_eq!(
            backend.get("linli/device").unwrap().as_deref(),
            Some("mine")
        );
        assert_eq!(
            backend.get("linli-demo-not/x").unwrap().as_deref(),
            Some("a neighbour's")
        );
    }

    #[test]
    fn a_full_storage_leaves_no_half_demo() {
        let backend = MemoryBackend::default();
        backend.set("linli/device", "mine").unwrap();
        backend.set_quota(Some(backend.used() + 30));
        assert_eq!(install(&backend, &file()), Err(StoreError::QuotaExceeded));
        assert_eq!(backend.keys("linli-demo/").unwrap(), Vec::<String>::new());
        assert_eq!(
            backend.get("linli/device").unwrap().as_deref(),
            Some("mine")
        );
    }
}
