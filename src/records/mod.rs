//! Records out: files people take away. CSV that opens correctly in Excel (UTF-8 with a
//! BOM, formula-like cells escaped) and iCalendar files of sign-ups. Pure: the UI gives
//! the labels in the user's language and offers the text as a download.

pub mod csv;
pub mod ics;
pub mod projects;
pub mod sheets;
