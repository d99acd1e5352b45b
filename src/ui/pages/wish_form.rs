//! 发布心愿: staff post a wish on a resident's behalf. Only a de-identified alias is
//! public; the real name, flat and phone go in the private note. For children the form
//! lists, as staff type and beside each field, every full name, school, exact address
//! and phone number in the public texts, and the child's real name or given name taken
//! from the private note (`WishPlan::privacy_problems`); the domain refuses
//! to post them.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::calendar::{china_clock, from_china_clock};
use crate::domain::{
    Action, BeneficiaryKind, DomainError, Field, Timestamp, WishCategory, WishId, WishPlan,
};
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::form::{self, FieldId, Problems, Reader};
use crate::ui::format::datetime_local;
use crate::ui::i18n::{Lang, T, domain_error_text};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};
use crate::ui::words::wish::{category_text, kind_text};

#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    alias: String,
    kind: BeneficiaryKind,
    note: String,
    category: WishCategory,
    title: String,
    description: String,
    value: String,
    grid: String,
    building: String,
    wanted_by: String,
    skills: String,
}

const KIND: FieldId = "wish-kind";
const ALIAS: FieldId = "wish-alias";
const NOTE: FieldId = "wish-note";
const TITLE: FieldId = "wish-title";
const DESCRIPTION: FieldId = "wish-description";
const VALUE: FieldId = "wish-value";
const GRID: FieldId = "wish-grid";
const BUILDING: FieldId = "wish-building";
const WANTED: FieldId = "wish-wanted";
const SKILLS: FieldId = "wish-skills";

fn field_id(field: Field) -> Option<FieldId> {
    Some(match field {
        Field::Alias => ALIAS,
        Field::PrivateNote => NOTE,
        Field::WishTitle => TITLE,
        Field::WishDescription => DESCRIPTION,
        Field::Grid => GRID,
        Field::Building => BUILDING,
        Field::Skills => SKILLS,
        _ => return None,
    })
}

/// Where the domain's refusal of a plan belongs.
fn field_of(error: &DomainError) -> Option<FieldId> {
    match error {
        DomainError::Required(f)
        | DomainError::TooLong { field: f, .. }
        | DomainError::TooMany { field: f, .. } => field_id(*f),
        DomainError::WishValueOverCap { .. } => Some(VALUE),
        DomainError::WantedByPassed | DomainError::WantedByTooFar { .. } => Some(WANTED),
        _ => None,
    }
}

impl Draft {
    fn fresh(wall: Timestamp) -> Draft {
        // Two weeks from today, at six in the evening.
        let (y, m, d, _, _) = china_clock(Timestamp(wall.0 + 14 * Timestamp::DAY));
        let wanted_by =
            from_china_clock(y, m, d, 18, 0).unwrap_or(Timestamp(wall.0 + 14 * Timestamp::DAY));
        Draft {
            wanted_by: datetime_local(wanted_by),
            value: "0".into(),
            ..Draft::default()
        }
    }

    /// The plan as typed, its unreadable fields left empty (for the live privacy check).
    fn rough_plan(&self) -> WishPlan {
        WishPlan {
            alias: self.alias.trim().to_owned(),
            beneficiary: self.kind,
            private_note: self.note.trim().to_owned(),
            category: self.category,
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            value_yuan: 0,
            grid: self.grid.trim().to_owned(),
            building: self.building.trim().to_owned(),
            wanted_by: Timestamp(0),
            skills: form::list(&self.skills),
        }
    }

    fn plan(&self, lang: Lang) -> Result<WishPlan, Problems> {
        let mut r = Reader::new(lang);
        let alias = r.required(ALIAS, T::WishAlias, &self.alias);
        let title = r.required(TITLE, T::WishTitle, &self.title);
        let value_yuan = r.number(VALUE, T::WishValue, &self.value);
        let wanted_by = r.time(WANTED, T::WantedBy, &self.wanted_by);
        r.finish(WishPlan {
            alias,
            value_yuan,
            wanted_by,
            title,
            ..self.rough_plan()
        })
    }
}

/// The privacy problems of the draft, beside their fields: shown as staff type.
fn privacy(lang: Lang, draft: &Draft) -> Problems {
    let mut found = Problems::default();
    for (field, problem) in draft.rough_plan().privacy_problems() {
        if let Some(id) = field_id(field) {
            found.add(id, domain_error_text(lang, &problem));
        }
    }
    found
}

