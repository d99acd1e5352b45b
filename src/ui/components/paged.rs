//! A long list, a page at a time: only one page of rows is in the document, so a list of
//! 2,000 volunteers scrolls and redraws as fast as one of 30. Large previous/next buttons
//! and "page 2 of 40" suit older hands better than endless scrolling.

use std::rc::Rc;

use yew::prelude::*;

use super::rows::{Row, RowList};
use crate::ui::i18n::T;
use crate::ui::session::use_app;

/// Rows on one page.
pub const PAGE_ROWS: usize = 30;

/// How many pages `total` rows take (at least one), and the rows of page `page`,
/// clamped to the last page.
pub fn page_of(total: usize, page: usize) -> (usize, usize, std::ops::Range<usize>) {
    let pages = total.div_ceil(PAGE_ROWS).max(1);
    let page = page.min(pages - 1);
    let start = page * PAGE_ROWS;
    (page, pages, start..total.min(start + PAGE_ROWS))
}

#[derive(Properties, PartialEq)]
pub struct PagedProps {
    /// The list's accessible name (and the pager's, with "pages" added).
    pub label: AttrValue,
    /// The list's class: `ll-list` unless told.
    #[prop_or(AttrValue::Static("ll-list"))]
    pub class: AttrValue,
    /// Every row, keyed; only the current page's are drawn. For rows with links,
    /// buttons or forms.
    #[prop_or_default]
    pub children: Children,
    /// Read-only rows, drawn instead of `children` when given: the current page's come
    /// from one escaped string (`rows.rs`), several times faster than Yew elements.
    #[prop_or_default]
    pub text_rows: Option<Rc<[Row]>>,
}

/// A `<ul>` of the current page's rows, with the pager below when there is more than
/// one page. Give it a `key` that changes with the list's filter to start again at the
/// first page.
#[component]
pub fn Paged(props: &PagedProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let page = use_state(|| 0usize);
    let total = props
        .text_rows
        .as_ref()
        .map_or(props.children.len(), |rows| rows.len());
    let (current, pages, rows) = page_of(total, *page);
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    html! {
        <>
            if let Some(text_rows) = &props.text_rows {
                <RowList class={props.class.clone()} label={props.label.clone()}
                    rows={Rc::clone(text_rows)} range={rows} />
            } else {
                <ul class={props.class.clone()} aria-label={props.label.clone()}>
                    { for props.children.iter().skip(rows.start).take(rows.len()) }
                </ul>
            }
            if pages > 1 {
                <nav class="ll-pager" aria-label={lang.f(T::PagesOf, &[&props.label])}>
                    <button type="button" class="ll-button ll-secondary" disabled={current == 0}
                        onclick={go(current.saturating_sub(1))}>{ lang.t(T::PreviousPage) }</button>
                    <span aria-live="polite">{ lang.f(T::PageOf, &[&(current + 1), &pages, &total]) }</span>
                    <button type="button" class="ll-button ll-secondary" disabled={current + 1 >= pages}
                        onclick={go(current + 1)}>{ lang.t(T::NextPage) }</button>
                </nav>
            }
        </>
    }
}
