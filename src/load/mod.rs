//! Loading a register: read every file from a source, parse it with spans, check it against
//! its schema, and collect every problem of every file in one pass.
// Indexing cannot panic here: positions come from the same lists as they are built.
#![allow(clippy::indexing_slicing)]

mod countries;
mod direct;
mod hints;
mod schema_errors;
mod suggest;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use crate::document::{Document, Found, Positions, Seg};
pub use suggest::did_you_mean;

use crate::diag::{self, Diagnostic, FileId};
use crate::model::{Loaded, Register, is_id_segment, suggest_id_segment};
use crate::schema::FileKind;
use crate::source::{FatalError, Files, ReadFailure, RegisterSource, SourceEntry};

/// Every problem the loader (and `[lint]` in ropa.toml) reports, with a one-line summary. These
/// are always errors and cannot be waived; SARIF and `ropa rules --all` describe them from here.
pub const LOAD_CHECKS: &[(&str, &str)] = &[
    ("toml-syntax", "a file is not valid TOML"),
    ("invalid-utf8", "a file is not UTF-8 text"),
    ("empty-file", "a file is empty"),
    (
        "unknown-key",
        "a key that is not part of the register format",
    ),
    ("missing-key", "a required key is missing"),
    (
        "wrong-type",
        "a value has the wrong type (text, list, table, true/false, number)",
    ),
    (
        "unknown-value",
        "a value is not one of the allowed slugs or numbers",
    ),
    ("invalid-date", "a date is not a real YYYY-MM-DD date"),
    (
        "invalid-value",
        "a value does not have the required form (id, country code)",
    ),
    ("out-of-range", "a number is outside the allowed range"),
    ("duplicate-item", "a list names the same item twice"),
    (
        "invalid-id",
        "a file name is not a valid activity or processor id",
    ),
    (
        "duplicate-processor",
        "two processor files have the same id",
    ),
    ("unreadable-file", "a file cannot be read"),
    (
        "symlink-loop",
        "a symbolic link loops back to its own folder",
    ),
    (
        "unknown-rule",
        "ropa.toml [lint] names a rule that does not exist",
    ),
    (
        "file-not-read",
        "a file in activities/ or processors/ looks meant for the register but is not read (a warning)",
    ),
];

/// A file that fails each load check, for `ropa explain`: (check, path, text). `explain` loads
/// it and shows what ropa really reports, so the example cannot drift from the message.
pub const LOAD_CHECK_EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "toml-syntax",
        "activities/cctv.toml",
        "name = \u{201c}CCTV\u{201d}\n",
    ),
    ("empty-file", "activities/cctv.toml", ""),
    (
        "unknown-key",
        "activities/cctv.toml",
        "name = \"CCTV\"\npurpose = [\"Crime prevention\"]\n",
    ),
    (
        "missing-key",
        "activities/cctv.toml",
        "purposes = [\"Crime prevention\"]\n",
    ),
    (
        "wrong-type",
        "activities/cctv.toml",
        "name = \"CCTV\"\nretention = \"31 days\"\n",
    ),
    (
        "unknown-value",
        "activities/cctv.toml",
        "name = \"CCTV\"\n\n[lawful_basis]\narticle6 = [\"Article 6(1)(e)\"]\n",
    ),
    (
        "invalid-date",
        "activities/cctv.toml",
        "name = \"CCTV\"\nlast_reviewed = \"31/01/2026\"\n",
    ),
    (
        "invalid-value",
        "activities/cctv.toml",
        "name = \"CCTV\"\nprocessors = [\"Capita Ltd\"]\n",
    ),
    (
        "duplicate-item",
        "activities/cctv.toml",
        "name = \"CCTV\"\npurposes = [\"Crime prevention\", \"Crime prevention\"]\n",
    ),
    (
        "invalid-id",
        "activities/CCTV Cameras.toml",
        "name = \"CCTV\"\n",
    ),
    (
        "out-of-range",
        "ropa.toml",
        "[controller]\nname = \"Example Council\"\n\n[review]\ninterval_months = 0\n",
    ),
];

