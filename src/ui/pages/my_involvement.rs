//! 我参加的项目 and 我认领的心愿: beside 我的报名 on 我的, the co-construction projects I
//! hold (or asked for, or wait for) a role in, and the wishes I claimed with where each
//! claim stands.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::project::Participant;
use crate::domain::{ClaimStatus, Claimant, VolunteerId};
use crate::ui::format::date_time;
use crate::ui::i18n::{T, project_status_text};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};
use crate::ui::words::project::standing_text;

#[derive(Properties, PartialEq)]
pub struct MineProps {
    pub volunteer: VolunteerId,
}

/// The projects where I have a role, a place waiting or a request, each with my roles.
#[component]
pub fn MyProjects(props: &MineProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let who = Participant::Volunteer(props.volunteer);
    let rows: Vec<Html> = state
        .projects_of(who)
        .into_iter()
        .filter_map(|project| {
            let mine: Vec<String> = project
                .signups()
                .iter()
                .filter(|s| s.who == who && s.is_active())
                .map(|s| {
                    lang.f(
                        T::RoleAndStanding,
                        &[&s.role, &standing_text(lang, project, who, &s.role, &s.standing)],
                    )
                })
                .collect();
            if mine.is_empty() {
                return None;
            }
            Some(html! {
                <li class="ll-row-item" key={project.id.to_string()}>
                    <Link<Route> to={Route::Project { id: project.id }} classes="ll-item-link ll-activity">
                        <strong>{ project.plan.title.clone() }</strong>
                        <span class="ll-muted">{ date_time(project.plan.start) }{ " · " }{ lang.t(project_status_text(project.status)) }</span>
                        { for mine.into_iter().map(|m| html! { <span class="ll-tag">{ m }</span> }) }
                    </Link<Route>>
                </li>
            })
        })
        .collect();
    if rows.is_empty() {
        return html! { <p class="ll-empty">{ lang.t(T::NoProjectsJoined) }</p> };
    }
    html! { <ul class="ll-list" aria-label={lang.t(T::MyProjects)}>{ for rows }</ul> }
}

/// The wishes I claimed, the latest claim first, with where each claim stands.
#[component]
pub fn MyWishes(props: &MineProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let wall = now();
    let claims = state.claims_of(Claimant::Volunteer(props.volunteer));
    if claims.is_empty() {
        return html! { <p class="ll-empty">{ lang.t(T::NoWishesClaimed) }</p> };
    }
    html! {
        <ul class="ll-list" aria-label={lang.t(T::MyWishes)}>
            { for claims.into_iter().map(|(wish, claim)| {
                let status = match claim.status(wall) {
                    ClaimStatus::Holding => lang.f(T::Claimed, &[&date_time(claim.due)]),
                    ClaimStatus::Lapsed => lang.t(T::ClaimLapsedTag).to_owned(),
                    ClaimStatus::Released { .. } => lang.t(T::Released).to_owned(),
                    ClaimStatus::Fulfilled { .. } if wish.confirmed.is_some() => lang.t(T::PhaseConfirmed).to_owned(),
                    ClaimStatus::Fulfilled { .. } => lang.t(T::AwaitingWishes).to_owned(),
                    ClaimStatus::Lost { .. } => lang.t(T::ClaimedByOther).to_owned(),
                    ClaimStatus::WishCancelled { .. } => lang.t(T::PhaseCancelledWish).to_owned(),
                };
                html! {
                    <li class="ll-row-item" key={claim.id.to_string()}>
                        <Link<Route> to={Route::Wish { id: wish.id }} classes="ll-item-link ll-activity">
                            <strong>{ wish.plan.title.clone() }</strong>
                            <span class="ll-muted">{ wish.plan.alias.clone() }</span>
                            <span class="ll-tag">{ status }</span>
                        </Link<Route>>
                    </li>
                }
            }) }
        </ul>
    }
}
