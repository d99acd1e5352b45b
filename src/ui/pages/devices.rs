//! 设备 (organizer mode): inviting people to the community, taking in a device's code,
//! approving or declining devices that asked to be bound, and revoking one.

use yew::prelude::*;

use crate::domain::trust::{Device, DeviceKey, Request, Role};
use crate::store::device::Invitation;
use crate::ui::components::field::TextField;
use crate::ui::components::qr::Qr;
use crate::ui::components::scanner::Scanner;
use crate::ui::format::date_time;
use crate::ui::i18n::{T, role_text};
use crate::ui::pages::sync_settings::SyncSettings;
use crate::ui::session::{App, use_app};

/// The link that opens this app on the join page with `invitation`.
pub fn join_link(invitation: &Invitation) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    format!("{base}#/join/{}", invitation.code())
}

#[component]
pub fn Devices() -> Html {
    let app = use_app();
    let lang = app.lang();
    if !app.session().organizer() {
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::Devices) }</h2>
                <p class="ll-empty">{ lang.t(T::NeedsOrganizer) }</p>
            </section>
        };
    }
    let session = app.session();
    let Some(keyring) = session.store.journal().keyring() else {
        return html! {};
    };
    let pending: Vec<Request> = keyring.pending().into_iter().cloned().collect();
    let mut devices: Vec<Device> = keyring.devices().cloned().collect();
    devices.sort_by_key(|d| (d.revoked.is_some(), d.at));
    let own = session.store.device_key();
    drop(session);
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Devices) }</h2>
            <SyncSettings />
            <Invite />
            <TakeIn />
            <section aria-label={lang.t(T::PendingDevices)}>
                <h3>{ lang.t(T::PendingDevices) }</h3>
                if pending.is_empty() {
                    <p class="ll-empty">{ lang.t(T::NoPending) }</p>
                }
                <ul class="ll-list">
                    { for pending.into_iter().map(|r| {
                        let key = r.key.to_string();
                        html! { <PendingRow {key} request={r} /> }
                    }) }
                </ul>
            </section>
            <section aria-label={lang.t(T::BoundDevices)}>
                <h3>{ lang.t(T::BoundDevices) }</h3>
                <ul class="ll-list">
                    { for devices.into_iter().map(|d| {
                        let this = Some(d.key) == own;
                        let key = d.key.to_string();
                        html! { <DeviceRow {key} device={d} {this} /> }
                    }) }
                </ul>
            </section>
        </section>
    }
}

/// The join code, as a QR code and a link to send in a chat.
#[component]
fn Invite() -> Html {
    let app = use_app();
    let lang = app.lang();
    let Some(invitation) = app.invitation() else {
        return html! {};
    };
    let link = join_link(&invitation);
    html! {
        <section class="ll-card" aria-label={lang.t(T::InviteTitle)}>
            <h3>{ lang.t(T::InviteTitle) }</h3>
            <p class="ll-hint">{ lang.t(T::InviteHint) }</p>
            <Qr text={AttrValue::from(link.clone())} label={lang.t(T::InviteQr)} />
            <div class="ll-field">
                <label for="invite-link">{ lang.t(T::InviteLink) }</label>
                <textarea id="invite-link" readonly=true rows="3" value={link} />
            </div>
        </section>
    }
}

/// Takes in a code a phone showed; says what it did. Returns whether it was read.
fn take_in(app: &App, code: &str) -> bool {
    let lang = app.lang();
    match app.import_backup(code) {
        Ok(outcome) => {
            let refused = outcome.not_imported();
            app.notify(
                refused > 0,
                lang.f(T::TakenIn, &[&outcome.report.added, &refused]),
            );
            true
        }
        Err(why) => {
            app.notify(true, why);
            false
        }
    }
}

