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

/// `2026-11-21T09:30`: the value of an `<input type="datetime-local">`, in local time.
pub fn datetime_local(at: Timestamp) -> String {
    date_time(at).replacen(' ', "T", 1)
}

/// Reads an `<input type="datetime-local">` value as local time.
pub fn parse_datetime_local(text: &str) -> Option<Timestamp> {
    if text.trim().is_empty() {
        return None;
    }
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(text.trim())).get_time();
    (ms.is_finite() && ms >= 0.0).then_some(Timestamp(ms as u64))
}

/// Minutes as hours with at most one decimal: 90 → "1.5", 120 → "2".
pub fn hours(minutes: u64) -> String {
    crate::records::sheets::hours_text(minutes)
}
