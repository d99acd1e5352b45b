//! 数据备份: export every record to a file, and import a file from another device. The
//! import merges; the result lists every record that was not imported, and why.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::components::persist::PersistStatus;
use crate::ui::download::download;
use crate::ui::format::{date_time, file_stamp};
use crate::ui::i18n::T;
use crate::ui::session::{ImportOutcome, use_app};

#[component]
pub fn BackupPanel() -> Html {
    let app = use_app();
    let lang = app.lang();
    let outcome = use_state(|| None::<ImportOutcome>);
    let last = app.session().prefs.prefs.last_backup;
    let export = {
        let app = app.clone();
        Callback::from(move |_| {
            let (text, count) = app.export_backup();
            let name = format!(
                "linli-backup-{}.json",
                file_stamp(crate::ui::session::now())
            );
            match download(&name, "application/json", &text) {
                Ok(()) => app.notify(false, app.lang().f(T::Exported, &[&count])),
                Err(why) => app.notify(true, why),
            }
        })
    };
    let import = {
        let (app, outcome) = (app.clone(), outcome.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let (app, outcome) = (app.clone(), outcome.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let lang = app.lang();
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                let Some(text) = text else {
                    app.notify(true, lang.t(T::ReadFileFailed).to_owned());
                    return;
                };
                match app.import_backup(&text) {
                    Ok(result) => {
                        let r = &result.report;
                        let refused = result.rejected.len() + r.conflicts.len() + r.not_stored;
                        let mut message = lang.f(T::Imported, &[&r.added, &r.known, &refused]);
                        if r.failure.is_some() {
                            message.push(' ');
                            message.push_str(&lang.f(T::ImportStopped, &[&r.not_stored]));
                        }
                        app.notify(refused > 0, message);
                        outcome.set(Some(result));
                    }
                    Err(why) => app.notify(true, why),
                }
            });
        })
    };
    let details = outcome.as_ref().map(|o| {
        let lines = o
            .rejected
            .iter()
            .map(|r| {
                let id = r.id.clone().unwrap_or_else(|| "?".into());
                lang.f(T::RejectedRecord, &[&(r.index + 1), &id, &r.reason])
            })
            .chain(
                o.report
                    .conflicts
                    .iter()
                    .map(|c| lang.f(T::ConflictRecord, &[&c.refused.id])),
            );
        html! { <ul class="ll-problems">{ for lines.map(|l| html! { <li>{ l }</li> }) }</ul> }
    });
    html! {
        <section class="ll-card" aria-label={lang.t(T::Backup)}>
            <h3>{ lang.t(T::Backup) }</h3>
            <p class="ll-hint">{ lang.t(T::BackupHint) }</p>
            <p>
                { match last {
                    Some(at) => lang.f(T::LastBackup, &[&date_time(at)]),
                    None => lang.t(T::NeverBackedUp).to_owned(),
                } }
            </p>
            <PersistStatus />
            <button class="ll-button" onclick={export}>{ lang.t(T::ExportBackup) }</button>
            <div class="ll-field">
                <label for="backup-file">{ lang.t(T::ImportBackup) }</label>
                <input id="backup-file" type="file" accept=".json,application/json" onchange={import} />
            </div>
            { for details }
        </section>
    }
}