/// Pasting or scanning the code a phone shows (its binding request, its sign-ups made
/// offline).
#[component]
fn TakeIn() -> Html {
    let app = use_app();
    let lang = app.lang();
    let code = use_state(String::new);
    let submit = {
        let (app, code) = (app.clone(), code.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if take_in(&app, &code) {
                code.set(String::new());
            }
        })
    };
    let set = {
        let code = code.clone();
        Callback::from(move |v| code.set(v))
    };
    // A scanned code is taken in at once, as if pasted and submitted.
    let scanned = {
        let app = app.clone();
        Callback::from(move |text: String| {
            take_in(&app, &text);
        })
    };
    let scan_failed = {
        let app = app.clone();
        Callback::from(move |why: String| app.notify(true, why))
    };
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::TakeInTitle)}>
            <h3>{ lang.t(T::TakeInTitle) }</h3>
            <Scanner label={lang.t(T::ScanHandOver)} cancel={lang.t(T::Cancel)} on_code={scanned} on_error={scan_failed} />
            <TextField id="take-in" label={lang.t(T::HandOverCode)} multiline=true
                value={(*code).clone()} oninput={set} hint={lang.t(T::TakeInHint)} />
            <button type="submit" class="ll-button">{ lang.t(T::TakeIn) }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct PendingProps {
    request: Request,
}

#[component]
fn PendingRow(props: &PendingProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let request = &props.request;
    let who = role_text(lang, app.session().state(), request.role);
    let approve = {
        let (app, key, role, label) = (
            app.clone(),
            request.key,
            request.role,
            request.label.clone(),
        );
        Callback::from(move |_| {
            if app.approve(key, role, &label) {
                app.notify(false, app.lang().f(T::Approved, &[&key.short()]));
            }
        })
    };
    let decline = {
        let (app, key) = (app.clone(), request.key);
        Callback::from(move |_| {
            app.decline(key);
        })
    };
    html! {
        <li class="ll-card">
            <p><strong>{ who.clone() }</strong>{ " · " }{ request.label.clone() }</p>
            <p class="ll-hint">{ lang.f(T::DeviceKeyAt, &[&request.key.short(), &date_time(request.at)]) }</p>
            <div class="ll-row">
                <button class="ll-button" onclick={approve}
                    aria-label={lang.f(T::ApproveWho, &[&who])}>{ lang.t(T::ApproveDevice) }</button>
                <button class="ll-button ll-secondary" onclick={decline}
                    aria-label={lang.f(T::DeclineWho, &[&who])}>{ lang.t(T::DeclineDevice) }</button>
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct DeviceProps {
    device: Device,
    this: bool,
}

#[component]
fn DeviceRow(props: &DeviceProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let reason = use_state(String::new);
    let device = &props.device;
    let who = role_text(lang, app.session().state(), device.role);
    let revoke = {
        let (app, key, reason) = (app.clone(), device.key, reason.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            revoke_device(&app, key, &reason);
        })
    };
    let set = {
        let reason = reason.clone();
        Callback::from(move |v| reason.set(v))
    };
    let label = if device.label.is_empty() {
        who.clone()
    } else {
        format!("{who} · {}", device.label)
    };
    html! {
        <li class="ll-card">
            <p>
                <strong>{ label }</strong>
                if props.this { { " " }{ lang.t(T::ThisDeviceMark) } }
            </p>
            <p class="ll-hint">{ lang.f(T::DeviceKeyAt, &[&device.key.short(), &date_time(device.at)]) }</p>
            if let Some(revoked) = &device.revoked {
                <p class="ll-status">{ lang.f(T::RevokedAt, &[&date_time(revoked.at), &revoked.reason]) }</p>
            } else if !props.this || device.role != Role::Organizer {
                <details>
                    <summary>{ lang.f(T::RevokeWho, &[&who]) }</summary>
                    <form onsubmit={revoke} aria-label={lang.f(T::RevokeWho, &[&who])}>
                        <TextField id={format!("revoke-{}", device.key.short())} label={lang.t(T::RevokeReason)}
                            value={(*reason).clone()} oninput={set} />
                        <button type="submit" class="ll-button ll-danger">{ lang.t(T::Revoke) }</button>
                    </form>
                </details>
            }
        </li>
    }
}

fn revoke_device(app: &crate::ui::session::App, key: DeviceKey, reason: &str) {
    if app.revoke(key, reason) {
        app.notify(false, app.lang().f(T::RevokedDone, &[&key.short()]));
    }
}
