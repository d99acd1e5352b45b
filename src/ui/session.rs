//! The app's model: the store, the device preferences and what the screen shows about
//! them, shared with every component through one context ([`App`], from [`use_app`]).
//!
//! One mounted app is an [`Instance`]: the session behind a `RefCell` (a change never
//! clones the state), how to redraw the screen (a generation counter tells Yew when
//! something changed), and where to tell the host page what happened ([`HostEvent`]).
//! The page that mounts the app (`embed`) holds the instance too, to export and import.

mod community;
mod engine;
mod live;

use std::cell::{Cell, Ref, RefCell};
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::host::{self, HostEvent, Recorded, Source};
use super::i18n::{Lang, T, error_text, import_error_text, store_error_text};
use super::split::Unloaded;
use super::sync::{SyncLink, SyncShown};
use crate::domain::trust::{Role, permits};
use crate::domain::{Action, Event, EventId, State, Timestamp, VolunteerId};
use crate::store::backup::{RejectedRecord, Scope};
use crate::store::local::{BrowserBackend, visit};
use crate::store::prefs::{self, LoadedPrefs, Prefs, SavePrefsError};
use crate::store::{
    Acted, Backend, Change, ImportReport, MemoryBackend, Namespace, RefusedSegment, Store,
    StoreError, random,
};
use engine::{Engine, Import};

/// Why a PIN, a name or a code was not accepted: the text to show.
pub type Refused = String;

/// How long organizer mode lasts without an action: it survives a reload, not a break.
pub const VISIT_IDLE_MS: u64 = 15 * 60_000;

/// What importing a backup did, with every record that was not imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOutcome {
    pub report: ImportReport,
    pub rejected: Vec<RejectedRecord>,
}

impl ImportOutcome {
    /// The events of a file from before signing, which an organizer may adopt.
    pub fn unsigned(&self) -> usize {
        self.report.unsigned
    }

    /// Records of the file that were not imported, signed ones and unreadable parts
    /// (the unsigned are counted apart: an organizer may still adopt them).
    pub fn not_imported(&self) -> usize {
        let r = &self.report;
        self.rejected.len()
            + r.conflicts.len()
            + r.not_stored
            + r.unreadable.len()
            + r.refused.iter().map(|s| s.events).sum::<usize>()
    }
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
    /// The store: empty until the engine has read what storage holds into it
    /// ([`Session::engine`]).
    pub store: Store<BrowserBackend>,
    /// Whether the engine has read storage into the store.
    pub read: bool,
    /// Whether storage held nothing when the session opened before the engine was here:
    /// the empty store is then what reading it gives, and the first module's screens
    /// draw it at once.
    empty_at_start: bool,
    pub prefs: LoadedPrefs,
    pub setup: Setup,
    /// Why storage could not be used, when the app runs in memory.
    pub storage_problem: Option<StoreError>,
    pub notice: Option<Notice>,
    /// What to tell the host page once the session is no longer borrowed.
    outbox: Vec<HostEvent>,
    /// The events of the last file from before signing, kept for an organizer to
    /// adopt (see [`App::adopt_file`]).
    unsigned: Vec<Event>,
    /// Segments live sync brought whose seal did not verify, by key (listed on
    /// 未计入的记录 with those of this device's storage).
    pub sync_refused: Vec<RefusedSegment>,
}

impl Session {
    fn open(setup: Setup) -> Session {
        let (backend, storage_problem) = BrowserBackend::open();
        Session::on(setup, backend, storage_problem)
    }

    fn on(setup: Setup, backend: BrowserBackend, storage_problem: Option<StoreError>) -> Session {
        let prefs = prefs::load(&backend, setup.namespace.as_str());
        // Only asked while the engine is not here: with it, storage is read below (and
        // listed there), which is what this would stand in for.
        let empty_at_start =
            engine::get().is_none() && Store::nothing_stored(&backend, &setup.namespace);
        let store = Store::empty(backend, setup.namespace.clone(), random);
        let mut session = Session {
            store,
            read: false,
            empty_at_start,
            prefs,
            setup,
            storage_problem,
            notice: None,
            outbox: Vec::new(),
            unsigned: Vec::new(),
            sync_refused: Vec::new(),
        };
        if let Some(problem) = &session.storage_problem {
            let code = host::store_error_code(problem);
            let text = session.lang().t(T::MemoryMode);
            session.tell_error(code, text);
        }
        // Where the engine is here already (a host page's mount, tests), storage is
        // read at once.
        session.engine();
        session
    }

