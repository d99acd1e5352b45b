//! The screens a first visit does not need, in modules of their own (issue 17): each
//! part is a `#[wasm_split]` point, cut out of the main module after the build
//! (`.ci/post-build`) and fetched the first time one of its screens opens, or earlier
//! when the browser is idle after the first screen.

use std::cell::Cell;

#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use yew::prelude::*;

use super::i18n::T;
use super::pages::activity::ActivityPage;
use super::pages::activity_form::ActivityForm;
use super::pages::devices::Devices;
use super::pages::empty::not_found;
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
use super::session::use_app;
use super::split::Unloaded;

/// Draws a part's screen for a route.
type View = fn(Route) -> Html;

/// The parts, by what a person does with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// An organizer's work: the 管理 screens, forms, the roster's pages, records,
    /// devices, backup and recovery.
    Organizer,
    /// A volunteer's screens past the first two (home and the list of activities): an
    /// activity (with its roster), 我的 (who am I, the card, vouchers, the statement), the
    /// shop, co-construction projects, micro-wishes and the ranking.
    Volunteer,
}

impl Part {
    /// The part of a screen that is not in the first module (`switch` draws those).
    pub fn of(route: &Route) -> Part {
        match route {
            Route::NewActivity
            | Route::CopyActivity { .. }
            | Route::NewProject
            | Route::NewWish
            | Route::ServiceRecord
            | Route::Organizer
            | Route::Volunteers
            | Route::Verify
            | Route::Units
            | Route::Recovery
            | Route::Volunteer { .. }
            | Route::Devices
            | Route::KeptAside => Part::Organizer,
            _ => Part::Volunteer,
        }
    }

    fn slot(self) -> usize {
        match self {
            Part::Organizer => 0,
            Part::Volunteer => 1,
        }
    }

    /// The part's view, once its module is loaded.
    fn view(self) -> Option<View> {
        LOADED.with(|loaded| loaded[self.slot()].get())
    }

    /// Loads the part's module (once it has loaded, later calls return at once; after a
    /// failure, the next call tries again).
    pub async fn load(self) -> Result<View, Unloaded> {
        if let Some(view) = self.view() {
            return Ok(view);
        }
        // In the shipped build the split points are async (they fetch the part first);
        // elsewhere (tests, benches) one module holds everything.
        #[cfg(feature = "split")]
        let view = match self {
            Part::Organizer => organizer_view().await,
            Part::Volunteer => volunteer_view().await,
        }?;
        #[cfg(not(feature = "split"))]
        let view = match self {
            Part::Organizer => organizer_view(),
            Part::Volunteer => volunteer_view(),
        }?;
        LOADED.with(|loaded| loaded[self.slot()].set(Some(view)));
        Ok(view)
    }
}

/// How long after the first screen the parts start loading: long enough for it to be
/// painted.
const PREFETCH_AFTER_MS: u32 = 100;

/// The event the window hears once the parts have loaded (or failed to): the standalone
/// page registers its service worker then (www/index.html), so that the worker, which
/// fetches every part too, does not compete with the first screen and finds the parts in
/// the HTTP cache.
const PREFETCHED: &str = "linli:prefetched";

/// Loads every part a moment after the first screen, one after the other, so the
/// first tap on one of their screens does not wait for the network. A part that fails
/// is tried again when its screen opens.
pub fn prefetch() {
    gloo_timers::callback::Timeout::new(PREFETCH_AFTER_MS, || {
        wasm_bindgen_futures::spawn_local(async {
            for part in [Part::Volunteer, Part::Organizer] {
                if part.load().await.is_err() {
                    break;
                }
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
    static LOADED: [Cell<Option<View>>; 2] = const { [Cell::new(None), Cell::new(None)] };
}

#[cfg_attr(feature = "split", wasm_split(organizer, fallible))]
fn organizer_view() -> Result<View, Unloaded> {
    Ok(|route| match route {
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
        // `Part::of` sends no other route here.
        _ => not_found(),
    })
}

#[cfg_attr(feature = "split", wasm_split(volunteer, fallible))]
fn volunteer_view() -> Result<View, Unloaded> {
    Ok(|route| match route {
        Route::Projects => html! { <Projects /> },
        Route::Project { id } => html! { <ProjectPage {id} /> },
        Route::Wishes => html! { <Wishes /> },
        Route::Wish { id } => html! { <WishPage {id} /> },
        Route::Ranking => html! { <Ranking /> },
        Route::Activity { id } => html! { <ActivityPage {id} /> },
        Route::Me => html! { <Me /> },
        Route::Shop => html! { <Shop /> },
        // `Part::of` sends no other route here.
        _ => not_found(),
    })
}

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub part: Part,
    pub route: Route,
}

/// A screen in a part: drawn at once when its module is loaded, else a loading line
/// until it is, or a way to try again if it could not be fetched.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let lang = use_app().lang();
    // Bumped to load again (after a failure); the effect then loads.
    let attempt = use_state(|| 0_u32);
    let failed = use_state(|| false);
    // Whether the part is loaded is `part.view()`; this draws again once it is.
    let redraw = use_force_update();
    {
        let failed = failed.clone();
        use_effect_with((props.part, *attempt), move |&(part, _)| {
            if part.view().is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    match part.load().await {
                        Ok(_) => redraw.force_update(),
                        Err(Unloaded) => failed.set(true),
                    }
                });
            }
        });
    }
    if let Some(view) = props.part.view() {
        return view(props.route.clone());
    }
    if *failed {
        let retry = {
            let (attempt, failed) = (attempt.clone(), failed.clone());
            Callback::from(move |_| {
                failed.set(false);
                attempt.set(*attempt + 1);
            })
        };
        return html! {
            <div class="ll-card" role="alert">
                <p>{ lang.t(T::PartFailed) }</p>
                <button type="button" class="ll-button" onclick={retry}>{ lang.t(T::PartRetry) }</button>
            </div>
        };
    }
    html! { <p class="ll-card" role="status">{ lang.t(T::PartLoading) }</p> }
}
