//! The app's model: the store, the device preferences and what the screen shows about
//! them, shared with every component through one context ([`App`], from [`use_app`]).
//!
//! One mounted app is an [`Instance`]: the session behind a `RefCell` (a change never
//! clones the state), how to redraw the screen (a generation counter tells Yew when
//! something changed), and where to tell the host page what happened ([`HostEvent`]).
//! The page that mounts the app (`embed`) holds the instance too, to export and import.

use std::cell::{Ref, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::host::{self, HostEvent, Recorded, Source};
use super::i18n::{Lang, T, backup_error_text, error_text, store_error_text};
use crate::domain::pin::{self, PinError, PinHash};
use crate::domain::{Action, Event, Timestamp, VolunteerId};
use crate::store::backup::{self, RejectedRecord};
use crate::store::codec::{SegmentKey, decode_segment};
use crate::store::local::BrowserBackend;
use crate::store::prefs::{self, LoadedPrefs, Prefs};
use crate::store::{
    Backend, Change, ImportReport, MemoryBackend, Namespace, Store, StoreError, random_replica,
};

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

/// What the page that mounts the app chose for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setup {
    pub namespace: Namespace,
    /// The language until the person picks one with the switch.
    pub locale: Option<Lang>,
    /// The community's name, shown in the header.
    pub community: Option<String>,
}

/// Why an import or export through the host's handle failed: a code and the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub code: &'static str,
    pub message: String,
}

pub struct Session {
    pub store: Store<BrowserBackend>,
    pub prefs: LoadedPrefs,
    pub setup: Setup,
    /// Organizer mode is unlocked for this visit.
    pub organizer: bool,
    /// Why storage could not be used, when the app runs in memory.
    pub storage_problem: Option<StoreError>,
    pub notice: Option<Notice>,
    /// What to tell the host page once the session is no longer borrowed.
    outbox: Vec<HostEvent>,
}

impl Session {
    fn open(setup: Setup) -> Session {
        let (backend, storage_problem) = BrowserBackend::open();
        Session::on(setup, backend, storage_problem)
    }

    fn on(setup: Setup, backend: BrowserBackend, storage_problem: Option<StoreError>) -> Session {
        let prefs = prefs::load(&backend, setup.namespace.as_str());
        let store = Store::open(backend, setup.namespace.clone(), random_replica);
        let mut session = Session {
            store,
            prefs,
            setup,
            organizer: false,
            storage_problem,
            notice: None,
            outbox: Vec::new(),
        };
        session.report_opening();
        session
    }

    /// Tells the host what the banner shows from the start: memory mode, unreadable
    /// data, data from a newer version.
    fn report_opening(&mut self) {
        let lang = self.lang();
        if let Some(problem) = &self.storage_problem {
            self.tell_error(host::store_error_code(problem), lang.t(T::MemoryMode));
        }
        let unreadable = self.store.report().unreadable.len();
        if unreadable > 0 {
            self.tell_error(
                "unreadable-data",
                &lang.f(T::UnreadableData, &[&unreadable]),
            );
        }
        if self.store.read_only().is_some() {
            self.tell_error("read-only", lang.t(T::ReadOnlyData));
        }
    }

    fn tell_error(&mut self, code: &'static str, message: &str) {
        self.outbox.push(HostEvent::Error {
            code,
            message: message.to_owned(),
        });
    }

    pub fn lang(&self) -> Lang {
        self.prefs
            .prefs
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .or(self.setup.locale)
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
            let text = store_error_text(self.lang(), &error);
            self.tell_error(host::store_error_code(&error), &text);
            self.notice = Some(Notice {
                error: true,
                text,
                carried: false,
            });
        }
    }

    /// The backup file's text, noting the time so the app can remind about old backups.
    fn export_backup(&mut self) -> (String, usize) {
        let wall = now();
        let ns = self.store.namespace().as_str().to_owned();
        let text = backup::export(self.store.journal(), &ns, wall);
        self.update_prefs(|p| p.last_backup = Some(wall));
        (text, self.store.journal().len())
    }

    /// Imports a backup file's text; the events it added go to the host.
    fn import_backup(&mut self, text: &str) -> Result<ImportOutcome, Failure> {
        let lang = self.lang();
        let parsed = backup::parse(text).map_err(|e| Failure {
            code: "bad-backup",
            message: backup_error_text(lang, &e),
        })?;
        let mut seen = HashSet::new();
        let fresh: Vec<Recorded> = parsed
            .events
            .iter()
            .filter(|e| !self.store.journal().contains(e.id) && seen.insert(e.id))
            .map(Recorded::of)
            .collect();
        let report = self.store.import(parsed.events).map_err(|e| Failure {
            code: host::store_error_code(&e),
            message: store_error_text(lang, &e),
        })?;
        self.announce(Source::Import, fresh);
        Ok(ImportOutcome {
            report,
            rejected: parsed.rejected,
        })
    }

    /// Tells the host of the events among `candidates` that the journal now holds (an
    /// import or another tab's write may have brought fewer than it offered).
    fn announce(&mut self, source: Source, candidates: Vec<Recorded>) {
        let added: Vec<Recorded> = candidates
            .into_iter()
            .filter(|r| self.store.journal().contains(r.id))
            .collect();
        if !added.is_empty() {
            self.outbox.push(HostEvent::Change {
                source,
                events: added,
            });
        }
    }

    /// The events of another tab's write that this session does not have yet.
    fn unseen(&self, change: &Change) -> Vec<Recorded> {
        let ns = self.store.namespace().as_str();
        let decoded = SegmentKey::parse(ns, &change.key)
            .zip(change.value.as_deref())
            .and_then(|(key, text)| decode_segment(key, text).ok());
        decoded
            .map(|d| d.events)
            .unwrap_or_default()
            .iter()
            .filter(|e| !self.store.journal().contains(e.id))
            .map(Recorded::of)
            .collect()
    }
}

