//! The rows of the CSV exports: members, confirmed hours and the ledger. Labels come
//! from the caller, in the user's language; values are plain so a spreadsheet can sum
//! them. Times are in China's time (UTC+8), as the community office reads them.

use crate::domain::calendar::china_clock;
use crate::domain::{Account, Entry, State, Timestamp};

/// `2026-12-02 09:00`, in China's time.
pub fn china_date_time(at: Timestamp) -> String {
    let (y, m, d, hour, minute) = china_clock(at);
    format!("{y:04}-{m:02}-{d:02} {hour:02}:{minute:02}")
}

/// Minutes as hours with at most one decimal: 90 → "1.5", 120 → "2".
pub fn hours_text(minutes: u64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// One row per volunteer: name, phone, number, grid, building, skills, party member,
/// joined, hours, points balance.
pub fn members(state: &State, yes: &str, no: &str) -> Vec<Vec<String>> {
    state
        .volunteers()
        .map(|v| {
            let p = &v.profile;
            vec![
                p.name.clone(),
                p.phone.clone(),
                p.number.clone(),
                p.grid.clone(),
                p.building.clone(),
                p.skills.join("、"),
                if p.party_member { yes } else { no }.to_owned(),
                china_date_time(v.joined),
                hours_text(state.service_minutes(v.id)),
                state.balance(v.id).to_string(),
            ]
        })
        .collect()
}

/// One row per confirmed service: activity start, activity, volunteer, number, hours
/// present, hours recorded, points.
pub fn hours(state: &State) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for activity in state.activities() {
        for signup in activity.signups() {
            let Some(service) = &signup.service else {
                continue;
            };
            let (name, number) = state
                .volunteer(signup.volunteer)
                .map(|v| (v.profile.name.clone(), v.profile.number.clone()))
                .unwrap_or_default();
            rows.push(vec![
                china_date_time(activity.plan.start),
                activity.plan.title.clone(),
                name,
                number,
                hours_text(u64::from(service.present_minutes)),
                hours_text(u64::from(service.minutes)),
                service.points.to_string(),
            ]);
        }
    }
    rows
}

/// One row per ledger entry: time, from, to, points, kind, reason, reversed by.
pub fn ledger(
    state: &State,
    account_name: impl Fn(Account) -> String,
    kind_name: impl Fn(&Entry) -> String,
) -> Vec<Vec<String>> {
    state
        .ledger()
        .entries()
        .iter()
        .map(|entry| {
            vec![
                china_date_time(entry.at),
                account_name(entry.from),
                account_name(entry.to),
                entry.points.to_string(),
                kind_name(entry),
                entry.reason.clone(),
                state
                    .ledger()
                    .reversed_by(entry.id)
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect()
}