/// The result of loading: the register (every file that loaded cleanly) and the problems.
#[derive(Debug)]
pub struct LoadReport {
    pub register: Register,
    /// Problems with the files themselves, sorted by file and position: errors, and warnings
    /// for files that look meant for the register but are not read (`file-not-read`).
    pub problems: Vec<Diagnostic>,
    /// True when some file could not be read at all, so the register was not fully checked.
    pub incomplete: bool,
}

/// Loads a register with every position kept, for a command that reports lint findings at
/// their place. Fails only when there is no register to read (exit code 2); problems in
/// individual files are returned in the report.
pub fn load(source: &dyn RegisterSource) -> Result<LoadReport, FatalError> {
    load_with(source, Positions::Keep)
}

/// Loads a register as [`load`] does, keeping the positions only where `positions` says.
/// Problems with the files are located either way, and `ropa.toml` always keeps its
/// positions; with [`Positions::Drop`] a finding about an activity or processor file points
/// at its start.
pub fn load_with(
    source: &dyn RegisterSource,
    positions: Positions,
) -> Result<LoadReport, FatalError> {
    let entries = source.entries()?;
    let mut files = Files::new(source.display_root());
    let parsed: Vec<ParsedFile> = entries
        .into_par_iter()
        .map(|entry| parse_entry(entry, positions))
        .collect();

    let mut register = Register::default();
    // Sized once: growing a list of 50,000 activities copies it about sixteen times.
    files.reserve(parsed.len());
    let count = |kind: fn(&Parsed) -> bool| {
        parsed
            .iter()
            .filter(|f| f.loaded.as_ref().is_some_and(kind))
            .count()
    };
    register
        .activities
        .reserve(count(|p| matches!(p, Parsed::Activity(..))));
    register
        .processors
        .reserve(count(|p| matches!(p, Parsed::Processor(..))));
    let mut problems = Vec::new();
    let mut incomplete = false;
    let mut processor_files: HashMap<String, FileId> = HashMap::new();

    for file in parsed {
        let id = files.add(file.path.clone(), file.text);
        incomplete |= file.unreadable;
        problems.extend(file.problems.into_iter().map(|p| p.into_diagnostic(id)));
        let Some(loaded) = file.loaded else { continue };
        match loaded {
            Parsed::Register(doc, value) => {
                register.config = Some(Loaded {
                    id: "ropa".into(),
                    file: id,
                    doc,
                    value,
                });
            }
            Parsed::Activity(doc, value) => {
                register.activities.push(Loaded {
                    id: file.id,
                    file: id,
                    doc,
                    value,
                });
            }
            Parsed::Processor(doc, value) => {
                if let Some(&first) = processor_files.get(&file.id) {
                    problems.push(
                        Diagnostic::error(
                            "duplicate-processor",
                            id,
                            0..0,
                            format!("processor id `{}` is already used by {}", file.id, files.path(first)),
                        )
                        .with_help("each processor needs its own file name in processors/; rename one of them"),
                    );
                    continue;
                }
                processor_files.insert(file.id.clone(), id);
                register.processors.push(Loaded {
                    id: file.id,
                    file: id,
                    doc,
                    value,
                });
            }
        }
    }
    register.files = files;
    diag::sort(&mut problems, &register.files);
    Ok(LoadReport {
        register,
        problems,
        incomplete,
    })
}

/// A problem found while the file's id in [`Files`] is not yet known.
struct Problem {
    diagnostic: Diagnostic,
}

impl Problem {
    fn new(
        code: &'static str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self {
            diagnostic: Diagnostic::error(code, 0, span, message).with_help(help),
        }
    }

    fn into_diagnostic(mut self, file: FileId) -> Diagnostic {
        self.diagnostic.file = file;
        self.diagnostic
    }
}

