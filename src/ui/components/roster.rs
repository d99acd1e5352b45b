//! The organizer's roster (签到名单) for one activity: large buttons to check people in
//! and out, mark no-shows and confirm hours; check-in by a card's code or a typed
//! volunteer number or phone; confirm everyone checked out at once.

use yew::prelude::*;

use super::field::TextField;
use super::scanner::Scanner;
use crate::domain::activity::{Activity, Signup, SignupStatus};
use crate::domain::card::find_volunteer;
use crate::domain::{Action, ActivityId, VolunteerId};
use crate::ui::format::hours;
use crate::ui::i18n::{Lang, T};
use crate::ui::session::{App, use_app};

/// Where a sign-up stands, in words.
pub fn status_text(lang: Lang, activity: &Activity, signup: &Signup) -> String {
    match signup.status() {
        SignupStatus::Waitlisted => {
            let place = activity.waitlist_position(signup.volunteer).unwrap_or(0);
            lang.f(T::StatusWaitlisted, &[&place])
        }
        SignupStatus::SignedUp => lang.t(T::StatusSignedUp).to_owned(),
        SignupStatus::CheckedIn => lang.t(T::StatusCheckedIn).to_owned(),
        SignupStatus::CheckedOut => lang.t(T::StatusCheckedOut).to_owned(),
        SignupStatus::NoShow => lang.t(T::StatusNoShow).to_owned(),
        SignupStatus::Cancelled => lang.t(T::StatusCancelled).to_owned(),
        SignupStatus::Confirmed => match &signup.service {
            Some(service) if service.counted() => lang.f(
                T::StatusConfirmed,
                &[&hours(u64::from(service.minutes)), &service.points],
            ),
            _ => lang.t(T::StatusNotCounted).to_owned(),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct RosterProps {
    pub activity: ActivityId,
}

#[component]
pub fn Roster(props: &RosterProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let code = use_state(String::new);
    let session = app.session();
    let state = session.store.journal().state();
    let Some(activity) = state.activity(props.activity) else {
        return html! {};
    };
    let id = props.activity;
    let button = |label: T, action: Action, style: &'static str| {
        let app = app.clone();
        html! {
            <button class={classes!("ll-button", style)} onclick={move |_| { app.act(action.clone()); }}>
                { lang.t(label) }
            </button>
        }
    };
    let row = |signup: &Signup| {
        let volunteer = signup.volunteer;
        let name = state
            .volunteer(volunteer)
            .map(|v| v.profile.name.clone())
            .unwrap_or_default();
        let actions: Html = match signup.status() {
            SignupStatus::SignedUp => html! { <>
                { button(T::CheckIn, Action::CheckIn { activity: id, volunteer }, "") }
                { button(T::NoShow, Action::MarkNoShow { activity: id, volunteer }, "ll-secondary") }
            </> },
            SignupStatus::NoShow => button(
                T::CheckIn,
                Action::CheckIn {
                    activity: id,
                    volunteer,
                },
                "ll-secondary",
            ),
            SignupStatus::CheckedIn => button(
                T::CheckOut,
                Action::CheckOut {
                    activity: id,
                    volunteer,
                },
                "",
            ),
            SignupStatus::CheckedOut => button(
                T::Confirm,
                Action::ConfirmService {
                    activity: id,
                    volunteer,
                    minutes: None,
                },
                "",
            ),
            _ => html! {},
        };
        html! {
            <li class="ll-roster-row" key={signup.id.to_string()}>
                <div class="ll-roster-who">
                    <strong>{ name }</strong>
                    <span class="ll-muted">{ status_text(lang, activity, signup) }</span>
                </div>
                <div class="ll-row">{ actions }</div>
            </li>
        }
    };
    let rows: Vec<Html> = activity.roster().map(row).collect();
    let ready = activity.counts().checked_out;
    let check_in_by_code = {
        let (app, code) = (app.clone(), code.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if check_in_code(&app, id, &code) {
                code.set(String::new());
            }
        })
    };
    let scanned = {
        let app = app.clone();
        Callback::from(move |code: String| {
            check_in_code(&app, id, &code);
        })
    };
    let scan_failed = {
        let app = app.clone();
        Callback::from(move |why: String| app.notify(true, app.lang().f(T::CameraFailed, &[&why])))
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::Roster)}>
            <h3>{ lang.t(T::Roster) }</h3>
            <form class="ll-inline-form" onsubmit={check_in_by_code}>
                <TextField id="checkin-code" label={lang.t(T::CheckInByCode)} value={(*code).clone()}
                    oninput={{ let code = code.clone(); Callback::from(move |v| code.set(v)) }} />
                <button type="submit" class="ll-button">{ lang.t(T::CheckIn) }</button>
            </form>
            <Scanner label={lang.t(T::ScanCard)} cancel={lang.t(T::Cancel)} on_code={scanned} on_error={scan_failed} />
            if ready > 0 {
                { {
                    let app = app.clone();
                    html! {
                        <button class="ll-button" onclick={move |_| { app.act(Action::ConfirmAll { activity: id }); }}>
                            { lang.f(T::ConfirmAllButton, &[&ready]) }
                        </button>
                    }
                } }
            }
            if rows.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoRoster) }</p>
            } else {
                <ul class="ll-list" aria-label={lang.t(T::Roster)}>{ for rows }</ul>
            }
        </section>
    }
}

/// Checks in whoever `code` (a card, a volunteer number or a phone) names; says who, or
/// why not. Returns whether someone was checked in.
fn check_in_code(app: &App, activity: ActivityId, code: &str) -> bool {
    let lang = app.lang();
    let found: Option<(VolunteerId, String)> = {
        let session = app.session();
        let state = session.store.journal().state();
        find_volunteer(state, code)
            .and_then(|v| state.volunteer(v).map(|v| (v.id, v.profile.name.clone())))
    };
    match found {
        None => {
            app.notify(true, lang.t(T::CodeNotFound).to_owned());
            false
        }
        Some((volunteer, name)) => {
            let done = app
                .act(Action::CheckIn {
                    activity,
                    volunteer,
                })
                .is_some();
            if done {
                app.notify(false, lang.f(T::CheckedInName, &[&name]));
            }
            done
        }
    }
}
