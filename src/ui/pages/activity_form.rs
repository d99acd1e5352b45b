//! 发布活动: the organizer's form for a new activity, empty or copied from another one
//! (as a template, a week later), with optional weekly repeats.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::activity::{
    ActivityPlan, DEFAULT_NO_SHOW_LIMIT, DEFAULT_PRESENCE_PERCENT, PointsRule, Role,
};
use crate::domain::{Action, ActivityId, Points, Timestamp};
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::format::{datetime_local, parse_datetime_local};
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
    /// Tomorrow at the next full hour, two hours long, open for sign-up from now.
    fn fresh(wall: Timestamp) -> Draft {
        let start = Timestamp((wall.0 / HOUR + 25) * HOUR);
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

    /// The plan, or the first field that could not be read. Rules are the domain's.
    fn plan(&self, lang: Lang) -> Result<(ActivityPlan, u32), String> {
        let time = |text: &str, label: T| {
            parse_datetime_local(text).ok_or_else(|| lang.f(T::BadTime, &[&lang.t(label)]))
        };
        let number = |text: &str, label: T| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| lang.f(T::BadNumber, &[&lang.t(label)]))
        };
        let points: Points = self
            .points
            .parse()
            .map_err(|_| lang.t(T::InvalidPoints).to_owned())?;
        let cap_minutes = match self.cap_hours.trim() {
            "" => None,
            text => {
                let hours: Points = text
                    .parse()
                    .map_err(|_| lang.f(T::BadNumber, &[&lang.t(T::CapHours)]))?;
                Some(u32::try_from(hours.0 * 60 / 100).unwrap_or(u32::MAX))
            }
        };
        let rule = if self.fixed {
            PointsRule::Fixed(points)
        } else {
            PointsRule::PerHour {
                points_per_hour: points,
                cap_minutes,
            }
        };
        let plan = ActivityPlan {
            title: self.title.trim().to_owned(),
            category: self.category.trim().to_owned(),
            place: self.place.trim().to_owned(),
            details: self.details.trim().to_owned(),
            start: time(&self.start, T::StartsAt)?,
            end: time(&self.end, T::EndsAt)?,
            capacity: number(&self.capacity, T::Capacity)?,
            signup_opens: time(&self.opens, T::SignupOpens)?,
            signup_closes: time(&self.closes, T::SignupCloses)?,
            cancel_deadline: time(&self.cancel_by, T::CancelDeadline)?,
            rule,
            roles: parse_roles(&self.roles).ok_or_else(|| lang.t(T::BadRoles).to_owned())?,
            presence_percent: u8::try_from(number(&self.presence, T::PresencePercent)?)
                .unwrap_or(u8::MAX),
            no_show_limit: number(&self.no_show_limit, T::NoShowLimit)?,
        };
        let repeat = if self.repeat.trim().is_empty() {
            0
        } else {
            number(&self.repeat, T::RepeatWeeks)?
        };
        Ok((plan, repeat.min(52)))
    }
}

/// "组长:1.4, 队员:1.2" → roles with multipliers in hundredths.
fn parse_roles(text: &str) -> Option<Vec<Role>> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
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
    if !app.session().organizer {
        return html! {
            <section class="ll-page">
                <p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p>
                <Link<Route> to={Route::Organizer} classes="ll-button">{ lang.t(T::EnterOrganizer) }</Link<Route>>
            </section>
        };
    }
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let submit = {
        let (app, draft) = (app.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let (plan, repeat) = match draft.plan(lang) {
                Ok(ok) => ok,
                Err(why) => return app.notify(true, why),
            };
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
            <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::NewActivity)}>
                <TextField id="act-title" label={lang.t(T::ActivityTitle)} value={d.title.clone()} oninput={set(|d, v| d.title = v)} />
                <TextField id="act-category" label={lang.t(T::ActivityCategory)} value={d.category.clone()} oninput={set(|d, v| d.category = v)} />
                <TextField id="act-place" label={lang.t(T::ActivityPlace)} value={d.place.clone()} oninput={set(|d, v| d.place = v)} />
                <TextField id="act-details" label={lang.t(T::ActivityDetails)} value={d.details.clone()} oninput={set(|d, v| d.details = v)} />
                <TextField id="act-start" kind="datetime-local" label={lang.t(T::StartsAt)} value={d.start.clone()} oninput={set(|d, v| d.start = v)} />
                <TextField id="act-end" kind="datetime-local" label={lang.t(T::EndsAt)} value={d.end.clone()} oninput={set(|d, v| d.end = v)} />
                <TextField id="act-capacity" inputmode="numeric" label={lang.t(T::Capacity)} value={d.capacity.clone()} oninput={set(|d, v| d.capacity = v)} />
                <TextField id="act-opens" kind="datetime-local" label={lang.t(T::SignupOpens)} value={d.opens.clone()} oninput={set(|d, v| d.opens = v)} />
                <TextField id="act-closes" kind="datetime-local" label={lang.t(T::SignupCloses)} value={d.closes.clone()} oninput={set(|d, v| d.closes = v)} />
                <TextField id="act-cancel-by" kind="datetime-local" label={lang.t(T::CancelDeadline)} value={d.cancel_by.clone()} oninput={set(|d, v| d.cancel_by = v)} />
                <Select id="act-rule" label={lang.t(T::PointsRule)} options={rule_options}
                    selected={AttrValue::Static(if d.fixed { "fixed" } else { "hour" })}
                    onchange={set(|d, v| d.fixed = v == "fixed")} />
                <TextField id="act-points" inputmode="decimal" label={lang.t(T::RulePoints)} value={d.points.clone()} oninput={set(|d, v| d.points = v)} />
                if !d.fixed {
                    <TextField id="act-cap" inputmode="decimal" label={lang.t(T::CapHours)} value={d.cap_hours.clone()} oninput={set(|d, v| d.cap_hours = v)} />
                }
                <TextField id="act-roles" label={lang.t(T::RolesField)} value={d.roles.clone()} oninput={set(|d, v| d.roles = v)} />
                <div class="ll-row">
                    <TextField id="act-presence" inputmode="numeric" label={lang.t(T::PresencePercent)} value={d.presence.clone()} oninput={set(|d, v| d.presence = v)} />
                    <TextField id="act-no-shows" inputmode="numeric" label={lang.t(T::NoShowLimit)} value={d.no_show_limit.clone()} oninput={set(|d, v| d.no_show_limit = v)} />
                </div>
                <TextField id="act-repeat" inputmode="numeric" label={lang.t(T::RepeatWeeks)} value={d.repeat.clone()} oninput={set(|d, v| d.repeat = v)} />
                <button type="submit" class="ll-button">{ lang.t(T::Publish) }</button>
            </form>
        </section>
    }
}
