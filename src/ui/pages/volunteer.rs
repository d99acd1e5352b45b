//! One volunteer, for organizers: details, balance, manual award and deduction with a
//! reason, and the statement with reversal.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::{Action, Points, VolunteerId};
use crate::ui::components::field::TextField;
use crate::ui::components::statement::Statement;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[derive(Properties, PartialEq)]
pub struct VolunteerProps {
    pub id: VolunteerId,
}

#[component]
pub fn VolunteerPage(props: &VolunteerProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    if !session.organizer {
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
    html! {
        <section class="ll-page">
            <Link<Route> to={Route::Volunteers} classes="ll-link">{ "‹ " }{ lang.t(T::Back) }</Link<Route>>
            <h2>{ p.name.clone() }</h2>
            <dl class="ll-details">
                <dt>{ lang.t(T::Phone) }</dt><dd>{ p.phone.clone() }</dd>
                <dt>{ lang.t(T::VolunteerNumber) }</dt><dd>{ p.number.clone() }</dd>
                <dt>{ lang.t(T::Grid) }</dt><dd>{ p.grid.clone() }</dd>
                <dt>{ lang.t(T::Building) }</dt><dd>{ p.building.clone() }</dd>
            </dl>
            <div class="ll-card ll-balance">
                <span class="ll-label">{ lang.t(T::Balance) }</span>
                <strong class="ll-big" data-testid="volunteer-balance">{ state.balance(props.id).to_string() }</strong>
            </div>
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

/// Award or deduct points by hand, always with a reason.
#[component]
fn PointsForm(props: &PointsFormProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let points = use_state(String::new);
    let reason = use_state(String::new);
    let (title, prefix) = if props.deduct {
        (T::DeductPoints, "deduct")
    } else {
        (T::AwardPoints, "award")
    };
    let submit = {
        let (app, points, reason) = (app.clone(), points.clone(), reason.clone());
        let (volunteer, deduct) = (props.volunteer, props.deduct);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let Ok(amount) = points.parse::<Points>() else {
                app.notify(true, lang.t(T::InvalidPoints).to_owned());
                return;
            };
            let reason_text = reason.trim().to_owned();
            let action = if deduct {
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
            };
            if app.act(action).is_some() {
                let done = if deduct { T::Deducted } else { T::Awarded };
                app.notify(false, lang.f(done, &[&amount]));
                points.set(String::new());
                reason.set(String::new());
            }
        })
    };
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(title)}>
            <h3>{ lang.t(title) }</h3>
            <TextField id={format!("{prefix}-points")} label={lang.t(T::Points)} inputmode="decimal"
                value={(*points).clone()}
                oninput={{ let points = points.clone(); Callback::from(move |v| points.set(v)) }} />
            <TextField id={format!("{prefix}-reason")} label={lang.t(T::Reason)} value={(*reason).clone()}
                oninput={{ let reason = reason.clone(); Callback::from(move |v| reason.set(v)) }} />
            <button type="submit" class={classes!("ll-button", props.deduct.then_some("ll-secondary"))}>
                { lang.t(title) }
            </button>
        </form>
    }
}
