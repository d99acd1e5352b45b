//! 登记志愿者 and 修改资料: one form for registering a volunteer and for correcting one
//! later (skills added, a new phone, a duplicate number fixed). A registration with the
//! number left empty gets the community's next number (`State::next_volunteer_number`),
//! picked here, by the device that writes it, and stored in the event.

use yew::prelude::*;

use crate::domain::{Action, DomainError, Field, VolunteerId, VolunteerProfile};
use crate::ui::components::field::{Checkbox, TextField, draft_setter};
use crate::ui::form::{self, FieldId, ProblemSummary, Problems, Reader};
use crate::ui::i18n::{Lang, T};
use crate::ui::session::use_app;

/// The fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    name: String,
    phone: String,
    number: String,
    grid: String,
    building: String,
    skills: String,
    party_member: bool,
}

impl Draft {
    fn of(profile: &VolunteerProfile) -> Draft {
        Draft {
            name: profile.name.clone(),
            phone: profile.phone.clone(),
            number: profile.number.clone(),
            grid: profile.grid.clone(),
            building: profile.building.clone(),
            skills: profile.skills.join("，"),
            party_member: profile.party_member,
        }
    }

    /// The profile; `base` keeps what the form does not show (the unit reported from).
    fn profile(&self, lang: Lang, base: &VolunteerProfile) -> Result<VolunteerProfile, Problems> {
        let mut r = Reader::new(lang);
        let name = r.required(NAME, T::Name, &self.name);
        let phone = r.text(&self.phone);
        if !phone.is_empty() && !crate::domain::text::is_phone(&phone) {
            r.problem(PHONE, lang.t(T::ErrPhone));
        }
        let profile = VolunteerProfile {
            name,
            phone,
            number: r.text(&self.number),
            grid: r.text(&self.grid),
            building: r.text(&self.building),
            skills: form::list(&self.skills),
            party_member: self.party_member,
            unit: base.unit,
        };
        r.finish(profile)
    }
}

const NAME: FieldId = "vol-name";
const PHONE: FieldId = "vol-phone";
const NUMBER: FieldId = "vol-number";
const GRID: FieldId = "vol-grid";
const BUILDING: FieldId = "vol-building";
const SKILLS: FieldId = "vol-skills";

/// Where the domain's refusal of a profile belongs.
fn field_of(error: &DomainError) -> Option<FieldId> {
    match error {
        DomainError::Required(f)
        | DomainError::TooLong { field: f, .. }
        | DomainError::TooMany { field: f, .. } => match f {
            Field::Name => Some(NAME),
            Field::Number => Some(NUMBER),
            Field::Grid => Some(GRID),
            Field::Building => Some(BUILDING),
            Field::Skills => Some(SKILLS),
            _ => None,
        },
        DomainError::InvalidPhone => Some(PHONE),
        DomainError::DuplicateNumber(_) => Some(NUMBER),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct VolunteerFormProps {
    /// The volunteer to correct; `None` registers a new one.
    #[prop_or_default]
    pub volunteer: Option<VolunteerId>,
    /// Told when the correction is saved (to close the form).
    #[prop_or_default]
    pub on_done: Callback<()>,
}

#[component]
pub fn VolunteerForm(props: &VolunteerFormProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let base: VolunteerProfile = {
        let session = app.session();
        props
            .volunteer
            .and_then(|id| session.store.journal().state().volunteer(id))
            .map(|v| v.profile.clone())
            .unwrap_or_default()
    };
    let draft = {
        let base = base.clone();
        use_state(move || Draft::of(&base))
    };
    let problems = use_state(Problems::default);
    let set = |update: fn(&mut Draft, String)| draft_setter(&draft, update);
    let editing = props.volunteer;
    let submit = {
        let (app, draft, problems, on_done) = (
            app.clone(),
            draft.clone(),
            problems.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            let action = draft.profile(lang, &base).map(|mut profile| match editing {
                Some(volunteer) => Action::UpdateVolunteer {
                    volunteer,
                    profile: Box::new(profile),
                },
                None => {
                    if profile.number.is_empty() {
                        profile.number = app
                            .session()
                            .store
                            .journal()
                            .state()
                            .next_volunteer_number();
                    }
                    Action::RegisterVolunteer {
                        profile: Box::new(profile),
                    }
                }
            });
            let Some(event) = form::submit(&app, &problems, e.target(), action, field_of) else {
                return;
            };
            // The event carries the masked name (the full one is kept in the private
            // log); the state on this organizer device shows the full one.
            let volunteer = match &event.action {
                Action::UpdateVolunteer { volunteer, .. } => *volunteer,
                _ => VolunteerId(event.id),
            };
            let (name, number) = app
                .session()
                .state()
                .volunteer(volunteer)
                .map(|v| (v.profile.name.clone(), v.profile.number.clone()))
                .unwrap_or_default();
            if editing.is_some() {
                app.notify(false, lang.f(T::VolunteerSaved, &[&name]));
                on_done.emit(());
            } else {
                app.notify(false, lang.f(T::RegisteredNumber, &[&name, &number]));
                draft.set(Draft::default());
            }
        })
    };
    let party = {
        let draft = draft.clone();
        Callback::from(move |checked: bool| {
            let mut next = (*draft).clone();
            next.party_member = checked;
            draft.set(next);
        })
    };
    let d = &*draft;
    let p = &*problems;
    let (title, button) = if editing.is_some() {
        (T::EditVolunteer, T::SaveChanges)
    } else {
        (T::RegisterVolunteer, T::Register)
    };
    let number_hint = editing.is_none().then(|| {
        AttrValue::from(
            lang.f(
                T::NumberHint,
                &[&app
                    .session()
                    .store
                    .journal()
                    .state()
                    .next_volunteer_number()],
            ),
        )
    });
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(title)} novalidate=true>
            <h3>{ lang.t(title) }</h3>
            <p class="ll-hint">{ lang.t(T::RequiredHint) }</p>
            <TextField id={NAME} label={lang.t(T::Name)} value={d.name.clone()} required=true
                error={p.of(NAME)} oninput={set(|d, v| d.name = v)} />
            <TextField id={PHONE} label={lang.t(T::Phone)} kind="tel" inputmode="tel"
                error={p.of(PHONE)} value={d.phone.clone()} oninput={set(|d, v| d.phone = v)} />
            <TextField id={NUMBER} label={lang.t(T::VolunteerNumber)} value={d.number.clone()}
                hint={number_hint} error={p.of(NUMBER)} oninput={set(|d, v| d.number = v)} />
            <div class="ll-row">
                <TextField id={GRID} label={lang.t(T::Grid)} value={d.grid.clone()}
                    error={p.of(GRID)} oninput={set(|d, v| d.grid = v)} />
                <TextField id={BUILDING} label={lang.t(T::Building)} value={d.building.clone()}
                    error={p.of(BUILDING)} oninput={set(|d, v| d.building = v)} />
            </div>
            <TextField id={SKILLS} label={lang.t(T::Skills)} value={d.skills.clone()}
                error={p.of(SKILLS)} oninput={set(|d, v| d.skills = v)} />
            <Checkbox id="vol-party" label={lang.t(T::PartyMember)} checked={d.party_member} onchange={party} />
            <ProblemSummary problems={p.clone()} />
            <button type="submit" class="ll-button">{ lang.t(button) }</button>
        </form>
    }
}
