//! 发起项目: the organizer's form for a co-construction project. It is saved as a draft;
//! the project page opens it for sign-up. Roles and needs are edited row by row (add a
//! role with its slots and skills, add a need with its amount and unit, remove either),
//! not typed in a mini-language.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::calendar::{china_clock, from_china_clock};
use crate::domain::project::{
    Cover, Initiator, JoinMode, Need, NeedUnit, ProjectPlan, ProjectRole, ProjectRule,
};
use crate::domain::{Action, DomainError, Field, ProjectId, Timestamp};
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::form::{self, FieldId, ProblemSummary, Problems, Reader};
use crate::ui::format::datetime_local;
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};

/// One role as typed. `key` names the row for its whole life (removing another row
/// never makes it another role).
#[derive(Clone, Debug, Default, PartialEq)]
struct RoleDraft {
    key: u32,
    name: String,
    slots: String,
    skills: String,
}

/// One need as typed; `unit` is a code of [`UNITS`], `custom` the word for "other".
#[derive(Clone, Debug, Default, PartialEq)]
struct NeedDraft {
    key: u32,
    name: String,
    quantity: String,
    unit: String,
    custom: String,
}

/// The counting units offered, by code; "custom" asks for the word.
const UNITS: [(&str, T); 4] = [
    ("yuan", T::UnitYuan),
    ("m2", T::UnitSquareMetres),
    ("items", T::UnitItems),
    ("custom", T::UnitOther),
];

#[derive(Clone, Debug, Default, PartialEq)]
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
    roles: Vec<RoleDraft>,
    needs: Vec<NeedDraft>,
    next_key: u32,
    volunteer_points: String,
    unit_points: String,
}

const TITLE: FieldId = "prj-title";
const DESCRIPTION: FieldId = "prj-description";
const CATEGORY: FieldId = "prj-category";
const PLACE: FieldId = "prj-place";
const START: FieldId = "prj-start";
const END: FieldId = "prj-end";
const WITHDRAW: FieldId = "prj-withdraw";
const COLOUR: FieldId = "prj-colour";
const VOLUNTEER_POINTS: FieldId = "prj-vpoints";
const UNIT_POINTS: FieldId = "prj-upoints";
const ADD_ROLE: FieldId = "prj-add-role";
const ADD_NEED: FieldId = "prj-add-need";

fn role_field(key: u32, part: &str) -> String {
    format!("prj-role-{key}-{part}")
}

fn need_field(key: u32, part: &str) -> String {
    format!("prj-need-{key}-{part}")
}

/// Names compared as the domain compares them: case and spaces ignored.
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    key(a) == key(b)
}

impl Draft {
    /// A week from today at 09:00 (China), for thirty days to 17:00; withdrawals until
    /// the start.
    fn fresh(wall: Timestamp) -> Draft {
        let (y, m, d, _, _) = china_clock(wall);
        let nine = from_china_clock(y, m, d, 9, 0).unwrap_or(wall);
        let start = Timestamp(nine.0 + 7 * Timestamp::DAY);
        let end = Timestamp(start.0 + 30 * Timestamp::DAY + 8 * Timestamp::HOUR);
        Draft {
            start: datetime_local(start),
            end: datetime_local(end),
            withdraw_by: datetime_local(start),
            colour: "#c8102e".into(),
            volunteer_points: "5".into(),
            unit_points: "10".into(),
            ..Draft::default()
        }
    }

