//! One log as a Yjs document: a map from segment place to sealed text, and the y-sync
//! protocol (step 1: my state vector; step 2: what you lack; then updates) over it.

use std::collections::HashMap;
use std::sync::Arc;

use yrs::sync::{Message, MessageReader, SyncMessage};
use yrs::updates::decoder::{Decode, DecoderV1};
use yrs::updates::encoder::Encode;
use yrs::{Any, Doc, Map, MapRef, Out, ReadTxn, StateVector, Transact, Update};

use crate::store::compact::pack;

/// The map's name inside the document.
const SEGMENTS: &str = "segments";
/// y-sweet's "sync status" message: the server sends it back once it has handled
/// everything sent before it, so its echo says the server holds this device's changes.
const PROBE: u8 = 102;

/// Why a message or a stored state could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("unreadable sync message: {0}")]
    Unreadable(String),
    #[error("the sync server refused this device: {0}")]
    Refused(String),
}

/// One log's document.
pub struct LogDoc {
    doc: Doc,
    segments: MapRef,
    /// Each entry's value as last seen (as the document holds it, and as text), to tell
    /// what an update changed.
    seen: HashMap<Arc<str>, (Any, Arc<str>)>,
}

/// A sealed text as the document holds it: a packed text (`"<digit>:" + pack(bytes)`,
/// formats 2 and 3) as its digit and bytes, where they give the same text back, which
/// takes a third less than the text would (its characters are mostly three bytes in
/// UTF-8); any other text as it is.
fn to_value(text: &str) -> Any {
    let packed = text
        .split_once(':')
        .filter(|(tag, _)| tag.len() == 1 && tag.as_bytes()[0].is_ascii_digit());
    if let Some((tag, packed)) = packed
        && let Some(bytes) = pack::unpack(packed)
    {
        // The reader may give one spare zero byte: keep the length that packs back.
        for length in [bytes.len(), bytes.len().saturating_sub(1)] {
            if pack::pack(&bytes[..length]) == packed {
                let mut value = Vec::with_capacity(length + 1);
                value.push(tag.as_bytes()[0]);
                value.extend_from_slice(&bytes[..length]);
                return Any::Buffer(value.into());
            }
        }
    }
    Any::String(text.into())
}

/// The sealed text of a value the document holds ([`to_value`]'s inverse).
fn to_text(value: &Any) -> Option<Arc<str>> {
    match value {
        Any::String(text) => Some(text.clone()),
        Any::Buffer(bytes) => {
            let (tag, bytes) = bytes.split_first()?;
            tag.is_ascii_digit()
                .then(|| format!("{}:{}", char::from(*tag), pack::pack(bytes)).into())
        }
        _ => None,
    }
}

impl std::fmt::Debug for LogDoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogDoc")
            .field("entries", &self.seen.len())
            .finish()
    }
}

/// What one incoming message did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Received {
    /// Messages to send back (the server's step 1 asks for what it lacks).
    pub replies: Vec<Vec<u8>>,
    /// Entries that are new or changed: (place, sealed text).
    pub changed: Vec<(String, String)>,
    /// The server sent its step 2: this document now holds everything it had.
    pub caught_up: bool,
    /// The last probe ([`LogDoc::probe`]) the server echoed.
    pub echoed: Option<u64>,
}

impl Default for LogDoc {
    fn default() -> Self {
        Self::new()
    }
}

impl LogDoc {
    pub fn new() -> LogDoc {
        let doc = Doc::new();
        let segments = doc.get_or_insert_map(SEGMENTS);
        LogDoc {
            doc,
            segments,
            seen: HashMap::new(),
        }
    }

    /// A document from a state kept earlier ([`LogDoc::state`]), with what it holds.
    pub fn load(state: &[u8]) -> Result<(LogDoc, Vec<(String, String)>), SyncError> {
        let mut doc = LogDoc::new();
        let changed = doc.apply(state)?;
        Ok((doc, changed))
    }

    /// Everything the document holds, as one update (to keep it for the next visit).
    pub fn state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// The sealed text at a place.
    pub fn get(&self, place: &str) -> Option<&str> {
        self.seen.get(place).map(|(_, text)| &**text)
    }