    /// Whether the screens may draw the store: storage has been read, or held nothing.
    pub fn drawable(&self) -> bool {
        self.read || self.empty_at_start
    }

    /// A device that has joined no community and holds no events (a first visit, before
    /// joining or setting one up): the community's screens have nothing to show it.
    pub fn unjoined(&self) -> bool {
        self.drawable() && self.store.community().is_none() && self.store.journal().is_empty()
    }

    /// The engine, with what storage holds read into the store the first time: what
    /// every write, import and export goes through. `None` until its module is here.
    fn engine(&mut self) -> Option<Engine> {
        let engine = engine::get()?;
        if !self.read {
            (engine.read)(&mut self.store, now());
            self.read = true;
            self.report_reading();
        }
        Some(engine)
    }

    /// The engine, or the failure to tell the host when its module is not here yet.
    fn engine_or_failure(&mut self) -> Result<Engine, Failure> {
        let lang = self.lang();
        self.engine().ok_or_else(|| Failure {
            code: "loading",
            message: lang.t(T::PartLoading).to_owned(),
        })
    }

    /// The state every screen shows.
    pub fn state(&self) -> &State {
        self.store.journal().state()
    }

    /// The role this device's key has in the community, once an organizer enrolled it.
    pub fn role(&self) -> Option<Role> {
        self.store.role()
    }

    /// Organizer mode: an organizer's device, unlocked by its PIN.
    pub fn organizer(&self) -> bool {
        self.store.can_sign() && self.role() == Some(Role::Organizer)
    }

    /// Who this device acts for: a volunteer's phone, its volunteer; any other device,
    /// the volunteer chosen on 我的 (an organizer acting on someone's behalf). Only a
    /// volunteer the state knows.
    pub fn me(&self) -> Option<VolunteerId> {
        let me = match self.role() {
            Some(Role::Volunteer(v)) => Some(v),
            _ => self.prefs.prefs.me,
        };
        me.filter(|id| self.state().volunteer(*id).is_some())
    }

    /// Whether this device may do `action` now: its key can sign, and its role may do
    /// it by the authority table. The screens ask before offering a button.
    pub fn may(&self, action: &Action) -> bool {
        self.store.can_sign()
            && self
                .role()
                .is_some_and(|role| permits(role, action, self.state()).is_ok())
    }

    /// Tells the host what the banner shows once storage is read: unreadable data, data
    /// from a newer version.
    fn report_reading(&mut self) {
        let lang = self.lang();
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
        let (code, text) = match prefs::save(self.store.backend(), &ns, &self.prefs) {
            Ok(()) => return,
            // Unreadable preferences are kept, so the change is not saved: say so (a
            // PIN set now would otherwise be gone at the next reload without a word).
            Err(SavePrefsError::Unreadable) => (
                "unreadable-data",
                self.lang().t(T::PrefsNotSaved).to_owned(),
            ),
            Err(SavePrefsError::Store(error)) => (
                host::store_error_code(&error),
                store_error_text(self.lang(), &error),
            ),
        };
        self.tell_error(code, &text);
        self.notice = Some(Notice {
            error: true,
            text,
            carried: false,
        });
    }

    /// A backup file's text for `scope` and how many events it holds, noting the time
    /// so the app can remind about old backups.
    fn export_backup(&mut self, scope: Scope) -> Result<(String, usize), Failure> {
        let wall = now();
        let lang = self.lang();
        let engine = self.engine_or_failure()?;
        let exported = (engine.export_file)(&self.store, scope, wall).map_err(|_| Failure {
            code: "not-allowed",
            message: lang.t(T::ExportNotAllowed).to_owned(),
        })?;
        if scope == Scope::Full {
            self.update_prefs(|p| p.last_backup = Some(wall));
        }
        Ok(exported)
    }

    /// Imports a backup file's text; the events it added go to the host. `import` picks
    /// the engine's [`Engine::import_file`], or [`Engine::import_file_counting`] where a
    /// version-1 file's records cannot be adopted (the JavaScript API).
    fn import_backup(
        &mut self,
        text: &str,
        import: fn(&Engine) -> Import,
    ) -> Result<ImportOutcome, Failure> {
        let lang = self.lang();
        let engine = self.engine_or_failure()?;
        let imported = import(&engine)(&mut self.store, text).map_err(|e| Failure {
            code: host::import_error_code(&e),
            message: import_error_text(lang, &e),
        })?;
        self.announce(Source::Import, &imported.report.ids);
        self.unsigned = imported.unsigned;
        Ok(ImportOutcome {
            report: imported.report,
            rejected: imported.rejected,
        })
    }

