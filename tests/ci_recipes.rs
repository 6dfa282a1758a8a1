//! The CI recipes in README.md's "In CI" section and the pre-commit hooks in
//! .pre-commit-hooks.yaml are documentation users copy, so they are tested: the YAML parses,
//! every `ropa` command in them parses with the real command line, and they run on a copy of
//! an example register with the exit codes and outputs the README states.

use std::path::Path;
use std::process::Command;

use clap::Parser;
use ropa::cli::Cli;
use yaml_rust2::{Yaml, YamlLoader};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file)).unwrap()
}

/// Checks a `ropa …` command line parses with the real command line.
fn parses(line: &str) {
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[0], "ropa", "{line}");
    if let Err(e) = Cli::try_parse_from(&words) {
        panic!("`{line}` does not parse:\n{e}");
    }
}

/// The ```yaml blocks of the README's "In CI" section.
fn readme_ci_blocks() -> Vec<String> {
    let readme = read("README.md");
    let start = readme.find("\n## In CI\n").expect("an In CI section");
    let end = readme[start + 1..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + 1 + i);
    let section = &readme[start..end];
    section
        .split("```yaml\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_string())
        .collect()
}

/// A `ropa` command in a recipe line, with what follows it in the shell line.
struct Recipe {
    command: String,
    /// The line ends in `|| true`, so any exit code other than 2 is fine.
    tolerant: bool,
}

fn ropa_lines(block: &str) -> Vec<Recipe> {
    block
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let l = l.strip_prefix("- ").unwrap_or(l);
            let l = l.strip_prefix("run: ").unwrap_or(l);
            l.starts_with("ropa ").then(|| {
                let command = l.split(['>', '|']).next().unwrap().trim().to_string();
                Recipe {
                    command,
                    tolerant: l.ends_with("|| true"),
                }
            })
        })
        .collect()
}

#[test]
fn readme_ci_recipes_are_valid_yaml_with_commands_that_parse() {
    let blocks = readme_ci_blocks();
    assert!(blocks.len() >= 3, "GitHub, GitLab and pre-commit recipes");
    let mut commands = 0;
    for block in &blocks {
        let docs = YamlLoader::load_from_str(block)
            .unwrap_or_else(|e| panic!("a README recipe is not valid YAML: {e}\n{block}"));
        assert_eq!(docs.len(), 1);
        for recipe in ropa_lines(block) {
            parses(&recipe.command);
            commands += 1;
        }
    }
    assert!(commands >= 5, "found only {commands} ropa commands");

    // The files the recipes write are the ones they upload.
    let github = blocks.iter().find(|b| b.contains("upload-sarif")).unwrap();
    assert!(
        github.contains("--format sarif > ropa.sarif") && github.contains("sarif_file: ropa.sarif")
    );
    assert!(github.contains("-o ropa.xlsx") && github.contains("path: ropa.xlsx"));
    let gitlab = blocks.iter().find(|b| b.contains("codequality")).unwrap();
    assert!(
        gitlab.contains("--format gitlab > gl-code-quality-report.json")
            && gitlab.contains("codequality: gl-code-quality-report.json")
    );
}