#[derive(PartialEq)]
enum Parsed {
    Register(Document, Box<crate::model::Config>),
    Activity(Document, Box<crate::model::Activity>),
    Processor(Document, Box<crate::model::Processor>),
}

impl Parsed {
    /// The file as `positions` asks: a file the schema route read has its positions, which
    /// it needed to locate problems, but need not keep them.
    fn with_positions(self, positions: Positions) -> Self {
        match positions {
            Positions::Keep => self,
            Positions::Drop | Positions::ValuesOnly => self.without_positions(),
        }
    }

    fn without_positions(self) -> Self {
        match self {
            Parsed::Register(_, v) => Parsed::Register(Document::empty(), v),
            Parsed::Activity(_, v) => Parsed::Activity(Document::empty(), v),
            Parsed::Processor(_, v) => Parsed::Processor(Document::empty(), v),
        }
    }
}

struct ParsedFile {
    path: String,
    id: String,
    text: String,
    unreadable: bool,
    problems: Vec<Problem>,
    loaded: Option<Parsed>,
}

/// Which kind of file a path is, and its id; or why the path itself is a problem.
fn classify(path: &str) -> Result<(FileKind, String), Problem> {
    if path == "ropa.toml" {
        return Ok((FileKind::Register, "ropa".into()));
    }
    if let Some(rest) = path.strip_prefix("activities/") {
        // One `.toml` only: `enquiries.toml.toml` is not the id `enquiries`.
        let id = rest.strip_suffix(".toml").unwrap_or(rest);
        let bad: Vec<&str> = id.split('/').filter(|s| !is_id_segment(s)).collect();
        if bad.is_empty() {
            return Ok((FileKind::Activity, id.to_string()));
        }
        let suggestion: Vec<String> = id.split('/').map(suggest_id_segment).collect();
        return Err(Problem::new(
            "invalid-id",
            0..0,
            format!(
                "`{id}` is not a valid activity id: `{}` has characters other than a-z, 0-9 and -",
                bad[0]
            ),
            format!(
                "rename the file to activities/{}.toml",
                suggestion.join("/")
            ),
        ));
    }
    if let Some(rest) = path.strip_prefix("processors/") {
        let id = rest.strip_suffix(".toml").unwrap_or(rest);
        if id.contains('/') {
            return Err(Problem::new(
                "invalid-id",
                0..0,
                format!(
                    "processor files must sit directly in processors/, not in a subfolder (`{id}`)"
                ),
                "move the file up into processors/; its file name is the processor's id",
            ));
        }
        if !is_id_segment(id) {
            return Err(Problem::new(
                "invalid-id",
                0..0,
                format!("`{id}` is not a valid processor id: use only a-z, 0-9 and -"),
                format!(
                    "rename the file to processors/{}.toml",
                    suggest_id_segment(id)
                ),
            ));
        }
        return Ok((FileKind::Processor, id.to_string()));
    }
    Err(Problem::new(
        "invalid-id",
        0..0,
        format!("`{path}` is not a register file"),
        "register files are ropa.toml, activities/**/*.toml and processors/*.toml",
    ))
}

