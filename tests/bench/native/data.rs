//! The datasets the benchmarks run on, made once per size: the sample street as its
//! organizer's device holds it (a community, every segment sealed by the organizer's
//! key; see `sample::Street`), and the state it folds to.

use std::time::Duration;

use criterion::{BenchmarkGroup, measurement::WallTime};
use linli::domain::journal::Batch;
use linli::domain::{Event, Journal, Timestamp};
use linli::sample::{DEFAULT_SEED, Size, Street};
use linli::store::seal::SealKey;
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
    pub street: Street,
    /// Every segment's events, as its session's store wrote them: per replica and log,
    /// in segments of `SEGMENT_EVENTS`, with the nonce of its replica.
    pub segments: Vec<(SealKey, u32, Vec<Event>)>,
    /// Every key and text the device holds: records and sealed segments.
    pub stored: Vec<(String, String)>,
    /// The community's journal, every segment merged with the organizer's signature.
    pub journal: Journal,
}

impl Dataset {
    pub fn new(size: Size) -> Dataset {
        let street = Street::new(size, DEFAULT_SEED);
        let segments = street
            .segments
            .iter()
            .map(|s| (s.key, s.nonce, street.events_of(s)))
            .collect();
        let stored = street.stored(&Namespace::default()).unwrap_or_default();
        let mut data = Dataset {
            size,
            street,
            segments,
            stored,
            journal: Journal::default(),
        };
        data.journal = data.fold_journal(data.batches());
        data
    }

    pub fn events(&self) -> &[Event] {
        &self.street.events
    }

    /// The segments as the store merges them on a load: one batch each, signed.
    pub fn batches(&self) -> Vec<Batch> {
        let signer = Some(self.street.signer.public());
        self.segments
            .iter()
            .map(|(_, _, events)| Batch {
                signer,
                events: events.clone(),
            })
            .collect()
    }

    /// A community journal with `batches` merged.
    pub fn fold_journal(&self, batches: Vec<Batch>) -> Journal {
        let mut journal = Journal::of_community(Some(self.street.community.id));
        journal.merge_batches(batches);
        journal
    }

    /// The stored text of every segment, with its key.
    pub fn sealed(&self) -> Vec<(SealKey, String)> {
        self.street
            .segments
            .iter()
            .zip(self.stored.iter().skip(3))
            .map(|(segment, (_, text))| (segment.key, text.clone()))
            .collect()
    }

    /// A memory backend holding the dataset as the organizer's device would: the
    /// schema, the community and device records, and every sealed segment under the
    /// default namespace.
    pub fn backend(&self) -> MemoryBackend {
        let backend = MemoryBackend::default();
        for (key, text) in &self.stored {
            let _ = backend.set(key, text);
        }
        backend
    }

    /// A store opened on [`Dataset::backend`], as the app opens it.
    pub fn store(&self) -> Store<MemoryBackend> {
        Store::open(self.backend(), Namespace::default(), || 0xbe7c4)
    }

    /// The moment the dataset ends: what "now" is for its queries.
    pub fn now(&self) -> Timestamp {
        self.events().last().map_or(Timestamp(0), |e| e.at)
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
