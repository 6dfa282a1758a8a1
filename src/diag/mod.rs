//! Diagnostics are data: rules and the loader produce them, renderers turn them into text.

mod concise;
mod github;
mod gitlab;
mod human;
mod json;
mod plain_snippet;
mod sarif;

use std::ops::Range;

pub use concise::render_concise;
pub use github::render_github;
pub use gitlab::{register_in_github_workspace, register_in_project, render_gitlab};
pub use human::{ColorChoice, location, render_human, render_summary};
pub use json::{JsonFinding, json_output_schema, render_json};
pub use sarif::{SarifRule, render_sarif};

use crate::files::Files;

pub use crate::files::FileId;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// One problem found in a register, pointing at a byte range of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule or load-check name, e.g. `unknown-key` or `purposes-missing`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: FileId,
    /// Byte range in the file's text; empty when it points at a place rather than a value.
    pub span: Range<usize>,
    /// A short label drawn under the span.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity: Severity::Error,
            message: message.into(),
            file,
            span,
            label: None,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

/// A 1-based line and column, the column counted in characters as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Where byte `offset` of file `id` is, using the file's line index: one pass over a file
/// however many of its findings are located.
pub fn file_line_col(files: &Files, id: FileId, offset: usize) -> LineCol {
    let text = files.text(id);
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line = files.line_index(id, offset);
    let start = files.line_range(id, line).start.min(offset);
    LineCol {
        line: line + 1,
        column: text.get(start..offset).map_or(0, |t| t.chars().count()) + 1,
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Sorts diagnostics by file path, then position, then code, so output never depends on the
/// order rules ran in or threads finished.
pub fn sort(diagnostics: &mut [Diagnostic], files: &Files) {
    diagnostics.sort_by(|a, b| {
        files
            .path(a.file)
            .cmp(files.path(b.file))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.code.cmp(b.code))
            .then(a.message.cmp(&b.message))
    });
}

/// Counts of errors and warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Self {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a = 1\nnamé = \"x\"\n";
        let mut files = Files::new(String::new());
        let id = files.add("a.toml".into(), text.into());
        let at = |offset| file_line_col(&files, id, offset);
        assert_eq!(at(0), LineCol { line: 1, column: 1 });
        assert_eq!(at(text.find('=').unwrap()), LineCol { line: 1, column: 3 });
        assert_eq!(at(text.rfind('=').unwrap()), LineCol { line: 2, column: 6 });
        // Inside a character, and past the end: never a panic.
        assert_eq!(
            at(text.find('é').unwrap() + 1),
            LineCol { line: 2, column: 4 }
        );
        assert_eq!(at(999), LineCol { line: 3, column: 1 });
    }
}
