//! Live sync (issue 15): a community's log shared through a Yjs server (y-sweet).
//!
//! The local log stays the truth. Each sealed segment is one entry of a Yjs map, keyed
//! by its place without the device's namespace (`s/<replica>/<n>`), its value the sealed
//! text: set union, one writer per key (the key that seals under that replica). What
//! arrives is never trusted: every value goes through [`crate::store::Store::import_sealed`],
//! which verifies the seal and keeps a stored copy unless the new one is longer.
//!
//! - [`log_doc`]: the Yjs document of one log and the y-sync protocol over it, pure
//!   (no socket, no clock): natively tested, and run in the browser by the sync worker.
//! - [`wire`]: what the app and the sync worker (`src/bin/linli_sync/`, a separate
//!   wasm module fetched only when sync is on) say to each other.
//! - [`token`]: y-sweet document tokens, minted on an organizer device from the
//!   server's key.

pub mod log_doc;
pub mod token;
pub mod wire;

pub use log_doc::{LogDoc, Received, SyncError};
