//! The worker's side: messages from the app, one WebSocket per log, the kept document.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{ArrayBuffer, Uint8Array};
use linli::sync::wire::{Channel, FromWorker, LinkState, LogName, ToWorker};
use linli::sync::{LogDoc, Received};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{BinaryType, CloseEvent, DedicatedWorkerGlobalScope, MessageEvent, WebSocket};

/// The Cache API cache that keeps each document between visits.
const KEEP_CACHE: &str = "ll-sync";
/// How long after a change the document is kept (changes in a burst are kept once).
const KEEP_AFTER_MS: u32 = 1_000;
/// Waits between tries to reconnect: from the first to the longest.
const RETRY_FIRST_MS: u32 = 500;
const RETRY_MAX_MS: u32 = 30_000;
/// After the first catch-up of a visit or of a reconnection, the socket is opened once
/// more, this long later (a random time in the range). y-sweet 0.9.1 loads a document
/// that is not in memory once per connection that asks for it at the same moment (no lock
/// between its check and its insert), so devices reconnecting together after a restart
/// can land on two copies that never hear each other. The second connection, at a time
/// of its own, lands on the copy the server kept.
const SETTLE_MS: (u32, u32) = (1_000, 4_000);

type Shared = Rc<RefCell<Worker>>;

#[derive(Default)]
struct Worker {
    links: HashMap<LogName, Link>,
    online: bool,
}

impl Worker {
    /// The log's link, if `generation` is its socket's: callbacks of an older socket
    /// find none.
    fn socket_of(&mut self, log: LogName, generation: u64) -> Option<&mut Link> {
        self.links
            .get_mut(&log)
            .filter(|link| link.generation == generation)
    }
}

/// One log's document and its connection.
struct Link {
    channel: Channel,
    doc: LogDoc,
    socket: Option<Socket>,
    state: LinkState,
    retry_ms: u32,
    retry: Option<Timeout>,
    keep: Option<Timeout>,
    /// Probes sent and the last one the server echoed.
    probes: u64,
    echoed: u64,
    /// Set once the kept document is loaded: only then may the socket open.
    loaded: bool,
    /// Bumped at each (re)start, so callbacks of an older socket are ignored.
    generation: u64,
    /// Whether this socket is the first since the visit began or the server was lost:
    /// once it has caught up, the link reconnects once more (see `SETTLE_MS`).
    unsettled: bool,
    settle: Option<Timeout>,
}

/// A WebSocket and the callbacks it holds (dropped with it).
struct Socket {
    ws: WebSocket,
    _on_open: Closure<dyn FnMut()>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromWorker) {
    let _ = scope().post_message(&JsValue::from_str(&message.text()));
}

fn trouble(log: Option<LogName>, what: impl Into<String>) {
    post(&FromWorker::Trouble {
        log,
        what: what.into(),
    });
}

