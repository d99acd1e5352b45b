//! 数据恢复: what stored data could not be read and why; the raw text to download and
//! keep; and a way to restore from a backup file (which merges: nothing stored is
//! changed). Open to anyone on the device: it only reads, and an import cannot change
//! the PIN or grant organizer rights.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::backup::BackupPanel;
use crate::ui::download::download;
use crate::ui::format::file_stamp;
use crate::ui::i18n::{T, codec_error_text};
use crate::ui::session::{now, use_app};

#[component]
pub fn Recovery() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    let report = session.store.report();
    if report.unreadable.is_empty() {
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::Recovery) }</h2>
                <p class="ll-empty">{ lang.t(T::NothingToRecover) }</p>
                <BackupPanel />
            </section>
        };
    }
    let problems = report
        .unreadable
        .iter()
        .map(|u| html! { <li><code>{ u.key.clone() }</code>{ lang.t(T::KeySeparator) }{ codec_error_text(lang, &u.error) }</li> });
    let save_raw = {
        let app = app.clone();
        Callback::from(move |_| {
            let items: BTreeMap<String, Option<String>> =
                app.session().store.unreadable_raw().into_iter().collect();
            let text = serde_json::json!({ "format": "linli-raw", "items": items }).to_string();
            let name = format!("linli-raw-{}.json", file_stamp(now()));
            if let Err(why) = download(&name, "application/json", &text) {
                app.notify(true, why);
            }
        })
    };
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::Recovery) }</h2>
            <p>{ lang.t(T::RecoveryHint) }</p>
            <ul class="ll-problems" aria-label={lang.t(T::Recovery)}>{ for problems }</ul>
            <button class="ll-button" onclick={save_raw}>{ lang.t(T::DownloadRaw) }</button>
            <BackupPanel />
        </section>
    }
}
