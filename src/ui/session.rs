//! The app's model: the store, the device preferences and what the screen shows about
//! them, shared with every component through one context ([`App`], from [`use_app`]).
//!
//! The session sits behind `Rc<RefCell<…>>` so a change never clones the state; a
//! generation counter tells Yew when something changed.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::i18n::{Lang, T, backup_error_text, error_text, store_error_text};
use crate::domain::pin::{self, PinError, PinHash};
use crate::domain::{Action, Event, Timestamp, VolunteerId};
use crate::store::backup::{self, RejectedRecord};
use crate::store::local::BrowserBackend;
use crate::store::prefs::{self, LoadedPrefs, Prefs};
use crate::store::{Backend, Change, ImportReport, Namespace, Store, StoreError, random_replica};

/// What importing a backup did, with every record that was not imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOutcome {
    pub report: ImportReport,
    pub rejected: Vec<RejectedRecord>,
}

/// A message in the banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// Survives the next change of screen: the message of an action that moves on.
    pub carried: bool,
}

pub struct Session {
    pub store: Store<BrowserBackend>,
    pub prefs: LoadedPrefs,
    /// Organizer mode is unlocked for this visit.
    pub organizer: bool,
    /// Why storage could not be used, when the app runs in memory.
    pub storage_problem: Option<StoreError>,
    pub notice: Option<Notice>,
}

impl Session {
    pub fn open(ns: Namespace) -> Session {
        let (backend, storage_problem) = BrowserBackend::open();
        let prefs = prefs::load(&backend, ns.as_str());
        let store = Store::open(backend, ns, random_replica);
        Session {
            store,
            prefs,
            organizer: false,
            storage_problem,
            notice: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.prefs
            .prefs
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }

    /// Reads the preferences again: another tab may have changed them (set the PIN,
    /// counted a wrong try). Unreadable ones stay as they are, never written over.
    fn reload_prefs(&mut self) {
        if self.prefs.unreadable {
            return;
        }
        let fresh = prefs::load(self.store.backend(), self.store.namespace().as_str());
        if !fresh.unreadable {
            self.prefs = fresh;
        }
    }

    /// Changes the preferences as they are stored now, not as this tab first read
    /// them, so a tab opened earlier never writes its stale copy over another's.
    fn update_prefs(&mut self, change: impl FnOnce(&mut Prefs)) {
        self.reload_prefs();
        change(&mut self.prefs.prefs);
        let ns = self.store.namespace().as_str().to_owned();
        if let Err(error) = prefs::save(self.store.backend(), &ns, &self.prefs) {
            self.notice = Some(Notice {
                error: true,
                text: store_error_text(self.lang(), &error),
                carried: false,
            });
        }
    }
}

/// Wall-clock time, read only here at the edge and passed into the domain.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now().max(0.0) as u64)
}

/// The handle components use: read the session, do actions.
#[derive(Clone)]
pub struct App {
    session: Rc<RefCell<Session>>,
    generation: u64,
    changed: Callback<()>,
}

impl PartialEq for App {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && Rc::ptr_eq(&self.session, &other.session)
    }
}

