//! The command line as a user runs it: exact output for documented cases (tests/cmd, refresh
//! with TRYCMD=overwrite) and the file-writing commands in temporary folders.

use std::path::Path;
use std::process::Command;

mod common;

use common::ropa;

#[test]
fn documented_cases() {
    // Tables are laid out to COLUMNS when output is not a terminal; pin it so the cases do not
    // depend on the shell that runs them.
    trycmd::TestCases::new()
        .env("COLUMNS", "160")
        .case("tests/cmd/*.md");
}

/// Cases that need their own environment (each sets COLUMNS itself), such as a narrow terminal.
#[test]
fn documented_cases_with_their_own_environment() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
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
    // The fields the default rules ask for are in the template, so nobody has to guess them.
    for field in [
        "privacy_notice = ",
        "transfers = []",
        "[automated_decision_making]",
    ] {
        assert!(
            file.contains(field),
            "the template shows {field:?}:\n{file}"
        );
    }
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
    assert!(text(&out.stderr).starts_with("error: no ropa.toml in `"));
    let out = ropa(dir.path(), &["new", "activity", "cctv", "--register", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: `.` is not a register (no ropa.toml)"));
}

#[test]
fn commands_find_the_register_from_any_folder_inside_it() {
    let nested = common::example("bolsover").join("activities/customer-services");
    let out = ropa(&nested, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "0 errors, 0 warnings in 9 files checked\n"
    );
    // Paths in findings are given from where ropa ran, so they can be opened from there.
    let out = ropa(
        &nested,
        &["lint", "--format", "concise", "--today", "2026-11-23"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("../../activities/"),
        "{}",
        text(&out.stdout)
    );
    // -C moves where the search starts.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = ropa(
        root,
        &["-C", "registers/bolsover/activities", "check", "--verbose"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "note: using the register in registers/bolsover (found 1 folder up from registers/bolsover/activities)\n\
         note: read 9 files: 8 activities, 0 processors\n"
    );

    // `new` finds it too, and writes under the register's activities/.
    let dir = tempfile::tempdir().unwrap();
    ropa(dir.path(), &["init"]);
    std::fs::create_dir_all(dir.path().join("activities/hr")).unwrap();
    let out = ropa(
        &dir.path().join("activities/hr"),
        &["new", "activity", "hr/payroll"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "Created ../../activities/hr/payroll.toml\n"
    );
    assert!(dir.path().join("activities/hr/payroll.toml").is_file());
}

#[test]
fn without_a_register_the_error_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = ropa(&dir.path().join("sub"), &["lint"]);
    assert_eq!(out.status.code(), Some(2));
    let start = dir.path().join("sub").canonicalize().unwrap();
    let root = start.ancestors().last().unwrap();
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: no ropa.toml in `{}` or any folder above it (looked up to `{}`)\n  \
             help: run `ropa init` to create a register here, or give the register folder: \
             `ropa <command> DIR`, or `ropa -C DIR <command>`\n",
            start.display(),
            root.display()
        )
    );
    // A folder named on the command line is used as given, never searched above.
    let out = ropa(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", "registers/bolsover/activities"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("has no ropa.toml, so it is not a register"));
}

#[test]
fn quiet_prints_only_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = ropa(root, &["check", "registers/bolsover", "--quiet"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), String::new())
    );
    let out = ropa(
        root,
        &[
            "lint",
            "tests/cmd/lint-register",
            "--today",
            "2026-11-23",
            "-q",
            "--format",
            "concise",
        ],
    );
    assert_eq!(
        text(&out.stdout),
        "tests/cmd/lint-register/activities/casework.toml:26:10: warning[retention-vague]: retention period \"as long as necessary\" is too vague to act on\n\
         tests/cmd/lint-register/activities/casework.toml:32:8: warning[unused-waiver]: the waiver of `owner-missing` silences nothing\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = ropa(dir.path(), &["init", "-q"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), String::new())
    );
    let out = ropa(dir.path(), &["new", "processor", "rostrvm", "-q"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), String::new())
    );
    // --quiet and --verbose contradict each other.
    assert_eq!(
        ropa(dir.path(), &["check", "-q", "-v"]).status.code(),
        Some(2)
    );
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
    // Rendered plain, the findings read exactly as the coloured ones without their colours.
    assert_eq!(
        without_colour_codes(&text(&coloured.stdout)),
        text(&never.stdout)
    );
}

