//! 未计入的记录 (organizer mode): events stored on this device that do not count, each
//! with why (no signature, a changed text, a device without the authority…), and the
//! data from before signing, which an organizer adopts.

use yew::prelude::*;

use crate::store::tagged;
use crate::ui::format::date_time;
use crate::ui::i18n::{T, refusal_text, seal_refusal_text};
use crate::ui::session::use_app;

#[component]
pub fn KeptAside() -> Html {
    let app = use_app();
    let lang = app.lang();
    if !app.session().organizer() {
        return html! {
            <section class="ll-page">
                <h2>{ lang.t(T::KeptAside) }</h2>
                <p class="ll-empty">{ lang.t(T::NeedsOrganizer) }</p>
            </section>
        };
    }
    let session = app.session();
    let journal = session.store.journal();
    let state = session.state();
    let events: Vec<Html> = journal
        .kept_aside()
        .iter()
        .rev()
        .filter_map(|kept| {
            let event = journal.event(kept.event)?;
            Some(html! {
                <li key={kept.event.to_string()}>
                    <strong>{ tagged::kind(&event.action) }</strong>
                    { format!(" · {} · {}", kept.event, date_time(event.at)) }
                    <br />
                    { refusal_text(lang, state, &kept.refusal) }
                </li>
            })
        })
        .collect();
    let segments: Vec<Html> = session
        .store
        .report()
        .refused
        .iter()
        .chain(&session.sync_refused)
        .map(|r| {
            html! {
                <li key={r.key.clone()}>
                    <code>{ r.key.clone() }</code>
                    { " · " }{ lang.f(T::EventsCount, &[&r.events]) }
                    <br />
                    { seal_refusal_text(lang, r.reason) }
                </li>
            }
        })
        .collect();
    let legacy = session.store.legacy_events();
    drop(session);
    let adopt = {
        let app = app.clone();
        Callback::from(move |_| match app.adopt_legacy() {
            Ok(n) => app.notify(false, app.lang().f(T::Upgraded, &[&n])),
            Err(why) => app.notify(true, why),
        })
    };
    let nothing = events.is_empty() && segments.is_empty() && legacy == 0;
    html! {
        <section class="ll-page">
            <h2>{ lang.t(T::KeptAside) }</h2>
            <p class="ll-hint">{ lang.t(T::KeptAsideHint) }</p>
            if nothing {
                <p class="ll-empty">{ lang.t(T::NothingKeptAside) }</p>
            }
            if legacy > 0 {
                <div class="ll-card">
                    <p>{ lang.f(T::LegacyWaiting, &[&legacy]) }</p>
                    <button class="ll-button" onclick={adopt}>{ lang.t(T::AdoptNow) }</button>
                </div>
            }
            if !events.is_empty() {
                <ul class="ll-problems" aria-label={lang.t(T::KeptAsideEvents)}>{ for events }</ul>
            }
            if !segments.is_empty() {
                <ul class="ll-problems" aria-label={lang.t(T::KeptAsideSegments)}>{ for segments }</ul>
            }
        </section>
    }
}
