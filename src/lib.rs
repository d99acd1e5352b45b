//! # Linli (邻里)
//!
//! Community volunteering in the browser: volunteer courtesy points (志愿·礼遇积分),
//! co-construction project sign-ups (共建项目报名) and micro-wish matching (微心愿).
//!
//! This is the architecture document: the codemap, the entry points and the invariants,
//! each with the test that checks it. README.md's "Architecture" section points here and
//! keeps the storage layout and the backup file's format.
//!
//! ## Codemap
//! - [`domain`]: the rules, pure. Ids and the hybrid clock, events, the double-entry
//!   ledger, members and PIN hashing, activities (sign-ups, waitlist, attendance, hours
//!   and points), perks and vouchers, points expiry (derived lots), leaderboards,
//!   co-construction projects, micro-wishes; `trust/` (device keys, roles, the authority
//!   table, the keyring, personal details); `journal.rs` (events + who signed them →
//!   state). No web types, no I/O, no clock.
//! - [`store`]: the event log in storage. `seal.rs` (format 3: signed segments), the
//!   segment codec (`compact/` = format 2, `tagged.rs` = the JSON of format 1), the
//!   [`store::Backend`] trait (memory, localStorage), [`store::Store`] (check → sign →
//!   write → fold), `device.rs` (community and key records, invitations), `adopt.rs`
//!   (signing over data from before signing), `exchange.rs` + `backup.rs` (files),
//!   `prefs.rs` (device preferences), the visit (organizer mode kept for a tab).
//! - [`sync`]: live sync through y-sweet: the log as a Yjs document (`log_doc.rs`, one
//!   entry per sealed segment, the y-sync protocol), the app ↔ worker messages
//!   (`wire.rs`), y-sweet tokens (`token.rs`). The worker itself is the separate binary
//!   `src/bin/linli_sync/` (its own wasm module); the app's side is `ui/sync.rs`.
//! - [`records`]: files people take away: CSV for Excel (members, hours, ledger,
//!   project participants and pledges), iCalendar.
//! - [`sample`]: the deterministic sample street (1k–100k ledger entries) for tests and
//!   benchmarks; the app never calls it.
//! - [`api`]: the shapes that cross the JavaScript boundary (mount options, the import
//!   summary, each host event's `detail`) as serde types.
//! - `ui` (browser only): Yew. `session.rs` (the session context), typed routes, pages
//!   (one per screen), components, `i18n.rs` (every text, both languages, one file),
//!   `host.rs` (what the app tells the host page).
//! - `embed` (browser only): mounting into a page: options, shadow root, events to the
//!   host, unmount. The JavaScript exports are in `src/main.rs`, the binary Trunk ships.
//! - `www/`: `index.html` (the standalone app), `portal.html` (a demo host page),
//!   `style.css` (every class `ll-`, scoped under `.ll-app`), the manifest.
//! - `tests/`: native tests, browser tests (`browser_*.rs`), `e2e/` (Playwright specs),
//!   `bench/` (criterion benches and the browser bench page), `fixtures/`.
//!
//! ## Entry points
//! Follow an action from the tap to another tab through these.
//! - `ui::session::App::act`: a screen's action. It calls [`store::Store::act`], shows
//!   what happened and queues the host's `linli:change` / `linli:points`.
//! - [`store::Store::act`]: asks the state ([`domain::State::check`]) and the
//!   authority table, signs and writes the event, then folds it; returns what was
//!   applied ([`store::Acted`]: the event and the credits).
//! - [`domain::State::check`] / [`domain::State::apply`]: the rules of every area:
//!   whether an action may happen now, and what its event changes.
//! - [`domain::trust::permits`]: the one table of who may do what; the fold asks it for
//!   every event, the screens (`ui::session::Session::may`) before offering a button.
//! - [`domain::journal::Journal::merge`] / [`domain::journal::Journal::merge_batches`]:
//!   set union of events (with who signed them) and the fold in total order; what no
//!   longer fits is kept aside and listed.
//! - [`store::Store::receive`]: another tab's write arrives (through
//!   [`store::Backend::subscribe`]) and merges; `ui::session` tells the host (`"tab"`).
//! - [`store::Store::import_file`]: a backup file, verified and merged.
//! - `ui::sync::SyncLink`: live sync's entries arrive from the worker and go through
//!   [`store::Store::import_sealed`], like a file's.
//! - `embed::mount`: a host page's `mount(element, options)` (`src/main.rs`), which
//!   opens a `ui::session::Instance` and renders the app into a shadow root.
//!
//! ## Architecture invariants
//! Each names the test that checks it.
//! - `domain` imports no web crate (`yew`, `web_sys`, `js_sys`, `gloo`,
//!   `wasm_bindgen`) and reads no clock: time and ids are passed in. Checked by
//!   `tests/architecture.rs::the_domain_imports_no_web_crates_and_reads_no_clock`.
//! - `domain` imports nothing else of the crate (no `store`, `ui`, `embed`, `api`,
//!   `records`, `sample`): the rules stand alone. Checked by
//!   `tests/architecture.rs::the_domain_imports_nothing_else_of_the_crate`.
//! - Only `store` touches browser storage. Checked by
//!   `tests/architecture.rs::only_the_store_touches_browser_storage`.
//! - State changes only by appending events. Balances, lists and statuses are derived by
//!   folding the events in their total order: (stamp, replica, sequence). The stamp
//!   comes from a hybrid logical clock, so a clock that jumps back still orders new
//!   events last. Checked by
//!   `tests/domain_rules.rs::a_clock_that_jumps_back_still_orders_new_events_last` and
//!   `tests/properties.rs::balances_equal_the_sum_of_their_entries`.
//! - Every event is named `(replica, sequence)`: a replica is one app session in one
//!   tab, its 48-bit id derived from the device key and a random nonce, so tabs never
//!   contend for a name or a storage key, and a segment's seal proves which key wrote
//!   under it. Checked by
//!   `src/store/seal.rs::no_key_can_seal_under_another_keys_replica` and
//!   `tests/common/contract.rs::appends_write_one_segment` (each session its own
//!   segments).
//! - An event counts only if a key with the authority for that action signed it:
//!   [`domain::trust::permits`] is the table of who may do what, the fold asks it, and
//!   the screens ask it before offering a button. Checked row by row by
//!   `tests/authority.rs::a_volunteers_phone_may_not_do_an_organizers_work` (and the
//!   file's other rows), and over random logs by
//!   `tests/trust_properties.rs::dishonest_events_never_change_a_balance_or_status`.
//! - The same set of events gives the same state in every tab, whatever order it arrived
//!   in; merging is set union. Checked by
//!   `tests/properties.rs::the_fold_does_not_depend_on_arrival_order`,
//!   `tests/properties.rs::merging_twice_changes_nothing` (and one such property per
//!   area: activity, project, perk, wish) and
//!   `tests/domain_rules.rs::merging_is_set_union_and_reports_conflicting_ids`.
//! - The ledger is double entry between the community pool and member accounts;
//!   balances sum to zero. A correction is a reversal entry naming the original; nothing
//!   is edited. Checked by `tests/domain_rules.rs::the_pool_balances_every_member_account`
//!   and `tests/domain_rules.rs::a_reversal_cancels_the_entry_and_both_stay_on_the_statement`.
//! - An action is checked, written, and only then applied: a failed write (a full
//!   storage) leaves nothing half-done. Events merged from elsewhere are checked again;
//!   one that no longer fits (two tabs reversed the same entry) is kept and listed, not
//!   applied. Checked by `tests/common/contract.rs::quota_exceeded_loses_nothing` (over
//!   memory and localStorage) and
//!   `tests/domain_rules.rs::two_devices_reversing_the_same_entry_keep_the_earliest_in_either_order`.
//! - Nothing read from storage or a file is trusted: unreadable data is reported and
//!   never written over, data from a newer version makes the app read-only instead of
//!   damaging it, and a bad record of a file gets a clear error, never a panic. Checked
//!   by `tests/common/contract.rs::corrupt_data_is_kept_and_reported`,
//!   `tests/common/contract.rs::newer_data_is_read_only`,
//!   `tests/common/contract.rs::unreadable_meta_is_kept_and_reported`,
//!   `src/store/prefs.rs::unreadable_prefs_are_not_written_over_and_saving_says_so` and
//!   `tests/backup.rs::files_that_are_not_backups_are_refused_with_the_reason` (and
//!   `tests/import_fuzz.rs`).
//! - The PIN's tries, the language and "who am I" are device preferences
//!   (`{ns}/prefs`), not events; the device key is its own record (`{ns}/device`). None
//!   is ever exported, and no import can change them. Checked by
//!   `tests/backup.rs::a_backup_cannot_carry_the_pin_or_preferences`.
//! - Nothing outside tests calls `unwrap` or `expect`: a wasm panic would kill the
//!   widget. Checked by `tests/architecture.rs::no_unwrap_or_expect_outside_tests`.
//! - What the host page passes and hears (options, import summary, event details) is
//!   what README "Embedding" documents. Checked by
//!   `tests/embed_api.rs::every_event_and_detail_field_is_the_readmes` (and the file's
//!   other tests).
//! - Every invariant here names a test that exists. Checked by
//!   `tests/architecture.rs::every_invariant_names_a_test_that_exists`.

pub mod api;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod records;
pub mod sample;
pub mod store;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
