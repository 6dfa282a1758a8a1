//! `ropa fmt`: every register file in one canonical layout, so diffs show only real changes.
//!
//! Keys follow the model's field order (the order of the format guide), plain keys before
//! tables, unknown keys after the known ones as they were. Lists of more than one item, and
//! lists too wide for 80 columns, are written one item per line; strings use `"…"`, with
//! invisible and direction-changing characters escaped; spacing is `key = value`; one blank line
//! goes before each table. Comments move with the key, value or header they sit above or beside,
//! and keep being own-line or end-of-line comments (the spaces before an end-of-line comment are
//! kept as written); the comments at the end of a table stay with it; the block above a file's
//! first entry up to its last blank line (and any `#:schema` directive) stays at the top. Values
//! are never changed: every result is checked against the original (same data, same comments)
//! before it is used.
// Indexing cannot panic here: the slice ends at a position found in the same text.
#![allow(clippy::indexing_slicing)]

mod comments;
mod order;
mod shape;
mod table;
mod value;
mod verify;

use std::sync::OnceLock;

use rayon::prelude::*;
use toml_edit::DocumentMut;

pub use shape::Shape;
pub use value::{MAX_INLINE_ITEMS, MAX_WIDTH, basic_string};

use crate::diag::{Diagnostic, FileId};
use crate::load::{BOM, read_problem, syntax_problem, utf8_problem};
use crate::model::{Activity, Config, Processor};
use crate::schema::FileKind;
use crate::source::{FatalError, Files, RegisterSource, SourceEntry};

/// Why a file cannot be formatted. Either way it is left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The file is not valid TOML: where, and the parser's message.
    Syntax {
        span: std::ops::Range<usize>,
        message: String,
    },
    /// The result would not hold the same data and comments (a bug in ropa).
    Unsafe(&'static str),
}

/// The key order of a kind of register file, read once from its model type.
pub fn shape(kind: FileKind) -> &'static Shape {
    static REGISTER: OnceLock<Shape> = OnceLock::new();
    static ACTIVITY: OnceLock<Shape> = OnceLock::new();
    static PROCESSOR: OnceLock<Shape> = OnceLock::new();
    match kind {
        FileKind::Register => REGISTER.get_or_init(Shape::of::<Config>),
        FileKind::Activity => ACTIVITY.get_or_init(Shape::of::<Activity>),
        FileKind::Processor => PROCESSOR.get_or_init(Shape::of::<Processor>),
    }
}

/// The kind of a register file from its path in the register.
pub fn kind_of(path: &str) -> FileKind {
    if path == "ropa.toml" {
        FileKind::Register
    } else if path.starts_with("processors/") {
        FileKind::Processor
    } else {
        FileKind::Activity
    }
}

/// Formats the text of one register file. A file of only blank lines becomes empty.
pub fn format_text(kind: FileKind, text: &str) -> Result<String, FormatError> {
    if text.trim().is_empty() {
        return Ok(String::new());
    }
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|e: toml_edit::TomlError| FormatError::Syntax {
                span: e.span().unwrap_or(0..0),
                message: e.message().to_string(),
            })?;
    table::format_document(&mut doc, shape(kind));
    let mut out = doc.to_string();
    out.truncate(out.trim_end().len());
    out.push('\n');
    if out.contains('\r') {
        out = line_endings(text, out);
    }
    if out == text {
        // Already formatted: nothing can have been lost, so the check below (two more parses
        // and a lex of each text, most of `fmt --check`'s time) is not needed.
        return Ok(out);
    }
    match verify::unsafe_change(text, &out) {
        Some(why) => Err(FormatError::Unsafe(why)),
        None => Ok(out),
    }
}

/// Lays out a document ropa built itself (`ropa import`), which has no comments or layout of
/// its own to keep, so it skips the parse and the check that nothing was lost.
pub fn format_built(kind: FileKind, doc: &mut DocumentMut) -> String {
    table::format_document(doc, shape(kind));
    let mut out = doc.to_string();
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// LF line endings throughout, unless a multi-line string (or an inline table kept as written)
/// holds only CRLF line breaks: then CRLF throughout, so that endings are never mixed and
/// the string's bytes do not change for other TOML tools. A string that mixes CRLF and LF
/// becomes LF, as ropa reads it.
fn line_endings(original: &str, out: String) -> String {
    let lf = out.replace("\r\n", "\n");
    if verify::identical_values(original, &lf) {
        return lf;
    }
    let crlf = lf.replace('\n', "\r\n");
    if verify::identical_values(original, &crlf) {
        crlf
    } else {
        lf
    }
}

/// A file whose formatted text differs from what is on disk.
#[derive(Debug, Clone)]
pub struct Change {
    pub file: FileId,
    /// The formatted text (the file's text in [`FormatReport::files`] is the original).
    pub formatted: String,
    /// Whether the file starts with a UTF-8 byte order mark, which is kept.
    pub bom: bool,
}

impl Change {
    /// The bytes to write.
    pub fn bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.formatted.len() + BOM.len());
        if self.bom {
            bytes.extend_from_slice(BOM);
        }
        bytes.extend_from_slice(self.formatted.as_bytes());
        bytes
    }
}