fn parse_entry(entry: SourceEntry, positions: Positions) -> ParsedFile {
    let _reading = crate::crash::reading(&entry.path);
    // Debug builds only: a way for the tests to show what a bug looks like to a user.
    #[cfg(debug_assertions)]
    #[allow(clippy::panic)]
    if std::env::var("ROPA_DEBUG_PANIC").is_ok_and(|p| p == entry.path) {
        panic!("a deliberate panic for the tests (ROPA_DEBUG_PANIC)");
    }
    let (path, bytes) = entry.into_bytes();
    let mut out = ParsedFile {
        path,
        id: String::new(),
        text: String::new(),
        unreadable: false,
        problems: Vec::new(),
        loaded: None,
    };
    let bytes = match bytes {
        // Every source is held to the same limit (a revision's blobs are in memory already).
        Ok(bytes) if bytes.len() as u64 > crate::source::LARGEST_FILE => {
            let failure = crate::source::too_large(bytes.len() as u64);
            out.unreadable = true;
            out.problems.push(Problem {
                diagnostic: read_problem(&failure),
            });
            return out;
        }
        Ok(bytes) => bytes,
        Err(failure) => {
            out.unreadable = matches!(
                failure,
                ReadFailure::Unreadable(_) | ReadFailure::Refused { .. }
            );
            out.problems.push(Problem {
                diagnostic: read_problem(&failure),
            });
            return out;
        }
    };
    let (kind, id) = match classify(&out.path) {
        Ok(found) => found,
        Err(problem) => {
            out.text = String::from_utf8_lossy(&bytes).into_owned();
            out.problems.push(problem);
            return out;
        }
    };
    out.id = id;

    let mut bytes = bytes;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    // The bytes become the text in place: a register's text is most of what loading keeps.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            out.text = String::from_utf8_lossy(bytes).into_owned();
            out.problems.push(Problem {
                diagnostic: utf8_problem(bytes, &e.utf8_error()),
            });
            return out;
        }
    };
    out.text = text;

    if out.text.trim().is_empty() {
        let needs = match kind {
            FileKind::Register => "a [controller] table with at least `name = \"…\"`",
            FileKind::Activity | FileKind::Processor => "at least `name = \"…\"`",
        };
        out.problems.push(Problem::new(
            "empty-file",
            0..0,
            "this file is empty",
            format!("add {needs}, or delete the file"),
        ));
        return out;
    }

    match read(kind, &out.text, positions).1 {
        Ok(parsed) => out.loaded = Some(parsed),
        Err(problems) => out.problems.extend(problems),
    }
    // A processor's text stays: a second file with its id is reported once all are read.
    if positions == Positions::ValuesOnly && kind == FileKind::Activity && out.problems.is_empty() {
        out.text = String::new();
    }
    out
}

/// Reads one file's text into its model, parsing it once. A well-formed activity or processor
/// file is read straight from the parser's table ([`direct`]). The schema route takes the
/// rest: `ropa.toml` (one small file, with ranges), any file with something only that route
/// reads faithfully, and any file the model's types refuse (parsed a second time, since the
/// direct read used up the table; such a file has a problem to report).
fn read(kind: FileKind, text: &str, positions: Positions) -> (Route, Result<Parsed, Vec<Problem>>) {
    // ropa.toml keeps its positions: `[lint]` names are checked against the rules with them.
    let positions = match kind {
        FileKind::Register => Positions::Keep,
        FileKind::Activity | FileKind::Processor => positions,
    };
    let (doc, table, plain) = match Document::parse_direct(text, positions) {
        Ok(parsed) => parsed,
        Err(e) => {
            let problem = Problem {
                diagnostic: syntax_problem(text, e.span().unwrap_or(0..0), e.message()),
            };
            return (Route::Schema, Err(vec![problem]));
        }
    };
    let fast = match kind {
        FileKind::Activity if plain => {
            direct::read(table).map(|v| Parsed::Activity(doc, Box::new(v)))
        }
        FileKind::Processor if plain => {
            direct::read(table).map(|v| Parsed::Processor(doc, Box::new(v)))
        }
        _ => {
            // The schema route locates its problems, so it needs the positions either way.
            let doc = match positions {
                Positions::Keep => doc,
                Positions::Drop | Positions::ValuesOnly => Document::of_parsed(&table, text),
            };
            let json = crate::document::json_of(&table, text);
            let read = read_by_schema(kind, text, doc, json);
            return (Route::Schema, read.map(|p| p.with_positions(positions)));
        }
    };
    match fast {
        Some(parsed) => {
            #[cfg(debug_assertions)]
            routes_agree(kind, text, &parsed, positions);
            (Route::Direct, Ok(parsed))
        }
        None => {
            let read = reparse_by_schema(kind, text);
            (Route::Schema, read.map(|p| p.with_positions(positions)))
        }
    }
}