    /// Every entry, as (place, sealed text), sorted by place.
    pub fn entries(&self) -> Vec<(String, String)> {
        let mut all: Vec<_> = self
            .seen
            .iter()
            .map(|(k, (_, v))| (k.to_string(), v.to_string()))
            .collect();
        all.sort();
        all
    }

    /// Puts segments in: with `own`, this device's, which replace whatever copy the
    /// document holds (a segment is rewritten as it grows, and only its writer writes
    /// it); otherwise segments this device holds from others, which only fill a place
    /// the document lacks (the writer's own copy may be newer). Returns the update
    /// message to send, if anything changed.
    pub fn put(&mut self, entries: &[(String, String)], own: bool) -> Option<Vec<u8>> {
        let newer: Vec<&(String, String)> = entries
            .iter()
            .filter(|(place, text)| match self.get(place) {
                None => true,
                Some(held) => own && held != text,
            })
            .collect();
        if newer.is_empty() {
            return None;
        }
        let values: Vec<Any> = newer.iter().map(|(_, text)| to_value(text)).collect();
        let update = {
            let mut txn = self.doc.transact_mut();
            for ((place, _), value) in newer.iter().zip(&values) {
                self.segments
                    .insert(&mut txn, place.as_str(), value.clone());
            }
            txn.encode_update_v1()
        };
        for ((place, text), value) in newer.into_iter().zip(values) {
            self.seen
                .insert(place.as_str().into(), (value, text.as_str().into()));
        }
        Some(Message::Sync(SyncMessage::Update(update)).encode_v1())
    }

    /// The first message on a new connection: this document's state vector.
    pub fn greeting(&self) -> Vec<u8> {
        let vector = self.doc.transact().state_vector();
        Message::Sync(SyncMessage::SyncStep1(vector)).encode_v1()
    }

    /// A probe: the server echoes it after handling everything sent before it.
    pub fn probe(seq: u64) -> Vec<u8> {
        Message::Custom(PROBE, seq.to_le_bytes().to_vec()).encode_v1()
    }

    /// Takes one binary frame from the server (it may hold several messages).
    pub fn receive(&mut self, frame: &[u8]) -> Result<Received, SyncError> {
        let mut received = Received::default();
        let mut decoder = DecoderV1::from(frame);
        for message in MessageReader::new(&mut decoder) {
            match message.map_err(|e| SyncError::Unreadable(e.to_string()))? {
                Message::Sync(SyncMessage::SyncStep1(vector)) => {
                    let missing = self.doc.transact().encode_state_as_update_v1(&vector);
                    received
                        .replies
                        .push(Message::Sync(SyncMessage::SyncStep2(missing)).encode_v1());
                }
                Message::Sync(SyncMessage::SyncStep2(update)) => {
                    received.changed.extend(self.apply(&update)?);
                    received.caught_up = true;
                }
                Message::Sync(SyncMessage::Update(update)) => {
                    received.changed.extend(self.apply(&update)?);
                }
                Message::Custom(PROBE, data) => {
                    if let Ok(bytes) = <[u8; 8]>::try_from(data.as_slice()) {
                        received.echoed = Some(u64::from_le_bytes(bytes));
                    }
                }
                Message::Auth(Some(reason)) => return Err(SyncError::Refused(reason)),
                // Awareness (who is online) is not used; permission granted needs nothing.
                Message::Auth(None)
                | Message::Awareness(_)
                | Message::AwarenessQuery
                | Message::Custom(..) => {}
            }
        }
        Ok(received)
    }

