//! 发布心愿: staff post a wish on a resident's behalf. Only a de-identified alias is
//! public; the real name, flat and phone go in the private note. For children the form
//! warns as soon as a full name, a school or an exact address is typed, and the domain
//! refuses to publish them.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::wish::privacy::check_public_text;
use crate::domain::{Action, BeneficiaryKind, Timestamp, WishCategory, WishPlan};
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::format::{datetime_local, parse_datetime_local};
use crate::ui::i18n::{T, domain_error_text};
use crate::ui::routes::Route;
use crate::ui::session::{now, use_app};
use crate::ui::words::wish::{category_text, kind_text};

#[derive(Clone, Default, PartialEq)]
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

#[component]
pub fn WishForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let navigator = use_navigator();
    let draft = use_state(|| Draft {
        wanted_by: datetime_local(Timestamp(now().0 / 60_000 * 60_000 + 14 * Timestamp::DAY)),
        value: "0".into(),
        ..Draft::default()
    });
    if !app.session().organizer() {
        return html! { <section class="ll-page"><p class="ll-empty">{ lang.t(T::OrganizerOnly) }</p></section> };
    }
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let d = &*draft;
    // Warn while typing; the domain refuses the same texts when the wish is posted.
    let warning = [&d.alias, &d.title, &d.description, &d.grid, &d.building]
        .into_iter()
        .find_map(|text| check_public_text(d.kind, text).err())
        .map(|why| lang.f(T::PrivacyWarning, &[&domain_error_text(lang, &why)]));
    let submit = {
        let (app, draft) = (app.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let d = &*draft;
            let Some(wanted_by) = parse_datetime_local(&d.wanted_by) else {
                return app.notify(true, lang.f(T::BadTime, &[&lang.t(T::WantedBy)]));
            };
            let Ok(value_yuan) = d.value.trim().parse::<u32>() else {
                return app.notify(true, lang.f(T::BadNumber, &[&lang.t(T::WishValue)]));
            };
            let plan = WishPlan {
                alias: d.alias.trim().to_owned(),
                beneficiary: d.kind,
                private_note: d.note.trim().to_owned(),
                category: d.category,
                title: d.title.trim().to_owned(),
                description: d.description.trim().to_owned(),
                value_yuan,
                grid: d.grid.trim().to_owned(),
                building: d.building.trim().to_owned(),
                wanted_by,
                skills: d
                    .skills
                    .split([',', '，', '、'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            };
            if let Some(event) = app.act(Action::PostWish {
                plan: Box::new(plan),
                resident_of: None,
            }) {
                app.notify_next(lang.t(T::WishPosted).to_owned());
                if let Some(nav) = &navigator {
                    nav.push(&Route::Wish {
                        id: crate::domain::WishId(event.id),
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
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::PostWish) }</h2>
            <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::PostWish)}>
                <Select id="wish-kind" label={lang.t(T::Beneficiary)} options={kinds} selected={AttrValue::from(kind_index.to_string())} onchange={pick_kind} />
                <TextField id="wish-alias" label={lang.t(T::WishAlias)} value={d.alias.clone()} oninput={set(|d, v| d.alias = v)} />
                <TextField id="wish-note" label={lang.t(T::PrivateNote)} value={d.note.clone()} oninput={set(|d, v| d.note = v)} />
                <Select id="wish-category" label={lang.t(T::WishCategoryLabel)} options={categories} selected={AttrValue::from(category_index.to_string())} onchange={pick_category} />
                <TextField id="wish-title" label={lang.t(T::WishTitle)} value={d.title.clone()} oninput={set(|d, v| d.title = v)} />
                <TextField id="wish-description" label={lang.t(T::WishDescription)} value={d.description.clone()} oninput={set(|d, v| d.description = v)} />
                <TextField id="wish-value" inputmode="numeric" label={lang.t(T::WishValue)} value={d.value.clone()} oninput={set(|d, v| d.value = v)} />
                <div class="ll-row">
                    <TextField id="wish-grid" label={lang.t(T::Grid)} value={d.grid.clone()} oninput={set(|d, v| d.grid = v)} />
                    <TextField id="wish-building" label={lang.t(T::Building)} value={d.building.clone()} oninput={set(|d, v| d.building = v)} />
                </div>
                <TextField id="wish-wanted" kind="datetime-local" label={lang.t(T::WantedBy)} value={d.wanted_by.clone()} oninput={set(|d, v| d.wanted_by = v)} />
                <TextField id="wish-skills" label={lang.t(T::WishSkills)} value={d.skills.clone()} oninput={set(|d, v| d.skills = v)} />
                if let Some(warning) = warning {
                    <p class="ll-banner ll-warn" role="alert">{ warning }</p>
                }
                <button type="submit" class="ll-button">{ lang.t(T::PostWish) }</button>
            </form>
        </section>
    }
}