/// Which way [`read`] read a file; the tests check the direct route is not too cautious.
#[derive(Debug, PartialEq)]
enum Route {
    Direct,
    Schema,
}

/// Debug builds: the schema route must accept what the fast route accepted, with the same
/// model and spans. Every test and fuzz run checks this for each file it loads.
#[cfg(debug_assertions)]
fn routes_agree(kind: FileKind, text: &str, fast: &Parsed, positions: Positions) {
    match reparse_by_schema(kind, text) {
        Ok(slow) => debug_assert!(
            match positions {
                Positions::Keep => slow == *fast,
                Positions::Drop | Positions::ValuesOnly => slow.without_positions() == *fast,
            },
            "the fast and schema routes read this file differently:\n{text}"
        ),
        Err(problems) => debug_assert!(
            false,
            "the fast route accepted a file the schema route refuses ({:?}):\n{text}",
            problems.first().map(|p| &p.diagnostic.message)
        ),
    }
}

/// The schema route from the text: parse it to its span tree and JSON.
fn reparse_by_schema(kind: FileKind, text: &str) -> Result<Parsed, Vec<Problem>> {
    match Document::parse(text) {
        Ok((doc, json)) => read_by_schema(kind, text, doc, json),
        Err(e) => Err(vec![Problem {
            diagnostic: syntax_problem(text, e.span().unwrap_or(0..0), e.message()),
        }]),
    }
}

/// The schema route: check the JSON against the file's schema (every problem located), then
/// read the model from it.
fn read_by_schema(
    kind: FileKind,
    text: &str,
    doc: Document,
    json: Value,
) -> Result<Parsed, Vec<Problem>> {
    let mut schema_problems = schema_errors::check(kind, 0, &doc, &json);
    if schema_problems.is_empty() {
        schema_problems = decimal_numbers(text, &doc);
    }
    if schema_problems.is_empty() {
        schema_problems = countries::check(kind, &doc, &json);
    }
    if !schema_problems.is_empty() {
        return Err(schema_problems
            .into_iter()
            .map(|diagnostic| Problem { diagnostic })
            .collect());
    }
    let mut problems = Vec::new();
    let parsed = match kind {
        FileKind::Register => {
            typed(json, &mut problems).map(|v| Parsed::Register(doc, Box::new(v)))
        }
        FileKind::Activity => {
            typed(json, &mut problems).map(|v| Parsed::Activity(doc, Box::new(v)))
        }
        FileKind::Processor => {
            typed(json, &mut problems).map(|v| Parsed::Processor(doc, Box::new(v)))
        }
    };
    parsed.ok_or(problems)
}

/// A decimal number the schema let through: one where a whole number belongs (`6.0`, since
/// JSON Schema counts it as an integer). The format has no decimal fields, so each is a
/// `wrong-type` error at its place; a decimal where text belongs is already reported.
fn decimal_numbers(text: &str, doc: &Document) -> Vec<Diagnostic> {
    doc.floats()
        .iter()
        .map(|span| {
            let written = text.get(span.clone()).unwrap_or("").trim();
            let whole = written
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15)
                .map(|v| format!("{v:.0}"));
            let help = match whole {
                Some(whole) => {
                    format!("write it as a whole number without the decimal part: `{whole}`")
                }
                None => "write a whole number here, e.g. `12`".to_string(),
            };
            Problem::new(
                "wrong-type",
                span.clone(),
                format!("`{written}` is a decimal number, but this field takes a whole number"),
                help,
            )
            .diagnostic
        })
        .collect()
}

