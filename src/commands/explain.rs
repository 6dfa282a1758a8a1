//! `ropa explain <rule>`: the long explanation, legal source, and a failing and a passing example
//! with what the rule reports on the failing one.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::ExplainArgs;
use crate::diag::render_concise;
use crate::lint::rules::group_of;
use crate::lint::{Check, Example, RULES, lint_example, rule_named, system_today};
use crate::load::did_you_mean;
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &ExplainArgs) -> Exit {
    let Some(rule) = rule_named(&args.rule) else {
        let help = match did_you_mean(&args.rule, RULES.iter().map(|r| r.name)) {
            Some(near) => format!("did you mean `{near}`? `ropa rules` lists every rule"),
            None => "`ropa rules` lists every rule".to_string(),
        };
        return ctx
            .fail(&FatalError::new(format!("`{}` is not a lint rule", args.rule)).with_help(help));
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
