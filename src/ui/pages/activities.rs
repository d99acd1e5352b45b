//! 活动: upcoming activities first (soonest first), then past ones (latest first). Each
//! card says when, where, how many places are left and, for me, where I stand.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::activity::Activity;
use crate::ui::components::paged::{Paged, use_page};
use crate::ui::format::date_time;
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};
use crate::ui::words::activity::phase_text;

#[component]
pub fn Activities() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let wall = now();
    let (mut upcoming, mut past): (Vec<&Activity>, Vec<&Activity>) = state
        .activities()
        .partition(|a| !a.is_cancelled() && a.plan.end > wall);
    upcoming.sort_by_key(|a| (a.plan.start, a.id));
    past.sort_by_key(|a| std::cmp::Reverse((a.plan.start, a.id)));
    let (upcoming_page, past_page) = (use_page(upcoming.len(), ()), use_page(past.len(), ()));
    let card = |a: &&Activity| activity_card(lang, a, wall);
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Activities) }</h2>
            if session.organizer() {
                <Link<Route> to={Route::NewActivity} classes="ll-button">{ lang.t(T::NewActivity) }</Link<Route>>
            }
            if upcoming.is_empty() && past.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoActivities) }</p>
            }
            if !upcoming.is_empty() {
                <h3>{ lang.t(T::Upcoming) }</h3>
                <Paged label={lang.t(T::Upcoming)} page={upcoming_page.clone()}>
                    { for upcoming_page.of(&upcoming).iter().map(card) }
                </Paged>
            }
            if !past.is_empty() {
                <h3>{ lang.t(T::Past) }</h3>
                <Paged label={lang.t(T::Past)} page={past_page.clone()}>
                    { for past_page.of(&past).iter().map(card) }
                </Paged>
            }
        </section>
    }
}

fn activity_card(lang: Lang, activity: &Activity, wall: crate::domain::Timestamp) -> Html {
    let plan = &activity.plan;
    let counts = activity.counts();
    html! {
        <li class="ll-row-item" key={activity.id.to_string()}>
            <Link<Route> to={Route::Activity { id: activity.id }} classes="ll-item-link ll-activity">
                <strong class="ll-activity-title">{ plan.title.clone() }</strong>
                <span class="ll-tag">{ lang.t(phase_text(activity.phase(wall))) }</span>
                <span class="ll-muted">{ date_time(plan.start) }{ " · " }{ plan.place.clone() }</span>
                <span>{ lang.f(T::SeatsLeft, &[&counts.free, &counts.capacity]) }</span>
                if counts.waitlisted > 0 {
                    <span class="ll-muted">{ lang.f(T::WaitingCount, &[&counts.waitlisted]) }</span>
                }
            </Link<Route>>
        </li>
    }
}
