//! `ropa import`: a spreadsheet ROPA (the ICO template, a council's own variant of it, or a
//! `ropa export`) turned into a register.
//!
//! The layers: [`read`] turns any file into grids of text; [`headings`] finds each sheet's
//! heading row and what its columns hold; [`record`], [`lists`] and [`contact`] read the rows
//! with the shared matcher ([`crate::vocab::matcher`]) and report every cell in [`report`];
//! [`write`] lays the files out and moves them into place in one step.
// Indexing cannot panic here: sheet indexes come from enumerating the same workbook.
#![allow(clippy::indexing_slicing)]

pub mod cells;
pub mod contact;
pub mod headings;
pub mod lists;
pub mod processors;
pub mod read;
pub mod record;
pub mod report;
pub mod retention;
pub mod write;

use std::collections::{BTreeSet, HashSet};

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use headings::{Header, HeadingTable, SheetKind, find_header};
use processors::Processors;
use read::{Grid, Workbook};
use record::{Draft, RowReader};
use report::{Report, SheetLog, SheetReport};

use crate::model::{Config, Review, suggest_id_segment};
use crate::schema::FileKind;
use crate::source::FatalError;

/// What to import, and where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub file: PathBuf,
    /// The register folder to create (or, with `force`, to add to).
    pub into: PathBuf,
    /// The sheet that holds the record, when the guess is wrong.
    pub sheet: Option<String>,
    pub force: bool,
}

/// A prepared import: the files to write and the report of every cell.
#[derive(Debug)]
pub struct Plan {
    /// Register-relative paths and their text, in path order.
    pub files: Vec<(String, String)>,
    pub report: Report,
}

