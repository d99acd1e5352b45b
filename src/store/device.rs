//! This device's place in a community: which community (`{ns}/community`) and the
//! device's own key (`{ns}/device`).
//!
//! A volunteer's phone or a merchant's counter keeps its key as it is: whoever holds
//! the phone acts as its volunteer, as with any app that stays signed in. An organizer
//! device keeps its key wrapped by the PIN: the 32 secret bytes are XORed with 32 bytes
//! derived from the PIN and a fresh salt (PBKDF2-HMAC-SHA256, [`pin::ROUNDS`]), and the
//! public key, kept beside them, tells a right PIN from a wrong one. Without the PIN the
//! device cannot sign an organizer's event at all.

use serde::{Deserialize, Serialize};

use super::seal::Signer;
use super::{Backend, StoreError};
use crate::domain::pin;
use crate::domain::trust::{CommunityId, DeviceKey};

/// The community this device belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Community {
    pub id: CommunityId,
    /// Its name, as the founding or the join code gave it.
    #[serde(default)]
    pub name: String,
    /// The live sync address (a y-sweet server), if the community has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<String>,
    /// The token for the community's log on that server, if it asks for one: what an
    /// invitation hands on (a volunteer's rights: that one document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_token: Option<String>,
    /// The token for the organizer-only log: kept on an organizer device, never put
    /// in an invitation. Without it the personal details travel by file only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_token: Option<String>,
}

/// An invitation to join a community (加入社区): what a join code or link carries.
/// As text (`code`): the community's id in hex, then its name, the sync address and the
/// sync token, each as hex of UTF-8, joined by dots, so it survives any chat app and
/// any URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub community: CommunityId,
    pub name: String,
    pub sync: Option<String>,
    pub sync_token: Option<String>,
}

impl Invitation {
    pub fn of(community: &Community) -> Invitation {
        Invitation {
            community: community.id,
            name: community.name.clone(),
            sync: community.sync.clone(),
            sync_token: community.sync.as_ref().and(community.sync_token.clone()),
        }
    }

    /// Whether, for a device that belongs to its community already, this invitation
    /// brings another sync address or token (a newer invitation: a token that expired
    /// is renewed this way). One without a sync address takes none away.
    pub fn renews(&self, held: &Community) -> bool {
        held.id == self.community
            && self.sync.is_some()
            && (held.sync != self.sync || held.sync_token != self.sync_token)
    }

    pub fn code(&self) -> String {
        let mut code = format!("{}.{}", self.community, pin::hex(self.name.as_bytes()));
        if let Some(sync) = &self.sync {
            code.push('.');
            code.push_str(&pin::hex(sync.as_bytes()));
            if let Some(token) = &self.sync_token {
                code.push('.');
                code.push_str(&pin::hex(token.as_bytes()));
            }
        }
        code
    }

    /// Reads a code, or a link or text that ends with one (`…#/join/<code>`).
    pub fn parse(text: &str) -> Option<Invitation> {
        let code = text.trim().rsplit('/').next()?.trim();
        let mut parts = code.split('.');
        let community = parts.next()?.parse().ok()?;
        let text_of = |hex: &str| -> Option<String> {
            if !hex.len().is_multiple_of(2) || !hex.is_ascii() {
                return None;
            }
            let bytes: Option<Vec<u8>> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
                .collect();
            String::from_utf8(bytes?).ok()
        };
        let name = text_of(parts.next()?)?;
        let sync = match parts.next() {
            Some(hex) => Some(text_of(hex)?),
            None => None,
        };
        let sync_token = match parts.next() {
            Some(hex) => Some(text_of(hex)?),
            None => None,
        };
        if parts.next().is_some() || name.chars().count() > crate::domain::trust::COMMUNITY_NAME_MAX
        {
            return None;
        }
        Some(Invitation {
            community,
            name,
            sync,
            sync_token,
        })
    }

    pub fn community(&self) -> Community {
        Community {
            id: self.community,
            name: self.name.clone(),
            sync: self.sync.clone(),
            sync_token: self.sync_token.clone(),
            private_token: None,
        }
    }
}

/// This device's key, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRecord {
    pub key: DeviceKey,
    pub secret: Secret,
}

/// The secret half of the key.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Secret {
    /// As it is (a volunteer's phone, a merchant's counter).
    Plain { seed: String },
    /// XORed with a key derived from the PIN (an organizer device).
    Wrapped {
        salt: String,
        rounds: u32,
        sealed: String,
    },
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Secret::Plain { .. } => "Plain",
            Secret::Wrapped { .. } => "Wrapped",
        })
    }
}

fn xor(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (o, (x, y)) in out.iter_mut().zip(a.iter().zip(b)) {
        *o = x ^ y;
    }
    out
}

fn unhex(text: &str) -> Option<[u8; 32]> {
    text.parse::<DeviceKey>().ok().map(|k| k.0)
}

impl DeviceRecord {
    /// A key kept as it is.
    pub fn plain(signer: &Signer) -> DeviceRecord {
        DeviceRecord {
            key: signer.public(),
            secret: Secret::Plain {
                seed: pin::hex(&signer.seed()),
            },
        }
    }

