//! Members: volunteers (志愿者); units (单位) are in [`crate::domain::unit`]. Includes the
//! masking that every public list uses: masked names (王*明) and masked phones
//! (138****1234).

use serde::{Deserialize, Serialize};

use super::error::{DomainError, Field};
use super::id::{Timestamp, UnitId, VolunteerId};
use super::state::State;
use super::text::{is_phone, limit, require};

/// What an organizer records about a volunteer. Every text is checked by
/// [`VolunteerProfile::validate`] before it is written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerProfile {
    pub name: String,
    #[serde(default)]
    pub phone: String,
    /// The volunteer number (志愿者编号) printed on records; may be left empty.
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub grid: String,
    #[serde(default)]
    pub building: String,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub party_member: bool,
    /// The unit the volunteer reports from (双报到), if any: its members' service hours
    /// count for the unit on the leaderboard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitId>,
}

pub use super::text::{NAME_MAX, SHORT_TEXT_MAX};
pub const SKILLS_MAX: usize = 12;

impl VolunteerProfile {
    /// Refuses empty names, over-long texts and phone numbers that are not phone numbers.
    pub fn validate(&self) -> Result<(), DomainError> {
        require(Field::Name, &self.name)?;
        limit(Field::Name, &self.name, NAME_MAX)?;
        limit(Field::Number, &self.number, SHORT_TEXT_MAX)?;
        limit(Field::Grid, &self.grid, SHORT_TEXT_MAX)?;
        limit(Field::Building, &self.building, SHORT_TEXT_MAX)?;
        if !is_phone_or_masked(&self.phone) {
            return Err(DomainError::InvalidPhone);
        }
        if self.skills.len() > SKILLS_MAX {
            return Err(DomainError::TooMany {
                field: Field::Skills,
                max: SKILLS_MAX,
            });
        }
        for skill in &self.skills {
            require(Field::Skills, skill)?;
            limit(Field::Skills, skill, SHORT_TEXT_MAX)?;
        }
        Ok(())
    }
}

/// Empty, a phone number, or one as public lists show it (`138****1234`): a profile in
/// the community's public log holds the masked form (see
/// [`crate::domain::trust::personal`]).
pub fn is_phone_or_masked(text: &str) -> bool {
    text.is_empty()
        || is_phone(text)
        || (text.contains('*') && mask_phone(text) == text && is_phone(&text.replace('*', "0")))
}

/// A registered volunteer, as derived from the events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volunteer {
    pub id: VolunteerId,
    pub profile: VolunteerProfile,
    pub joined: Timestamp,
}

/// Volunteer numbers (志愿者编号), as the community gives them out: a sequence of four
/// or more digits by registration order (`0001`, `0002`…). The writer of a registration
/// with no number typed picks the next free one and stores it in the event, so every
/// device shows the same number. Two devices that register at the same time may pick the
/// same one; the merge keeps both, and [`State::duplicate_numbers`] lists them for the
/// organizer to correct, instead of accepting them silently.
impl State {
    /// The number a new registration gets when none is typed: the count of volunteers
    /// plus one, or the next after it that no one holds.
    pub fn next_volunteer_number(&self) -> String {
        let taken: std::collections::HashSet<&str> = self
            .volunteers()
            .map(|v| v.profile.number.trim())
            .filter(|n| !n.is_empty())
            .collect();
        let mut next = self.volunteers().count() + 1;
        loop {
            let number = format!("{next:04}");
            if !taken.contains(number.as_str()) {
                return number;
            }
            next += 1;
        }
    }

    /// Numbers that more than one volunteer holds (a merge brought them together), each
    /// with its holders in registration order; sorted by number.
    pub fn duplicate_numbers(&self) -> Vec<(String, Vec<VolunteerId>)> {
        let mut by_number: std::collections::BTreeMap<&str, Vec<VolunteerId>> =
            std::collections::BTreeMap::new();
        for v in self.volunteers() {
            let number = v.profile.number.trim();
            if !number.is_empty() {
                by_number.entry(number).or_default().push(v.id);
            }
        }
        by_number
            .into_iter()
            .filter(|(_, holders)| holders.len() > 1)
            .map(|(number, holders)| (number.to_owned(), holders))
            .collect()
    }
}

/// 王小明 → 王*明, 王明 → 王*, 欧阳小明 → 欧**明: the first and last characters stay.
pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => "*".to_owned(),
        2 => format!("{}*", chars[0]),
        n => {
            let mut masked = String::with_capacity(name.len());
            masked.push(chars[0]);
            masked.extend(std::iter::repeat_n('*', n - 2));
            masked.push(chars[n - 1]);
            masked
        }
    }
}

/// 13812341234 → 138****1234; other numbers keep their first three and last two digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let (head, tail) = match chars.len() {
        11.. => (3, 4),
        7..=10 => (3, 2),
        _ => (0, 0),
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < head || i >= chars.len() - tail {
                *c
            } else {
                '*'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_masked_keeping_first_and_last_character() {
        for (name, masked) in [
            ("王小明", "王*明"),
            ("王明", "王*"),
            ("欧阳小明", "欧**明"),
            ("王", "*"),
            ("", ""),
            (" 李四 ", "李*"),
            ("Anna", "A**a"),
        ] {
            assert_eq!(mask_name(name), masked, "{name}");
        }
    }

    #[test]
    fn phones_are_masked_in_the_middle() {
        for (phone, masked) in [
            ("13812341234", "138****1234"),
            ("029-8888666", "029****8666"),
            ("88886666", "888***66"),
            ("12345", "*****"),
            ("", ""),
        ] {
            assert_eq!(mask_phone(phone), masked, "{phone}");
        }
    }

    fn profile(name: &str) -> VolunteerProfile {
        VolunteerProfile {
            name: name.into(),
            ..VolunteerProfile::default()
        }
    }

    #[test]
    fn profiles_are_validated() {
        let cases: Vec<(VolunteerProfile, Result<(), DomainError>)> = vec![
            (profile("王小明"), Ok(())),
            (profile("  "), Err(DomainError::Required(Field::Name))),
            (
                profile(&"名".repeat(21)),
                Err(DomainError::TooLong {
                    field: Field::Name,
                    max: NAME_MAX,
                }),
            ),
            (
                VolunteerProfile {
                    phone: "12".into(),
                    ..profile("王小明")
                },
                Err(DomainError::InvalidPhone),
            ),
            (
                VolunteerProfile {
                    skills: vec!["".into()],
                    ..profile("王小明")
                },
                Err(DomainError::Required(Field::Skills)),
            ),
            (
                VolunteerProfile {
                    skills: vec!["x".into(); 13],
                    ..profile("王小明")
                },
                Err(DomainError::TooMany {
                    field: Field::Skills,
                    max: SKILLS_MAX,
                }),
            ),
        ];
        for (profile, expected) in cases {
            assert_eq!(profile.validate(), expected, "{profile:?}");
        }
    }
}
