//! GitLab Code Quality: the Code Climate JSON subset GitLab reads from a `codequality` report
//! artifact, shown in the merge request widget and the pipeline's Code Quality tab.
//!
//! GitLab matches findings between the base and head pipelines by `fingerprint`, so it must be
//! the same on every run for the same finding: it hashes the file, rule and message (not the
//! line, so unrelated edits above a finding do not make it look new), plus a count of earlier
//! identical findings in the same file, so each is still unique.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// Renders findings as a GitLab Code Quality report (a JSON array). GitLab reads each path from
/// the project's root folder, so `register` is the register folder's path there (from
/// [`register_in_project`]; `""` at the root); `None` keeps paths as shown to the user.
pub fn render_gitlab(diagnostics: &[Diagnostic], files: &Files, register: Option<&str>) -> String {
    let mut seen: HashMap<(String, &str, &str), usize> = HashMap::new();
    let issues: Vec<Issue> = diagnostics
        .iter()
        .map(|d| {
            let path = match register {
                Some("") => files.path(d.file).to_string(),
                Some(register) => format!("{register}/{}", files.path(d.file)),
                None => {
                    let display = files.display_path(d.file);
                    display.strip_prefix("./").unwrap_or(&display).to_string()
                }
            };
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

/// The register folder's path within the project, with `/` between folders: the project is
/// `CI_PROJECT_DIR` when GitLab CI sets it, else the git clone holding the register. `None` when
/// there is no project or the register is outside it (or a folder name is not UTF-8).
pub fn register_in_project(root: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    let project = match std::env::var_os("CI_PROJECT_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir).canonicalize().ok()?,
        None => root
            .ancestors()
            .find(|a| a.join(".git").exists())?
            .to_path_buf(),
    };
    relative_folder(&root, &project)
}

/// The register folder's path within `GITHUB_WORKSPACE`, when GitHub Actions sets it and the
/// register is inside: GitHub places annotations and SARIF results by paths from there.
pub fn register_in_github_workspace(root: &Path) -> Option<String> {
    let workspace = std::env::var_os("GITHUB_WORKSPACE").filter(|d| !d.is_empty())?;
    let workspace = PathBuf::from(workspace).canonicalize().ok()?;
    relative_folder(&root.canonicalize().ok()?, &workspace)
}

/// `folder` as a `/`-separated path inside `base` (`""` when they are the same).
fn relative_folder(folder: &Path, base: &Path) -> Option<String> {
    let inside = folder.strip_prefix(base).ok()?;
    let parts: Vec<&str> = inside
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
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
            serde_json::from_str(&render_gitlab(&[d, warning], &files, None)).unwrap();
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

    #[test]
    fn paths_are_from_the_project_root_when_the_register_is_known() {
        // Run from inside the register, the user sees `../activities/a.toml`; GitLab needs the
        // path from the project's root.
        let mut files = Files::new("..".into());
        let file = files.add("activities/a.toml".into(), "x = 1\n".into());
        let d = Diagnostic::error("unknown-key", file, 0..1, "unknown key `x`");
        let path = |register| {
            let report: serde_json::Value =
                serde_json::from_str(&render_gitlab(std::slice::from_ref(&d), &files, register))
                    .unwrap();
            report[0]["location"]["path"].as_str().unwrap().to_string()
        };
        assert_eq!(
            path(Some("registers/bolsover")),
            "registers/bolsover/activities/a.toml"
        );
        assert_eq!(path(Some("")), "activities/a.toml");
        assert_eq!(path(None), "../activities/a.toml");
    }
}
