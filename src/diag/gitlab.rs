//! GitLab Code Quality: the Code Climate JSON subset GitLab reads from a `codequality` report
//! artifact, shown in the merge request widget and the pipeline's Code Quality tab.
//!
//! GitLab matches findings between the base and head pipelines by `fingerprint`, so it must be
//! the same on every run for the same finding: it is the one `lint --since` and `--baseline`
//! match by (`lint::fingerprint`), given here by the caller.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Diagnostic, Severity, file_line_col};
use crate::files::Files;

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
/// `fingerprints` are the findings' own, in their order.
pub fn render_gitlab(
    diagnostics: &[Diagnostic],
    fingerprints: &[String],
    files: &Files,
    register: Option<&str>,
) -> String {
    let issues: Vec<Issue> = diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| {
            let path = match register {
                Some("") => files.path(d.file).to_string(),
                Some(register) => format!("{register}/{}", files.path(d.file)),
                None => {
                    let display = files.display_path(d.file);
                    display.strip_prefix("./").unwrap_or(&display).to_string()
                }
            };
            Issue {
                description: &d.message,
                check_name: d.code,
                fingerprint: fingerprint.clone(),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    lines: Lines {
                        begin: file_line_col(files, d.file, d.span.start).line,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_fields_gitlab_reads() {
        let mut files = Files::new("./reg".into());
        let file = files.add("activities/a.toml".into(), "name = \"A\"\nx = 1\n".into());
        let d = Diagnostic::error("unknown-key", file, 11..12, "unknown key `x`");
        let mut warning = d.clone();
        warning.severity = Severity::Warning;
        let report: serde_json::Value = serde_json::from_str(&render_gitlab(
            &[d, warning],
            &["f1".into(), "f2".into()],
            &files,
            None,
        ))
        .unwrap();
        let first = &report[0];
        assert_eq!(first["description"], "unknown key `x`");
        assert_eq!(first["check_name"], "unknown-key");
        assert_eq!(first["severity"], "major");
        assert_eq!(first["location"]["path"], "reg/activities/a.toml");
        assert_eq!(first["location"]["lines"]["begin"], 2);
        assert_eq!(report[1]["severity"], "minor");
        assert_eq!(first["fingerprint"], "f1");
        assert_eq!(report[1]["fingerprint"], "f2");
    }

    #[test]
    fn paths_are_from_the_project_root_when_the_register_is_known() {
        // Run from inside the register, the user sees `../activities/a.toml`; GitLab needs the
        // path from the project's root.
        let mut files = Files::new("..".into());
        let file = files.add("activities/a.toml".into(), "x = 1\n".into());
        let d = Diagnostic::error("unknown-key", file, 0..1, "unknown key `x`");
        let path = |register| {
            let report: serde_json::Value = serde_json::from_str(&render_gitlab(
                std::slice::from_ref(&d),
                &["f".into()],
                &files,
                register,
            ))
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
