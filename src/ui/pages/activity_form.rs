//! 发布活动: the organizer's form for a new activity, empty or copied from another one
//! (as a template, a week later), with optional weekly repeats.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::activity::{
    ActivityPlan, DEFAULT_NO_SHOW_LIMIT, DEFAULT_PRESENCE_PERCENT, PointsRule, Role,
};
use crate::domain::calendar::{china_clock, from_china_clock};
use crate::domain::{Action, ActivityId, DomainError, Field, Points, Timestamp};
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::form::{self, FieldId, ProblemSummary, Problems, Reader};
use crate::ui::format::datetime_local;
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};

const HOUR: u64 = 3_600_000;
const WEEK: u64 = 7 * 24 * HOUR;

/// The form's fields, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    title: String,
    category: String,
    place: String,
    details: String,
    start: String,
    end: String,
    capacity: String,
    opens: String,
    closes: String,
    cancel_by: String,
    fixed: bool,
    points: String,
    cap_hours: String,
    roles: String,
    presence: String,
    no_show_limit: String,
    repeat: String,
}

impl Draft {
    /// Tomorrow (in China) from 09:00 to 11:00, open for sign-up from now until the
    /// start, cancellable until two hours before.
    fn fresh(wall: Timestamp) -> Draft {
        let start = tomorrow_at(wall, 9);
        Draft {
            start: datetime_local(start),
            end: datetime_local(Timestamp(start.0 + 2 * HOUR)),
            capacity: "10".into(),
            opens: datetime_local(Timestamp(wall.0 / 60_000 * 60_000)),
            closes: datetime_local(start),
            cancel_by: datetime_local(Timestamp(start.0 - 2 * HOUR)),
            points: "1".into(),
            presence: DEFAULT_PRESENCE_PERCENT.to_string(),
            no_show_limit: DEFAULT_NO_SHOW_LIMIT.to_string(),
            repeat: "0".into(),
            ..Draft::default()
        }
    }

    /// The same activity, a week after the original, sign-up open from now.
    fn copied(plan: &ActivityPlan, wall: Timestamp) -> Draft {
        let weeks = plan.start.0.max(wall.0).saturating_sub(plan.start.0) / WEEK + 1;
        let next = plan.shifted_by_weeks(u32::try_from(weeks).unwrap_or(1));
        let (fixed, points, cap) = match next.rule {
            PointsRule::Fixed(points) => (true, points, None),
            PointsRule::PerHour {
                points_per_hour,
                cap_minutes,
            } => (false, points_per_hour, cap_minutes),
        };
        Draft {
            title: next.title.clone(),
            category: next.category.clone(),
            place: next.place.clone(),
            details: next.details.clone(),
            start: datetime_local(next.start),
            end: datetime_local(next.end),
            capacity: next.capacity.to_string(),
            opens: datetime_local(Timestamp(wall.0 / 60_000 * 60_000)),
            closes: datetime_local(next.signup_closes),
            cancel_by: datetime_local(next.cancel_deadline),
            fixed,
            points: points.to_string(),
            cap_hours: cap
                .map(|m| Points(i64::from(m) * 100 / 60).to_string())
                .unwrap_or_default(),
            roles: next
                .roles
                .iter()
                .map(|r| format!("{}:{}", r.name, Points(i64::from(r.multiplier))))
                .collect::<Vec<_>>()
                .join(", "),
            presence: next.presence_percent.to_string(),
            no_show_limit: next.no_show_limit.to_string(),
            repeat: "0".into(),
        }
    }

    /// The plan and how many more weeks to repeat it, or every field that could not be
    /// read. The rules themselves are the domain's.
    fn plan(&self, lang: Lang) -> Result<(ActivityPlan, u32), Problems> {
        let mut r = Reader::new(lang);
        let title = r.required(TITLE, T::ActivityTitle, &self.title);
        let category = r.required(CATEGORY, T::ActivityCategory, &self.category);
        let place = r.required(PLACE, T::ActivityPlace, &self.place);
        let details = r.text(&self.details);
        let start = r.time(START, T::StartsAt, &self.start);
        let end = r.time(END, T::EndsAt, &self.end);
        r.after(END, start, end, T::ErrEndNotAfterStart);
        let capacity = r.number(CAPACITY, T::Capacity, &self.capacity);
        let signup_opens = r.time(OPENS, T::SignupOpens, &self.opens);
        let signup_closes = r.time(CLOSES, T::SignupCloses, &self.closes);
        let cancel_deadline = r.time(CANCEL_BY, T::CancelDeadline, &self.cancel_by);
        let points = r.points(POINTS, T::RulePoints, &self.points);
        let rule = if self.fixed {
            PointsRule::Fixed(points)
        } else {
            let cap = r.optional_points(CAP, T::CapHours, &self.cap_hours);
            PointsRule::PerHour {
                points_per_hour: points,
                cap_minutes: cap.map(|hours| u32::try_from(hours.0 * 60 / 100).unwrap_or(u32::MAX)),
            }
        };
        let roles = parse_roles(&self.roles).unwrap_or_else(|| {
            r.problem(ROLES, lang.t(T::BadRoles));
            Vec::new()
        });
        let presence: u32 = r.number(PRESENCE, T::PresencePercent, &self.presence);
        let no_show_limit = r.number(NO_SHOWS, T::NoShowLimit, &self.no_show_limit);
        let repeat: u32 = r
            .optional_number(REPEAT, T::RepeatWeeks, &self.repeat)
            .unwrap_or(0);
        let plan = ActivityPlan {
            title,
            category,
            place,
            details,
            start,
            end,
            capacity,
            signup_opens,
            signup_closes,
            cancel_deadline,
            rule,
            roles,
            presence_percent: u8::try_from(presence).unwrap_or(u8::MAX),
            no_show_limit,
        };
        r.finish((plan, repeat.min(52)))
    }
}

