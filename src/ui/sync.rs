//! Live sync on the app's side: starts the sync worker when the community has a sync
//! server, hands it this device's segments as they are written, takes in what arrives
//! (verified by the store like any file), and keeps the state the header shows.
//!
//! The worker is a separate wasm module (`src/bin/linli_sync/`), loaded from
//! `sync-worker.js` ([`super::workers`]) only when sync is on: a device that never
//! syncs never downloads it.

use std::collections::BTreeMap;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::domain::Timestamp;
use crate::domain::trust::Role;
use crate::store::seal::Log;
use crate::sync::token::expires_at_ms;
use crate::sync::wire::{self, Channel, FromWorker, LinkState, LogName, ToWorker};

use crate::store::{Backend, Store};

/// The worker's stable entry, written by `.ci/post-build` for each build.
const WORKER_SCRIPT: &str = "sync-worker.js";

/// Where and how this device syncs: what, when it changes, restarts the worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncConfig {
    channels: Vec<Channel>,
    /// When the first of its tokens expires (ms since 1970); the server refuses it after.
    expires: Option<u64>,
}

impl SyncConfig {
    /// The configuration the store's community asks for, or `None` if it does not sync.
    pub fn of(store: &Store<impl Backend>) -> Option<SyncConfig> {
        let community = store.community()?;
        let server = community.sync.as_deref().filter(|s| wire::is_server(s))?;
        let ns = store.namespace().as_str();
        let id = community.id.to_string();
        let channel = |log: LogName, token: Option<&str>| {
            let doc = wire::doc_id(&id, log);
            Channel {
                log,
                url: wire::socket_url(server, &doc, token),
                keep: format!("ll-sync/{ns}/{doc}"),
            }
        };
        // Personal details travel live only to organizer devices, and only through a
        // server that checks tokens (the organizer-only document's own token).
        let private = (store.role() == Some(Role::Organizer))
            .then_some(community.private_token.as_deref())
            .flatten();
        let public = community.sync_token.as_deref();
        let mut channels = vec![channel(LogName::Public, public)];
        channels.extend(private.map(|token| channel(LogName::Private, Some(token))));
        let expires = [public, private]
            .into_iter()
            .flatten()
            .filter_map(expires_at_ms)
            .min();
        Some(SyncConfig { channels, expires })
    }

    /// Whether a token has expired at `now`: the server would refuse this device.
    pub fn expired(&self, now: Timestamp) -> bool {
        self.expires.is_some_and(|at| at < now.0)
    }

    fn allows(&self, log: LogName) -> bool {
        self.channels.iter().any(|c| c.log == log)
    }
}

/// What the header shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncShown {
    /// The invitation's token has expired: the server refuses this device until a new
    /// invitation (or, on an organizer device, the server's key) is given.
    Expired,
    /// Connected, and the server holds what this device holds.
    Synced,
    /// Connecting, or sending what is new.
    Syncing,
    /// Off line: waiting for the network.
    Waiting,
}

/// The running worker and what it was given.
pub struct SyncLink {
    config: SyncConfig,
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_line: [EventListener; 2],
    /// Fires when the first token expires, if that is within a timer's reach.
    _expiry: Option<Timeout>,
    ready: bool,
    queued: Vec<ToWorker>,
    /// Each segment handed to the worker, with how many events it held then.
    handed: BTreeMap<String, usize>,
    /// Each log's link state (public, private).
    links: [LinkState; 2],
}

impl std::fmt::Debug for SyncLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncLink")
            .field("config", &self.config)
            .field("ready", &self.ready)
            .finish()
    }
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

