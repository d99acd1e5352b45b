//! The segment codec: encoding and decoding every stored segment of a dataset.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use linli::store::codec;

use super::data::{Dataset, sizes, tune};

fn encode_decode(c: &mut Criterion) {
    for size in sizes() {
        let data = Dataset::new(size);
        let encoded = data.encoded();
        let mut group = c.benchmark_group("codec");
        tune(&mut group, size);
        group.throughput(Throughput::Elements(data.events.len() as u64));
        group.bench_function(BenchmarkId::new("encode", data.label()), |b| {
            b.iter(|| {
                for (key, events) in &data.segments {
                    black_box(codec::encode_segment(key.replica, events).ok());
                }
            });
        });
        group.bench_function(BenchmarkId::new("decode", data.label()), |b| {
            b.iter(|| {
                for (key, text) in &encoded {
                    black_box(codec::decode_segment(*key, text).ok());
                }
            });
        });
        group.finish();
    }
}

criterion_group!(benches, encode_decode);
