//! 我的: who uses this device, their balance and statement.

use yew::prelude::*;

use super::my_involvement::{MyProjects, MyWishes};
use super::my_signups::MySignups;
use super::who::WhoAmI;
use crate::domain::activity::StarLevel;
use crate::domain::card::card_text;
use crate::domain::mask_name;
use crate::records::ics::{IcsEvent, calendar};
use crate::ui::components::qr::Qr;
use crate::ui::components::statement::Statement;
use crate::ui::components::vouchers::Vouchers;
use crate::ui::download::download;
use crate::ui::format::{date_time, hours};
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;
use crate::ui::session::{App, now};
use yew_router::prelude::*;

#[component]
pub fn Me() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let me = session.me();
    let calendar = {
        let app = app.clone();
        Callback::from(move |_| {
            let Some(text) = my_calendar(&app) else {
                return;
            };
            if let Err(why) = download("linli.ics", "text/calendar", &text) {
                app.notify(true, why);
            }
        })
    };
    let minutes = me.map_or(0, |id| state.service_minutes(id));
    let summary = me.map(|id| state.points(id, now())).unwrap_or_default();
    let star = me.map_or(StarLevel::default(), |id| state.star_level(id));
    let star_text = if star.0 == 0 {
        lang.t(T::NoStar).to_owned()
    } else {
        lang.f(T::Stars, &[&star.0])
    };
    let next_star = star
        .next_at_minutes()
        .map(|at| lang.f(T::NextStar, &[&hours(at.saturating_sub(minutes))]));
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::WhoAmI) }</h2>
            <WhoAmI />
            if let Some(id) = me {
                <div class="ll-card ll-balance" aria-live="polite">
                    <span class="ll-label">{ lang.t(T::Balance) }</span>
                    <strong class="ll-big" data-testid="my-balance">{ summary.available.to_string() }</strong>
                </div>
                { for summary.expiring.iter().take(2).map(|(at, points)| html! {
                    <p class="ll-hint">{ lang.f(T::ExpiringSoon, &[points, &date_time(*at)]) }</p>
                }) }
                if summary.expired > crate::domain::Points::ZERO {
                    <p class="ll-hint">{ lang.f(T::ExpiredPoints, &[&summary.expired]) }</p>
                }
                <dl class="ll-stats">
                    <div>
                        <dt>{ lang.t(T::Hours) }</dt>
                        <dd data-testid="my-hours">{ lang.f(T::HoursValue, &[&hours(minutes)]) }</dd>
                    </div>
                    <div>
                        <dt>{ lang.t(T::StarLevel) }</dt>
                        <dd class="ll-stars">{ star_text }</dd>
                    </div>
                </dl>
                if let Some(next) = next_star {
                    <p class="ll-hint">{ next }</p>
                }
                <div class="ll-row">
                    <Link<Route> to={Route::Shop} classes="ll-button">{ lang.t(T::Shop) }</Link<Route>>
                    <Link<Route> to={Route::Ranking} classes="ll-button ll-secondary">{ lang.t(T::Ranking) }</Link<Route>>
                </div>
                <h3>{ lang.t(T::MyVouchers) }</h3>
                <Vouchers volunteer={id} />
                <h3>{ lang.t(T::MySignups) }</h3>
                <MySignups volunteer={id} />
                <h3>{ lang.t(T::MyProjects) }</h3>
                <MyProjects volunteer={id} />
                <h3>{ lang.t(T::MyWishes) }</h3>
                <MyWishes volunteer={id} />
                <div class="ll-row">
                    <button class="ll-button ll-secondary" onclick={calendar}>{ lang.t(T::CalendarFile) }</button>
                    <Link<Route> to={Route::ServiceRecord} classes="ll-button ll-secondary">{ lang.t(T::PrintRecord) }</Link<Route>>
                </div>
                <h3>{ lang.t(T::Statement) }</h3>
                <Statement volunteer={id} />
                <section class="ll-card ll-member-card" aria-label={lang.t(T::MyCard)}>
                    <h3>{ lang.t(T::MyCard) }</h3>
                    <Qr text={card_text(id)} label={lang.t(T::CardQr)} />
                    if let Some(v) = state.volunteer(id) {
                        <p class="ll-card-name">
                            { mask_name(&v.profile.name) }
                            if !v.profile.number.is_empty() { { " · " }{ v.profile.number.clone() } }
                        </p>
                    }
                    <p class="ll-hint">{ lang.t(T::MyCardHint) }</p>
                </section>
            }
        </section>
    }
}

/// My active sign-ups as an iCalendar file.
fn my_calendar(app: &App) -> Option<String> {
    let session = app.session();
    let me = session.me()?;
    let state = session.store.journal().state();
    let events: Vec<IcsEvent> = state
        .signups_of(me)
        .filter(|(activity, signup)| signup.is_active() && !activity.is_cancelled())
        .map(|(activity, _)| IcsEvent {
            uid: format!("{}@linli", activity.id),
            start: activity.plan.start,
            end: activity.plan.end,
            summary: activity.plan.title.clone(),
            location: activity.plan.place.clone(),
            description: activity.plan.details.clone(),
        })
        .collect();
    Some(calendar(&events, now()))
}