    /// A key wrapped by `pin`, with `salt` (random bytes from the caller).
    pub fn wrapped(signer: &Signer, pin: &str, salt: &[u8], rounds: u32) -> DeviceRecord {
        let salt = pin::hex(salt);
        let pad = pin::derive_key(pin, &salt, rounds);
        DeviceRecord {
            key: signer.public(),
            secret: Secret::Wrapped {
                sealed: pin::hex(&xor(&signer.seed(), &pad)),
                salt,
                rounds,
            },
        }
    }

    /// Whether the PIN is needed to use the key.
    pub fn is_wrapped(&self) -> bool {
        matches!(self.secret, Secret::Wrapped { .. })
    }

    /// The key, ready to sign: as it is, or unwrapped by `pin`. `None` for a wrong PIN
    /// (or a damaged record).
    pub fn open(&self, pin: Option<&str>) -> Option<Signer> {
        let seed = match (&self.secret, pin) {
            (Secret::Plain { seed }, _) => unhex(seed)?,
            (
                Secret::Wrapped {
                    salt,
                    rounds,
                    sealed,
                },
                Some(pin),
            ) => xor(&unhex(sealed)?, &pin::derive_key(pin, salt, *rounds)),
            (Secret::Wrapped { .. }, None) => return None,
        };
        let signer = Signer::from_seed(seed);
        (signer.public() == self.key).then_some(signer)
    }
}

pub fn community_key(ns: &str) -> String {
    format!("{ns}/community")
}

pub fn device_key(ns: &str) -> String {
    format!("{ns}/device")
}

/// A record read from storage: absent, readable, or there but unreadable (then it is
/// reported and never written over).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored<T> {
    Absent,
    Found(T),
    Unreadable(String),
}

impl<T> Stored<T> {
    pub fn found(&self) -> Option<&T> {
        match self {
            Stored::Found(value) => Some(value),
            _ => None,
        }
    }
}

pub fn read<T: serde::de::DeserializeOwned>(backend: &impl Backend, key: &str) -> Stored<T> {
    match backend.get(key) {
        Ok(None) => Stored::Absent,
        Ok(Some(text)) => match serde_json::from_str(&text) {
            Ok(value) => Stored::Found(value),
            Err(e) => Stored::Unreadable(e.to_string()),
        },
        Err(e) => Stored::Unreadable(e.to_string()),
    }
}

pub fn write<T: Serialize>(backend: &impl Backend, key: &str, value: &T) -> Result<(), StoreError> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::Failed(e.to_string()))?;
    backend.set(key, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_round_trip_through_codes_and_links() {
        let invitation = Invitation {
            community: CommunityId([0xab; 16]),
            name: "幸福社区".into(),
            sync: Some("wss://sync.example.org".into()),
            sync_token: Some("AAIx.token-_".into()),
        };
        let code = invitation.code();
        assert!(code.is_ascii());
        assert_eq!(Invitation::parse(&code), Some(invitation.clone()));
        let link = format!("https://linli.example.org/#/join/{code}");
        assert_eq!(Invitation::parse(&link), Some(invitation.clone()));
        let no_token = Invitation {
            sync_token: None,
            ..invitation.clone()
        };
        assert_eq!(Invitation::parse(&no_token.code()), Some(no_token));
        let no_sync = Invitation {
            sync: None,
            sync_token: None,
            ..invitation
        };
        assert_eq!(Invitation::parse(&no_sync.code()), Some(no_sync));
        for bad in ["", "abc", "ab.cd", &"ab".repeat(16), "zz.e5b9b8"] {
            assert_eq!(Invitation::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_newer_invitation_renews_a_members_sync_and_never_takes_it_away() {
        let held = Community {
            id: CommunityId([0xab; 16]),
            name: "幸福社区".into(),
            sync: Some("wss://sync.example.org".into()),
            sync_token: Some("old".into()),
            private_token: Some("private".into()),
        };
        let same = Invitation::of(&held);
        assert!(
            !same.renews(&held),
            "the same invitation again changes nothing"
        );
        let new_token = Invitation {
            sync_token: Some("new".into()),
            ..same.clone()
        };
        assert!(new_token.renews(&held));
        let new_server = Invitation {
            sync: Some("wss://other.example.org".into()),
            ..same.clone()
        };
        assert!(new_server.renews(&held));
        let no_sync = Invitation {
            sync: None,
            sync_token: None,
            ..same.clone()
        };
        assert!(
            !no_sync.renews(&held),
            "an old invitation takes no sync away"
        );
        let elsewhere = Invitation {
            community: CommunityId([0xcd; 16]),
            ..new_token
        };
        assert!(
            !elsewhere.renews(&held),
            "another community's is no renewal"
        );
    }

    #[test]
    fn a_wrapped_key_opens_with_its_pin_only() {
        let signer = Signer::from_seed([7; 32]);
        let record = DeviceRecord::wrapped(&signer, "2468", b"salt-bytes", 10);
        assert!(record.is_wrapped());
        assert_eq!(
            record.open(Some("2468")).map(|s| s.public()),
            Some(signer.public())
        );
        assert!(record.open(Some("2469")).is_none());
        assert!(record.open(None).is_none());
        let text = serde_json::to_string(&record).unwrap();
        assert!(
            !text.contains(&pin::hex(&signer.seed())),
            "the seed is not stored as it is"
        );
        let plain = DeviceRecord::plain(&signer);
        assert_eq!(plain.open(None).map(|s| s.public()), Some(signer.public()));
    }
}
