//! Shell completion for values clap cannot know from the types alone: rule names, offered by
//! every generated completion script, and the register's activity folders, which only the
//! dynamic completion (`COMPLETE=bash ropa`, asking `ropa` at each TAB) can know.

use std::ffi::OsStr;
use std::path::Path;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap_complete::engine::CompletionCandidate;

use crate::lint::{RULES, WARNINGS};

/// A rule name: accepted as plain text, so an unknown name is reported by ropa with a "did you
/// mean" suggestion rather than by clap, but with every rule advertised as a possible value so
/// completion scripts offer them. Use with `hide_possible_values = true` to keep `--help` short.
#[derive(Debug, Clone, Copy)]
pub struct RuleName {
    /// Also offer `warnings` (for `-D warnings` and `-A warnings`).
    pub warnings: bool,
}

impl TypedValueParser for RuleName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let warnings = self
            .warnings
            .then(|| PossibleValue::new(WARNINGS).help("every warning"));
        let rules = RULES
            .iter()
            .map(|rule| PossibleValue::new(rule.name).help(rule.summary));
        Some(Box::new(warnings.into_iter().chain(rules)))
    }
}

/// The folders under the register's `activities/`, as `folder/`, for `ropa new activity`: a new
/// activity usually goes beside the others of its service. The register is found from the
/// current folder, as commands find it.
pub fn activity_folders(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let Ok(found) = crate::discover::find_register(Path::new(".")) else {
        return Vec::new();
    };
    let base = found.root.join("activities");
    walkdir::WalkDir::new(&base)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.file_type().is_dir() && !e.file_name().to_string_lossy().starts_with('.')
        })
        .filter_map(Result::ok)
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&base).ok()?;
            let parts: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_str())
                .collect::<Option<_>>()?;
            Some(format!("{}/", parts.join("/")))
        })
        .filter(|folder| folder.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}