/// `text` with its ANSI colour codes (`ESC [ … m`) taken out.
fn without_colour_codes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&rest[..at]);
        let code = &rest[at..];
        rest = code.find('m').map_or("", |end| &code[end + 1..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn version_names_the_commit_when_built_from_git() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = ropa(root, &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    let head = Command::new("git")
        .current_dir(root)
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success() && root.join(".git").exists())
        .map(|o| text(&o.stdout).trim().to_string());
    let expected = match head {
        Some(commit) => format!("ropa {} ({commit})\n", env!("CARGO_PKG_VERSION")),
        None => format!("ropa {}\n", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(shown, expected);
}

const UNFORMATTED: &str = "role='controller'\nname = \"Calls\"\n";
const FORMATTED: &str = "name = \"Calls\"\nrole = \"controller\"\n";

#[test]
fn fmt_rewrites_only_what_changes_and_leaves_unparsable_files_untouched() {
    let dir = tempfile::tempdir().unwrap();
    ropa(dir.path(), &["init"]);
    let activities = dir.path().join("activities");
    std::fs::write(activities.join("calls.toml"), UNFORMATTED).unwrap();
    std::fs::write(activities.join("bad.toml"), "name = \"Bad\nrole='x'\n").unwrap();

    let out = ropa(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "Formatted activities/calls.toml\n1 file formatted, 1 already formatted\n"
    );
    assert!(
        text(&out.stderr).contains("activities/bad.toml:1:12"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr)
            .ends_with("error: 1 file could not be formatted and was left unchanged\n")
    );
    let read = |name: &str| std::fs::read_to_string(activities.join(name)).unwrap();
    assert_eq!(read("calls.toml"), FORMATTED);
    assert_eq!(
        read("bad.toml"),
        "name = \"Bad\nrole='x'\n",
        "left untouched"
    );

    std::fs::remove_file(activities.join("bad.toml")).unwrap();
    let out = ropa(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "Nothing to do: 2 files already formatted\n"
    );
}

#[test]
fn fmt_check_prints_a_diff_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    ropa(dir.path(), &["init"]);
    let file = dir.path().join("activities/calls.toml");
    std::fs::write(&file, UNFORMATTED).unwrap();
    let out = ropa(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "--- activities/calls.toml\n+++ activities/calls.toml (formatted)\n@@ -1,2 +1,2 @@\n\
-role='controller'\n name = \"Calls\"\n+role = \"controller\"\n\
1 file would be reformatted, 1 already formatted; run `ropa fmt` to format them\n"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), UNFORMATTED);
    // The templates of `init` and `new` are already in canonical form.
    std::fs::remove_file(&file).unwrap();
    ropa(dir.path(), &["new", "activity", "cs/calls"]);
    ropa(dir.path(), &["new", "processor", "rostrvm"]);
    let out = ropa(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(text(&out.stdout), "3 files already formatted\n");
    // Not a register: exit 2.
    assert_eq!(
        ropa(dir.path(), &["fmt", "--check", "activities"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn fmt_check_passes_on_every_example_register() {
    for name in common::EXAMPLES {
        let out = ropa(&common::example(name), &["fmt", "--check"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stdout));
    }
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
        assert!(widest <= Some(100), "{args:?} fits its widest table in 100");
        assert!(widest >= Some(90), "{args:?} uses the width it has");
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

/// `ropa list` at `COLUMNS` (unset: 100), without colour.
fn list_at(columns: Option<&str>) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_ropa"));
    command
        .current_dir(root)
        .args(["list", "tests/cmd/glance-register", "--today", "2026-11-23"])
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The cells of the first column of a table, a row's lines joined by `|`.
fn first_column(table: &str) -> Vec<String> {
    let body = table.lines().skip_while(|l| !l.starts_with('╞')).skip(1);
    let mut cells: Vec<Vec<String>> = vec![vec![]];
    for line in body {
        match line.split('│').nth(1).map(str::trim) {
            Some("") | None => {}
            Some(part) => cells.last_mut().unwrap().push(part.to_string()),
        }
        if line.starts_with(['├', '└']) {
            cells.push(vec![]);
        }
    }
    cells.retain(|parts| !parts.is_empty());
    cells.iter().map(|parts| parts.join("|")).collect()
}

#[test]
fn list_keeps_ids_and_headings_whole_and_says_which_columns_it_left_out() {
    let ids = [
        "communications/newsletter",
        "community-safety/cctv",
        "customer-services/call-recording",
        "human-resources/parish-payroll",
        "human-resources/staff-records",
    ];
    for columns in [None, Some("130"), Some("80"), Some("60")] {
        let table = list_at(columns);
        let width = columns.map_or(100, |c| c.parse().unwrap());
        assert!(table.lines().all(|l| l.chars().count() <= width), "{table}");
        assert_eq!(first_column(&table), ids, "ids whole at {width}:\n{table}");
        let heading_lines: Vec<&str> = table.lines().take_while(|l| !l.starts_with('╞')).collect();
        let headings = heading_lines.join("\n");
        let wanted = [
            "Activity",
            "Business",
            "function",
            "Special",
            "category",
            "Processors",
            "Retention",
            "Errors",
            "Warnings",
        ];
        let shown: Vec<&str> = wanted
            .into_iter()
            .filter(|word| headings.contains(&format!(" {word} ")))
            .collect();
        let all_shown = shown.len() == wanted.len();
        assert_eq!(
            !all_shown,
            table.contains("Left out to fit"),
            "a left-out column is named:\n{table}"
        );
        for cut in ["Busi", "Activ", "Retent", "Warn"] {
            assert!(
                !heading_lines
                    .iter()
                    .any(|l| l.split('│').any(|c| c.trim() == cut)),
                "{cut} is a cut heading:\n{table}"
            );
        }
    }
    assert!(!list_at(Some("160")).contains("Left out"));
    let narrow = list_at(Some("80"));
    assert!(
        narrow.contains("Left out to fit 80 characters: Business function, Retention, Processors"),
        "{narrow}"
    );
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

/// The paths of `ropa lint --format gitlab` run in `dir` with `project` as CI_PROJECT_DIR (or
/// none), and its stderr.
fn gitlab_paths(dir: &Path, project: Option<&Path>) -> (Vec<String>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ropa"));
    cmd.current_dir(dir)
        .args(["lint", "--format", "gitlab", "--today", "2026-11-23"])
        .env("NO_COLOR", "1")
        .env_remove("CI_PROJECT_DIR");
    if let Some(project) = project {
        cmd.env("CI_PROJECT_DIR", project);
    }
    let out = cmd.output().unwrap();
    // The register has warnings only.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths = report
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["location"]["path"].as_str().unwrap().to_string())
        .collect();
    (paths, text(&out.stderr))
}

#[test]
fn gitlab_paths_are_from_the_project_root_wherever_ropa_runs() {
    // A project (a git clone) holding a register in a sub-folder, linted from inside it.
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir(project.path().join(".git")).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/lint-register");
    let register = project.path().join("records/ropa");
    std::fs::create_dir_all(register.join("activities")).unwrap();
    for file in [
        "ropa.toml",
        "activities/casework.toml",
        "activities/referrals.toml",
    ] {
        std::fs::copy(from.join(file), register.join(file)).unwrap();
    }
    let inside = register.join("activities");
    let (paths, stderr) = gitlab_paths(&inside, None);
    assert!(!paths.is_empty());
    for path in &paths {
        assert!(path.starts_with("records/ropa/activities/"), "{path}");
    }
    assert_eq!(stderr, "");
    // GitLab CI's project folder wins over the git clone.
    let (paths, _) = gitlab_paths(&inside, Some(&project.path().join("records")));
    assert!(
        paths.iter().all(|p| p.starts_with("ropa/activities/")),
        "{paths:?}"
    );

    // No project: paths as the user sees them, with a warning when they lead out of the folder.
    // (Unless the temporary folder is itself inside a git clone.)
    std::fs::remove_dir(project.path().join(".git")).unwrap();
    if project.path().ancestors().any(|a| a.join(".git").exists()) {
        return;
    }
    let (paths, stderr) = gitlab_paths(&inside, None);
    assert!(
        paths.iter().all(|p| p.starts_with("../activities/")),
        "{paths:?}"
    );
    assert!(
        stderr.starts_with("warning: the register `..` is not inside the project folder"),
        "{stderr}"
    );
    let (paths, stderr) = gitlab_paths(&register, None);
    assert!(
        paths.iter().all(|p| p.starts_with("activities/")),
        "{paths:?}"
    );
    assert_eq!(stderr, "");
}

#[test]
fn show_takes_a_file_name_in_the_activity_s_own_folder() {
    let folder = common::example("bolsover").join("activities/customer-services");
    let out = ropa(&folder, &["show", "cctv.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("  ID: customer-services/cctv\n"));
}

#[test]
fn new_activity_given_its_path_goes_in_activities_once() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        ropa(tmp.path(), &["init", "reg", "-q"]).status.code(),
        Some(0)
    );
    let reg = tmp.path().join("reg");
    let out = ropa(&reg, &["new", "activity", "activities/hr/payroll"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(reg.join("activities/hr/payroll.toml").is_file());
    assert!(!reg.join("activities/activities").exists());
}

#[test]
fn init_inside_a_register_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        ropa(tmp.path(), &["init", "reg", "-q"]).status.code(),
        Some(0)
    );
    let inside = tmp.path().join("reg/activities");
    let out = ropa(&inside, &["init"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: `.` is inside the register in `"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a register cannot hold another one"),
        "{stderr}"
    );
    assert!(!inside.join("ropa.toml").exists());
}

#[test]
fn no_register_hint_inside_an_activities_folder_does_not_suggest_init() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("copy/activities/hr");
    std::fs::create_dir_all(&folder).unwrap();
    let out = ropa(&folder, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("ropa init"), "{stderr}");
    assert!(
        stderr.contains("this folder is inside an `activities/` or `processors/` folder"),
        "{stderr}"
    );
}

#[test]
fn init_makes_the_public_authority_choice_visible() {
    let tmp = tempfile::tempdir().unwrap();
    let public = ropa(tmp.path(), &["init", "council", "--public-authority"]);
    assert_eq!(public.status.code(), Some(0));
    assert!(
        text(&public.stdout).contains("recorded as a public authority (public_authority = true")
    );
    let settings = std::fs::read_to_string(tmp.path().join("council/ropa.toml")).unwrap();
    assert!(
        settings.contains("\npublic_authority = true "),
        "{settings}"
    );
    let company = ropa(tmp.path(), &["init", "company"]);
    assert!(text(&company.stdout).contains("recorded as not a public authority"));
    let settings = std::fs::read_to_string(tmp.path().join("company/ropa.toml")).unwrap();
    assert!(
        settings.contains("\npublic_authority = false "),
        "{settings}"
    );
    let both = ropa(
        tmp.path(),
        &["init", "x", "--public-authority", "--no-public-authority"],
    );
    assert_eq!(both.status.code(), Some(2));
}

/// A bug is said in words, with the file being read, and exits 2: never a backtrace.
#[test]
fn a_panic_is_reported_as_a_bug_with_the_file_and_exit_2() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(root)
        .args(["check", "registers/bolsover"])
        .env("ROPA_DEBUG_PANIC", "activities/customer-services/cctv.toml")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("a bug in ropa"), "{stderr}");
    assert!(
        stderr.contains("while reading: activities/customer-services/cctv.toml"),
        "{stderr}"
    );
    assert!(!stderr.contains("stack backtrace"), "{stderr}");
    assert!(!stderr.contains("panicked at"), "{stderr}");
}
