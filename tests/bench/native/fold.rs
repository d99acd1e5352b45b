//! The fold, and the store around it: folding the events in order, merging them into a
//! journal as a load does, opening a store on stored segments (read, decode, merge,
//! fold: the native cold load), and appending one action (check, write, fold).

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group};
use linli::domain::{Action, Journal, Points, State, Timestamp};

use super::data::{Dataset, sizes, tune};

fn fold(c: &mut Criterion) {
    for size in sizes() {
        let data = Dataset::new(size);
        let mut group = c.benchmark_group("fold");
        tune(&mut group, size);
        group.throughput(Throughput::Elements(data.events.len() as u64));
        // Dropping a folded state takes a while too: that is left out of every timing.
        group.bench_function(BenchmarkId::new("state", data.label()), |b| {
            b.iter_with_large_drop(|| {
                let mut state = State::default();
                for event in &data.events {
                    state.apply(event);
                }
                black_box(state)
            });
        });
        group.bench_function(BenchmarkId::new("journal", data.label()), |b| {
            b.iter_batched(
                || data.events.clone(),
                |events| {
                    let mut journal = Journal::default();
                    journal.merge(events);
                    black_box(journal)
                },
                BatchSize::LargeInput,
            );
        });
        let backend = data.backend();
        group.bench_function(BenchmarkId::new("open", data.label()), |b| {
            b.iter_with_large_drop(|| {
                black_box(linli::store::Store::open(
                    backend.clone(),
                    linli::store::Namespace::default(),
                    || linli::domain::ReplicaId(0xbe7c4),
                ))
            });
        });
        group.finish();

        // One award on a store holding the dataset: the cost of an action.
        let mut group = c.benchmark_group("append");
        tune(&mut group, size);
        let mut store = data.store();
        let volunteer = data.journal.state().volunteers().next().map(|v| v.id);
        let mut wall = data.now().0 + Timestamp::DAY;
        group.bench_function(BenchmarkId::new("award", data.label()), |b| {
            b.iter(|| {
                wall += 1_000;
                let Some(volunteer) = volunteer else { return };
                black_box(
                    store
                        .act(
                            Action::AwardPoints {
                                volunteer,
                                points: Points::whole(1),
                                reason: "基准测试".to_owned(),
                            },
                            Timestamp(wall),
                        )
                        .ok(),
                );
            });
        });
        group.finish();
    }
}

criterion_group!(benches, fold);
