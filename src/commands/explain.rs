//! `ropa explain <rule>`: the long explanation, legal source, and a failing and a passing example
//! with what the rule reports on the failing one.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::ExplainArgs;
use crate::diag::render_concise;
use crate::lint::rules::group_of;
use crate::lint::{Check, Example, RULES, lint_example, rule_named, system_today};
use crate::load::{LOAD_CHECK_EXAMPLES, LOAD_CHECKS, did_you_mean, load};
use crate::source::FatalError;
use crate::source::MemorySource;

pub fn run(ctx: &Context, args: &ExplainArgs) -> Exit {
    if let Some((name, summary)) = LOAD_CHECKS.iter().find(|(n, _)| *n == args.rule.trim()) {
        let _ = ctx
            .stdout()
            .write_all(explain_load_check(name, summary).as_bytes());
        return Exit::Clean;
    }
    let Some(rule) = rule_named(&args.rule) else {
        let names = RULES
            .iter()
            .map(|r| r.name)
            .chain(LOAD_CHECKS.iter().map(|(n, _)| *n));
        let help = match did_you_mean(&args.rule, names) {
            Some(near) => format!("did you mean `{near}`? `ropa rules` lists every rule"),
            None => "`ropa rules` lists every rule".to_string(),
        };
        return ctx.fail(
            &FatalError::new(format!("`{}` is not a lint rule or load check", args.rule))
                .with_help(help),
        );
    };
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({}, default {})\n\n",
        rule.name,
        group_of(rule.name),
        rule.severity.as_str()
    ));
    out.push_str(&format!(
        "Finds: {}.\nSource: {}.\n\n",
        rule.summary, rule.source
    ));
    out.push_str(rule.explanation);
    out.push_str("\n\nThis fails:\n\n");
    out.push_str(&show_files(rule.fails));
    let (loaded, report) = lint_example(rule.fails, system_today());
    let own: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == rule.name)
        .cloned()
        .collect();
    out.push_str("\nand is reported as:\n\n");
    for line in render_concise(&own, &loaded.register.files).lines() {
        out.push_str(&format!("    {line}\n"));
    }
    out.push_str("\nThis passes:\n\n");
    out.push_str(&show_files(rule.passes));
    if matches!(rule.check, Check::Activity(_)) {
        out.push_str(&format!(
            "\nTo waive it for one activity, with the reason on record, add to the activity's file:\n\n    [[waivers]]\n    rule = \"{}\"\n    reason = \"…\"\n",
            rule.name
        ));
    }
    let _ = ctx.stdout().write_all(out.as_bytes());
    Exit::Clean
}

fn show_files(files: Example) -> String {
    let mut out = String::new();
    for (path, text) in files {
        out.push_str(&format!("    # {path}\n"));
        for line in text.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out
}

/// A load check: what it finds, that it cannot be waived, and (where there is one) a file that
/// fails it with what ropa reports, worked out by loading the file.
fn explain_load_check(name: &str, summary: &str) -> String {
    let mut out = format!(
        "{name} (load check, always an error{})\n\nFinds: {summary}.\n\n",
        if name == "file-not-read" {
            "; this one is a warning"
        } else {
            ""
        }
    );
    out.push_str(
        "Load checks are made whenever ropa reads the register's files (`ropa check`, `ropa lint`\n\
and every other command), before any lint rule. They say a file cannot be read as the format\n\
needs, so they cannot be waived or allowed: fix the file as the message says. `ropa check`\n\
lists them all with the line and column of each.\n",
    );
    let Some((_, path, text)) = LOAD_CHECK_EXAMPLES.iter().find(|(n, _, _)| *n == name) else {
        return out;
    };
    out.push_str(&format!("\nThis fails:\n\n    # {path}\n"));
    for line in text.lines() {
        out.push_str(&format!("    {line}\n"));
    }
    if text.is_empty() {
        out.push_str("    (an empty file)\n");
    }
    let mut files = vec![(path.to_string(), text.as_bytes().to_vec())];
    if *path != "ropa.toml" {
        files.push((
            "ropa.toml".into(),
            b"[controller]\nname = \"Example Council\"\n".to_vec(),
        ));
    }
    if let Ok(report) = load(&MemorySource {
        root: "register".into(),
        files,
    }) {
        let own: Vec<_> = report
            .problems
            .iter()
            .filter(|d| d.code == name)
            .cloned()
            .collect();
        out.push_str("\nand is reported as:\n\n");
        for line in render_concise(&own, &report.register.files).lines() {
            out.push_str(&format!("    {line}\n"));
        }
        for help in own.iter().filter_map(|d| d.help.as_deref()) {
            out.push_str(&format!("    help: {help}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_load_check_example_fails_that_check() {
        for (name, _, _) in LOAD_CHECK_EXAMPLES {
            assert!(
                LOAD_CHECKS.iter().any(|(n, _)| n == name),
                "{name} is not a load check"
            );
            let text = explain_load_check(name, "");
            assert!(
                text.contains(&format!("error[{name}]")),
                "the example for {name} does not fail it:\n{text}"
            );
        }
    }
}
