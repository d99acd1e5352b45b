//! Keys and the community's identity.
//!
//! A device key is an Ed25519 public key. A community is named by the first 16 bytes
//! of the SHA-256 of its founder's key, so the founding can be checked by anyone who
//! knows the community's id (from the join code): only the holder of that key can
//! write a valid [`crate::domain::Action::FoundCommunity`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

/// Fixed-size bytes shown as lowercase hex in text formats and stored as bytes in the
/// compact one.
macro_rules! hex_bytes {
    ($(#[$doc:meta])* $name:ident, $len:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub [u8; $len]);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({self})", stringify!($name))
            }
        }

        impl FromStr for $name {
            type Err = KeyError;
            fn from_str(text: &str) -> Result<Self, KeyError> {
                let text = text.trim();
                if text.len() != $len * 2 || !text.is_ascii() {
                    return Err(KeyError);
                }
                let mut bytes = [0u8; $len];
                for (i, byte) in bytes.iter_mut().enumerate() {
                    *byte = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).map_err(|_| KeyError)?;
                }
                Ok($name(bytes))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                if serializer.is_human_readable() {
                    serializer.collect_str(self)
                } else {
                    serializer.serialize_bytes(&self.0)
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                if deserializer.is_human_readable() {
                    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                    text.parse().map_err(serde::de::Error::custom)
                } else {
                    deserializer.deserialize_bytes(BytesVisitor::<$len>).map($name)
                }
            }
        }
    };
}

/// Reads exactly `N` bytes from a compact format.
struct BytesVisitor<const N: usize>;

impl<const N: usize> serde::de::Visitor<'_> for BytesVisitor<N> {
    type Value = [u8; N];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{N} bytes")
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<[u8; N], E> {
        <[u8; N]>::try_from(bytes).map_err(|_| E::custom(KeyError))
    }
}

/// Text that is not a key or a community id of the right length in hex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a key")]
pub struct KeyError;

hex_bytes!(
    /// A device's public key (Ed25519). The device keeps the secret half.
    DeviceKey,
    32
);

hex_bytes!(
    /// A community (社区): the first 16 bytes of the SHA-256 of its founder's key.
    CommunityId,
    16
);

/// The first four bytes of a key, stored beside a signature to say which key made it.
pub type Fingerprint = [u8; 4];

impl DeviceKey {
    pub fn fingerprint(&self) -> Fingerprint {
        [self.0[0], self.0[1], self.0[2], self.0[3]]
    }

    /// A short form people can compare by eye on two screens: `3f2a-91c0`.
    pub fn short(&self) -> String {
        format!(
            "{:02x}{:02x}-{:02x}{:02x}",
            self.0[0], self.0[1], self.0[2], self.0[3]
        )
    }
}

impl CommunityId {
    /// The community a founder's key founds.
    pub fn founded_by(key: &DeviceKey) -> CommunityId {
        let digest = Sha256::digest(key.0);
        let mut id = [0u8; 16];
        id.copy_from_slice(&digest[..16]);
        CommunityId(id)
    }
}

/// A short digest of an event's whole content (id, time, action): what a revocation
/// records of each event it accepts, so a changed copy signed later by the same key
/// does not count. The first 8 bytes of SHA-256 over its id, its time and its action's
/// JSON (serde's field order is the declaration order, so the text is the same on
/// every device).
pub fn content_digest(event: &crate::domain::event::Event) -> u64 {
    let mut hash = Sha256::new();
    hash.update(event.id.replica.0.to_le_bytes());
    hash.update(event.id.seq.to_le_bytes());
    hash.update(event.at.0.to_le_bytes());
    hash.update(serde_json::to_vec(&event.action).unwrap_or_default());
    let digest = hash.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_hex_and_reject_anything_else() {
        let key = DeviceKey([0xab; 32]);
        assert_eq!(key.to_string().parse::<DeviceKey>(), Ok(key));
        assert_eq!(serde_json::to_string(&key).unwrap(), format!("\"{key}\""));
        for bad in [
            "",
            "ab",
            &"zz".repeat(32),
            &"ab".repeat(33),
            "é".repeat(32).as_str(),
        ] {
            assert_eq!(bad.parse::<DeviceKey>(), Err(KeyError), "{bad}");
        }
    }

    #[test]
    fn a_community_is_named_by_its_founder() {
        let a = CommunityId::founded_by(&DeviceKey([1; 32]));
        let b = CommunityId::founded_by(&DeviceKey([2; 32]));
        assert_ne!(a, b);
        assert_eq!(a, CommunityId::founded_by(&DeviceKey([1; 32])));
        assert_eq!(DeviceKey([0x3f; 32]).short(), "3f3f-3f3f");
    }
}
