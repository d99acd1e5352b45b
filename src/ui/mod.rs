//! The Yew app: shell, routes, pages (one file per screen), components and texts.
//! `crate::embed` mounts it into a page.

mod components;
mod demo;
mod download;
mod form;
mod format;
pub mod host;
pub mod i18n;
mod pages;
mod parts;
mod routes;
pub mod session;
mod split;
pub mod sync;
mod words;
mod workers;

/// Read-only list rows, public so the browser bench (`tests/bench/page`) draws its
/// 1,000 rows through the code the app's lists use.
pub use components::rows;

use std::rc::Rc;

use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

use components::banner::Banner;
use components::header::Header;
use components::tab_bar::TabBar;
use demo::DemoBanner;
use pages::activities::Activities;
use pages::community::JoinPage;
use pages::empty::not_found;
use pages::home::Home;
use parts::{Lazy, Opening};
use routes::Route;
use session::{Instance, SessionProvider, use_app};

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Activities => html! { <Activities /> },
        Route::Join { code } => html! { <JoinPage code={code} /> },
        Route::NotFound => not_found(),
        route => html! { <Lazy {route} /> },
    }
}

/// The shell: header, banner, the current screen, the tab bar.
#[component]
fn Shell() -> Html {
    let app = use_app();
    let lang = app.lang();
    // A message is about the screen it was shown on: moving on clears it.
    let route = use_route::<Route>();
    {
        let app = app.clone();
        use_effect_with(route, move |_| app.clear_notice());
    }
    // A screen in English fetches English's texts if this visit has not; once the first
    // screen is up, the other screens' modules load in the background.
    let drawable = app.session().drawable();
    {
        let app = app.clone();
        use_effect_with(lang, move |_| app.when_texts_arrive());
    }
    use_effect_with((), move |_| parts::prefetch(app));
    html! {
        <div class="ll-app" lang={lang.code()}>
            <DemoBanner />
            <Header />
            <Banner />
            <main class="ll-main">
                if drawable {
                    <Switch<Route> render={switch} />
                } else {
                    <Opening />
                }
            </main>
            <TabBar />
        </div>
    }
}

/// How the app keeps its current screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    /// In memory: the host page's address is never touched (the default when embedded).
    #[default]
    Memory,
    /// In the address's `#` part, so a screen can be bookmarked and reloaded.
    Hash,
}

#[derive(Properties)]
pub struct AppProps {
    pub instance: Rc<Instance>,
    pub routing: Routing,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.instance, &other.instance) && self.routing == other.routing
    }
}

#[component]
pub fn LinliApp(props: &AppProps) -> Html {
    let shell = html! { <Shell /> };
    let router = match props.routing {
        Routing::Hash => html! { <HashRouter>{ shell }</HashRouter> },
        Routing::Memory => html! { <MemoryRouter>{ shell }</MemoryRouter> },
    };
    html! {
        <SessionProvider instance={Rc::clone(&props.instance)}>
            { router }
        </SessionProvider>
    }
}

#[derive(Properties, PartialEq)]
struct RouterProps {
    children: Html,
}

/// A router whose history lives in memory, made once per mount.
#[component]
fn MemoryRouter(props: &RouterProps) -> Html {
    let history = use_memo((), |_| AnyHistory::from(MemoryHistory::new()));
    html! {
        <Router history={(*history).clone()}>{ props.children.clone() }</Router>
    }
}
