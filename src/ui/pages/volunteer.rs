//! One volunteer, for organizers: details (skills included) and a form to correct them,
//! balance and service hours, manual award and deduction with a reason, and the
//! statement with reversal.

use yew::prelude::*;
use yew_router::prelude::*;

use super::volunteer_form::VolunteerForm;
use crate::domain::activity::StarLevel;
use crate::domain::{Action, DomainError, Field, Points, VolunteerId};
use crate::ui::components::confirm::ConfirmPanel;
use crate::ui::components::field::TextField;
use crate::ui::components::statement::Statement;
use crate::ui::form::{self, ProblemSummary, Problems, Reader};
use crate::ui::format::hours;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};

#[derive(Properties, PartialEq)]
pub struct VolunteerProps {
    pub id: VolunteerId,
}

#[component]
pub fn VolunteerPage(props: &VolunteerProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let editing = use_state(|| false);
    let session = app.session();
    if !session.organizer() {
        return html! {
            <section class="ll-page">
                <p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p>
                <Link<Route> to={Route::Organizer} classes="ll-button">{ lang.t(T::EnterOrganizer) }</Link<Route>>
            </section>
        };
    }
    let state = session.store.journal().state();
    let Some(volunteer) = state.volunteer(props.id) else {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::UnknownVolunteer) }</p></section> };
    };
    let p = &volunteer.profile;
    let minutes = state.service_minutes(props.id);
    let star = StarLevel::from_minutes(minutes);
    let shares_number: Vec<String> = state
        .duplicate_numbers()
        .into_iter()
        .filter(|(_, holders)| holders.contains(&props.id))
        .flat_map(|(_, holders)| holders)
        .filter(|id| *id != props.id)
        .filter_map(|id| state.volunteer(id).map(|v| v.profile.name.clone()))
        .collect();
    let none = || html! { <span class="ll-muted">{ lang.t(T::NotGiven) }</span> };
    let text_or_none = |text: &str| {
        if text.is_empty() {
            none()
        } else {
            html! { { text.to_owned() } }
        }
    };
    let edit_done = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(false))
    };
    let toggle_edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(!*editing))
    };
    html! {
        <section class="ll-page">
            <Link<Route> to={Route::Volunteers} classes="ll-link">{ "‹ " }{ lang.t(T::Back) }</Link<Route>>
            <h2>{ p.name.clone() }</h2>
            if !shares_number.is_empty() {
                <p class="ll-banner ll-warn" role="note">{ lang.f(T::SharesNumber, &[&p.number, &shares_number.join("、")]) }</p>
            }
            <dl class="ll-details" aria-label={lang.t(T::VolunteerDetails)}>
                <dt>{ lang.t(T::Phone) }</dt><dd>{ text_or_none(&p.phone) }</dd>
                <dt>{ lang.t(T::VolunteerNumber) }</dt><dd>{ text_or_none(&p.number) }</dd>
                <dt>{ lang.t(T::Grid) }</dt><dd>{ text_or_none(&p.grid) }</dd>
                <dt>{ lang.t(T::Building) }</dt><dd>{ text_or_none(&p.building) }</dd>
                <dt>{ lang.t(T::SkillsLabel) }</dt><dd>{ text_or_none(&p.skills.join("、")) }</dd>
                <dt>{ lang.t(T::PartyMember) }</dt><dd>{ lang.t(if p.party_member { T::Yes } else { T::No }) }</dd>
            </dl>
            <button class="ll-button ll-secondary" aria-expanded={editing.to_string()} onclick={toggle_edit}>
                { lang.t(if *editing { T::CloseEdit } else { T::EditVolunteer }) }
            </button>
            if *editing {
                <VolunteerForm volunteer={Some(props.id)} on_done={edit_done} />
            }
            <dl class="ll-stats">
                <div>
                    <dt>{ lang.t(T::Balance) }</dt>
                    <dd data-testid="volunteer-balance">{ state.balance(props.id).to_string() }</dd>
                </div>
                <div>
                    <dt>{ lang.t(T::Hours) }</dt>
                    <dd data-testid="volunteer-hours">{ lang.f(T::HoursValue, &[&hours(minutes)]) }</dd>
                </div>
            </dl>
            if star.0 > 0 {
                <p class="ll-hint ll-stars">{ lang.f(T::Stars, &[&star.0]) }</p>
            }
            <PointsForm volunteer={props.id} deduct=false />
            <PointsForm volunteer={props.id} deduct=true />
            <h3>{ lang.t(T::Statement) }</h3>
            <Statement volunteer={props.id} can_reverse=true />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PointsFormProps {
    volunteer: VolunteerId,
    deduct: bool,
}

/// Award or deduct points by hand, always with a reason. A deduction asks first,
/// naming the volunteer and the points.
#[component]
fn PointsForm(props: &PointsFormProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let points = use_state(String::new);
    let reason = use_state(String::new);
    let asking = use_state(|| None::<Action>);
    let problems = use_state(Problems::default);
    let (title, prefix) = if props.deduct {
        (T::DeductPoints, "deduct")
    } else {
        (T::AwardPoints, "award")
    };
    let act = {
        let (app, points, reason, asking) =
            (app.clone(), points.clone(), reason.clone(), asking.clone());
        Callback::from(move |action: Action| {
            asking.set(None);
            let (amount, done) = match &action {
                Action::DeductPoints { points, .. } => (*points, T::Deducted),
                Action::AwardPoints { points, .. } => (*points, T::Awarded),
                _ => return,
            };
            if app.act(action).is_some() {
                app.notify(false, app.lang().f(done, &[&amount]));
                points.set(String::new());
                reason.set(String::new());
            }
        })
    };
    let (points_field, reason_field) = (format!("{prefix}-points"), format!("{prefix}-reason"));
    let submit = {
        let (app, points, reason, asking, act, problems) = (
            app.clone(),
            points.clone(),
            reason.clone(),
            asking.clone(),
            act.clone(),
            problems.clone(),
        );
        let (points_field, reason_field) = (points_field.clone(), reason_field.clone());
        let (volunteer, deduct) = (props.volunteer, props.deduct);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let mut r = Reader::new(lang);
            let amount = r.points(points_field.clone(), T::Points, &points);
            let reason_text = r.required(reason_field.clone(), T::Reason, &reason);
            let action = r.finish(if deduct {
                Action::DeductPoints {
                    volunteer,
                    points: amount,
                    reason: reason_text,
                }
            } else {
                Action::AwardPoints {
                    volunteer,
                    points: amount,
                    reason: reason_text,
                }
            });
            let action = match action {
                Ok(action) => action,
                Err(found) => return form::show(&app, &problems, e.target(), found),
            };
            let field_of = |error: &DomainError| match error {
                DomainError::TooLong {
                    field: Field::Reason,
                    ..
                }
                | DomainError::Required(Field::Reason) => Some(reason_field.clone()),
                DomainError::PointsOutOfRange { .. } | DomainError::InsufficientPoints { .. } => {
                    Some(points_field.clone())
                }
                _ => None,
            };
            if !form::allowed(&app, &problems, e.target(), &action, field_of) {
                return;
            }
            problems.set(Problems::default());
            if deduct {
                app.dismiss();
                asking.set(Some(action));
            } else {
                act.emit(action);
            }
        })
    };
    let question = asking.as_ref().map(|action| {
        let session = app.session();
        let state = session.store.journal().state();
        let name = state
            .volunteer(props.volunteer)
            .map(|v| v.profile.name.clone())
            .unwrap_or_default();
        let amount = match action {
            Action::DeductPoints { points, .. } => *points,
            _ => Points::ZERO,
        };
        let left = Points(state.available(props.volunteer, now()).0 - amount.0);
        lang.f(T::DeductQuestion, &[&name, &amount, &left])
    });
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(title)} novalidate=true>
            <h3>{ lang.t(title) }</h3>
            <TextField id={points_field.clone()} label={lang.t(T::Points)} inputmode="decimal" required=true
                value={(*points).clone()} error={problems.of(&points_field)}
                oninput={{ let points = points.clone(); Callback::from(move |v| points.set(v)) }} />
            <TextField id={reason_field.clone()} label={lang.t(T::Reason)} value={(*reason).clone()} required=true
                error={problems.of(&reason_field)}
                oninput={{ let reason = reason.clone(); Callback::from(move |v| reason.set(v)) }} />
            <ProblemSummary problems={(*problems).clone()} />
            if let (Some(question), Some(action)) = (question, (*asking).clone()) {
                <ConfirmPanel title={lang.t(title)} question={question} yes={lang.t(T::ConfirmDeduct)} danger=true
                    on_yes={{ let act = act.clone(); Callback::from(move |()| act.emit(action.clone())) }}
                    on_no={{ let asking = asking.clone(); Callback::from(move |()| asking.set(None)) }} />
            } else {
                <button type="submit" class={classes!("ll-button", props.deduct.then_some("ll-secondary"))}>
                    { lang.t(title) }
                </button>
            }
        </form>
    }
}
