//! 心愿墙: this year's wishes lit and residents helped; wishes suggested for me with
//! their reasons; then waiting, claimed and lit wishes. Organizers post and review here.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::{Period, Reason, State, Timestamp, Wish, suggest_wishes};
use crate::ui::components::paged::{Page, Paged, use_page};
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};
use crate::ui::words::wish::{category_text, phase_text, reason_text};

pub fn wish_card(lang: Lang, wish: &Wish, wall: Timestamp, reasons: &[Reason]) -> Html {
    let plan = &wish.plan;
    html! {
        <li class="ll-row-item" key={wish.id.to_string()} aria-label={plan.title.clone()}>
            <Link<Route> to={Route::Wish { id: wish.id }} classes="ll-item-link ll-activity">
                <strong class="ll-activity-title">{ plan.title.clone() }</strong>
                <span class="ll-muted">{ plan.alias.clone() }{ " · " }{ lang.t(category_text(plan.category)) }</span>
                <span>
                    <span class="ll-tag">{ lang.t(phase_text(wish.phase(wall))) }</span>
                    { " " }
                    if wish.phase(wall).is_open() {
                        <span class="ll-muted">{ lang.f(T::DaysLeft, &[&wish.days_left(wall)]) }</span>
                    }
                </span>
                if !reasons.is_empty() {
                    <span class="ll-reasons">
                        { for reasons.iter().filter(|r| r.is_positive()).map(|r| html! {
                            <span class="ll-progress-chip">{ reason_text(lang, r) }</span>
                        }) }
                    </span>
                }
            </Link<Route>>
        </li>
    }
}

/// One list of the wall, `page` of it drawn (`page` is of `wishes`, from `use_page`).
fn section(lang: Lang, title: T, wishes: &[&Wish], page: Page, wall: Timestamp) -> Html {
    if wishes.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ lang.t(title) }</h3>
            <Paged label={lang.t(title)} page={page.clone()}>
                { for page.of(wishes).iter().map(|w| wish_card(lang, w, wall, &[])) }
            </Paged>
        </>
    }
}

fn suggestions(lang: Lang, state: &State, wall: Timestamp, me: crate::domain::VolunteerId) -> Html {
    let found: Vec<_> = suggest_wishes(state, me, wall)
        .into_iter()
        .take(3)
        .collect();
    if found.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{ lang.t(T::ForYou) }</h3>
            <ol class="ll-list" aria-label={lang.t(T::ForYou)}>
                { for found.iter().filter_map(|s| state.wish(s.wish).map(|w| wish_card(lang, w, wall, &s.reasons))) }
            </ol>
        </>
    }
}

#[component]
pub fn Wishes() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let wall = now();
    let counts = state.wall_counts(Period::year_of(wall));
    let me = session
        .prefs
        .prefs
        .me
        .filter(|v| state.volunteer(*v).is_some());
    let empty = state.wishes().next().is_none();
    // Each list keeps its own page. The hooks run on every render, in this order, so
    // the pending list is made empty, not skipped, for everyone but organizers.
    let pending = if session.organizer() {
        state.pending_wishes()
    } else {
        Vec::new()
    };
    let (open, claimed, awaiting, lit) = (
        state.open_wishes(wall),
        state.claimed_wishes(wall),
        state.awaiting_confirmation(),
        state.lit_wishes(),
    );
    let pending_page = use_page(pending.len(), ());
    let open_page = use_page(open.len(), ());
    let claimed_page = use_page(claimed.len(), ());
    let awaiting_page = use_page(awaiting.len(), ());
    let lit_page = use_page(lit.len(), ());
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::WishWall) }</h2>
            <p class="ll-card ll-lead" data-testid="wall-counts">{ lang.f(T::WallCounts, &[&counts.lit, &counts.residents]) }</p>
            if session.organizer() {
                <Link<Route> to={Route::NewWish} classes="ll-button">{ lang.t(T::PostWish) }</Link<Route>>
                { section(lang, T::PendingWishes, &pending, pending_page, wall) }
            }
            if let Some(me) = me {
                { suggestions(lang, state, wall, me) }
            }
            if empty {
                <p class="ll-empty">{ lang.t(T::NoWishes) }</p>
            }
            { section(lang, T::OpenWishes, &open, open_page, wall) }
            { section(lang, T::ClaimedWishes, &claimed, claimed_page, wall) }
            { section(lang, T::AwaitingWishes, &awaiting, awaiting_page, wall) }
            { section(lang, T::LitWishes, &lit, lit_page, wall) }
        </section>
    }
}
