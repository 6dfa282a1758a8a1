//! The XLSX workbook in the ICO controller documentation template's layout.
//!
//! Sheet `Article 30 record` follows the template: the contact block in rows 1–5, group
//! headings in row 8, the 30 column headings in row 9 and one activity per row from row 10.
//! Every sheet is an Excel table (so it has filters) with frozen headings and wrapped text.

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Table as ExcelTable, TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};

use super::sheets::Sheet;
use super::table::{Cell, Table};
use crate::model::{Contact, Register};
use crate::source::FatalError;
use rayon::prelude::*;

/// The row (counting from 0) of the record sheet's group headings and column headings.
pub const RECORD_GROUP_ROW: u32 = 7;
pub const RECORD_HEADING_ROW: u32 = 8;

/// What the workbook's custom property `Generator` holds: the mark of a file `ropa export`
/// wrote, which it may replace without `--force`.
pub const GENERATOR: &str = "ropa";

/// Everything the workbook needs besides its sheets.
pub struct WorkbookInfo<'a> {
    pub register: &'a Register,
    /// The creation date written into the document properties.
    pub created: CreationDate,
}

/// A fixed creation date, so the same register always gives the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreationDate {
    /// Seconds since 1970, from `SOURCE_DATE_EPOCH`.
    Timestamp(i64),
    Day(jiff::civil::Date),
}

impl CreationDate {
    /// `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention), else the newest
    /// `last_reviewed` date in the register, else 1 January 2000.
    pub fn choose(
        source_date_epoch: Option<&str>,
        register: &Register,
    ) -> Result<Self, FatalError> {
        if let Some(text) = source_date_epoch {
            return text
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|s| (0..=253_402_300_799).contains(s))
                .map(CreationDate::Timestamp)
                .ok_or_else(|| {
                    FatalError::new(format!(
                        "SOURCE_DATE_EPOCH is `{text}`, which is not a number of seconds since 1970"
                    ))
                    .with_help("set it to a whole number such as 1767225600, or unset it")
                });
        }
        let newest = register
            .activities
            .iter()
            .filter_map(|a| a.value.last_reviewed)
            .max();
        Ok(CreationDate::Day(
            newest.map_or(jiff::civil::date(2000, 1, 1), |d| d.0),
        ))
    }

    fn to_excel(self) -> Result<ExcelDateTime, XlsxError> {
        match self {
            CreationDate::Timestamp(secs) => ExcelDateTime::from_timestamp(secs),
            CreationDate::Day(day) => ExcelDateTime::from_ymd(
                u16::try_from(day.year()).unwrap_or(2000),
                day.month().unsigned_abs(),
                day.day().unsigned_abs(),
            ),
        }
    }
}

/// Writes the workbook: one worksheet for each of `sheets`, in order, the first being the ICO
/// record. `table_of` builds a sheet's table; each is built, written and dropped in turn, on
/// both cores, so the whole register is never held twice over.
pub fn write_xlsx(
    info: &WorkbookInfo<'_>,
    sheets: &[Sheet],
    table_of: &(dyn Fn(Sheet) -> Table + Sync),
) -> Result<Vec<u8>, FatalError> {
    build(info, sheets, table_of).map_err(|e| {
        FatalError::new(format!("could not build the spreadsheet: {e}"))
            .with_help("this is a bug in ropa; please report it with the register that caused it")
    })
}

fn build(
    info: &WorkbookInfo<'_>,
    sheets: &[Sheet],
    table_of: &(dyn Fn(Sheet) -> Table + Sync),
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // Compressing the sheets' XML is a large part of writing a big workbook; level 2 takes
    // about 0.6 of the default's time for files about a tenth larger.
    workbook.set_zip_compression_level(2);
    let controller = info
        .register
        .config
        .as_ref()
        .map(|c| c.value.controller.name.clone())
        .unwrap_or_default();
    let properties = DocProperties::new()
        .set_title(format!("Record of Processing Activities — {controller}"))
        .set_subject("UK GDPR Article 30 record of processing activities")
        .set_company(controller.as_str())
        .set_author(controller.as_str())
        .set_keywords("ROPA, UK GDPR, Article 30")
        .set_comment("Exported by ropa from the register's TOML files.")
        .set_creation_datetime(&info.created.to_excel()?)
        .set_custom_property("Generator", GENERATOR);
    workbook.set_properties(&properties);

    // Constant memory: each sheet's rows go to a temporary file as they are written, so a
    // 50,000-activity workbook is not held whole in memory. Rows must be written top to
    // bottom, and a row's height set while it is the current row.
    for sheet in sheets {
        workbook
            .add_worksheet_with_constant_memory()?
            .set_name(sheet.name())?;
    }
    let styles = Styles::new();
    // A format gets its number in the workbook at its first use, and the sheets are written
    // at once on several threads: each is numbered here first, always in this order, or the
    // same register would give a different workbook from one run to the next.
    for format in styles.in_order() {
        workbook.register_format(format);
    }
    workbook
        .worksheets_mut()
        .par_iter_mut()
        .zip(sheets)
        .enumerate()
        .try_for_each(|(index, (worksheet, sheet))| {
            write_sheet(worksheet, index, &table_of(*sheet), info, &styles)
        })?;
    workbook.save_to_buffer()
}

