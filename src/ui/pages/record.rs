//! 志愿服务记录: a printable platform record (平台记录) of one volunteer's confirmed
//! service, with the fields the Ministry's rules list: name and volunteer number, hours
//! and what was done, the issuer, a record number and the date. It says plainly that it
//! is a platform record, not a certificate of the national system.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::calendar::china_date;
use crate::records::sheets::china_date_time;
use crate::ui::format::hours;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};

#[component]
pub fn ServiceRecord() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let Some(volunteer) = session.me().and_then(|id| state.volunteer(id)) else {
        return html! {
            <section class="ll-page">
                <p class="ll-empty">{ lang.t(T::ChooseMeFirst) }</p>
                <Link<Route> to={Route::Me} classes="ll-button">{ lang.t(T::TabMe) }</Link<Route>>
            </section>
        };
    };
    let issued = now();
    let (y, m, d) = china_date(issued);
    let number = format!("LL-{}-{y:04}{m:02}{d:02}", volunteer.id);
    let mut services: Vec<_> = state
        .signups_of(volunteer.id)
        .filter_map(|(activity, signup)| {
            signup
                .service
                .as_ref()
                .filter(|s| s.counted())
                .map(|s| (activity, s))
        })
        .collect();
    services.sort_by_key(|(a, _)| a.plan.start);
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section class="ll-page ll-record">
            <h2>{ lang.t(T::ServiceRecord) }</h2>
            <dl class="ll-details">
                <dt>{ lang.t(T::Name) }</dt><dd>{ volunteer.profile.name.clone() }</dd>
                <dt>{ lang.t(T::VolunteerNumber) }</dt><dd>{ volunteer.profile.number.clone() }</dd>
                <dt>{ lang.t(T::TotalHours) }</dt>
                <dd>{ lang.f(T::HoursValue, &[&hours(state.service_minutes(volunteer.id))]) }</dd>
                <dt>{ lang.t(T::Issuer) }</dt><dd>{ lang.t(T::IssuerDefault) }</dd>
                <dt>{ lang.t(T::RecordNumber) }</dt><dd>{ number }</dd>
                <dt>{ lang.t(T::IssuedOn) }</dt><dd>{ format!("{y:04}-{m:02}-{d:02}") }</dd>
            </dl>
            <table class="ll-table">
                <thead><tr>
                    <th>{ lang.t(T::ColStart) }</th>
                    <th>{ lang.t(T::ColActivity) }</th>
                    <th>{ lang.t(T::ActivityPlace) }</th>
                    <th>{ lang.t(T::ColCountedHours) }</th>
                </tr></thead>
                <tbody>
                    { for services.iter().map(|(activity, service)| html! {
                        <tr>
                            <td>{ china_date_time(activity.plan.start) }</td>
                            <td>{ activity.plan.title.clone() }</td>
                            <td>{ activity.plan.place.clone() }</td>
                            <td>{ hours(u64::from(service.minutes)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="ll-hint">{ lang.t(T::RecordNote) }</p>
            <button class="ll-button" onclick={print}>{ lang.t(T::Print) }</button>
        </section>
    }
}
