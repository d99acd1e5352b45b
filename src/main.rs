//! The standalone app: Trunk builds this binary (so link-time optimization applies) and
//! `www/index.html` loads it.

#[cfg(target_arch = "wasm32")]
fn main() {
    linli::run_standalone();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Linli runs in the browser: see README.md for the command that serves it.");
}
