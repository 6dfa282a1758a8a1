//! Findings already known, so `ropa lint --since` and `--baseline` show only new ones: a large
//! register can adopt ropa without fixing every old gap on day one, while CI stops every new
//! one. A baseline file is `ropa lint --format json` output; entries are matched by
//! fingerprint (see [`super::fingerprint`]).

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use crate::source::FatalError;

/// The fingerprints of known findings, with a baseline's entries so the ones no longer found
/// can be reported as fixed.
#[derive(Debug, Default)]
pub struct Known {
    pub prints: HashSet<String>,
    pub entries: Vec<BaselineEntry>,
}

/// One finding of a baseline file (the fields `lint --baseline` reads).
#[derive(Debug, Clone, Deserialize)]
pub struct BaselineEntry {
    pub rule: String,
    pub file: String,
    pub message: String,
    pub fingerprint: Option<String>,
    #[serde(default)]
    pub waived: bool,
}

impl Known {
    /// Known findings from fingerprints worked out here (for `--since`).
    pub fn from_prints(prints: impl IntoIterator<Item = String>) -> Self {
        Known {
            prints: prints.into_iter().collect(),
            entries: Vec::new(),
        }
    }

    /// The baseline entries that match none of `current`: findings that were fixed.
    pub fn fixed<'a>(&'a self, current: &[String]) -> Vec<&'a BaselineEntry> {
        let current: HashSet<&String> = current.iter().collect();
        self.entries
            .iter()
            .filter(|e| e.fingerprint.as_ref().is_some_and(|p| !current.contains(p)))
            .collect()
    }
}

/// Reads a baseline written by `ropa lint --write-baseline` (or `--format json`).
pub fn read_baseline(path: &Path) -> Result<Known, FatalError> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        FatalError::new(format!("could not read the baseline `{shown}`: {e}")).with_help(format!(
            "write one with `ropa lint --write-baseline {shown}`, then commit it"
        ))
    })?;
    let entries: Vec<BaselineEntry> = serde_json::from_str(&text).map_err(|e| {
        FatalError::new(format!(
            "`{shown}` is not a ropa lint baseline (line {}, column {}: {e})",
            e.line(),
            e.column()
        ))
        .with_help(format!(
            "a baseline is the JSON that `ropa lint --write-baseline {shown}` writes"
        ))
    })?;
    if entries.iter().any(|e| e.fingerprint.is_none()) {
        return Err(FatalError::new(format!(
            "`{shown}` has findings without a fingerprint, so they cannot be matched"
        ))
        .with_help(format!(
            "it was written by an older ropa: write it again with `ropa lint --write-baseline {shown}`"
        )));
    }
    let entries: Vec<BaselineEntry> = entries.into_iter().filter(|e| !e.waived).collect();
    Ok(Known {
        prints: entries
            .iter()
            .filter_map(|e| e.fingerprint.clone())
            .collect(),
        entries,
    })
}

/// Whether the file at `path` may be replaced by a new baseline: it is absent, or it is
/// already one (a JSON array of findings). Anything else is someone's file and is kept.
pub fn may_write_baseline(path: &Path) -> Result<(), FatalError> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return if path.exists() {
            Err(FatalError::new(format!(
                "`{}` exists and is not a ropa lint baseline, so it was not replaced",
                path.display()
            ))
            .with_help("give a new file name for the baseline"))
        } else {
            Ok(())
        };
    };
    if serde_json::from_str::<Vec<BaselineEntry>>(&text).is_ok() {
        Ok(())
    } else {
        Err(FatalError::new(format!(
            "`{}` exists and is not a ropa lint baseline, so it was not replaced",
            path.display()
        ))
        .with_help("give a new file name for the baseline, or move that file away"))
    }
}
