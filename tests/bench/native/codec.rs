//! The segment codec: sealing every stored segment of a dataset (encode and sign), and
//! reading and verifying them as a load does (decode).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use linli::store::seal;

use super::data::{Dataset, sizes, tune};

fn encode_decode(c: &mut Criterion) {
    for size in sizes() {
        let data = Dataset::new(size);
        let sealed = data.sealed();
        let signer = &data.street.signer;
        let community = data.street.community.id;
        let key = signer.public();
        let mut group = c.benchmark_group("codec");
        tune(&mut group, size);
        group.throughput(Throughput::Elements(data.events().len() as u64));
        group.bench_function(BenchmarkId::new("encode", data.label()), |b| {
            b.iter(|| {
                for (at, nonce, events) in &data.segments {
                    black_box(seal::seal(signer, community, *at, *nonce, events).ok());
                }
            });
        });
        // As `Store::open` does: read each segment, then verify its seal.
        group.bench_function(BenchmarkId::new("decode", data.label()), |b| {
            b.iter(|| {
                for (at, text) in &sealed {
                    let read = text
                        .strip_prefix(seal::PREFIX)
                        .and_then(|packed| seal::read(*at, packed).ok());
                    black_box(read.map(|r| r.verify(community, *at, &key)));
                }
            });
        });
        group.finish();
    }
}

criterion_group!(benches, encode_decode);