pub fn run() {
    let shared: Shared = Rc::new(RefCell::new(Worker {
        online: true,
        ..Worker::default()
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        match ToWorker::parse(&text) {
            Some(message) => handle(&shared, message),
            None => trouble(None, "a message not understood"),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it: so does its listener.
    on_message.forget();
    post(&FromWorker::Ready);
}

fn handle(shared: &Shared, message: ToWorker) {
    match message {
        ToWorker::Start { channels } => {
            let logs: Vec<LogName> = channels.iter().map(|c| c.log).collect();
            {
                let mut worker = shared.borrow_mut();
                worker.links.clear();
                for channel in channels {
                    worker.links.insert(channel.log, Link::new(channel));
                }
            }
            for log in logs {
                let shared = Rc::clone(shared);
                spawn_local(async move { load(&shared, log).await });
            }
        }
        ToWorker::Put { log, entries, own } => {
            let mut worker = shared.borrow_mut();
            let Some(link) = worker.links.get_mut(&log) else {
                return;
            };
            if let Some(update) = link.doc.put(&entries, own) {
                link.send(&update);
                link.send_probe();
                link.keep_soon(shared, log);
            }
        }
        ToWorker::Online { online } => {
            let logs: Vec<LogName> = {
                let mut worker = shared.borrow_mut();
                worker.online = online;
                worker.links.keys().copied().collect()
            };
            for log in logs {
                if online {
                    connect(shared, log);
                } else {
                    let mut worker = shared.borrow_mut();
                    if let Some(link) = worker.links.get_mut(&log) {
                        link.socket = None;
                        link.retry = None;
                        link.settle = None;
                        link.unsettled = true;
                        link.set_state(log, LinkState::Offline);
                    }
                }
            }
        }
    }
}

impl Link {
    fn new(channel: Channel) -> Link {
        Link {
            channel,
            doc: LogDoc::new(),
            socket: None,
            state: LinkState::Connecting,
            retry_ms: RETRY_FIRST_MS,
            retry: None,
            keep: None,
            probes: 0,
            echoed: 0,
            loaded: false,
            generation: 0,
            unsettled: true,
            settle: None,
        }
    }

    fn send(&self, message: &[u8]) {
        let Some(socket) = &self.socket else {
            // Not connected: the document holds the change, and the server's step 1
            // asks for it on the next connection.
            return;
        };
        if socket.ws.ready_state() == WebSocket::OPEN {
            // A failed send closes the socket; the next connection's exchange of state
            // vectors sends what this one did not.
            let _ = socket.ws.send_with_u8_array(message);
        }
    }

    fn send_probe(&mut self) {
        if self.socket.is_some() {
            self.probes += 1;
            self.send(&LogDoc::probe(self.probes));
        }
    }

    fn set_state(&mut self, log: LogName, state: LinkState) {
        self.state = state;
        post(&FromWorker::Status { log, state });
    }

    /// Opens the socket once more a random moment from now (see `SETTLE_MS`); the link
    /// keeps its state meanwhile, as nothing was lost.
    fn settle_soon(&mut self, shared: &Shared, log: LogName) {
        let shared = Rc::clone(shared);
        let (low, high) = SETTLE_MS;
        self.settle = Some(Timeout::new(low + random_below(high - low), move || {
            if let Some(link) = shared.borrow_mut().links.get_mut(&log) {
                link.settle = None;
                link.socket = None;
            }
            open(&shared, log, false);
        }));
    }

    /// Keeps the document in the cache a moment after the last change.
    fn keep_soon(&mut self, shared: &Shared, log: LogName) {
        let shared = Rc::clone(shared);
        self.keep = Some(Timeout::new(KEEP_AFTER_MS, move || {
            let kept = {
                let mut worker = shared.borrow_mut();
                worker.links.get_mut(&log).map(|link| {
                    link.keep = None;
                    (link.channel.keep.clone(), link.doc.state())
                })
            };
            if let Some((key, state)) = kept {
                spawn_local(async move {
                    if let Err(why) = keep(&key, &state).await {
                        trouble(Some(log), format!("could not keep the document: {why}"));
                    }
                });
            }
        }));
    }
}

/// Loads the kept document (if any), tells the app what it holds, then connects.
async fn load(shared: &Shared, log: LogName) {
    let key = match shared.borrow().links.get(&log) {
        Some(link) => link.channel.keep.clone(),
        None => return,
    };
    let kept = match kept(&key).await {
        Ok(kept) => kept,
        Err(why) => {
            trouble(
                Some(log),
                format!("could not read the kept document: {why}"),
            );
            None
        }
    };
    let held = {
        let mut worker = shared.borrow_mut();
        let Some(link) = worker.links.get_mut(&log) else {
            return;
        };
        let mut held = Vec::new();
        if let Some(bytes) = kept {
            match LogDoc::load(&bytes) {
                Ok((doc, entries)) => {
                    link.doc = doc;
                    held = entries;
                }
                // A damaged copy is only a cache: start empty and fetch it all again.
                Err(why) => trouble(Some(log), format!("the kept document is unreadable: {why}")),
            }
        }
        link.loaded = true;
        held
    };
    if !held.is_empty() {
        post(&FromWorker::Got { log, entries: held });
    }
    connect(shared, log);
}

/// Opens the log's socket, unless one is open, the device is off line, or the kept
/// document is still loading.
fn connect(shared: &Shared, log: LogName) {
    open(shared, log, true);
}

/// Opens the log's socket as `connect` does; `shown` says whether the link shows it is
/// connecting meanwhile.
fn open(shared: &Shared, log: LogName, shown: bool) {
    let mut worker = shared.borrow_mut();
    let online = worker.online;
    let Some(link) = worker.links.get_mut(&log) else {
        return;
    };
    if !link.loaded || link.socket.is_some() {
        return;
    }
    if !online {
        link.set_state(log, LinkState::Offline);
        return;
    }
    link.retry = None;
    link.generation += 1;
    let generation = link.generation;
    let ws = match WebSocket::new(&link.channel.url) {
        Ok(ws) => ws,
        Err(error) => {
            trouble(
                Some(log),
                format!("cannot open {}: {error:?}", link.channel.url),
            );
            return;
        }
    };
    ws.set_binary_type(BinaryType::Arraybuffer);
    let on_open = {
        let shared = Rc::clone(shared);
        Closure::<dyn FnMut()>::new(move || opened(&shared, log, generation))
    };
    let on_message = {
        let shared = Rc::clone(shared);
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Ok(buffer) = event.data().dyn_into::<ArrayBuffer>() {
                frame(&shared, log, generation, &Uint8Array::new(&buffer).to_vec());
            }
        })
    };
    let on_close = {
        let shared = Rc::clone(shared);
        Closure::<dyn FnMut(CloseEvent)>::new(move |_| closed(&shared, log, generation))
    };
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    link.socket = Some(Socket {
        ws,
        _on_open: on_open,
        _on_message: on_message,
        _on_close: on_close,
    });
    if shown {
        link.set_state(log, LinkState::Connecting);
    }
}

fn opened(shared: &Shared, log: LogName, generation: u64) {
    let mut worker = shared.borrow_mut();
    let Some(link) = worker.socket_of(log, generation) else {
        return;
    };
    let greeting = link.doc.greeting();
    link.send(&greeting);
}

fn frame(shared: &Shared, log: LogName, generation: u64, bytes: &[u8]) {
    let changed = {
        let mut worker = shared.borrow_mut();
        let Some(link) = worker.socket_of(log, generation) else {
            return;
        };
        let Received {
            replies,
            changed,
            caught_up,
            echoed,
        } = match link.doc.receive(bytes) {
            Ok(received) => received,
            Err(why) => {
                trouble(Some(log), why.to_string());
                return;
            }
        };
        for reply in &replies {
            link.send(reply);
        }
        if caught_up || !replies.is_empty() {
            // Ask the server to say when it holds what was just sent.
            link.send_probe();
        }
        if let Some(echo) = echoed {
            link.echoed = link.echoed.max(echo);
        }
        if caught_up {
            link.retry_ms = RETRY_FIRST_MS;
            if std::mem::take(&mut link.unsettled) {
                link.settle_soon(shared, log);
            }
        }
        if !changed.is_empty() || caught_up {
            link.keep_soon(shared, log);
        }
        let synced = link.echoed >= link.probes && link.probes > 0;
        let state = if synced {
            LinkState::Synced
        } else {
            LinkState::Connecting
        };
        if state != link.state || echoed.is_some() {
            link.set_state(log, state);
        }
        changed
    };
    if !changed.is_empty() {
        post(&FromWorker::Got {
            log,
            entries: changed,
        });
    }
}

fn closed(shared: &Shared, log: LogName, generation: u64) {
    let mut worker = shared.borrow_mut();
    let online = worker.online;
    let Some(link) = worker.socket_of(log, generation) else {
        return;
    };
    link.socket = None;
    link.settle = None;
    link.unsettled = true;
    if !online {
        link.set_state(log, LinkState::Offline);
        return;
    }
    link.set_state(log, LinkState::Connecting);
    // Half the wait, plus a random part: devices that lost the server together do not
    // all come back in the same millisecond.
    let wait = link.retry_ms / 2 + random_below(link.retry_ms / 2);
    link.retry_ms = (link.retry_ms * 2).min(RETRY_MAX_MS);
    let shared_again = Rc::clone(shared);
    link.retry = Some(Timeout::new(wait, move || connect(&shared_again, log)));
}

/// A random whole number below `n` (0 when `n` is 0).
fn random_below(n: u32) -> u32 {
    (js_sys::Math::random() * f64::from(n)) as u32
}

fn fail(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}

/// The Cache API cache the documents are kept in.
async fn cache() -> Result<web_sys::Cache, String> {
    let caches = scope().caches().map_err(fail)?;
    Ok(JsFuture::from(caches.open(KEEP_CACHE))
        .await
        .map_err(fail)?
        .unchecked_into())
}

/// The document kept at `key`, if any.
async fn kept(key: &str) -> Result<Option<Vec<u8>>, String> {
    let cache = cache().await?;
    let hit = JsFuture::from(cache.match_with_str(key))
        .await
        .map_err(fail)?;
    let Ok(response) = hit.dyn_into::<web_sys::Response>() else {
        return Ok(None);
    };
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(fail)?;
    Ok(Some(Uint8Array::new(&buffer).to_vec()))
}

/// Keeps the document's state at `key`.
async fn keep(key: &str, state: &[u8]) -> Result<(), String> {
    let cache = cache().await?;
    let body = Uint8Array::from(state);
    let response = web_sys::Response::new_with_opt_buffer_source(Some(&body)).map_err(fail)?;
    JsFuture::from(cache.put_with_str(key, &response))
        .await
        .map_err(fail)?;
    Ok(())
}
