//! Shell completion for values clap cannot know from the types alone: rule names, offered by
//! every generated completion script, and the register's activity folders, which only the
//! dynamic completion (`COMPLETE=bash ropa`, asking `ropa` at each TAB) can know.
// Indexing cannot panic here: the slice ends at a char boundary found in the same string.
#![allow(clippy::indexing_slicing)]

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

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
/// activity usually goes beside the others of its service. Nothing for `ropa new processor`,
/// whose id is a single new name. The register is the one the command would use: `--register
/// DIR` when typed, else found from `-C DIR` (or the current folder), as commands find it.
pub fn activity_folders(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let typed = Typed::parse(&typed_words());
    if typed
        .positionals
        .get(1)
        .is_none_or(|kind| kind != "activity")
    {
        return Vec::new();
    }
    let Some(root) = typed.register_root() else {
        return Vec::new();
    };
    let base = root.join("activities");
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

/// The words typed before the one being completed, without the program name. The shell's hook
/// runs `ropa -- ropa <words>`; bash, zsh and elvish also say which word is being completed in
/// `_CLAP_COMPLETE_INDEX`, fish and PowerShell complete the last.
fn typed_words() -> Vec<OsString> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let Some(dash) = args.iter().position(|a| a == "--") else {
        return Vec::new();
    };
    let mut words = args[dash + 1..].to_vec();
    let current = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse().ok())
        .unwrap_or(words.len().saturating_sub(1));
    words.truncate(current);
    words.into_iter().skip(1).collect()
}

/// What the words typed so far say about where the register is, and the command's positional
/// words (`new`, then the kind).
#[derive(Debug, Default, PartialEq)]
struct Typed {
    directory: Option<PathBuf>,
    register: Option<PathBuf>,
    positionals: Vec<OsString>,
}

impl Typed {
    fn parse(words: &[OsString]) -> Self {
        let mut typed = Typed::default();
        let mut words = words.iter();
        while let Some(word) = words.next() {
            let Some(text) = word.to_str() else {
                typed.positionals.push(word.clone());
                continue;
            };
            if text == "--" {
                typed.positionals.extend(words.by_ref().cloned());
                break;
            }
            let (flag, attached) = match text.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.into())),
                _ if text.starts_with("-C") && text.len() > 2 => ("-C", Some(text[2..].into())),
                _ => (text, None),
            };
            let slot = match flag {
                "-C" | "--directory" => &mut typed.directory,
                "--register" => &mut typed.register,
                // Its value is not a positional word.
                "--color" => {
                    if attached.is_none() {
                        words.next();
                    }
                    continue;
                }
                _ if flag.starts_with('-') => continue,
                _ => {
                    typed.positionals.push(word.clone());
                    continue;
                }
            };
            *slot = attached.or_else(|| words.next().map(PathBuf::from));
        }
        typed
    }

    /// The register folder: `--register DIR` (relative to `-C DIR`), else the nearest folder at
    /// or above `-C DIR` (or the current folder) holding `ropa.toml`.
    fn register_root(&self) -> Option<PathBuf> {
        let base = self.directory.clone().unwrap_or_else(|| PathBuf::from("."));
        match &self.register {
            Some(register) => Some(base.join(register)),
            None => crate::discover::find_register(&base).ok().map(|f| f.root),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn parse(line: &str) -> Typed {
        let words: Vec<OsString> = line.split_whitespace().map(OsString::from).collect();
        Typed::parse(&words)
    }

    #[test]
    fn finds_the_directory_register_and_kind_in_any_spelling() {
        let expected = Typed {
            directory: Some("regs".into()),
            register: Some("bolsover".into()),
            positionals: vec!["new".into(), "activity".into()],
        };
        for line in [
            "-C regs new activity --register bolsover",
            "-Cregs --color never new --register=bolsover activity",
            "--directory=regs -q new --force --register bolsover activity",
            "--color=always --directory regs new --register bolsover -- activity",
        ] {
            assert_eq!(parse(line), expected, "{line}");
        }
        assert_eq!(
            parse("new processor").positionals,
            ["new", "processor"].map(OsString::from)
        );
        // A flag at the end of the line, its value not typed yet.
        assert_eq!(parse("new activity --register").register, None);
    }

    #[test]
    fn the_register_is_named_or_found_from_the_directory() {
        let named = parse("-C regs new --register bolsover activity");
        assert_eq!(
            named.register_root(),
            Some(Path::new("regs").join("bolsover"))
        );
        let root = env!("CARGO_MANIFEST_DIR");
        let found = parse(&format!(
            "-C {root}/registers/bolsover/activities new activity"
        ));
        assert_eq!(
            found.register_root(),
            Some(PathBuf::from(format!("{root}/registers/bolsover")))
        );
    }
}
