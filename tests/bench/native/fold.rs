//! The fold, and the store around it: folding the events in order, merging them into a
//! community's journal as a load does (one signed batch per segment), opening a store
//! on the sealed segments (read, verify, merge, fold: the native cold load), and
//! appending one action (check, seal, write, fold).

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group};
use linli::domain::{Action, Points, State, Timestamp};

use super::data::{Dataset, sizes, tune};

fn fold(c: &mut Criterion) {
    for size in sizes() {
        let data = Dataset::new(size);
        let mut group = c.benchmark_group("fold");
        tune(&mut group, size);
        group.throughput(Throughput::Elements(data.events().len() as u64));
        // Dropping a folded state takes a while too: that is left out of every timing.
        group.bench_function(BenchmarkId::new("state", data.label()), |b| {
            b.iter_with_large_drop(|| {
                let mut state = State::default();
                for event in data.events() {
                    state.apply(event);
                }
                black_box(state)
            });
        });
        group.bench_function(BenchmarkId::new("journal", data.label()), |b| {
            b.iter_batched(
                || data.batches(),
                |batches| black_box(data.fold_journal(batches)),
                BatchSize::LargeInput,
            );
        });
        let backend = data.backend();
        group.bench_function(BenchmarkId::new("open", data.label()), |b| {
            b.iter_with_large_drop(|| {
                black_box(linli::store::Store::open(
                    backend.clone(),
                    linli::store::Namespace::default(),
                    || 0xbe7c4,
                ))
            });
        });
        group.finish();

        // One award on a store holding the dataset: the cost of an action.
        let mut group = c.benchmark_group("append");
        tune(&mut group, size);
        let mut store = data.store();
        let Some(volunteer) = data.journal.state().volunteers().next().map(|v| v.id) else {
            continue;
        };
        let mut wall = data.now().0 + Timestamp::DAY;
        let mut award = |wall: u64| {
            store.act(
                Action::AwardPoints {
                    volunteer,
                    points: Points::whole(1),
                    reason: "基准测试".to_owned(),
                },
                Timestamp(wall),
            )
        };
        // A refused action would be timed as a cheap no-op: make sure one is written.
        if let Err(error) = award(wall) {
            eprintln!(
                "append/award/{}: the store refused the award: {error}",
                data.label()
            );
            continue;
        }
        group.bench_function(BenchmarkId::new("award", data.label()), |b| {
            b.iter(|| {
                wall += 1_000;
                black_box(award(wall).ok());
            });
        });
        group.finish();
    }
}

criterion_group!(benches, fold);