/// One mounted app: its session, how to redraw it, and where its news for the host
/// page goes.
pub struct Instance {
    session: RefCell<Session>,
    /// Set by [`SessionProvider`] while the app is on screen; a no-op before and after.
    redraw: RefCell<Callback<()>>,
    emit: Callback<HostEvent>,
}

impl Instance {
    /// Opens the session; `emit` hears what the host page should know.
    pub fn open(setup: Setup, emit: Callback<HostEvent>) -> Rc<Instance> {
        let instance = Rc::new(Instance {
            session: RefCell::new(Session::open(setup)),
            redraw: RefCell::new(Callback::noop()),
            emit,
        });
        instance.finish();
        instance
    }

    /// What [`use_app`] gives a component drawn outside [`SessionProvider`] (a mistake in
    /// the code): a session in memory that says so, in the banner (as memory mode) and
    /// in the console. A second store on the page's storage would write beside the
    /// real one unaware of it; this one writes nothing that outlives the page.
    fn unprovided() -> Rc<Instance> {
        let why = "use_app() was called outside SessionProvider: this part of the app runs \
                   in memory and keeps nothing";
        web_sys::console::error_1(&why.into());
        Rc::new(Instance {
            session: RefCell::new(Session::on(
                Setup::default(),
                BrowserBackend::Memory(MemoryBackend::default()),
                Some(StoreError::Unavailable(why.to_owned())),
            )),
            redraw: RefCell::new(Callback::noop()),
            emit: Callback::noop(),
        })
    }

    /// Redraws, then sends the host what the last change produced. Called with the
    /// session not borrowed: a redraw reads it.
    fn finish(&self) {
        let redraw = self.redraw.borrow().clone();
        redraw.emit(());
        let outbox = std::mem::take(&mut self.session.borrow_mut().outbox);
        for event in outbox {
            self.emit.emit(event);
        }
    }

    /// The backup file's text and how many events it holds.
    pub fn export_backup(&self) -> (String, usize) {
        let result = self.session.borrow_mut().export_backup();
        self.finish();
        result
    }

    /// Imports a backup file's text: what was imported, or why nothing could be.
    pub fn import_backup(&self, text: &str) -> Result<ImportOutcome, Failure> {
        let result = self.session.borrow_mut().import_backup(text);
        self.finish();
        result
    }
}

/// Wall-clock time, read only here at the edge and passed into the domain.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now().max(0.0) as u64)
}

/// The handle components use: read the session, do actions.
#[derive(Clone)]
pub struct App {
    instance: Rc<Instance>,
    generation: u64,
}

impl PartialEq for App {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && Rc::ptr_eq(&self.instance, &other.instance)
    }
}

