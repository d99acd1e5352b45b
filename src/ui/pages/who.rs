//! 我是谁: who this device is for. A volunteer's own phone finds its person by the
//! phone or volunteer number they type and asks an organizer to bind it; once bound it
//! acts for that person only. An organizer device chooses whom it acts for. A
//! merchant's counter and another organizer device ask to be bound too.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::card::find_self;
use crate::domain::trust::Role;
use crate::domain::{UnitKind, VolunteerId, mask_name, mask_phone};
use crate::ui::components::field::{Select, TextField, setter};
use crate::ui::components::qr::Qr;
use crate::ui::i18n::{T, role_text};
use crate::ui::routes::Route;
use crate::ui::session::{App, use_app};
use crate::ui::sync::SyncShown;

/// Where this device stands, for the top of 我的.
#[component]
pub fn WhoAmI() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.state();
    if session.store.community().is_none() {
        return html! {
            <div class="ll-card">
                <p>{ lang.t(T::NoCommunityYet) }</p>
                <Link<Route> to={Route::Home} classes="ll-button">{ lang.t(T::FirstRunTitle) }</Link<Route>>
            </div>
        };
    }
    match session.role() {
        Some(Role::Organizer) => {
            drop(session);
            html! { <ActingFor /> }
        }
        Some(role) => html! {
            <>
                <div class="ll-card" aria-label={lang.t(T::ThisDevice)}>
                    <p><strong>{ role_text(lang, state, role) }</strong></p>
                    if let Role::Merchant(_) = role {
                        <Link<Route> to={Route::Verify} classes="ll-button">{ lang.t(T::Verify) }</Link<Route>>
                    }
                </div>
                <HandOverNew />
            </>
        },
        None => {
            let waiting = session
                .store
                .device_key()
                .and_then(|key| session.store.journal().keyring()?.request(&key).cloned());
            drop(session);
            match waiting {
                Some(request) if request.declined => html! {
                    <p role="alert">{ lang.t(T::RequestDeclined) }</p>
                },
                Some(request) => html! { <Waiting role={request.role} /> },
                None => html! { <FindMe /> },
            }
        }
    }
}

/// An organizer device: whom it acts for (older people without phones).
#[component]
fn ActingFor() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.state();
    let me = session.me();
    // Seen by anyone holding the device: masked names and phones only.
    let mut options = vec![(AttrValue::Static(""), AttrValue::from(lang.t(T::NotChosen)))];
    options.extend(state.volunteers().map(|v| {
        let label = format!(
            "{} {}",
            mask_name(&v.profile.name),
            mask_phone(&v.profile.phone)
        );
        (
            AttrValue::from(v.id.to_string()),
            AttrValue::from(label.trim().to_owned()),
        )
    }));
    let choose = {
        let app = app.clone();
        Callback::from(move |value: String| app.set_me(value.parse::<VolunteerId>().ok()))
    };
    let selected = me.map(|id| id.to_string()).unwrap_or_default();
    html! {
        <>
            <p class="ll-hint">{ lang.t(T::WhoAmIHint) }</p>
            <Select id="me-select" label={lang.t(T::ChooseMe)} options={options}
                selected={AttrValue::from(selected)} onchange={choose} />
        </>
    }
}

