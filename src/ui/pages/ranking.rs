//! 排行榜: volunteers by points earned or hours served, and units by unit points, this
//! month, this year or all time (in China's calendar). Names are masked: it is public.

use yew::prelude::*;

use crate::domain::calendar::Period;
use crate::domain::leaderboard::RankBy;
use crate::domain::mask_name;
use crate::ui::format::hours;
use crate::ui::i18n::T;
use crate::ui::session::{now, use_app};

#[derive(Clone, Copy, PartialEq)]
enum Span {
    Month,
    Year,
    All,
}

#[component]
pub fn Ranking() -> Html {
    let app = use_app();
    let lang = app.lang();
    let span = use_state(|| Span::Month);
    let by = use_state(|| RankBy::Points);
    let wall = now();
    let period = match *span {
        Span::Month => Period::month_of(wall),
        Span::Year => Period::year_of(wall),
        Span::All => Period::ALL_TIME,
    };
    let session = app.session();
    let state = session.store.journal().state();
    let value = |points: crate::domain::Points, minutes: u64| match *by {
        RankBy::Points => lang.f(T::PerkCost, &[&points]),
        RankBy::Hours => lang.f(T::HoursValue, &[&hours(minutes)]),
    };
    let volunteers: Vec<Html> = state
        .volunteer_leaderboard(*by, period)
        .into_iter()
        .take(20)
        .map(|r| {
            let name = state
                .volunteer(r.who)
                .map(|v| mask_name(&v.profile.name))
                .unwrap_or_default();
            html! {
                <li class="ll-row-item">
                    <span class="ll-rank">{ lang.f(T::RankRow, &[&r.rank]) }</span>
                    <strong>{ name }</strong>
                    <span class="ll-points">{ value(r.points, r.minutes) }</span>
                </li>
            }
        })
        .collect();
    let units: Vec<Html> = state
        .unit_leaderboard(*by, period)
        .into_iter()
        .take(20)
        .map(|r| {
            let name = state
                .unit(r.who)
                .map(|u| u.profile.name.clone())
                .unwrap_or_default();
            html! {
                <li class="ll-row-item">
                    <span class="ll-rank">{ lang.f(T::RankRow, &[&r.rank]) }</span>
                    <strong>{ name }</strong>
                    <span class="ll-points">{ value(r.points, r.minutes) }</span>
                </li>
            }
        })
        .collect();
    let choice = |label: T, active: bool, onclick: Callback<MouseEvent>| {
        html! {
            <button class={classes!("ll-chip-dark", active.then_some("ll-chip-dark-on"))} aria-pressed={active.to_string()} {onclick}>
                { lang.t(label) }
            </button>
        }
    };
    let pick_span = |s: Span| {
        let span = span.clone();
        Callback::from(move |_| span.set(s))
    };
    let pick_by = |b: RankBy| {
        let by = by.clone();
        Callback::from(move |_| by.set(b))
    };
    let list = |rows: Vec<Html>, label: T| {
        if rows.is_empty() {
            html! { <p class="ll-empty">{ lang.t(T::NoRanking) }</p> }
        } else {
            html! { <ol class="ll-list" aria-label={lang.t(label)}>{ for rows }</ol> }
        }
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Ranking) }</h2>
            <div class="ll-row" role="group" aria-label={lang.t(T::Ranking)}>
                { choice(T::ThisMonth, *span == Span::Month, pick_span(Span::Month)) }
                { choice(T::ThisYear, *span == Span::Year, pick_span(Span::Year)) }
                { choice(T::AllTime, *span == Span::All, pick_span(Span::All)) }
            </div>
            <div class="ll-row" role="group">
                { choice(T::ByPoints, *by == RankBy::Points, pick_by(RankBy::Points)) }
                { choice(T::ByHours, *by == RankBy::Hours, pick_by(RankBy::Hours)) }
            </div>
            <h3>{ lang.t(T::VolunteerRanking) }</h3>
            { list(volunteers, T::VolunteerRanking) }
            <h3>{ lang.t(T::UnitRanking) }</h3>
            { list(units, T::UnitRanking) }
        </section>
    }
}
