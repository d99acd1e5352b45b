//! The screens a first visit does not need, in a module of their own with the store's
//! engine (issue 17): the `rest` part, a `#[wasm_split]` point cut out of the first module
//! after the build (`.ci/post-build`), fetched the first time one of its screens opens,
//! or a moment after the first screen.
//!
//! One part, not one for volunteers and one for organizers: every screen past the first
//! ones needs the engine, and the service worker keeps every part for off line, so each
//! phone downloads all of it after its first visit anyway. As one module it costs about
//! 5% over the app built as one module; split in two (with the chunks the splitter makes
//! for the code they and the engine share) it cost 10 to 12%.

use std::cell::Cell;

#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use yew::prelude::*;

use super::i18n::T;
use super::pages::activity::ActivityPage;
use super::pages::activity_form::ActivityForm;
use super::pages::devices::Devices;
use super::pages::empty::{not_found, not_joined};
use super::pages::kept_aside::KeptAside;
use super::pages::me::Me;
use super::pages::organizer::Organizer;
use super::pages::project::ProjectPage;
use super::pages::project_form::ProjectForm;
use super::pages::projects::Projects;
use super::pages::ranking::Ranking;
use super::pages::record::ServiceRecord;
use super::pages::recovery::Recovery;
use super::pages::shop::Shop;
use super::pages::units::Units;
use super::pages::verify::Verify;
use super::pages::volunteer::VolunteerPage;
use super::pages::volunteers::Volunteers;
use super::pages::wish::WishPage;
use super::pages::wish_form::WishForm;
use super::pages::wishes::Wishes;
use super::routes::Route;
use super::session::{App, use_app};
use super::split::Unloaded;

/// Draws a screen of the part for a route.
type View = fn(Route) -> Html;

/// The part's view, once its module is loaded.
fn view() -> Option<View> {
    LOADED.with(Cell::get)
}

/// Loads the part's module (once it has loaded, later calls return at once; after a
/// failure, the next call tries again).
async fn load() -> Result<View, Unloaded> {
    if let Some(view) = view() {
        return Ok(view);
    }
    // In the shipped build the split point is async (it fetches the part first);
    // elsewhere (tests, benches) one module holds everything.
    #[cfg(feature = "split")]
    let view = screens().await?;
    #[cfg(not(feature = "split"))]
    let view = screens()?;
    LOADED.with(|loaded| loaded.set(Some(view)));
    Ok(view)
}

/// How long after the first screen the parts start loading: long enough for it to be
/// painted.
const PREFETCH_AFTER_MS: u32 = 100;

/// The event the window hears once the parts have loaded (or failed to): the standalone
/// page registers its service worker then (www/index.html), so that the worker, which
/// fetches every part too, does not compete with the first screen and finds the parts in
/// the HTTP cache.
const PREFETCHED: &str = "linli:prefetched";

/// Loads the engine (and reads storage with it) and then every part, a moment after
/// the first screen, one after the other, so the first tap on one of their screens does
/// not wait for the network. A part that fails is tried again when its screen opens.
pub fn prefetch(app: App) {
    gloo_timers::callback::Timeout::new(PREFETCH_AFTER_MS, move || {
        wasm_bindgen_futures::spawn_local(async move {
            if app.ready().await.is_ok() {
                let _ = load().await;
            }
            if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(PREFETCHED))
            {
                let _ = window.dispatch_event(&event);
            }
        });
    })
    .forget();
}

thread_local! {
    static LOADED: Cell<Option<View>> = const { Cell::new(None) };
}

