//! Reading a spreadsheet into plain grids of text: workbooks with calamine (`.xlsx`, `.xlsm`,
//! `.xls`, `.ods`), CSV with the csv crate after working out its encoding and separator.
//!
//! Everything after this module sees only [`Grid`]s, so the same code reads a sheet however it
//! was saved.
// Indexing cannot panic here: the slice starts at a position found in the same bytes.
#![allow(clippy::indexing_slicing)]

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Sheets};

use crate::source::FatalError;

/// One sheet as text, row by row, with merged cells filled in from their top-left cell.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub name: String,
    /// Every row has the same number of cells.
    pub rows: Vec<Vec<String>>,
    /// Cells that hold a copy of a merged cell's value, not a value of their own.
    pub filled: std::collections::HashSet<(usize, usize)>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", String::as_str)
    }

    /// Whether the cell holds a value of its own (not blank, not a merged copy).
    pub fn has_own_value(&self, row: usize, col: usize) -> bool {
        !self.cell(row, col).trim().is_empty() && !self.filled.contains(&(row, col))
    }

    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }
}

/// What was read: the sheets in workbook order, and the workbook's company when it has one.
#[derive(Debug, Clone, Default)]
pub struct Workbook {
    pub sheets: Vec<Grid>,
    /// Whether the file was CSV (one sheet, no contact block layout to expect).
    pub csv: bool,
}

/// The file kinds `ropa import` reads, from the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Workbook,
    Csv,
}

/// Reads `path` into grids. Errors say what the file is and what to do.
pub fn read(path: &Path) -> Result<Workbook, FatalError> {
    let shown = path.display();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let kind = match extension.as_deref() {
        Some("xlsx" | "xlsm" | "xls" | "ods") => Kind::Workbook,
        Some("csv" | "txt" | "tsv") => Kind::Csv,
        _ => {
            return Err(FatalError::new(format!(
                "`{shown}` is not a spreadsheet ropa can read"
            ))
            .with_help(
                "import a workbook (.xlsx, .xlsm, .xls, .ods) or a CSV file (.csv); in Excel, use File > Save As to save one",
            ));
        }
    };
    if path.is_dir() {
        return Err(
            FatalError::new(format!("`{shown}` is a folder, not a spreadsheet"))
                .with_help("give the spreadsheet file itself"),
        );
    }
    let bytes = std::fs::read(path).map_err(|e| {
        FatalError::new(format!("cannot read `{shown}`: {e}"))
            .with_help("check the file name and that you may read it")
    })?;
    if bytes.is_empty() {
        return Err(FatalError::new(format!("`{shown}` is empty"))
            .with_help("save the spreadsheet again and import the saved file"));
    }
    match kind {
        Kind::Workbook => read_workbook(&bytes, extension.as_deref(), &shown.to_string()),
        Kind::Csv => {
            let name = path
                .file_stem()
                .map_or_else(|| "CSV".to_string(), |s| s.to_string_lossy().into_owned());
            let grid = read_csv(&bytes, name).map_err(|e| e.in_file(&shown.to_string()))?;
            Ok(Workbook {
                sheets: vec![grid],
                csv: true,
            })
        }
    }
}

/// A problem with a CSV file's content, before the file name is known to the message.
#[derive(Debug)]
pub struct CsvProblem {
    message: String,
    help: &'static str,
}

impl CsvProblem {
    fn in_file(self, file: &str) -> FatalError {
        FatalError::new(format!("`{file}`: {}", self.message)).with_help(self.help)
    }
}

/// Opens the workbook with the reader its extension names, so a damaged or protected file
/// gets that reader's own error rather than "format not recognised".
fn open<'a>(bytes: &'a [u8], extension: Option<&str>) -> Result<Sheets<Cursor<&'a [u8]>>, String> {
    use calamine::{Ods, Xls, Xlsx, open_workbook_from_rs};
    let cursor = Cursor::new(bytes);
    match extension {
        Some("xls") => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        Some("ods") => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
        _ => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
    }
}

/// Reads workbook bytes (xlsx, xlsm, xls or ods, by `extension`) into grids. A damaged file
/// that makes the spreadsheet reader itself fail (a panic inside calamine) is reported as a
/// damaged file, like any other.
pub fn read_workbook(
    bytes: &[u8],
    extension: Option<&str>,
    shown: &str,
) -> Result<Workbook, FatalError> {
    match crate::crash::contained(|| read_workbook_inner(bytes, extension, shown)) {
        Ok(result) => result,
        Err(cause) => Err(damaged(shown, &cause)),
    }
}

fn damaged(shown: &str, cause: &str) -> FatalError {
    FatalError::new(format!(
        "`{shown}` could not be read as a workbook: it is damaged or not really a spreadsheet ({cause})"
    ))
    .with_help("open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV and import that")
}

/// The most cells one sheet may have: far more than any ROPA, and few enough to hold.
const LARGEST_SHEET: usize = 20_000_000;