/// What formatting a register would do.
#[derive(Debug, Default)]
pub struct FormatReport {
    /// Every file, sorted by path, with its original text (without a byte order mark) when it
    /// would change or cannot be formatted; a file already formatted has none kept.
    pub files: Files,
    /// The files that would change.
    pub changes: Vec<Change>,
    /// Why some files cannot be formatted; those files are left as they are.
    pub problems: Vec<Diagnostic>,
}

/// Formats every file of a register in memory, in parallel; writes nothing.
pub fn format_register(source: &dyn RegisterSource) -> Result<FormatReport, FatalError> {
    let entries = source.entries()?;
    // Files that are not read as register files (`file-not-read`) are not formatted either;
    // `ropa check` reports them.
    let done: Vec<FileOutcome> = entries
        .into_par_iter()
        .filter(|e| !e.is_not_read())
        .map(|entry| format_entry(entry, format_text))
        .collect();
    let mut report = FormatReport {
        files: Files::new(source.display_root()),
        ..FormatReport::default()
    };
    for outcome in done {
        let file = report.files.add(outcome.path, outcome.text);
        match outcome.result {
            Ok(None) => {}
            Ok(Some((formatted, bom))) => report.changes.push(Change {
                file,
                formatted,
                bom,
            }),
            Err(mut problem) => {
                problem.file = file;
                report.problems.push(problem);
            }
        }
    }
    Ok(report)
}

struct FileOutcome {
    path: String,
    text: String,
    /// The formatted text and whether to keep a byte order mark, when it differs.
    result: Result<Option<(String, bool)>, Diagnostic>,
}

/// Formats one file with `format` (always [`format_text`] but in a test of what happens when it
/// fails).
fn format_entry(
    entry: SourceEntry,
    format: fn(FileKind, &str) -> Result<String, FormatError>,
) -> FileOutcome {
    let (path, bytes) = entry.into_bytes();
    let mut outcome = FileOutcome {
        path,
        text: String::new(),
        result: Ok(None),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(failure) => {
            outcome.result = Err(read_problem(&failure));
            return outcome;
        }
    };
    let bom = bytes.starts_with(BOM);
    let body = if bom { &bytes[BOM.len()..] } else { &bytes[..] };
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(e) => {
            outcome.text = String::from_utf8_lossy(body).into_owned();
            outcome.result = Err(utf8_problem(body, &e));
            return outcome;
        }
    };
    let result = match format(kind_of(&outcome.path), text) {
        Ok(formatted) if formatted == text => Ok(None),
        Ok(formatted) => Ok(Some((formatted, bom))),
        Err(FormatError::Syntax { span, message }) => Err(syntax_problem(text, span, &message)),
        Err(FormatError::Unsafe(why)) => Err(Diagnostic::error(
            "format-failed",
            0,
            0..0,
            format!("ropa fmt cannot format this file safely: {why}, so it was left unchanged"),
        )
        .with_help(
            "this is a bug in ropa fmt; please report it with the file (the file itself is fine)",
        )),
    };
    // Only a file that changes or has a problem is shown (a diff, a snippet): the text of
    // one already formatted is not kept, so `fmt --check` does not copy the whole register.
    if result != Ok(None) {
        outcome.text = text.to_string();
    }
    outcome.result = result;
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a file that changes is kept for its diff; one already formatted keeps none.
    #[test]
    fn only_files_that_change_keep_their_text() {
        let formatted = SourceEntry::new("activities/a.toml", Ok(b"name = \"A\"\n".to_vec()));
        let outcome = format_entry(formatted, format_text);
        assert_eq!(outcome.result, Ok(None));
        assert_eq!(outcome.text, "");
        let messy = SourceEntry::new("activities/b.toml", Ok(b"name='B'\n".to_vec()));
        let outcome = format_entry(messy, format_text);
        assert_eq!(
            outcome.result,
            Ok(Some(("name = \"B\"\n".to_string(), false)))
        );
        assert_eq!(outcome.text, "name='B'\n");
    }

    #[test]
    fn a_file_that_cannot_be_formatted_safely_is_reported_and_left_alone() {
        let entry = SourceEntry::new("activities/a.toml", Ok(b"name='A'\n".to_vec()));
        let outcome = format_entry(entry, |_, _| {
            Err(FormatError::Unsafe("the data would change"))
        });
        assert_eq!(outcome.text, "name='A'\n");
        let problem = outcome.result.expect_err("not formatted");
        assert_eq!(problem.code, "format-failed");
        assert_eq!(
            problem.message,
            "ropa fmt cannot format this file safely: the data would change, so it was left unchanged"
        );
        assert!(problem.help.is_some_and(|h| h.contains("bug in ropa fmt")));
    }
}