/// Reads the spreadsheet and prepares the register's files, writing nothing.
pub fn plan(options: &ImportOptions) -> Result<Plan, FatalError> {
    check_target(&options.into, options.force)?;
    let workbook = read::read(&options.file)?;
    let table = HeadingTable::new();
    let shown = options.file.display().to_string();
    let mut headers = classify(&workbook, &table, options.sheet.as_deref(), &shown)?;
    for (grid, header) in workbook.sheets.iter().zip(&mut headers) {
        if let Some(header) = header {
            check_widths(grid, header, workbook.csv, &shown)?;
            add_unheaded_columns(grid, header);
        }
    }

    let mut report = Report {
        file: shown,
        ..Report::default()
    };
    let mut processors = Processors::default();
    let mut logs: Vec<SheetLog> = workbook
        .sheets
        .iter()
        .map(|g| SheetLog::new(&g.name))
        .collect();
    let mut contact = None;
    let mut drafts: Vec<Draft> = Vec::new();
    let mut retention = lists::Entries::new();
    let mut transfers = lists::Entries::new();
    let mut waivers = lists::Entries::new();

    // Processors first, so the record's columns know which names are processors.
    for (index, (grid, header)) in workbook.sheets.iter().zip(&headers).enumerate() {
        if let Some(header) = header.as_ref().filter(|h| h.kind == SheetKind::Processors) {
            lists::read_processors(grid, header, &mut logs[index], &mut processors);
        }
    }
    for (index, (grid, header)) in workbook.sheets.iter().zip(&headers).enumerate() {
        let log = &mut logs[index];
        let Some(header) = header else {
            skip_sheet(
                grid,
                log,
                "no table of activities on this sheet (guidance or notes)",
            );
            report.sheets.push(SheetReport {
                name: grid.name.clone(),
                read_as: "not read: no heading row found".into(),
                heading_row: None,
            });
            continue;
        };
        report.sheets.push(SheetReport {
            name: grid.name.clone(),
            read_as: headings::describe(header.kind).into(),
            heading_row: Some(header.row + 1),
        });
        report_headings(grid, header, log);
        let groups: Vec<&str> = crate::export::sheets::RECORD_GROUPS
            .iter()
            .map(|g| g.title)
            .collect();
        let block = contact::read(grid, header.row, &groups, log);
        if contact.is_none() && block != contact::ContactBlock::default() {
            contact = Some(block);
        }
        let data_rows = header.row + 1..grid.rows.len();
        match header.kind {
            SheetKind::Record | SheetKind::ProcessorRecord => {
                for row in data_rows {
                    if RowReader::is_blank(grid, header, row) {
                        continue;
                    }
                    let reader = RowReader::new(grid, header, row, log, &mut processors);
                    drafts.push(if header.kind == SheetKind::Record {
                        reader.read_record()
                    } else {
                        reader.read_processor_record()
                    });
                }
            }
            SheetKind::Retention => retention = lists::read_retention(grid, header, log),
            SheetKind::Transfers => transfers = lists::read_transfers(grid, header, log),
            SheetKind::Waivers => waivers = lists::read_waivers(grid, header, log),
            SheetKind::Processors => {}
            SheetKind::Findings => {
                for row in data_rows {
                    for col in 0..grid.width() {
                        if grid.has_own_value(row, col) {
                            log.skipped(
                                row,
                                col,
                                None,
                                "a lint finding: `ropa lint` works the findings out again",
                            );
                        }
                    }
                }
            }
        }
    }
    if drafts.is_empty() {
        return Err(FatalError::new(format!(
            "`{}` has headings but no activities under them",
            report.file
        ))
        .with_help("each processing activity should be one row under the heading row"));
    }

    // The exact retention and transfer entries from their own sheets replace the sentences.
    for draft in &mut drafts {
        let Some(id) = &draft.id else { continue };
        // Only when every row of the sheet for this activity was read whole.
        if let Some(Some(entries)) = retention.remove(id).map(|e| e.into_iter().collect()) {
            draft.activity.retention = Some(entries);
        }
        if let Some(Some(entries)) = transfers.remove(id).map(|e| e.into_iter().collect()) {
            draft.activity.transfers = Some(entries);
        }
        if let Some(entries) = waivers.remove(id) {
            draft.activity.waivers = entries.into_iter().flatten().collect();
        }
    }

    let existing = existing_files(&options.into);
    let mut files = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let paths: Vec<String> = drafts
        .iter()
        .map(|draft| format!("activities/{}.toml", unique_id(draft, &mut used, &existing)))
        .collect();
    // Laying out thousands of files is the slow part: both cores share it.
    let texts: Vec<Result<String, FatalError>> = drafts
        .par_iter()
        .zip(&paths)
        .map(|(draft, path)| {
            let header = write::schema_line(path, FileKind::Activity);
            write::file_text(FileKind::Activity, &draft.activity, &header)
        })
        .collect();
    for ((draft, path), text) in drafts.iter().zip(paths).zip(texts) {
        report.rows.push(report::RowReport {
            sheet: draft.sheet.clone(),
            row: draft.row + 1,
            file: path.clone(),
        });
        files.push((path, text?));
    }
    report.activities = drafts.len();
    report.processors = processors.len();
    for found in processors.into_list() {
        let path = format!("processors/{}.toml", found.id);
        if !found.has_file || existing.contains(&path) {
            continue;
        }
        let header = write::schema_line(&path, FileKind::Processor);
        files.push((
            path,
            write::file_text(FileKind::Processor, &found.value, &header)?,
        ));
    }
    if !existing.contains("ropa.toml") {
        files.push(("ropa.toml".into(), register_settings(contact.as_ref())?));
    }
    for (path, text) in crate::schema::editor_files() {
        if !existing.contains(&path) {
            files.push((path, text));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    report.files = files.iter().map(|(p, _)| p.clone()).collect();
    for log in logs {
        log.finish(&mut report.cells);
    }
    report.count();
    Ok(Plan { files, report })
}

/// Writes a prepared import into `into`: staged beside it, then moved in one step.
pub fn commit(plan: &Plan, into: &Path) -> Result<(), FatalError> {
    let staging = stage(plan, into)?;
    let paths: Vec<String> = plan.files.iter().map(|(p, _)| p.clone()).collect();
    staging.commit(into, &paths)
}

/// Writes every file of the plan into a temporary folder beside `into`: the folders first,
/// then the files on both cores, then one flush of the disk.
fn stage(plan: &Plan, into: &Path) -> Result<write::Staging, FatalError> {
    let staging = write::Staging::beside(into)?;
    let folders: BTreeSet<&str> = plan
        .files
        .iter()
        .filter_map(|(path, _)| path.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    for folder in folders {
        staging.create_dir(folder)?;
    }
    plan.files
        .par_iter()
        .try_for_each(|(path, text)| staging.write(path, text))?;
    staging.flush()?;
    Ok(staging)
}

/// Refuses a target inside another register, and one that holds files, unless `force`.
fn check_target(into: &Path, force: bool) -> Result<(), FatalError> {
    let absolute = crate::fs_util::lexically_absolute(into);
    for ancestor in absolute.ancestors().skip(1) {
        if ancestor.join("ropa.toml").is_file() {
            return Err(FatalError::new(format!(
                "`{}` is inside the register in `{}`",
                into.display(),
                ancestor.display()
            ))
            .with_help(format!(
                "import into a folder of its own (for example `--into my-register`), or add to that register with `--into {} --force`",
                ancestor.display()
            )));
        }
    }
    if into.is_file() {
        return Err(
            FatalError::new(format!("`{}` is a file, not a folder", into.display()))
                .with_help("give --into a folder for the new register"),
        );
    }
    let holds_files = into.read_dir().is_ok_and(|mut d| d.next().is_some());
    if holds_files && !force {
        let what = if into.join("ropa.toml").exists() {
            "already holds a register"
        } else {
            "already holds files"
        };
        return Err(FatalError::new(format!("`{}` {what}", into.display())).with_help(
            "import into a new folder with `--into NEW-FOLDER`, or use --force to add the imported files (nothing there is replaced or deleted)",
        ));
    }
    Ok(())
}

/// Each sheet's header, or none. Fails when no sheet has a record of activities.
fn classify(
    workbook: &Workbook,
    table: &HeadingTable,
    sheet: Option<&str>,
    shown: &str,
) -> Result<Vec<Option<Header>>, FatalError> {
    let names: Vec<String> = workbook
        .sheets
        .iter()
        .map(|g| format!("`{}`", g.name))
        .collect();
    if let Some(wanted) = sheet {
        let Some(index) = workbook
            .sheets
            .iter()
            .position(|g| g.name.eq_ignore_ascii_case(wanted.trim()))
        else {
            return Err(
                FatalError::new(format!("`{shown}` has no sheet named `{wanted}`"))
                    .with_help(format!("its sheets are {}", names.join(", "))),
            );
        };
        let mut headers: Vec<Option<Header>> = workbook
            .sheets
            .iter()
            .map(|g| {
                find_header(g, table, None)
                    .filter(|h| !matches!(h.kind, SheetKind::Record | SheetKind::ProcessorRecord))
            })
            .collect();
        let grid = &workbook.sheets[index];
        let chosen = find_header(grid, table, None)
            .filter(|h| matches!(h.kind, SheetKind::Record | SheetKind::ProcessorRecord))
            .or_else(|| find_header(grid, table, Some(SheetKind::Record)));
        match chosen {
            Some(header) => headers[index] = Some(header),
            None => return Err(no_header(shown, &[grid])),
        }
        return Ok(headers);
    }
    let headers: Vec<Option<Header>> = workbook
        .sheets
        .iter()
        .map(|g| find_header(g, table, None))
        .collect();
    let has_record = headers
        .iter()
        .flatten()
        .any(|h| matches!(h.kind, SheetKind::Record | SheetKind::ProcessorRecord));
    if !has_record {
        let grids: Vec<&Grid> = workbook.sheets.iter().collect();
        return Err(no_header(shown, &grids));
    }
    Ok(headers)
}

fn no_header(shown: &str, grids: &[&Grid]) -> FatalError {
    let looked: Vec<String> = grids
        .iter()
        .map(|g| {
            let rows = g.rows.len().min(headings::SEARCH_ROWS);
            if rows == 0 {
                format!("`{}` (empty)", g.name)
            } else {
                format!("`{}` (rows 1–{rows})", g.name)
            }
        })
        .collect();
    FatalError::new(format!(
        "no heading row found in `{shown}`: looked at {}",
        looked.join(", ")
    ))
    .with_help(
        "the heading row needs at least three of the ICO template's headings, such as `Business function`, `Purpose of processing`, `Categories of individuals`, `Lawful basis` or `Retention period`; rename the headings, or choose the sheet with --sheet NAME",
    )
}

/// In a CSV file a value to the right of the last heading means a row was split wrongly, so
/// every later cell of it would be read under the wrong heading.
fn check_widths(grid: &Grid, header: &Header, csv: bool, shown: &str) -> Result<(), FatalError> {
    let last = header.columns.iter().map(|(c, _, _)| *c).max().unwrap_or(0);
    for row in header.row + 1..grid.rows.len() {
        for col in last + 1..grid.width() {
            if !grid.has_own_value(row, col) {
                continue;
            }
            if csv {
                return Err(FatalError::new(format!(
                    "`{shown}`: row {} has more cells than its heading row (row {}) has headings",
                    row + 1,
                    header.row + 1
                ))
                .with_help("a cell in that row probably holds the separator (, or ;) without quotes: put the cell in double quotes, or fix it in the spreadsheet and save it as CSV again"));
            }
        }
    }
    Ok(())
}

/// The heading row's cells, and the columns they head.
fn report_headings(grid: &Grid, header: &Header, log: &mut SheetLog) {
    for (col, _, key) in &header.columns {
        if !grid.has_own_value(header.row, *col) {
            continue;
        }
        let reason = match key {
            Some(_) => "column heading",
            None => {
                "heading of a column ropa has no field for: its cells are kept in each activity's notes"
            }
        };
        log.skipped(header.row, *col, None, reason);
    }
}

/// Columns of a workbook that hold values under no heading, added as "Column X" so their
/// cells are kept in notes like any other column ropa has no field for.
fn add_unheaded_columns(grid: &Grid, header: &mut Header) {
    for col in 0..grid.width() {
        if header.columns.iter().any(|(c, _, _)| *c == col) {
            continue;
        }
        if (header.row + 1..grid.rows.len()).any(|row| grid.has_own_value(row, col)) {
            header
                .columns
                .push((col, format!("Column {}", cells::column_letters(col)), None));
        }
    }
    header.columns.sort_by_key(|(c, _, _)| *c);
}

fn skip_sheet(grid: &Grid, log: &mut SheetLog, reason: &str) {
    for row in 0..grid.rows.len() {
        for col in 0..grid.width() {
            if grid.has_own_value(row, col) {
                log.skipped(row, col, None, reason);
            }
        }
    }
}

/// The files already in the target (with --force), which the import never replaces.
fn existing_files(into: &Path) -> HashSet<String> {
    let mut out = HashSet::new();
    if !into.is_dir() {
        return out;
    }
    for entry in walkdir::WalkDir::new(into).into_iter().flatten() {
        if entry.file_type().is_file()
            && let Ok(rel) = entry.path().strip_prefix(into)
        {
            out.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

/// The activity's id: the sheet's Record ID when it gives one, else
/// `<business-function>/<name>`, with `-2`, `-3` added where ids repeat.
fn unique_id(draft: &Draft, used: &mut HashSet<String>, existing: &HashSet<String>) -> String {
    let base = draft.id.clone().unwrap_or_else(|| {
        let name = suggest_id_segment(&draft.activity.name);
        let name = if name.is_empty() {
            format!("row-{}", draft.row + 1)
        } else {
            truncate_id(&name)
        };
        match draft
            .activity
            .business_function
            .as_deref()
            .map(suggest_id_segment)
        {
            Some(function) if !function.is_empty() => format!("{}/{name}", truncate_id(&function)),
            _ => name,
        }
    });
    let taken = |id: &str, used: &HashSet<String>| {
        used.contains(id) || existing.contains(&format!("activities/{id}.toml"))
    };
    let id = if taken(&base, used) {
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id, used))
            .unwrap_or(base)
    } else {
        base
    };
    used.insert(id.clone());
    id
}

/// A long name makes an unwieldy file name: at most 60 characters, cut at a hyphen.
fn truncate_id(id: &str) -> String {
    if id.len() <= 60 {
        return id.to_string();
    }
    let cut = &id[..60];
    cut.rsplit_once('-')
        .map_or(cut, |(head, _)| head)
        .to_string()
}

/// `ropa.toml` from the contact block. Whether the organisation is a public authority is not
/// in the template, so it is left for the user to set, with a comment saying so.
fn register_settings(contact: Option<&contact::ContactBlock>) -> Result<String, FatalError> {
    let block = contact.cloned().unwrap_or_default();
    let config = Config {
        controller: block.controller(),
        dpo: block.dpo.clone(),
        representative: block.representative.clone(),
        review: Some(Review {
            interval_months: 12,
        }),
        lint: None,
    };
    let header = "#:schema ./schema/register.schema.json\n\
# Written by `ropa import`. Check the organisation's details, then set\n\
# `public_authority = true` under [controller] if you are a public authority (councils are):\n\
# several rules depend on it.\n\n";
    write::file_text(FileKind::Register, &config, header)
}
