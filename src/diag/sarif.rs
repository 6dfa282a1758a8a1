//! SARIF 2.1.0, for GitHub code scanning and other tools. Rule metadata comes from the rule
//! table through [`SarifRule`], so it is never written twice.
// Indexing cannot panic here: the rule table is indexed by positions taken from itself.
#![allow(clippy::indexing_slicing)]

use serde_json::{Value, json};

use super::{Diagnostic, Severity, file_line_col};
use crate::files::Files;

/// What SARIF says about one rule or load check.
pub struct SarifRule<'a> {
    pub id: &'a str,
    pub summary: &'a str,
    pub explanation: &'a str,
    pub severity: Severity,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Renders one SARIF log with a single run. Waived findings are included with an in-source
/// suppression and its justification, as SARIF intends.
pub fn render_sarif(
    rules: &[SarifRule<'_>],
    active: &[Diagnostic],
    waived: &[(&Diagnostic, &str)],
    files: &Files,
) -> String {
    let rule_index = |id: &str| rules.iter().position(|r| r.id == id);
    let result = |d: &Diagnostic, justification: Option<&str>| -> Value {
        let start = file_line_col(files, d.file, d.span.start);
        let end = file_line_col(files, d.file, d.span.end.max(d.span.start));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(". Help: ");
            message.push_str(help);
        }
        let mut result = json!({
            "ruleId": d.code,
            "level": level(d.severity),
            "message": { "text": message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": artifact_uri(&files.display_path(d.file)) },
                    "region": {
                        "startLine": start.line,
                        "startColumn": start.column,
                        "endLine": end.line,
                        "endColumn": end.column,
                    }
                }
            }],
        });
        if let Some(index) = rule_index(d.code) {
            result["ruleIndex"] = json!(index);
        }
        if let Some(justification) = justification {
            result["suppressions"] =
                json!([{ "kind": "inSource", "justification": justification }]);
        }
        result
    };
    let mut results: Vec<Value> = active.iter().map(|d| result(d, None)).collect();
    results.extend(waived.iter().map(|(d, reason)| result(d, Some(reason))));
    let driver_rules: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.explanation },
                "help": { "text": r.explanation },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ropa",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": driver_rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// A relative path as a SARIF URI reference (forward slashes, no `./`, spaces escaped); an
/// absolute path as a `file://` URI.
fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let encoded = path.replace('%', "%25").replace(' ', "%20");
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}
