//! How events are written to storage.
//!
//! Each replica (one app session in one tab) writes its events into its own segments,
//! keys `{ns}/log/{replica}/{n}`, each holding up to [`SEGMENT_EVENTS`] events. An
//! append rewrites only the replica's open segment, so its cost does not grow with the
//! log, and no two tabs ever write the same key.
//!
//! Format 3, written since schema 7, is format 2's compact text sealed by the writer's
//! key: see [`super::seal`]. Format 2 (schema 6) is compact text, see [`super::compact`]:
//! about 8 characters an event, where JSON took about 110. Both older formats are read
//! as unsigned events, which count once an organizer adopts them.
//!
//! Format 1, still read, is JSON:
//! `{"v":1,"r":"<replica>","e":[[seq, at, action], …]}`. A row whose first element is a
//! string `"replica-seq"` carries an event another replica wrote (an import). Each row
//! is decoded on its own, so one unreadable event does not hide its neighbours.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub use super::segment::{CodecError, DecodedSegment, SegmentKey, log_prefix};
use super::{StoreError, compact, tagged};
use crate::domain::{Event, EventId, ReplicaId, Timestamp};

/// The newest segment format this build reads and the one it writes (see
/// [`compact`]). Format 1 (JSON) is still read.
pub const FORMAT: u32 = 3;
/// The newest event schema this build understands. Raised whenever an action is added
/// or changed, so an older build that meets newer data stops writing (see `meta`).
///
/// - 1: volunteers, manual awards and deductions, reversals.
/// - 2: activities: create, update, cancel; sign-up, waitlist, cancel sign-up; roles,
///   check-in, check-out, no-shows; confirmation of service, which credits points.
/// - 3: units and unit points; a volunteer's unit; the points policy (expiry); perks:
///   create, update, withdraw; redemption, voucher verification and cancellation.
/// - 4: co-construction projects: create, update, publish, start, complete, archive,
///   cancel; joining roles (with a waitlist and approval), assignment, withdrawal and
///   removal; pledges to needs; progress updates; confirmation of participation, which
///   credits points to volunteers and unit points to units.
/// - 5: micro-wishes: the wish policy; post, update, publish, reject; claim, release,
///   fulfil, confirm (which credits points to the claimant), cancel, close.
/// - 6: no new action: segments are written in format 2 (compact), which a build of
///   schema 5 cannot read; it sees the raised schema and only reads.
/// - 7: trust: the community's founding, device keys (binding requests, enrolment,
///   declines, revocation) and personal details; segments are sealed (format 3, under
///   `{ns}/s/` and `{ns}/p/`, see `seal`); formats 1 and 2 are still read, as events
///   that count once an organizer adopts them.
pub const SCHEMA: u32 = 7;
/// Events per segment before a replica starts a new one.
pub const SEGMENT_EVENTS: usize = 256;

#[derive(Deserialize)]
struct SegmentIn<'a> {
    r: ReplicaId,
    #[serde(borrow)]
    e: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RowIdIn {
    Own(u32),
    Foreign(EventId),
}

#[derive(Deserialize)]
struct RowIn(RowIdIn, Timestamp, serde_json::Value);

/// Encodes the events of one segment written by `replica`, in the newest format.
pub fn encode_segment(replica: ReplicaId, events: &[Event]) -> Result<String, StoreError> {
    compact::encode(replica, events).map_err(|e| StoreError::Failed(e.to_string()))
}

/// The format number a stored text starts with (`2:` …, or 1 for JSON).
pub fn format_of(text: &str) -> Option<u32> {
    if text.starts_with('{') {
        return serde_json::from_str::<Versioned>(text).ok().map(|v| v.v);
    }
    text.split_once(':')
        .and_then(|(v, _)| v.parse::<u32>().ok())
}

/// Decodes a segment stored under `key`, in any format this build has written. A
/// segment that cannot be read at all is an error; one with some unreadable events
/// returns the rest and an error for each.
pub fn decode_segment(key: SegmentKey, text: &str) -> Result<DecodedSegment, CodecError> {
    if is_json(text) {
        return decode_json(key, text);
    }
    decode_compact_segment(key, text)
}

/// Whether a stored text is a format-1 (JSON) segment.
pub fn is_json(text: &str) -> bool {
    text.starts_with('{')
}

/// Decodes a segment of format 2 under a legacy key, as [`decode_segment`] does, without
/// JSON's reader of actions: what opening a store needs (format 1 is only checked then,
/// see [`check_json`], and read when an organizer needs its events).
pub fn decode_compact_segment(key: SegmentKey, text: &str) -> Result<DecodedSegment, CodecError> {
    let version = text
        .split_once(':')
        .and_then(|(v, _)| v.parse::<u32>().ok())
        .ok_or_else(|| CodecError::Malformed("no format number".into()))?;
    match version {
        v if v > FORMAT => Err(CodecError::NewerFormat(v)),
        2 => compact::decode(key, &text[compact::PREFIX.len()..]),
        3 => Err(CodecError::Malformed(
            "a sealed segment under a legacy key".to_owned(),
        )),
        v => Err(CodecError::Malformed(format!(
            "format {v} is not compact text"
        ))),
    }
}

/// Checks a format-1 segment's frame (its version, the replica it names) without reading
/// its events: what [`decode_segment`] would refuse as a whole, this refuses too.
pub fn check_json(key: SegmentKey, text: &str) -> Result<(), CodecError> {
    json_frame(key, text).map(|_| ())
}

