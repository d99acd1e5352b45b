//! 志愿者: the list, searchable. Organizers see full details and register volunteers;
//! everyone else sees masked names and phones.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::volunteer_form::VolunteerForm;
use crate::domain::{Volunteer, mask_name, mask_phone};
use crate::ui::components::field::{Checkbox, Select, TextField};
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
    let organizer = session.organizer();
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
                            <span class="ll-points">{ lang.f(T::PointsValue, &[&state.balance(v.id)]) }</span>
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
    // Numbers that two devices gave out at once: listed until the organizer fixes one.
    let duplicates: Html = if organizer {
        state
            .duplicate_numbers()
            .into_iter()
            .map(|(number, holders)| {
                html! {
                    <div class="ll-banner ll-warn" role="note">
                        <span>{ lang.f(T::DuplicateNumberNote, &[&number]) }</span>
                        { for holders.iter().filter_map(|id| state.volunteer(*id)).map(|v| html! {
                            <Link<Route> to={Route::Volunteer { id: v.id }} classes="ll-link">{ v.profile.name.clone() }</Link<Route>>
                        }) }
                    </div>
                }
            })
            .collect()
    } else {
        Html::default()
    };
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
                <VolunteerForm />
                { duplicates }
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