/// One worksheet: the contact block above the record sheets, then the table.
fn write_sheet(
    sheet: &mut Worksheet,
    index: usize,
    table: &Table,
    info: &WorkbookInfo<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let in_order: Vec<usize> = (0..table.headings.len()).collect();
    if index == 0 {
        write_contact_block(sheet, "Controller", info.register, info.created, styles)?;
        match table.headings.iter().position(|h| h.key == LEADING_KEY) {
            Some(moved_from) => {
                write_groups(sheet, table, Some(moved_from), styles)?;
                let order = leading(table.headings.len(), moved_from);
                write_table(sheet, table, &order, RECORD_HEADING_ROW, 2, styles)
            }
            None => {
                write_groups(sheet, table, None, styles)?;
                write_table(sheet, table, &in_order, RECORD_HEADING_ROW, 1, styles)
            }
        }
    } else if table.name == Sheet::ProcessorRecord.name() {
        // Art 30(2)(a): the processor's own name and contact details and its DPO's. The
        // organisation keeping the register is the processor here, so its block serves.
        write_contact_block(sheet, "Processor", info.register, info.created, styles)?;
        write_table(sheet, table, &in_order, RECORD_HEADING_ROW, 1, styles)
    } else {
        write_table(sheet, table, &in_order, 0, 1, styles)
    }
}

struct Styles {
    cell: Format,
    heading: Format,
    group: Format,
    label: Format,
    date: Format,
    link: Format,
}

impl Styles {
    /// Every format, in the order they are numbered in the workbook.
    fn in_order(&self) -> [&Format; 6] {
        [
            &self.label,
            &self.heading,
            &self.cell,
            &self.date,
            &self.group,
            &self.link,
        ]
    }

    fn new() -> Self {
        let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Styles {
            heading: cell.clone().set_bold(),
            group: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xD9E1F2)),
            label: cell.clone().set_bold(),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            link: cell
                .clone()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            cell,
        }
    }
}

/// Rows 1–6 of the template: who the controller, DPO and representative are, the ICO
/// registration number, and the date the record is as at.
fn write_contact_block(
    sheet: &mut Worksheet,
    organisation: &str,
    register: &Register,
    as_at: CreationDate,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let config = register.config.as_ref().map(|c| &c.value);
    let headings = ["", "Name", "Address", "Email", "Telephone"];
    for (col, heading) in (0u16..).zip(headings) {
        sheet.write_string_with_format(0, col, heading, &styles.label)?;
    }
    let contacts: [(&str, Option<Contact>); 3] = [
        (organisation, config.map(|c| c.controller.to_contact())),
        (
            "Data Protection Officer",
            config.and_then(|c| c.dpo.clone()),
        ),
        (
            "Representative",
            config.and_then(|c| c.representative.clone()),
        ),
    ];
    for (row, (role, contact)) in (1u32..).zip(contacts) {
        sheet.write_string_with_format(row, 0, role, &styles.label)?;
        let contact = contact.unwrap_or_default();
        let fields = [contact.name, contact.address, contact.email, contact.phone];
        for (col, value) in (1u16..).zip(fields) {
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                sheet.write_string_with_format(row, col, value.trim(), &styles.cell)?;
            }
        }
    }
    if let Some(number) = config.and_then(|c| c.controller.ico_registration.as_deref()) {
        sheet.write_string_with_format(4, 0, "ICO registration number", &styles.label)?;
        sheet.write_string_with_format(4, 1, number, &styles.cell)?;
    }
    // Which state of the register this is: the workbook's fixed creation date.
    sheet.write_string_with_format(5, 0, "As at", &styles.label)?;
    sheet.write_datetime_with_format(5, 1, &as_at.to_excel()?, &styles.date)?;
    Ok(())
}

/// The record sheet's leading column: the activity's name, frozen with the business function
/// beside it, so an auditor scrolling across the 30 template columns always sees which
/// activity a row is. The template's columns keep their order and wording, one to the right.
const LEADING_KEY: &str = "name";

