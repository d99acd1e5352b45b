//! The datasets the benchmarks run on, made once per size: the sample street's events,
//! the segments its sessions would have stored, and the state they fold to.

use std::collections::BTreeMap;
use std::time::Duration;

use criterion::{BenchmarkGroup, measurement::WallTime};
use linli::domain::{Event, Journal, ReplicaId, Timestamp};
use linli::sample::{self, DEFAULT_SEED, Size};
use linli::store::codec::{self, SEGMENT_EVENTS, SegmentKey};
use linli::store::{Backend, MemoryBackend, Namespace, Store};

/// The sizes to run: `LINLI_BENCH_SIZES` (such as `1k,10k`), else 1k, 10k and 100k.
pub fn sizes() -> Vec<Size> {
    match std::env::var("LINLI_BENCH_SIZES") {
        Ok(list) => list.split(',').filter_map(|s| s.parse().ok()).collect(),
        Err(_) => vec![Size::Small, Size::Medium, Size::Stress],
    }
}

pub struct Dataset {
    pub size: Size,
    pub events: Vec<Event>,
    /// Each session's events, as its store wrote them: per replica, in segments of
    /// [`SEGMENT_EVENTS`].
    pub segments: Vec<(SegmentKey, Vec<Event>)>,
    pub journal: Journal,
}

impl Dataset {
    pub fn new(size: Size) -> Dataset {
        let events = sample::generate(size, DEFAULT_SEED);
        let mut by_replica: BTreeMap<ReplicaId, Vec<Event>> = BTreeMap::new();
        for event in &events {
            by_replica
                .entry(event.id.replica)
                .or_default()
                .push(event.clone());
        }
        let mut segments = Vec::new();
        for (replica, own) in by_replica {
            for (index, chunk) in own.chunks(SEGMENT_EVENTS).enumerate() {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                segments.push((SegmentKey { replica, index }, chunk.to_vec()));
            }
        }
        let mut journal = Journal::default();
        journal.merge(events.iter().cloned());
        Dataset {
            size,
            events,
            segments,
            journal,
        }
    }

    /// The stored text of every segment, with its key.
    pub fn encoded(&self) -> Vec<(SegmentKey, String)> {
        self.segments
            .iter()
            .map(|(key, events)| {
                let text = codec::encode_segment(key.replica, events).unwrap_or_default();
                (*key, text)
            })
            .collect()
    }

    /// A memory backend holding the dataset as a device would: every segment under the
    /// default namespace, and the schema.
    pub fn backend(&self) -> MemoryBackend {
        let backend = MemoryBackend::default();
        let ns = Namespace::DEFAULT;
        let meta = format!("{{\"schema\":{}}}", codec::SCHEMA);
        let _ = backend.set(&codec::meta_key(ns), &meta);
        for (key, text) in self.encoded() {
            let _ = backend.set(&key.to_key(ns), &text);
        }
        backend
    }

    /// A store opened on [`Dataset::backend`], as the app opens it.
    pub fn store(&self) -> Store<MemoryBackend> {
        Store::open(self.backend(), Namespace::default(), || ReplicaId(0xbe7c4))
    }

    /// The moment the dataset ends: what "now" is for its queries.
    pub fn now(&self) -> Timestamp {
        self.events.last().map_or(Timestamp(0), |e| e.at)
    }

    pub fn label(&self) -> String {
        self.size.to_string()
    }
}

/// Fewer samples for the big sizes, so a full run stays within minutes.
pub fn tune(group: &mut BenchmarkGroup<'_, WallTime>, size: Size) {
    let (samples, seconds) = match size.entries() {
        0..=2_000 => (30, 3),
        2_001..=20_000 => (20, 6),
        _ => (10, 20),
    };
    group.sample_size(samples);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(seconds));
}
