//! 志愿者: the list, searchable. Organizers see full details and register volunteers;
//! everyone else sees masked names and phones.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::{Action, Volunteer, VolunteerProfile, mask_name, mask_phone};
use crate::ui::components::field::{Checkbox, Select, TextField, draft_setter};
use crate::ui::components::paged::{Paged, use_page};
use crate::ui::components::rows::Row;
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

fn matches(volunteer: &Volunteer, query: &str) -> bool {
    let p = &volunteer.profile;
    query.is_empty()
        || [&p.name, &p.phone, &p.number, &p.grid, &p.building]
            .iter()
            .any(|text| text.contains(query))
        || p.skills.iter().any(|s| s.contains(query))
}

#[component]
pub fn Volunteers() -> Html {
    let app = use_app();
    let lang = app.lang();
    let query = use_state(String::new);
    let party_only = use_state(|| false);
    let grid = use_state(String::new);
    let session = app.session();
    let organizer = session.organizer;
    let state = session.store.journal().state();
    let q = query.trim().to_owned();
    let shown: Vec<&Volunteer> = state
        .volunteers()
        .filter(|v| organizer && matches(v, &q) || !organizer && q.is_empty())
        .filter(|v| !*party_only || v.profile.party_member)
        .filter(|v| grid.is_empty() || v.profile.grid == *grid)
        .collect();
    // A new search or filter starts again at the first page.
    let page = use_page(shown.len(), (q, *party_only, (*grid).clone()));
    // Only the page on screen is built. An organizer's rows open the volunteer (Yew
    // links); everyone else's only show masked text (read-only rows, drawn from one
    // escaped string).
    let (rows, text_rows): (Vec<Html>, Option<Rc<[Row]>>) = if organizer {
        let rows = page
            .of(&shown)
            .iter()
            .map(|v| {
                html! {
                    <li class="ll-row-item" key={v.id.to_string()}>
                        <Link<Route> to={Route::Volunteer { id: v.id }} classes="ll-item-link">
                            <strong>{ v.profile.name.clone() }</strong>
                            <span>{ v.profile.phone.clone() }</span>
                            <span class="ll-muted">{ v.profile.number.clone() }</span>
                            <span class="ll-points">{ state.balance(v.id).to_string() }</span>
                        </Link<Route>>
                    </li>
                }
            })
            .collect();
        (rows, None)
    } else {
        let rows = page
            .of(&shown)
            .iter()
            .map(|v| {
                Row::new()
                    .strong(&mask_name(&v.profile.name))
                    .cell("", &mask_phone(&v.profile.phone))
            })
            .collect();
        (Vec::new(), Some(rows))
    };
    let mut grids: Vec<&str> = state
        .volunteers()
        .map(|v| v.profile.grid.as_str())
        .filter(|g| !g.is_empty())
        .collect();
    grids.sort_unstable();
    grids.dedup();
    let mut grid_options = vec![(AttrValue::Static(""), AttrValue::from(lang.t(T::AllGrids)))];
    grid_options.extend(grids.into_iter().map(|g| {
        let g = AttrValue::from(g.to_owned());
        (g.clone(), g)
    }));
    let pick_grid = {
        let grid = grid.clone();
        Callback::from(move |g: String| grid.set(g))
    };
    let pick_party = {
        let party_only = party_only.clone();
        Callback::from(move |on: bool| party_only.set(on))
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Volunteers) }</h2>
            if organizer {
                <RegisterForm />
                <TextField id="volunteer-search" label={lang.t(T::Search)} kind="search"
                    value={(*query).clone()}
                    oninput={{ let query = query.clone(); Callback::from(move |v| query.set(v)) }} />
            }
            <div class="ll-row">
                <Select id="volunteer-grid" label={lang.t(T::FilterGrid)} options={grid_options}
                    selected={AttrValue::from((*grid).clone())} onchange={pick_grid} />
                <Checkbox id="volunteer-party" label={lang.t(T::PartyOnly)} checked={*party_only} onchange={pick_party} />
            </div>
            if shown.is_empty() {
                <p class="ll-empty">{ lang.t(T::NoVolunteers) }</p>
            } else {
                <Paged label={lang.t(T::Volunteers)} {page} {text_rows}>{ for rows }</Paged>
            }
        </section>
    }
}

/// The registration form (登记志愿者). Fields stay filled if the action is refused.
#[component]
fn RegisterForm() -> Html {
    let app = use_app();
    let lang = app.lang();
    let profile = use_state(VolunteerProfile::default);
    let skills = use_state(String::new);
    let set = |update: fn(&mut VolunteerProfile, String)| draft_setter(&profile, update);
    let submit = {
        let (app, profile, skills) = (app.clone(), profile.clone(), skills.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = (*profile).clone();
            next.name = next.name.trim().to_owned();
            next.phone = next.phone.trim().to_owned();
            next.number = next.number.trim().to_owned();
            next.skills = skills
                .split([',', '，', '、'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let name = next.name.clone();
            if app
                .act(Action::RegisterVolunteer {
                    profile: Box::new(next),
                })
                .is_some()
            {
                app.notify(false, app.lang().f(T::Registered, &[&name]));
                profile.set(VolunteerProfile::default());
                skills.set(String::new());
            }
        })
    };
    let party = {
        let profile = profile.clone();
        Callback::from(move |checked: bool| {
            let mut next = (*profile).clone();
            next.party_member = checked;
            profile.set(next);
        })
    };
    let p = &*profile;
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::RegisterVolunteer)}>
            <h3>{ lang.t(T::RegisterVolunteer) }</h3>
            <TextField id="reg-name" label={lang.t(T::Name)} value={p.name.clone()} required=true
                oninput={set(|p, v| p.name = v)} />
            <TextField id="reg-phone" label={lang.t(T::Phone)} kind="tel" inputmode="tel"
                value={p.phone.clone()} oninput={set(|p, v| p.phone = v)} />
            <TextField id="reg-number" label={lang.t(T::VolunteerNumber)} value={p.number.clone()}
                oninput={set(|p, v| p.number = v)} />
            <div class="ll-row">
                <TextField id="reg-grid" label={lang.t(T::Grid)} value={p.grid.clone()}
                    oninput={set(|p, v| p.grid = v)} />
                <TextField id="reg-building" label={lang.t(T::Building)} value={p.building.clone()}
                    oninput={set(|p, v| p.building = v)} />
            </div>
            <TextField id="reg-skills" label={lang.t(T::Skills)} value={(*skills).clone()}
                oninput={{ let skills = skills.clone(); Callback::from(move |v| skills.set(v)) }} />
            <Checkbox id="reg-party" label={lang.t(T::PartyMember)} checked={p.party_member} onchange={party} />
            <button type="submit" class="ll-button">{ lang.t(T::Register) }</button>
        </form>
    }
}
