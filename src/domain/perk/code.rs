//! Voucher codes: eight characters a merchant can read off a phone or hear over a
//! counter, such as `7KQM-X3TD`.
//!
//! The code is derived from the redemption event's id, so every device that holds the
//! event shows the same code without coordination, offline. The alphabet leaves out
//! 0/O, 1/I/L, which look alike. Eight characters from 31 give about 8.5 × 10¹¹ codes.
//!
//! Two redemptions may still draw the same code. The fold then decides, in the events'
//! total order: the earlier voucher keeps it, and the later one draws again with the
//! next attempt number until its code is unused. Every device folds in the same order,
//! so all agree. (An earlier redemption arriving by a later merge can move a code that
//! was already shown: for a street's 5,000 vouchers that chance is about 1 in 70,000.)
//!
//! A code names a voucher; it is not a secret. Anyone with the data can see it, so the
//! merchant checks the holder and the perk that verification shows.

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::domain::id::EventId;

/// The characters of a code: digits and capital letters that cannot be mistaken for
/// one another.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A voucher's code, eight characters of [`ALPHABET`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VoucherCode([u8; VoucherCode::LEN]);

impl VoucherCode {
    pub const LEN: usize = 8;

    /// The code that attempt number `attempt` draws for the redemption `redemption`:
    /// the first 64 bits of SHA-256 over a fixed label, the id and the attempt number,
    /// written in base 31. The same input gives the same code on every device and in
    /// every version.
    pub fn derive(redemption: EventId, attempt: u32) -> VoucherCode {
        let mut hasher = Sha256::new();
        hasher.update(b"linli/voucher/");
        hasher.update(redemption.replica.0.to_be_bytes());
        hasher.update(redemption.seq.to_be_bytes());
        hasher.update(attempt.to_be_bytes());
        let digest = hasher.finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        let mut n = u64::from_be_bytes(first);
        let base = ALPHABET.len() as u64;
        let mut code = [0u8; Self::LEN];
        for c in code.iter_mut() {
            let digit = usize::try_from(n % base).unwrap_or(0);
            *c = ALPHABET[digit];
            n /= base;
        }
        VoucherCode(code)
    }

    /// The eight characters without a separator, as a QR code or a search holds them.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Reads a code as a person types or a scanner reads it: letters in either case,
    /// with spaces or hyphens anywhere. `None` when it is not eight characters of the
    /// alphabet.
    pub fn parse(text: &str) -> Option<VoucherCode> {
        let mut code = [0u8; Self::LEN];
        let mut n = 0;
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let c = u8::try_from(c.to_ascii_uppercase()).ok()?;
            if !ALPHABET.contains(&c) || n == Self::LEN {
                return None;
            }
            code[n] = c;
            n += 1;
        }
        (n == Self::LEN).then_some(VoucherCode(code))
    }
}

impl fmt::Display for VoucherCode {
    /// `7KQM-X3TD`: two groups of four, easier to read out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.as_str();
        let (head, tail) = text.split_at(text.len() / 2);
        write!(f, "{head}-{tail}")
    }
}

impl fmt::Debug for VoucherCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VoucherCode({self})")
    }
}

/// Text that is not a voucher code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a voucher code")]
pub struct VoucherCodeError(pub String);

impl FromStr for VoucherCode {
    type Err = VoucherCodeError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        VoucherCode::parse(text).ok_or_else(|| VoucherCodeError(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::ReplicaId;

    #[test]
    fn codes_are_eight_characters_of_the_alphabet_and_read_back() {
        for seq in 1..200 {
            let code = VoucherCode::derive(EventId::new(ReplicaId(0xbeef), seq), 0);
            assert_eq!(code.as_str().len(), 8);
            assert!(code.as_str().bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(VoucherCode::parse(&code.to_string()), Some(code));
            let typed = code.as_str().to_lowercase();
            assert_eq!(VoucherCode::parse(&format!(" {typed} ")), Some(code));
        }
    }

    #[test]
    fn codes_depend_on_the_id_and_the_attempt() {
        let id = EventId::new(ReplicaId(7), 3);
        assert_eq!(VoucherCode::derive(id, 0), VoucherCode::derive(id, 0));
        assert_ne!(VoucherCode::derive(id, 0), VoucherCode::derive(id, 1));
        assert_ne!(
            VoucherCode::derive(id, 0),
            VoucherCode::derive(EventId::new(ReplicaId(7), 4), 0)
        );
    }

    #[test]
    fn malformed_codes_are_refused() {
        for text in [
            "",
            "ABCD",
            "ABCD-EFGH-J",
            "ABCD-EFG0",
            "ABCDEFGI",
            "ABCD EFG",
            "码码码码码码码码",
        ] {
            assert_eq!(VoucherCode::parse(text), None, "{text}");
        }
        assert!(VoucherCode::parse("abcd-efgh").is_some());
    }
}
