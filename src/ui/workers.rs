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
///
/// A page may start a worker only from its own origin. When Linli is served from
/// another (a portal that imports `linli.js` from Linli's server), the worker starts
/// from a small script of the page's own (a blob) that loads the entry from Linli's
/// server, and tells it where its files are (`LINLI_BASE`, read by the entry).
pub fn start(script: &str) -> Option<Worker> {
    let base = MODULE_URL.with(String::clone);
    let url = web_sys::Url::new_with_base(script, &base).ok()?;
    let page = web_sys::window()?.location().origin().ok()?;
    if url.origin() == page {
        return Worker::new(&url.href()).ok();
    }
    let dir = web_sys::Url::new_with_base("./", &base).ok()?.href();
    let loader = format!(
        "self.LINLI_BASE = {dir:?}; importScripts({href:?});",
        href = url.href()
    );
    let parts = js_sys::Array::of1(&loader.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    // Not revoked: a worker may fetch its script after the constructor returns, and a
    // blob of one line per started worker is nothing to keep.
    let blob_url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    Worker::new(&blob_url).ok()
}