/// The order of `count` columns with the one at `from` moved to the front: the sheet's
/// column i shows the table's column `order[i]`.
fn leading(count: usize, from: usize) -> Vec<usize> {
    std::iter::once(from)
        .chain((0..count).filter(|&i| i != from))
        .collect()
}

/// Where the column at `index` is once the column at `moved_from` is moved to the front.
fn after_move(index: usize, moved_from: Option<usize>) -> usize {
    match moved_from {
        Some(from) if index == from => 0,
        Some(from) if index < from => index + 1,
        _ => index,
    }
}

/// Row 8 of the template: the group headings, each merged across its columns. A column moved
/// to the front leaves its group, and is headed "Activity".
fn write_groups(
    sheet: &mut Worksheet,
    table: &Table,
    moved_from: Option<usize>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    if moved_from.is_some() {
        sheet.write_string_with_format(RECORD_GROUP_ROW, 0, "Activity", &styles.group)?;
    }
    for group in table.groups {
        let mut first = group.first;
        let mut last = group.last;
        if moved_from == Some(first) {
            first += 1;
        }
        if moved_from == Some(last) {
            last = last.saturating_sub(1);
        }
        if first > last {
            continue;
        }
        let (first, last) = (
            col(after_move(first, moved_from)),
            col(after_move(last, moved_from)),
        );
        if first == last {
            sheet.write_string_with_format(RECORD_GROUP_ROW, first, group.title, &styles.group)?;
        } else {
            sheet.merge_range(
                RECORD_GROUP_ROW,
                first,
                RECORD_GROUP_ROW,
                last,
                group.title,
                &styles.group,
            )?;
        }
    }
    sheet.set_row_height(RECORD_GROUP_ROW, 45)?;
    Ok(())
}

/// The headings at `heading_row`, the rows under them, all as one Excel table, with the
/// table's columns in `order`.
fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    order: &[usize],
    heading_row: u32,
    frozen_columns: u16,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let headings: Vec<&super::table::Heading> = order
        .iter()
        .filter_map(|&i| table.headings.get(i))
        .collect();
    let columns: Vec<TableColumn> = headings
        .iter()
        .map(|h| {
            TableColumn::new()
                .set_header(h.heading)
                .set_header_format(&styles.heading)
        })
        .collect();
    let last_col = col(headings.len().saturating_sub(1));
    // An Excel table needs a row under its headings, so an empty sheet keeps one blank row.
    let row_count =
        u32::try_from(table.rows.len().max(1)).map_err(|_| XlsxError::RowColumnLimitError)?;
    let first_data_row = heading_row + 1;
    let last_row = heading_row + row_count;
    let excel_table = ExcelTable::new()
        .set_name(table_name(table.name))
        .set_style(TableStyle::Light9)
        .set_columns(&columns);
    sheet.add_table(heading_row, 0, last_row, last_col, &excel_table)?;
    let heading_lines = headings
        .iter()
        .map(|h| wrapped_lines(h.heading, h.width))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(heading_row, row_height(heading_lines))?;

    // Each column carries the text style, so a plain cell is written without a format of its
    // own: rust_xlsxwriter would otherwise hash the whole format once per cell.
    for column in (0u16..).take(headings.len()) {
        sheet.set_column_format(column, &styles.cell)?;
    }
    let mut links = 0;
    for (row, cells) in (first_data_row..).zip(&table.rows) {
        let mut lines = 1;
        let cells = order.iter().filter_map(|&i| cells.get(i));
        for ((column, cell), heading) in (0u16..).zip(cells).zip(&headings) {
            let text = match cell {
                Cell::Empty => continue,
                other => other.joined("\n").into_owned(),
            };
            let text = fit_in_a_cell(text);
            lines = lines.max(wrapped_lines(&text, heading.width));
            write_cell(sheet, (row, column), heading.key, text, styles, &mut links)?;
        }
        sheet.set_row_height(row, row_height(lines))?;
    }
    for (column, heading) in (0u16..).zip(&headings) {
        sheet.set_column_width(column, heading.width)?;
        if heading.yes_no {
            let validation = DataValidation::new()
                .allow_list_strings(&["Yes", "No"])?
                .set_error_title("Yes or No")?
                .set_error_message("Answer Yes or No.")?;
            sheet.add_data_validation(first_data_row, column, last_row, column, &validation)?;
        }
    }
    sheet.set_freeze_panes(first_data_row, frozen_columns)?;
    // Printed: A4 landscape with the headings repeated on every page.
    sheet.set_landscape().set_paper_size(9);
    sheet.set_repeat_rows(heading_row, heading_row)?;
    Ok(())
}

/// The most hyperlinks Excel allows on one worksheet.
const LINK_LIMIT: usize = 65_530;

