//! 导出表格: CSV files of volunteers, confirmed hours and the ledger, for the office's
//! spreadsheets (UTF-8 with a BOM so Excel reads Chinese; formula-like cells escaped).

use yew::prelude::*;

use crate::domain::{Account, State};
use crate::records::csv::to_csv;
use crate::records::sheets;
use crate::ui::components::statement::entry_kind_text;
use crate::ui::download::download;
use crate::ui::format::file_stamp;
use crate::ui::i18n::{Lang, T};
use crate::ui::session::{App, now, use_app};

fn account_name(lang: Lang, state: &State, account: Account) -> String {
    match account {
        Account::Pool => lang.t(T::PoolAccount).to_owned(),
        Account::Volunteer(id) => state
            .volunteer(id)
            .map(|v| v.profile.name.clone())
            .unwrap_or_else(|| lang.t(T::UnknownAccount).to_owned()),
        Account::Unit(id) => state
            .unit(id)
            .map(|u| u.profile.name.clone())
            .unwrap_or_else(|| lang.t(T::UnknownAccount).to_owned()),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Sheet {
    Members,
    Hours,
    Ledger,
}

fn sheet_text(app: &App, sheet: Sheet) -> (String, String) {
    let lang = app.lang();
    let session = app.session();
    let state = session.store.journal().state();
    let h = |keys: &[T]| keys.iter().map(|k| lang.t(*k)).collect::<Vec<_>>();
    let (name, text) = match sheet {
        Sheet::Members => (
            "volunteers",
            to_csv(
                &h(&[
                    T::Name,
                    T::Phone,
                    T::VolunteerNumber,
                    T::Grid,
                    T::Building,
                    T::FieldSkills,
                    T::PartyMember,
                    T::ColJoined,
                    T::ColHours,
                    T::ColBalance,
                ]),
                sheets::members(state, lang.t(T::Yes), lang.t(T::No)),
            ),
        ),
        Sheet::Hours => (
            "hours",
            to_csv(
                &h(&[
                    T::ColStart,
                    T::ColActivity,
                    T::ColVolunteer,
                    T::VolunteerNumber,
                    T::ColPresentHours,
                    T::ColCountedHours,
                    T::ColPoints,
                ]),
                sheets::hours(state),
            ),
        ),
        Sheet::Ledger => (
            "ledger",
            to_csv(
                &h(&[
                    T::ColTime,
                    T::ColFrom,
                    T::ColTo,
                    T::ColPoints,
                    T::ColKind,
                    T::ColReason,
                    T::ColReversedBy,
                ]),
                sheets::ledger(
                    state,
                    |account| account_name(lang, state, account),
                    |entry| lang.t(entry_kind_text(&entry.kind)).to_owned(),
                ),
            ),
        ),
    };
    (format!("linli-{name}-{}.csv", file_stamp(now())), text)
}

#[component]
pub fn ExportsPanel() -> Html {
    let app = use_app();
    let lang = app.lang();
    let button = |sheet: Sheet, label: T| {
        let app = app.clone();
        let onclick = Callback::from(move |_| {
            let (name, text) = sheet_text(&app, sheet);
            if let Err(why) = download(&name, "text/csv;charset=utf-8", &text) {
                app.notify(true, why);
            }
        });
        html! { <button class="ll-button ll-secondary" {onclick}>{ lang.t(label) }</button> }
    };
    html! {
        <section class="ll-card" aria-label={lang.t(T::Exports)}>
            <h3>{ lang.t(T::Exports) }</h3>
            <p class="ll-hint">{ lang.t(T::ExportsHint) }</p>
            { button(Sheet::Members, T::ExportMembers) }
            { button(Sheet::Hours, T::ExportHours) }
            { button(Sheet::Ledger, T::ExportLedger) }
        </section>
    }
}
