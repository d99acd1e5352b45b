//! Identities and time stamps.
//!
//! Every event is named by the replica that wrote it (one app session in one tab) and a
//! sequence number within that replica. The pair is unique without coordination and
//! costs a few bytes, where a random 128-bit id would cost sixteen incompressible ones.
//! Entities (a volunteer, an activity…) are named by the id of the event that created
//! them, so no separate id scheme is needed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One writer of events: a single app session in a single tab. Chosen at random when
/// the session first writes, so two tabs of one browser never share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplicaId(pub u64);

impl fmt::Display for ReplicaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:x}", self.0)
    }
}

impl FromStr for ReplicaId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() || s.len() > 16 {
            return Err(IdError(s.to_owned()));
        }
        u64::from_str_radix(s, 16)
            .map(ReplicaId)
            .map_err(|_| IdError(s.to_owned()))
    }
}

/// The name compact formats see for a replica id: they may keep a table of the
/// replicas a record names and store a short index instead of all 64 bits.
pub const REPLICA_NEWTYPE: &str = "ReplicaId";

/// Text formats (JSON) get the hex string; compact ones a newtype around the number.
impl Serialize for ReplicaId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serializer.serialize_newtype_struct(REPLICA_NEWTYPE, &self.0)
        }
    }
}

impl<'de> Deserialize<'de> for ReplicaId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
            text.parse().map_err(serde::de::Error::custom)
        } else {
            deserializer.deserialize_newtype_struct(REPLICA_NEWTYPE, ReplicaVisitor)
        }
    }
}

struct ReplicaVisitor;

impl<'de> serde::de::Visitor<'de> for ReplicaVisitor {
    type Value = ReplicaId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a replica id")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<ReplicaId, D::Error> {
        u64::deserialize(d).map(ReplicaId)
    }
}

/// Milliseconds since the Unix epoch, as given by a hybrid logical clock: never earlier
/// than the wall clock, and always later than every stamp this replica has seen.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    pub const MINUTE: u64 = 60_000;
    pub const HOUR: u64 = 3_600_000;
    pub const DAY: u64 = 86_400_000;

    /// The stamp `minutes` later.
    pub fn plus_minutes(self, minutes: u64) -> Timestamp {
        Timestamp(self.0.saturating_add(minutes.saturating_mul(Self::MINUTE)))
    }

    /// The stamp `days` whole days (of 24 hours) later.
    pub fn plus_days(self, days: u64) -> Timestamp {
        Timestamp(self.0.saturating_add(days.saturating_mul(Self::DAY)))
    }
}

/// The name of one event: which replica wrote it, and its place in that replica's
/// sequence (starting at 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId {
    pub replica: ReplicaId,
    pub seq: u32,
}

impl EventId {
    pub fn new(replica: ReplicaId, seq: u32) -> Self {
        EventId { replica, seq }
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:x}", self.replica, self.seq)
    }
}

/// A string that is not an id of the form `replica-seq` (both hexadecimal).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a valid id")]
pub struct IdError(pub String);

impl FromStr for EventId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (replica, seq) = s.split_once('-').ok_or_else(|| IdError(s.to_owned()))?;
        let seq = match u32::from_str_radix(seq, 16) {
            Ok(seq) if seq > 0 => seq,
            _ => return Err(IdError(s.to_owned())),
        };
        Ok(EventId {
            replica: replica.parse()?,
            seq,
        })
    }
}

/// Text formats get `"replica-seq"` in hex; compact ones the pair.
impl Serialize for EventId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            (self.replica, self.seq).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for EventId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
            text.parse().map_err(serde::de::Error::custom)
        } else {
            match <(ReplicaId, u32)>::deserialize(deserializer)? {
                (replica, seq) if seq > 0 => Ok(EventId { replica, seq }),
                _ => Err(serde::de::Error::custom("sequence number 0")),
            }
        }
    }
}

/// Declares a typed id for an entity, named by the event that created it.
macro_rules! entity_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub $crate::domain::id::EventId);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::id::IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    };
}

entity_id!(
    /// A volunteer (志愿者), named by the event that registered them.
    VolunteerId
);

entity_id!(
    /// A volunteer activity (志愿活动), named by the event that created it.
    ActivityId
);

entity_id!(
    /// A unit (单位): a dual-registered or co-building unit, a company or a merchant,
    /// named by the event that registered it.
    UnitId
);

entity_id!(
    /// A co-construction project (共建项目), named by the event that created it.
    ProjectId
);

entity_id!(
    /// A courtesy perk (礼遇) of the points shop, named by the event that created it.
    PerkId
);

entity_id!(
    /// A voucher (兑换券), named by the redemption that issued it. Its ledger entry has
    /// the same name.
    VoucherId
);

entity_id!(
    /// A micro-wish (微心愿), named by the event that posted it.
    WishId
);

entity_id!(
    /// An entry of the points ledger, named by the event that made it; a credit for
    /// service is named by the sign-up it pays for instead, so one batch confirmation
    /// can make many credits with distinct names (a sign-up is credited at most once).
    /// A project credit is named the same way, by the participant's first seat or
    /// pledge in the project.
    EntryId
);

/// Who takes part: a volunteer, or a unit (which may take project role slots as well as
/// pledge, and claim wishes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Participant {
    Volunteer(VolunteerId),
    Unit(UnitId),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_round_trip_through_text() {
        for id in [
            EventId::new(ReplicaId(0), 1),
            EventId::new(ReplicaId(u64::MAX), u32::MAX),
            EventId::new(ReplicaId(0xabc), 0x10),
        ] {
            assert_eq!(id.to_string().parse::<EventId>(), Ok(id));
        }
    }

    #[test]
    fn malformed_ids_are_refused() {
        for text in [
            "",
            "-",
            "abc",
            "abc-",
            "-1",
            "abc-0",
            "xyz-1",
            "1-1-1",
            "11112222333344445-1",
            "1-100000000",
        ] {
            assert!(text.parse::<EventId>().is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn ids_serialize_as_strings_so_javascript_keeps_every_bit() {
        let id = EventId::new(ReplicaId(u64::MAX), 7);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"ffffffffffffffff-7\"");
        assert_eq!(serde_json::from_str::<EventId>(&json).unwrap(), id);
    }
}