    /// Tells the host of events the journal took in from elsewhere.
    fn announce(&mut self, source: Source, ids: &[EventId]) {
        let journal = self.store.journal();
        let added: Vec<Recorded> = ids
            .iter()
            .filter_map(|id| journal.event(*id))
            .filter(|event| event.action.is_public())
            .map(Recorded::of)
            .collect();
        if !added.is_empty() {
            self.outbox.push(HostEvent::Change {
                source,
                events: added,
            });
        }
    }

    /// Keeps organizer mode for the visit, counting idle time from now.
    fn keep_visit(&self) {
        if let Some(signer) = self.store.signer()
            && self.store.device().is_some_and(|d| d.is_wrapped())
        {
            let ns = self.store.namespace().as_str();
            visit::keep(ns, signer, Timestamp(now().0 + VISIT_IDLE_MS));
        }
    }
}

/// One mounted app: its session, how to redraw it, and where its news for the host
/// page goes.
pub struct Instance {
    session: RefCell<Session>,
    /// Set by [`SessionProvider`] while the app is on screen; a no-op before and after.
    redraw: RefCell<Callback<()>>,
    emit: Callback<HostEvent>,
    /// Live sync, while the community has a sync server ([`super::sync`]).
    sync: RefCell<Option<SyncLink>>,
    /// Whether the community's sync token had expired when sync was last followed: no
    /// worker runs then, and the header says so.
    sync_expired: Cell<bool>,
    /// This instance, for the sync worker's messages to find it (and not keep it).
    me: Weak<Instance>,
}

