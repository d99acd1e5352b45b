//! Sealed segments (format 3): a replica's events, signed by the device that wrote them.
//!
//! ```text
//! "3:" + pack(signature(64)  fingerprint(4)  nonce(4)  payload)
//! payload   = first sequence number (0: rows carry ids), then tables and rows as in
//!             format 2 (see `compact`)
//! signature = Ed25519 over "linli-seal-3" · log · community(16) · replica(8) ·
//!             segment index(4) · nonce(4) · payload
//! replica   = the first 48 bits of SHA-256("linli-replica" · key · nonce)
//! ```
//!
//! A replica's id is made from its writer's key and a random nonce, so no device can
//! write under another's replica ids: a forged event can never take the name of an
//! event its owner has yet to write.
//!
//! A session rewrites its open segment at every write, so a segment carries one
//! signature however many events it holds: the stress dataset's 2,937 segments (public
//! and organizer-only) take 188 kB of signatures where one per event would take 14.6 MB. The signature names the
//! community, the log (public or organizer-only), the replica and the segment's place,
//! so a sealed segment cannot be replayed into another community, another log or
//! another place. The fingerprint says which key to try; the key itself is named by a
//! trust action (the founding, an enrolment, a binding request) somewhere in the log.
//! A segment whose signature does not verify is still read, to show what it holds, but
//! none of its events counts.

use std::fmt;

use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use super::compact::{self, pack};
use super::segment::{CodecError, DecodedSegment};
use crate::domain::trust::{CommunityId, DeviceKey, Fingerprint};
use crate::domain::{Event, ReplicaId};

/// The text every sealed segment starts with.
pub const PREFIX: &str = "3:";
const CONTEXT: &[u8] = b"linli-seal-3";

/// Which log a sealed segment belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Log {
    /// The community's log, which every device holds.
    Public,
    /// Personal details, held by organizer devices only.
    Private,
}

impl Log {
    fn tag(self) -> u8 {
        match self {
            Log::Public => b'S',
            Log::Private => b'P',
        }
    }

    /// The part of a storage key that names the log.
    pub fn dir(self) -> &'static str {
        match self {
            Log::Public => "s",
            Log::Private => "p",
        }
    }
}

/// Where a sealed segment lives: `{ns}/s/{replica}/{index}` or `{ns}/p/…`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SealKey {
    pub log: Log,
    pub replica: ReplicaId,
    pub index: u32,
}

impl SealKey {
    pub fn to_key(self, ns: &str) -> String {
        format!("{ns}/{}/{}/{}", self.log.dir(), self.replica, self.index)
    }

    /// Parses a sealed segment's key within `ns`; `None` for any other key, and for a
    /// key not written the way [`SealKey::to_key`] writes it (`…/02` or `…/+2` for
    /// `…/2`): one place has one name, so a renamed copy is never taken for it.
    pub fn parse(ns: &str, key: &str) -> Option<SealKey> {
        let parsed = Self::parse_loose(ns, key)?;
        (parsed.to_key(ns) == key).then_some(parsed)
    }

    fn parse_loose(ns: &str, key: &str) -> Option<SealKey> {
        let rest = key.strip_prefix(ns)?.strip_prefix('/')?;
        let (dir, rest) = rest.split_once('/')?;
        let log = match dir {
            "s" => Log::Public,
            "p" => Log::Private,
            _ => return None,
        };
        let (replica, index) = rest.split_once('/')?;
        Some(SealKey {
            log,
            replica: replica.parse().ok()?,
            index: index.parse().ok()?,
        })
    }
}

/// A device's secret key, which signs what the device writes.
#[derive(Clone)]
pub struct Signer(SigningKey);

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signer({})", self.public().short())
    }
}

impl Signer {
    pub fn from_seed(seed: [u8; 32]) -> Signer {
        Signer(SigningKey::from_bytes(&seed))
    }

    /// A new key from the system's random source; `None` without one (a key must
    /// never be guessable).
    pub fn generate() -> Option<Signer> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).ok()?;
        Some(Signer::from_seed(seed))
    }

    pub fn public(&self) -> DeviceKey {
        DeviceKey(self.0.verifying_key().to_bytes())
    }

    /// The secret itself, to keep (wrapped by the PIN on an organizer device).
    pub fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }
}

/// The replica id a key writes under with `nonce`: 48 bits, as random ids were.
pub fn derive_replica(key: &DeviceKey, nonce: u32) -> ReplicaId {
    let mut hash = Sha256::new();
    hash.update(b"linli-replica");
    hash.update(key.0);
    hash.update(nonce.to_le_bytes());
    let digest = hash.finalize();
    let mut bytes = [0u8; 8];
    bytes[..6].copy_from_slice(&digest[..6]);
    ReplicaId(u64::from_le_bytes(bytes))
}

