//! The organizer PIN: kept only as a salted, slow hash (PBKDF2-HMAC-SHA256), with a
//! back-off after repeated wrong tries. The PIN lives in the device's own preferences,
//! never in the event log, so no imported file can change it or grant organizer rights.

use serde::{Deserialize, Serialize};

/// Rounds for new PINs: about a fifth of a second in the browser.
pub const ROUNDS: u32 = 60_000;
/// Wrong tries allowed before the first wait.
pub const FREE_TRIES: u32 = 5;

/// A PIN as stored: salt, rounds and the derived key, all needed to check a PIN later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: String,
    pub rounds: u32,
    pub hash: String,
}

/// Why a PIN cannot be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is 4 to 8 digits")]
    Format,
    #[error("the two PINs differ")]
    Mismatch,
}

/// A PIN is 4 to 8 digits.
pub fn valid_pin(pin: &str) -> Result<(), PinError> {
    if (4..=8).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PinError::Format)
    }
}

impl PinHash {
    /// Hashes `pin` with `salt` (random bytes from the caller) and `rounds`.
    pub fn new(pin: &str, salt: &[u8], rounds: u32) -> PinHash {
        let salt = hex(salt);
        let hash = derive(pin, &salt, rounds);
        PinHash { salt, rounds, hash }
    }

    /// Whether `pin` is the one this hash was made from. Compares in constant time.
    pub fn verify(&self, pin: &str) -> bool {
        let candidate = derive(pin, &self.salt, self.rounds.max(1));
        candidate.len() == self.hash.len()
            && candidate
                .bytes()
                .zip(self.hash.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

fn derive(pin: &str, salt: &str, rounds: u32) -> String {
    hex(&derive_key(pin, salt, rounds))
}

/// 32 bytes derived from the PIN and a salt (PBKDF2-HMAC-SHA256): slow on purpose, so
/// every guess costs as much as a real unlock.
pub fn derive_key(pin: &str, salt: &str, rounds: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pin.as_bytes(), salt.as_bytes(), rounds.max(1), &mut key);
    key
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// How long to wait, in milliseconds, after `failures` wrong tries in a row: nothing for
/// the first few, then 30 s doubling up to an hour.
pub fn lockout_ms(failures: u32) -> u64 {
    match failures.checked_sub(FREE_TRIES) {
        None => 0,
        Some(extra) => (30_000u64 << extra.min(10)).min(3_600_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_verifies_only_against_itself() {
        let stored = PinHash::new("2468", b"0123456789abcdef", 10);
        assert!(stored.verify("2468"));
        assert!(!stored.verify("2469"));
        assert!(!stored.verify(""));
        assert_ne!(stored.hash, "2468");
    }

    #[test]
    fn the_same_pin_with_another_salt_hashes_differently() {
        let a = PinHash::new("2468", b"salt-a", 10);
        let b = PinHash::new("2468", b"salt-b", 10);
        assert_ne!(a.hash, b.hash);
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        for ok in ["1234", "12345678"] {
            assert_eq!(valid_pin(ok), Ok(()));
        }
        for bad in ["123", "123456789", "12a4", "", "１２３４"] {
            assert_eq!(valid_pin(bad), Err(PinError::Format), "{bad}");
        }
    }

    #[test]
    fn wrong_tries_back_off() {
        for (failures, wait) in [
            (0, 0),
            (4, 0),
            (5, 30_000),
            (6, 60_000),
            (8, 240_000),
            (12, 3_600_000),
            (u32::MAX, 3_600_000),
        ] {
            assert_eq!(lockout_ms(failures), wait, "{failures}");
        }
    }
}
