//! The organizer's roster (签到名单) for one activity: check people in and out, mark
//! no-shows and confirm hours; check in by a card's code or a typed volunteer number or
//! phone; confirm everyone checked out at once.
//!
//! Each step has its own place in a row: 签到 in the first column, 签退 (or 缺席) in the
//! second, 确认时长 in the third. The next step never appears where the last tap was, so
//! two quick taps check someone in, not in and straight out. Before the activity starts,
//! checking in asks first and says that hours count from the start. A check-out under
//! the presence share says so, and the organizer can confirm the minutes they saw.

use yew::prelude::*;

use super::confirm::Confirm;
use super::field::TextField;
use super::scanner::Scanner;
use crate::domain::activity::{Activity, Signup, SignupStatus};
use crate::domain::card::find_volunteer;
use crate::domain::{Action, ActivityId, DomainError, VolunteerId};
use crate::ui::form::{self, ProblemSummary, Problems, Reader};
use crate::ui::format::{clock, date_time, hours};
use crate::ui::i18n::{Lang, T};
use crate::ui::session::{App, now, use_app};

/// Where a sign-up stands, in words.
pub fn status_text(lang: Lang, activity: &Activity, signup: &Signup) -> String {
    match signup.status() {
        SignupStatus::Waitlisted => {
            let place = activity.waitlist_position(signup.volunteer).unwrap_or(0);
            lang.f(T::StatusWaitlisted, &[&place])
        }
        SignupStatus::SignedUp => lang.t(T::StatusSignedUp).to_owned(),
        SignupStatus::CheckedIn => match signup.checked_in {
            Some(at) => lang.f(T::StatusCheckedInAt, &[&clock(at)]),
            None => lang.t(T::StatusCheckedIn).to_owned(),
        },
        SignupStatus::CheckedOut => match (signup.checked_in, signup.checked_out) {
            (Some(from), Some(to)) => lang.f(
                T::StatusCheckedOutAt,
                &[&clock(to), &activity.plan.minutes_within(from, to)],
            ),
            _ => lang.t(T::StatusCheckedOut).to_owned(),
        },
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

/// Minutes present between check-in and check-out, within the activity, when both are
/// recorded.
fn present_minutes(activity: &Activity, signup: &Signup) -> Option<u32> {
    Some(
        activity
            .plan
            .minutes_within(signup.checked_in?, signup.checked_out?),
    )
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
    let wall = now();
    let plan = &activity.plan;
    let early = wall < plan.start;
    let needed = plan.presence_needed_minutes();
    let tap = |label: String, action: Action, style: &'static str| {
        let app = app.clone();
        html! {
            <button class={classes!("ll-button", style)} onclick={move |_| { app.act(action.clone()); }}>
                { label }
            </button>
        }
    };
    let empty = || html! { <span class="ll-slot" aria-hidden="true"></span> };
    let row = |signup: &Signup| {
        let volunteer = signup.volunteer;
        let name = state
            .volunteer(volunteer)
            .map(|v| v.profile.name.clone())
            .unwrap_or_default();
        let check_in = Action::CheckIn {
            activity: id,
            volunteer,
        };
        let check_in_button = |style: &'static str| {
            if early {
                let app = app.clone();
                let action = check_in.clone();
                html! {
                    <Confirm label={lang.t(T::CheckIn)} class={style}
                        question={lang.f(T::EarlyCheckInQuestion, &[&name, &date_time(plan.start)])}
                        yes={lang.t(T::ConfirmCheckIn)}
                        on_yes={Callback::from(move |()| { app.act(action.clone()); })} />
                }
            } else {
                tap(lang.t(T::CheckIn).to_owned(), check_in.clone(), style)
            }
        };
        let no_show = Action::MarkNoShow {
            activity: id,
            volunteer,
        };
        let present = present_minutes(activity, signup);
        let short =
            signup.status() == SignupStatus::CheckedOut && present.is_some_and(|m| m < needed);
        let steps: Option<[Html; 3]> = match signup.status() {
            SignupStatus::SignedUp => Some([
                check_in_button(""),
                if state.check_new(&no_show, wall).is_ok() {
                    tap(lang.t(T::NoShow).to_owned(), no_show, "ll-secondary")
                } else {
                    empty()
                },
                empty(),
            ]),
            SignupStatus::NoShow => Some([check_in_button("ll-secondary"), empty(), empty()]),
            SignupStatus::CheckedIn => Some([
                empty(),
                tap(
                    lang.t(T::CheckOut).to_owned(),
                    Action::CheckOut {
                        activity: id,
                        volunteer,
                    },
                    "",
                ),
                empty(),
            ]),
            SignupStatus::CheckedOut => {
                let confirm = Action::ConfirmService {
                    activity: id,
                    volunteer,
                    minutes: None,
                };
                let button = if short {
                    let app = app.clone();
                    html! {
                        <Confirm label={lang.t(T::Confirm)}
                            question={lang.f(T::ShortConfirmQuestion, &[&name, &present.unwrap_or(0)])}
                            yes={lang.t(T::ConfirmNotCounted)} danger=true
                            on_yes={Callback::from(move |()| { app.act(confirm.clone()); })} />
                    }
                } else {
                    tap(lang.t(T::Confirm).to_owned(), confirm, "")
                };
                Some([empty(), empty(), button])
            }
            _ => None,
        };
        // A check-out under the share, or a check-in never checked out once the
        // activity is over: the organizer may confirm the minutes they saw.
        let by_minutes = match signup.status() {
            SignupStatus::CheckedOut => short,
            SignupStatus::CheckedIn => wall >= plan.end,
            _ => false,
        };
        html! {
            <li class="ll-roster-row" key={signup.id.to_string()} aria-label={name.clone()}>
                <div class="ll-roster-who">
                    <strong>{ name.clone() }</strong>
                    <span class="ll-muted">{ status_text(lang, activity, signup) }</span>
                </div>
                if let Some(steps) = steps {
                    <div class="ll-roster-steps">{ for steps }</div>
                }
                if short {
                    <p class="ll-reason-why" role="note">
                        { lang.f(T::PresenceShort, &[&present.unwrap_or(0), &needed, &plan.presence_percent]) }
                    </p>
                }
                if by_minutes {
                    <MinutesForm activity={id} {volunteer} name={name.clone()} max={plan.duration_minutes()} />
                }
            </li>
        }
    };
    let rows: Vec<Html> = activity.roster().map(row).collect();
    let waiting: Vec<&Signup> = activity
        .roster()
        .filter(|s| s.status() == SignupStatus::CheckedOut)
        .collect();
    let short_names: Vec<String> = waiting
        .iter()
        .filter(|s| present_minutes(activity, s).is_some_and(|m| m < needed))
        .filter_map(|s| state.volunteer(s.volunteer).map(|v| v.profile.name.clone()))
        .collect();
    let ready = waiting.len();
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
    let confirm_all = {
        let app = app.clone();
        Callback::from(move |()| {
            app.act(Action::ConfirmAll { activity: id });
        })
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::Roster)}>
            <h3>{ lang.t(T::Roster) }</h3>
            if early {
                <p class="ll-hint" role="note">{ lang.f(T::NotStartedNote, &[&date_time(plan.start)]) }</p>
            }
            <form class="ll-inline-form" onsubmit={check_in_by_code}>
                <TextField id="checkin-code" label={lang.t(T::CheckInByCode)} value={(*code).clone()}
                    oninput={{ let code = code.clone(); Callback::from(move |v| code.set(v)) }} />
                <button type="submit" class="ll-button">{ lang.t(T::CheckIn) }</button>
            </form>
            <Scanner label={lang.t(T::ScanCard)} cancel={lang.t(T::Cancel)} on_code={scanned} on_error={scan_failed} />
            if ready > 0 {
                if short_names.is_empty() {
                    <button class="ll-button" onclick={move |_| confirm_all.emit(())}>
                        { lang.f(T::ConfirmAllButton, &[&ready]) }
                    </button>
                } else {
                    <Confirm label={lang.f(T::ConfirmAllButton, &[&ready])}
                        question={lang.f(T::ConfirmAllShortQuestion, &[&ready, &short_names.join("、")])}
                        yes={lang.t(T::ConfirmAllYes)} on_yes={confirm_all} />
                }
            }
            if rows.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoRoster) }</p>
            } else {
                <ul class="ll-list" aria-label={lang.t(T::Roster)}>{ for rows }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MinutesProps {
    activity: ActivityId,
    volunteer: VolunteerId,
    name: AttrValue,
    /// The activity's length: no more can be confirmed.
    max: u32,
}

/// 按实际分钟确认: the organizer types the minutes they saw the volunteer serve.
#[component]
fn MinutesForm(props: &MinutesProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let minutes = use_state(String::new);
    let problems = use_state(Problems::default);
    let field = format!("minutes-{}", props.volunteer);
    let submit = {
        let (app, minutes, problems, field) = (
            app.clone(),
            minutes.clone(),
            problems.clone(),
            field.clone(),
        );
        let (activity, volunteer) = (props.activity, props.volunteer);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let mut r = Reader::new(lang);
            let typed: u32 = r.number(field.clone(), T::ServedMinutes, &minutes);
            if typed == 0 {
                // Kept only if the number was read: a field has one problem at a time.
                r.problem(field.clone(), lang.t(T::MinutesZero));
            }
            let action = r.finish(Action::ConfirmService {
                activity,
                volunteer,
                minutes: Some(typed),
            });
            let field_of = |error: &DomainError| {
                matches!(error, DomainError::MinutesOutOfRange { .. }).then(|| field.clone())
            };
            if form::submit(&app, &problems, e.target(), action, field_of).is_some() {
                minutes.set(String::new());
            }
        })
    };
    html! {
        <form class="ll-inline-form ll-minutes" onsubmit={submit} aria-label={lang.f(T::ConfirmMinutesFor, &[&props.name])} novalidate=true>
            <TextField id={field.clone()} inputmode="numeric" label={lang.f(T::ServedMinutesMax, &[&props.max])}
                value={(*minutes).clone()} error={problems.of(&field)}
                oninput={{ let minutes = minutes.clone(); Callback::from(move |v| minutes.set(v)) }} />
            <ProblemSummary problems={(*problems).clone()} />
            <button type="submit" class="ll-button ll-secondary">{ lang.t(T::ConfirmMinutes) }</button>
        </form>
    }
}

/// Checks in whoever `code` (a card, a volunteer number or a phone) names; says who, or
/// why not, and before the start that hours count from the start. Returns whether
/// someone was checked in.
fn check_in_code(app: &App, activity: ActivityId, code: &str) -> bool {
    let lang = app.lang();
    let found: Option<(VolunteerId, String, Option<crate::domain::Timestamp>)> = {
        let session = app.session();
        let state = session.store.journal().state();
        let start = state.activity(activity).map(|a| a.plan.start);
        find_volunteer(state, code).and_then(|v| {
            state
                .volunteer(v)
                .map(|v| (v.id, v.profile.name.clone(), start))
        })
    };
    match found {
        None => {
            app.notify(true, lang.t(T::CodeNotFound).to_owned());
            false
        }
        Some((volunteer, name, start)) => {
            let done = app
                .act(Action::CheckIn {
                    activity,
                    volunteer,
                })
                .is_some();
            if done {
                let text = match start {
                    Some(start) if now() < start => {
                        lang.f(T::CheckedInEarly, &[&name, &clock(start)])
                    }
                    _ => lang.f(T::CheckedInName, &[&name]),
                };
                app.notify(false, text);
            }
            done
        }
    }
}
