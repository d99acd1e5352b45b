//! Joining Linli on a new device: setting up a community (the first organizer device),
//! joining one from an invitation (a volunteer's phone, a merchant's counter, another
//! organizer device), and the page a join link opens.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::store::device::Invitation;
use crate::ui::components::field::{TextField, setter};
use crate::ui::components::scanner::Scanner;
use crate::ui::demo::DemoCard;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

/// What a device that belongs to no community shows first: the three ways in.
#[component]
pub fn FirstRun() -> Html {
    let app = use_app();
    let lang = app.lang();
    // The demo's own namespace, emptied (or opened by its address before the demo was
    // installed): only the demo may come in here, never a real community.
    if app.session().setup.namespace.is_demo() {
        return html! {
            <section class="ll-page" aria-labelledby="first-run">
                <h2 id="first-run">{ lang.t(T::DemoTitle) }</h2>
                <DemoCard />
            </section>
        };
    }
    html! {
        <section class="ll-page" aria-labelledby="first-run">
            <h2 id="first-run">{ lang.t(T::FirstRunTitle) }</h2>
            <p class="ll-lead">{ lang.t(T::FirstRunHint) }</p>
            <div class="ll-card">
                <h3>{ lang.t(T::FirstRunJoin) }</h3>
                <p class="ll-hint">{ lang.t(T::FirstRunJoinHint) }</p>
                <JoinForm />
            </div>
            <div class="ll-card">
                <h3>{ lang.t(T::FirstRunSetUp) }</h3>
                <p class="ll-hint">{ lang.t(T::FirstRunSetUpHint) }</p>
                <Link<Route> to={Route::Organizer} classes="ll-button ll-secondary">{ lang.t(T::SetUpCommunity) }</Link<Route>>
            </div>
            <DemoCard />
        </section>
    }
}

/// 管理 on a device that has joined nothing: setting the community up on the
/// organizer's first device, with its name and the PIN that locks the device's
/// organizer key. The first module draws it, so a first visit's tap on 管理 does not
/// wait for the part; sent before the engine has arrived, its button says it is busy
/// until the engine is here and the community is set up (or refused).
#[component]
pub fn SetUpPage() -> Html {
    let app = use_app();
    let lang = app.lang();
    let name = use_state(|| app.session().setup.community.clone().unwrap_or_default());
    let pin = use_state(String::new);
    let again = use_state(String::new);
    let busy = use_state(|| false);
    let submit = {
        let (app, name, pin, again, busy) = (
            app.clone(),
            name.clone(),
            pin.clone(),
            again.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let (app, name, pin, again, busy) = (
                app.clone(),
                name.clone(),
                pin.clone(),
                again.clone(),
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let founded = app.found_community(&name, &pin, &again).await;
                busy.set(false);
                match founded {
                    Ok(()) => {
                        pin.set(String::new());
                        again.set(String::new());
                    }
                    Err(why) => app.notify(true, why),
                }
            });
        })
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::SetUpCommunity) }</h2>
            <p class="ll-hint">{ lang.t(T::SetUpHint) }</p>
            <form onsubmit={submit} aria-label={lang.t(T::SetUpCommunity)}>
                <TextField id="community-name" label={lang.t(T::CommunityName)} required=true
                    value={(*name).clone()} oninput={setter(&name)} />
                <TextField id="pin-new" label={lang.t(T::Pin)} kind="password" inputmode="numeric"
                    autocomplete="off" required=true value={(*pin).clone()} oninput={setter(&pin)}
                    hint={lang.t(T::PinProtectsKey)} />
                <TextField id="pin-again" label={lang.t(T::PinAgain)} kind="password"
                    inputmode="numeric" autocomplete="off" required=true value={(*again).clone()}
                    oninput={setter(&again)} />
                <BusyButton busy={*busy} submit=true label={T::SetUpCommunity} busy_label={T::SettingUp} />
            </form>
        </section>
    }
}

/// A device from before signing that kept its PIN: name the community and enter the
/// old PIN; the device founds the community and adopts its data.
#[component]
pub fn UpgradeForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let name = use_state(|| app.session().setup.community.clone().unwrap_or_default());
    let pin = use_state(String::new);
    let submit = {
        let (app, name, pin) = (app.clone(), name.clone(), pin.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Err(why) = app.upgrade(&name, &pin) {
                app.notify(true, why);
            }
            pin.set(String::new());
        })
    };
    let (name_set, pin_set) = {
        let (name, pin) = (name.clone(), pin.clone());
        (
            Callback::from(move |v| name.set(v)),
            Callback::from(move |v| pin.set(v)),
        )
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::UpgradeTitle) }</h2>
            <p class="ll-hint">{ lang.t(T::UpgradeHint) }</p>
            <form onsubmit={submit} aria-label={lang.t(T::UpgradeTitle)}>
                <TextField id="community-name" label={lang.t(T::CommunityName)} required=true
                    value={(*name).clone()} oninput={name_set} />
                <TextField id="pin" label={lang.t(T::Pin)} kind="password" inputmode="numeric"
                    autocomplete="off" required=true value={(*pin).clone()} oninput={pin_set} />
                <button type="submit" class="ll-button">{ lang.t(T::Upgrade) }</button>
            </form>
        </section>
    }
}

