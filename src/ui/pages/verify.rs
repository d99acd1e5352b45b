//! 核销: the merchant (or an organizer) types or scans the code a volunteer shows, sees
//! what it is for and whose it is (masked), and marks it used. The card says first
//! whether the voucher can be used (unused, or used / expired / cancelled and when), and
//! offers 确认核销 only when it can: never on a used code, nor after a verification.

use yew::prelude::*;

use crate::domain::{Action, VoucherId, VoucherStatus, mask_name};
use crate::ui::components::field::TextField;
use crate::ui::components::scanner::Scanner;
use crate::ui::format::date_time;
use crate::ui::i18n::{T, domain_error_text};
use crate::ui::session::{now, use_app};
use crate::ui::words::perk::sponsor_name;

#[component]
pub fn Verify() -> Html {
    let app = use_app();
    let lang = app.lang();
    let code = use_state(String::new);
    let found = use_state(|| None::<VoucherId>);
    let look_up = {
        let (app, found) = (app.clone(), found.clone());
        move |code: &str| {
            let result = {
                let session = app.session();
                session
                    .store
                    .journal()
                    .state()
                    .voucher_by_code(code)
                    .map(|v| v.id)
            };
            match result {
                Ok(id) => {
                    app.dismiss();
                    found.set(Some(id));
                }
                Err(why) => {
                    found.set(None);
                    app.notify(true, domain_error_text(app.lang(), &why));
                }
            }
        }
    };
    let find = {
        let (code, look_up) = (code.clone(), look_up.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            look_up(&code);
        })
    };
    let scanned = {
        let code = code.clone();
        Callback::from(move |text: String| {
            code.set(text.clone());
            look_up(&text);
        })
    };
    let scan_failed = {
        let app = app.clone();
        Callback::from(move |why: String| app.notify(true, app.lang().f(T::CameraFailed, &[&why])))
    };
    let session = app.session();
    let state = session.store.journal().state();
    let details = found.and_then(|id| state.voucher(id)).map(|voucher| {
        let perk = state.perk(voucher.perk);
        let title = perk.map(|p| p.offer.title.clone()).unwrap_or_default();
        let sponsor = sponsor_name(lang, state, perk.and_then(|p| p.offer.sponsor));
        let holder = state.volunteer(voucher.volunteer).map(|v| mask_name(&v.profile.name)).unwrap_or_default();
        let status = voucher.status(now());
        let (status_text, status_class) = match status {
            VoucherStatus::Open => (lang.f(T::VerifyStatusOpen, &[&date_time(voucher.expires)]), "ll-status-ok"),
            VoucherStatus::Used => (
                lang.f(T::VerifyStatusUsed, &[&voucher.used.map(date_time).unwrap_or_default()]),
                "ll-status-stop",
            ),
            VoucherStatus::Expired => (lang.f(T::VerifyStatusExpired, &[&date_time(voucher.expires)]), "ll-status-stop"),
            VoucherStatus::Cancelled => (
                lang.f(T::VerifyStatusCancelled, &[&voucher.cancelled.map(date_time).unwrap_or_default()]),
                "ll-status-stop",
            ),
        };
        let verify = {
            let (app, id, title) = (app.clone(), voucher.id, title.clone());
            Callback::from(move |_| {
                if app.act(Action::VerifyVoucher { voucher: id }).is_some() {
                    app.notify(false, app.lang().f(T::Verified, &[&title]));
                }
            })
        };
        html! {
            <section class="ll-card" aria-label={lang.t(T::Verify)}>
                <p class={classes!("ll-voucher-status", status_class)} data-testid="voucher-status">{ status_text }</p>
                <dl class="ll-details">
                    <dt>{ lang.t(T::PerkTitle) }</dt><dd>{ title }</dd>
                    <dt>{ lang.t(T::Sponsor) }</dt><dd>{ sponsor }</dd>
                    <dt>{ lang.t(T::VoucherHolder) }</dt><dd>{ holder }</dd>
                    <dt>{ lang.t(T::VoucherCodeLabel) }</dt><dd>{ voucher.code.to_string() }</dd>
                    <dt>{ lang.t(T::ValidUntil) }</dt><dd>{ date_time(voucher.expires) }</dd>
                </dl>
                if status == VoucherStatus::Open {
                    <button class="ll-button ll-big-button" onclick={verify}>{ lang.t(T::VerifyButton) }</button>
                }
            </section>
        }
    });
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Verify) }</h2>
            <p class="ll-hint">{ lang.t(T::VerifyHint) }</p>
            <form class="ll-inline-form" onsubmit={find}>
                <TextField id="verify-code" label={lang.t(T::VoucherCodeLabel)} value={(*code).clone()}
                    oninput={{ let code = code.clone(); Callback::from(move |v| code.set(v)) }} />
                <button type="submit" class="ll-button">{ lang.t(T::FindVoucher) }</button>
            </form>
            <Scanner label={lang.t(T::ScanVoucher)} cancel={lang.t(T::Cancel)} on_code={scanned} on_error={scan_failed} />
            { for details }
        </section>
    }
}
