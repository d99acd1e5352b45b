//! The store's heavy half (issue 17): reading and verifying what storage holds, doing
//! an action (checking, sealing, folding), importing, following other tabs, writing a
//! backup file, and live sync. In the shipped build it is in the `rest` part, with the
//! screens past the first ones (`crate::ui::parts`), which loads a moment after the
//! first screen. The first module keeps the store's fields and every query a screen
//! reads, so a first visit (nothing stored: [`Store::empty`]) draws without the engine;
//! a visit with data waits for it (from the service worker's cache after the first
//! visit), and the session reads storage once it is here.
//!
//! The first module reaches the heavy code only through [`Engine`]'s function pointers,
//! which the split point hands over, so none of it is linked into the first module.

#[cfg(feature = "split")]
use std::cell::Cell;

#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;

use super::{App, Failure, Instance, Refused};
use crate::domain::{Action, Merged, Timestamp};
use crate::store::backup::Scope;
use crate::store::demo;
use crate::store::device::Invitation;
use crate::store::exchange::{ExportError, FileImport, ImportError};
use crate::store::local::{BrowserBackend, visit};
use crate::store::{ActError, Acted, Change, ImportReport, Store, StoreError};
use crate::ui::split::Unloaded;

type Local = Store<BrowserBackend>;

/// The store's operations that need the engine part, as the first module calls them.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Reads what storage holds into a store made by [`Store::empty`], and takes back
    /// this visit's organizer mode if it has not lapsed at the time given.
    pub read: fn(&mut Local, Timestamp),
    pub act: fn(&mut Local, Action, Timestamp) -> Result<Acted, ActError>,
    /// Joins an invitation's community, or renews its sync settings: whether anything
    /// changed.
    pub join: fn(&Instance, &Invitation) -> Result<bool, Failure>,
    /// Founds the community on this device: its name, the PIN and the PIN again.
    pub found: fn(&App, &str, &str, &str) -> Result<(), Refused>,
    /// Installs the demo community from its file's text.
    pub install_demo: fn(&App, &str) -> Result<(), Refused>,
    /// A backup file's records read, for an organizer to adopt the unsigned ones.
    pub import_file: Import,
    /// A backup file's records counted, not read, where they cannot be adopted (the
    /// JavaScript API).
    pub import_file_counting: Import,
    pub import_sealed: fn(&mut Local, Segments) -> Result<ImportReport, StoreError>,
    pub receive: fn(&mut Local, &Change) -> Option<Merged>,
    pub follow_records: fn(&mut Local) -> bool,
    pub export_file: fn(&Local, Scope, Timestamp) -> Result<Exported, ExportError>,
    /// Live sync: starts, restarts or stops the sync worker as the community's settings
    /// ask, and hands it what this device wrote since.
    pub follow_sync: fn(&Instance),
}

/// Sealed segments by store key, as live sync brings them.
type Segments = Vec<(String, String)>;

/// A backup file's text and how many events it holds.
type Exported = (String, usize);

/// How a backup file is imported: see [`Engine::import_file`].
pub type Import = fn(&mut Local, &str) -> Result<FileImport, ImportError>;

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Engine")
    }
}

fn read(store: &mut Local, now: Timestamp) {
    store.read_storage();
    // Organizer mode of this visit, if it has not lapsed: a reload keeps it.
    if let Some(signer) = visit::resume(store.namespace().as_str(), now) {
        store.resume(signer);
    }
    // The demo's fixed dates pass: give it something ahead to sign up for.
    if let Err(error) = demo::freshen(store, now) {
        let why = format!("demo: no fresh activities: {error}");
        web_sys::console::warn_1(&why.into());
    }
}

#[cfg_attr(feature = "split", wasm_split(rest, fallible))]
fn engine_part() -> Result<Engine, Unloaded> {
    Ok(Engine {
        read,
        act: Local::act,
        join: Instance::join_invitation,
        found: App::found,
        install_demo: crate::ui::demo::install,
        import_file: Local::import_file,
        import_file_counting: Local::import_file_counting,
        import_sealed: Local::import_sealed,
        receive: Local::receive,
        follow_records: Local::follow_records,
        export_file: Local::export_file,
        follow_sync: Instance::follow_sync,
    })
}

#[cfg(feature = "split")]
thread_local! {
    static LOADED: Cell<Option<Engine>> = const { Cell::new(None) };
}

/// The engine, if its module is here: in the shipped build once [`load`] has loaded
/// it; elsewhere (tests, benches: one module) always.
pub fn get() -> Option<Engine> {
    #[cfg(feature = "split")]
    return LOADED.with(Cell::get);
    #[cfg(not(feature = "split"))]
    return engine_part().ok();
}

/// Loads the engine's module (once it has loaded, later calls return at once; after a
/// failure, the next call tries again).
pub async fn load() -> Result<Engine, Unloaded> {
    #[cfg(feature = "split")]
    {
        if let Some(engine) = get() {
            return Ok(engine);
        }
        let engine = engine_part().await?;
        LOADED.with(|loaded| loaded.set(Some(engine)));
        Ok(engine)
    }
    #[cfg(not(feature = "split"))]
    engine_part()
}
