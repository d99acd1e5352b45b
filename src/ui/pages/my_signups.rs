//! 我的报名: the activities I hold a seat or a waitlist place for, soonest first, then
//! the ones that are over.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::VolunteerId;
use crate::ui::components::roster::status_text;
use crate::ui::format::date_time;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};

#[derive(Properties, PartialEq)]
pub struct MySignupsProps {
    pub volunteer: VolunteerId,
}

#[component]
pub fn MySignups(props: &MySignupsProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let wall = now();
    let mut mine: Vec<_> = state
        .signups_of(props.volunteer)
        .filter(|(_, s)| s.is_active())
        .collect();
    // Upcoming first, soonest first; then past ones, latest first.
    mine.sort_by_key(|(a, _)| {
        (
            a.plan.end <= wall,
            if a.plan.end > wall {
                a.plan.start.0
            } else {
                u64::MAX - a.plan.start.0
            },
        )
    });
    if mine.is_empty() {
        return html! { <p class="ll-empty">{ lang.t(T::NoSignups) }</p> };
    }
    html! {
        <ul class="ll-list" aria-label={lang.t(T::MySignups)}>
            { for mine.into_iter().map(|(activity, signup)| html! {
                <li class="ll-row-item" key={signup.id.to_string()}>
                    <Link<Route> to={Route::Activity { id: activity.id }} classes="ll-item-link">
                        <strong>{ activity.plan.title.clone() }</strong>
                        <span class="ll-muted">{ date_time(activity.plan.start) }</span>
                        <span class="ll-tag">{ status_text(lang, activity, signup) }</span>
                    </Link<Route>>
                </li>
            }) }
        </ul>
    }
}
