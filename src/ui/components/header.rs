//! The top bar: the app's name (and the community's, when the host page gives one), the
//! language switch and the way into organizer mode.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[component]
pub fn Header() -> Html {
    let app = use_app();
    let lang = app.lang();
    let (organizer, community) = {
        let session = app.session();
        (session.organizer(), session.setup.community.clone())
    };
    let switch = {
        let app = app.clone();
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        Callback::from(move |_| app.set_lang(other))
    };
    html! {
        <header class="ll-header">
            <div class="ll-brand">
                <h1 class="ll-title">{ lang.t(T::AppName) }</h1>
                if let Some(community) = community {
                    <p class="ll-community">{ community }</p>
                }
            </div>
            <div class="ll-header-actions">
                <Link<Route> to={Route::Organizer} classes={classes!("ll-chip", organizer.then_some("ll-chip-on"))}>
                    { lang.t(if organizer { T::OrganizerMode } else { T::Organizer }) }
                </Link<Route>>
                <button class="ll-chip" lang={match lang { Lang::Zh => "en", Lang::En => "zh-CN" }} onclick={switch}>
                    { lang.t(T::SwitchLanguage) }
                </button>
            </div>
        </header>
    }
}
