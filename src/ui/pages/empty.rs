//! A screen with nothing on it yet, saying so plainly.

use yew::prelude::*;
use yew_router::prelude::*;

use super::community::SetUpPage;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    pub title: T,
    pub text: T,
    /// A way to home, with this text, where there is something to do about it.
    #[prop_or_default]
    pub go_home: Option<T>,
}

#[component]
pub fn Empty(props: &EmptyProps) -> Html {
    let lang = use_app().lang();
    html! {
        <section class="ll-page">
            <h2>{ lang.t(props.title) }</h2>
            <p class="ll-empty">{ lang.t(props.text) }</p>
            if let Some(go) = props.go_home {
                <Link<Route> to={Route::Home} classes="ll-button">{ lang.t(go) }</Link<Route>>
            }
        </section>
    }
}

/// The screen of an address the app has no screen for.
pub fn not_found() -> Html {
    html! { <Empty title={T::AppName} text={T::NotFound} /> }
}

/// A community's screen (projects, wishes, 我的, the shop) on a device that has joined
/// none yet: nothing to list, and the way to home's first run, where it joins or sets
/// one up; and 管理, which sets one up (unless the device kept a PIN from before
/// signing: then the part's upgrade). Drawn by the first module, so a first visit's tap
/// on those never waits for the part that holds the real screens.
pub fn not_joined(route: &Route, legacy_pin: bool) -> Option<Html> {
    let title = match route {
        Route::Organizer if !legacy_pin => return Some(html! { <SetUpPage /> }),
        Route::Projects => T::Projects,
        Route::Wishes => T::WishWall,
        Route::Me => T::WhoAmI,
        Route::Shop => T::Shop,
        _ => return None,
    };
    Some(html! { <Empty {title} text={T::NotJoinedHint} go_home={T::NotJoinedGo} /> })
}
