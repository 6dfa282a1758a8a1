//! The import report: what became of every non-empty cell of the spreadsheet — mapped to a
//! field, kept verbatim (so `ropa lint` shows the gap), or skipped with a reason — and the
//! summary printed on the terminal. `--report FILE` writes it as JSON.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::cells::column_letters;

/// What became of one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Read into the register's fields.
    Mapped,
    /// Kept word for word (in a free-text field or `notes`) because it could not be read as
    /// the closed list or form the field needs.
    Kept,
    /// Not imported, with the reason (a heading, a value ropa works out itself, a blank "N/A").
    Skipped,
}

/// One non-empty cell and what became of it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CellReport {
    pub sheet: String,
    /// The cell as Excel names it, e.g. `C12`.
    pub cell: String,
    /// Row and column, counting from 1.
    pub row: usize,
    pub column: usize,
    /// The column's heading, when the cell is under one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub outcome: Outcome,
    /// Where it went: a register file and field, e.g. `activities/housing/rent.toml: lawful_basis.article6`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Why it was kept or skipped, and what was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the log of one cell builds up while its row is read.
#[derive(Debug, Clone, Default)]
pub struct CellLog {
    pub fields: Vec<String>,
    pub kept: Vec<String>,
    pub skipped: Option<String>,
}

/// The report of `ropa import --report FILE`: what became of every non-empty cell of the
/// spreadsheet, and which row became which file.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Report {
    /// The spreadsheet imported.
    pub file: String,
    /// Each sheet and what it was read as.
    pub sheets: Vec<SheetReport>,
    pub activities: usize,
    pub processors: usize,
    /// Files written (or, with --dry-run, that would be), relative to the register folder.
    pub files: Vec<String>,
    /// Which row became which activity file.
    pub rows: Vec<RowReport>,
    /// Counts of cells by outcome.
    pub counts: Counts,
    /// Every non-empty cell, in sheet, row and column order.
    pub cells: Vec<CellReport>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SheetReport {
    pub name: String,
    /// What ropa read the sheet as, or why it was not read.
    pub read_as: String,
    /// The heading row, counting from 1, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_row: Option<usize>,
}

/// The activity file one row became.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RowReport {
    pub sheet: String,
    /// Counting from 1, as the spreadsheet shows it.
    pub row: usize,
    pub file: String,
}

#[derive(Debug, Clone, Copy, Default, Serialize, JsonSchema, PartialEq, Eq)]
pub struct Counts {
    pub mapped: usize,
    pub kept: usize,
    pub skipped: usize,
}

/// Cells of one sheet being reported, keyed by (row, column) so each cell is reported once.
#[derive(Debug, Default)]
pub struct SheetLog {
    pub name: String,
    pub cells: BTreeMap<(usize, usize), (Option<String>, CellLog)>,
}

impl SheetLog {
    pub fn new(name: &str) -> Self {
        SheetLog {
            name: name.to_string(),
            cells: BTreeMap::new(),
        }
    }

    fn entry(&mut self, row: usize, col: usize, heading: Option<&str>) -> &mut CellLog {
        let slot = self
            .cells
            .entry((row, col))
            .or_insert_with(|| (heading.map(str::to_string), CellLog::default()));
        &mut slot.1
    }

    pub fn mapped(&mut self, row: usize, col: usize, heading: Option<&str>, field: String) {
        let log = self.entry(row, col, heading);
        if !log.fields.contains(&field) {
            log.fields.push(field);
        }
    }

    pub fn kept(&mut self, row: usize, col: usize, heading: Option<&str>, what: String) {
        self.entry(row, col, heading).kept.push(what);
    }

    pub fn skipped(&mut self, row: usize, col: usize, heading: Option<&str>, reason: &str) {
        let log = self.entry(row, col, heading);
        log.skipped.get_or_insert_with(|| reason.to_string());
    }

    /// The finished reports of this sheet's cells.
    pub fn finish(self, out: &mut Vec<CellReport>) {
        for ((row, col), (heading, log)) in self.cells {
            let (outcome, note) = if !log.kept.is_empty() {
                (Outcome::Kept, Some(log.kept.join("; ")))
            } else if !log.fields.is_empty() {
                (Outcome::Mapped, None)
            } else {
                (Outcome::Skipped, log.skipped)
            };
            out.push(CellReport {
                sheet: self.name.clone(),
                cell: format!("{}{}", column_letters(col), row + 1),
                row: row + 1,
                column: col + 1,
                heading,
                outcome,
                field: (!log.fields.is_empty()).then(|| log.fields.join(", ")),
                note,
            });
        }
    }
}

impl Report {
    pub fn count(&mut self) {
        let mut counts = Counts::default();
        for cell in &self.cells {
            match cell.outcome {
                Outcome::Mapped => counts.mapped += 1,
                Outcome::Kept => counts.kept += 1,
                Outcome::Skipped => counts.skipped += 1,
            }
        }
        self.counts = counts;
    }

    /// The report as pretty JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The cells a person should look at: those kept word for word.
    pub fn kept_cells(&self) -> impl Iterator<Item = &CellReport> {
        self.cells.iter().filter(|c| c.outcome == Outcome::Kept)
    }
}
