//! The Yew app: shell, routes, pages (one file per screen), components and texts.

mod components;
mod download;
mod format;
pub mod i18n;
mod pages;
mod routes;
mod session;

use yew::prelude::*;
use yew_router::prelude::*;

use components::banner::Banner;
use components::header::Header;
use components::tab_bar::TabBar;
use i18n::T;
use pages::activities::Activities;
use pages::activity::ActivityPage;
use pages::activity_form::ActivityForm;
use pages::empty::Empty;
use pages::home::Home;
use pages::me::Me;
use pages::organizer::Organizer;
use pages::project::ProjectPage;
use pages::project_form::ProjectForm;
use pages::projects::Projects;
use pages::ranking::Ranking;
use pages::record::ServiceRecord;
use pages::recovery::Recovery;
use pages::shop::Shop;
use pages::units::Units;
use pages::verify::Verify;
use pages::volunteer::VolunteerPage;
use pages::volunteers::Volunteers;
use pages::wish::WishPage;
use pages::wish_form::WishForm;
use pages::wishes::Wishes;
use routes::Route;
use session::{SessionProvider, use_app};

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Activities => html! { <Activities /> },
        Route::NewActivity => html! { <ActivityForm /> },
        Route::Activity { id } => html! { <ActivityPage {id} /> },
        Route::CopyActivity { id } => html! { <ActivityForm template={Some(id)} /> },
        Route::Projects => html! { <Projects /> },
        Route::NewProject => html! { <ProjectForm /> },
        Route::Project { id } => html! { <ProjectPage {id} /> },
        Route::Wishes => html! { <Wishes /> },
        Route::NewWish => html! { <WishForm /> },
        Route::Wish { id } => html! { <WishPage {id} /> },
        Route::Me => html! { <Me /> },
        Route::ServiceRecord => html! { <ServiceRecord /> },
        Route::Organizer => html! { <Organizer /> },
        Route::Volunteers => html! { <Volunteers /> },
        Route::Shop => html! { <Shop /> },
        Route::Verify => html! { <Verify /> },
        Route::Units => html! { <Units /> },
        Route::Recovery => html! { <Recovery /> },
        Route::Ranking => html! { <Ranking /> },
        Route::Volunteer { id } => html! { <VolunteerPage {id} /> },
        Route::NotFound => html! { <Empty title={T::AppName} text={T::NotFound} /> },
    }
}

/// The shell: header, banner, the current screen, the tab bar.
#[component]
fn Shell() -> Html {
    let app = use_app();
    let lang = app.lang();
    // A message is about the screen it was shown on: moving on clears it.
    let route = use_route::<Route>();
    use_effect_with(route, move |_| app.clear_notice());
    html! {
        <div class="ll-app" lang={lang.code()}>
            <Header />
            <Banner />
            <main class="ll-main">
                <Switch<Route> render={switch} />
            </main>
            <TabBar />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub namespace: String,
}

#[component]
pub fn LinliApp(props: &AppProps) -> Html {
    html! {
        <SessionProvider namespace={props.namespace.clone()}>
            <HashRouter>
                <Shell />
            </HashRouter>
        </SessionProvider>
    }
}

/// Mounts the app on the standalone page's `#linli` element (or the body).
pub fn run_standalone() {
    let props = AppProps {
        namespace: crate::store::Namespace::DEFAULT.to_owned(),
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("linli"));
    match root {
        Some(root) => {
            yew::Renderer::<LinliApp>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<LinliApp>::with_props(props).render();
        }
    }
}