/// The UTF-8 byte order mark some editors write at the start of a file; it is not part of the text.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The problem for a file that could not be read (shared with `ropa fmt`, as are the two below).
/// Its file is 0 until the caller sets it.
pub fn read_problem(failure: &ReadFailure) -> Diagnostic {
    match failure {
        ReadFailure::Unreadable(why) => Problem::new(
            "unreadable-file",
            0..0,
            format!("cannot read this file: {why}"),
            "check that the file exists and that you have permission to read it",
        ),
        ReadFailure::Refused { why, help } => Problem::new(
            "unreadable-file",
            0..0,
            format!("cannot read this file: {why}"),
            *help,
        ),
        ReadFailure::SymlinkLoop { back_to } => Problem::new(
            "symlink-loop",
            0..0,
            format!("this symbolic link loops back to its own parent folder `{back_to}`"),
            "remove the link",
        ),
        ReadFailure::NotRead { help } => {
            let mut problem = Problem::new(
                "file-not-read",
                0..0,
                "this file is not read as part of the register",
                *help,
            );
            problem.diagnostic.severity = crate::diag::Severity::Warning;
            problem
        }
    }
    .diagnostic
}

/// The problem for a file that is not UTF-8 text.
pub fn utf8_problem(bytes: &[u8], error: &std::str::Utf8Error) -> Diagnostic {
    let at = error.valid_up_to();
    Problem::new(
        "invalid-utf8",
        at..at + 1,
        format!(
            "this file is not UTF-8 text (byte 0x{:02X} cannot be read)",
            bytes[at]
        ),
        "save the file with the UTF-8 encoding (in most editors: Save As, then choose UTF-8)",
    )
    .diagnostic
}

/// The problem for a file that is not valid TOML, from the parser's span and message.
pub fn syntax_problem(text: &str, span: std::ops::Range<usize>, message: &str) -> Diagnostic {
    let message = message.trim_end();
    if message.contains("recursion limit") {
        // The parser gives up without a place: point at the most deeply nested line.
        let line = deepest_line(text);
        return Problem::new(
            "toml-syntax",
            line.clone(),
            "this is not valid TOML for ropa: it is nested too deeply (too many levels of dotted keys, [tables], lists or { } tables)",
            "the register format needs at most three levels, e.g. `lawful_basis.article6`; write the keys with fewer dots and brackets",
        )
        .diagnostic;
    }
    let help: String = hints::syntax(text, span.start).unwrap_or_else(|| {
        if message.contains("date") || message.contains("time") {
            "write a real calendar date as YYYY-MM-DD, e.g. `last_reviewed = 2026-03-01`".into()
        } else {
            "check the quotes, brackets and `key = value` pairs here".into()
        }
    });
    Problem::new(
        "toml-syntax",
        span,
        format!("this is not valid TOML: {message}"),
        help,
    )
    .diagnostic
}

/// The first line with the most `.`, `[` and `{`: where the nesting is deepest.
fn deepest_line(text: &str) -> std::ops::Range<usize> {
    let mut best = (0, 0..0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let depth = line
            .bytes()
            .filter(|b| matches!(b, b'.' | b'[' | b'{'))
            .count();
        if depth > best.0 {
            best = (depth, start..start + line.trim_end().len());
        }
        start += line.len();
    }
    best.1
}

