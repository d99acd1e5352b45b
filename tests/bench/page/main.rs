//! The browser benchmark page's wasm: the sample street written into localStorage
//! through the real codec and backend, the real app mounted on it, and a Yew list to
//! compare with a vanilla-JavaScript loop. `bench.js` drives it and times everything
//! with `performance.now()`; `.ci/bench` builds it (`cargo build --release --target
//! wasm32-unknown-unknown --example bench_page`, then `wasm-bindgen --target web`) and
//! runs it in headless Chromium.
//!
//! Natively this is an empty program, so `cargo clippy --all-targets` builds everywhere.

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod rows;
#[cfg(target_arch = "wasm32")]
mod today;

fn main() {}
