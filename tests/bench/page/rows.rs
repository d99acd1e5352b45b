//! A list of ledger rows drawn by Yew, to compare with the same rows built by a
//! vanilla-JavaScript loop (`bench.js`): the same strings, the same elements and
//! classes as the app's lists, drawn by the app's own read-only row list
//! (`linli::ui::rows`, which `Paged` uses for the units and the masked volunteers).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Array;
use linli::domain::{State, china_date};
use linli::ui::rows::{Row as ListRow, RowList};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use super::api::with_events;

/// One row: the entry's id (its key), date, reason and points.
type Row = [String; 4];

thread_local! {
    static ROWS: RefCell<Rc<Vec<Row>>> = RefCell::new(Rc::default());
    static MOUNTED: RefCell<Vec<yew::AppHandle<Rows>>> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, PartialEq)]
pub struct RowsProps {
    rows: Rc<Vec<Row>>,
}

/// Builds the rows from the data each time it draws, as a page of the app does.
#[component]
fn Rows(props: &RowsProps) -> Html {
    let rows: Rc<[ListRow]> = props
        .rows
        .iter()
        .map(|[_, date, reason, points]| {
            ListRow::new()
                .cell("ll-date", date)
                .cell("", reason)
                .cell("ll-points", points)
        })
        .collect();
    html! { <RowList {rows} /> }
}

/// The last `n` ledger entries of the dataset as rows, kept for [`render_rows`] and
/// returned for the JavaScript loop: `[[id, date, reason, points], …]`.
#[wasm_bindgen(js_name = rowsData)]
pub fn rows_data(n: usize) -> Array {
    let rows: Vec<Row> = with_events(|events| {
        let mut state = State::default();
        for event in events {
            state.apply(event);
        }
        let entries = state.ledger().entries();
        entries[entries.len().saturating_sub(n)..]
            .iter()
            .map(|entry| {
                let (y, m, d) = china_date(entry.at);
                [
                    entry.id.to_string(),
                    format!("{y}-{m:02}-{d:02}"),
                    entry.reason.clone(),
                    entry.points.to_string(),
                ]
            })
            .collect()
    });
    let out = rows
        .iter()
        .map(|row| {
            Array::of4(
                &(&row[0]).into(),
                &(&row[1]).into(),
                &(&row[2]).into(),
                &(&row[3]).into(),
            )
        })
        .collect();
    ROWS.with(|slot| *slot.borrow_mut() = Rc::new(rows));
    out
}

/// Draws the rows with Yew into `element` (a fresh app): bench.js waits until they
/// are in the DOM.
#[wasm_bindgen(js_name = renderRows)]
pub fn render_rows(element: Element) {
    let rows = ROWS.with(|slot| Rc::clone(&slot.borrow()));
    let app = yew::Renderer::<Rows>::with_root_and_props(element, RowsProps { rows }).render();
    MOUNTED.with(|mounted| mounted.borrow_mut().push(app));
}

/// Removes every list drawn by [`render_rows`].
#[wasm_bindgen(js_name = destroyRows)]
pub fn destroy_rows() {
    for app in MOUNTED.with(|mounted| std::mem::take(&mut *mounted.borrow_mut())) {
        app.destroy();
    }
}
