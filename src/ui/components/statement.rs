//! A points statement (积分明细): newest first, each line with its change and the
//! balance after it. Organizers may reverse a line; the reversal appears as its own line.

use yew::prelude::*;

use super::field::{Select, TextField};
use super::paged::{Paged, use_page};
use crate::domain::calendar::Period;
use crate::domain::{Account, Action, EntryId, EntryKind, Points, StatementLine, VolunteerId};
use crate::ui::format::date_time;
use crate::ui::i18n::T;
use crate::ui::session::{now, use_app};

#[derive(Properties, PartialEq)]
pub struct StatementProps {
    pub volunteer: VolunteerId,
    #[prop_or_default]
    pub can_reverse: bool,
}

/// Which lines a statement shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Earned,
    Spent,
    ThisMonth,
}

impl Filter {
    const ALL: [(Filter, &'static str, T); 4] = [
        (Filter::All, "all", T::FilterAll),
        (Filter::Earned, "earned", T::FilterEarned),
        (Filter::Spent, "spent", T::FilterSpent),
        (Filter::ThisMonth, "month", T::FilterMonth),
    ];

    fn keeps(self, line: &StatementLine<'_>, month: Period) -> bool {
        match self {
            Filter::All => true,
            Filter::Earned => line.change > Points::ZERO,
            Filter::Spent => line.change < Points::ZERO,
            Filter::ThisMonth => month.contains(line.entry.at),
        }
    }
}

#[component]
pub fn Statement(props: &StatementProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let filter = use_state(|| Filter::All);
    let session = app.session();
    let ledger = session.store.journal().state().ledger();
    let all = ledger.statement(Account::Volunteer(props.volunteer));
    let month = Period::month_of(now());
    // Newest first.
    let lines: Vec<_> = all
        .iter()
        .rev()
        .filter(|l| filter.keeps(l, month))
        .collect();
    // Another filter starts again at the first page.
    let page = use_page(lines.len(), *filter);
    if all.is_empty() {
        return html! { <p class="ll-empty">{ lang.t(T::NoEntries) }</p> };
    }
    let options = Filter::ALL
        .iter()
        .map(|(_, code, text)| (AttrValue::Static(code), AttrValue::from(lang.t(*text))))
        .collect::<Vec<_>>();
    let selected = Filter::ALL
        .iter()
        .find(|(f, ..)| f == &*filter)
        .map_or("all", |(_, code, _)| code);
    let choose = {
        let filter = filter.clone();
        Callback::from(move |code: String| {
            if let Some((f, ..)) = Filter::ALL.iter().find(|(_, c, _)| *c == code) {
                filter.set(*f);
            }
        })
    };
    let select_id = format!("statement-filter-{}", props.volunteer);
    html! {
        <>
        <Select id={select_id} label={lang.t(T::ShowEntries)} options={options}
            selected={AttrValue::Static(selected)} onchange={choose} />
        <Paged class="ll-statement" label={lang.t(T::Statement)} page={page.clone()}>
            { for page.of(&lines).iter().map(|line| {
                let entry = line.entry;
                let kind = entry_kind_text(&entry.kind);
                let reversible = props.can_reverse
                    && line.reversed_by.is_none()
                    && entry.kind.is_reversible();
                html! {
                    <li class="ll-line" key={entry.id.to_string()}>
                        <div class="ll-line-main">
                            <span class="ll-tag">{ lang.t(kind) }</span>
                            <span class="ll-reason">{ entry.reason.clone() }</span>
                            <span class={classes!("ll-change", (line.change < Points::ZERO).then_some("ll-neg"))}>
                                { signed(line.change) }
                            </span>
                        </div>
                        <div class="ll-line-meta">
                            <time>{ date_time(entry.at) }</time>
                            <span>{ lang.f(T::BalanceAfter, &[&line.balance]) }</span>
                            if line.reversed_by.is_some() {
                                <span class="ll-tag ll-tag-muted">{ lang.t(T::Reversed) }</span>
                            }
                        </div>
                        if reversible {
                            <ReverseForm entry={entry.id} />
                        }
                    </li>
                }
            }) }
        </Paged>
        </>
    }
}

/// What kind of movement an entry is, in words.
pub fn entry_kind_text(kind: &EntryKind) -> T {
    match kind {
        EntryKind::Award => T::Award,
        EntryKind::Deduction => T::Deduction,
        EntryKind::Reversal { .. } => T::Reversal,
        EntryKind::ActivityCredit { .. } => T::ActivityCredit,
        EntryKind::Redemption { .. } => T::Redemption,
        EntryKind::VoucherRefund { .. } => T::VoucherRefund,
        EntryKind::ProjectCredit { .. } => T::ProjectCredit,
        EntryKind::WishCredit { .. } => T::WishCredit,
    }
}

fn signed(points: Points) -> String {
    if points > Points::ZERO {
        format!("+{points}")
    } else {
        points.to_string()
    }
}

#[derive(Properties, PartialEq)]
struct ReverseFormProps {
    entry: EntryId,
}

/// A reversal asks for its reason before it is done.
#[component]
fn ReverseForm(props: &ReverseFormProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let open = use_state(|| false);
    let reason = use_state(String::new);
    if !*open {
        let open = open.clone();
        return html! {
            <button class="ll-button ll-secondary" onclick={move |_| open.set(true)}>
                { lang.t(T::ReverseEntry) }
            </button>
        };
    }
    let confirm = {
        let (app, reason, open, entry) = (app.clone(), reason.clone(), open.clone(), props.entry);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let action = Action::ReverseEntry {
                entry,
                reason: reason.trim().to_owned(),
            };
            if app.act(action).is_some() {
                app.notify(false, app.lang().t(T::ReversedDone).to_owned());
                open.set(false);
            }
        })
    };
    let id = format!("reverse-{}", props.entry);
    html! {
        <form class="ll-inline-form" onsubmit={confirm}>
            <TextField id={id} label={lang.t(T::ReverseReason)} value={(*reason).clone()}
                oninput={{ let reason = reason.clone(); Callback::from(move |v| reason.set(v)) }} />
            <div class="ll-row">
                <button type="submit" class="ll-button ll-danger">{ lang.t(T::ConfirmReverse) }</button>
                <button type="button" class="ll-button ll-secondary" onclick={move |_| open.set(false)}>
                    { lang.t(T::Cancel) }
                </button>
            </div>
        </form>
    }
}
