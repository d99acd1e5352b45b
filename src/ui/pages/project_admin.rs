//! The organizer's part of a project page: lifecycle steps, requests to approve, people
//! and pledges on behalf of units, assigning and removing, updates, confirming who took
//! part (which credits points and unit points), and CSV exports.

use yew::prelude::*;

use crate::domain::project::{Participant, Project, RoleStanding};
use crate::domain::{Action, ProjectId, State};
use crate::records::csv::to_csv;
use crate::records::projects as rows;
use crate::ui::components::confirm::Confirm as AskFirst;
use crate::ui::components::field::{Select, TextField, setter};
use crate::ui::download::download;
use crate::ui::format::file_stamp;
use crate::ui::i18n::{Lang, T};
use crate::ui::session::{App, now, use_app};
use crate::ui::words::project::{need_unit_text, standing_text};

fn participant_name(state: &State, who: Participant) -> String {
    state.participant_name(who).unwrap_or_default().to_owned()
}

fn participant_code(who: Participant) -> String {
    match who {
        Participant::Volunteer(v) => format!("v:{v}"),
        Participant::Unit(u) => format!("u:{u}"),
    }
}

fn parse_participant(code: &str) -> Option<Participant> {
    match code.split_once(':')? {
        ("v", id) => id.parse().ok().map(Participant::Volunteer),
        ("u", id) => id.parse().ok().map(Participant::Unit),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct AdminProps {
    pub id: ProjectId,
}

#[component]
pub fn ProjectAdmin(props: &AdminProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let Some(project) = state.project(props.id) else {
        return html! {};
    };
    let id = props.id;
    let wall = now();
    let step = |label: T, action: Action| {
        state.check_new(&action, wall).is_ok().then(|| {
            let app = app.clone();
            html! { <button class="ll-button" onclick={move |_| { app.act(action.clone()); }}>{ lang.t(label) }</button> }
        })
    };
    let steps = [
        step(T::PublishProject, Action::PublishProject { project: id }),
        step(T::StartProject, Action::StartProject { project: id }),
        step(T::CompleteProject, Action::CompleteProject { project: id }),
        step(T::ArchiveProject, Action::ArchiveProject { project: id }),
    ];
    let pending: Vec<Html> = project
        .pending()
        .map(|s| {
            let (who, role) = (s.who, s.role.clone());
            let approve = Action::ApproveJoin { project: id, role: role.clone(), who };
            let decline = Action::DeclineJoin { project: id, role: role.clone(), who, reason: String::new() };
            let (a1, a2) = (app.clone(), app.clone());
            html! {
                <li class="ll-roster-row" key={s.id.to_string()}>
                    <strong>{ participant_name(state, who) }{ " · " }{ role }</strong>
                    <div class="ll-row">
                        <button class="ll-button" onclick={move |_| { a1.act(approve.clone()); }}>{ lang.t(T::Approve) }</button>
                        <button class="ll-button ll-secondary" onclick={move |_| { a2.act(decline.clone()); }}>{ lang.t(T::Decline) }</button>
                    </div>
                </li>
            }
        })
        .collect();
    let roster: Vec<Html> = project
        .plan
        .roles
        .iter()
        .flat_map(|role| {
            project
                .signups()
                .iter()
                .filter(move |s| s.role == role.name && matches!(s.standing, RoleStanding::Seated | RoleStanding::Waitlisted))
        })
        .map(|s| {
            let remove = Action::RemoveFromRole {
                project: id,
                role: s.role.clone(),
                who: s.who,
                reason: lang.t(T::Remove).to_owned(),
            };
            let app = app.clone();
            let name = participant_name(state, s.who);
            let can = state.check_new(&remove, wall).is_ok();
            html! {
                <li class="ll-roster-row" key={s.id.to_string()}>
                    <div class="ll-roster-who">
                        <strong>{ name.clone() }</strong>
                        <span class="ll-muted">{ s.role.clone() }{ " · " }{ standing_text(lang, project, s.who, &s.role, &s.standing) }</span>
                    </div>
                    if can {
                        <AskFirst label={lang.t(T::Remove)} class="ll-secondary" danger=true
                            question={lang.f(T::RemoveQuestion, &[&name, &s.role])}
                            yes={lang.t(T::ConfirmRemove)}
                            on_yes={Callback::from(move |()| { app.act(remove.clone()); })} />
                    }
                </li>
            }
        })
        .collect();
    html! {
        <>
            <div class="ll-row">{ for steps.into_iter().flatten() }</div>
            if !pending.is_empty() {
                <section class="ll-card" aria-label={lang.t(T::PendingRequests)}>
                    <h3>{ lang.t(T::PendingRequests) }</h3>
                    <ul class="ll-list">{ for pending }</ul>
                </section>
            }
            <section class="ll-card" aria-label={lang.t(T::Participants)}>
                <h3>{ lang.t(T::Participants) }</h3>
                <ul class="ll-list">{ for roster }</ul>
            </section>
            <OnBehalf id={id} />
            <AssignVolunteer id={id} />
            <PostUpdate id={id} />
            <Confirm id={id} />
            { exports(&app, lang, project) }
        </>
    }
}

fn exports(app: &App, lang: Lang, project: &Project) -> Html {
    let id = project.id;
    let export = |pledges: bool| {
        let app = app.clone();
        Callback::from(move |_| {
            let lang = app.lang();
            let text = {
                let session = app.session();
                let state = session.store.journal().state();
                let Some(project) = state.project(id) else {
                    return;
                };
                if pledges {
                    to_csv(
                        &[
                            T::NeedLabel,
                            T::UnitLabel,
                            T::Phone,
                            T::Quantity,
                            T::ColMeasure,
                            T::ColTime,
                            T::ColWithdrawnAt,
                            T::ColPoints,
                        ]
                        .map(|k| lang.t(k)),
                        rows::pledges(state, project, |u| need_unit_text(lang, u)),
                    )
                } else {
                    to_csv(
                        &[
                            T::RoleLabel,
                            T::UnitKindLabel,
                            T::Name,
                            T::VolunteerNumber,
                            T::Phone,
                            T::StatusLabel,
                            T::ColTime,
                            T::ColPoints,
                        ]
                        .map(|k| {
                            lang.t(k)
                                .replace("{0}", "")
                                .trim_end_matches(['：', ':', ' '])
                                .to_owned()
                        })
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>(),
                        rows::participants(
                            state,
                            project,
                            |who| {
                                lang.t(match who {
                                    Participant::Volunteer(_) => T::ColVolunteer,
                                    Participant::Unit(_) => T::UnitLabel,
                                })
                                .to_owned()
                            },
                            |s| standing_text(lang, project, s.who, &s.role, &s.standing),
                        ),
                    )
                }
            };
            let name = format!(
                "linli-project-{}-{}.csv",
                if pledges { "pledges" } else { "participants" },
                file_stamp(now())
            );
            if let Err(why) = download(&name, "text/csv;charset=utf-8", &text) {
                app.notify(true, why);
            }
        })
    };
    html! {
        <div class="ll-row">
            <button class="ll-button ll-secondary" onclick={export(false)}>{ lang.t(T::ExportParticipants) }</button>
            <button class="ll-button ll-secondary" onclick={export(true)}>{ lang.t(T::ExportPledges) }</button>
        </div>
    }
}

/// Join a role or pledge to a need for a unit (units only in the picker: volunteers are
/// assigned in [`AssignVolunteer`]). After a pledge the amount is cleared, so a second
/// tap cannot pledge it twice.
#[component]
fn OnBehalf(props: &AdminProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let who = use_state(String::new);
    let role = use_state(String::new);
    let need = use_state(String::new);
    let quantity = use_state(String::new);
    let session = app.session();
    let state = session.store.journal().state();
    let Some(project) = state.project(props.id) else {
        return html! {};
    };
    let mut units = vec![(AttrValue::Static(""), AttrValue::from(lang.t(T::NotChosen)))];
    units.extend(state.units().map(|u| {
        (
            AttrValue::from(participant_code(Participant::Unit(u.id))),
            AttrValue::from(u.profile.name.clone()),
        )
    }));
    let roles = role_options(project);
    let needs: Vec<_> = project
        .plan
        .needs
        .iter()
        .map(|n| {
            (
                AttrValue::from(n.name.clone()),
                AttrValue::from(
                    lang.f(T::NeedWithUnit, &[&n.name, &need_unit_text(lang, &n.unit)]),
                ),
            )
        })
        .collect();
    let chosen_role = first(&roles, &role);
    let chosen_need = first(&needs, &need);
    let id = props.id;
    let join = {
        let (app, who, chosen_role) = (app.clone(), who.clone(), chosen_role.clone());
        Callback::from(move |_| {
            let lang = app.lang();
            let Some(who) = parse_participant(&who) else {
                return app.notify(true, lang.t(T::ChooseUnitFirst).to_owned());
            };
            if app
                .act(Action::AssignToRole {
                    project: id,
                    role: chosen_role.clone(),
                    who,
                })
                .is_some()
            {
                app.notify(false, lang.f(T::Joined, &[&chosen_role]));
            }
        })
    };
    let pledge = {
        let (app, who, quantity, chosen_need) = (
            app.clone(),
            who.clone(),
            quantity.clone(),
            chosen_need.clone(),
        );
        Callback::from(move |_| {
            let lang = app.lang();
            let Some(Participant::Unit(unit)) = parse_participant(&who) else {
                return app.notify(true, lang.t(T::ChooseUnitFirst).to_owned());
            };
            let Ok(amount) = quantity.trim().parse::<u64>() else {
                return app.notify(true, lang.f(T::BadNumber, &[&lang.t(T::Quantity)]));
            };
            if app
                .act(Action::PledgeToNeed {
                    project: id,
                    need: chosen_need.clone(),
                    unit,
                    quantity: amount,
                })
                .is_some()
            {
                app.notify(false, lang.f(T::PledgedAmount, &[&chosen_need, &amount]));
                quantity.set(String::new());
            }
        })
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::OnBehalfOfUnit)}>
            <h3>{ lang.t(T::OnBehalfOfUnit) }</h3>
            <Select id="behalf-who" label={lang.t(T::UnitLabel)} options={units} selected={AttrValue::from((*who).clone())} onchange={setter(&who)} />
            if !roles.is_empty() {
                <Select id="behalf-role" label={lang.t(T::RoleLabel)} options={roles} selected={AttrValue::from(chosen_role)} onchange={setter(&role)} />
                <button class="ll-button ll-secondary" onclick={join}>{ lang.t(T::UnitJoin) }</button>
            }
            if !needs.is_empty() {
                <Select id="behalf-need" label={lang.t(T::NeedLabel)} options={needs} selected={AttrValue::from(chosen_need)} onchange={setter(&need)} />
                <TextField id="behalf-quantity" inputmode="numeric" label={lang.t(T::Quantity)} value={(*quantity).clone()} oninput={setter(&quantity)} />
                <button class="ll-button" onclick={pledge}>{ lang.t(T::Pledge) }</button>
            }
        </section>
    }
}

