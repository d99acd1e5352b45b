//! 首页: a greeting, the community's totals, and a nudge to choose "who am I".

use yew::prelude::*;
use yew_router::prelude::*;

use super::community::FirstRun;
use crate::domain::{Account, Points};
use crate::ui::i18n::T;
use crate::ui::routes::Route;
use crate::ui::session::use_app;

#[component]
pub fn Home() -> Html {
    let app = use_app();
    let lang = app.lang();
    let session = app.session();
    if session.store.community().is_none() {
        drop(session);
        return html! { <FirstRun /> };
    }
    let state = session.state();
    let volunteers = state.volunteers().count();
    let issued = -state.ledger().balance(Account::Pool);
    let chosen = session.me().is_some();
    html! {
        <section class="ll-page">
            <p class="ll-lead">{ lang.t(T::Welcome) }</p>
            <dl class="ll-stats">
                <div><dt>{ lang.t(T::HomeVolunteers) }</dt><dd>{ volunteers }</dd></div>
                <div><dt>{ lang.t(T::HomePointsIssued) }</dt><dd>{ issued.max(Points::ZERO).to_string() }</dd></div>
            </dl>
            <div class="ll-row">
                <Link<Route> to={Route::Activities} classes="ll-button">{ lang.t(T::Activities) }</Link<Route>>
                <Link<Route> to={Route::Shop} classes="ll-button ll-secondary">{ lang.t(T::Shop) }</Link<Route>>
                <Link<Route> to={Route::Ranking} classes="ll-button ll-secondary">{ lang.t(T::Ranking) }</Link<Route>>
            </div>
            if !chosen {
                <p>
                    <Link<Route> to={Route::Me} classes="ll-button">{ lang.t(T::WhoAmI) }</Link<Route>>
                </p>
            }
        </section>
    }
}
