//! One activity: what, when, where; my sign-up with the reason when I cannot; and for
//! organizers the roster, copying and cancelling.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::activity::{Activity, Phase, PointsRule};
use crate::domain::{Action, ActivityId, DomainError, State, VolunteerId, mask_name};
use crate::ui::components::confirm::{Confirm, ReasonForm};
use crate::ui::components::roster::{Roster, status_text};
use crate::ui::format::{date_time, hours};
use crate::ui::i18n::{Lang, T, domain_error_text};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};
use crate::ui::words::activity::phase_text;

#[derive(Properties, PartialEq)]
pub struct ActivityProps {
    pub id: ActivityId,
}

#[component]
pub fn ActivityPage(props: &ActivityProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let Some(activity) = state.activity(props.id) else {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::NotFound) }</p></section> };
    };
    let plan = &activity.plan;
    let counts = activity.counts();
    let rule = match plan.rule {
        PointsRule::PerHour {
            points_per_hour,
            cap_minutes,
        } => {
            let mut text = format!("{} · {points_per_hour}", lang.t(T::RulePerHour));
            if let Some(cap) = cap_minutes {
                text.push_str(&format!(" (≤ {} h)", hours(u64::from(cap))));
            }
            text
        }
        PointsRule::Fixed(points) => format!("{} · {points}", lang.t(T::RuleFixed)),
    };
    html! {
        <section class="ll-page">
            <Link<Route> to={Route::Activities} classes="ll-link">{ "‹ " }{ lang.t(T::Back) }</Link<Route>>
            <h2>{ plan.title.clone() }</h2>
            <p><span class="ll-tag">{ lang.t(phase_text(activity.phase(now()))) }</span></p>
            if let Some(cancelled) = &activity.cancelled {
                <p class="ll-banner ll-warn">{ lang.f(T::ActivityCancelledNote, &[&cancelled.reason]) }</p>
            }
            <dl class="ll-details">
                <dt>{ lang.t(T::StartsAt) }</dt><dd>{ date_time(plan.start) }</dd>
                <dt>{ lang.t(T::EndsAt) }</dt><dd>{ date_time(plan.end) }</dd>
                <dt>{ lang.t(T::ActivityPlace) }</dt><dd>{ plan.place.clone() }</dd>
                <dt>{ lang.t(T::ActivityCategory) }</dt><dd>{ plan.category.clone() }</dd>
                <dt>{ lang.t(T::Capacity) }</dt><dd>{ lang.f(T::SeatsLeft, &[&counts.free, &counts.capacity]) }</dd>
                <dt>{ lang.t(T::SignupCloses) }</dt><dd>{ date_time(plan.signup_closes) }</dd>
                <dt>{ lang.t(T::CancelDeadline) }</dt><dd>{ date_time(plan.cancel_deadline) }</dd>
                <dt>{ lang.t(T::PointsRule) }</dt><dd>{ rule }</dd>
            </dl>
            if !plan.details.is_empty() {
                <p>{ plan.details.clone() }</p>
            }
            { my_signup(lang, state, activity, session.me(), &app) }
            if session.organizer() {
                <Roster activity={props.id} />
                <Link<Route> to={Route::CopyActivity { id: props.id }} classes="ll-button ll-secondary">
                    { lang.t(T::CopyActivity) }
                </Link<Route>>
                if !activity.is_cancelled() && activity.phase(now()) != Phase::Ended {
                    <ReasonForm id="cancel-activity-reason" title={lang.t(T::CancelActivity)} field={lang.t(T::CancelActivityReason)}
                        question={lang.f(T::CancelActivityQuestion, &[&plan.title, &counts.seated])}
                        yes={lang.t(T::ConfirmCancelActivity)}
                        make={{ let activity = props.id; Callback::from(move |reason| Action::CancelActivity { activity, reason }) }} />
                }
            }
        </section>
    }
}

/// My sign-up: the button that applies now, or the reason none does.
fn my_signup(
    lang: Lang,
    state: &State,
    activity: &Activity,
    me: Option<VolunteerId>,
    app: &crate::ui::session::App,
) -> Html {
    let Some(me) = me.filter(|v| state.volunteer(*v).is_some()) else {
        return html! {
            <p class="ll-card">
                { lang.t(T::ChooseMeFirst) }{ " " }
                <Link<Route> to={Route::Me} classes="ll-link">{ lang.t(T::TabMe) }</Link<Route>>
            </p>
        };
    };
    let wall = now();
    let id = activity.id;
    let my_name = state
        .volunteer(me)
        .map(|v| mask_name(&v.profile.name))
        .unwrap_or_default();
    let act = |action: Action, done: T| {
        let app = app.clone();
        Callback::from(move |_: ()| {
            if app.act(action.clone()).is_some() {
                let lang = app.lang();
                let text = match done {
                    T::JoinedWaitlist => {
                        let session = app.session();
                        let place = session
                            .store
                            .journal()
                            .state()
                            .activity(id)
                            .and_then(|a| a.waitlist_position(me));
                        match place {
                            Some(place) => lang.f(T::JoinedWaitlist, &[&place]),
                            None => lang.t(T::SignedUpDone).to_owned(),
                        }
                    }
                    other => lang.t(other).to_owned(),
                };
                app.notify(false, text);
            }
        })
    };
    if let Some(signup) = activity.signup_of(me) {
        let cancel = Action::CancelSignup {
            activity: id,
            volunteer: me,
        };
        let can_cancel = state.check_new(&cancel, wall);
        return html! {
            <div class="ll-card" aria-label={lang.t(T::MySignups)}>
                <p><strong>{ lang.f(T::MyStatus, &[&status_text(lang, activity, signup)]) }</strong></p>
                if can_cancel.is_ok() {
                    <Confirm label={lang.t(T::CancelSignup)} class="ll-secondary" danger=true
                        question={lang.f(T::CancelSignupQuestion, &[&my_name, &activity.plan.title, &date_time(activity.plan.start)])}
                        yes={lang.t(T::ConfirmCancelSignup)}
                        on_yes={{ let go = act(cancel, T::SignupCancelled); Callback::from(move |()| go.emit(())) }} />
                }
            </div>
        };
    }
    let sign_up = Action::SignUp {
        activity: id,
        volunteer: me,
    };
    let wait = Action::JoinWaitlist {
        activity: id,
        volunteer: me,
    };
    let body = match state.check_new(&sign_up, wall) {
        Ok(()) => html! {
            <button class="ll-button ll-big-button" onclick={{ let go = act(sign_up, T::SignedUpDone); Callback::from(move |_| go.emit(())) }}>{ lang.t(T::SignUp) }</button>
        },
        Err(DomainError::ActivityFull) if state.check_new(&wait, wall).is_ok() => html! {
            <button class="ll-button ll-big-button" onclick={{ let go = act(wait, T::JoinedWaitlist); Callback::from(move |_| go.emit(())) }}>{ lang.t(T::JoinWaitlist) }</button>
        },
        Err(why) => {
            html! { <p class="ll-reason-why" role="note">{ domain_error_text(lang, &why) }</p> }
        }
    };
    html! { <div class="ll-card">{ body }</div> }
}
