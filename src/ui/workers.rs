//! Starting a worker module (a separate wasm file) from its stable entry script, which
//! `.ci/post-build` writes beside this module's own script: `sync-worker.js` (live sync,
//! `src/bin/linli_sync/`) and `qr-worker.js` (the camera's QR decoder where the browser
//! has none, `src/bin/linli_qr/`). Nothing of a worker is downloaded before it starts.

use wasm_bindgen::prelude::*;
use web_sys::Worker;

#[wasm_bindgen]
extern "C" {
    /// The address of this module's JavaScript (the wasm-bindgen glue), which the
    /// workers' scripts sit beside.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

/// Starts the worker whose entry script is `script`.
pub fn start(script: &str) -> Option<Worker> {
    let base = MODULE_URL.with(String::clone);
    let url = web_sys::Url::new_with_base(script, &base).ok()?;
    Worker::new(&url.href()).ok()
}
