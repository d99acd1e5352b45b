//! CSV for Excel: UTF-8 with a byte-order mark (or Excel guesses GBK and garbles
//! Chinese), CRLF line ends, quoting by `csv-core`, and any cell that a spreadsheet would
//! run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with `'`,
//! unless it is a plain number such as `-50`.

use csv_core::{WriteResult, Writer, WriterBuilder};

const BOM: &str = "\u{feff}";

/// A cell as a spreadsheet should show it, never as a formula.
pub fn neutralize(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The whole file: a header row, then the rows.
pub fn to_csv<R, C>(headers: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut writer = WriterBuilder::new()
        .terminator(csv_core::Terminator::CRLF)
        .build();
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(BOM.as_bytes());
    write_row(
        &mut writer,
        &mut out,
        headers.iter().map(|h| (*h).to_owned()),
    );
    for row in rows {
        write_row(&mut writer, &mut out, row);
    }
    String::from_utf8(out).unwrap_or_default()
}

fn write_row(writer: &mut Writer, out: &mut Vec<u8>, row: impl IntoIterator<Item = String>) {
    for (i, cell) in row.into_iter().enumerate() {
        if i > 0 {
            pump(out, |buf| writer.delimiter(buf));
        }
        let cell = neutralize(&cell);
        let mut input = cell.as_bytes();
        loop {
            let mut buf = [0u8; 256];
            let (result, read, written) = writer.field(input, &mut buf);
            out.extend_from_slice(&buf[..written]);
            input = &input[read..];
            if result == WriteResult::InputEmpty {
                break;
            }
        }
    }
    pump(out, |buf| writer.terminator(buf));
}

/// Runs a writer step that only needs room in the output buffer.
fn pump(out: &mut Vec<u8>, mut step: impl FnMut(&mut [u8]) -> (WriteResult, usize)) {
    loop {
        let mut buf = [0u8; 16];
        let (result, written) = step(&mut buf);
        out.extend_from_slice(&buf[..written]);
        if result == WriteResult::InputEmpty {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralized_but_numbers_are_not() {
        for (cell, shown) in [
            ("=1+1", "'=1+1"),
            ("+86 138", "'+86 138"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-2+3", "'-2+3"),
            ("\tx", "'\tx"),
            ("-50", "-50"),
            ("+2.5", "+2.5"),
            ("王小明", "王小明"),
            ("", ""),
        ] {
            assert_eq!(neutralize(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn the_file_starts_with_a_bom_and_quotes_what_needs_it() {
        let text = to_csv(
            &["姓名", "备注"],
            [vec!["王小明".to_owned(), "a,\"b\"\nc".to_owned()]],
        );
        assert_eq!(text, "\u{feff}姓名,备注\r\n王小明,\"a,\"\"b\"\"\nc\"\r\n");
    }
}