#[component]
pub fn WishForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let navigator = use_navigator();
    let draft = use_state(|| Draft::fresh(now()));
    let problems = use_state(Problems::default);
    if !app.session().organizer() {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p></section> };
    }
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let d = &*draft;
    // Checked while typing; the domain refuses the same texts when the wish is posted.
    let live = privacy(lang, d);
    let submit = {
        let (app, draft, problems) = (app.clone(), draft.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let live = privacy(lang, &draft);
            let plan = draft.plan(lang);
            if !live.is_empty() {
                // The privacy problems are on screen already: go to the first.
                problems.set(plan.err().unwrap_or_default());
                if let Some(first) = live.first() {
                    form::focus(e.target(), first);
                }
                return;
            }
            let action = plan.map(|plan| Action::PostWish {
                plan: Box::new(plan),
                resident_of: None,
            });
            if let Some(event) = form::submit(&app, &problems, e.target(), action, field_of) {
                app.notify_next(lang.t(T::WishPosted).to_owned());
                if let Some(nav) = &navigator {
                    nav.push(&Route::Wish {
                        id: WishId(event.id),
                    });
                }
            }
        })
    };
    let kinds: Vec<_> = BeneficiaryKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            (
                AttrValue::from(i.to_string()),
                AttrValue::from(lang.t(kind_text(*k))),
            )
        })
        .collect();
    let categories: Vec<_> = WishCategory::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                AttrValue::from(i.to_string()),
                AttrValue::from(lang.t(category_text(*c))),
            )
        })
        .collect();
    let kind_index = BeneficiaryKind::ALL
        .iter()
        .position(|k| *k == d.kind)
        .unwrap_or(0);
    let category_index = WishCategory::ALL
        .iter()
        .position(|c| *c == d.category)
        .unwrap_or(0);
    let pick_kind = set(|d, v| {
        d.kind = v
            .parse::<usize>()
            .ok()
            .and_then(|i| BeneficiaryKind::ALL.get(i).copied())
            .unwrap_or_default();
    });
    let pick_category = set(|d, v| {
        d.category = v
            .parse::<usize>()
            .ok()
            .and_then(|i| WishCategory::ALL.get(i).copied())
            .unwrap_or_default();
    });
    // A field shows its privacy problem while it has one, else what the last submit
    // found.
    let p = &*problems;
    let error = |field: FieldId| live.of(field).or_else(|| p.of(field));
    let child = d.kind == BeneficiaryKind::Child;
    let note_hint = child.then(|| AttrValue::from(lang.t(T::ChildNoteHint)));
    let others: Vec<String> = p.messages().map(str::to_owned).collect();
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::PostWish) }</h2>
            <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::PostWish)} novalidate=true>
                <p class="ll-hint">{ lang.t(T::RequiredHint) }</p>
                <Select id={KIND} label={lang.t(T::Beneficiary)} options={kinds} selected={AttrValue::from(kind_index.to_string())} onchange={pick_kind} />
                <TextField id={ALIAS} required=true label={lang.t(T::WishAlias)} value={d.alias.clone()} error={error(ALIAS)} oninput={set(|d, v| d.alias = v)} />
                <TextField id={NOTE} multiline=true label={lang.t(T::PrivateNote)} hint={note_hint} value={d.note.clone()} error={error(NOTE)} oninput={set(|d, v| d.note = v)} />
                <Select id="wish-category" label={lang.t(T::WishCategoryLabel)} options={categories} selected={AttrValue::from(category_index.to_string())} onchange={pick_category} />
                <TextField id={TITLE} required=true multiline=true label={lang.t(T::WishTitle)} value={d.title.clone()} error={error(TITLE)} oninput={set(|d, v| d.title = v)} />
                <TextField id={DESCRIPTION} multiline=true label={lang.t(T::WishDescription)} value={d.description.clone()} error={error(DESCRIPTION)} oninput={set(|d, v| d.description = v)} />
                <TextField id={VALUE} required=true inputmode="numeric" label={lang.t(T::WishValue)} value={d.value.clone()} error={error(VALUE)} oninput={set(|d, v| d.value = v)} />
                <div class="ll-row">
                    <TextField id={GRID} label={lang.t(T::Grid)} value={d.grid.clone()} error={error(GRID)} oninput={set(|d, v| d.grid = v)} />
                    <TextField id={BUILDING} label={lang.t(T::Building)} value={d.building.clone()} error={error(BUILDING)} oninput={set(|d, v| d.building = v)} />
                </div>
                <TextField id={WANTED} required=true kind="datetime-local" label={lang.t(T::WantedBy)} value={d.wanted_by.clone()} error={error(WANTED)} oninput={set(|d, v| d.wanted_by = v)} />
                <TextField id={SKILLS} label={lang.t(T::WishSkills)} value={d.skills.clone()} error={error(SKILLS)} oninput={set(|d, v| d.skills = v)} />
                if !live.is_empty() || !others.is_empty() {
                    <div class="ll-form-problems" role="alert">
                        if !live.is_empty() {
                            <p>{ lang.t(T::PrivacyWarningAll) }</p>
                            <ul>{ for live.messages().map(|m| html! { <li>{ m.to_owned() }</li> }) }</ul>
                        }
                        if !others.is_empty() {
                            <p>{ lang.f(T::FixProblems, &[&others.len()]) }</p>
                            <ul>{ for others.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                        }
                    </div>
                }
                <button type="submit" class="ll-button">{ lang.t(T::PostWish) }</button>
            </form>
        </section>
    }
}
