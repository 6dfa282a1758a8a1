//! CSV (RFC 4180: comma-separated, CRLF line ends, quoted where needed), UTF-8.

use std::borrow::Cow;

use rayon::prelude::*;

use super::table::{Cell, LazyTable, Table};

/// How the CSV is written.
#[derive(Debug, Clone)]
pub struct CsvOptions {
    /// What joins the items of a list inside one cell.
    pub separator: String,
    /// Start with a UTF-8 byte order mark, so Excel reads accents and symbols correctly.
    pub bom: bool,
    /// Keep cells exactly as recorded, without neutralising formula-like text.
    pub raw: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            separator: "; ".to_string(),
            bom: false,
            raw: false,
        }
    }
}

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Rows written as one piece on one thread; the pieces are joined in order.
const ROWS_PER_PIECE: usize = 256;

/// The table as CSV: a heading row, then one row per item.
pub fn write_csv(table: Table, options: &CsvOptions) -> Vec<u8> {
    csv_in_pieces(table.into(), options).concat()
}

/// [`write_csv`]'s bytes in pieces, in order. The rows are made and written in pieces on
/// every core, and each piece's cells are let go of as soon as they are written: the
/// whole sheet is never held, and at 10,000 activities making, writing and freeing the
/// cells on one core was a third of the export.
pub fn csv_in_pieces(table: LazyTable<'_>, options: &CsvOptions) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice(BOM);
    }
    let mut headings = writer(out);
    // Writing to a Vec cannot fail, and every row has the heading row's length.
    let _ = headings.write_record(table.headings.iter().map(|h| h.heading));
    let mut pieces = vec![headings.into_inner().unwrap_or_default()];
    let starts: Vec<usize> = (0..table.len()).step_by(ROWS_PER_PIECE).collect();
    pieces.par_extend(starts.into_par_iter().map(|start| {
        let end = (start + ROWS_PER_PIECE).min(table.len());
        let mut writer = writer(Vec::new());
        for at in start..end {
            table.with_row(at, |row| write_row(&mut writer, row, options));
        }
        writer.into_inner().unwrap_or_default()
    }));
    pieces
}

/// One row as a CSV record. Quoting is decided field by field, so pieces written apart and
/// joined are the same bytes as the rows written at once.
fn write_row(writer: &mut csv::Writer<Vec<u8>>, row: &[Cell], options: &CsvOptions) {
    // Cell by cell, borrowing each cell's text where it can.
    for cell in row {
        let text = cell.joined(&options.separator);
        let _ = if options.raw {
            writer.write_field(text.as_bytes())
        } else {
            writer.write_field(neutralise(&text).as_bytes())
        };
    }
    let _ = writer.write_record(std::iter::empty::<&[u8]>());
}

/// RFC 4180 with CRLF line ends.
fn writer(out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// Defuses a cell a spreadsheet would run as a formula (OWASP "CSV injection"): text that
/// starts with `=`, `+`, `-`, `@`, a tab or a line break gets a leading apostrophe, which
/// spreadsheets show as text and do not evaluate.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// True when `bytes` start with the heading row this table would be written with: the mark
/// of a CSV file `ropa export` wrote, which it may replace without `--force`.
pub fn starts_with_headings(bytes: &[u8], table: &Table) -> bool {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut first = csv::StringRecord::new();
    match reader.read_record(&mut first) {
        Ok(true) => first.iter().eq(table.headings.iter().map(|h| h.heading)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_get_an_apostrophe() {
        for text in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"] {
            assert_eq!(neutralise(text), format!("'{text}"));
        }
        assert_eq!(neutralise("Call recording = yes"), "Call recording = yes");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn rows_written_in_pieces_keep_their_order_and_quoting() {
        let heading = |key| super::super::table::Heading {
            key,
            heading: key,
            width: 10.0,
            yes_no: false,
        };
        let count = ROWS_PER_PIECE * 2 + 7;
        let table = Table {
            name: "Test",
            groups: &[],
            headings: vec![heading("id"), heading("items")],
            rows: (0..count)
                .map(|i| {
                    vec![
                        Cell::Text(format!("row {i}")),
                        Cell::List(vec![format!("a \"{i}\""), "=b".into()]),
                    ]
                })
                .collect(),
        };
        let csv = String::from_utf8(write_csv(table, &CsvOptions::default())).unwrap();
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), count + 1);
        assert_eq!(lines[0], "id,items");
        for (i, line) in lines[1..].iter().enumerate() {
            assert_eq!(*line, format!("row {i},\"a \"\"{i}\"\"; =b\""));
        }
    }
}
