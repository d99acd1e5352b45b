//! What the model forges or puts into the server's document directly: a phone's
//! organizer award sealed in a replica of its own, an unknown key's award, an unsigned
//! award, and honest segments with a character changed.

use linli::domain::{Event, EventId, ReplicaId, VolunteerId};
use linli::store::seal::{self, Log, SealKey, derive_replica};
use linli::sync::LogDoc;

use crate::common::award;
use crate::common::devices::key;
use crate::common::jobs::choose;
use crate::community::Play;

/// What is put into the server's document directly.
#[derive(Clone, Copy, Debug)]
pub enum Injected {
    /// An award sealed by a key nobody enrolled.
    UnknownKey,
    /// An honest segment with a character changed and the last one cut, at its own
    /// place, by another client of the server (so it may win over the honest text
    /// there): its sealer puts its own text back. (A longer text there: see
    /// `a_longer_text_at_a_devices_place_does_not_hide_its_segment`.)
    ShorterInPlace,
    /// An honest segment with a character changed, at a place no one wrote.
    TamperedElsewhere,
    /// An award of 10,000 points in an unsigned segment (as versions before signing
    /// wrote them), at a place no one wrote.
    Unsigned,
}

impl Play {
    fn next_nonce(&mut self) -> u32 {
        self.nonce += 1;
        self.nonce
    }

    /// An award of 10,000 points to `volunteer`, sealed by `seed`'s key in a replica of
    /// its own for this community: (place, text, event).
    pub fn sealed_award(&mut self, seed: u8, volunteer: VolunteerId) -> (String, String, EventId) {
        let signer = key(seed);
        let nonce = self.next_nonce();
        let replica = derive_replica(&signer.public(), nonce);
        let at = SealKey {
            log: Log::Public,
            replica,
            index: 0,
        };
        let event = Event {
            id: EventId::new(replica, 1),
            at: self.tick(),
            action: award(volunteer, 10_000, "奖励"),
        };
        let text = seal::seal(
            &signer,
            self.community.id,
            at,
            nonce,
            std::slice::from_ref(&event),
        )
        .unwrap();
        (format!("s/{replica}/0"), text, event.id)
    }

    /// Something put into the server's document directly, and passed on.
    pub fn inject(&mut self, what: Injected, pick: u8) {
        let honest: Vec<(String, String)> = self
            .net
            .server
            .entries()
            .into_iter()
            .filter(|(place, text)| {
                !self.forged_places.contains(place) && text.starts_with(seal::PREFIX)
            })
            .collect();
        let picked = choose(&(0..honest.len()).collect::<Vec<_>>(), pick).map(|i| &honest[i]);
        let (place, text) = match (what, picked) {
            (Injected::UnknownKey, _) => {
                let v = choose(&self.volunteers, pick).unwrap();
                let (place, text, _) = self.sealed_award(66, v);
                self.unknown_places.insert(place.clone());
                (place, text)
            }
            (Injected::ShorterInPlace, Some((place, text))) => {
                let mut changed = changed_char(text, pick);
                changed.pop();
                let update = LogDoc::new()
                    .put(&[(place.clone(), changed)], true)
                    .unwrap();
                self.net.server.receive(&update).unwrap();
                self.net.relay(None, &update);
                self.injected += 1;
                return;
            }
            (Injected::TamperedElsewhere, Some((place, text))) => {
                let (dir_replica, index) = place.rsplit_once('/').unwrap();
                let index: u32 = index.parse().unwrap();
                (
                    format!("{dir_replica}/{}", index + 1_000),
                    changed_char(text, pick),
                )
            }
            (Injected::Unsigned, _) => {
                let replica = ReplicaId(0xdead);
                let event = Event {
                    id: EventId::new(replica, self.next_nonce()),
                    at: self.tick(),
                    action: award(choose(&self.volunteers, pick).unwrap(), 10_000, "奖励"),
                };
                let text = linli::store::codec::encode_segment(replica, &[event]).unwrap();
                (format!("s/{replica}/{}", self.next_nonce()), text)
            }
            (_, None) => return,
        };
        if let Some(update) = self.net.server.put(&[(place, text)], true) {
            self.injected += 1;
            self.net.relay(None, &update);
        }
    }
}

/// `text` with one character after the seal's prefix changed (chosen by `pick`).
pub fn changed_char(text: &str, pick: u8) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let first = seal::PREFIX.len();
    let at = first + usize::from(pick) % (chars.len() - first);
    let c = u32::from(chars[at]) - 0x20;
    chars[at] = char::from_u32((c + 1) % 0x8000 + 0x20).unwrap();
    chars.into_iter().collect()
}
