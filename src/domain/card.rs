//! The volunteer card (志愿者卡): what its QR code holds, and how a scanned or typed
//! code finds the volunteer at check-in.

use super::id::VolunteerId;
use super::state::State;

const PREFIX: &str = "linli:v:";

/// The text a volunteer's QR code holds.
pub fn card_text(id: VolunteerId) -> String {
    format!("{PREFIX}{id}")
}

/// The volunteers a person may be, from the phone number or volunteer number they typed
/// on their own phone ("who am I"): a number matches exactly; a phone number matches
/// the masked phone every device knows (138****0001), so the phone holds no one's full
/// number. Several may match: the person then chooses by masked name.
pub fn find_self(state: &State, input: &str) -> Vec<VolunteerId> {
    let input: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if input.is_empty() {
        return Vec::new();
    }
    let masked = super::member::mask_phone(&input);
    let by_phone = super::text::is_phone(&input);
    state
        .volunteers()
        .filter(|v| {
            let number = v.profile.number.trim();
            (!number.is_empty() && number == input)
                || (by_phone && super::member::mask_phone(v.profile.phone.trim()) == masked)
        })
        .map(|v| v.id)
        .collect()
}

/// Finds a volunteer from what the organizer scanned or typed: the card's text, the
/// volunteer number (志愿者编号) or the phone number. Numbers must match exactly, after
/// trimming, except that a number of digits may be typed without its leading zeros (12
/// finds 0012); an ambiguous number (two volunteers share it after a merge) finds no one.
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
    let only = |matches: &dyn Fn(&str, &str) -> bool| {
        let mut found = state
            .volunteers()
            .filter(|v| matches(v.profile.number.trim(), v.profile.phone.trim()));
        match (found.next(), found.next()) {
            (Some(v), None) => Some(Some(v.id)),
            (Some(_), Some(_)) => Some(None),
            _ => None,
        }
    };
    if let Some(found) = only(&|number, phone| number == input || phone == input) {
        return found;
    }
    // A number the community gave out (0012) may be said without its zeros (12).
    let digits = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    if digits(input) {
        let value = input.trim_start_matches('0');
        return only(&|number, _| digits(number) && number.trim_start_matches('0') == value)
            .flatten();
    }
    None
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
    fn a_given_number_is_found_without_its_zeros() {
        let (journal, ids) = with(&[
            ("王小明", "", "0012"),
            ("李四", "", "0120"),
            ("赵六", "", "A12"),
        ]);
        let state = journal.state();
        for (input, expected) in [
            ("0012", Some(ids[0])),
            ("12", Some(ids[0])),
            ("012", Some(ids[0])),
            ("120", Some(ids[1])),
            ("A12", Some(ids[2])),
            ("2", None),
            ("0", None),
        ] {
            assert_eq!(find_volunteer(state, input), expected, "{input}");
        }
    }

    #[test]
    fn a_person_finds_themselves_by_phone_or_number_without_the_full_phone() {
        let (journal, ids) = with(&[
            ("王小明", "13800000001", "V001"),
            ("李四", "13900001111", "V002"),
            ("赵六", "13811110001", ""),
        ]);
        let state = journal.state();
        assert_eq!(find_self(state, "V002"), [ids[1]]);
        assert_eq!(find_self(state, " 139 0000 1111 "), [ids[1]]);
        // 138****0001 is both 王小明's and 赵六's masked phone: both are offered.
        assert_eq!(find_self(state, "13800000001"), [ids[0], ids[2]]);
        assert!(find_self(state, "13700000000").is_empty());
        assert!(find_self(state, "").is_empty());
        assert!(
            find_self(state, "1380").is_empty(),
            "a part of a phone finds no one"
        );
    }

    #[test]
    fn an_ambiguous_number_finds_no_one() {
        let (journal, _) = with(&[("王小明", "", "V9"), ("李四", "", "V9")]);
        assert_eq!(find_volunteer(journal.state(), "V9"), None);
    }
}