/// A phone of the community that is nobody's yet: the person types their phone or
/// volunteer number and confirms who they are. The number sent is looked up again
/// whenever the community's records change, so a phone that has just joined finds its
/// person once live sync brings them, without a second tap.
#[component]
fn FindMe() -> Html {
    let app = use_app();
    let lang = app.lang();
    let typed = use_state(String::new);
    let searched = use_state(|| None::<String>);
    let search = {
        let (typed, searched) = (typed.clone(), searched.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            searched.set(Some((*typed).clone()));
        })
    };
    let set = {
        let typed = typed.clone();
        Callback::from(move |v| typed.set(v))
    };
    let found = searched
        .as_ref()
        .map(|number| find_self(app.session().state(), number));
    let candidates = found.map(|found| {
        if found.is_empty() {
            // Live sync has not brought everything yet: the person may be among it.
            let arriving = app
                .sync_shown()
                .is_some_and(|(shown, _)| matches!(shown, SyncShown::Syncing | SyncShown::Waiting));
            return if arriving {
                html! { <p role="status">{ lang.t(T::FindMeArriving) }</p> }
            } else {
                html! { <p role="alert">{ lang.t(T::FindMeNone) }</p> }
            };
        }
        let session = app.session();
        let state = session.state();
        let one = found.len() == 1;
        html! {
            <ul class="ll-list" aria-label={lang.t(T::FindMeFound)}>
                { for found.iter().filter_map(|id| state.volunteer(*id)).map(|v| {
                    let name = mask_name(&v.profile.name);
                    let question = if one {
                        lang.f(T::IsItYou, &[&name])
                    } else {
                        format!("{name} {}", v.profile.number)
                    };
                    let bind = bind(&app, Role::Volunteer(v.id), name.clone());
                    html! {
                        <li key={v.id.to_string()} class="ll-card">
                            <p class="ll-big">{ question }</p>
                            <button class="ll-button" onclick={bind}>
                                { lang.f(T::YesBindPhone, &[&name]) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        }
    });
    html! {
        <>
            <form onsubmit={search} aria-label={lang.t(T::FindMe)}>
                <h3>{ lang.t(T::FindMe) }</h3>
                <TextField id="find-me" label={lang.t(T::FindMeField)} inputmode="numeric"
                    value={(*typed).clone()} oninput={set} hint={lang.t(T::FindMeHint)} />
                <button type="submit" class="ll-button">{ lang.t(T::FindMeButton) }</button>
            </form>
            { for candidates }
            <details class="ll-card">
                <summary>{ lang.t(T::OtherDevices) }</summary>
                <MerchantRequest />
                <OrganizerRequest />
            </details>
        </>
    }
}

/// The callback that asks to bind this device as `role`.
fn bind(app: &App, role: Role, label: String) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| {
        let lang = app.lang();
        match app.request_binding(role, &lang.f(T::PhoneOf, &[&label]), None) {
            Ok(()) => app.notify(false, lang.t(T::RequestSent).to_owned()),
            Err(why) => app.notify(true, why),
        }
    })
}

/// A merchant's counter asks to be bound to its merchant, for 核销.
#[component]
fn MerchantRequest() -> Html {
    let app = use_app();
    let lang = app.lang();
    let chosen = use_state(String::new);
    let session = app.session();
    let mut options = vec![(AttrValue::Static(""), AttrValue::from(lang.t(T::NotChosen)))];
    options.extend(
        session
            .state()
            .units()
            .filter(|u| u.profile.kind == UnitKind::Merchant)
            .map(|u| {
                (
                    AttrValue::from(u.id.to_string()),
                    AttrValue::from(u.profile.name.clone()),
                )
            }),
    );
    drop(session);
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |v| chosen.set(v))
    };
    let request = {
        let (app, chosen) = (app.clone(), chosen.clone());
        Callback::from(move |_| {
            let lang = app.lang();
            let Ok(unit) = chosen.parse() else {
                return app.notify(true, lang.t(T::ChooseUnitFirst).to_owned());
            };
            let name = app
                .session()
                .state()
                .unit(unit)
                .map(|u| u.profile.name.clone())
                .unwrap_or_default();
            match app.request_binding(Role::Merchant(unit), &name, None) {
                Ok(()) => app.notify(false, lang.t(T::RequestSent).to_owned()),
                Err(why) => app.notify(true, why),
            }
        })
    };
    html! {
        <div>
            <Select id="merchant-select" label={lang.t(T::MerchantCounter)} options={options}
                selected={AttrValue::from((*chosen).clone())} onchange={choose} />
            <button class="ll-button ll-secondary" onclick={request}>{ lang.t(T::RequestAsMerchant) }</button>
        </div>
    }
}

