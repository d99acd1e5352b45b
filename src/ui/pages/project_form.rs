//! 发起项目: the organizer's form for a co-construction project. It is saved as a draft;
//! the project page opens it for sign-up.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::project::{
    Cover, Initiator, JoinMode, Need, NeedUnit, ProjectPlan, ProjectRole, ProjectRule,
};
use crate::domain::{Action, Points, ProjectId, Timestamp};
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::format::{datetime_local, parse_datetime_local};
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};

#[derive(Clone, Default, PartialEq)]
struct Draft {
    title: String,
    description: String,
    category: String,
    place: String,
    start: String,
    end: String,
    withdraw_by: String,
    approval: bool,
    colour: String,
    roles: String,
    needs: String,
    volunteer_points: String,
    unit_points: String,
}

/// "电工:3:电工/安全; 引导员:10" → roles; `None` names the first part that is wrong.
fn parse_roles(text: &str) -> Result<Vec<ProjectRole>, String> {
    parts(text)
        .map(|part| {
            let mut fields = part.split([':', '：']).map(str::trim);
            let name = fields.next().unwrap_or_default().to_owned();
            let slots = fields
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| part.to_owned())?;
            let skills = fields
                .next()
                .map(|s| {
                    s.split(['/', '、'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            Ok(ProjectRole {
                name,
                slots,
                skills,
                points: None,
            })
        })
        .collect()
}

/// "资金:5000:元; 场地:100:平方米" → needs.
fn parse_needs(text: &str) -> Result<Vec<Need>, String> {
    parts(text)
        .map(|part| {
            let mut fields = part.split([':', '：']).map(str::trim);
            let name = fields.next().unwrap_or_default().to_owned();
            let quantity = fields
                .next()
                .and_then(|q| q.parse().ok())
                .ok_or_else(|| part.to_owned())?;
            let unit = match fields.next().unwrap_or_default() {
                "元" | "¥" | "yuan" | "" => NeedUnit::Yuan,
                "平方米" | "m2" | "m²" => NeedUnit::SquareMetres,
                "件" | "items" => NeedUnit::Items,
                other => NeedUnit::Custom(other.to_owned()),
            };
            Ok(Need {
                name,
                quantity,
                unit,
            })
        })
        .collect()
}

fn parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '；', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

impl Draft {
    fn fresh(wall: Timestamp) -> Draft {
        let day = Timestamp::DAY;
        let start = Timestamp((wall.0 / day + 7) * day);
        Draft {
            start: datetime_local(start),
            end: datetime_local(Timestamp(start.0 + 30 * day)),
            withdraw_by: datetime_local(start),
            colour: "#c8102e".into(),
            volunteer_points: "5".into(),
            unit_points: "10".into(),
            ..Draft::default()
        }
    }

    fn plan(&self, lang: Lang) -> Result<ProjectPlan, String> {
        let time = |text: &str, label: T| {
            parse_datetime_local(text).ok_or_else(|| lang.f(T::BadTime, &[&lang.t(label)]))
        };
        let points = |text: &str| {
            text.trim()
                .parse::<Points>()
                .map_err(|_| lang.t(T::InvalidPoints).to_owned())
        };
        Ok(ProjectPlan {
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            initiator: Initiator::Community,
            start: time(&self.start, T::StartsAt)?,
            end: time(&self.end, T::EndsAt)?,
            place: self.place.trim().to_owned(),
            category: self.category.trim().to_owned(),
            cover: Cover::Colour(self.colour.clone()),
            join: if self.approval {
                JoinMode::Approval
            } else {
                JoinMode::Open
            },
            withdraw_deadline: time(&self.withdraw_by, T::WithdrawDeadline)?,
            roles: parse_roles(&self.roles)
                .map_err(|bad| lang.f(T::BadSpec, &[&lang.t(T::RoleLabel), &bad]))?,
            needs: parse_needs(&self.needs)
                .map_err(|bad| lang.f(T::BadSpec, &[&lang.t(T::NeedLabel), &bad]))?,
            rule: ProjectRule {
                volunteer_points: points(&self.volunteer_points)?,
                unit_points: points(&self.unit_points)?,
            },
        })
    }
}

#[component]
pub fn ProjectForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let navigator = use_navigator();
    let draft = use_state(|| Draft::fresh(now()));
    if !app.session().organizer {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p></section> };
    }
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let submit = {
        let (app, draft) = (app.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            match draft.plan(lang) {
                Err(why) => app.notify(true, why),
                Ok(plan) => {
                    let title = plan.title.clone();
                    if let Some(event) = app.act(Action::CreateProject {
                        plan: Box::new(plan),
                    }) {
                        app.notify_next(lang.f(T::DraftSaved, &[&title]));
                        if let Some(nav) = &navigator {
                            nav.push(&Route::Project {
                                id: ProjectId(event.id),
                            });
                        }
                    }
                }
            }
        })
    };
    let join_options = vec![
        (
            AttrValue::Static("open"),
            AttrValue::from(lang.t(T::JoinOpen)),
        ),
        (
            AttrValue::Static("approval"),
            AttrValue::from(lang.t(T::JoinApproval)),
        ),
    ];
    let d = &*draft;
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::NewProject) }</h2>
            <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::NewProject)}>
                <TextField id="prj-title" label={lang.t(T::ProjectTitle)} value={d.title.clone()} oninput={set(|d, v| d.title = v)} />
                <TextField id="prj-description" label={lang.t(T::ProjectDescription)} value={d.description.clone()} oninput={set(|d, v| d.description = v)} />
                <TextField id="prj-category" label={lang.t(T::ActivityCategory)} value={d.category.clone()} oninput={set(|d, v| d.category = v)} />
                <TextField id="prj-place" label={lang.t(T::ActivityPlace)} value={d.place.clone()} oninput={set(|d, v| d.place = v)} />
                <TextField id="prj-start" kind="datetime-local" label={lang.t(T::StartsAt)} value={d.start.clone()} oninput={set(|d, v| d.start = v)} />
                <TextField id="prj-end" kind="datetime-local" label={lang.t(T::EndsAt)} value={d.end.clone()} oninput={set(|d, v| d.end = v)} />
                <TextField id="prj-withdraw" kind="datetime-local" label={lang.t(T::WithdrawDeadline)} value={d.withdraw_by.clone()} oninput={set(|d, v| d.withdraw_by = v)} />
                <Select id="prj-join" label={lang.t(T::JoinModeLabel)} options={join_options}
                    selected={AttrValue::Static(if d.approval { "approval" } else { "open" })}
                    onchange={set(|d, v| d.approval = v == "approval")} />
                <TextField id="prj-colour" kind="color" label={lang.t(T::CoverColour)} value={d.colour.clone()} oninput={set(|d, v| d.colour = v)} />
                <TextField id="prj-roles" label={lang.t(T::RolesSpec)} value={d.roles.clone()} oninput={set(|d, v| d.roles = v)} />
                <TextField id="prj-needs" label={lang.t(T::NeedsSpec)} value={d.needs.clone()} oninput={set(|d, v| d.needs = v)} />
                <div class="ll-row">
                    <TextField id="prj-vpoints" inputmode="decimal" label={lang.t(T::VolunteerPoints)} value={d.volunteer_points.clone()} oninput={set(|d, v| d.volunteer_points = v)} />
                    <TextField id="prj-upoints" inputmode="decimal" label={lang.t(T::UnitPointsRule)} value={d.unit_points.clone()} oninput={set(|d, v| d.unit_points = v)} />
                </div>
                <button type="submit" class="ll-button">{ lang.t(T::CreateDraft) }</button>
            </form>
        </section>
    }
}
