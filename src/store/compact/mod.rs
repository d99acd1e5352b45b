//! Format 2: the compact segment.
//!
//! ```text
//! "2:" + pack(bytes)                         (pack: 15 bits to a character)
//! bytes = checksum  replicas  strings  rows   (checksum: FNV-1a of the rest, 4 bytes)
//! replicas = n, width (6, or 8 if one needs more than 48 bits), then n × width bytes
//!            (little-endian); the first is the segment's writer
//! strings  = n, then n × (len·2 + utf16?, then UTF-8 or UTF-16LE bytes)
//! rows     = n, then n × (len, row)
//! row      = at  id  action
//! id       = seq·2 for the writer's own events, replica·2 + 1 then seq for others'
//! at       = the stamp minus the previous row's (zigzag), the first from 0
//! ```
//! Numbers are LEB128 varints. Strings and replica ids are stored once per segment and
//! named by index, which is what makes a row small: an award with a reason used before
//! takes about 14 bytes, 8 characters. Rows carry their length, so one unreadable row
//! is reported and the rest are still read. How an action is written is in `ser`.

mod de;
pub(crate) mod pack;
mod ser;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::segment::{CodecError, DecodedSegment, SegmentKey};
use crate::domain::{Action, Event, EventId, ReplicaId, Timestamp};
use de::{Names, Reader};
use ser::{Tables, Writer, put_varint, zigzag};

/// The text every format-2 segment starts with.
pub const PREFIX: &str = "2:";

/// Why a record could not be written or read in the compact form.
#[derive(Debug)]
pub struct Error(String);

impl Error {
    fn new(reason: &str) -> Self {
        Error(reason.to_owned())
    }