impl App {
    pub fn session(&self) -> Ref<'_, Session> {
        self.instance.session.borrow()
    }

    fn session_mut(&self) -> std::cell::RefMut<'_, Session> {
        self.instance.session.borrow_mut()
    }

    pub fn lang(&self) -> Lang {
        self.session().lang()
    }

    /// Does an action. On success the state shows it and the host hears of it (and of
    /// any points it credited); on refusal the banner says why and `None` is returned.
    pub fn act(&self, action: Action) -> Option<Event> {
        let result = {
            let mut session = self.session_mut();
            let posted = session.store.journal().state().ledger().entries().len();
            let result = session.store.act(action, now());
            let lang = session.lang();
            match result {
                Ok(event) => {
                    session.notice = None;
                    let credits = host::credits(session.store.journal().state(), posted, event.id);
                    session.outbox.push(HostEvent::Change {
                        source: Source::Action,
                        events: vec![Recorded::of(&event)],
                    });
                    session.outbox.extend(credits);
                    Some(event)
                }
                Err(error) => {
                    let text = error_text(lang, &error);
                    session.tell_error(host::act_error_code(&error), &text);
                    session.notice = Some(Notice {
                        error: true,
                        text,
                        carried: false,
                    });
                    None
                }
            }
        };
        self.instance.finish();
        result
    }

    pub fn notify(&self, error: bool, text: String) {
        self.session_mut().notice = Some(Notice {
            error,
            text,
            carried: false,
        });
        self.instance.finish();
    }

    /// A message for the screen an action is about to move to.
    pub fn notify_next(&self, text: String) {
        self.session_mut().notice = Some(Notice {
            error: false,
            text,
            carried: true,
        });
        self.instance.finish();
    }

    pub fn dismiss(&self) {
        self.session_mut().notice = None;
        self.instance.finish();
    }

    /// Clears the message, redrawing only if there was one.
    pub fn clear_notice(&self) {
        let cleared = {
            let mut session = self.session_mut();
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
            self.instance.finish();
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        {
            let mut session = self.session_mut();
            session.notice = None;
            session.update_prefs(|p| p.lang = Some(lang.code().to_owned()));
        }
        self.instance.finish();
    }

    pub fn set_me(&self, me: Option<VolunteerId>) {
        {
            self.session_mut().update_prefs(|p| p.me = me);
        }
        self.instance.finish();
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
            let mut session = self.session_mut();
            let hash = PinHash::new(pin, &salt, pin::ROUNDS);
            session.update_prefs(|p| {
                p.pin = Some(hash);
                p.pin_failures = 0;
            });
            session.organizer = true;
        }
        self.instance.finish();
        Ok(())
    }

    /// Tries the PIN. Wrong tries are counted, and after a few each one waits longer.
    pub fn unlock(&self, pin: &str) -> Result<(), String> {
        let result = {
            let mut session = self.session_mut();
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
        self.instance.finish();
        result
    }

    pub fn lock(&self) {
        self.session_mut().organizer = false;
        self.instance.finish();
    }

    /// The backup file's text, noting the time so the app can remind about old backups.
    pub fn export_backup(&self) -> (String, usize) {
        self.instance.export_backup()
    }

    /// Imports a backup file's text: what was imported, or why nothing could be. A
    /// file that could not be imported is also reported to the host.
    pub fn import_backup(&self, text: &str) -> Result<ImportOutcome, String> {
        self.instance.import_backup(text).map_err(|failure| {
            self.instance.emit.emit(HostEvent::Error {
                code: failure.code,
                message: failure.message.clone(),
            });
            failure.message
        })
    }

    /// Takes in another tab's write; the events new to this tab go to the host.
    fn receive(&self, change: &Change) {
        let prefs_changed = {
            let mut session = self.session_mut();
            let key = prefs::prefs_key(session.store.namespace().as_str());
            (change.key == key)
                .then(|| session.reload_prefs())
                .is_some()
        };
        if prefs_changed {
            self.instance.finish();
            return;
        }
        let mut session = self.session_mut();
        let unseen = session.unseen(change);
        let merged = session.store.receive(change);
        if !merged.is_some_and(|m| m.added > 0 || !m.conflicts.is_empty()) {
            return;
        }
        session.announce(Source::Tab, unseen);
        drop(session);
        self.instance.finish();
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

#[derive(Properties)]
pub struct ProviderProps {
    pub instance: Rc<Instance>,
    #[prop_or_default]
    pub children: Html,
}

impl PartialEq for ProviderProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.instance, &other.instance) && self.children == other.children
    }
}

/// Provides the instance's session; listens to other tabs' writes until unmounted.
#[component]
pub fn SessionProvider(props: &ProviderProps) -> Html {
    let generation = use_reducer(Generation::default);
    let dispatcher = generation.dispatcher();
    *props.instance.redraw.borrow_mut() = Callback::from(move |()| dispatcher.dispatch(()));
    let app = App {
        instance: Rc::clone(&props.instance),
        generation: generation.0,
    };
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let listener = app.clone();
            let subscription = app
                .session()
                .store
                .backend()
                .subscribe(Rc::new(move |change| listener.receive(&change)));
            move || {
                drop(subscription);
                *app.instance.redraw.borrow_mut() = Callback::noop();
            }
        });
    }
    html! {
        <ContextProvider<App> context={app}>
            { props.children.clone() }
        </ContextProvider<App>>
    }
}

/// The app handle, from any component under [`SessionProvider`]. Outside one it is
/// the page's one session in memory ([`Instance::unprovided`]), made at the first such
/// call and reported then.
#[hook]
pub fn use_app() -> App {
    thread_local! {
        static UNPROVIDED: std::cell::OnceCell<Rc<Instance>> = const { std::cell::OnceCell::new() };
    }
    use_context::<App>().unwrap_or_else(|| App {
        instance: UNPROVIDED.with(|cell| Rc::clone(cell.get_or_init(Instance::unprovided))),
        generation: 0,
    })
}
