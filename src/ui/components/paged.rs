//! A long list, a page at a time: only one page of rows is built and put in the
//! document, so a list of 2,000 volunteers redraws as fast as one of 30. Large
//! previous/next buttons and "page 2 of 40" suit older hands better than endless
//! scrolling.
//!
//! The screen that owns the list keeps its page with [`use_page`], builds the rows of
//! that page alone ([`Page::of`]) and hands them to [`Paged`], which draws them and the
//! pager:
//!
//! ```ignore
//! let shown: Vec<&Volunteer> = state.volunteers().filter(..).collect();
//! let page = use_page(shown.len(), query.clone());
//! let rows = page.of(&shown).iter().map(|v| html! { <li key={..}>..</li> });
//! html! { <Paged label="志愿者" page={page}>{ for rows }</Paged> }
//! ```

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::rows::{Row, RowList};
use crate::ui::i18n::T;
use crate::ui::session::use_app;

/// Rows on one page.
pub const PAGE_ROWS: usize = 30;

/// How many pages `total` rows take (at least one), and the rows of page `page`,
/// clamped to the last page.
pub fn page_of(total: usize, page: usize) -> (usize, usize, Range<usize>) {
    let pages = total.div_ceil(PAGE_ROWS).max(1);
    let page = page.min(pages - 1);
    let start = page * PAGE_ROWS;
    (page, pages, start..total.min(start + PAGE_ROWS))
}

/// The page of a list on screen: which rows it holds, and how to go to another page.
/// Made by [`use_page`], drawn by [`Paged`].
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The shown page, from 0 (clamped to the last page).
    current: usize,
    pages: usize,
    total: usize,
    rows: Range<usize>,
    go: Callback<usize>,
}

impl Page {
    /// This page's items of `all`, the list of `total` items the page was made for
    /// (fewer items give what of the page there is, never a panic).
    pub fn of<'a, I>(&self, all: &'a [I]) -> &'a [I] {
        let end = self.rows.end.min(all.len());
        &all[self.rows.start.min(end)..end]
    }
}

/// Where a list stands: the filter it was last drawn with and the page chosen then.
struct Cursor<K> {
    filter: Option<K>,
    page: usize,
}

impl<K: PartialEq> Cursor<K> {
    /// The page to show of `total` rows under `filter`: the first when the filter has
    /// changed or the list is empty (as the list is then not shown, it starts again at
    /// the first page when it comes back), else the one chosen, clamped to the last.
    fn show(&mut self, filter: K, total: usize) -> (usize, usize, Range<usize>) {
        if self.filter.as_ref() != Some(&filter) || total == 0 {
            self.filter = Some(filter);
            self.page = 0;
        }
        page_of(total, self.page)
    }
}

/// The page shown of a list of `total` rows drawn under `filter` (what the list was
/// chosen by, such as a search's text; `()` for a list without one): the first page
/// at first, whenever `filter` changes, and after the list has been empty; the page
/// the pager chose otherwise, clamped to the last page when the list shrinks.
#[hook]
pub fn use_page<K: PartialEq + 'static>(total: usize, filter: K) -> Page {
    let cursor = use_mut_ref(|| Cursor::<K> {
        filter: None,
        page: 0,
    });
    let redraw = use_force_update();
    // The cursor is updated while drawing rather than through state, so a new filter
    // shows its first page in this same render instead of one later.
    let (current, pages, rows) = cursor.borrow_mut().show(filter, total);
    let go = Callback::from(move |page: usize| {
        cursor.borrow_mut().page = page;
        redraw.force_update();
    });
    Page {
        current,
        pages,
        total,
        rows,
        go,
    }
}

#[derive(Properties, PartialEq)]
pub struct PagedProps {
    /// The list's accessible name (and the pager's, with "pages" added).
    pub label: AttrValue,
    /// The list's class: `ll-list` unless told.
    #[prop_or(AttrValue::Static("ll-list"))]
    pub class: AttrValue,
    /// The page shown, from [`use_page`].
    pub page: Page,
    /// The rows of this page only ([`Page::of`]), keyed. For rows with links, buttons
    /// or forms.
    #[prop_or_default]
    pub children: Children,
    /// This page's rows when they are read-only, drawn instead of `children` when
    /// given: from one escaped string (`rows.rs`), several times faster than Yew
    /// elements.
    #[prop_or_default]
    pub text_rows: Option<Rc<[Row]>>,
}

/// A `<ul>` of the current page's rows, with the pager below when there is more than
/// one page.
#[component]
pub fn Paged(props: &PagedProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let Page {
        current,
        pages,
        total,
        ref go,
        ..
    } = props.page;
    let to = |page: usize| go.reform(move |_: MouseEvent| page);
    html! {
        <>
            if let Some(text_rows) = &props.text_rows {
                <RowList class={props.class.clone()} label={props.label.clone()}
                    rows={Rc::clone(text_rows)} />
            } else {
                <ul class={props.class.clone()} aria-label={props.label.clone()}>
                    { props.children.clone() }
                </ul>
            }
            if pages > 1 {
                <nav class="ll-pager" aria-label={lang.f(T::PagesOf, &[&props.label])}>
                    <button type="button" class="ll-button ll-secondary" disabled={current == 0}
                        onclick={to(current.saturating_sub(1))}>{ lang.t(T::PreviousPage) }</button>
                    <span aria-live="polite">{ lang.f(T::PageOf, &[&(current + 1), &pages, &total]) }</span>
                    <button type="button" class="ll-button ll-secondary" disabled={current + 1 >= pages}
                        onclick={to(current + 1)}>{ lang.t(T::NextPage) }</button>
                </nav>
            }
        </>
    }
}
