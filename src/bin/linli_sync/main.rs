//! The sync worker: a separate wasm module (Trunk builds it as a web worker; the app
//! starts it only when the community syncs, so the first download carries none of
//! it). It keeps one Yjs document per log ([`linli::sync::LogDoc`]) in step with the
//! y-sweet server over a WebSocket, keeps the document between visits in the Cache
//! API, and passes entries to and from the app ([`linli::sync::wire`]). It trusts
//! nothing it receives: the app verifies every entry before storing it.

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "linli_sync runs in the browser, as the app's sync worker (README \"Many devices\")."
    );
}
