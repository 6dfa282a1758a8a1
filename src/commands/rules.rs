//! `ropa rules`: the rule table, as text, JSON or the README's Markdown list.

use std::io::Write;

use serde_json::json;

use super::{Context, Exit};
use crate::cli::{RulesArgs, RulesFormat};
use crate::lint::rules::{GROUPS, group_of};
use crate::lint::{RULES, Rule};

pub fn run(ctx: &Context, args: &RulesArgs) -> Exit {
    let text = match args.format {
        RulesFormat::Text => text(),
        RulesFormat::Json => json(),
        RulesFormat::Markdown => markdown(),
    };
    let _ = ctx.stdout().write_all(text.as_bytes());
    Exit::Clean
}

fn text() -> String {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (heading, rules) in GROUPS {
        out.push_str(&format!("{heading}\n"));
        for rule in *rules {
            out.push_str(&format!(
                "  {:width$}  {:7}  {}\n",
                rule.name,
                rule.severity.as_str(),
                rule.summary
            ));
        }
        out.push('\n');
    }
    let width = crate::load::LOAD_CHECKS
        .iter()
        .map(|(n, _)| n.len())
        .max()
        .unwrap_or(0)
        .max(width);
    out.push_str("Load checks (made when the files are read; errors that cannot be waived)\n");
    for (name, summary) in crate::load::LOAD_CHECKS {
        out.push_str(&format!("  {name:width$}  {:7}  {summary}\n", "error"));
    }
    out.push('\n');
    out.push_str("`ropa explain <rule>` explains one rule or load check with examples.\n");
    out
}

fn json() -> String {
    let rules: Vec<_> = RULES
        .iter()
        .map(|r: &&Rule| {
            json!({
                "name": r.name,
                "severity": r.severity.as_str(),
                "group": group_of(r.name),
                "summary": r.summary,
                "source": r.source,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rules).unwrap_or_default();
    text.push('\n');
    text
}

/// The README's rule list; a test keeps the README equal to this output.
pub fn markdown() -> String {
    let mut out = String::new();
    for (heading, rules) in GROUPS {
        out.push_str(&format!(
            "**{heading}**\n\n| rule | default | finds | source |\n|---|---|---|---|\n"
        ));
        for rule in *rules {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                rule.name,
                rule.severity.as_str(),
                rule.summary,
                rule.source
            ));
        }
        out.push('\n');
    }
    out
}