fn role_options(project: &Project) -> Vec<(AttrValue, AttrValue)> {
    project
        .plan
        .roles
        .iter()
        .map(|r| {
            (
                AttrValue::from(r.name.clone()),
                AttrValue::from(r.name.clone()),
            )
        })
        .collect()
}

/// The option chosen, or the first when none is.
fn first(options: &[(AttrValue, AttrValue)], chosen: &str) -> String {
    if chosen.is_empty() {
        options.first().map(|o| o.0.to_string()).unwrap_or_default()
    } else {
        chosen.to_owned()
    }
}

/// 指派志愿者: the organizer puts a volunteer in a role (skills are checked).
#[component]
fn AssignVolunteer(props: &AdminProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let who = use_state(String::new);
    let role = use_state(String::new);
    let session = app.session();
    let state = session.store.journal().state();
    let Some(project) = state.project(props.id) else {
        return html! {};
    };
    let roles = role_options(project);
    if roles.is_empty() {
        return html! {};
    }
    let mut people = vec![(AttrValue::Static(""), AttrValue::from(lang.t(T::NotChosen)))];
    people.extend(state.volunteers().map(|v| {
        let number = if v.profile.number.is_empty() {
            String::new()
        } else {
            format!(" · {}", v.profile.number)
        };
        (
            AttrValue::from(participant_code(Participant::Volunteer(v.id))),
            AttrValue::from(format!("{}{number}", v.profile.name)),
        )
    }));
    let chosen_role = first(&roles, &role);
    let id = props.id;
    let assign = {
        let (app, who, chosen_role) = (app.clone(), who.clone(), chosen_role.clone());
        Callback::from(move |_| {
            let lang = app.lang();
            let Some(who) = parse_participant(&who) else {
                return app.notify(true, lang.t(T::ChooseVolunteerFirst).to_owned());
            };
            if app
                .act(Action::AssignToRole {
                    project: id,
                    role: chosen_role.clone(),
                    who,
                })
                .is_some()
            {
                app.notify(false, lang.f(T::Joined, &[&chosen_role]));
            }
        })
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::AssignVolunteer)}>
            <h3>{ lang.t(T::AssignVolunteer) }</h3>
            <Select id="assign-who" label={lang.t(T::ColVolunteer)} options={people} selected={AttrValue::from((*who).clone())} onchange={setter(&who)} />
            <Select id="assign-role" label={lang.t(T::RoleLabel)} options={roles} selected={AttrValue::from(chosen_role)} onchange={setter(&role)} />
            <button class="ll-button ll-secondary" onclick={assign}>{ lang.t(T::AssignButton) }</button>
        </section>
    }
}

