//! The JSON format: a stable array of findings, one object each. Its schema,
//! `schema/lint-output.schema.json`, is generated from [`JsonFinding`].

use schemars::JsonSchema;
use serde::Serialize;

use super::{Diagnostic, file_line_col};
use crate::files::Files;

/// One finding of `ropa lint --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFinding {
    /// The rule or load check that found it, e.g. `purposes-missing` or `unknown-key`.
    pub rule: String,
    /// `error` or `warning`, after severity overrides.
    pub severity: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is advice.
    pub help: Option<String>,
    /// The file, as the register folder was named on the command line joined with the path inside it.
    pub file: String,
    /// 1-based line of the start of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the start of the problem.
    pub column: usize,
    /// 1-based line of the end of the problem.
    pub end_line: usize,
    /// 1-based column (in characters) just after the end of the problem.
    pub end_column: usize,
    /// True when a `[[waivers]]` entry silences it (only listed with --show-waived).
    pub waived: bool,
    /// The waiver's reason, when waived.
    pub waiver_reason: Option<String>,
    /// What makes it the same finding in another state of the register (the rule, the file,
    /// the keys leading to the place and the message; not the line): `lint --baseline`
    /// matches findings by it.
    pub fingerprint: String,
}

impl JsonFinding {
    pub fn new(
        d: &Diagnostic,
        files: &Files,
        waiver_reason: Option<&str>,
        fingerprint: String,
    ) -> Self {
        let start = file_line_col(files, d.file, d.span.start);
        let end = file_line_col(files, d.file, d.span.end);
        Self {
            rule: d.code.to_string(),
            severity: d.severity.as_str().to_string(),
            message: d.message.clone(),
            help: d.help.clone(),
            file: files.display_path(d.file),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            waived: waiver_reason.is_some(),
            waiver_reason: waiver_reason.map(str::to_string),
            fingerprint,
        }
    }
}

/// Renders findings (active ones first, then waived ones with their reasons) as a pretty
/// JSON array.
pub fn render_json(findings: &[JsonFinding]) -> String {
    let mut text = serde_json::to_string_pretty(findings).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// The JSON Schema of the JSON format (draft-07).
pub fn json_output_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07()
        .with(|s| s.inline_subschemas = true)
        .into_generator();
    let mut schema = generator
        .into_root_schema_for::<Vec<JsonFinding>>()
        .to_value();
    if let serde_json::Value::Object(map) = &mut schema {
        map.insert("title".into(), "ropa lint --format json".into());
        map.insert(
            "description".into(),
            "The findings of `ropa lint`, sorted by file and position.".into(),
        );
    }
    schema
}
