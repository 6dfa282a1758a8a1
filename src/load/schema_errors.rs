//! Turns JSON Schema validation errors into diagnostics that point at the exact key or value
//! and say, in plain words, how to fix the file.
// Indexing cannot panic here: positions come from the same path and its length.
#![allow(clippy::indexing_slicing)]

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use serde_json::Value;

use super::hints::{self, Belongs};
use super::suggest::did_you_mean;
use crate::diag::{Diagnostic, FileId};
use crate::document::{Document, Seg};
use crate::model::{COUNTRY_PATTERN, ID_PATTERN};
use crate::schema::{FileKind, compiled};

/// Validates a file's JSON against its schema; each violation becomes a diagnostic.
pub fn check(kind: FileKind, file: FileId, doc: &Document, json: &Value) -> Vec<Diagnostic> {
    let compiled = compiled(kind);
    if compiled.validator.is_valid(json) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for error in compiled.validator.iter_errors(json) {
        let owned: Vec<OwnedSeg> = error
            .instance_path()
            .iter()
            .map(|s| match s {
                LocationSegment::Property(p) => OwnedSeg::Key(p.to_string()),
                LocationSegment::Index(i) => OwnedSeg::Index(i),
            })
            .collect();
        let path: Vec<Seg<'_>> = owned.iter().map(OwnedSeg::as_seg).collect();
        let schema_at = parent_schema(&compiled.schema, error.schema_path().as_str());
        let ctx = Ctx {
            root: &compiled.schema,
            file,
            doc,
            path: &path,
            instance: error.instance(),
            schema_at,
        };
        ctx.describe(error.kind(), &mut out);
    }
    out
}

/// How many unknown keys of one table get a "did you mean …?".
const SUGGESTED_KEYS: usize = 100;

enum OwnedSeg {
    Key(String),
    Index(usize),
}

impl OwnedSeg {
    fn as_seg(&self) -> Seg<'_> {
        match self {
            OwnedSeg::Key(k) => Seg::Key(k),
            OwnedSeg::Index(i) => Seg::Index(*i),
        }
    }
}

/// The schema object that holds the failing keyword (its `properties`, `description`, …).
fn parent_schema<'s>(schema: &'s Value, keyword_path: &str) -> Option<&'s Value> {
    let parent = keyword_path.rsplit_once('/').map_or("", |(p, _)| p);
    schema.pointer(parent)
}

struct Ctx<'a> {
    /// The file's whole schema, to say where a misplaced key belongs.
    root: &'a Value,
    file: FileId,
    doc: &'a Document,
    path: &'a [Seg<'a>],
    instance: &'a Value,
    schema_at: Option<&'a Value>,
}