    fn end() -> Self {
        Error::new("the record ends too soon")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl serde::ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// How a segment's rows name their events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ids {
    /// Each row carries its id (format 2, and sealed segments that hold other
    /// replicas' events).
    Each,
    /// Every row is the writer's own, numbered on from this sequence number: no row
    /// carries an id (sealed segments as a session writes them).
    From(u32),
}

/// Encodes the events of one segment written by `replica`. Fails only for an action
/// the compact form cannot hold, which no action of this version is.
pub fn encode(replica: ReplicaId, events: &[Event]) -> Result<String, Error> {
    let bytes = encode_body(replica, events, Ids::Each)?;
    let mut out = checksum(&bytes).to_le_bytes().to_vec();
    out.extend_from_slice(&bytes);
    Ok(format!("{PREFIX}{}", pack::pack(&out)))
}

/// The payload of a sealed segment (format 3, see `store::seal`): the first sequence
/// number (0 when rows carry their ids), then the tables and rows as in format 2.
pub fn sealed_payload(replica: ReplicaId, events: &[Event]) -> Result<Vec<u8>, Error> {
    let first = events.first().map_or(1, |e| e.id.seq);
    let consecutive = events
        .iter()
        .zip(first..)
        .all(|(e, seq)| e.id.replica == replica && e.id.seq == seq);
    let ids = if consecutive {
        Ids::From(first)
    } else {
        Ids::Each
    };
    let mut out = Vec::new();
    put_varint(
        &mut out,
        match ids {
            Ids::From(first) => first.into(),
            Ids::Each => 0,
        },
    );
    out.extend(encode_body(replica, events, ids)?);
    Ok(out)
}

/// Reads a sealed segment's payload (see [`sealed_payload`]) written by `replica`; says
/// how many bytes it took (packing may leave a spare zero byte after them).
pub fn read_sealed_payload(
    replica: ReplicaId,
    payload: &[u8],
) -> Result<(DecodedSegment, usize), CodecError> {
    let names = Names::default();
    let mut head = Reader::new(payload, &names);
    let first = head.varint().map_err(|e| CodecError::Malformed(e.0))?;
    let ids = match u32::try_from(first) {
        Ok(0) => Ids::Each,
        Ok(first) => Ids::From(first),
        Err(_) => {
            return Err(CodecError::Malformed(
                "a sequence number out of range".into(),
            ));
        }
    };
    let header = payload.len() - head.rest().len();
    let (decoded, body) = decode_body(replica, head.rest(), ids)?;
    Ok((decoded, header + body))
}

/// The tables and rows.
fn encode_body(replica: ReplicaId, events: &[Event], ids: Ids) -> Result<Vec<u8>, Error> {
    let mut tables = Tables::default();
    tables.replica(replica.0);
    let mut rows = Vec::new();
    let mut previous = 0u64;
    for event in events {
        let mut row = Writer::new(&mut tables);
        row.varint(zigzag((event.at.0 as i64).wrapping_sub(previous as i64)));
        previous = event.at.0;
        if ids == Ids::Each {
            if event.id.replica == replica {
                row.varint(u64::from(event.id.seq) << 1);
            } else {
                let index = row.replica_index(event.id.replica.0);
                row.varint((index << 1) | 1);
                row.varint(event.id.seq.into());
            }
        }
        event.action.serialize(&mut row)?;
        put_varint(&mut rows, row.out.len() as u64);
        rows.extend_from_slice(&row.out);
    }
    let mut bytes = Vec::with_capacity(rows.len() + 64);
    put_varint(&mut bytes, tables.replicas.len() as u64);
    let width = if tables.replicas.iter().all(|r| r >> 48 == 0) {
        6
    } else {
        8
    };
    bytes.push(width as u8);
    for replica in &tables.replicas {
        bytes.extend_from_slice(&replica.to_le_bytes()[..width]);
    }
    put_varint(&mut bytes, tables.strings.len() as u64);
    for text in &tables.strings {
        let wide: Vec<u16> = text.encode_utf16().collect();
        if wide.len() * 2 < text.len() {
            put_varint(&mut bytes, ((wide.len() as u64) << 1) | 1);
            bytes.extend(wide.iter().flat_map(|unit| unit.to_le_bytes()));
        } else {
            put_varint(&mut bytes, (text.len() as u64) << 1);
            bytes.extend_from_slice(text.as_bytes());
        }
    }
    put_varint(&mut bytes, events.len() as u64);
    bytes.extend_from_slice(&rows);
    Ok(bytes)
}

/// Decodes the text after [`PREFIX`] of the segment stored under `key`.
pub fn decode(key: SegmentKey, packed: &str) -> Result<DecodedSegment, CodecError> {
    let malformed = |reason: &str| CodecError::Malformed(reason.to_owned());
    let bytes =
        pack::unpack(packed).ok_or_else(|| malformed("a character outside the compact range"))?;
    let (sum, body) = bytes
        .split_at_checked(4)
        .ok_or_else(|| malformed("too short"))?;
    let (mut decoded, end) = decode_body(key.replica, body, Ids::Each)?;
    if sum != checksum(&body[..end]).to_le_bytes() {
        decoded.errors.push(malformed(
            "the checksum does not match: some text was changed",
        ));
    }
    Ok(decoded)
}

/// Reads the tables and rows; returns what was read and how many bytes it took (the
/// spare zero byte packing may add is not part of them).
fn decode_body(
    writer: ReplicaId,
    body: &[u8],
    ids: Ids,
) -> Result<(DecodedSegment, usize), CodecError> {
    let malformed = |reason: &str| CodecError::Malformed(reason.to_owned());
    let names = Names::default();
    let mut head = Reader::new(body, &names);
    let (names, rows) = read_tables(&mut head).map_err(|e| malformed(&e.0))?;
    let first = names.replicas.first().copied().map(ReplicaId);
    if first != Some(writer) {
        return Err(CodecError::WrongReplica {
            expected: writer.to_string(),
            found: first.map_or_else(String::new, |r| r.to_string()),
        });
    }
    let mut reader = Reader::new(rows, &names);
    let count = reader.count().map_err(|e| malformed(&e.0))?;
    let mut decoded = DecodedSegment::default();
    decoded.events.reserve(count);
    let mut previous = 0u64;
    for index in 0..count {
        let row = reader
            .count()
            .and_then(|len| reader.take(len))
            .map_err(|e| malformed(&format!("row {index}: {e}")))?;
        let id = match ids {
            Ids::Each => None,
            Ids::From(first) => Some(
                u32::try_from(index)
                    .ok()
                    .and_then(|i| first.checked_add(i))
                    .map(|seq| EventId::new(writer, seq))
                    .ok_or_else(|| malformed("a sequence number out of range"))?,
            ),
        };
        match read_row(row, &names, writer, id, &mut previous) {
            Ok(event) => decoded.events.push(event),
            Err(e) => decoded
                .errors
                .push(CodecError::Event { index, reason: e.0 }),
        }
    }
    Ok((decoded, body.len() - reader.rest().len()))
}

/// FNV-1a over the segment's bytes: damage anywhere is reported, even where it still
/// decodes (a changed stamp or number).
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

fn read_tables<'a>(head: &mut Reader<'a>) -> Result<(Names, &'a [u8]), Error> {
    let mut names = Names::default();
    let replicas = head.count()?;
    let width = usize::from(head.byte()?);
    if !(1..=8).contains(&width) {
        return Err(Error::new("a replica width outside 1 to 8 bytes"));
    }
    for _ in 0..replicas {
        let mut le = [0u8; 8];
        le[..width].copy_from_slice(head.take(width)?);
        names.replicas.push(u64::from_le_bytes(le));
    }
    let strings = head.count()?;
    for _ in 0..strings {
        let tagged = head.varint()?;
        let len = usize::try_from(tagged >> 1).map_err(|_| Error::end())?;
        let text = if tagged & 1 == 1 {
            let raw = head.take(len.checked_mul(2).ok_or_else(Error::end)?)?;
            let wide: Vec<u16> = raw
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16(&wide).map_err(|_| Error::new("a string that is not UTF-16"))?
        } else {
            String::from_utf8(head.take(len)?.to_vec())
                .map_err(|_| Error::new("a string that is not UTF-8"))?
        };
        names.strings.push(text);
    }
    Ok((names, head.rest()))
}

