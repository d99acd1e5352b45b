//! # Linli (邻里)
//!
//! Community volunteering in the browser: volunteer courtesy points (志愿·礼遇积分),
//! co-construction project sign-ups (共建项目报名) and micro-wish matching (微心愿).
//!
//! ## Codemap
//! - [`domain`]: the rules, pure. Ids and the hybrid clock, events, the double-entry
//!   ledger, volunteers and units, activities (sign-ups, waitlist, attendance, hours and
//!   points), perks and vouchers, points expiry (derived lots), leaderboards,
//!   co-construction projects, micro-wishes, the fold from events to state. No web
//!   types, no I/O, no clock.
//! - [`store`]: the event log in storage: the segment codec, the [`store::Backend`] trait
//!   with memory and localStorage backends, device preferences.
//! - [`records`]: files people take away: CSV for Excel (members, hours, ledger, project
//!   participants and pledges), iCalendar.
//! - [`sample`]: deterministic sample data (a street over years, up to the stress size)
//!   for tests and benchmarks; the app never calls it.
//! - `ui` (browser only): the Yew app: shell, routes, pages, components, texts.
//! - `embed` (browser only): mounting into a page: options, shadow root, events to the
//!   host, unmount. The JavaScript API itself is declared in `src/main.rs`.
//!
//! ## Architecture invariants
//! - `domain` imports no `yew`, `web_sys`, `js_sys`, `gloo` or `wasm_bindgen`, and never
//!   reads a clock (checked by `tests/architecture.rs`).
//! - Only `store` touches browser storage.
//! - State changes only by appending events; balances, counts and statuses are derived.
//! - The ledger is append-only; a correction is a reversal entry.
//! - Nothing read from storage is trusted: bad data is reported and kept, never dropped
//!   or written over.

pub mod api;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod records;
pub mod sample;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