/// Every screen past the first module's (`switch` in `super` draws those).
#[cfg_attr(feature = "split", wasm_split(rest, fallible))]
fn screens() -> Result<View, Unloaded> {
    Ok(|route| match route {
        // A volunteer's screens past home and the list of activities.
        Route::Activity { id } => html! { <ActivityPage {id} /> },
        Route::Me => html! { <Me /> },
        Route::Shop => html! { <Shop /> },
        Route::Projects => html! { <Projects /> },
        Route::Project { id } => html! { <ProjectPage {id} /> },
        Route::Wishes => html! { <Wishes /> },
        Route::Wish { id } => html! { <WishPage {id} /> },
        Route::Ranking => html! { <Ranking /> },
        // An organizer's work.
        Route::NewActivity => html! { <ActivityForm /> },
        Route::CopyActivity { id } => html! { <ActivityForm template={Some(id)} /> },
        Route::NewProject => html! { <ProjectForm /> },
        Route::NewWish => html! { <WishForm /> },
        Route::ServiceRecord => html! { <ServiceRecord /> },
        Route::Organizer => html! { <Organizer /> },
        Route::Volunteers => html! { <Volunteers /> },
        Route::Verify => html! { <Verify /> },
        Route::Units => html! { <Units /> },
        Route::Recovery => html! { <Recovery /> },
        Route::Volunteer { id } => html! { <VolunteerPage {id} /> },
        Route::Devices => html! { <Devices /> },
        Route::KeptAside => html! { <KeptAside /> },
        // The first module draws the others.
        Route::Home | Route::Activities | Route::Join { .. } | Route::NotFound => not_found(),
    })
}

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub route: Route,
}

/// A screen of the part: drawn at once when its module is here and the engine has read
/// storage, else a loading line until then, or a way to try again if the part could
/// not be fetched.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let app = use_app();
    // A device that has joined nothing has nothing for the community's screens to list,
    // and sets one up under 管理: the first module draws those at once (the part still
    // comes with the idle prefetch, for what follows).
    let first = {
        let session = app.session();
        session
            .unjoined()
            .then(|| not_joined(&props.route, session.prefs.prefs.pin.is_some()))
            .flatten()
    };
    // Loaded only while the part's screen is wanted: a failure met meanwhile would
    // otherwise stay on the screen after the first module's one is done.
    let waiting = use_waiting(
        first.is_some() || (view().is_some() && app.session().read),
        |app| async move {
            app.ready().await?;
            load().await.map(|_| ())
        },
    );
    if let Some(screen) = first {
        return screen;
    }
    match (view(), waiting) {
        (Some(view), None) => view(props.route.clone()),
        (_, waiting) => waiting.unwrap_or_default(),
    }
}

/// What the screen shows while a visit with data waits for the engine to read it.
#[component]
pub fn Opening() -> Html {
    let app = use_app();
    let drawable = app.session().drawable();
    use_waiting(drawable, |app| async move { app.ready().await }).unwrap_or_default()
}

/// Loads what a screen needs (`load`, once `here` is false) and draws again when it
/// has; until then, the loading line, or a way to try again if it could not be
/// fetched. `None` once `here`.
#[hook]
fn use_waiting<F>(here: bool, load: impl Fn(App) -> F + 'static) -> Option<Html>
where
    F: std::future::Future<Output = Result<(), Unloaded>> + 'static,
{
    let app = use_app();
    let lang = app.lang();
    // Bumped to load again (after a failure); the effect then loads.
    let attempt = use_state(|| 0_u32);
    let failed = use_state(|| false);
    let redraw = use_force_update();
    {
        let failed = failed.clone();
        use_effect_with((here, *attempt), move |&(here, _)| {
            if !here {
                wasm_bindgen_futures::spawn_local(async move {
                    match load(app).await {
                        Ok(()) => redraw.force_update(),
                        Err(Unloaded) => failed.set(true),
                    }
                });
            }
        });
    }
    if here {
        return None;
    }
    if *failed {
        let retry = {
            let (attempt, failed) = (attempt.clone(), failed.clone());
            Callback::from(move |_| {
                failed.set(false);
                attempt.set(*attempt + 1);
            })
        };
        return Some(html! {
            <div class="ll-card" role="alert">
                <p>{ lang.t(T::PartFailed) }</p>
                <button type="button" class="ll-button" onclick={retry}>{ lang.t(T::PartRetry) }</button>
            </div>
        });
    }
    Some(html! { <p class="ll-card" role="status">{ lang.t(T::PartLoading) }</p> })
}
