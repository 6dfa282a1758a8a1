//! Shell completions and the man page are generated from the clap definitions in src/cli.rs.
//! The copies committed in completions/ (for packagers and for users without a built ropa)
//! must match what `ropa completions` and `ropa man` print; regenerate them with
//! `ROPA_REGENERATE=1 cargo test --test completions`.

use std::path::Path;
use std::process::{Command, Output};

use clap::CommandFactory;

const REGENERATE: &str = "ROPA_REGENERATE=1 cargo test --test completions";

/// Each committed file and the command that prints it.
const GENERATED: [(&str, &[&str]); 6] = [
    ("ropa.bash", &["completions", "bash"]),
    ("_ropa", &["completions", "zsh"]),
    ("ropa.fish", &["completions", "fish"]),
    ("_ropa.ps1", &["completions", "powershell"]),
    ("ropa.elv", &["completions", "elvish"]),
    ("ropa.1", &["man"]),
];

fn ropa(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(dir)
        .args(args)
        .env_remove("COMPLETE")
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_completions_and_man_page_are_current() {
    let regenerate = std::env::var_os("ROPA_REGENERATE").is_some();
    let mut stale = Vec::new();
    for (file, args) in GENERATED {
        let out = ropa(root(), args, &[]);
        assert_eq!(out.status.code(), Some(0), "ropa {}", args.join(" "));
        assert!(!out.stdout.is_empty(), "ropa {}", args.join(" "));
        let path = root().join("completions").join(file);
        if std::fs::read(&path).ok().as_deref() == Some(&out.stdout[..]) {
            continue;
        }
        if regenerate {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &out.stdout).unwrap();
        } else {
            stale.push(format!("completions/{file} (`ropa {}`)", args.join(" ")));
        }
    }
    assert!(
        stale.is_empty(),
        "stale, after a change to the command line:\n  {}\nregenerate with: {REGENERATE}",
        stale.join("\n  ")
    );
}

#[test]
fn generated_scripts_offer_rule_names() {
    // bash, zsh and fish scripts list the values; PowerShell's and Elvish's generated scripts
    // complete only commands and flags (their dynamic completion offers values).
    for shell in ["bash", "zsh", "fish"] {
        let script = String::from_utf8(ropa(root(), &["completions", shell], &[]).stdout).unwrap();
        for rule in ropa::lint::RULES.iter() {
            assert!(script.contains(rule.name), "{shell}: {}", rule.name);
        }
        assert!(script.contains("warnings"), "{shell}: -D warnings");
    }
}

/// What the dynamic completion offers for a command line, as fish shows it (`value\thelp`).
fn complete(dir: &Path, line: &[&str]) -> String {
    let mut args = vec!["--", "ropa"];
    args.extend_from_slice(line);
    let out = ropa(dir, &args, &[("COMPLETE", "fish")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn dynamic_completion_offers_rule_names_and_activity_folders() {
    assert_eq!(
        complete(root(), &["explain", "retention-v"]),
        "retention-vague\ta retention period is not a period anyone can act on\n"
    );
    assert_eq!(
        complete(root(), &["lint", "-D", "warn"]),
        "warnings\tevery warning\n"
    );
    // The folders under activities/ of the register found from the current folder.
    let inside = root().join("registers/bolsover/activities");
    assert_eq!(
        complete(&inside, &["new", "activity", "c"]),
        "customer-services/\n"
    );
    assert_eq!(complete(&inside, &["new", "activity", "x"]), "");
    // A processor's id is a new single name: no folders.
    assert_eq!(complete(&inside, &["new", "processor", "c"]), "");
    // The register the command would use: found from -C DIR, or named by --register DIR.
    for line in [
        &["-C", "registers/bolsover", "new", "activity", "c"][..],
        &["new", "activity", "--register", "registers/bolsover", "c"],
        &[
            "-C",
            "registers",
            "new",
            "--register=bolsover",
            "activity",
            "c",
        ],
    ] {
        assert_eq!(complete(root(), line), "customer-services/\n", "{line:?}");
    }
    // Outside a register there is nothing to offer, and no error.
    let outside = tempfile::tempdir().unwrap();
    assert_eq!(complete(outside.path(), &["new", "activity", "c"]), "");
    // The registration script names the shell's hook.
    let hook = ropa(root(), &[], &[("COMPLETE", "bash")]);
    assert!(String::from_utf8_lossy(&hook.stdout).contains("complete -o nospace"));
}

#[test]
fn rule_flags_still_report_unknown_rules_with_a_suggestion() {
    let out = ropa(
        root(),
        &["lint", "registers/bolsover", "-W", "owner-mising"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: `owner-mising` is not a lint rule; did you mean `owner-missing`?\n  help: `ropa rules` lists every rule\n"
    );
    // Help stays short: rule names are completed, not listed.
    let help = ropa(root(), &["lint", "--help"], &[]);
    assert!(!String::from_utf8_lossy(&help.stdout).contains("possible values: warnings"));
}

#[test]
fn every_command_has_help_with_examples() {
    let cli = ropa::cli::Cli::command();
    let top = cli.get_after_help().unwrap().to_string();
    assert!(
        top.starts_with("Examples:\n  ropa "),
        "ropa --help has examples"
    );
    for sub in cli.get_subcommands() {
        let name = sub.get_name();
        assert!(sub.get_about().is_some(), "{name}: no one-line description");
        let after = sub
            .get_after_help()
            .map(|h| h.to_string())
            .unwrap_or_default();
        assert!(
            after.starts_with("Example") && after.contains(&format!("ropa {name}")),
            "{name}: its --help has no example of `ropa {name}`"
        );
        for arg in sub.get_arguments().filter(|a| a.get_id() != "help") {
            assert!(
                arg.get_help().is_some(),
                "{name}: {} is undocumented",
                arg.get_id()
            );
        }
    }
}

#[test]
fn every_folder_argument_completes_folders() {
    // Shells complete a folder for these (zsh's `_files -/`, fish's `__fish_complete_directories`).
    let mut cli = ropa::cli::Cli::command();
    cli.build();
    let mut folders = 0;
    let mut commands = vec![&cli];
    while let Some(cmd) = commands.pop() {
        commands.extend(cmd.get_subcommands());
        for arg in cmd.get_arguments() {
            let names = arg.get_value_names().unwrap_or_default();
            if names.iter().any(|n| n == "DIR") {
                folders += 1;
                assert_eq!(
                    arg.get_value_hint(),
                    clap::ValueHint::DirPath,
                    "{} {}",
                    cmd.get_name(),
                    arg.get_id()
                );
            }
        }
    }
    assert!(folders >= 6, "found only {folders} DIR arguments");
}

/// A write to standard output that fails (a full disk) is an error, not a silent success.
#[cfg(target_os = "linux")]
#[test]
fn completions_and_man_report_a_failed_write() {
    for args in [&["completions", "bash"][..], &["man"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(args)
            .env_remove("COMPLETE")
            .env("NO_COLOR", "1")
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "ropa {}", args.join(" "));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("error: could not write to standard output: "),
            "{stderr}"
        );
    }
}
