//! iCalendar (RFC 5545) files, so a volunteer's sign-ups appear in their phone's
//! calendar. Times are written in UTC; texts are escaped and long lines folded at 75
//! octets without splitting a character.

use crate::domain::Timestamp;
use crate::domain::calendar::{CHINA_OFFSET_MS, china_date};

/// One calendar entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stable across exports, so calendars update the entry instead of adding another.
    pub uid: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub summary: String,
    pub location: String,
    pub description: String,
}

/// `20261202T010000Z`.
fn utc(at: Timestamp) -> String {
    let (y, m, d) = china_date(Timestamp(at.0.saturating_sub(CHINA_OFFSET_MS)));
    let seconds = at.0 / 1000 % 86_400;
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, continuing with CRLF and a space.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// A calendar file with `events`, stamped `now`.
pub fn calendar(events: &[IcsEvent], now: Timestamp) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linli//Linli//ZH\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
    );
    for event in events {
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&fold(&format!("UID:{}", escape(&event.uid))));
        out.push_str(&fold(&format!("DTSTAMP:{}", utc(now))));
        out.push_str(&fold(&format!("DTSTART:{}", utc(event.start))));
        out.push_str(&fold(&format!("DTEND:{}", utc(event.end))));
        out.push_str(&fold(&format!("SUMMARY:{}", escape(&event.summary))));
        out.push_str(&fold(&format!("LOCATION:{}", escape(&event.location))));
        if !event.description.is_empty() {
            out.push_str(&fold(&format!(
                "DESCRIPTION:{}",
                escape(&event.description)
            )));
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_utc() {
        // 2026-12-02 09:00 in China is 01:00 UTC.
        assert_eq!(utc(Timestamp(1_796_173_200_000)), "20261202T010000Z");
    }

    #[test]
    fn texts_are_escaped_and_long_lines_folded_between_characters() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let line = format!("SUMMARY:{}", "清".repeat(40));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{part}");
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn a_calendar_has_one_event_per_sign_up() {
        let event = IcsEvent {
            uid: "a1-7@linli".into(),
            start: Timestamp(1_796_173_200_000),
            end: Timestamp(1_796_180_400_000),
            summary: "社区清扫".into(),
            location: "3号楼前".into(),
            description: String::new(),
        };
        let text = calendar(&[event], Timestamp(1_796_000_000_000));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(text.contains("DTEND:20261202T030000Z\r\n"));
        assert!(text.contains("SUMMARY:社区清扫\r\n"));
    }
}