/// A copy of an example register in a temporary folder, so recipes can write their files.
fn example_copy() -> tempfile::TempDir {
    let from = root().join("registers/bolsover");
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

#[test]
fn readme_ci_commands_run_with_the_documented_exit_codes() {
    // The recipes run at the register's root; the example has errors, so lint exits 1.
    let register = example_copy();
    // The review recipes compare with the base branch: here the register is committed, and
    // the base branch is that commit.
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &[
            "-c",
            "user.name=ci",
            "-c",
            "user.email=ci@example.org",
            "commit",
            "-qm",
            "base",
        ],
    ] {
        let out = Command::new("git")
            .current_dir(register.path())
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}");
    }
    let mut ran = 0;
    for recipe in readme_ci_blocks().iter().flat_map(|b| ropa_lines(b)) {
        parses(&recipe.command);
        ran += 1;
        if recipe.command.contains("--since ") || recipe.command.starts_with("ropa diff ") {
            let words: Vec<&str> = recipe
                .command
                .split_whitespace()
                .skip(1)
                .map(|w| {
                    if w.starts_with("\"origin/$") {
                        "HEAD"
                    } else {
                        w
                    }
                })
                .collect();
            let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
                .current_dir(register.path())
                .args(&words)
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            // Nothing changed since the base: no new findings, nothing to report.
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {stdout}{}",
                recipe.command,
                String::from_utf8_lossy(&out.stderr)
            );
            if recipe.command.starts_with("ropa diff ") {
                assert!(stdout.contains("No changes to the register."), "{stdout}");
            }
            continue;
        }
        if recipe.command.starts_with("ropa export ") {
            let args = &recipe.command["ropa ".len()..];
            let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
                .current_dir(register.path())
                .args(args.split_whitespace())
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {}",
                recipe.command,
                String::from_utf8_lossy(&out.stderr)
            );
            let file = args.split_whitespace().last().unwrap();
            let written = std::fs::read(register.path().join(file)).unwrap();
            assert!(
                written.starts_with(b"PK"),
                "{file} is a workbook (a zip file)"
            );
            continue;
        }
        assert!(
            recipe.command.starts_with("ropa lint "),
            "{}: run it here",
            recipe.command
        );
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .current_dir(register.path())
            .args(recipe.command.split_whitespace().skip(1))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let code = out.status.code();
        if recipe.tolerant {
            assert!(matches!(code, Some(0 | 1)), "{}: {code:?}", recipe.command);
        } else {
            assert_eq!(code, Some(1), "{}", recipe.command);
        }
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.is_empty(), "{}", recipe.command);
        if recipe.command.contains("--format sarif") {
            let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(sarif["version"], "2.1.0");
        } else if recipe.command.contains("--format gitlab") {
            let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert!(!report.as_array().unwrap().is_empty());
        } else if recipe.command.contains("--format github") {
            assert!(
                stdout
                    .lines()
                    .all(|l| l.starts_with("::error ") || l.starts_with("::warning "))
            );
        }
    }
    assert!(ran >= 5, "ran only {ran} recipe commands");
}

fn text<'a>(hook: &'a Yaml, key: &str) -> &'a str {
    hook[key]
        .as_str()
        .unwrap_or_else(|| panic!("hook {:?} has no text `{key}`", hook["id"]))
}

#[test]
fn pre_commit_hooks_are_complete_and_their_entries_parse() {
    let docs = YamlLoader::load_from_str(&read(".pre-commit-hooks.yaml")).unwrap();
    let hooks = docs[0].as_vec().expect("a list of hooks");
    let ids: Vec<&str> = hooks.iter().map(|h| text(h, "id")).collect();
    assert_eq!(ids, ["ropa-lint", "ropa-fmt"]);
    for hook in hooks {
        for key in ["id", "name", "entry", "language", "files", "description"] {
            assert!(!text(hook, key).is_empty(), "{key}");
        }
        assert!(matches!(text(hook, "language"), "rust" | "system"));
        assert_eq!(hook["pass_filenames"].as_bool(), Some(false), "{ids:?}");
        assert_eq!(text(hook, "files"), r"\.toml$");
        parses(text(hook, "entry"));
        // As the README shows for a register in a sub-folder.
        parses(&format!("{} -C my-register", text(hook, "entry")));
    }
    // The README's example configuration uses these ids.
    let readme = read("README.md");
    for id in ids {
        assert!(readme.contains(&format!("- id: {id}")), "{id}");
    }
}

#[test]
fn pre_commit_hook_entries_run_on_an_example_register() {
    // pre-commit runs each entry at the root of the user's repository, as written or with the
    // README's `args: [-C, my-register]` for a register in a sub-folder.
    let docs = YamlLoader::load_from_str(&read(".pre-commit-hooks.yaml")).unwrap();
    let hooks = docs[0].as_vec().expect("a list of hooks");
    let register = example_copy();
    let (repository, folder) = (
        register.path().parent().unwrap(),
        register.path().file_name().unwrap().to_str().unwrap(),
    );
    let files = |dir: &Path| -> Vec<(std::path::PathBuf, Vec<u8>)> {
        walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect()
    };
    let before = files(register.path());
    let mut ran = 0;
    for hook in hooks {
        let entry = text(hook, "entry");
        let words: Vec<&str> = entry.split_whitespace().skip(1).collect();
        let at_root = (register.path(), words.clone());
        // pre-commit appends a hook's `args` after its entry: `ropa fmt -C my-register`.
        let mut in_folder = words.clone();
        in_folder.extend(["-C", folder]);
        for (dir, args) in [at_root, (repository, in_folder)] {
            let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
                .current_dir(dir)
                .args(&args)
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            // The example is formatted, and has findings lint reports as errors.
            let expected = if text(hook, "id") == "ropa-lint" {
                1
            } else {
                0
            };
            assert_eq!(
                out.status.code(),
                Some(expected),
                "{entry} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
    }
    assert_eq!(ran, 4);
    // A formatted register is left as it was.
    assert!(
        files(register.path()) == before,
        "ropa fmt changed a formatted register"
    );
}