    fn plan(&self, lang: Lang) -> Result<ProjectPlan, Problems> {
        let mut r = Reader::new(lang);
        let title = r.required(TITLE, T::ProjectTitle, &self.title);
        let description = r.text(&self.description);
        let category = r.required(CATEGORY, T::ActivityCategory, &self.category);
        let place = r.required(PLACE, T::ActivityPlace, &self.place);
        let start = r.time(START, T::StartsAt, &self.start);
        let end = r.time(END, T::EndsAt, &self.end);
        r.after(END, start, end, T::ErrEndNotAfterStart);
        let withdraw_deadline = r.time(WITHDRAW, T::WithdrawDeadline, &self.withdraw_by);
        let mut roles: Vec<ProjectRole> = Vec::new();
        for row in &self.roles {
            let name = r.required(role_field(row.key, "name"), T::RoleName, &row.name);
            if !name.is_empty() && roles.iter().any(|other| same_name(&other.name, &name)) {
                r.problem(
                    role_field(row.key, "name"),
                    lang.f(T::ErrDuplicateRole, &[&name]),
                );
            }
            let slots = r.number(role_field(row.key, "slots"), T::Slots, &row.slots);
            roles.push(ProjectRole {
                name,
                slots,
                skills: form::list(&row.skills),
                points: None,
            });
        }
        let mut needs: Vec<Need> = Vec::new();
        for row in &self.needs {
            let name = r.required(need_field(row.key, "name"), T::NeedName, &row.name);
            if !name.is_empty() && needs.iter().any(|other| same_name(&other.name, &name)) {
                r.problem(
                    need_field(row.key, "name"),
                    lang.f(T::ErrDuplicateNeed, &[&name]),
                );
            }
            let quantity = r.number(
                need_field(row.key, "quantity"),
                T::NeedAmount,
                &row.quantity,
            );
            let unit = match row.unit.as_str() {
                "m2" => NeedUnit::SquareMetres,
                "items" => NeedUnit::Items,
                "custom" => NeedUnit::Custom(r.required(
                    need_field(row.key, "custom"),
                    T::UnitWord,
                    &row.custom,
                )),
                _ => NeedUnit::Yuan,
            };
            needs.push(Need {
                name,
                quantity,
                unit,
            });
        }
        let rule = ProjectRule {
            volunteer_points: r.points(
                VOLUNTEER_POINTS,
                T::VolunteerPoints,
                &self.volunteer_points,
            ),
            unit_points: r.points(UNIT_POINTS, T::UnitPointsRule, &self.unit_points),
        };
        r.finish(ProjectPlan {
            title,
            description,
            initiator: Initiator::Community,
            start,
            end,
            place,
            category,
            cover: Cover::Colour(self.colour.clone()),
            join: if self.approval {
                JoinMode::Approval
            } else {
                JoinMode::Open
            },
            withdraw_deadline,
            roles,
            needs,
            rule,
        })
    }

