//! 项目: co-construction projects, recruiting ones first. Filters: all, recruiting,
//! needing my skills, mine; and by category. Organizers start new projects here.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::ProjectStatus;
use crate::domain::project::{Participant, Project, ProjectQuery};
use crate::ui::components::field::Select;
use crate::ui::format::date_time;
use crate::ui::i18n::{Lang, T, project_status_text};
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[derive(Clone, Copy, PartialEq)]
enum Show {
    All,
    Recruiting,
    NeedsMe,
    Mine,
}

/// The statuses and the category shown; "needs my skills" and "mine" are the domain's
/// own queries (`State::projects_needing`, `State::projects_of`), narrowed by it.
fn query(show: Show, category: &str) -> ProjectQuery {
    let mut q = ProjectQuery::public();
    if show == Show::Recruiting {
        q.statuses = vec![ProjectStatus::Recruiting];
    }
    if !category.is_empty() {
        q.category = Some(category.to_owned());
    }
    q
}

#[component]
pub fn Projects() -> Html {
    let app = use_app();
    let lang = app.lang();
    let show = use_state(|| Show::All);
    let category = use_state(String::new);
    let session = app.session();
    let state = session.store.journal().state();
    let me = session
        .prefs
        .prefs
        .me
        .filter(|v| state.volunteer(*v).is_some());
    let mut q = query(*show, &category);
    if session.organizer() && *show == Show::All {
        q.statuses.clear();
    }
    let mut found: Vec<&Project> = match (*show, me) {
        (Show::NeedsMe, Some(me)) => state.projects_needing(me),
        (Show::Mine, Some(me)) => state.projects_of(Participant::Volunteer(me)),
        (Show::NeedsMe | Show::Mine, None) => Vec::new(),
        (Show::All | Show::Recruiting, _) => state.find_projects(&q),
    };
    found.retain(|p| q.matches(p));
    let chip = |label: T, value: Show| {
        let show = show.clone();
        let active = *show == value;
        html! {
            <button class={classes!("ll-chip-dark", active.then_some("ll-chip-dark-on"))}
                aria-pressed={active.to_string()} onclick={move |_| show.set(value)}>
                { lang.t(label) }
            </button>
        }
    };
    let mut categories = vec![(
        AttrValue::Static(""),
        AttrValue::from(lang.t(T::AnyCategory)),
    )];
    categories.extend(
        state
            .project_categories()
            .into_iter()
            .map(|c| (AttrValue::from(c.to_owned()), AttrValue::from(c.to_owned()))),
    );
    let pick_category = {
        let category = category.clone();
        Callback::from(move |v: String| category.set(v))
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Projects) }</h2>
            if session.organizer() {
                <Link<Route> to={Route::NewProject} classes="ll-button">{ lang.t(T::NewProject) }</Link<Route>>
            }
            <div class="ll-row" role="group" aria-label={lang.t(T::Projects)}>
                { chip(T::FilterAll, Show::All) }
                { chip(T::FilterRecruiting, Show::Recruiting) }
                if me.is_some() {
                    { chip(T::FilterNeedsMe, Show::NeedsMe) }
                    { chip(T::FilterMine, Show::Mine) }
                }
            </div>
            <Select id="project-category" label={lang.t(T::ActivityCategory)} options={categories}
                selected={AttrValue::from((*category).clone())} onchange={pick_category} />
            if found.is_empty() {
                <p class="ll-empty">{ lang.t(if state.projects().next().is_none() { T::NoProjects } else { T::NoMatchingProjects }) }</p>
            } else {
                <ul class="ll-list" aria-label={lang.t(T::Projects)}>
                    { for found.into_iter().map(|p| project_card(lang, p)) }
                </ul>
            }
        </section>
    }
}

fn project_card(lang: Lang, project: &Project) -> Html {
    let plan = &project.plan;
    let progress = project.progress();
    let colour = match &plan.cover {
        crate::domain::project::Cover::Colour(c) => c.clone(),
        crate::domain::project::Cover::Icon(_) => "#c8102e".to_owned(),
    };
    html! {
        <li key={project.id.to_string()} class="ll-row-item ll-project" style={format!("border-left: 8px solid {colour}")}>
            <Link<Route> to={Route::Project { id: project.id }} classes="ll-item-link ll-activity">
                <strong class="ll-activity-title">{ plan.title.clone() }</strong>
                <span class="ll-tag">{ lang.t(project_status_text(project.status)) }</span>
                <span class="ll-muted">{ plan.category.clone() }{ " · " }{ date_time(plan.start) }{ " · " }{ plan.place.clone() }</span>
                <span>{ for progress.roles.iter().map(|r| html! {
                    <span class="ll-progress-chip">{ lang.f(T::SlotsFilled, &[&r.name, &r.filled, &r.slots]) }</span>
                }) }</span>
            </Link<Route>>
        </li>
    }
}
