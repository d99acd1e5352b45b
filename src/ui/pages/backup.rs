//! 数据备份: export the community's records to a file (the whole log, personal details
//! included, only from an organizer device with its PIN entered; anyone may export what
//! their own device wrote; the public log, for volunteers' phones, from an organizer
//! device), and import a file from another device. The import verifies
//! and merges; the result lists every record that was not imported, and why.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::store::backup::Scope;
use crate::ui::components::persist::PersistStatus;
use crate::ui::download::download;
use crate::ui::format::{date_time, file_stamp};
use crate::ui::i18n::{T, codec_error_text, record_problem_text, seal_refusal_text};
use crate::ui::session::{App, ImportOutcome, use_app};

/// Downloads a backup of `scope`, or says why this device may not write it.
fn export(app: &App, scope: Scope) {
    match app.export_backup(scope) {
        Ok((text, count)) => {
            let name = format!(
                "linli-{}-{}.json",
                match scope {
                    Scope::Full => "backup",
                    Scope::Public => "public",
                    Scope::Own => "records",
                },
                file_stamp(crate::ui::session::now())
            );
            match download(&name, "application/json", &text) {
                Ok(()) => app.notify(false, app.lang().f(T::Exported, &[&count])),
                Err(why) => app.notify(true, why),
            }
        }
        Err(why) => app.notify(true, why),
    }
}

#[component]
pub fn BackupPanel() -> Html {
    let app = use_app();
    let lang = app.lang();
    let outcome = use_state(|| None::<ImportOutcome>);
    let last = app.session().prefs.prefs.last_backup;
    let (organizer, keyed) = {
        let session = app.session();
        (session.organizer(), session.store.device_key().is_some())
    };
    let export_full = {
        let app = app.clone();
        Callback::from(move |_| export(&app, Scope::Full))
    };
    let export_public = {
        let app = app.clone();
        Callback::from(move |_| export(&app, Scope::Public))
    };
    let export_own = {
        let app = app.clone();
        Callback::from(move |_| export(&app, Scope::Own))
    };
    let adopt = {
        let (app, outcome) = (app.clone(), outcome.clone());
        Callback::from(move |_| {
            match app.adopt_file() {
                Ok(n) => app.notify(false, app.lang().f(T::Upgraded, &[&n])),
                Err(why) => app.notify(true, why),
            }
            outcome.set(None);
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
                        let refused = result.not_imported();
                        let mut message = lang.f(T::Imported, &[&r.added, &r.known, &refused]);
                        if r.failure.is_some() {
                            message.push(' ');
                            message.push_str(&lang.f(T::ImportStopped, &[&r.not_stored]));
                        }
                        if r.unsigned > 0 {
                            message.push(' ');
                            message.push_str(&lang.f(T::UnsignedFile, &[&r.unsigned]));
                        }
                        let refused = refused + r.unsigned;
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
                let why = record_problem_text(lang, &r.reason);
                lang.f(T::RejectedRecord, &[&(r.index + 1), &id, &why])
            })
            .chain(
                o.report
                    .conflicts
                    .iter()
                    .map(|c| lang.f(T::ConflictRecord, &[&c.refused.id])),
            )
            .chain(o.report.unreadable.iter().map(|u| {
                lang.f(
                    T::UnreadableSegment,
                    &[&u.key, &codec_error_text(lang, &u.error)],
                )
            }))
            .chain(o.report.refused.iter().map(|r| {
                lang.f(
                    T::RefusedSegment,
                    &[&r.key, &r.events, &seal_refusal_text(lang, r.reason)],
                )
            }));
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
            if organizer {
                <button class="ll-button" onclick={export_full}>{ lang.t(T::ExportBackup) }</button>
                <p class="ll-hint">{ lang.t(T::ExportPublicHint) }</p>
                <button class="ll-button ll-secondary" onclick={export_public}>{ lang.t(T::ExportPublic) }</button>
            } else {
                <p class="ll-hint">{ lang.t(T::ExportNotAllowed) }</p>
            }
            if keyed {
                <button class="ll-button ll-secondary" onclick={export_own}>{ lang.t(T::ExportOwn) }</button>
            }
            <div class="ll-field">
                <label for="backup-file">{ lang.t(T::ImportBackup) }</label>
                <input id="backup-file" type="file" accept=".json,application/json" onchange={import} />
            </div>
            { for details }
            if organizer && outcome.as_ref().is_some_and(|o| o.unsigned() > 0) {
                <div class="ll-card">
                    <p>{ lang.t(T::AdoptFileHint) }</p>
                    <button class="ll-button ll-secondary" onclick={adopt}>{ lang.t(T::AdoptFile) }</button>
                </div>
            }
        </section>
    }
}