/// The columns that hold dates, written as Excel dates so they sort and filter as dates.
const DATE_COLUMNS: &[&str] = &["last_reviewed", "review_due", "contract_expires"];

/// One cell: a date as an Excel date, a lone web address as a link that opens on a click,
/// anything else as text.
fn write_cell(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    key: &str,
    text: String,
    styles: &Styles,
    links: &mut usize,
) -> Result<(), XlsxError> {
    if DATE_COLUMNS.contains(&key)
        && let Some(date) = crate::model::Date::parse(&text)
        && let Ok(excel) = ExcelDateTime::from_ymd(
            u16::try_from(date.0.year()).unwrap_or(2000),
            date.0.month().unsigned_abs(),
            date.0.day().unsigned_abs(),
        )
    {
        sheet.write_date_with_format(row, column, &excel, &styles.date)?;
        return Ok(());
    }
    let is_link = (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
        // Excel refuses longer links, and more than LINK_LIMIT on one sheet; those stay text.
        && text.len() <= 2_000
        && *links < LINK_LIMIT;
    if is_link {
        *links += 1;
        sheet.write_url_with_format(row, column, text.as_str(), &styles.link)?;
    } else {
        // The column's format (`styles.cell`) applies; see `write_table`.
        sheet.write_string(row, column, text)?;
    }
    Ok(())
}

/// The most text Excel holds in one cell, in UTF-16 code units.
pub const CELL_LIMIT: usize = 32_767;

/// `text` cut, at a line break, to fit in one Excel cell, saying how many lines were left out
/// and where to find them. A processor used by thousands of activities can list more than a
/// cell holds; the workbook is still written rather than refused.
fn fit_in_a_cell(text: String) -> String {
    let units = |t: &str| t.encode_utf16().count();
    if units(&text) <= CELL_LIMIT {
        return text;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let note = |left_out: usize| {
        format!(
            "… and {left_out} more, too many for one Excel cell (the CSV and JSON exports list them all)"
        )
    };
    let mut kept = String::new();
    let mut used = 0;
    for (index, line) in lines.iter().enumerate() {
        let cost = units(line) + 1;
        if used + cost + units(&note(lines.len())) > CELL_LIMIT {
            if index == 0 {
                // One line longer than a cell: keep what fits of it.
                let room = CELL_LIMIT - units(&note(lines.len()));
                let mut taken = 0;
                kept = line
                    .chars()
                    .take_while(|c| {
                        taken += c.len_utf16();
                        taken <= room.saturating_sub(1)
                    })
                    .collect();
                kept.push('\n');
            }
            kept.push_str(&note(lines.len() - index));
            return kept;
        }
        kept.push_str(line);
        kept.push('\n');
        used += cost;
    }
    text
}

/// Roughly how many lines `text` takes when wrapped in a column `width` characters wide.
///
/// Spreadsheet programs do not all grow rows to fit wrapped text when they open a file, so the
/// workbook sets each row's height itself.
fn wrapped_lines(text: &str, width: f64) -> usize {
    // Prose is narrower than the digit "0" that column widths are measured in.
    let per_line = (width * 1.15).max(1.0);
    text.split('\n')
        .map(|line| {
            let chars = line.chars().count() as f64;
            ((chars / per_line).ceil() as usize).max(1)
        })
        .sum()
}

/// The height in points of a row of `lines` lines, within Excel's limit of 409.
fn row_height(lines: usize) -> f64 {
    (lines as f64 * 15.0).min(409.0)
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// An Excel table name from a sheet name: letters and digits only ("Article30Record").
fn table_name(sheet: &str) -> String {
    sheet
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_too_long_for_a_cell_is_cut_at_a_line_and_says_so() {
        let lines: Vec<String> = (0..5000).map(|i| format!("Activity number {i}")).collect();
        let cut = super::fit_in_a_cell(lines.join("\n"));
        assert!(cut.encode_utf16().count() <= super::CELL_LIMIT);
        assert!(cut.starts_with("Activity number 0\nActivity number 1\n"));
        let last = cut.lines().last().unwrap();
        assert!(last.starts_with("… and ") && last.contains("more, too many for one Excel cell"));
        let kept = cut.lines().count() - 1;
        assert!(last.starts_with(&format!("… and {} more", 5000 - kept)));
        let one_line = "é".repeat(40_000);
        assert!(super::fit_in_a_cell(one_line).encode_utf16().count() <= super::CELL_LIMIT);
        assert_eq!(super::fit_in_a_cell("short".into()), "short");
    }

    #[test]
    fn table_names_are_valid_excel_names() {
        assert_eq!(super::table_name("Article 30 record"), "Article30Record");
        assert_eq!(super::table_name("Lint findings"), "LintFindings");
    }
}
