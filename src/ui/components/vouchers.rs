//! 我的兑换券: each voucher with its code (and QR) to show at the merchant, its status,
//! and a cancel button that refunds the points while it is unused.

use yew::prelude::*;

use super::confirm::Confirm;
use super::qr::Qr;
use crate::domain::perk::VoucherStatus;
use crate::domain::{Action, VolunteerId, mask_name};
use crate::ui::format::date_time;
use crate::ui::i18n::T;
use crate::ui::session::{now, use_app};

#[derive(Properties, PartialEq)]
pub struct VouchersProps {
    pub volunteer: VolunteerId,
}

#[component]
pub fn Vouchers(props: &VouchersProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let wall = now();
    let holder = state
        .volunteer(props.volunteer)
        .map(|v| mask_name(&v.profile.name))
        .unwrap_or_default();
    let mut vouchers: Vec<_> = state.vouchers_of(props.volunteer).collect();
    vouchers.reverse();
    if vouchers.is_empty() {
        return html! { <p class="ll-empty">{ lang.t(T::NoVouchers) }</p> };
    }
    html! {
        <ul class="ll-list" aria-label={lang.t(T::MyVouchers)}>
            { for vouchers.into_iter().map(|voucher| {
                let title = state.perk(voucher.perk).map(|p| p.offer.title.clone()).unwrap_or_default();
                let status = voucher.status(wall);
                let status_text = match status {
                    VoucherStatus::Open => lang.f(T::VoucherOpen, &[&date_time(voucher.expires)]),
                    VoucherStatus::Used => lang.f(T::VoucherUsed, &[&voucher.used.map(date_time).unwrap_or_default()]),
                    VoucherStatus::Expired => lang.t(T::VoucherExpiredTag).to_owned(),
                    VoucherStatus::Cancelled => lang.t(T::VoucherCancelledTag).to_owned(),
                };
                let cancel = matches!(status, VoucherStatus::Open | VoucherStatus::Expired).then(|| {
                    let (app, id, points) = (app.clone(), voucher.id, voucher.points);
                    let on_yes = Callback::from(move |()| {
                        if app.act(Action::CancelVoucher { voucher: id }).is_some() {
                            app.notify(false, app.lang().f(T::VoucherRefunded, &[&points]));
                        }
                    });
                    let question = lang.f(T::CancelVoucherQuestion, &[&holder, &title, &voucher.points]);
                    html! {
                        <Confirm label={lang.t(T::CancelVoucher)} class="ll-secondary" danger=true
                            {question} yes={lang.t(T::ConfirmCancelVoucher)} {on_yes} />
                    }
                });
                html! {
                    <li class="ll-line" key={voucher.id.to_string()} aria-label={title.clone()}>
                        <div class="ll-line-main">
                            <strong class="ll-reason">{ title }</strong>
                            <span class="ll-tag">{ status_text }</span>
                        </div>
                        if status == VoucherStatus::Open {
                            <p class="ll-code">{ lang.t(T::VoucherCodeLabel) }{ " " }<strong>{ voucher.code.to_string() }</strong></p>
                            <Qr text={voucher.code.as_str().to_owned()} label={lang.t(T::VoucherQr)} />
                        }
                        { for cancel }
                    </li>
                }
            }) }
        </ul>
    }
}
