//! The volunteer card (志愿者卡): what its QR code holds, and how a scanned or typed
//! code finds the volunteer at check-in.

use super::id::VolunteerId;
use super::state::State;

const PREFIX: &str = "linli:v:";

/// The text a volunteer's QR code holds.
pub fn card_text(id: VolunteerId) -> String {
    format!("{PREFIX}{id}")
}

/// Finds a volunteer from what the organizer scanned or typed: the card's text, the
/// volunteer number (志愿者编号) or the phone number. Numbers must match exactly, after
/// trimming; an ambiguous number (two volunteers share it after a merge) finds no one.
pub fn find_volunteer(state: &State, input: &str) -> Option<VolunteerId> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    if let Some(id) = input
        .strip_prefix(PREFIX)
        .and_then(|id| id.parse::<VolunteerId>().ok())
    {
        return state.volunteer(id).map(|v| v.id);
    }
    let mut found = state
        .volunteers()
        .filter(|v| v.profile.number.trim() == input || v.profile.phone.trim() == input);
    match (found.next(), found.next()) {
        (Some(v), None) => Some(v.id),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Action, Event, EventId, Journal, ReplicaId, Timestamp, VolunteerProfile};

    fn with(profiles: &[(&str, &str, &str)]) -> (Journal, Vec<VolunteerId>) {
        let mut journal = Journal::default();
        let mut ids = Vec::new();
        for (seq, (name, phone, number)) in (1..).zip(profiles) {
            let profile = VolunteerProfile {
                name: (*name).into(),
                phone: (*phone).into(),
                number: (*number).into(),
                ..VolunteerProfile::default()
            };
            // Made directly, as a merge from two devices would bring them.
            let event = Event {
                id: EventId::new(ReplicaId(1), seq),
                at: Timestamp(seq.into()),
                action: Action::RegisterVolunteer {
                    profile: Box::new(profile),
                },
            };
            ids.push(VolunteerId(event.id));
            journal.merge([event]);
        }
        (journal, ids)
    }

    #[test]
    fn a_card_a_number_or_a_phone_finds_the_volunteer() {
        let (journal, ids) = with(&[
            ("王小明", "13812341234", "V001"),
            ("李四", "13900001111", ""),
        ]);
        let state = journal.state();
        for (input, expected) in [
            (card_text(ids[0]), Some(ids[0])),
            (format!("  {}  ", card_text(ids[1])), Some(ids[1])),
            ("V001".to_owned(), Some(ids[0])),
            (" 13900001111 ".to_owned(), Some(ids[1])),
            ("V00".to_owned(), None),
            ("".to_owned(), None),
            ("linli:v:ff-9".to_owned(), None),
            ("linli:v:garbage".to_owned(), None),
        ] {
            assert_eq!(find_volunteer(state, &input), expected, "{input}");
        }
    }

    #[test]
    fn an_ambiguous_number_finds_no_one() {
        let (journal, _) = with(&[("王小明", "", "V9"), ("李四", "", "V9")]);
        assert_eq!(find_volunteer(journal.state(), "V9"), None);
    }
}
