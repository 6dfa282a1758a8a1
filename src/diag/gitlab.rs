//! GitLab Code Quality: the Code Climate JSON subset GitLab reads from a `codequality` report
//! artifact, shown in the merge request widget and the pipeline's Code Quality tab.
//!
//! GitLab matches findings between the base and head pipelines by `fingerprint`, so it must be
//! the same on every run for the same finding: it hashes the file, rule and message (not the
//! line, so unrelated edits above a finding do not make it look new), plus a count of earlier
//! identical findings in the same file, so each is still unique.

use std::collections::HashMap;

use serde::Serialize;

use super::{Diagnostic, Severity, line_col};
use crate::source::Files;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// Renders findings as a GitLab Code Quality report (a JSON array).
pub fn render_gitlab(diagnostics: &[Diagnostic], files: &Files) -> String {
    let mut seen: HashMap<(String, &str, &str), usize> = HashMap::new();
    let issues: Vec<Issue> = diagnostics
        .iter()
        .map(|d| {
            let display = files.display_path(d.file);
            let path = display.strip_prefix("./").unwrap_or(&display).to_string();
            let repeat = seen
                .entry((path.clone(), d.code, d.message.as_str()))
                .or_default();
            let fingerprint = fingerprint(&[&path, d.code, &d.message, &repeat.to_string()]);
            *repeat += 1;
            Issue {
                description: &d.message,
                check_name: d.code,
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    lines: Lines {
                        begin: line_col(files.text(d.file), d.span.start).line,
                    },
                    path,
                },
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// 128-bit FNV-1a of the parts (each ended by a NUL byte), as 32 hex digits: stable across runs,
/// platforms and Rust versions, unlike `std`'s hasher.
fn fingerprint(parts: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fixed_values() {
        // Known FNV-1a 128 value for the empty input, and a pinned value for a finding: a change
        // here would make GitLab report every finding as new.
        assert_eq!(fingerprint(&[]), "6c62272e07bb014262b821756295c58d");
        assert_eq!(
            fingerprint(&[
                "reg/activities/a.toml",
                "owner-missing",
                "no owner recorded",
                "0"
            ]),
            "36f3ca7f12686f50341f3735de6d932f"
        );
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    }

    #[test]
    fn renders_the_fields_gitlab_reads() {
        let mut files = Files::new("./reg".into());
        let file = files.add("activities/a.toml".into(), "name = \"A\"\nx = 1\n".into());
        let d = Diagnostic::error("unknown-key", file, 11..12, "unknown key `x`");
        let mut warning = d.clone();
        warning.severity = Severity::Warning;
        let report: serde_json::Value =
            serde_json::from_str(&render_gitlab(&[d, warning], &files)).unwrap();
        let first = &report[0];
        assert_eq!(first["description"], "unknown key `x`");
        assert_eq!(first["check_name"], "unknown-key");
        assert_eq!(first["severity"], "major");
        assert_eq!(first["location"]["path"], "reg/activities/a.toml");
        assert_eq!(first["location"]["lines"]["begin"], 2);
        assert_eq!(report[1]["severity"], "minor");
        // The same finding twice in one file still gets two fingerprints.
        assert_ne!(first["fingerprint"], report[1]["fingerprint"]);
        assert_eq!(first["fingerprint"].as_str().unwrap().len(), 32);
    }
}