/// A format-1 segment's frame: its rows, unread.
fn json_frame(key: SegmentKey, text: &str) -> Result<SegmentIn<'_>, CodecError> {
    let version = serde_json::from_str::<Versioned>(text)
        .map_err(|e| CodecError::Malformed(e.to_string()))?
        .v;
    if version > FORMAT {
        return Err(CodecError::NewerFormat(version));
    }
    let segment: SegmentIn<'_> =
        serde_json::from_str(text).map_err(|e| CodecError::Malformed(e.to_string()))?;
    if segment.r != key.replica {
        return Err(CodecError::WrongReplica {
            expected: key.replica.to_string(),
            found: segment.r.to_string(),
        });
    }
    Ok(segment)
}

/// Format 1, JSON, as the first versions wrote it: still read, never written.
fn decode_json(key: SegmentKey, text: &str) -> Result<DecodedSegment, CodecError> {
    let segment = json_frame(key, text)?;
    let replica = segment.r;
    let mut decoded = DecodedSegment::default();
    for (index, raw) in segment.e.iter().enumerate() {
        let row = serde_json::from_str::<RowIn>(raw.get()).map_err(|e| e.to_string());
        let event = row.and_then(|RowIn(id, at, action)| {
            let id = match id {
                RowIdIn::Own(0) => return Err("sequence number 0".to_owned()),
                RowIdIn::Own(seq) => EventId::new(replica, seq),
                RowIdIn::Foreign(id) => id,
            };
            let action = tagged::from_value(action)?;
            Ok(Event { id, at, action })
        });
        match event {
            Ok(event) => decoded.events.push(event),
            Err(reason) => decoded.errors.push(CodecError::Event { index, reason }),
        }
    }
    Ok(decoded)
}

#[derive(Deserialize)]
struct Versioned {
    v: u32,
}

/// The namespace's metadata: which schema its newest writer used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub schema: u32,
}

pub fn meta_key(ns: &str) -> String {
    format!("{ns}/meta")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Action, VolunteerId};

    fn event(replica: u64, seq: u32) -> Event {
        Event {
            id: EventId::new(ReplicaId(replica), seq),
            at: Timestamp(1_700_000_000_000 + u64::from(seq)),
            action: Action::AwardPoints {
                volunteer: VolunteerId(EventId::new(ReplicaId(9), 1)),
                points: crate::domain::Points(150),
                reason: "扫雪".into(),
            },
        }
    }

    const KEY: SegmentKey = SegmentKey {
        replica: ReplicaId(0xab),
        index: 0,
    };

    #[test]
    fn segments_round_trip_own_and_foreign_events() {
        let events = vec![event(0xab, 1), event(0x77, 4), event(0xab, 2)];
        let text = encode_segment(ReplicaId(0xab), &events).unwrap();
        assert!(text.starts_with("2:"));
        let decoded = decode_segment(KEY, &text).unwrap();
        assert_eq!(decoded.events, events);
        assert!(decoded.errors.is_empty());
    }

    #[test]
    fn format_one_json_is_still_read() {
        let text = r#"{"v":1,"r":"ab","e":[[1,5,{"t":"reverse_entry","entry":"1-1","reason":"x"}],["77-4",6,{"t":"close_wish","wish":"1-2"}]]}"#;
        let decoded = decode_segment(KEY, text).unwrap();
        assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
        let ids: Vec<String> = decoded.events.iter().map(|e| e.id.to_string()).collect();
        assert_eq!(ids, ["ab-1", "77-4"]);
    }

    #[test]
    fn one_unreadable_event_does_not_hide_the_others() {
        let text = r#"{"v":1,"r":"ab","e":[[1,5,{"t":"no_such_action"}],[2,6,{"t":"reverse_entry","entry":"1-1","reason":"x"}],[0,7,{"t":"reverse_entry","entry":"1-1","reason":"x"}]]}"#;
        let decoded = decode_segment(KEY, text).unwrap();
        assert_eq!(decoded.events.len(), 1);
        assert_eq!(decoded.events[0].id, EventId::new(ReplicaId(0xab), 2));
        assert_eq!(decoded.errors.len(), 2);
    }

    #[test]
    fn unreadable_segments_are_errors_not_panics() {
        for text in [
            "",
            "{",
            "null",
            "[]",
            r#"{"v":1}"#,
            r#"{"v":1,"r":"zz","e":[]}"#,
        ] {
            assert!(decode_segment(KEY, text).is_err(), "{text}");
        }
        for newer in [r#"{"v":4,"r":"ab","e":[]}"#, "4:anything", "12:"] {
            assert!(
                matches!(decode_segment(KEY, newer), Err(CodecError::NewerFormat(_))),
                "{newer}"
            );
        }
        for bad in ["2", "x:", "1:abc", "2:", "2:\u{1}"] {
            assert!(decode_segment(KEY, bad).is_err(), "{bad}");
        }
        assert!(matches!(
            decode_segment(KEY, r#"{"v":1,"r":"cd","e":[]}"#),
            Err(CodecError::WrongReplica { .. })
        ));
    }

    #[test]
    fn segment_keys_are_parsed_within_their_namespace_only() {
        let key = SegmentKey {
            replica: ReplicaId(0xbeef),
            index: 3,
        };
        assert_eq!(key.to_key("linli"), "linli/log/beef/3");
        assert_eq!(SegmentKey::parse("linli", "linli/log/beef/3"), Some(key));
        assert_eq!(SegmentKey::parse("linli2", "linli/log/beef/3"), None);
        assert_eq!(SegmentKey::parse("lin", "linli/log/beef/3"), None);
        assert_eq!(SegmentKey::parse("linli", "linli/meta"), None);
        assert_eq!(SegmentKey::parse("linli", "linli/log/beef/x"), None);
    }
}
