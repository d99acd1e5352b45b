//! The session context in headless Chromium: a component drawn outside
//! `SessionProvider` does not open a second store on the page's storage, and says so.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_session`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gloo_timers::future::TimeoutFuture;
use linli::store::local::BrowserBackend;
use linli::ui::session::use_app;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Shows where its session keeps data and why, as `memory|local: reason`.
#[component]
fn Outside() -> Html {
    let app = use_app();
    let session = app.session();
    let backend = match session.store.backend() {
        BrowserBackend::Memory(_) => "memory",
        BrowserBackend::Local(_) => "local",
    };
    let why = session
        .storage_problem
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    html! { <p>{ format!("{backend}: {why}") }</p> }
}

async fn draw_outside() -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Outside>::with_root(root.clone()).render();
    // Yew draws in a microtask; a timer runs after it.
    TimeoutFuture::new(0).await;
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn use_app_outside_the_provider_opens_no_store_on_local_storage_and_says_why() {
    let shown = draw_outside().await;
    assert!(shown.starts_with("memory: "), "{shown}");
    assert!(shown.contains("outside SessionProvider"), "{shown}");
    // A second component outside shares that one session instead of opening another.
    assert_eq!(draw_outside().await, shown);
}