fn message(community: CommunityId, key: SealKey, nonce: u32, payload: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(CONTEXT.len() + 33 + payload.len());
    message.extend_from_slice(CONTEXT);
    message.push(key.log.tag());
    message.extend_from_slice(&community.0);
    message.extend_from_slice(&key.replica.0.to_le_bytes());
    message.extend_from_slice(&key.index.to_le_bytes());
    message.extend_from_slice(&nonce.to_le_bytes());
    message.extend_from_slice(payload);
    message
}

/// Encodes and signs a segment of `events`, to be stored under `key`, whose replica is
/// the signer's with `nonce` (see [`derive_replica`]).
pub fn seal(
    signer: &Signer,
    community: CommunityId,
    key: SealKey,
    nonce: u32,
    events: &[Event],
) -> Result<String, CodecError> {
    let payload = compact::sealed_payload(key.replica, events)
        .map_err(|e| CodecError::Malformed(e.to_string()))?;
    let signature = signer.0.sign(&message(community, key, nonce, &payload));
    let mut bytes = Vec::with_capacity(72 + payload.len());
    bytes.extend_from_slice(&signature.to_bytes());
    bytes.extend_from_slice(&signer.public().fingerprint());
    bytes.extend_from_slice(&nonce.to_le_bytes());
    bytes.extend_from_slice(&payload);
    Ok(format!("{PREFIX}{}", pack::pack(&bytes)))
}

/// A sealed segment, read but not yet verified.
#[derive(Debug)]
pub struct Unverified {
    signature: [u8; 64],
    pub fingerprint: Fingerprint,
    nonce: u32,
    payload: Vec<u8>,
    pub decoded: DecodedSegment,
}

/// Reads the text after [`PREFIX`] of a sealed segment stored under `key`.
pub fn read(key: SealKey, packed: &str) -> Result<Unverified, CodecError> {
    let malformed = |reason: &str| CodecError::Malformed(reason.to_owned());
    let mut bytes =
        pack::unpack(packed).ok_or_else(|| malformed("a character outside the compact range"))?;
    if bytes.len() < 72 {
        return Err(malformed("too short"));
    }
    let mut signature = [0u8; 64];
    signature.copy_from_slice(&bytes[..64]);
    let fingerprint = [bytes[64], bytes[65], bytes[66], bytes[67]];
    let nonce = u32::from_le_bytes([bytes[68], bytes[69], bytes[70], bytes[71]]);
    let mut payload = bytes.split_off(72);
    let (decoded, used) = compact::read_sealed_payload(key.replica, &payload)?;
    payload.truncate(used);
    // Packing leaves spare bits in the last character: the text must be exactly what
    // packing the signed bytes gives, or two texts would carry one signature.
    bytes.truncate(72);
    bytes.extend_from_slice(&payload);
    if pack::pack(&bytes) != packed {
        return Err(malformed("characters left over after the rows"));
    }
    Ok(Unverified {
        signature,
        fingerprint,
        nonce,
        payload,
        decoded,
    })
}

