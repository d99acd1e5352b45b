//! Native benchmarks (criterion) of what a cold load and a screen cost at 1k, 10k and
//! 100k ledger entries of the sample street (`src/sample`): the segment codec, the
//! fold, opening a store, appending one action, and the main queries.
//!
//! ```sh
//! cargo bench --bench native                          # every size
//! LINLI_BENCH_SIZES=1k,10k cargo bench --bench native # some sizes
//! cargo bench --bench native -- decode                # some benchmarks
//! ```
//!
//! Native only: criterion does not build for wasm32, where this file is an empty
//! program (the browser has its own bench page, `tests/bench/page`).

#[cfg(not(target_arch = "wasm32"))]
mod codec;
#[cfg(not(target_arch = "wasm32"))]
mod data;
#[cfg(not(target_arch = "wasm32"))]
mod fold;
#[cfg(not(target_arch = "wasm32"))]
mod queries;

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(codec::benches, fold::benches, queries::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