fn read_row(
    row: &[u8],
    names: &Names,
    writer: ReplicaId,
    id: Option<EventId>,
    previous: &mut u64,
) -> Result<Event, Error> {
    let mut reader = Reader::new(row, names);
    let delta = reader.signed_varint()?;
    let at = (*previous as i64).wrapping_add(delta) as u64;
    *previous = at;
    let id = match id {
        Some(id) => id,
        None => {
            let tag = reader.varint()?;
            let (replica, seq) = if tag & 1 == 0 {
                (writer, tag >> 1)
            } else {
                (ReplicaId(names.replica(tag >> 1)?), reader.varint()?)
            };
            let seq = u32::try_from(seq)
                .ok()
                .filter(|s| *s > 0)
                .ok_or_else(|| Error::new("a sequence number out of range"))?;
            EventId::new(replica, seq)
        }
    };
    let action = Action::deserialize(&mut reader)?;
    if !reader.is_empty() {
        return Err(Error::new("bytes left over after the action"));
    }
    Ok(Event {
        id,
        at: Timestamp(at),
        action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Points, VolunteerId};

    const KEY: SegmentKey = SegmentKey {
        replica: ReplicaId(0x5eed_0000_0000_abcd),
        index: 0,
    };

    fn award(seq: u32, minutes: u64, reason: &str) -> Event {
        Event {
            id: EventId::new(KEY.replica, seq),
            at: Timestamp(1_795_222_800_000 + minutes * 60_000),
            action: Action::AwardPoints {
                volunteer: VolunteerId(EventId::new(ReplicaId(0x77_0000_0000_0001), seq)),
                points: Points::whole(5),
                reason: reason.into(),
            },
        }
    }

    #[test]
    fn a_segment_of_awards_takes_under_ten_characters_an_event() {
        let events: Vec<Event> = (1..=256)
            .map(|seq| {
                award(
                    seq,
                    u64::from(seq) * 7,
                    ["扫雪", "巡逻", "敬老院探访"][seq as usize % 3],
                )
            })
            .collect();
        let text = encode(KEY.replica, &events).unwrap();
        let per_event = text.encode_utf16().count() as f64 / 256.0;
        assert!(per_event < 10.0, "{per_event} characters an event");
        let decoded = decode(KEY, &text[PREFIX.len()..]).unwrap();
        assert_eq!(decoded.events, events);
        assert!(decoded.errors.is_empty());
    }

    #[test]
    fn replica_ids_of_48_bits_take_six_bytes_and_longer_ones_still_round_trip() {
        let short = ReplicaId((crate::store::random() & crate::store::REPLICA_BITS) | 1 << 47);
        assert_eq!(short.0 >> 48, 0);
        let rename = |replica: ReplicaId| -> Vec<Event> {
            (1..=3)
                .map(|seq| Event {
                    id: EventId::new(replica, seq),
                    at: Timestamp(1_795_222_800_000),
                    action: Action::AwardPoints {
                        volunteer: VolunteerId(EventId::new(replica, 1)),
                        points: Points::whole(5),
                        reason: "巡逻".into(),
                    },
                })
                .collect()
        };
        let (narrow, wide) = (rename(short), rename(KEY.replica));
        let narrow_text = encode(short, &narrow).unwrap();
        let wide_text = encode(KEY.replica, &wide).unwrap();
        let units = |text: &str| text.encode_utf16().count();
        assert!(units(&narrow_text) < units(&wide_text));
        let at = |replica| SegmentKey { replica, index: 0 };
        assert_eq!(
            decode(at(short), &narrow_text[PREFIX.len()..])
                .unwrap()
                .events,
            narrow
        );
        assert_eq!(
            decode(at(KEY.replica), &wide_text[PREFIX.len()..])
                .unwrap()
                .events,
            wide
        );
    }

    #[test]
    fn strings_keep_every_character() {
        let texts = [
            "",
            "a",
            "王小明",
            "emoji 🎉 and 中文",
            "\u{0}\u{ffff}",
            &"长".repeat(300),
        ];
        let events: Vec<Event> = texts
            .iter()
            .zip(1..)
            .map(|(t, seq)| award(seq, 1, t))
            .collect();
        let text = encode(KEY.replica, &events).unwrap();
        assert_eq!(decode(KEY, &text[PREFIX.len()..]).unwrap().events, events);
    }

    #[test]
    fn a_damaged_character_is_reported_and_the_other_rows_still_read() {
        let events: Vec<Event> = (1..=40)
            .map(|seq| award(seq, u64::from(seq), "巡逻"))
            .collect();
        let text = encode(KEY.replica, &events).unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let at = chars.len() - 10;
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        let damaged: String = chars.into_iter().collect();
        let decoded = decode(KEY, &damaged[PREFIX.len()..]).unwrap();
        assert!(!decoded.errors.is_empty(), "the damage is reported");
        assert!(
            decoded.events.len() >= 38,
            "{} rows read",
            decoded.events.len()
        );
    }

    #[test]
    fn truncated_or_foreign_text_is_an_error_not_a_panic() {
        let events: Vec<Event> = (1..=20).map(|seq| award(seq, 1, "巡逻")).collect();
        let text = encode(KEY.replica, &events).unwrap();
        let body = &text[PREFIX.len()..];
        for cut in 0..body.chars().count() {
            let cut: String = body.chars().take(cut).collect();
            let _ = decode(KEY, &cut);
        }
        let other = SegmentKey {
            replica: ReplicaId(1),
            index: 0,
        };
        assert!(matches!(
            decode(other, body),
            Err(CodecError::WrongReplica { .. })
        ));
        assert!(decode(KEY, "{}").is_err());
    }
}