impl Unverified {
    /// Whether `signer` signed this segment as stored under `key` in `community`, in
    /// one of its own replicas.
    pub fn verify(&self, community: CommunityId, key: SealKey, signer: &DeviceKey) -> bool {
        if signer.fingerprint() != self.fingerprint
            || derive_replica(signer, self.nonce) != key.replica
        {
            return false;
        }
        let Ok(public) = VerifyingKey::from_bytes(&signer.0) else {
            return false;
        };
        let signature = Signature::from_bytes(&self.signature);
        public
            .verify(
                &message(community, key, self.nonce, &self.payload),
                &signature,
            )
            .is_ok()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_key_has_one_name() {
        let key = SealKey {
            log: Log::Public,
            replica: ReplicaId(0xf981_bbfc_c81b),
            index: 2,
        };
        assert_eq!(SealKey::parse("linli", &key.to_key("linli")), Some(key));
        for other in [
            "linli/s/f981bbfcc81b/02",
            "linli/s/f981bbfcc81b/+2",
            "linli/s/F981BBFCC81B/2",
            "linli/s/0f981bbfcc81b/2",
        ] {
            assert_eq!(SealKey::parse("linli", other), None, "{other}");
        }
    }
    use super::*;
    use crate::domain::{Action, EventId, Points, Timestamp, VolunteerId};

    fn award(replica: ReplicaId, seq: u32) -> Event {
        Event {
            id: EventId::new(replica, seq),
            at: Timestamp(1_795_222_800_000 + u64::from(seq) * 60_000),
            action: Action::AwardPoints {
                volunteer: VolunteerId(EventId::new(ReplicaId(7), 1)),
                points: Points::whole(5),
                reason: "巡逻".into(),
            },
        }
    }

    const NONCE: u32 = 77;

    fn signer() -> Signer {
        Signer::from_seed([9; 32])
    }

    fn replica() -> ReplicaId {
        derive_replica(&signer().public(), NONCE)
    }

    fn key(index: u32) -> SealKey {
        SealKey {
            log: Log::Public,
            replica: replica(),
            index,
        }
    }

    #[test]
    fn a_sealed_segment_verifies_only_where_it_was_sealed() {
        let signer = signer();
        let community = CommunityId([1; 16]);
        let events: Vec<Event> = (1..=30).map(|seq| award(replica(), seq)).collect();
        for count in [0, 1, 7, 30] {
            let text = seal(&signer, community, key(0), NONCE, &events[..count]).unwrap();
            let read = read(key(0), &text[PREFIX.len()..]).unwrap();
            assert_eq!(read.decoded.events, events[..count]);
            assert!(read.verify(community, key(0), &signer.public()), "{count}");
            assert!(!read.verify(CommunityId([2; 16]), key(0), &signer.public()));
            assert!(!read.verify(community, key(1), &signer.public()));
            let private = SealKey {
                log: Log::Private,
                ..key(0)
            };
            assert!(!read.verify(community, private, &signer.public()));
            let other = Signer::from_seed([8; 32]);
            assert!(!read.verify(community, key(0), &other.public()));
        }
    }

    #[test]
    fn no_key_can_seal_under_another_keys_replica() {
        let thief = Signer::from_seed([8; 32]);
        let community = CommunityId([1; 16]);
        // The thief signs events named after the honest signer's replica.
        let events: Vec<Event> = (1..=3).map(|seq| award(replica(), seq)).collect();
        for nonce in [NONCE, 0, 1] {
            let text = seal(&thief, community, key(0), nonce, &events).unwrap();
            let read = read(key(0), &text[PREFIX.len()..]).unwrap();
            assert!(!read.verify(community, key(0), &thief.public()));
            assert!(!read.verify(community, key(0), &signer().public()));
        }
    }

    #[test]
    fn own_consecutive_events_carry_no_ids_and_others_do() {
        let signer = signer();
        let community = CommunityId([1; 16]);
        let own: Vec<Event> = (1..=100).map(|seq| award(replica(), seq)).collect();
        let mixed: Vec<Event> = (1..=100)
            .map(|seq| {
                award(
                    if seq % 2 == 0 {
                        replica()
                    } else {
                        ReplicaId(0xdef)
                    },
                    seq,
                )
            })
            .collect();
        let own_text = seal(&signer, community, key(0), NONCE, &own).unwrap();
        let mixed_text = seal(&signer, community, key(0), NONCE, &mixed).unwrap();
        assert!(own_text.chars().count() + 50 < mixed_text.chars().count());
        let read = read(key(0), &mixed_text[PREFIX.len()..]).unwrap();
        assert_eq!(read.decoded.events, mixed);
        assert!(read.verify(community, key(0), &signer.public()));
    }

    #[test]
    fn any_changed_character_breaks_the_seal() {
        let signer = signer();
        let community = CommunityId([1; 16]);
        let events: Vec<Event> = (1..=20).map(|seq| award(replica(), seq)).collect();
        let text = seal(&signer, community, key(0), NONCE, &events).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for at in PREFIX.len()..chars.len() {
            let mut changed = chars.clone();
            changed[at] = if changed[at] == 'A' { 'B' } else { 'A' };
            let changed: String = changed.into_iter().collect();
            if let Ok(read) = read(key(0), &changed[PREFIX.len()..]) {
                assert!(
                    !read.verify(community, key(0), &signer.public()),
                    "a change at {at} went unnoticed"
                );
            }
        }
    }

    #[test]
    fn seal_keys_parse_within_their_namespace() {
        let key = SealKey {
            log: Log::Private,
            replica: ReplicaId(0xbeef),
            index: 2,
        };
        assert_eq!(key.to_key("linli"), "linli/p/beef/2");
        assert_eq!(SealKey::parse("linli", "linli/p/beef/2"), Some(key));
        assert_eq!(SealKey::parse("linli", "linli/log/beef/2"), None);
        assert_eq!(SealKey::parse("linl", "linli/p/beef/2"), None);
        assert_eq!(SealKey::parse("linli", "linli/x/beef/2"), None);
    }
}
