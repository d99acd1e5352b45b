//! Formatting for display, at the edge where the browser knows the local time zone.

use crate::domain::Timestamp;

/// `2026-11-21 09:30`, in the device's local time.
pub fn date_time(at: Timestamp) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// `20261121-0930`, for file names.
pub fn file_stamp(at: Timestamp) -> String {
    date_time(at).replace(['-', ':'], "").replace(' ', "-")
}
