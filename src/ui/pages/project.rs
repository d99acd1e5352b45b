//! One co-construction project: its status and progress (slots per role, pledged against
//! needed), my place in each role with the reason when I can't join, progress updates;
//! for organizers the lifecycle, approvals, people and pledges for units, completion
//! credits and CSV exports.

use yew::prelude::*;
use yew_router::prelude::*;

use super::project_admin::ProjectAdmin;
use crate::domain::project::{Participant, Project};
use crate::domain::{Action, DomainError, ProjectId, State, VolunteerId, mask_name};
use crate::ui::components::confirm::Confirm;
use crate::ui::format::date_time;
use crate::ui::i18n::{Lang, T, domain_error_text, project_status_text};
use crate::ui::routes::Route;
use crate::ui::session::{App, now, use_app};
use crate::ui::words::project::{need_unit_text, standing_text};

#[derive(Properties, PartialEq)]
pub struct ProjectProps {
    pub id: ProjectId,
}

#[component]
pub fn ProjectPage(props: &ProjectProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let Some(project) = state.project(props.id) else {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::NotFound) }</p></section> };
    };
    let plan = &project.plan;
    let progress = project.progress();
    let me = session
        .prefs
        .prefs
        .me
        .filter(|v| state.volunteer(*v).is_some());
    html! {
        <section class="ll-page">
            <Link<Route> to={Route::Projects} classes="ll-link">{ "‹ " }{ lang.t(T::Back) }</Link<Route>>
            <h2>{ plan.title.clone() }</h2>
            <p><span class="ll-tag">{ lang.f(T::StatusLabel, &[&lang.t(project_status_text(project.status))]) }</span></p>
            if !plan.description.is_empty() { <p>{ plan.description.clone() }</p> }
            <dl class="ll-details">
                <dt>{ lang.t(T::ActivityCategory) }</dt><dd>{ plan.category.clone() }</dd>
                <dt>{ lang.t(T::ActivityPlace) }</dt><dd>{ plan.place.clone() }</dd>
                <dt>{ lang.t(T::StartsAt) }</dt><dd>{ date_time(plan.start) }</dd>
                <dt>{ lang.t(T::EndsAt) }</dt><dd>{ date_time(plan.end) }</dd>
                <dt>{ lang.t(T::WithdrawDeadline) }</dt><dd>{ date_time(plan.withdraw_deadline) }</dd>
            </dl>
            <ul class="ll-list" aria-label={lang.t(T::Participants)}>
                { for progress.roles.iter().map(|r| html! {
                    <li class="ll-row-item">
                        <span>{ lang.f(T::SlotsFilled, &[&r.name, &r.filled, &r.slots]) }</span>
                        if r.waitlisted > 0 { <span class="ll-muted">{ lang.f(T::SlotsWaiting, &[&r.waitlisted]) }</span> }
                        if r.pending > 0 { <span class="ll-muted">{ lang.f(T::SlotsPending, &[&r.pending]) }</span> }
                    </li>
                }) }
                { for progress.needs.iter().map(|n| html! {
                    <li class="ll-row-item">
                        <span>{ lang.f(T::NeedProgressText, &[&n.name, &n.pledged, &n.needed, &need_unit_text(lang, &n.unit)]) }</span>
                        <progress max="100" value={n.percent().to_string()} aria-label={n.name.clone()}></progress>
                    </li>
                }) }
            </ul>
            if let Some(me) = me {
                { my_roles(&app, lang, state, project, me) }
            }
            <h3>{ lang.t(T::Updates) }</h3>
            if project.updates().is_empty() {
                <p class="ll-empty">{ lang.t(T::NoUpdates) }</p>
            } else {
                <ol class="ll-list" aria-label={lang.t(T::Updates)}>
                    { for project.updates().iter().rev().map(|u| html! {
                        <li class="ll-line"><time class="ll-muted">{ date_time(u.at) }</time><p>{ u.text.clone() }</p></li>
                    }) }
                </ol>
            }
            if session.organizer() {
                <ProjectAdmin id={props.id} />
            }
        </section>
    }
}

/// For each role: my place in it, or the button that applies now, or why none does.
fn my_roles(app: &App, lang: Lang, state: &State, project: &Project, me: VolunteerId) -> Html {
    let wall = now();
    let who = Participant::Volunteer(me);
    let id = project.id;
    let act = |action: Action, done: String| {
        let app = app.clone();
        Callback::from(move |_: ()| {
            if app.act(action.clone()).is_some() {
                app.notify(false, done.clone());
            }
        })
    };
    let tap = |go: Callback<()>| Callback::from(move |_: MouseEvent| go.emit(()));
    let my_name = state
        .volunteer(me)
        .map(|v| mask_name(&v.profile.name))
        .unwrap_or_default();
    let rows = project.plan.roles.iter().map(|role| {
        let name = role.name.clone();
        if let Some(signup) = project.signup_of(who, &name) {
            let withdraw = Action::WithdrawFromRole { project: id, role: name.clone(), who };
            let can = state.check_new(&withdraw, wall).is_ok();
            return html! {
                <li class="ll-line">
                    <strong>{ lang.f(T::MyRoleStatus, &[&name, &standing_text(lang, project, who, &name, &signup.standing)]) }</strong>
                    if can {
                        <Confirm label={lang.f(T::WithdrawRole, &[&name])} class="ll-secondary"
                            question={lang.f(T::WithdrawQuestion, &[&my_name, &name, &project.plan.title])}
                            yes={lang.t(T::ConfirmWithdraw)} danger=true
                            on_yes={act(withdraw, lang.t(T::Withdrawn).to_owned())} />
                    }
                </li>
            };
        }
        let join = Action::JoinRole { project: id, role: name.clone(), who };
        let wait = Action::JoinRoleWaitlist { project: id, role: name.clone(), who };
        let done = if project.plan.join == crate::domain::project::JoinMode::Approval {
            lang.t(T::Requested).to_owned()
        } else {
            lang.f(T::Joined, &[&name])
        };
        let body = match state.check_new(&join, wall) {
            Ok(()) => html! { <button class="ll-button" onclick={tap(act(join, done))}>{ lang.f(T::JoinRole, &[&name]) }</button> },
            Err(DomainError::RoleFull) if state.check_new(&wait, wall).is_ok() => {
                let place = project.waitlist(&name).count() + 1;
                html! {
                    <button class="ll-button" onclick={tap(act(wait, lang.f(T::JoinedWaitlist, &[&place])))}>
                        { lang.f(T::JoinRoleWaitlist, &[&name]) }
                    </button>
                }
            }
            Err(why) => html! { <p class="ll-reason-why" role="note">{ name.clone() }{ "：" }{ domain_error_text(lang, &why) }</p> },
        };
        html! { <li class="ll-line">{ body }</li> }
    });
    html! { <ul class="ll-list" aria-label={lang.t(T::FilterMine)}>{ for rows }</ul> }
}
