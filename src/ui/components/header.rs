//! The top bar: the app's name (and the community's, when the host page gives one), the
//! language switch and the way into organizer mode.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::trust::Role;
use crate::ui::format::clock;
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{App, use_app};
use crate::ui::sync::SyncShown;

/// Live sync's state, in one small place: synced, syncing or waiting for the network,
/// and when it last synced; or that the invitation has expired (a tap says what to do).
fn sync_chip(app: &App) -> Html {
    let lang = app.lang();
    let Some((shown, last)) = app.sync_shown() else {
        return html! {};
    };
    let (text, class) = match shown {
        SyncShown::Expired => return expired_chip(app),
        SyncShown::Synced => (T::Synced, "ll-sync-on"),
        SyncShown::Syncing => (T::Syncing, "ll-sync-busy"),
        SyncShown::Waiting => (T::SyncWaiting, "ll-sync-off"),
    };
    let title = last.map(|at| lang.f(T::SyncedAt, &[&clock(at)]));
    html! {
        <p class={classes!("ll-sync", class)} role="status" aria-live="polite" title={title.clone()}>
            { lang.t(text) }
            if shown != SyncShown::Synced && let Some(title) = title {
                <span class="ll-sync-at">{ " · " }{ title }</span>
            }
        </p>
    }
}

/// The invitation's token has expired: what to do is too long for the header, so a tap
/// says it in the banner.
fn expired_chip(app: &App) -> Html {
    let help = if app.session().role() == Some(Role::Organizer) {
        T::SyncExpiredOrganizer
    } else {
        T::SyncExpiredHelp
    };
    let onclick = {
        let app = app.clone();
        Callback::from(move |_| app.notify(true, app.lang().t(help).to_owned()))
    };
    html! {
        <button type="button" class="ll-sync ll-sync-expired" {onclick}>
            { app.lang().t(T::SyncExpired) }
        </button>
    }
}

#[component]
pub fn Header() -> Html {
    let app = use_app();
    let lang = app.lang();
    let (organizer, community, drawable) = {
        let session = app.session();
        (
            session.organizer(),
            session.setup.community.clone(),
            session.drawable(),
        )
    };
    // Until the store is read (a visit with data, while the engine comes), whether this
    // is organizer mode is not known: the way in keeps its place, unseen.
    let door = classes!(
        "ll-chip",
        organizer.then_some("ll-chip-on"),
        (!drawable).then_some("ll-pending")
    );
    let switch = {
        let app = app.clone();
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        Callback::from(move |_| app.choose_lang(other))
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
                { sync_chip(&app) }
                <Link<Route> to={Route::Organizer} classes={door}>
                    { lang.t(if organizer { T::OrganizerMode } else { T::Organizer }) }
                </Link<Route>>
                <button class="ll-chip" lang={match lang { Lang::Zh => "en", Lang::En => "zh-CN" }} onclick={switch}>
                    { lang.t(T::SwitchLanguage) }
                </button>
            </div>
        </header>
    }
}
