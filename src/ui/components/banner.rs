//! The one place errors and warnings are shown: the last action's outcome, and what is
//! wrong with storage (memory mode, unreadable data, read-only, rejected events).

use yew::prelude::*;

use yew_router::prelude::*;

use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[component]
pub fn Banner() -> Html {
    let app = use_app();
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
