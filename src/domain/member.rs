//! Members: volunteers (志愿者); units (单位) are in [`crate::domain::unit`]. Includes the
//! masking that every public list uses: masked names (王*明) and masked phones
//! (138****1234).

use serde::{Deserialize, Serialize};

use super::error::{DomainError, Field};
use super::id::{Timestamp, UnitId, VolunteerId};

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

pub const NAME_MAX: usize = 20;
pub const SHORT_TEXT_MAX: usize = 30;
pub const SKILLS_MAX: usize = 12;

impl VolunteerProfile {
    /// Refuses empty names, over-long texts and phone numbers that are not phone numbers.
    pub fn validate(&self) -> Result<(), DomainError> {
        require(Field::Name, &self.name)?;
        limit(Field::Name, &self.name, NAME_MAX)?;
        limit(Field::Number, &self.number, SHORT_TEXT_MAX)?;
        limit(Field::Grid, &self.grid, SHORT_TEXT_MAX)?;
        limit(Field::Building, &self.building, SHORT_TEXT_MAX)?;
        if !self.phone.is_empty() && !is_phone(&self.phone) {
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

/// A text that must not be blank.
pub fn require(field: Field, text: &str) -> Result<(), DomainError> {
    if text.trim().is_empty() {
        Err(DomainError::Required(field))
    } else {
        Ok(())
    }
}

/// A text of at most `max` characters (not bytes: Chinese characters count once).
pub fn limit(field: Field, text: &str, max: usize) -> Result<(), DomainError> {
    if text.chars().count() > max {
        Err(DomainError::TooLong { field, max })
    } else {
        Ok(())
    }
}

/// A mainland mobile number (11 digits, starting with 1) or a landline with an optional
/// area code and hyphen (7–13 characters).
pub fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let only_digits_and_hyphen = text.chars().all(|c| c.is_ascii_digit() || c == '-');
    let mobile = digits == 11 && text.len() == 11 && text.starts_with('1');
    let landline = !text.starts_with('1') && (7..=12).contains(&digits) && text.len() <= 13;
    only_digits_and_hyphen && (mobile || landline)
}

/// A registered volunteer, as derived from the events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volunteer {
    pub id: VolunteerId,
    pub profile: VolunteerProfile,
    pub joined: Timestamp,
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

    #[test]
    fn phone_numbers_are_checked() {
        for ok in ["13812341234", "029-88886666", "88886666"] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in ["1381234123", "138123412345", "23812341234x", "电话", "12-3"] {
            assert!(!is_phone(bad), "{bad}");
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
