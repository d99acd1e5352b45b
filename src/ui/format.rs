//! Formatting for display. Every time on screen, in an input and in a file is China's
//! time (UTC+8, no daylight saving), whatever zone the device is set to: a community in
//! China reads its activities at the hours it holds them, and a phone set to another
//! zone (a traveller's, an emulator's) shows the same hours as the office's CSV.

use crate::domain::Timestamp;
use crate::domain::calendar::{china_clock, parse_china_date_time};

/// `2026-11-21 09:30`, in China's time.
pub fn date_time(at: Timestamp) -> String {
    crate::records::sheets::china_date_time(at)
}

/// `09:30`, in China's time.
pub fn clock(at: Timestamp) -> String {
    let (_, _, _, hour, minute) = china_clock(at);
    format!("{hour:02}:{minute:02}")
}

/// `20261121-0930`, for file names.
pub fn file_stamp(at: Timestamp) -> String {
    date_time(at).replace(['-', ':'], "").replace(' ', "-")
}

/// `2026-11-21T09:30`: the value of an `<input type="datetime-local">`, in China's time.
pub fn datetime_local(at: Timestamp) -> String {
    date_time(at).replacen(' ', "T", 1)
}

/// Reads an `<input type="datetime-local">` value as China's time.
pub fn parse_datetime_local(text: &str) -> Option<Timestamp> {
    parse_china_date_time(text)
}

/// Minutes as hours with at most one decimal: 90 → "1.5", 120 → "2".
pub fn hours(minutes: u64) -> String {
    crate::records::sheets::hours_text(minutes)
}