impl Ctx<'_> {
    /// The name of the field at the path, as written in the file: the last key on the path.
    fn field(&self) -> String {
        let key = self.path.iter().rev().find_map(|s| match s {
            Seg::Key(k) => Some(*k),
            Seg::Index(_) => None,
        });
        key.unwrap_or("(top level)").to_string()
    }

    /// "in [lawful_basis]" for keys inside a table; empty at the top level.
    fn table_phrase(&self, path: &[Seg<'_>]) -> String {
        let keys: Vec<&str> = path
            .iter()
            .filter_map(|s| match s {
                Seg::Key(k) => Some(*k),
                Seg::Index(_) => None,
            })
            .collect();
        if keys.is_empty() {
            String::new()
        } else {
            format!(" in [{}]", keys.join("."))
        }
    }

    fn value_span(&self) -> std::ops::Range<usize> {
        self.doc.span_for(self.path)
    }

    fn error(
        &self,
        code: &'static str,
        span: std::ops::Range<usize>,
        message: String,
    ) -> Diagnostic {
        Diagnostic::error(code, self.file, span, message)
    }

    fn describe(&self, kind: &ValidationErrorKind, out: &mut Vec<Diagnostic>) {
        match kind {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed: Vec<&str> = self
                    .schema_at
                    .and_then(|s| s.get("properties"))
                    .and_then(Value::as_object)
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                let spans = self.doc.key_spans_of_table(self.path);
                for (index, key) in unexpected.iter().enumerate() {
                    let span = match spans.get(key.as_str()) {
                        Some(span) => span.clone(),
                        None => {
                            let mut key_path = self.path.to_vec();
                            key_path.push(Seg::Key(key));
                            self.doc.key_span_for(&key_path)
                        }
                    };
                    let tables: Vec<&str> = self
                        .path
                        .iter()
                        .filter_map(|s| match s {
                            Seg::Key(k) => Some(*k),
                            Seg::Index(_) => None,
                        })
                        .collect();
                    let (label, help) = match hints::belongs(self.root, &tables, key) {
                        Some(Belongs::Table { name, many: false }) => (
                            format!("belongs under [{name}]"),
                            format!(
                                "`{key}` is a key of the [{name}] table: move it below a `[{name}]` line (add that line if the file has none)"
                            ),
                        ),
                        Some(Belongs::Table { name, many: true }) => (
                            format!("belongs in each [[{name}]] table"),
                            format!(
                                "`{key}` is a key of each [[{name}]] table: move it below a `[[{name}]]` line"
                            ),
                        ),
                        Some(Belongs::TopLevel) => {
                            let table = tables.join(".");
                            let header = if matches!(self.path.last(), Some(Seg::Index(_))) {
                                format!("[[{table}]]")
                            } else {
                                format!("[{table}]")
                            };
                            (
                                format!("a top-level key, read here as part of {header}"),
                                format!(
                                    "`{key}` comes after the `{header}` line, so TOML reads it as part of that table; top-level keys must come before the first `[table]` line: move it up, above it"
                                ),
                            )
                        }
                        None => {
                            let label = if tables.is_empty() {
                                "not a field of the register format".to_string()
                            } else {
                                format!("not a field of [{}]", tables.join("."))
                            };
                            // Past the first hundred unknown keys in one table they are not
                            // typos, and looking for the nearest key for each costs time.
                            let near = (index < SUGGESTED_KEYS)
                                .then(|| did_you_mean(key, allowed.iter().copied()))
                                .flatten();
                            let help = match near {
                                Some(near) => format!("did you mean `{near}`?"),
                                None => {
                                    format!("the keys allowed here are: {}", allowed.join(", "))
                                }
                            };
                            (label, help)
                        }
                    };
                    out.push(
                        self.error(
                            "unknown-key",
                            span,
                            format!("unknown key `{key}`{}", self.table_phrase(self.path)),
                        )
                        .with_label(label)
                        .with_help(help),
                    );
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let span = if self.path.is_empty() {
                    0..0
                } else {
                    self.doc.key_span_for(self.path)
                };
                let table = self.table_phrase(self.path);
                let example = match self
                    .schema_at
                    .and_then(|s| s.pointer(&format!("/properties/{name}/type")))
                {
                    Some(Value::String(t)) if t == "object" => format!("add a [{name}] table"),
                    _ => format!("add `{name} = \"…\"`"),
                };
                out.push(
                    self.error(
                        "missing-key",
                        span,
                        format!("missing required key `{name}`{table}"),
                    )
                    .with_help(example),
                );
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => describe_type(&t.to_string()).to_string(),
                    TypeKind::Multiple(set) => set
                        .iter()
                        .map(|t| describe_type(&t.to_string()).to_string())
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                let field = self.field();
                let help = match hints::table_block(&field) {
                    Some(block) if matches!(expected.as_str(), "a list" | "a table") => block,
                    _ => type_help(&field, &expected, self.instance),
                };
                out.push(
                    self.error(
                        "wrong-type",
                        self.value_span(),
                        format!(
                            "`{field}` must be {expected}, but this is {}",
                            describe_value(self.instance)
                        ),
                    )
                    .with_help(help),
                );
            }
            ValidationErrorKind::Enum { options } => {
                let allowed: Vec<String> = options
                    .as_array()
                    .map(|o| o.iter().map(display_value).collect())
                    .unwrap_or_default();
                let what = crate::vocab::vocab_with_values(&allowed).map_or("value", |v| v.what);
                let shown = display_value(self.instance);
                if let Value::Number(n) = self.instance
                    && is_out_of_range(n)
                {
                    out.push(
                        self.error(
                            "unknown-value",
                            self.value_span(),
                            format!("this number is too large to be a {what}"),
                        )
                        .with_help(format!("allowed values: {}", allowed.join(", "))),
                    );
                    return;
                }
                // Words ("Article 6(1)(e)", "disability") read as the matcher reads a
                // spreadsheet; else a likely typo of a slug.
                let near = hints::slug_for_words(what, &shown)
                    .filter(|slug| allowed.iter().any(|a| a == slug))
                    .or_else(|| did_you_mean(&shown, allowed.iter().map(String::as_str)));
                let mut help = match near {
                    Some(near) => format!("did you mean `{near}`? "),
                    None => String::new(),
                };
                help.push_str(&format!("allowed values: {}", allowed.join(", ")));
                out.push(
                    self.error(
                        "unknown-value",
                        self.value_span(),
                        format!("`{shown}` is not a known {what}"),
                    )
                    .with_help(help),
                );
            }
            ValidationErrorKind::Format { format } if format == "date" => {
                let field = self.field();
                out.push(
                    self.error(
                        "invalid-date",
                        self.value_span(),
                        format!("`{}` is not a valid date", display_value(self.instance)),
                    )
                    .with_help(
                        hints::date_as_iso(&field, &display_value(self.instance)).unwrap_or_else(|| format!(
                                "write a real calendar date as YYYY-MM-DD without quotes, e.g. `{field} = 2026-03-01`"
                            )),
                    ),
                );
            }
            ValidationErrorKind::Pattern { pattern } => {
                let shown = display_value(self.instance);
                let (message, help) = if pattern == COUNTRY_PATTERN {
                    (
                        format!("`{shown}` is not a country code"),
                        "use the two-letter ISO 3166-1 code in capitals, e.g. `GB` for the UK, `US`, `IE`".to_string(),
                    )
                } else if pattern == ID_PATTERN {
                    (
                        format!("`{shown}` is not a valid id"),
                        "ids are lowercase letters, digits and single hyphens, e.g. `rostrvm` for processors/rostrvm.toml".to_string(),
                    )
                } else {
                    (
                        format!("`{shown}` does not have the required form"),
                        format!("it must match the pattern {pattern}"),
                    )
                };
                out.push(
                    self.error("invalid-value", self.value_span(), message)
                        .with_help(help),
                );
            }
            ValidationErrorKind::UniqueItems => {
                let items = self
                    .instance
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let repeat = (1..items.len()).find(|&j| items[..j].contains(&items[j]));
                let (span, shown) = match repeat {
                    Some(j) => {
                        let mut item_path = self.path.to_vec();
                        item_path.push(Seg::Index(j));
                        (self.doc.span_for(&item_path), display_value(&items[j]))
                    }
                    None => (self.value_span(), String::new()),
                };
                out.push(
                    self.error(
                        "duplicate-item",
                        span,
                        format!("`{shown}` is listed more than once in `{}`", self.field()),
                    )
                    .with_help("remove the repeated entry"),
                );
            }
            ValidationErrorKind::Minimum { limit }
            | ValidationErrorKind::ExclusiveMinimum { limit } => {
                out.push(self.error(
                    "out-of-range",
                    self.value_span(),
                    format!("`{}` must be at least {limit}", self.field()),
                ));
            }
            ValidationErrorKind::Maximum { limit }
            | ValidationErrorKind::ExclusiveMaximum { limit } => {
                out.push(self.error(
                    "out-of-range",
                    self.value_span(),
                    format!("`{}` must be at most {limit}", self.field()),
                ));
            }
            other => {
                out.push(self.error(
                    "invalid-value",
                    self.value_span(),
                    format!("`{}` is not valid here ({})", self.field(), other.keyword()),
                ));
            }
        }
    }
}

