//! 共建单位: dual-registered units, co-building units, companies and merchants. Organizers
//! register them and see their unit points; others see names and masked contacts.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::unit::{UnitKind, UnitProfile};
use crate::domain::{Action, mask_name, mask_phone};
use crate::ui::components::disclosure::Disclosure;
use crate::ui::components::field::{Select, TextField, draft_setter};
use crate::ui::components::paged::{Paged, use_page};
use crate::ui::components::rows::Row;
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
    let organizer = session.organizer;
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

#[component]
fn UnitForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let profile = use_state(UnitProfile::default);
    let set = |update: fn(&mut UnitProfile, String)| draft_setter(&profile, update);
    let submit = {
        let (app, profile) = (app.clone(), profile.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = (*profile).clone();
            next.name = next.name.trim().to_owned();
            next.phone = next.phone.trim().to_owned();
            let name = next.name.clone();
            if app
                .act(Action::RegisterUnit {
                    profile: Box::new(next),
                })
                .is_some()
            {
                app.notify(false, app.lang().f(T::Registered, &[&name]));
                profile.set(UnitProfile::default());
            }
        })
    };
    let p = &*profile;
    let kind = |p: &mut UnitProfile, v: String| {
        p.kind = UnitKind::ALL
            .into_iter()
            .find(|k| kind_code(*k) == v)
            .unwrap_or_default();
    };
    html! {
        <Disclosure label={lang.t(T::RegisterUnit)}>
            <form class="ll-inline-form" onsubmit={submit} aria-label={lang.t(T::RegisterUnit)}>
                <Select id="unit-kind" label={lang.t(T::UnitKindLabel)} options={kind_options(lang)}
                    selected={AttrValue::Static(kind_code(p.kind))} onchange={set(kind)} />
                <TextField id="unit-name" label={lang.t(T::UnitName)} value={p.name.clone()} oninput={set(|p, v| p.name = v)} />
                <TextField id="unit-contact" label={lang.t(T::Contact)} value={p.contact.clone()} oninput={set(|p, v| p.contact = v)} />
                <TextField id="unit-phone" kind="tel" label={lang.t(T::Phone)} value={p.phone.clone()} oninput={set(|p, v| p.phone = v)} />
                <TextField id="unit-address" label={lang.t(T::Address)} value={p.address.clone()} oninput={set(|p, v| p.address = v)} />
                <TextField id="unit-grid" label={lang.t(T::Grid)} value={p.grid.clone()} oninput={set(|p, v| p.grid = v)} />
                <button type="submit" class="ll-button">{ lang.t(T::Register) }</button>
            </form>
        </Disclosure>
    }
}