    /// Where the domain's refusal of the plan belongs: a role's or a need's row when
    /// it names one.
    fn field_of(&self, error: &DomainError) -> Option<String> {
        let role_named = |name: &str| {
            self.roles
                .iter()
                .find(|r| same_name(&r.name, name))
                .map(|r| role_field(r.key, "name"))
        };
        let need_named = |name: &str| {
            self.needs
                .iter()
                .find(|n| same_name(&n.name, name))
                .map(|n| need_field(n.key, "name"))
        };
        let first_role = |part: &str| self.roles.first().map(|r| role_field(r.key, part));
        let first_need = |part: &str| self.needs.first().map(|n| need_field(n.key, part));
        match error {
            DomainError::Required(f) | DomainError::TooLong { field: f, .. } => match f {
                Field::ProjectTitle => Some(TITLE.into()),
                Field::ProjectDescription => Some(DESCRIPTION.into()),
                Field::ProjectPlace => Some(PLACE.into()),
                Field::ProjectCategory => Some(CATEGORY.into()),
                Field::Role => self
                    .roles
                    .iter()
                    .find(|r| r.name.trim().chars().count() > 20 || r.name.trim().is_empty())
                    .map(|r| role_field(r.key, "name"))
                    .or_else(|| first_role("name")),
                Field::Skills => self
                    .roles
                    .iter()
                    .find(|r| form::list(&r.skills).iter().any(|s| s.chars().count() > 30))
                    .map(|r| role_field(r.key, "skills"))
                    .or_else(|| first_role("skills")),
                Field::Need => first_need("name"),
                Field::NeedUnit => first_need("custom"),
                _ => None,
            },
            DomainError::TooMany {
                field: Field::Role, ..
            } => Some(ADD_ROLE.into()),
            DomainError::TooMany {
                field: Field::Need, ..
            } => Some(ADD_NEED.into()),
            DomainError::TooMany {
                field: Field::Skills,
                ..
            } => first_role("skills"),
            DomainError::EndNotAfterStart | DomainError::ProjectTooLong { .. } => Some(END.into()),
            DomainError::WithdrawDeadlineAfterEnd => Some(WITHDRAW.into()),
            DomainError::InvalidCoverColour(_) | DomainError::InvalidCoverIcon(_) => {
                Some(COLOUR.into())
            }
            DomainError::DuplicateRole(name) => role_named(name),
            DomainError::DuplicateNeed(name) => need_named(name),
            DomainError::SlotsOutOfRange { .. } => self
                .roles
                .iter()
                .find(|r| !matches!(r.slots.trim().parse::<u32>(), Ok(1..=999)))
                .map(|r| role_field(r.key, "slots"))
                .or_else(|| first_role("slots")),
            DomainError::QuantityOutOfRange { .. } => self
                .needs
                .iter()
                .find(|n| n.quantity.trim().parse::<u64>().is_ok_and(|q| q == 0))
                .map(|n| need_field(n.key, "quantity"))
                .or_else(|| first_need("quantity")),
            DomainError::PointsOutOfRange { .. } => Some(VOLUNTEER_POINTS.into()),
            _ => None,
        }
    }
}

/// Sets one part of the role row `key`.
fn role_setter(
    draft: &UseStateHandle<Draft>,
    key: u32,
    update: fn(&mut RoleDraft, String),
) -> Callback<String> {
    let draft = draft.clone();
    Callback::from(move |value: String| {
        let mut next = (*draft).clone();
        if let Some(row) = next.roles.iter_mut().find(|r| r.key == key) {
            update(row, value);
        }
        draft.set(next);
    })
}

/// Sets one part of the need row `key`.
fn need_setter(
    draft: &UseStateHandle<Draft>,
    key: u32,
    update: fn(&mut NeedDraft, String),
) -> Callback<String> {
    let draft = draft.clone();
    Callback::from(move |value: String| {
        let mut next = (*draft).clone();
        if let Some(row) = next.needs.iter_mut().find(|n| n.key == key) {
            update(row, value);
        }
        draft.set(next);
    })
}

/// Adds an empty role or need row, or removes the row `key`.
fn edit_rows(draft: &UseStateHandle<Draft>, change: fn(&mut Draft)) -> Callback<MouseEvent> {
    let draft = draft.clone();
    Callback::from(move |_| {
        let mut next = (*draft).clone();
        change(&mut next);
        draft.set(next);
    })
}

fn remove_row(draft: &UseStateHandle<Draft>, key: u32, role: bool) -> Callback<MouseEvent> {
    let draft = draft.clone();
    Callback::from(move |_| {
        let mut next = (*draft).clone();
        if role {
            next.roles.retain(|r| r.key != key);
        } else {
            next.needs.retain(|n| n.key != key);
        }
        draft.set(next);
    })
}