/// Another organizer device asks to be enrolled; its key is locked by its own PIN.
#[component]
fn OrganizerRequest() -> Html {
    let app = use_app();
    let lang = app.lang();
    let label = use_state(String::new);
    let pin = use_state(String::new);
    let again = use_state(String::new);
    let submit = {
        let (app, label, pin, again) = (app.clone(), label.clone(), pin.clone(), again.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            match app.request_binding(Role::Organizer, &label, Some((&pin, &again))) {
                Ok(()) => app.notify(false, lang.t(T::RequestSent).to_owned()),
                Err(why) => app.notify(true, why),
            }
        })
    };
    html! {
        <form onsubmit={submit} aria-label={lang.t(T::RequestAsOrganizer)}>
            <TextField id="device-label" label={lang.t(T::DeviceLabel)} value={(*label).clone()}
                oninput={setter(&label)} hint={lang.t(T::DeviceLabelHint)} />
            <TextField id="organizer-pin" label={lang.t(T::Pin)} kind="password" inputmode="numeric"
                autocomplete="off" value={(*pin).clone()} oninput={setter(&pin)} />
            <TextField id="organizer-pin-again" label={lang.t(T::PinAgain)} kind="password"
                inputmode="numeric" autocomplete="off" value={(*again).clone()} oninput={setter(&again)} />
            <button type="submit" class="ll-button ll-secondary">{ lang.t(T::RequestAsOrganizer) }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct WaitingProps {
    role: Role,
}

/// Asked, not yet approved: the code to hand to an organizer (scan or copy).
#[component]
fn Waiting(props: &WaitingProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let key = session
        .store
        .device_key()
        .map(|k| k.short())
        .unwrap_or_default();
    let role = role_text(lang, session.state(), props.role);
    drop(session);
    let code = app.hand_over().unwrap_or_default();
    html! {
        <section class="ll-card" aria-label={lang.t(T::WaitingTitle)}>
            <h3>{ lang.t(T::WaitingTitle) }</h3>
            <p>{ lang.f(T::WaitingHint, &[&role, &key]) }</p>
            <Qr text={AttrValue::from(code.clone())} label={lang.t(T::HandOverQr)} />
            <div class="ll-field">
                <label for="hand-over">{ lang.t(T::HandOverCode) }</label>
                <textarea id="hand-over" readonly=true rows="3" value={code} />
            </div>
        </section>
    }
}

/// A member's device without a network: what it wrote since it last handed over, as a
/// QR code and a code the organizer's device takes in (管理 → 设备).
#[component]
fn HandOverNew() -> Html {
    let app = use_app();
    let lang = app.lang();
    let Some(new) = app.new_records() else {
        return html! {
            <section class="ll-card" aria-label={lang.t(T::HandOverNewTitle)}>
                <h3>{ lang.t(T::HandOverNewTitle) }</h3>
                <p class="ll-empty">{ lang.t(T::NothingToHandOver) }</p>
            </section>
        };
    };
    let done = {
        let (app, marks) = (app.clone(), new.marks.clone());
        Callback::from(move |_| app.handed_over(&marks))
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::HandOverNewTitle)}>
            <h3>{ lang.t(T::HandOverNewTitle) }</h3>
            <p class="ll-hint">{ lang.f(T::HandOverNewHint, &[&new.events]) }</p>
            <Qr text={AttrValue::from(new.text.clone())} label={lang.t(T::HandOverQr)} />
            <div class="ll-field">
                <label for="hand-over-new">{ lang.t(T::HandOverCode) }</label>
                <textarea id="hand-over-new" readonly=true rows="3" value={new.text} />
            </div>
            <button class="ll-button ll-secondary" onclick={done}>{ lang.t(T::HandedOver) }</button>
        </section>
    }
}