fn describe_type(json_type: &str) -> &'static str {
    match json_type {
        "array" => "a list",
        "object" => "a table",
        "string" => "text in quotes",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "null" => "empty",
        _ => "another type",
    }
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a table".into(),
        Value::String(s) => format!("the text \"{s}\""),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) if is_out_of_range(n) => {
            "a number too large to hold (or `nan` or `inf`)".into()
        }
        Value::Number(n) => format!("the number {n}"),
        Value::Null => "empty".into(),
    }
}

/// The values the document gives numbers it cannot hold (see `document::out_of_range` and
/// `float_to_json`): the largest and smallest integers and floats.
fn is_out_of_range(n: &serde_json::Number) -> bool {
    n.as_i64().is_some_and(|i| i == i64::MAX || i == i64::MIN)
        || n.as_f64().is_some_and(|f| f.abs() >= f64::MAX)
}

fn type_help(field: &str, expected: &str, instance: &Value) -> String {
    match (expected, instance) {
        ("a list", Value::String(s)) => hints::list_from_text(field, s),
        ("a list", _) => format!("write a list in square brackets: `{field} = [\"…\", \"…\"]`"),
        ("true or false", _) => {
            format!("write `{field} = true` or `{field} = false`, without quotes")
        }
        ("text in quotes", Value::Array(_)) => {
            format!("this field takes one value: `{field} = \"…\"`")
        }
        ("text in quotes", _) => format!("put the value in double quotes: `{field} = \"…\"`"),
        ("a table", _) => format!("write it as a table: a line `[{field}]` followed by its keys"),
        ("a whole number", _) => format!("write a number without quotes, e.g. `{field} = 12`"),
        _ => format!("`{field}` must be {expected}"),
    }
}

/// A JSON value as the user wrote it: strings without quotes, others as TOML would show them.
fn display_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
