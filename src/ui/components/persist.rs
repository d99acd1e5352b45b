//! Asks the browser to keep this site's data persistently (`navigator.storage.persist()`)
//! and says what it answered. Shown beside the backup, which is what to do when it says no.

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[component]
pub fn PersistStatus() -> Html {
    let lang = use_app().lang();
    let granted = use_state(|| None::<bool>);
    {
        let granted = granted.clone();
        use_effect_with((), move |_| {
            // Browsers without the Storage API (or outside a secure context) say nothing.
            let asked = web_sys::window().and_then(|w| w.navigator().storage().persist().ok());
            if let Some(promise) = asked {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(answer) = JsFuture::from(promise).await {
                        granted.set(answer.as_bool());
                    }
                });
            }
        });
    }
    let text = match *granted {
        Some(true) => T::StoragePersisted,
        Some(false) => T::StorageNotPersisted,
        None => return html! {},
    };
    html! { <p class="ll-hint">{ lang.t(text) }</p> }
}