#[component]
pub fn ProjectForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let navigator = use_navigator();
    let draft = use_state(|| Draft::fresh(now()));
    let problems = use_state(Problems::default);
    if !app.session().organizer() {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p></section> };
    }
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let submit = {
        let (app, draft, problems) = (app.clone(), draft.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let plan = draft.plan(lang);
            let title = plan.as_ref().map(|p| p.title.clone()).unwrap_or_default();
            let action = plan.map(|plan| Action::CreateProject {
                plan: Box::new(plan),
            });
            let d = (*draft).clone();
            let Some(event) = form::submit(&app, &problems, e.target(), action, |e| d.field_of(e))
            else {
                return;
            };
            app.notify_next(lang.f(T::DraftSaved, &[&title]));
            if let Some(nav) = &navigator {
                nav.push(&Route::Project {
                    id: ProjectId(event.id),
                });
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
    let unit_options: Vec<(AttrValue, AttrValue)> = UNITS
        .iter()
        .map(|(code, text)| (AttrValue::Static(code), AttrValue::from(lang.t(*text))))
        .collect();
    let d = &*draft;
    let p = &*problems;
    let add_role = edit_rows(&draft, |d| {
        d.next_key += 1;
        d.roles.push(RoleDraft {
            key: d.next_key,
            slots: "1".into(),
            ..RoleDraft::default()
        });
    });
    let add_need = edit_rows(&draft, |d| {
        d.next_key += 1;
        d.needs.push(NeedDraft {
            key: d.next_key,
            unit: "yuan".into(),
            ..NeedDraft::default()
        });
    });
    let roles = d.roles.iter().enumerate().map(|(i, row)| {
        let key = row.key;
        let (name, slots, skills) = (role_field(key, "name"), role_field(key, "slots"), role_field(key, "skills"));
        let label = lang.f(T::RoleNumber, &[&(i + 1)]);
        html! {
            <fieldset class="ll-rows-item" key={key} aria-label={label.clone()}>
                <legend>{ label.clone() }</legend>
                <TextField id={name.clone()} required=true label={lang.t(T::RoleName)} value={row.name.clone()}
                    error={p.of(&name)} oninput={role_setter(&draft, key, |r, v| r.name = v)} />
                <div class="ll-narrow">
                    <TextField id={slots.clone()} required=true inputmode="numeric" label={lang.t(T::Slots)} value={row.slots.clone()}
                        error={p.of(&slots)} oninput={role_setter(&draft, key, |r, v| r.slots = v)} />
                </div>
                <TextField id={skills.clone()} label={lang.t(T::RoleSkills)} value={row.skills.clone()}
                    error={p.of(&skills)} oninput={role_setter(&draft, key, |r, v| r.skills = v)} />
                <button type="button" class="ll-link" onclick={remove_row(&draft, key, true)}>
                    { lang.f(T::RemoveRow, &[&label]) }
                </button>
            </fieldset>
        }
    });
    let needs = d.needs.iter().enumerate().map(|(i, row)| {
        let key = row.key;
        let (name, quantity, custom) = (need_field(key, "name"), need_field(key, "quantity"), need_field(key, "custom"));
        let label = lang.f(T::NeedNumber, &[&(i + 1)]);
        html! {
            <fieldset class="ll-rows-item" key={key} aria-label={label.clone()}>
                <legend>{ label.clone() }</legend>
                <TextField id={name.clone()} required=true label={lang.t(T::NeedName)} value={row.name.clone()}
                    error={p.of(&name)} oninput={need_setter(&draft, key, |n, v| n.name = v)} />
                <div class="ll-row">
                    <TextField id={quantity.clone()} required=true inputmode="numeric" label={lang.t(T::NeedAmount)} value={row.quantity.clone()}
                        error={p.of(&quantity)} oninput={need_setter(&draft, key, |n, v| n.quantity = v)} />
                    <Select id={need_field(key, "unit")} label={lang.t(T::NeedUnitLabel)} options={unit_options.clone()}
                        selected={AttrValue::from(row.unit.clone())} onchange={need_setter(&draft, key, |n, v| n.unit = v)} />
                </div>
                if row.unit == "custom" {
                    <TextField id={custom.clone()} required=true label={lang.t(T::UnitWord)} value={row.custom.clone()}
                        error={p.of(&custom)} oninput={need_setter(&draft, key, |n, v| n.custom = v)} />
                }
                <button type="button" class="ll-link" onclick={remove_row(&draft, key, false)}>
                    { lang.f(T::RemoveRow, &[&label]) }
                </button>
            </fieldset>
        }
    });
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::NewProject) }</h2>
            <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::NewProject)} novalidate=true>
                <p class="ll-hint">{ lang.t(T::RequiredHint) }</p>
                <TextField id={TITLE} required=true label={lang.t(T::ProjectTitle)} value={d.title.clone()} error={p.of(TITLE)} oninput={set(|d, v| d.title = v)} />
                <TextField id={DESCRIPTION} multiline=true label={lang.t(T::ProjectDescription)} value={d.description.clone()} error={p.of(DESCRIPTION)} oninput={set(|d, v| d.description = v)} />
                <TextField id={CATEGORY} required=true label={lang.t(T::ActivityCategory)} value={d.category.clone()} error={p.of(CATEGORY)} oninput={set(|d, v| d.category = v)} />
                <TextField id={PLACE} required=true label={lang.t(T::ActivityPlace)} value={d.place.clone()} error={p.of(PLACE)} oninput={set(|d, v| d.place = v)} />
                <TextField id={START} required=true kind="datetime-local" label={lang.t(T::StartsAt)} value={d.start.clone()} error={p.of(START)} oninput={set(|d, v| d.start = v)} />
                <TextField id={END} required=true kind="datetime-local" label={lang.t(T::EndsAt)} value={d.end.clone()} error={p.of(END)} oninput={set(|d, v| d.end = v)} />
                <TextField id={WITHDRAW} required=true kind="datetime-local" label={lang.t(T::WithdrawDeadline)} value={d.withdraw_by.clone()} error={p.of(WITHDRAW)} oninput={set(|d, v| d.withdraw_by = v)} />
                <Select id="prj-join" label={lang.t(T::JoinModeLabel)} options={join_options}
                    selected={AttrValue::Static(if d.approval { "approval" } else { "open" })}
                    onchange={set(|d, v| d.approval = v == "approval")} />
                <TextField id={COLOUR} kind="color" label={lang.t(T::CoverColour)} value={d.colour.clone()} error={p.of(COLOUR)} oninput={set(|d, v| d.colour = v)} />
                <section class="ll-rows" aria-label={lang.t(T::RolesHeading)}>
                    <h3>{ lang.t(T::RolesHeading) }</h3>
                    if d.roles.is_empty() { <p class="ll-hint">{ lang.t(T::NoRolesYet) }</p> }
                    { for roles }
                    <button type="button" id={ADD_ROLE} class="ll-button ll-secondary" onclick={add_role}>{ lang.t(T::AddRole) }</button>
                    if let Some(error) = p.of(ADD_ROLE) { <p class="ll-field-error">{ error }</p> }
                </section>
                <section class="ll-rows" aria-label={lang.t(T::NeedsHeading)}>
                    <h3>{ lang.t(T::NeedsHeading) }</h3>
                    if d.needs.is_empty() { <p class="ll-hint">{ lang.t(T::NoNeedsYet) }</p> }
                    { for needs }
                    <button type="button" id={ADD_NEED} class="ll-button ll-secondary" onclick={add_need}>{ lang.t(T::AddNeed) }</button>
                    if let Some(error) = p.of(ADD_NEED) { <p class="ll-field-error">{ error }</p> }
                </section>
                <div class="ll-row">
                    <TextField id={VOLUNTEER_POINTS} required=true inputmode="decimal" label={lang.t(T::VolunteerPoints)} value={d.volunteer_points.clone()} error={p.of(VOLUNTEER_POINTS)} oninput={set(|d, v| d.volunteer_points = v)} />
                    <TextField id={UNIT_POINTS} required=true inputmode="decimal" label={lang.t(T::UnitPointsRule)} value={d.unit_points.clone()} error={p.of(UNIT_POINTS)} oninput={set(|d, v| d.unit_points = v)} />
                </div>
                <ProblemSummary problems={p.clone()} />
                <button type="submit" class="ll-button">{ lang.t(T::CreateDraft) }</button>
            </form>
        </section>
    }
}