impl Instance {
    /// Opens the session; `emit` hears what the host page should know.
    pub fn open(setup: Setup, emit: Callback<HostEvent>) -> Rc<Instance> {
        let instance = Rc::new_cyclic(|me| Instance {
            session: RefCell::new(Session::open(setup)),
            redraw: RefCell::new(Callback::noop()),
            emit,
            sync: RefCell::new(None),
            sync_expired: Cell::new(false),
            me: me.clone(),
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
        Rc::new_cyclic(|me| Instance {
            session: RefCell::new(Session::on(
                Setup::default(),
                BrowserBackend::Memory(MemoryBackend::default()),
                Some(StoreError::Unavailable(why.to_owned())),
            )),
            redraw: RefCell::new(Callback::noop()),
            emit: Callback::noop(),
            sync: RefCell::new(None),
            sync_expired: Cell::new(false),
            me: me.clone(),
        })
    }

    /// Redraws, then sends the host what the last change produced. Called with the
    /// session not borrowed: a redraw reads it.
    fn finish(&self) {
        // Live sync follows the community's settings once the engine is here (which
        // has read the store: no community before).
        if let Some(engine) = engine::get() {
            (engine.follow_sync)(self);
        }
        let redraw = self.redraw.borrow().clone();
        redraw.emit(());
        let outbox = std::mem::take(&mut self.session.borrow_mut().outbox);
        for event in outbox {
            self.emit.emit(event);
        }
    }

    /// A backup file's text for `scope` and how many events it holds, or why this
    /// device may not write it.
    pub fn export_backup(&self, scope: Scope) -> Result<(String, usize), Failure> {
        let result = self.session.borrow_mut().export_backup(scope);
        self.finish();
        result
    }

    /// Imports a backup file's text: what was imported, or why nothing could be. A
    /// version-1 file's records are read, for an organizer to adopt.
    pub fn import_backup(&self, text: &str) -> Result<ImportOutcome, Failure> {
        self.import_with(text, |engine| engine.import_file)
    }

    /// Imports a backup file's text for the host page: as [`Instance::import_backup`],
    /// but a version-1 file's records are only counted (the host cannot adopt them).
    pub fn import_for_host(&self, text: &str) -> Result<ImportOutcome, Failure> {
        self.import_with(text, |engine| engine.import_file_counting)
    }

    fn import_with(
        &self,
        text: &str,
        import: fn(&Engine) -> Import,
    ) -> Result<ImportOutcome, Failure> {
        let result = self.session.borrow_mut().import_backup(text, import);
        self.finish();
        result
    }

    /// Loads the engine's module and, the first time, reads what storage holds into
    /// the store; then draws again.
    pub async fn ready(&self) -> Result<(), Unloaded> {
        engine::load().await?;
        let fresh = {
            let mut session = self.session.borrow_mut();
            let fresh = !session.read;
            session.engine();
            fresh
        };
        if fresh {
            self.finish();
        }
        Ok(())
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

    /// How live sync stands, if this device syncs: what to show, and when it last
    /// ended with the server holding everything.
    pub fn sync_shown(&self) -> Option<(SyncShown, Option<Timestamp>)> {
        let shown = match self.instance.sync.borrow().as_ref() {
            _ if self.instance.sync_expired.get() => SyncShown::Expired,
            Some(link) => link.shown(),
            None => return None,
        };
        Some((shown, self.session().prefs.prefs.last_synced))
    }

    /// Does an action. On success the state shows it and the host hears of it (and of
    /// any points it credited); on refusal the banner says why and `None` is returned.
    pub fn act(&self, action: Action) -> Option<Event> {
        let result = {
            let mut session = self.session_mut();
            let lang = session.lang();
            // Only a part's screen acts, and it draws once the engine is here; the
            // action is refused aloud, never dropped, if that ever fails.
            let result = match session.engine() {
                Some(engine) => (engine.act)(&mut session.store, action, now()).map_err(Some),
                None => Err(None),
            };
            match result {
                Ok(Acted { event, credits, .. }) => {
                    session.notice = None;
                    session.keep_visit();
                    let credits = host::credits(session.state(), &credits, event.id);
                    session.outbox.push(HostEvent::Change {
                        source: Source::Action,
                        events: vec![Recorded::of(&event)],
                    });
                    session.outbox.extend(credits);
                    Some(event)
                }
                Err(refused) => {
                    let (code, text) = match refused {
                        Some(error) => (host::act_error_code(&error), error_text(lang, &error)),
                        None => ("loading", lang.t(T::PartLoading).to_owned()),
                    };
                    session.tell_error(code, &text);
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

    /// Switches to `lang`. The choice is kept at once, so a reload right after it keeps
    /// it; the screen changes once the language's texts are here (English's are fetched
    /// the first time). If they cannot be fetched, the choice goes back and the banner
    /// says so.
    pub fn choose_lang(&self, lang: Lang) {
        let before = self.lang();
        self.set_lang(lang);
        let app = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match lang.ready().await {
                // Again, now in its own texts: what saving it said is said in them.
                Ok(()) => app.set_lang(lang),
                Err(_) => {
                    app.set_lang(before);
                    app.notify(true, app.lang().t(T::ActionPartFailed).to_owned());
                }
            }
        });
    }

    /// Draws again once the language the screen is in has its texts (the device's or the
    /// host's choice, in English, on a visit that has not fetched them yet).
    pub fn when_texts_arrive(&self) {
        let lang = self.lang();
        if lang.is_ready() {
            return;
        }
        let app = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if lang.ready().await.is_ok() {
                app.instance.finish();
            }
        });
    }

    fn set_lang(&self, lang: Lang) {
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

    /// A backup file's text for `scope`, noting the time so the app can remind about
    /// old backups; or why this device may not write it.
    pub fn export_backup(&self, scope: Scope) -> Result<(String, usize), String> {
        self.instance
            .export_backup(scope)
            .map_err(|failure| failure.message)
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

    /// Loads the engine and reads storage, the first time; then draws again.
    pub async fn ready(&self) -> Result<(), Unloaded> {
        self.instance.ready().await
    }

    /// Takes in another tab's write; the events new to this tab go to the host.
    fn receive(&self, change: &Change) {
        let followed = {
            let mut session = self.session_mut();
            let key = prefs::prefs_key(session.store.namespace().as_str());
            if change.key == key {
                session.reload_prefs();
                true
            } else {
                let unread = !session.read;
                let Some(engine) = session.engine() else {
                    // Storage is read once the engine is here, this write with it.
                    drop(session);
                    let app = self.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = app.ready().await;
                    });
                    return;
                };
                // Reading storage just now took this write in.
                unread
                    || (session.store.is_record(&change.key)
                        && (engine.follow_records)(&mut session.store))
            }
        };
        if followed {
            self.instance.finish();
            return;
        }
        let mut session = self.session_mut();
        let Some(engine) = session.engine() else {
            return;
        };
        let Some(merged) = (engine.receive)(&mut session.store, change) else {
            return;
        };
        if merged.added == 0 && merged.conflicts.is_empty() {
            return;
        }
        session.announce(Source::Tab, &merged.ids);
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