    /// Applies an update (a remote one, or a kept state) and returns what it changed.
    pub fn apply(&mut self, update: &[u8]) -> Result<Vec<(String, String)>, SyncError> {
        let update = Update::decode_v1(update).map_err(|e| SyncError::Unreadable(e.to_string()))?;
        {
            let mut txn = self.doc.transact_mut();
            txn.apply_update(update)
                .map_err(|e| SyncError::Unreadable(e.to_string()))?;
        }
        let txn = self.doc.transact();
        let mut changed = Vec::new();
        for (place, value) in self.segments.iter(&txn) {
            // Not a value any version of Linli writes: skip it.
            let Out::Any(value) = value else {
                continue;
            };
            if self.seen.get(place).is_some_and(|(held, _)| *held == value) {
                continue;
            }
            let Some(text) = to_text(&value) else {
                continue;
            };
            changed.push((place.to_owned(), text.to_string()));
            self.seen.insert(place.into(), (value, text));
        }
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(place: &str, text: &str) -> (String, String) {
        (place.to_owned(), text.to_owned())
    }

    #[test]
    fn a_documents_client_id_is_a_yjs_one_of_32_bits() {
        // y-sweet gives a larger one back as another client's: the device then held
        // its entry twice, kept its own copy, and its next connection's delete set
        // removed the server's only copy (yrs' `small-client`).
        for _ in 0..64 {
            assert!(LogDoc::new().doc.client_id().get() <= u64::from(u32::MAX));
        }
    }

    /// Runs the protocol between a device and a server until neither has more to say.
    fn exchange(device: &mut LogDoc, server: &mut LogDoc) -> Vec<(String, String)> {
        let mut got = Vec::new();
        let to_server = server.receive(&device.greeting()).unwrap();
        for reply in to_server.replies {
            got.extend(device.receive(&reply).unwrap().changed);
        }
        let to_device = device.receive(&server.greeting()).unwrap();
        for reply in to_device.replies {
            server.receive(&reply).unwrap();
        }
        got
    }

    #[test]
    fn two_documents_end_with_the_union_and_only_the_writer_rewrites_a_segment() {
        let mut phone = LogDoc::new();
        let mut server = LogDoc::new();
        phone.put(&[entry("s/1/0", "aa"), entry("s/1/1", "b")], true);
        server.put(&[entry("s/2/0", "cc")], true);
        let got = exchange(&mut phone, &mut server);
        assert_eq!(got, vec![entry("s/2/0", "cc")]);
        assert_eq!(phone.entries(), server.entries());
        assert_eq!(server.len(), 3);
        // Another device's copy only fills a place; the writer's copy replaces one, even
        // when it is no longer (a sealed segment's text need not grow with its events).
        assert!(phone.put(&[entry("s/2/0", "zzzz")], false).is_none());
        assert!(phone.put(&[entry("s/1/0", "aa")], true).is_none());
        let update = phone.put(&[entry("s/1/0", "ab")], true).unwrap();
        let received = server.receive(&update).unwrap();
        assert_eq!(received.changed, vec![entry("s/1/0", "ab")]);
    }

    #[test]
    fn packed_texts_travel_as_bytes_and_come_back_the_same() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(1_000).collect();
        for length in 0..40 {
            let text = format!("3:{}", pack::pack(&bytes[..length]));
            let value = to_value(&text);
            assert!(matches!(value, Any::Buffer(_)), "{length}");
            assert_eq!(to_text(&value).as_deref(), Some(text.as_str()));
        }
        // Anything else, and a packed text with a character outside the range, as text.
        for text in ["{\"v\":1}", "3:", "12:abc", "3:\u{1}", ""] {
            let value = to_value(text);
            assert_eq!(to_text(&value).as_deref(), Some(text), "{text:?}");
        }
        let mut doc = LogDoc::new();
        let text = format!("3:{}", pack::pack(&bytes));
        doc.put(&[entry("s/1/0", &text)], true);
        let (loaded, held) = LogDoc::load(&doc.state()).unwrap();
        assert_eq!(held, vec![entry("s/1/0", &text)]);
        assert_eq!(loaded.get("s/1/0"), Some(text.as_str()));
        assert!(
            doc.state().len() < text.len() * 2 / 3,
            "bytes, not UTF-8 text"
        );
    }

    #[test]
    fn a_kept_state_loads_with_its_entries_and_garbage_is_an_error() {
        let mut doc = LogDoc::new();
        doc.put(&[entry("s/1/0", "x")], true);
        let (loaded, held) = LogDoc::load(&doc.state()).unwrap();
        assert_eq!(held, vec![entry("s/1/0", "x")]);
        assert_eq!(loaded.entries(), doc.entries());
        assert!(LogDoc::load(&[9, 9, 9]).is_err());
        assert!(LogDoc::new().receive(&[0, 7, 200]).is_err());
        let echoed = LogDoc::new().receive(&LogDoc::probe(7)).unwrap().echoed;
        assert_eq!(echoed, Some(7));
    }
}