#[component]
fn PostUpdate(props: &AdminProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let text = use_state(String::new);
    let submit = {
        let (app, text, project) = (app.clone(), text.clone(), props.id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if app
                .act(Action::PostProjectUpdate {
                    project,
                    text: text.trim().to_owned(),
                })
                .is_some()
            {
                text.set(String::new());
            }
        })
    };
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::PostUpdate)}>
            <TextField id="project-update" label={lang.t(T::UpdateText)} value={(*text).clone()}
                oninput={{ let text = text.clone(); Callback::from(move |v| text.set(v)) }} />
            <button type="submit" class="ll-button ll-secondary">{ lang.t(T::PostUpdate) }</button>
        </form>
    }
}

/// Confirms everyone who took part and is not yet confirmed.
#[component]
fn Confirm(props: &AdminProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let Some(project) = state.project(props.id) else {
        return html! {};
    };
    let open: Vec<Participant> = project
        .participants()
        .into_iter()
        .filter(|p| p.confirmed.is_none())
        .map(|p| p.who)
        .collect();
    let action = Action::ConfirmParticipation {
        project: props.id,
        participants: open.clone(),
    };
    if open.is_empty() || state.check_new(&action, now()).is_err() {
        return html! {};
    }
    let names: Vec<String> = open.iter().map(|w| participant_name(state, *w)).collect();
    let count = open.len();
    let onclick = {
        let app = app.clone();
        Callback::from(move |_| {
            if app.act(action.clone()).is_some() {
                app.notify(false, app.lang().f(T::ConfirmedParticipants, &[&count]));
            }
        })
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::ConfirmParticipants)}>
            <p>{ names.join("、") }</p>
            <button class="ll-button" {onclick}>{ lang.t(T::ConfirmParticipants) }</button>
        </section>
    }
}
