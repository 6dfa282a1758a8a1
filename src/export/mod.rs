//! `ropa export`: the register as an ICO-template workbook, CSV, JSON, or a web page.
//!
//! Each sheet is built once as a [`Table`] from the column definitions in [`sheets`], with
//! the plain-English values from [`crate::describe`]; the formats only lay those tables out.
//! The web page ([`html`]) is written for the public and uses the same `describe` wording.

pub mod csv;
pub mod html;
pub mod json;
pub mod layout;
pub mod selection;
pub mod sheets;
pub mod table;
pub mod table_json;
pub mod terminal;
pub mod xlsx;

use std::io::Read;

pub use selection::{Criteria, Selection};
pub use sheets::Sheet;
pub use table::{Cell, Column, Heading, Table};

use crate::diag::Diagnostic;
use crate::model::Register;
use crate::source::FatalError;

/// The file formats `ropa export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
    Json,
    Html,
}

/// The sheets of the workbook, in order; the findings sheet is added on request.
pub const WORKBOOK_SHEETS: [Sheet; 6] = [
    Sheet::Record,
    Sheet::ProcessorRecord,
    Sheet::Processors,
    Sheet::Retention,
    Sheet::Transfers,
    Sheet::Waivers,
];

/// What to export and how.
pub struct Request<'a> {
    pub format: Format,
    pub selection: Selection,
    /// For CSV: which sheet.
    pub sheet: Sheet,
    pub csv: csv::CsvOptions,
    /// For XLSX: lint findings to add as a sheet.
    pub findings: Option<&'a [Diagnostic]>,
    /// For XLSX: `SOURCE_DATE_EPOCH`, if set.
    pub source_date_epoch: Option<String>,
}

/// An export's bytes in the pieces they were made in, in order. The CSV and the web page are
/// made on several cores; joining their pieces would copy the whole export once more, into
/// fresh memory, before it is written.
pub type Pieces = Vec<Vec<u8>>;

/// An export made: its bytes in pieces, or a JSON document written as it is made (most of
/// it is the lists, made a round at a time in the same buffers).
pub enum Made<'r> {
    Pieces(Pieces),
    Json(Box<json::RegisterExport<'r>>),
}

impl Made<'_> {
    /// Writes the export to `out`.
    pub fn write_to<W: std::io::Write + Send>(self, out: &mut W) -> std::io::Result<()> {
        match self {
            Made::Pieces(pieces) => {
                crate::fs_util::write_all_pieces(out, &pieces)?;
                out.flush()
            }
            Made::Json(document) => json::write_json_to(*document, out, json::ITEMS_PER_ROUND),
        }
    }

    /// The whole export in one buffer.
    pub fn into_bytes(self) -> Vec<u8> {
        let mut bytes = Vec::new();
        // Writing to memory cannot fail.
        let _ = self.write_to(&mut bytes);
        bytes
    }

    /// The bytes, when they are all made already.
    pub fn pieces(&self) -> Option<&Pieces> {
        match self {
            Made::Pieces(pieces) => Some(pieces),
            Made::Json(_) => None,
        }
    }
}

pub fn render<'r>(register: &'r Register, request: &Request<'_>) -> Result<Made<'r>, FatalError> {
    // Rows on every core look up processors and users: the index is built before they start.
    register.build_index();
    let findings = request.findings.unwrap_or(&[]);
    match request.format {
        Format::Csv => {
            let table = sheets::lazy(request.sheet, register, &request.selection, findings);
            Ok(Made::Pieces(csv::csv_in_pieces(table, &request.csv)))
        }
        Format::Html => Ok(Made::Pieces(html::write_html(register, &request.selection))),
        Format::Json => Ok(Made::Json(Box::new(json::export(
            register,
            &request.selection,
        )))),
        Format::Xlsx => {
            let mut sheets = WORKBOOK_SHEETS.to_vec();
            if request.findings.is_some() {
                sheets.push(Sheet::Findings);
            }
            let info = xlsx::WorkbookInfo {
                register,
                created: xlsx::CreationDate::choose(
                    request.source_date_epoch.as_deref(),
                    register,
                )?,
            };
            xlsx::write_xlsx(&info, &sheets, &|sheet| {
                sheets::build(sheet, register, &request.selection, findings)
            })
            .map(|bytes| Made::Pieces(vec![bytes]))
        }
    }
}

/// The web page written to `out` as it is made (see [`html::write_html_to`]); returns how
/// many items it shows as "Not recorded".
pub fn write_html_to<W: std::io::Write + Send>(
    register: &Register,
    selection: &Selection,
    out: &mut W,
) -> std::io::Result<usize> {
    // Sections on every core look up processors and users: the index is built before.
    register.build_index();
    html::write_html_to(register, selection, out)
}

/// True when `existing` (the bytes of a file about to be replaced) was written by
/// `ropa export` in this format, so replacing it loses nothing a person wrote: an XLSX whose
/// custom property `Generator` is `ropa`, a JSON document whose `format` is
/// `ropa-register-export`, a web page whose `<head>` has `<meta name="generator" content="ropa">`,
/// or a CSV whose first row is the heading row of the sheet asked for.
pub fn written_by_ropa(existing: &[u8], format: Format, sheet: Sheet) -> bool {
    match format {
        Format::Json => json::is_export(existing),
        Format::Html => html::is_export(existing),
        Format::Csv => {
            let empty = sheets::build(sheet, &Register::default(), &Selection::default(), &[]);
            csv::starts_with_headings(existing, &empty)
        }
        Format::Xlsx => workbook_generator(existing).as_deref() == Some(xlsx::GENERATOR),
    }
}

/// True when `existing` is any file `ropa export` writes, in any format or CSV sheet: the file
/// is not a person's own work, but it is a different export from the one asked for.
pub fn written_by_ropa_as_anything(existing: &[u8]) -> bool {
    [Format::Json, Format::Html, Format::Xlsx]
        .into_iter()
        .any(|f| written_by_ropa(existing, f, Sheet::Record))
        || CSV_SHEETS
            .iter()
            .any(|s| written_by_ropa(existing, Format::Csv, *s))
}

/// The sheets `ropa export csv --sheet` can write.
pub const CSV_SHEETS: [Sheet; 6] = WORKBOOK_SHEETS;

/// The `Generator` custom property of a workbook, if it has one.
fn workbook_generator(bytes: &[u8]) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut custom = String::new();
    archive
        .by_name("docProps/custom.xml")
        .ok()?
        .take(1 << 20)
        .read_to_string(&mut custom)
        .ok()?;
    let after = custom.split("name=\"Generator\"").nth(1)?;
    let value = after
        .split("<vt:lpwstr>")
        .nth(1)?
        .split("</vt:lpwstr>")
        .next()?;
    Some(value.to_string())
}