impl SyncLink {
    /// Starts the worker for `config`; `heard` gets each message it sends, `expired` is
    /// called when a token of it expires while it runs (as `now` counts).
    pub fn start(
        config: SyncConfig,
        now: Timestamp,
        heard: impl Fn(FromWorker) + 'static,
        expired: impl FnOnce() + 'static,
    ) -> Option<SyncLink> {
        let worker = super::workers::start(WORKER_SCRIPT)?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            match FromWorker::parse(&text) {
                Some(message) => heard(message),
                None => web_sys::console::warn_1(&"sync: a message not understood".into()),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let window = web_sys::window()?;
        let tell = |online: bool| {
            let worker = worker.clone();
            move |_: &web_sys::Event| {
                let _ = worker.post_message(&ToWorker::Online { online }.text().into());
            }
        };
        let on_line = [
            EventListener::new(&window, "online", tell(true)),
            EventListener::new(&window, "offline", tell(false)),
        ];
        let queued = vec![
            ToWorker::Start {
                channels: config.channels.clone(),
            },
            ToWorker::Online { online: online() },
        ];
        // One millisecond after the expiry, so the check then finds it past.
        let expiry = config
            .expires
            .and_then(|at| u32::try_from(at.saturating_sub(now.0).saturating_add(1)).ok())
            .map(|ms| Timeout::new(ms, expired));
        Some(SyncLink {
            config,
            worker,
            _on_message: on_message,
            _on_line: on_line,
            _expiry: expiry,
            ready: false,
            queued,
            handed: BTreeMap::new(),
            links: [LinkState::Connecting; 2],
        })
    }

    pub fn config(&self) -> &SyncConfig {
        &self.config
    }

    fn send(&mut self, message: ToWorker) {
        if self.ready {
            let _ = self.worker.post_message(&message.text().into());
        } else {
            self.queued.push(message);
        }
    }

    /// The worker runs: what waited goes now.
    pub fn ready(&mut self) {
        self.ready = true;
        for message in std::mem::take(&mut self.queued) {
            let _ = self.worker.post_message(&message.text().into());
        }
    }

    /// Hands the worker every segment that is new or grew since it was last handed.
    pub fn push(&mut self, store: &Store<impl Backend>) {
        let ns = store.namespace().as_str();
        // By log, and by whether this device wrote them.
        // By log and by whether this device wrote them: public and own, public and
        // others', private and own, private and others'.
        let mut batches: [Vec<(String, String)>; 4] = Default::default();
        for (key, log, events, own) in store.held_segments() {
            let log = match log {
                Log::Public => LogName::Public,
                Log::Private => LogName::Private,
            };
            if !self.config.allows(log) || self.handed.get(&key) == Some(&events) {
                continue;
            }
            let (Some(place), Some(text)) = (wire::place(ns, &key), store.segment_text(&key))
            else {
                continue;
            };
            self.handed.insert(key, events);
            batches[slot(log) * 2 + usize::from(!own)].push((place, text));
        }
        for (i, entries) in batches.into_iter().enumerate() {
            if !entries.is_empty() {
                let log = if i < 2 {
                    LogName::Public
                } else {
                    LogName::Private
                };
                let own = i % 2 == 0;
                self.send(ToWorker::Put { log, entries, own });
            }
        }
    }

    /// Notes a link's state; says whether every link is now synced.
    pub fn state(&mut self, log: LogName, state: LinkState) -> bool {
        self.links[slot(log)] = state;
        self.shown() == SyncShown::Synced
    }

    /// The state over all links.
    pub fn shown(&self) -> SyncShown {
        let states = || self.config.channels.iter().map(|c| self.links[slot(c.log)]);
        if states().any(|s| s == LinkState::Offline) || !online() {
            SyncShown::Waiting
        } else if states().all(|s| s == LinkState::Synced) {
            SyncShown::Synced
        } else {
            SyncShown::Syncing
        }
    }

    /// Entries from the worker that this device does not hold as they are, as store
    /// keys (what is held already is not verified again).
    pub fn arrived(
        &self,
        store: &Store<impl Backend>,
        entries: Vec<(String, String)>,
    ) -> Vec<(String, String)> {
        let ns = store.namespace().as_str();
        entries
            .into_iter()
            .map(|(place, text)| (wire::key(ns, &place), text))
            .filter(|(key, text)| store.segment_text(key).as_deref() != Some(text.as_str()))
            .collect()
    }

    /// Notes segments as held by the worker's document already (they came from it),
    /// except this device's own: if the document held another text at their place
    /// (anyone with a token can write one), they are handed over again, and replace it.
    pub fn came_from_worker(&mut self, store: &Store<impl Backend>, mut keys: Vec<String>) {
        keys.sort_unstable();
        for (key, _, events, own) in store.held_segments() {
            if keys.binary_search(&key).is_err() {
                continue;
            }
            if own {
                self.handed.remove(&key);
            } else {
                self.handed.insert(key, events);
            }
        }
    }
}

/// A log's place in per-log arrays.
fn slot(log: LogName) -> usize {
    match log {
        LogName::Public => 0,
        LogName::Private => 1,
    }
}

impl Drop for SyncLink {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}
