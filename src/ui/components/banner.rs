//! The one place errors and warnings are shown: the last action's outcome, what is
//! wrong with storage (memory mode, unreadable data, read-only, rejected events), and
//! the organizer's reminder to export a backup.

use yew::prelude::*;

use yew_router::prelude::*;

use crate::domain::Timestamp;
use crate::domain::area::AreaAction;
use crate::ui::i18n::{Lang, T};
use crate::ui::routes::Route;
use crate::ui::session::{Session, now, use_app};

/// A backup older than this is due again. Safari may delete a site's data after seven
/// days without a visit, so a week-old backup is the most that may be lost.
const BACKUP_DAYS: u64 = 7;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// The reminder an organizer sees when this device holds data and its last backup is
/// missing or old.
fn backup_due(session: &Session, lang: Lang, wall: Timestamp) -> Option<String> {
    // The community's own records (its founding, devices) alone are not yet worth a
    // reminder: nothing anyone did is at stake.
    let recorded = session
        .store
        .journal()
        .events()
        .any(|e| !matches!(e.action.area(), AreaAction::Trust(_)));
    // The demo's data is not anyone's: nothing to back up.
    if !session.organizer() || !recorded || session.setup.namespace.is_demo() {
        return None;
    }
    match session.prefs.prefs.last_backup {
        None => Some(lang.t(T::BackupDueNever).to_owned()),
        Some(at) if wall.0.saturating_sub(at.0) > BACKUP_DAYS * DAY_MS => {
            Some(lang.f(T::BackupDueOld, &[&BACKUP_DAYS]))
        }
        Some(_) => None,
    }
}

#[component]
pub fn Banner() -> Html {
    let app = use_app();
    // Drawn again on every change of screen, so the backup reminder follows the clock.
    let _route = use_route::<Route>();
    let session = app.session();
    let lang = session.lang();
    let mut warnings = Vec::new();
    if session.storage_problem.is_some() {
        warnings.push(lang.t(T::MemoryMode).to_owned());
    }
    let report = session.store.report();
    let unreadable = !report.unreadable.is_empty();
    if unreadable {
        warnings.push(lang.f(T::UnreadableData, &[&report.unreadable.len()]));
    }
    if session.store.read_only().is_some() {
        warnings.push(lang.t(T::ReadOnlyData).to_owned());
    }
    let rejected = session.store.journal().state().rejected().len();
    if rejected > 0 {
        warnings.push(lang.f(T::RejectedEvents, &[&rejected]));
    }
    let reminder = backup_due(&session, lang, now());
    let notice = session.notice.clone();
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dismiss())
    };
    html! {
        <div class="ll-banners">
            { for warnings.into_iter().map(|w| html! {
                <p class="ll-banner ll-warn" role="status">{ w }</p>
            }) }
            if unreadable {
                <Link<Route> to={Route::Recovery} classes="ll-link">{ lang.t(T::RecoveryDetails) }</Link<Route>>
            }
            if let Some(reminder) = reminder {
                <section class="ll-banner ll-warn ll-banner-line" aria-label={lang.t(T::BackupReminder)}>
                    <span>{ "⚠ " }{ reminder }</span>
                    <Link<Route> to={Route::Organizer} classes="ll-link">{ lang.t(T::BackupGoThere) }</Link<Route>>
                </section>
            }
            if let Some(notice) = notice {
                <div class={classes!("ll-banner", if notice.error { "ll-error" } else { "ll-ok" })}
                     role={if notice.error { "alert" } else { "status" }}>
                    <span>{ notice.text }</span>
                    <button class="ll-link" onclick={dismiss}>{ lang.t(T::Dismiss) }</button>
                </div>
            }
        </div>
    }
}