/// `hour`:00 tomorrow, in China's time.
fn tomorrow_at(wall: Timestamp, hour: u32) -> Timestamp {
    let (year, month, day, _, _) = china_clock(wall);
    from_china_clock(year, month, day, hour, 0)
        .map_or(Timestamp((wall.0 / HOUR + 25) * HOUR), |today| {
            Timestamp(today.0 + Timestamp::DAY)
        })
}

const TITLE: FieldId = "act-title";
const CATEGORY: FieldId = "act-category";
const PLACE: FieldId = "act-place";
const DETAILS: FieldId = "act-details";
const START: FieldId = "act-start";
const END: FieldId = "act-end";
const CAPACITY: FieldId = "act-capacity";
const OPENS: FieldId = "act-opens";
const CLOSES: FieldId = "act-closes";
const CANCEL_BY: FieldId = "act-cancel-by";
const POINTS: FieldId = "act-points";
const CAP: FieldId = "act-cap";
const ROLES: FieldId = "act-roles";
const PRESENCE: FieldId = "act-presence";
const NO_SHOWS: FieldId = "act-no-shows";
const REPEAT: FieldId = "act-repeat";

/// Where the domain's refusal of a plan belongs.
fn field_of(error: &DomainError) -> Option<FieldId> {
    Some(match error {
        DomainError::Required(f) | DomainError::TooLong { field: f, .. } => match f {
            Field::Title => TITLE,
            Field::Category => CATEGORY,
            Field::Place => PLACE,
            Field::Details => DETAILS,
            Field::Role => ROLES,
            _ => return None,
        },
        DomainError::EndNotAfterStart | DomainError::ActivityTooLong { .. } => END,
        DomainError::CapacityOutOfRange { .. } => CAPACITY,
        DomainError::SignupClosesBeforeOpens | DomainError::SignupClosesAfterStart => CLOSES,
        DomainError::CancelDeadlineAfterStart => CANCEL_BY,
        DomainError::RulePointsOutOfRange { .. } => POINTS,
        DomainError::CapOutOfRange { .. } => CAP,
        DomainError::MultiplierOutOfRange { .. } | DomainError::DuplicateRole(_) => ROLES,
        DomainError::PresenceOutOfRange => PRESENCE,
        DomainError::NoShowLimitOutOfRange { .. } => NO_SHOWS,
        _ => return None,
    })
}