/// Typing or pasting an invitation (a code, or the whole link from a chat).
#[component]
pub fn JoinForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let code = use_state(String::new);
    let join = use_join();
    let submit = {
        let (join, code) = (join.clone(), code.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            join.start.emit((*code).clone());
        })
    };
    let set = {
        let code = code.clone();
        Callback::from(move |v| code.set(v))
    };
    // An invitation scanned inside Linli joins at once, as if pasted and submitted.
    let scanned = join.start.clone();
    let scan_failed = {
        let app = app.clone();
        Callback::from(move |why: String| app.notify(true, why))
    };
    html! {
        <form onsubmit={submit} aria-label={lang.t(T::JoinCommunity)}>
            <Scanner label={lang.t(T::ScanInvitation)} cancel={lang.t(T::Cancel)} on_code={scanned} on_error={scan_failed} />
            <TextField id="join-code" label={lang.t(T::InvitationCode)} required=true
                value={(*code).clone()} oninput={set} autocomplete="off" />
            <BusyButton busy={join.busy} submit=true />
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct JoinProps {
    pub code: AttrValue,
}

/// The page a join link opens (`#/join/<code>`): the community's name and one button.
#[component]
pub fn JoinPage(props: &JoinProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let join = use_join();
    let Some(invitation) = Invitation::parse(&props.code) else {
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::JoinCommunity) }</h2>
                <p role="alert">{ lang.t(T::BadInvitation) }</p>
            </section>
        };
    };
    let (member, renews) = app
        .session()
        .store
        .community()
        .map(|c| (Some(c.id == invitation.community), invitation.renews(c)))
        .unwrap_or_default();
    let onclick = {
        let (join, code) = (join.clone(), props.code.clone());
        Callback::from(move |_| join.start.emit(code.to_string()))
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.f(T::JoinNamed, &[&invitation.name]) }</h2>
            { match member {
                Some(true) if renews => html! {
                    <>
                        <p>{ lang.t(T::AlreadyMember) }</p>
                        <p class="ll-hint">{ lang.t(T::RenewHint) }</p>
                        <BusyButton busy={join.busy} {onclick} label={T::Renew} />
                    </>
                },
                Some(true) => html! {
                    <>
                        <p>{ lang.t(T::AlreadyMember) }</p>
                        <Link<Route> to={Route::Me} classes="ll-button">{ lang.t(T::TabMe) }</Link<Route>>
                    </>
                },
                Some(false) => html! { <p role="alert">{ lang.t(T::OtherCommunity) }</p> },
                None => html! {
                    <>
                        <p class="ll-hint">{ lang.t(T::JoinLinkHint) }</p>
                        <BusyButton busy={join.busy} {onclick} />
                    </>
                },
            } }
        </section>
    }
}

/// Joining by an invitation's text: the engine may still be on its way on a first visit,
/// so the button says it is busy until the join is done (then 我的 opens) or refused.
#[derive(Clone)]
struct Join {
    busy: bool,
    start: Callback<String>,
}

#[hook]
fn use_join() -> Join {
    let app = use_app();
    let navigator = use_navigator();
    let busy = use_state(|| false);
    let join = {
        let busy = busy.clone();
        Callback::from(move |code: String| {
            if *busy {
                return;
            }
            busy.set(true);
            let (app, navigator, busy) = (app.clone(), navigator.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let joined = app.join(&code).await;
                busy.set(false);
                match joined {
                    Ok(()) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Me);
                        }
                    }
                    Err(why) => app.notify(true, why),
                }
            });
        })
    };
    Join {
        busy: *busy,
        start: join,
    }
}

#[derive(Properties, PartialEq)]
struct BusyButtonProps {
    busy: bool,
    #[prop_or_default]
    submit: bool,
    #[prop_or_default]
    onclick: Callback<MouseEvent>,
    /// What the button says when not busy.
    #[prop_or(T::JoinCommunity)]
    label: T,
    /// What it says while busy (waiting for the engine, then joining or setting up).
    #[prop_or(T::Joining)]
    busy_label: T,
}

/// A button that joins or sets up: disabled, and saying so, while busy.
#[component]
fn BusyButton(props: &BusyButtonProps) -> Html {
    let lang = use_app().lang();
    let kind = if props.submit { "submit" } else { "button" };
    let text = if props.busy {
        props.busy_label
    } else {
        props.label
    };
    html! {
        <button type={kind} class="ll-button" disabled={props.busy} aria-busy={props.busy.to_string()}
            onclick={props.onclick.clone()}>{ lang.t(text) }</button>
    }
}