fn read_workbook_inner(
    bytes: &[u8],
    extension: Option<&str>,
    shown: &str,
) -> Result<Workbook, FatalError> {
    let mut book = open(bytes, extension).map_err(|text| {
        if text.to_lowercase().contains("password") {
            FatalError::new(format!("`{shown}` is protected with a password"))
                .with_help("open it in Excel, remove the password (File > Info > Protect Workbook), save it and import that copy")
        } else {
            damaged(shown, &text)
        }
    })?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| {
            FatalError::new(format!(
                "`{shown}`: the sheet `{name}` could not be read ({e})"
            ))
            .with_help("open the workbook in Excel or LibreOffice and save it again as .xlsx")
        })?;
        let (rows, cols) = range
            .end()
            .map_or((0, 0), |(r, c)| (r as usize + 1, c as usize + 1));
        if rows.saturating_mul(cols) > LARGEST_SHEET {
            return Err(FatalError::new(format!(
                "`{shown}`: the sheet `{name}` claims {rows} rows by {cols} columns, too large to be a record of processing activities"
            ))
            .with_help("open the workbook, delete the empty rows and columns after the table (or copy the table into a new workbook), save it and import that"));
        }
        let merges = merged_regions(&mut book, &name);
        sheets.push(grid_from_range(name, &range, &merges));
    }
    Ok(Workbook { sheets, csv: false })
}

/// The merged regions of a sheet as (first row, first col, last row, last col), counting from
/// the sheet's cell A1. Formats that do not record merges give none.
fn merged_regions(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<(u32, u32, u32, u32)> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect()
}

fn grid_from_range(
    name: String,
    range: &calamine::Range<Data>,
    merges: &[(u32, u32, u32, u32)],
) -> Grid {
    // Rows and columns count from A1, so reported positions match what Excel shows.
    let (end_row, end_col) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
    let (height, width) = (end_row as usize, end_col as usize);
    let mut rows = vec![vec![String::new(); width]; height];
    for (r, c, value) in range.used_cells() {
        let (start_r, start_c) = range.start().unwrap_or((0, 0));
        let (row, col) = (r + start_r as usize, c + start_c as usize);
        if let Some(cell) = rows.get_mut(row).and_then(|x| x.get_mut(col)) {
            *cell = cell_text(value);
        }
    }
    let mut filled = std::collections::HashSet::new();
    for &(r0, c0, r1, c1) in merges {
        let (r0, c0, r1, c1) = (r0 as usize, c0 as usize, r1 as usize, c1 as usize);
        let Some(value) = rows.get(r0).and_then(|r| r.get(c0)).cloned() else {
            continue;
        };
        let last_row = r1.min(height.saturating_sub(1));
        let last_col = c1.min(width.saturating_sub(1));
        for (r, cells) in rows.iter_mut().enumerate().take(last_row + 1).skip(r0) {
            for (c, cell) in cells.iter_mut().enumerate().take(last_col + 1).skip(c0) {
                if (r, c) != (r0, c0) {
                    cell.clone_from(&value);
                    filled.insert((r, c));
                }
            }
        }
    }
    Grid { name, rows, filled }
}

/// A cell's value as text: dates as `YYYY-MM-DD`, whole numbers without a decimal point.
fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Decodes CSV bytes as Excel writes them: UTF-8 with or without a byte order mark, UTF-16
/// with one ("Unicode text"), else Windows-1252, the default on UK machines.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            text.into_owned()
        }
    }
}

/// The separator that splits the first lines most evenly into the most columns.
fn sniff_separator(text: &str) -> u8 {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for separator in [b',', b';', b'\t'] {
        let counts: Vec<usize> = sample
            .iter()
            .map(|line| count_outside_quotes(line, separator))
            .collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        // How many lines reach the widest count: a header and its rows agree.
        let agreeing = counts.iter().filter(|&&c| c == most && c > 0).count();
        let score = agreeing * (most + 1);
        if score > best.1 {
            best = (separator, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, separator: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == separator && !quoted
        })
        .count()
}

/// Reads CSV text into one grid, every row padded to the widest. (A row wider than its heading
/// row is refused once the headings are found: see `sheet::read_table`.)
pub fn read_csv(bytes: &[u8], name: String) -> Result<Grid, CsvProblem> {
    let text = decode(bytes);
    if text.trim().is_empty() {
        return Err(CsvProblem {
            message: "the file holds no rows".into(),
            help: "save the spreadsheet again as CSV and import the saved file",
        });
    }
    let separator = sniff_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CsvProblem {
            message: format!("row {} could not be read: {e}", index + 1),
            help: "check that quotes in that row are paired, or save the sheet as CSV again",
        })?;
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        // Trailing empty cells do not count towards a row's width (Excel pads, hand-written
        // files do not).
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        rows.push(cells);
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    Ok(Grid {
        name,
        rows,
        filled: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_windows_1252_with_semicolons() {
        let bytes =
            b"Business function;Purpose of processing\r\nHousing;Tenants\x92 records \x96 rent\r\n";
        let grid = read_csv(bytes, "x".into()).unwrap();
        assert_eq!(
            grid.rows[1],
            ["Housing", "Tenants\u{2019} records \u{2013} rent"]
        );
    }

    #[test]
    fn csv_with_a_bom_and_tabs() {
        let bytes = "\u{feff}A\tB\n1\t2\n".as_bytes();
        let grid = read_csv(bytes, "x".into()).unwrap();
        assert_eq!(grid.rows, [vec!["A", "B"], vec!["1", "2"]]);
    }
}