/// "组长:1.4, 队员:1.2" → roles with multipliers in hundredths.
fn parse_roles(text: &str) -> Option<Vec<Role>> {
    form::list(text)
        .iter()
        .map(|part| {
            let (name, factor) = part.split_once([':', '：'])?;
            let factor: Points = factor.trim().parse().ok()?;
            Some(Role {
                name: name.trim().to_owned(),
                multiplier: u32::try_from(factor.0).ok()?,
            })
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ActivityFormProps {
    #[prop_or_default]
    pub template: Option<ActivityId>,
}

#[component]
pub fn ActivityForm(props: &ActivityFormProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let navigator = use_navigator();
    let initial = {
        let session = app.session();
        let template = props
            .template
            .and_then(|id| session.store.journal().state().activity(id));
        match template {
            Some(a) => Draft::copied(&a.plan, now()),
            None => Draft::fresh(now()),
        }
    };
    let draft = use_state(|| initial);
    let problems = use_state(Problems::default);
    if !app.session().organizer() {
        return html! {
            <section class="ll-page">
                <p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p>
                <Link<Route> to={Route::Organizer} classes="ll-button">{ lang.t(T::EnterOrganizer) }</Link<Route>>
            </section>
        };
    }
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let submit = {
        let (app, draft, problems) = (app.clone(), draft.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let (plan, repeat) = match draft.plan(lang) {
                Ok(ok) => ok,
                Err(found) => return form::show(&app, &problems, e.target(), found),
            };
            let first_week = Action::CreateActivity {
                plan: Box::new(plan.clone()),
            };
            if !form::allowed(&app, &problems, e.target(), &first_week, field_of) {
                return;
            }
            problems.set(Problems::default());
            let mut first = None;
            let mut published = 0u32;
            for week in 0..=repeat {
                let Some(event) = app.act(Action::CreateActivity {
                    plan: Box::new(plan.shifted_by_weeks(week)),
                }) else {
                    break;
                };
                first.get_or_insert(ActivityId(event.id));
                published += 1;
            }
            if let Some(id) = first {
                app.notify_next(lang.f(T::Published, &[&published]));
                if let Some(nav) = &navigator {
                    nav.push(&Route::Activity { id });
                }
            }
        })
    };
    let d = &*draft;
    let p = &*problems;
    let rule_options = vec![
        (
            AttrValue::Static("hour"),
            AttrValue::from(lang.t(T::RulePerHour)),
        ),
        (
            AttrValue::Static("fixed"),
            AttrValue::from(lang.t(T::RuleFixed)),
        ),
    ];
    html! {
        <section class="ll-page">
            <h2>{ lang.t(if props.template.is_some() { T::CopyActivity } else { T::NewActivity }) }</h2>
            <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::NewActivity)} novalidate=true>
                <p class="ll-hint">{ lang.t(T::RequiredHint) }</p>
                <TextField id={TITLE} required=true label={lang.t(T::ActivityTitle)} value={d.title.clone()} error={p.of(TITLE)} oninput={set(|d, v| d.title = v)} />
                <TextField id={CATEGORY} required=true label={lang.t(T::ActivityCategory)} value={d.category.clone()} error={p.of(CATEGORY)} oninput={set(|d, v| d.category = v)} />
                <TextField id={PLACE} required=true label={lang.t(T::ActivityPlace)} value={d.place.clone()} error={p.of(PLACE)} oninput={set(|d, v| d.place = v)} />
                <TextField id={DETAILS} multiline=true label={lang.t(T::ActivityDetails)} value={d.details.clone()} error={p.of(DETAILS)} oninput={set(|d, v| d.details = v)} />
                <TextField id={START} required=true kind="datetime-local" label={lang.t(T::StartsAt)} value={d.start.clone()} error={p.of(START)} oninput={set(|d, v| d.start = v)} />
                <TextField id={END} required=true kind="datetime-local" label={lang.t(T::EndsAt)} value={d.end.clone()} error={p.of(END)} oninput={set(|d, v| d.end = v)} />
                <TextField id={CAPACITY} required=true inputmode="numeric" label={lang.t(T::Capacity)} value={d.capacity.clone()} error={p.of(CAPACITY)} oninput={set(|d, v| d.capacity = v)} />
                <TextField id={OPENS} required=true kind="datetime-local" label={lang.t(T::SignupOpens)} value={d.opens.clone()} error={p.of(OPENS)} oninput={set(|d, v| d.opens = v)} />
                <TextField id={CLOSES} required=true kind="datetime-local" label={lang.t(T::SignupCloses)} value={d.closes.clone()} error={p.of(CLOSES)} oninput={set(|d, v| d.closes = v)} />
                <TextField id={CANCEL_BY} required=true kind="datetime-local" label={lang.t(T::CancelDeadline)} value={d.cancel_by.clone()} error={p.of(CANCEL_BY)} oninput={set(|d, v| d.cancel_by = v)} />
                <Select id="act-rule" label={lang.t(T::PointsRule)} options={rule_options}
                    selected={AttrValue::Static(if d.fixed { "fixed" } else { "hour" })}
                    onchange={set(|d, v| d.fixed = v == "fixed")} />
                <TextField id={POINTS} required=true inputmode="decimal" label={lang.t(T::RulePoints)} value={d.points.clone()} error={p.of(POINTS)} oninput={set(|d, v| d.points = v)} />
                if !d.fixed {
                    <TextField id={CAP} inputmode="decimal" label={lang.t(T::CapHours)} value={d.cap_hours.clone()} error={p.of(CAP)} oninput={set(|d, v| d.cap_hours = v)} />
                }
                <TextField id={ROLES} label={lang.t(T::RolesField)} value={d.roles.clone()} error={p.of(ROLES)} oninput={set(|d, v| d.roles = v)} />
                <div class="ll-row">
                    <TextField id={PRESENCE} required=true inputmode="numeric" label={lang.t(T::PresencePercent)} value={d.presence.clone()} error={p.of(PRESENCE)} oninput={set(|d, v| d.presence = v)} />
                    <TextField id={NO_SHOWS} required=true inputmode="numeric" label={lang.t(T::NoShowLimit)} value={d.no_show_limit.clone()} error={p.of(NO_SHOWS)} oninput={set(|d, v| d.no_show_limit = v)} />
                </div>
                <TextField id={REPEAT} inputmode="numeric" label={lang.t(T::RepeatWeeks)} value={d.repeat.clone()} error={p.of(REPEAT)} oninput={set(|d, v| d.repeat = v)} />
                <ProblemSummary problems={p.clone()} />
                <button type="submit" class="ll-button">{ lang.t(T::Publish) }</button>
            </form>
        </section>
    }
}
