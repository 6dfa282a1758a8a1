//! The command line as a user runs it: exact output for documented cases (tests/cmd, refresh
//! with TRYCMD=overwrite) and the file-writing commands in temporary folders.

use std::path::Path;
use std::process::{Command, Output};

mod common;

#[test]
fn documented_cases() {
    // Tables are laid out to COLUMNS when output is not a terminal; pin it so the cases do not
    // depend on the shell that runs them.
    trycmd::TestCases::new()
        .env("COLUMNS", "160")
        .case("tests/cmd/*.md");
}

fn ropa(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn init_creates_a_register_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = ropa(
        dir.path(),
        &["init", "reg", "--name", "Harborough District Council"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for file in [
        "ropa.toml",
        ".taplo.toml",
        "schema/register.schema.json",
        "schema/activity.schema.json",
        "schema/processor.schema.json",
    ] {
        assert!(dir.path().join("reg").join(file).is_file(), "{file}");
    }
    assert!(dir.path().join("reg/activities").is_dir());
    let ropa_toml = std::fs::read_to_string(dir.path().join("reg/ropa.toml")).unwrap();
    assert!(ropa_toml.contains("name = \"Harborough District Council\""));
    let out = ropa(dir.path(), &["check", "reg"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn init_refuses_to_overwrite_a_register_without_force() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(ropa(dir.path(), &["init"]).status.code(), Some(0));
    std::fs::write(
        dir.path().join("ropa.toml"),
        "[controller]\nname = \"Mine\"\n",
    )
    .unwrap();
    let out = ropa(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: `.` already holds a register (it has a ropa.toml)\n  help: use --force to rewrite ropa.toml, .taplo.toml and schema/ (activities and processors are kept)\n"
    );
    let kept = std::fs::read_to_string(dir.path().join("ropa.toml")).unwrap();
    assert_eq!(
        kept, "[controller]\nname = \"Mine\"\n",
        "the user's file is untouched"
    );
    assert_eq!(
        ropa(dir.path(), &["init", "--force"]).status.code(),
        Some(0)
    );
    let rewritten = std::fs::read_to_string(dir.path().join("ropa.toml")).unwrap();
    assert!(rewritten.contains("Your organisation"));
}

#[test]
fn new_writes_templates_that_check_clean_and_point_at_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    ropa(dir.path(), &["init"]);
    let out = ropa(
        dir.path(),
        &["new", "activity", "customer-services/call-recording"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file = std::fs::read_to_string(
        dir.path()
            .join("activities/customer-services/call-recording.toml"),
    )
    .unwrap();
    assert!(
        file.starts_with("#:schema ../../schema/activity.schema.json\n"),
        "{file}"
    );
    assert!(file.contains("name = \"Call recording\""));
    let out = ropa(dir.path(), &["new", "processor", "rostrvm"]);
    assert_eq!(out.status.code(), Some(0));
    let file = std::fs::read_to_string(dir.path().join("processors/rostrvm.toml")).unwrap();
    assert!(file.starts_with("#:schema ../schema/processor.schema.json\n"));
    let out = ropa(dir.path(), &["check"]);
    assert_eq!(
        text(&out.stdout),
        "0 errors, 0 warnings in 3 files checked\n"
    );
}

#[test]
fn new_refuses_existing_files_and_bad_ids() {
    let dir = tempfile::tempdir().unwrap();
    ropa(dir.path(), &["init"]);
    ropa(dir.path(), &["new", "activity", "cctv"]);
    std::fs::write(
        dir.path().join("activities/cctv.toml"),
        "name = \"Edited\"\n",
    )
    .unwrap();
    let out = ropa(dir.path(), &["new", "activity", "cctv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: `./activities/cctv.toml` already exists\n  help: use --force to replace it\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("activities/cctv.toml")).unwrap(),
        "name = \"Edited\"\n"
    );
    assert_eq!(
        ropa(dir.path(), &["new", "activity", "cctv", "--force"])
            .status
            .code(),
        Some(0)
    );

    for (kind, id, message) in [
        (
            "activity",
            "../outside",
            "error: `../outside` is not a valid id: `..` must be lowercase letters, digits and single hyphens\n  help: try `outside`\n",
        ),
        (
            "activity",
            "/etc/passwd",
            "error: `/etc/passwd` is not a valid id: `` must be lowercase letters, digits and single hyphens\n  help: try `etc/passwd`\n",
        ),
        (
            "activity",
            "Call Recording",
            "error: `Call Recording` is not a valid id: `Call Recording` must be lowercase letters, digits and single hyphens\n  help: try `call-recording`\n",
        ),
        (
            "processor",
            "cloud/aws",
            "error: `cloud/aws` is not a valid processor id: it cannot contain `/`\n  help: a processor id is one name such as `rostrvm`\n",
        ),
    ] {
        let out = ropa(dir.path(), &["new", kind, id]);
        assert_eq!(out.status.code(), Some(2), "{id}");
        assert_eq!(text(&out.stderr), message, "{id}");
    }
    assert!(!dir.path().parent().unwrap().join("outside.toml").exists());
}

#[test]
fn new_outside_a_register_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = ropa(dir.path(), &["new", "activity", "cctv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: `.` is not a register (no ropa.toml)"));
}

#[test]
fn check_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    // 2: no register here.
    assert_eq!(ropa(dir.path(), &["check"]).status.code(), Some(2));
    assert_eq!(
        ropa(dir.path(), &["check", "missing"]).status.code(),
        Some(2)
    );
    // 0: clean.
    ropa(dir.path(), &["init"]);
    assert_eq!(ropa(dir.path(), &["check"]).status.code(), Some(0));
    // 1: problems.
    std::fs::write(
        dir.path().join("activities/a.toml"),
        "name = \"A\"\npurpose = []\n",
    )
    .unwrap();
    let out = ropa(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    // -C selects the folder.
    let parent = dir.path().parent().unwrap();
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    assert_eq!(ropa(parent, &["-C", name, "check"]).status.code(), Some(1));
    // Bad arguments are a failure to run.
    assert_eq!(
        ropa(dir.path(), &["check", "--no-such-flag"]).status.code(),
        Some(2)
    );
}

#[test]
fn example_registers_check_clean() {
    for name in common::EXAMPLES {
        let out = ropa(&common::example(name), &["check"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stdout));
    }
}

#[test]
fn readme_rule_list_is_generated_from_the_rule_table() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("rules:start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    let out = ropa(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["rules", "--format", "markdown"],
    );
    assert_eq!(
        &readme[start..end],
        text(&out.stdout),
        "README's rule list is stale: paste `ropa rules --format markdown` between the markers"
    );
}

#[test]
fn every_rule_in_the_table_is_explained_by_ropa_explain() {
    for rule in ropa::lint::RULES.iter() {
        let out = ropa(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &["explain", rule.name],
        );
        assert_eq!(out.status.code(), Some(0), "{}", rule.name);
        let shown = text(&out.stdout);
        assert!(shown.contains(rule.source), "{}", rule.name);
        assert!(
            shown.contains("This fails:") && shown.contains("This passes:"),
            "{}",
            rule.name
        );
        assert!(
            shown.contains(&format!("[{}]", rule.name)),
            "{}: the failing example's finding is shown",
            rule.name
        );
    }
}

#[test]
fn colour_is_on_only_when_asked_for_or_on_a_terminal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lint = ["lint", "tests/cmd/lint-register", "--today", "2026-11-23"];
    let coloured = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(root)
        .args(lint)
        .args(["--color", "always"])
        .output()
        .unwrap();
    assert!(
        text(&coloured.stdout).contains("\u{1b}["),
        "--color always colours"
    );
    // Not a terminal (captured output), and NO_COLOR set by `ropa()`: plain text.
    assert!(!text(&ropa(root, &lint).stdout).contains('\u{1b}'));
    let never = ropa(root, &[&lint[..], &["--color", "never"]].concat());
    assert!(!text(&never.stdout).contains('\u{1b}'));
}

#[test]
fn list_show_and_summary_fit_100_columns_when_piped_without_columns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let register = "tests/cmd/glance-register";
    let runs: [&[&str]; 3] = [
        &["list", register, "--today", "2026-11-23"],
        &[
            "show",
            "--register",
            register,
            "customer-services/call-recording",
            "--today",
            "2026-11-23",
        ],
        &["summary", register, "--today", "2026-11-23"],
    ];
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .current_dir(root)
            .args(args)
            .env_remove("COLUMNS")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let widest = stdout.lines().map(|l| l.chars().count()).max();
        assert_eq!(widest, Some(100), "{args:?} wraps its widest table to 100");
        for line in stdout.lines() {
            // Finding messages are not wrapped, as in `ropa lint`; the tables are.
            if line.starts_with(['┌', '│', '├', '╞', '└']) {
                assert!(line.chars().count() <= 100, "{args:?}: {line}");
            }
        }
        assert!(
            !stdout.contains('\u{1b}'),
            "{args:?}: not a terminal, so no colour"
        );
    }
}

#[test]
fn list_headings_are_bold_only_when_colour_is_asked_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = ["list", "tests/cmd/glance-register", "--today", "2026-11-23"];
    let coloured = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(root)
        .args(list)
        .args(["--color", "always"])
        .output()
        .unwrap();
    assert!(text(&coloured.stdout).contains("\u{1b}[1mID\u{1b}[0m"));
    let csv = ropa(
        root,
        &[&list[..], &["--format", "csv", "--color", "always"]].concat(),
    );
    assert!(
        !text(&csv.stdout).contains('\u{1b}'),
        "CSV is never coloured"
    );
    assert!(!text(&ropa(root, &list).stdout).contains('\u{1b}'));
}

#[test]
fn readme_list_example_is_the_tested_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let block = |file: &str| {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let start = text
            .find("$ ropa list registers/customer-services-council --processor Capita")
            .unwrap_or_else(|| panic!("{file} has the Capita example"));
        let end = start + text[start..].find("```").unwrap();
        text[start..end].trim_end().to_string()
    };
    assert_eq!(
        block("README.md"),
        block("tests/cmd/list.md"),
        "copy the example from tests/cmd/list.md into README.md"
    );
}
