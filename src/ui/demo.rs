//! The demo community (`crate::store::demo`) on screen: opening it from the first-run
//! page, the banner every demo screen shows, and deleting it in one tap.
//!
//! A page offers the demo by saying where it opens: `<meta name="linli-demo"
//! content="?demo">` in the standalone app's `index.html`, whose script mounts the app
//! on the demo namespace when the address carries `?demo`. A host page that embeds
//! Linli has no such line, and its visitors are not offered a demo that would leave
//! its page. Opening fetches `demo.json` (only then: the app never carries the sample),
//! installs it under the demo namespace and loads the page there; deleting removes
//! every key of that namespace and this tab's organizer visit, and loads the real app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::i18n::{Lang, T};
use super::session::{App, use_app};
use crate::store::StoreError;
use crate::store::demo::{self, DemoFile};
use crate::store::local::visit;
use crate::store::prefs::{self, LoadedPrefs, Prefs, SavePrefsError};

/// Where the page opens the demo, if it offers one.
pub fn offered() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name=\"linli-demo\"]")
        .ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

/// The page at `href`, resolved against the current address: a full load, so the
/// app mounts again on the namespace the address selects.
fn load(href: &str) -> Result<(), String> {
    let location = web_sys::window().ok_or("no window")?.location();
    location.assign(href).map_err(|e| format!("{e:?}"))
}

/// The served demo file's text.
async fn fetch() -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let fail = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}"))
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(demo::FILE))
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    JsFuture::from(response.text().map_err(fail)?)
        .await
        .map_err(fail)?
        .as_string()
        .ok_or_else(|| "not text".to_owned())
}

/// Fetches the demo, installs it once the engine is here and opens it at `href`.
async fn open(app: App, href: String) {
    let text = match fetch().await {
        Ok(text) => text,
        Err(why) => return app.notify(true, app.lang().f(T::DemoFetchFailed, &[&why])),
    };
    match app.install_demo(&text).await {
        Ok(()) => {
            if let Err(why) = load(&href) {
                app.notify(true, why);
            }
        }
        Err(why) => app.notify(true, why),
    }
}

/// Reads the demo file's text and installs it under the demo namespace, with fresh
/// preferences in the language shown now (`Engine::install_demo`: reading the file is
/// the engine's work, not the first module's).
pub fn install(app: &App, text: &str) -> Result<(), String> {
    let lang = app.lang();
    let file = DemoFile::parse(text).map_err(|why| lang.f(T::DemoFetchFailed, &[&why]))?;
    let session = app.session();
    let backend = session.store.backend();
    demo::install(backend, &file)
        .and_then(|_| {
            let prefs = LoadedPrefs {
                prefs: Prefs {
                    lang: Some(lang.code().to_owned()),
                    ..Prefs::default()
                },
                unreadable: false,
            };
            // Fresh preferences, never unreadable: only a storage error can come back.
            prefs::save(backend, demo::NAMESPACE, &prefs).map_err(|e| match e {
                SavePrefsError::Store(error) => error,
                SavePrefsError::Unreadable => StoreError::Failed(e.to_string()),
            })
        })
        .map_err(|e| super::i18n::store_error_text(lang, &e))
}

/// The first-run page's card that opens the demo, where the page offers one.
#[component]
pub fn DemoCard() -> Html {
    let app = use_app();
    let lang = app.lang();
    let busy = use_state(|| false);
    let Some(href) = offered() else {
        return html! {};
    };
    let in_memory = app.session().storage_problem.is_some();
    let onclick = {
        let (app, busy) = (app.clone(), busy.clone());
        Callback::from(move |_| {
            busy.set(true);
            let (app, href, busy) = (app.clone(), href.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                open(app, href).await;
                busy.set(false);
            });
        })
    };
    html! {
        <div class="ll-card">
            <h3>{ lang.t(T::DemoTitle) }</h3>
            <p class="ll-hint">{ lang.t(T::DemoHint) }</p>
            if in_memory {
                <p class="ll-hint">{ lang.t(T::DemoNeedsStorage) }</p>
            } else {
                <button class="ll-button ll-secondary" disabled={*busy} {onclick}>
                    { lang.t(if *busy { T::DemoOpening } else { T::OpenDemo }) }
                </button>
            }
        </div>
    }
}

/// On every screen of the demo: what it is, and the one tap that removes it.
#[component]
pub fn DemoBanner() -> Html {
    let app = use_app();
    if !app.session().setup.namespace.is_demo() {
        return html! {};
    }
    let lang = app.lang();
    let delete = {
        let app = app.clone();
        Callback::from(move |_| delete(&app, lang))
    };
    html! {
        <section class="ll-demo" aria-label={lang.t(T::DemoBanner)}>
            <strong>{ lang.t(T::DemoBanner) }</strong>
            <button class="ll-demo-delete" onclick={delete}>{ lang.t(T::DeleteDemo) }</button>
        </section>
    }
}

/// Removes every key of the demo namespace and this tab's organizer visit there, and
/// loads the real app (the address without `?demo`).
fn delete(app: &App, lang: Lang) {
    let removed = demo::remove(app.session().store.backend());
    if let Err(error) = removed {
        return app.notify(true, super::i18n::store_error_text(lang, &error));
    }
    visit::end(demo::NAMESPACE);
    let real = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".to_owned());
    if let Err(why) = load(&real) {
        app.notify(true, why);
    }
}
