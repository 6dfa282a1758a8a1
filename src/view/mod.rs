//! The register at a glance in the terminal: `ropa list`, `ropa show` and `ropa summary`.
//!
//! Each view builds shared [`crate::export::Table`]s from column definitions, with the values
//! from [`crate::describe`], and prints them through [`crate::export::terminal`]; the CSV and
//! JSON forms go through the export code. Nothing here works out a value of its own.

pub mod card;
pub mod list;
pub mod summary;

use std::collections::HashMap;

use crate::diag::{Counts, Diagnostic, FileId, Severity, location, render_summary};
use crate::export::Cell;
use crate::lint::{LintOptions, Overrides, lint};
use crate::model::{Date, Register};

/// The lint findings the views show: `ropa lint`'s, with ropa.toml's severity overrides and
/// waivers applied (waived findings are only counted).
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    pub waived: usize,
    by_file: HashMap<FileId, Counts>,
}

impl Findings {
    /// Lints the register as `ropa lint --today TODAY` does.
    pub fn of(register: &Register, today: Date) -> Self {
        let options = LintOptions {
            today,
            cli: Overrides::default(),
        };
        let report = lint(register, &options);
        let mut diagnostics = report.diagnostics;
        crate::diag::sort(&mut diagnostics, &register.files);
        let mut by_file: HashMap<FileId, Counts> = HashMap::new();
        for d in &diagnostics {
            let counts = by_file.entry(d.file).or_default();
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
            }
        }
        Findings {
            diagnostics,
            waived: report.waived.len(),
            by_file,
        }
    }

    /// The errors and warnings in one file.
    pub fn counts(&self, file: FileId) -> Counts {
        self.by_file.get(&file).copied().unwrap_or_default()
    }

    /// The errors and warnings in the whole register.
    pub fn total(&self) -> Counts {
        Counts::of(&self.diagnostics)
    }

    /// The files with at least one error.
    pub fn failing_files(&self) -> std::collections::BTreeSet<FileId> {
        self.by_file
            .iter()
            .filter(|(_, c)| c.errors > 0)
            .map(|(f, _)| *f)
            .collect()
    }

    /// The findings in one file, each with its place and help, under a count:
    ///
    /// ```text
    /// Lint findings: 1 error, 0 warnings
    ///   error[purposes-missing]: no purposes recorded
    ///     at activities/x.toml:2:1
    ///     help: …
    /// ```
    pub fn render_for(&self, file: FileId, register: &Register) -> String {
        let mine: Vec<&Diagnostic> = self.diagnostics.iter().filter(|d| d.file == file).collect();
        let mut out = heading("Lint findings");
        if mine.is_empty() {
            out.push_str(": none\n");
            return out;
        }
        out.push_str(&format!(
            ": {}\n",
            render_summary(self.counts(file), "").trim_end()
        ));
        let printable = crate::export::terminal::printable;
        for d in mine {
            let colour = match d.severity {
                Severity::Error => "\x1b[1;31m",
                Severity::Warning => "\x1b[1;33m",
            };
            out.push_str(&format!(
                "  {colour}{}\x1b[0m[{}]: {}\n    at {}\n",
                d.severity.as_str(),
                d.code,
                printable(&d.message),
                location(d, &register.files)
            ));
            if let Some(help) = &d.help {
                out.push_str(&format!("    help: {}\n", printable(help)));
            }
        }
        out
    }
}

/// Views build their columns like the spreadsheet's; the width only weighs a column's share
/// of a terminal line (see [`crate::export::layout`]).
pub(crate) use crate::export::sheets::column;

/// A count as a cell: a number in JSON.
pub(crate) fn count(n: usize) -> Cell {
    Cell::Number(u64::try_from(n).unwrap_or(u64::MAX))
}

/// A section heading, in bold where colour is on (ANSI codes are stripped where it is not).
pub fn heading(text: &str) -> String {
    format!("\x1b[1m{text}\x1b[0m")
}

/// "1 activity", "2 activities".
pub fn activities(n: usize) -> String {
    format!("{n} activit{}", if n == 1 { "y" } else { "ies" })
}
