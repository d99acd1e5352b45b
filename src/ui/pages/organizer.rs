//! Organizer mode (管理): the community's first device sets it up; an organizer device
//! unlocks its key with the PIN for the visit (a reload keeps it, a quarter of an hour
//! without an action ends it); a device from before signing upgrades. Any other member's
//! device finds its backup panel here: import the community's records, export its own.

use yew::prelude::*;
use yew_router::prelude::*;

use super::backup::BackupPanel;
use super::community::{SetUpPage, UpgradeForm};
use super::exports::ExportsPanel;
use super::policy::PolicyPanel;
use crate::domain::trust::Role;
use crate::ui::components::field::{TextField, setter};
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[component]
pub fn Organizer() -> Html {
    let app = use_app();
    let lang = app.lang();
    let (community, legacy_pin, role, unlocked, kept) = {
        let session = app.session();
        (
            session.store.community().is_some(),
            session.prefs.prefs.pin.is_some(),
            session.role(),
            session.organizer(),
            session.store.journal().kept_aside().len()
                + session.store.report().refused.len()
                + session.store.legacy_events(),
        )
    };
    if !community && legacy_pin {
        return html! { <UpgradeForm /> };
    }
    if !community {
        return html! { <SetUpPage /> };
    }
    if role != Some(Role::Organizer) {
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::OrganizerMode) }</h2>
                <p>{ lang.t(T::NotAnOrganizerDevice) }</p>
                <Link<Route> to={Route::Me} classes="ll-button ll-secondary">{ lang.t(T::TabMe) }</Link<Route>>
                // A member's device takes in the community's records by file here, and
                // exports what it wrote itself.
                <BackupPanel />
            </section>
        };
    }
    if !unlocked {
        return html! { <Unlock /> };
    }
    let leave = {
        let app = app.clone();
        Callback::from(move |_| app.lock())
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::OrganizerMode) }</h2>
            <ul class="ll-menu">
                <li><Link<Route> to={Route::Volunteers} classes="ll-button">{ lang.t(T::Volunteers) }</Link<Route>></li>
                <li><Link<Route> to={Route::Units} classes="ll-button">{ lang.t(T::Units) }</Link<Route>></li>
                <li><Link<Route> to={Route::Shop} classes="ll-button">{ lang.t(T::Shop) }</Link<Route>></li>
                <li><Link<Route> to={Route::Verify} classes="ll-button">{ lang.t(T::Verify) }</Link<Route>></li>
                <li><Link<Route> to={Route::Devices} classes="ll-button">{ lang.t(T::Devices) }</Link<Route>></li>
                <li>
                    <Link<Route> to={Route::KeptAside} classes="ll-button ll-secondary">
                        { lang.t(T::KeptAside) }
                        if kept > 0 { { format!(" ({kept})") } }
                    </Link<Route>>
                </li>
            </ul>
            <PolicyPanel />
            <ExportsPanel />
            <BackupPanel />
            <ChangePin />
            <button class="ll-button ll-secondary" onclick={leave}>{ lang.t(T::LeaveOrganizer) }</button>
        </section>
    }
}

#[component]
fn Unlock() -> Html {
    let app = use_app();
    let lang = app.lang();
    let pin = use_state(String::new);
    let submit = {
        let (app, pin) = (app.clone(), pin.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match app.unlock(&pin) {
                Ok(()) => app.dismiss(),
                Err(message) => app.notify(true, message),
            }
            pin.set(String::new());
        })
    };
    let set = {
        let pin = pin.clone();
        Callback::from(move |v| pin.set(v))
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::EnterOrganizer) }</h2>
            <form onsubmit={submit}>
                <TextField id="pin" label={lang.t(T::Pin)} kind="password" inputmode="numeric"
                    autocomplete="off" value={(*pin).clone()} oninput={set} />
                <button type="submit" class="ll-button">{ lang.t(T::Unlock) }</button>
            </form>
            <p class="ll-hint">{ lang.t(T::ForgotPin) }</p>
        </section>
    }
}

#[component]
fn ChangePin() -> Html {
    let app = use_app();
    let lang = app.lang();
    let pin = use_state(String::new);
    let again = use_state(String::new);
    let submit = {
        let (app, pin, again) = (app.clone(), pin.clone(), again.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match app.change_pin(&pin, &again) {
                Ok(()) => {
                    app.notify(false, app.lang().t(T::PinChanged).to_owned());
                    pin.set(String::new());
                    again.set(String::new());
                }
                Err(why) => app.notify(true, why),
            }
        })
    };
    html! {
        <details class="ll-card">
            <summary>{ lang.t(T::ChangePin) }</summary>
            <form onsubmit={submit} aria-label={lang.t(T::ChangePin)}>
                <TextField id="pin-change" label={lang.t(T::NewPin)} kind="password" inputmode="numeric"
                    autocomplete="off" value={(*pin).clone()} oninput={setter(&pin)} />
                <TextField id="pin-change-again" label={lang.t(T::PinAgain)} kind="password"
                    inputmode="numeric" autocomplete="off" value={(*again).clone()} oninput={setter(&again)} />
                <button type="submit" class="ll-button">{ lang.t(T::ChangePin) }</button>
            </form>
        </details>
    }
}