/// Deserialises a schema-valid document into its model type. The schema is generated from the
/// same types, so this fails only if the two disagree; that is reported, never a panic.
fn typed<T: DeserializeOwned>(json: Value, problems: &mut Vec<Problem>) -> Option<T> {
    // By value: the strings move into the model instead of being copied.
    match serde_json::from_value(json) {
        Ok(value) => Some(value),
        Err(e) => {
            problems.push(Problem::new(
                "invalid-value",
                0..0,
                format!("this file cannot be read: {e}"),
                "please report this: the file passed the schema check but not the model",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The route a file takes, which must not depend on whether positions are kept; the
    /// model read must not either.
    fn route(kind: FileKind, text: &str) -> Route {
        let (kept, with_positions) = read(kind, text, Positions::Keep);
        let (dropped, without) = read(kind, text, Positions::Drop);
        assert_eq!(kept, dropped, "the route depends on positions:\n{text}");
        if let (Ok(with_positions), Ok(without)) = (with_positions, without) {
            assert!(
                with_positions.without_positions() == without,
                "the model depends on positions:\n{text}"
            );
        }
        kept
    }

    fn fast(text: &str) -> bool {
        route(FileKind::Activity, text) == Route::Direct
    }

    /// A well-formed file, using dates, integers in other radixes, processors and transfers,
    /// takes the fast route (and, in this debug build, the schema route agrees with it).
    #[test]
    fn a_well_formed_activity_takes_the_fast_route() {
        let text = "name = \"CCTV\"\nlast_reviewed = 2026-03-01\nnext_review = \"2027-03-01\"\n\
            processors = [\"acme\", \"capita\"]\nspecial_category_data = [\"health\"]\n\n\
            [lawful_basis]\narticle6 = [\"public-task\"]\narticle9 = [\"substantial-public-interest\"]\n\
            schedule1 = [0x6, 0b10110]\n\n[[transfers]]\ncountry = \"US\"\nmechanism = \"idta\"\n";
        assert!(fast(text));
        // Windows line endings outside multi-line strings change nothing.
        assert!(fast(&text.replace('\n', "\r\n")));
        // A long list of different texts, and one whose texts differ only at the end.
        let long = |item: &dyn Fn(usize) -> String| {
            let items: Vec<String> = (0..40).map(|i| format!("\"{}\"", item(i))).collect();
            format!("name = \"x\"\npurposes = [{}]\n", items.join(", "))
        };
        assert!(fast(&long(&|i| format!("p{i}"))));
        assert!(fast(&long(&|i| format!("{}{i}", "a".repeat(64)))));
    }

    #[test]
    fn processors_take_the_fast_route_unless_a_country_or_sub_processor_is_doubtful() {
        let processor = |text: &str| route(FileKind::Processor, text) == Route::Direct;
        let good = "name = \"Acme\"\ncontract_expires = 2027-01-31\ncountries = [\"GB\", \"IE\"]\n\
            sub_processors = [\"AWS\", { name = \"Azure\", countries = [\"NL\"] }]\n";
        assert!(processor(good));
        assert!(!processor(&good.replace("\"NL\"", "\"EU\"")));
        let twice = "name = \"Acme\"\nsub_processors = [{ name = \"A\" }, { name = \"A\" }]\n";
        assert!(!processor(twice));
    }

    /// The shipped example registers load without a problem, so every one of their activity and processor
    /// files must take the fast route; if one does not, the route has become too cautious.
    #[test]
    fn every_file_of_the_example_registers_takes_the_fast_route() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("registers");
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(&root) {
            let path = entry.unwrap().into_path();
            let relative = path.to_string_lossy().replace('\\', "/");
            let kind = if relative.contains("/activities/") {
                FileKind::Activity
            } else if relative.contains("/processors/") {
                FileKind::Processor
            } else {
                continue;
            };
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                route(kind, &text) == Route::Direct,
                "{} took the schema route",
                path.display()
            );
            checked += 1;
        }
        assert!(checked >= 20, "only {checked} files found under registers/");
    }

    /// Dropping positions changes nothing but the positions: the same problems at the same
    /// places (the schema route and ropa.toml keep theirs), the same values.
    #[test]
    fn a_register_loaded_without_positions_reports_the_same_problems() {
        let config = (
            "ropa.toml",
            "[controller]\nname = \"C\"\n\n[lint]\nallow = [\"retention-vauge\"]\n",
        );
        let mut registers: Vec<Vec<(&str, &str)>> = LOAD_CHECK_EXAMPLES
            .iter()
            .map(|&(_, path, text)| vec![config, (path, text)])
            .collect();
        registers.push(vec![
            config,
            (
                "activities/crlf.toml",
                "name = \"x\"\npurposes = [\"\"\"\r\none\r\ntwo\"\"\"]\n",
            ),
            (
                "activities/plain.toml",
                "name = \"y\"\npurposes = [\"a\", \"b\"]\n",
            ),
            (
                "processors/acme.toml",
                "name = \"Acme\"\ncountries = [\"GB\"]\n",
            ),
        ]);
        for (files, positions) in registers
            .iter()
            .flat_map(|f| [(f, Positions::Drop), (f, Positions::ValuesOnly)])
        {
            let source = crate::source::MemorySource::from_texts("reg", files);
            let kept = load(&source).unwrap();
            let dropped = load_with(&source, positions).unwrap();
            assert_eq!(kept.problems, dropped.problems, "{files:?}");
            // The problems look the same: a file with one keeps its text, to show it.
            assert_eq!(
                crate::diag::render_human(&kept.problems, &kept.register.files, true),
                crate::diag::render_human(&dropped.problems, &dropped.register.files, true),
            );
            let texts_kept = dropped
                .register
                .activities
                .iter()
                .filter(|a| !dropped.register.files.text(a.file).is_empty())
                .count();
            match positions {
                Positions::ValuesOnly => assert_eq!(texts_kept, 0, "{files:?}"),
                _ => assert_eq!(texts_kept, dropped.register.activities.len()),
            }
            assert!(
                dropped.register.processors.iter().all(|p| !dropped
                    .register
                    .files
                    .text(p.file)
                    .is_empty())
            );
            assert!(!kept.problems.is_empty() || files.len() == 4, "{files:?}");
            let config = |r: &LoadReport| r.register.config.as_ref().map(|c| c.doc.clone());
            assert_eq!(config(&kept), config(&dropped));
            let values = |r: &LoadReport| {
                r.register
                    .activities
                    .iter()
                    .map(|a| (a.id.clone(), a.value.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(values(&kept), values(&dropped));
            assert!(
                dropped
                    .register
                    .activities
                    .iter()
                    .all(|a| a.doc == Document::empty())
            );
            assert!(
                dropped
                    .register
                    .processors
                    .iter()
                    .all(|p| p.doc == Document::empty())
            );
        }
    }

    /// Whatever only the schema route reads faithfully, or reports well, goes that way.
    #[test]
    fn files_the_fast_route_is_unsure_of_take_the_schema_route() {
        for text in [
            // A text a short list repeats, and one a long list repeats (the schema's
            // uniqueItems).
            "name = \"x\"\npurposes = [\"a\", \"b\", \"a\"]\n",
            &format!(
                "name = \"x\"\npurposes = [{}\"p7\"]\n",
                (0..20).map(|i| format!("\"p{i}\", ")).collect::<String>()
            ),
            // A number one list repeats in another radix: the schema's uniqueItems.
            "name = \"x\"\n[lawful_basis]\narticle6 = [\"public-task\"]\nschedule1 = [22, 0x16]\n",
            // A decimal where a whole number belongs.
            "name = \"x\"\n[lawful_basis]\narticle6 = [\"public-task\"]\nschedule1 = [6.0]\n",
            // A multi-line string whose Windows line breaks are normalised.
            "name = \"x\"\npurposes = [\"\"\"\r\none\r\ntwo\"\"\"]\n",
            // A country code of the right shape that names no country, and one that is not.
            "name = \"x\"\n[[transfers]]\ncountry = \"UK\"\n",
            "name = \"x\"\n[[transfers]]\ncountry = \"us\"\n",
            // A processor id the schema's pattern refuses.
            "name = \"x\"\nprocessors = [\"Capita Ltd\"]\n",
            // An unknown key, a missing name, and a syntax error.
            "name = \"x\"\npurpose = [\"a\"]\n",
            "purposes = [\"a\"]\n",
            "name = \n",
        ] {
            assert!(!fast(text), "took the fast route:\n{text}");
        }
    }
}
