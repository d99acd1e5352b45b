//! The rows of a project's CSV exports: its participants and its pledges, for the
//! organizer's office (full names; public lists mask them). Labels come from the
//! caller, in the user's language; quantities and points are plain numbers so a
//! spreadsheet can sum them. Times are in China's time (UTC+8).

use super::sheets::china_date_time;
use crate::domain::{NeedUnit, Participant, Project, RoleSignup, State};

/// Who a participant is, for a row: name, volunteer number (empty for a unit), phone.
fn person(state: &State, who: Participant) -> (String, String, String) {
    match who {
        Participant::Volunteer(id) => state
            .volunteer(id)
            .map(|v| {
                let p = &v.profile;
                (p.name.clone(), p.number.clone(), p.phone.clone())
            })
            .unwrap_or_default(),
        Participant::Unit(id) => state
            .unit(id)
            .map(|u| {
                (
                    u.profile.name.clone(),
                    String::new(),
                    u.profile.phone.clone(),
                )
            })
            .unwrap_or_default(),
    }
}

/// One row per sign-up ever made, role by role in the plan's order and, within a role,
/// in the order they were made (ended ones included, so the file is the full record):
/// role, kind, name, volunteer number, phone, status, signed up at, points credited.
///
/// `kind` names a participant's kind (志愿者 / 单位) and `status` a sign-up's standing
/// (已报名, 候补, 待审核…). The points of a confirmation are on the one row whose
/// sign-up names its credit, so a column sum counts every credit once.
pub fn participants(
    state: &State,
    project: &Project,
    kind: impl Fn(Participant) -> String,
    status: impl Fn(&RoleSignup) -> String,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for role in &project.plan.roles {
        for signup in project.signups().iter().filter(|s| s.role == role.name) {
            let (name, number, phone) = person(state, signup.who);
            let points = project
                .confirmation(signup.who)
                .filter(|c| c.record == signup.id)
                .map(|c| c.points.to_string())
                .unwrap_or_default();
            rows.push(vec![
                role.name.clone(),
                kind(signup.who),
                name,
                number,
                phone,
                status(signup),
                china_date_time(signup.at),
                points,
            ]);
        }
    }
    rows
}

/// One row per pledge ever made, need by need in the plan's order: need, unit, phone,
/// quantity, counting unit, pledged at, withdrawn at (empty while it stands), unit
/// points credited (on the row that names the unit's credit).
pub fn pledges(
    state: &State,
    project: &Project,
    unit_label: impl Fn(&NeedUnit) -> String,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for need in &project.plan.needs {
        for pledge in project.pledges().iter().filter(|p| p.need == need.name) {
            let who = Participant::Unit(pledge.unit);
            let (name, _, phone) = person(state, who);
            let points = project
                .confirmation(who)
                .filter(|c| c.record == pledge.id)
                .map(|c| c.points.to_string())
                .unwrap_or_default();
            rows.push(vec![
                need.name.clone(),
                name,
                phone,
                pledge.quantity.to_string(),
                unit_label(&need.unit),
                china_date_time(pledge.at),
                pledge.withdrawn.map(china_date_time).unwrap_or_default(),
                points,
            ]);
        }
    }
    rows
}
