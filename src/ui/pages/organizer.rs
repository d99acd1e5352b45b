//! Organizer mode: a PIN set on first use (only a salted hash is kept), entered to
//! unlock the organizer screens for this visit.

use yew::prelude::*;
use yew_router::prelude::*;

use super::backup::BackupPanel;
use super::exports::ExportsPanel;
use super::policy::PolicyPanel;
use crate::domain::pin::PinError;
use crate::ui::components::field::TextField;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[component]
pub fn Organizer() -> Html {
    let app = use_app();
    let lang = app.lang();
    let pin = use_state(String::new);
    let again = use_state(String::new);
    let (has_pin, unlocked) = {
        let session = app.session();
        (session.prefs.prefs.pin.is_some(), session.organizer)
    };
    let field = |id: &'static str, label: T, state: &UseStateHandle<String>| {
        let setter = state.clone();
        html! {
            <TextField id={id} label={lang.t(label)} kind="password" inputmode="numeric"
                autocomplete="off" value={(**state).clone()}
                oninput={Callback::from(move |v| setter.set(v))} />
        }
    };
    if unlocked {
        let app = app.clone();
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::OrganizerMode) }</h2>
                <ul class="ll-menu">
                    <li><Link<Route> to={Route::Volunteers} classes="ll-button">{ lang.t(T::Volunteers) }</Link<Route>></li>
                    <li><Link<Route> to={Route::Units} classes="ll-button">{ lang.t(T::Units) }</Link<Route>></li>
                    <li><Link<Route> to={Route::Shop} classes="ll-button">{ lang.t(T::Shop) }</Link<Route>></li>
                    <li><Link<Route> to={Route::Verify} classes="ll-button">{ lang.t(T::Verify) }</Link<Route>></li>
                </ul>
                <PolicyPanel />
                <ExportsPanel />
                <BackupPanel />
                <button class="ll-button ll-secondary" onclick={move |_| app.lock()}>{ lang.t(T::LeaveOrganizer) }</button>
            </section>
        };
    }
    if !has_pin {
        let submit = {
            let (app, pin, again) = (app.clone(), pin.clone(), again.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let lang = app.lang();
                match app.set_pin(&pin, &again) {
                    Ok(()) => {
                        pin.set(String::new());
                        again.set(String::new());
                    }
                    Err(PinError::Format) => app.notify(true, lang.t(T::PinFormat).to_owned()),
                    Err(PinError::Mismatch) => app.notify(true, lang.t(T::PinMismatch).to_owned()),
                }
            })
        };
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::SetPinTitle) }</h2>
                <p class="ll-hint">{ lang.t(T::SetPinHint) }</p>
                <form onsubmit={submit}>
                    { field("pin-new", T::Pin, &pin) }
                    { field("pin-again", T::PinAgain, &again) }
                    <button type="submit" class="ll-button">{ lang.t(T::SavePin) }</button>
                </form>
            </section>
        };
    }
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
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::EnterOrganizer) }</h2>
            <form onsubmit={submit}>
                { field("pin", T::Pin, &pin) }
                <button type="submit" class="ll-button">{ lang.t(T::Unlock) }</button>
            </form>
        </section>
    }
}
