//! 共建单位: dual-registered units, co-building units, companies and merchants. Organizers
//! register them and see their unit points; others see names and masked contacts.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::text::is_phone;
use crate::domain::unit::{UnitKind, UnitProfile};
use crate::domain::{Action, DomainError, Field, mask_name, mask_phone};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::components::paged::{Paged, use_page};
use crate::ui::components::rows::Row;
use crate::ui::form::{self, FieldId, ProblemSummary, Problems, Reader};
use crate::ui::i18n::{Lang, T};
use crate::ui::session::use_app;

pub fn kind_text(kind: UnitKind) -> T {
    match kind {
        UnitKind::DualRegistered => T::KindDualRegistered,
        UnitKind::CoBuilding => T::KindCoBuilding,
        UnitKind::Company => T::KindCompany,
        UnitKind::Merchant => T::KindMerchant,
    }
}

fn kind_code(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::DualRegistered => "dual_registered",
        UnitKind::CoBuilding => "co_building",
        UnitKind::Company => "company",
        UnitKind::Merchant => "merchant",
    }
}

#[component]
pub fn Units() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let organizer = session.organizer();
    let state = session.store.journal().state();
    let units: Vec<_> = state.units().collect();
    let page = use_page(units.len(), ());
    // Only the page on screen is built.
    let rows: Rc<[Row]> = page
        .of(&units)
        .iter()
        .map(|u| {
            let p = &u.profile;
            let contact = if organizer {
                format!("{} {}", p.contact, p.phone)
            } else {
                format!("{} {}", mask_name(&p.contact), mask_phone(&p.phone))
            };
            Row::new()
                .strong(&p.name)
                .cell("ll-tag", lang.t(kind_text(p.kind)))
                .cell("ll-muted", &contact)
                .cell("ll-points", &state.unit_balance(u.id).to_string())
        })
        .collect();
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Units) }</h2>
            if organizer {
                <UnitForm />
            }
            if units.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoUnits) }</p>
            } else {
                <Paged label={lang.t(T::Units)} {page} text_rows={rows} />
            }
        </section>
    }
}

fn kind_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    UnitKind::ALL
        .iter()
        .map(|k| {
            (
                AttrValue::Static(kind_code(*k)),
                AttrValue::from(lang.t(kind_text(*k))),
            )
        })
        .collect()
}

const UNIT_NAME: FieldId = "unit-name";
const UNIT_CONTACT: FieldId = "unit-contact";
const UNIT_PHONE: FieldId = "unit-phone";
const UNIT_ADDRESS: FieldId = "unit-address";
const UNIT_GRID: FieldId = "unit-grid";

/// Where the domain's refusal of a unit belongs.
fn field_of(error: &DomainError) -> Option<FieldId> {
    match error {
        DomainError::Required(f) | DomainError::TooLong { field: f, .. } => match f {
            Field::UnitName => Some(UNIT_NAME),
            Field::Contact => Some(UNIT_CONTACT),
            Field::Address => Some(UNIT_ADDRESS),
            Field::Grid => Some(UNIT_GRID),
            _ => None,
        },
        DomainError::InvalidPhone => Some(UNIT_PHONE),
        DomainError::DuplicateUnitName(_) => Some(UNIT_NAME),
        _ => None,
    }
}

#[component]
fn UnitForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let profile = use_state(UnitProfile::default);
    let problems = use_state(Problems::default);
    let set = |update: fn(&mut UnitProfile, String)| draft_setter(&profile, update);
    let submit = {
        let (app, profile, problems) = (app.clone(), profile.clone(), problems.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let mut r = Reader::new(lang);
            let mut next = (*profile).clone();
            next.name = r.required(UNIT_NAME, T::UnitName, &next.name);
            next.contact = r.text(&next.contact);
            next.phone = r.text(&next.phone);
            if !next.phone.is_empty() && !is_phone(&next.phone) {
                r.problem(UNIT_PHONE, lang.t(T::ErrPhone));
            }
            next.address = r.text(&next.address);
            next.grid = r.text(&next.grid);
            let name = next.name.clone();
            let action = r.finish(Action::RegisterUnit {
                profile: Box::new(next),
            });
            if form::submit(&app, &problems, e.target(), action, field_of).is_some() {
                app.notify(false, lang.f(T::Registered, &[&name]));
                profile.set(UnitProfile::default());
            }
        })
    };
    let p = &*profile;
    let problems = &*problems;
    let kind = |p: &mut UnitProfile, v: String| {
        p.kind = UnitKind::ALL
            .into_iter()
            .find(|k| kind_code(*k) == v)
            .unwrap_or_default();
    };
    html! {
        <Disclosure label={lang.t(T::RegisterUnit)}>
            <form class="ll-inline-form" onsubmit={submit} aria-label={lang.t(T::RegisterUnit)} novalidate=true>
                <p class="ll-hint">{ lang.t(T::RequiredHint) }</p>
                <Select id="unit-kind" label={lang.t(T::UnitKindLabel)} options={kind_options(lang)}
                    selected={AttrValue::Static(kind_code(p.kind))} onchange={set(kind)} />
                <TextField id={UNIT_NAME} required=true label={lang.t(T::UnitName)} value={p.name.clone()} error={problems.of(UNIT_NAME)} oninput={set(|p, v| p.name = v)} />
                <TextField id={UNIT_CONTACT} label={lang.t(T::Contact)} value={p.contact.clone()} error={problems.of(UNIT_CONTACT)} oninput={set(|p, v| p.contact = v)} />
                <TextField id={UNIT_PHONE} kind="tel" label={lang.t(T::Phone)} value={p.phone.clone()} error={problems.of(UNIT_PHONE)} oninput={set(|p, v| p.phone = v)} />
                <TextField id={UNIT_ADDRESS} label={lang.t(T::Address)} value={p.address.clone()} error={problems.of(UNIT_ADDRESS)} oninput={set(|p, v| p.address = v)} />
                <TextField id={UNIT_GRID} label={lang.t(T::Grid)} value={p.grid.clone()} error={problems.of(UNIT_GRID)} oninput={set(|p, v| p.grid = v)} />
                <ProblemSummary problems={problems.clone()} />
                <button type="submit" class="ll-button">{ lang.t(T::Register) }</button>
            </form>
        </Disclosure>
    }
}
