//! The rules every text in the domain follows, whatever area it belongs to: a required
//! text is not blank, a length is counted in characters (a Chinese character counts
//! once), a reason is required and at most [`REASON_MAX`] long, and a phone number looks
//! like one. A leaf: it imports only the error it reports.

use super::error::{DomainError, Field};

/// A person's name (a volunteer's, a unit's contact).
pub const NAME_MAX: usize = 20;
/// A short text: a number, a grid, a building, a skill.
pub const SHORT_TEXT_MAX: usize = 30;
/// A reason given for a correction, a cancellation or a refusal.
pub const REASON_MAX: usize = 200;

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

/// A reason: required, and at most [`REASON_MAX`] characters.
pub fn reason_text(reason: &str) -> Result<(), DomainError> {
    require(Field::Reason, reason)?;
    limit(Field::Reason, reason, REASON_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_checked() {
        for ok in ["13812341234", "029-88886666", "88886666"] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in ["1381234123", "138123412345", "23812341234x", "电话", "12-3"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        assert_eq!(limit(Field::Name, &"名".repeat(NAME_MAX), NAME_MAX), Ok(()));
        assert_eq!(
            limit(Field::Name, &"名".repeat(NAME_MAX + 1), NAME_MAX),
            Err(DomainError::TooLong {
                field: Field::Name,
                max: NAME_MAX
            })
        );
        assert_eq!(
            reason_text(" \t"),
            Err(DomainError::Required(Field::Reason))
        );
    }
}