impl App {
    pub fn session(&self) -> Ref<'_, Session> {
        self.session.borrow()
    }

    pub fn lang(&self) -> Lang {
        self.session.borrow().lang()
    }

    /// Does an action. On success the state shows it; on refusal the banner says why
    /// and `None` is returned.
    pub fn act(&self, action: Action) -> Option<Event> {
        let result = {
            let mut session = self.session.borrow_mut();
            let result = session.store.act(action, now());
            let lang = session.lang();
            match result {
                Ok(event) => {
                    session.notice = None;
                    Some(event)
                }
                Err(error) => {
                    session.notice = Some(Notice {
                        error: true,
                        text: error_text(lang, &error),
                        carried: false,
                    });
                    None
                }
            }
        };
        self.changed.emit(());
        result
    }

    pub fn notify(&self, error: bool, text: String) {
        self.session.borrow_mut().notice = Some(Notice {
            error,
            text,
            carried: false,
        });
        self.changed.emit(());
    }

    /// A message for the screen an action is about to move to.
    pub fn notify_next(&self, text: String) {
        self.session.borrow_mut().notice = Some(Notice {
            error: false,
            text,
            carried: true,
        });
        self.changed.emit(());
    }

    pub fn dismiss(&self) {
        self.session.borrow_mut().notice = None;
        self.changed.emit(());
    }

    /// Clears the message, redrawing only if there was one.
    pub fn clear_notice(&self) {
        let cleared = {
            let mut session = self.session.borrow_mut();
            match session.notice.as_mut() {
                Some(notice) if notice.carried => {
                    notice.carried = false;
                    false
                }
                Some(_) => {
                    session.notice = None;
                    true
                }
                None => false,
            }
        };
        if cleared {
            self.changed.emit(());
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        {
            let mut session = self.session.borrow_mut();
            session.notice = None;
            session.update_prefs(|p| p.lang = Some(lang.code().to_owned()));
        }
        self.changed.emit(());
    }

    pub fn set_me(&self, me: Option<VolunteerId>) {
        {
            self.session.borrow_mut().update_prefs(|p| p.me = me);
        }
        self.changed.emit(());
    }

    /// Sets the organizer PIN on first use and unlocks organizer mode.
    pub fn set_pin(&self, pin: &str, again: &str) -> Result<(), PinError> {
        pin::valid_pin(pin)?;
        if pin != again {
            return Err(PinError::Mismatch);
        }
        let mut salt = [0u8; 16];
        // Without randomness the PIN is still hashed, only with a predictable salt.
        let _ = getrandom::fill(&mut salt);
        {
            let mut session = self.session.borrow_mut();
            let hash = PinHash::new(pin, &salt, pin::ROUNDS);
            session.update_prefs(|p| {
                p.pin = Some(hash);
                p.pin_failures = 0;
            });
            session.organizer = true;
        }
        self.changed.emit(());
        Ok(())
    }

    /// Tries the PIN. Wrong tries are counted, and after a few each one waits longer.
    pub fn unlock(&self, pin: &str) -> Result<(), String> {
        let result = {
            let mut session = self.session.borrow_mut();
            // Wrong tries are counted across every tab of the device.
            session.reload_prefs();
            let lang = session.lang();
            let wall = now();
            let locked_until = session.prefs.prefs.pin_locked_until;
            if wall < locked_until {
                let seconds = (locked_until.0 - wall.0).div_ceil(1000);
                Err(lang.f(T::PinLocked, &[&seconds]))
            } else if session
                .prefs
                .prefs
                .pin
                .as_ref()
                .is_some_and(|hash| hash.verify(pin))
            {
                session.update_prefs(|p| p.pin_failures = 0);
                session.organizer = true;
                Ok(())
            } else {
                session.update_prefs(|p| {
                    p.pin_failures = p.pin_failures.saturating_add(1);
                    p.pin_locked_until = Timestamp(wall.0 + pin::lockout_ms(p.pin_failures));
                });
                Err(lang.t(T::WrongPin).to_owned())
            }
        };
        self.changed.emit(());
        result
    }

    pub fn lock(&self) {
        self.session.borrow_mut().organizer = false;
        self.changed.emit(());
    }

    /// The backup file's text, noting the time so the app can remind about old backups.
    pub fn export_backup(&self) -> (String, usize) {
        let result = {
            let mut session = self.session.borrow_mut();
            let wall = now();
            let ns = session.store.namespace().as_str().to_owned();
            let text = backup::export(session.store.journal(), &ns, wall);
            session.update_prefs(|p| p.last_backup = Some(wall));
            (text, session.store.journal().len())
        };
        self.changed.emit(());
        result
    }

    /// Imports a backup file's text: what was imported, or why nothing could be.
    pub fn import_backup(&self, text: &str) -> Result<ImportOutcome, String> {
        let lang = self.lang();
        let parsed = backup::parse(text).map_err(|e| backup_error_text(lang, &e))?;
        let result = self
            .session
            .borrow_mut()
            .store
            .import(parsed.events)
            .map(|report| ImportOutcome {
                report,
                rejected: parsed.rejected,
            })
            .map_err(|e| store_error_text(lang, &e));
        self.changed.emit(());
        result
    }

    /// Takes in another tab's write.
    fn receive(&self, change: &Change) {
        let prefs_changed = {
            let mut session = self.session.borrow_mut();
            let key = prefs::prefs_key(session.store.namespace().as_str());
            (change.key == key)
                .then(|| session.reload_prefs())
                .is_some()
        };
        if prefs_changed {
            self.changed.emit(());
            return;
        }
        let merged = self.session.borrow_mut().store.receive(change);
        if merged.is_some_and(|m| m.added > 0 || !m.conflicts.is_empty()) {
            self.changed.emit(());
        }
    }
}

#[derive(Default, PartialEq)]
struct Generation(u64);

impl Reducible for Generation {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Generation(self.0 + 1))
    }
}

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    pub namespace: String,
    #[prop_or_default]
    pub children: Html,
}

/// Opens the session once and provides it; listens to other tabs' writes.
#[component]
pub fn SessionProvider(props: &ProviderProps) -> Html {
    let namespace = Namespace::new(&props.namespace).unwrap_or_default();
    let session = use_mut_ref(|| Session::open(namespace));
    let generation = use_reducer(Generation::default);
    let changed = {
        let dispatcher = generation.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(()))
    };
    let app = App {
        session: Rc::clone(&session),
        generation: generation.0,
        changed,
    };
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let listener = app.clone();
            let subscription = app
                .session
                .borrow()
                .store
                .backend()
                .subscribe(Rc::new(move |change| listener.receive(&change)));
            move || drop(subscription)
        });
    }
    html! {
        <ContextProvider<App> context={app}>
            { props.children.clone() }
        </ContextProvider<App>>
    }
}

/// The app handle, from any component under [`SessionProvider`].
#[hook]
pub fn use_app() -> App {
    use_context::<App>().unwrap_or_else(|| App {
        session: Rc::new(RefCell::new(Session::open(Namespace::default()))),
        generation: 0,
        changed: Callback::noop(),
    })
}
