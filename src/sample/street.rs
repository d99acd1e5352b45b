//! The sample street as its organizer's device holds it: the community and device
//! records, and every session's events sealed in segments under its own replica, as
//! the store writes them (per replica and log, [`SEGMENT_EVENTS`] to a segment, each
//! sealed by the organizer's key).

use std::collections::BTreeMap;

use super::{COMMUNITY_NAME, Size, organizer, simulate};
use crate::domain::trust::CommunityId;
use crate::domain::{Event, ReplicaId};
use crate::store::codec::{self, CodecError, Meta, SCHEMA, SEGMENT_EVENTS};
use crate::store::device::{self, Community, DeviceRecord};
use crate::store::seal::{self, Log, SealKey, Signer};
use crate::store::{Namespace, StoreError};

/// A replica a session wrote under: its id, its log and the nonce it was made with.
pub(super) type Replica = (ReplicaId, Log, u32);

/// One stored segment: where it lives, the nonce of its replica, and which of the
/// street's events it holds (their places in [`Street::events`], in order).
#[derive(Clone, Debug)]
pub struct Segment {
    pub key: SealKey,
    pub nonce: u32,
    pub positions: Vec<usize>,
}

/// The sample street as a community.
#[derive(Clone, Debug)]
pub struct Street {
    /// The organizer's key: the founder's, which sealed every segment.
    pub signer: Signer,
    /// `{ns}/community`.
    pub community: Community,
    /// `{ns}/device`: the organizer's key, kept without a PIN, so a store opened on the
    /// street can sign at once.
    pub device: DeviceRecord,
    /// Every event, in the total order; the first founds the community.
    pub events: Vec<Event>,
    /// Every segment, by replica (in the order the sessions opened them) and index.
    pub segments: Vec<Segment>,
}

impl Street {
    /// The street of `size` from `seed` ([`super::generate`]'s events), sealed.
    pub fn new(size: Size, seed: u64) -> Street {
        let (events, replicas) = simulate(size, seed);
        let signer = organizer(seed);
        let key = signer.public();
        let mut by_replica: BTreeMap<ReplicaId, Vec<usize>> = BTreeMap::new();
        for (position, event) in events.iter().enumerate() {
            by_replica
                .entry(event.id.replica)
                .or_default()
                .push(position);
        }
        let mut segments = Vec::new();
        for (replica, log, nonce) in replicas {
            let Some(own) = by_replica.get(&replica) else {
                continue;
            };
            for (index, chunk) in own.chunks(SEGMENT_EVENTS).enumerate() {
                segments.push(Segment {
                    key: SealKey {
                        log,
                        replica,
                        index: u32::try_from(index).unwrap_or(u32::MAX),
                    },
                    nonce,
                    positions: chunk.to_vec(),
                });
            }
        }
        Street {
            community: Community {
                id: CommunityId::founded_by(&key),
                name: COMMUNITY_NAME.to_owned(),
                sync: None,
                sync_token: None,
                private_token: None,
            },
            device: DeviceRecord::plain(&signer),
            signer,
            events,
            segments,
        }
    }

    /// The events a segment holds.
    pub fn events_of(&self, segment: &Segment) -> Vec<Event> {
        segment
            .positions
            .iter()
            .filter_map(|&p| self.events.get(p).cloned())
            .collect()
    }

    /// A segment's stored text, sealed by the organizer's key.
    pub fn seal(&self, segment: &Segment) -> Result<String, CodecError> {
        seal::seal(
            &self.signer,
            self.community.id,
            segment.key,
            segment.nonce,
            &self.events_of(segment),
        )
    }

    /// Every key and text the organizer's device would hold under `ns`: the schema,
    /// the community and device records, and every sealed segment.
    pub fn stored(&self, ns: &Namespace) -> Result<Vec<(String, String)>, StoreError> {
        let ns = ns.as_str();
        let json = |value: Result<String, serde_json::Error>| {
            value.map_err(|e| StoreError::Failed(e.to_string()))
        };
        let mut stored = vec![
            (
                codec::meta_key(ns),
                json(serde_json::to_string(&Meta { schema: SCHEMA }))?,
            ),
            (
                device::community_key(ns),
                json(serde_json::to_string(&self.community))?,
            ),
            (
                device::device_key(ns),
                json(serde_json::to_string(&self.device))?,
            ),
        ];
        for segment in &self.segments {
            let text = self
                .seal(segment)
                .map_err(|e| StoreError::Failed(e.to_string()))?;
            stored.push((segment.key.to_key(ns), text));
        }
        Ok(stored)
    }
}
