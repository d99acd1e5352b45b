//! Live sync's side of an instance: starting the sync worker as the community's
//! settings ask, handing it what this device wrote, and taking in what it brings. In
//! the shipped build this is engine code (`Engine::follow_sync`), in the `rest` part.

use super::{Instance, Session, now};
use crate::store::SealRefusal;
use crate::sync::wire::FromWorker;
use crate::ui::host::Source;
use crate::ui::sync::{SyncConfig, SyncLink, SyncShown};

impl Instance {
    /// Starts, restarts or stops the sync worker as the community's settings ask, and
    /// hands it what this device wrote since (`Engine::follow_sync`).
    pub(in crate::ui::session) fn follow_sync(&self) {
        let session = self.session.borrow();
        // An expired token would only be refused: the header says so instead.
        let config = SyncConfig::of(&session.store);
        let expired = config.as_ref().is_some_and(|c| c.expired(now()));
        self.sync_expired.set(expired);
        let wanted = config.filter(|_| !expired);
        let mut link = self.sync.borrow_mut();
        if link.as_ref().map(SyncLink::config) != wanted.as_ref() {
            *link = wanted.and_then(|config| {
                let (me, again) = (self.me.clone(), self.me.clone());
                let heard = move |message| {
                    if let Some(instance) = me.upgrade() {
                        instance.heard(message);
                    }
                };
                // A token that expires during the visit: follow the settings again,
                // which stops the worker and shows it (after the timer's own call,
                // since that drops the link holding the timer).
                let expired = move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(instance) = again.upgrade() {
                            instance.finish();
                        }
                    });
                };
                SyncLink::start(config, now(), heard, expired)
            });
        }
        if let Some(link) = link.as_mut() {
            link.push(&session.store);
        }
    }

    /// A message from the sync worker.
    fn heard(&self, message: FromWorker) {
        match message {
            FromWorker::Ready => {
                if let Some(link) = self.sync.borrow_mut().as_mut() {
                    link.ready();
                }
            }
            FromWorker::Got { entries, .. } => {
                let arrived = {
                    let session = self.session.borrow();
                    match self.sync.borrow().as_ref() {
                        Some(link) => link.arrived(&session.store, entries),
                        None => return,
                    }
                };
                if arrived.is_empty() {
                    return;
                }
                let keys: Vec<String> = arrived.iter().map(|(key, _)| key.clone()).collect();
                {
                    let mut session = self.session.borrow_mut();
                    // Sync runs for a community's store, which the engine has read.
                    let Some(engine) = session.engine() else {
                        return;
                    };
                    match (engine.import_sealed)(&mut session.store, arrived) {
                        Ok(report) => {
                            for refused in report.refused {
                                if !session.sync_refused.iter().any(|r| r.key == refused.key) {
                                    session.sync_refused.push(refused);
                                }
                            }
                            // A segment whose key was unknown waits in the store and
                            // counts once its device is enrolled: then it is held here.
                            let Session {
                                store,
                                sync_refused,
                                ..
                            } = &mut *session;
                            sync_refused.retain(|r| {
                                r.reason != SealRefusal::UnknownKey
                                    || store.segment_text(&r.key).is_none()
                            });
                            if !report.unreadable.is_empty() {
                                let why = format!(
                                    "sync: {} segments unreadable",
                                    report.unreadable.len()
                                );
                                web_sys::console::warn_1(&why.into());
                            }
                            session.announce(Source::Sync, &report.ids);
                        }
                        Err(error) => {
                            let why = format!("sync: {error}");
                            web_sys::console::warn_1(&why.into());
                        }
                    }
                    if let Some(link) = self.sync.borrow_mut().as_mut() {
                        link.came_from_worker(&session.store, keys);
                    }
                }
                self.finish();
            }
            FromWorker::Status { log, state } => {
                let synced = match self.sync.borrow_mut().as_mut() {
                    Some(link) => {
                        let before = link.shown();
                        link.state(log, state) && before != SyncShown::Synced
                    }
                    None => return,
                };
                if synced {
                    self.session
                        .borrow_mut()
                        .update_prefs(|p| p.last_synced = Some(now()));
                }
                let redraw = self.redraw.borrow().clone();
                redraw.emit(());
            }
            FromWorker::Trouble { log, what } => {
                let why = format!("sync ({log:?}): {what}");
                web_sys::console::warn_1(&why.into());
            }
        }
    }
}
