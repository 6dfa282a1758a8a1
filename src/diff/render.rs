//! A register diff as text for a terminal, as Markdown for a pull-request comment, and as
//! JSON (`schema/diff.schema.json`).

use schemars::JsonSchema;
use serde::Serialize;

use super::{Change, FindingLine, ItemDiff, RegisterDiff, Status, What};

/// What was compared, as the reader named it: "HEAD (1a2b3c4d5e)", "the working tree".
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Revision {
    /// The revision as given, or `working-tree`.
    pub name: String,
    /// The commit it names; absent for the working tree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

impl Revision {
    pub fn working_tree() -> Self {
        Revision {
            name: "working-tree".into(),
            commit: None,
        }
    }

    fn words(&self) -> String {
        match &self.commit {
            Some(commit) => format!("{} ({})", self.name, crate::git::short(commit)),
            None => "the working tree".into(),
        }
    }
}

/// `ropa diff --format json`: the whole comparison.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "ropa register diff (ropa diff --format json)")]
pub struct DiffDocument<'a> {
    /// Always `ropa-register-diff`.
    pub format: &'static str,
    /// The version of this layout; it changes only when a field changes meaning.
    pub format_version: u32,
    pub from: &'a Revision,
    pub to: &'a Revision,
    #[serde(flatten)]
    pub diff: &'a RegisterDiff,
}

/// The JSON document, pretty-printed.
pub fn json(diff: &RegisterDiff, from: &Revision, to: &Revision) -> String {
    let document = DiffDocument {
        format: "ropa-register-diff",
        format_version: 1,
        from,
        to,
        diff,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// One change as a line: "Retention for Call recordings: 1 year → 6 months",
/// "Processors added: Capita".
pub fn change_line(change: &Change) -> String {
    match &change.what {
        What::Changed { old, new } => format!(
            "{}: {} → {}",
            change.label,
            or_not_recorded(old.as_deref()),
            or_not_recorded(new.as_deref())
        ),
        What::Added { value } => format!("{} added: {value}", change.label),
        What::Removed { value } => format!("{} removed: {value}", change.label),
    }
}

fn or_not_recorded(value: Option<&str>) -> &str {
    match value {
        Some(text) if !text.is_empty() => text,
        _ => "not recorded",
    }
}

fn counts(items: &[ItemDiff]) -> String {
    let count = |status| items.iter().filter(|i| i.status == status).count();
    [
        (Status::Added, "added"),
        (Status::Removed, "removed"),
        (Status::Moved, "moved"),
        (Status::Changed, "changed"),
    ]
    .into_iter()
    .filter_map(|(status, word)| {
        let n = count(status);
        (n > 0).then(|| format!("{n} {word}"))
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// An item's line: with a sign for a terminal (`+`, `-`, `→`, `~`), in words for Markdown,
/// where a leading `+` or `-` would start a list.
pub fn heading(item: &ItemDiff, signs: bool) -> String {
    let (sign, words) = match (item.status, &item.from) {
        (Status::Added, _) => ("+ ", format!("{} ({}) added", item.id, item.name)),
        (Status::Removed, _) => ("- ", format!("{} ({}) removed", item.id, item.name)),
        (Status::Moved, Some(from)) => {
            ("→ ", format!("{from} moved to {} ({})", item.id, item.name))
        }
        _ => ("~ ", format!("{} ({})", item.id, item.name)),
    };
    if signs {
        format!("{sign}{words}")
    } else if item.status == Status::Changed {
        format!("{words} changed")
    } else {
        words
    }
}

fn finding(line: &FindingLine) -> String {
    format!(
        "{}[{}] {}: {}",
        line.severity, line.rule, line.file, line.message
    )
}

/// The diff for a terminal.
pub fn human(diff: &RegisterDiff, from: &Revision, to: &Revision) -> String {
    let mut out = format!("Changes from {} to {}\n", from.words(), to.words());
    if diff.is_empty() {
        out.push_str("\nNo changes to the register.\n");
    }
    if !diff.settings.is_empty() {
        out.push_str("\nSettings (ropa.toml)\n");
        for change in &diff.settings {
            out.push_str(&format!("    {}\n", change_line(change)));
        }
    }
    for (title, items) in [
        ("Activities", &diff.activities),
        ("Processors", &diff.processors),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}: {}\n", counts(items)));
        for item in items {
            out.push_str(&format!("  {}\n", heading(item, true)));
            for change in &item.changes {
                out.push_str(&format!("      {}\n", change_line(change)));
            }
        }
    }
    let found = &diff.findings;
    out.push_str(&format!(
        "\nLint findings: {} introduced, {} fixed\n",
        found.introduced.len(),
        found.fixed.len()
    ));
    for line in &found.introduced {
        out.push_str(&format!("  new   {}\n", finding(line)));
    }
    for line in &found.fixed {
        out.push_str(&format!("  fixed {}\n", finding(line)));
    }
    out
}

/// A Markdown table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// The diff as Markdown for a pull-request comment: a summary, then a table per changed
/// activity or processor.
pub fn markdown(diff: &RegisterDiff, from: &Revision, to: &Revision) -> String {
    let mut out = format!(
        "### Register changes\n\nFrom {} to {}.\n",
        cell(&from.words()),
        cell(&to.words())
    );
    if diff.is_empty() {
        out.push_str("\nNo changes to the register.\n");
    }
    let table = |out: &mut String, changes: &[Change]| {
        out.push_str("\n| Field | Before | After |\n|---|---|---|\n");
        for change in changes {
            let (before, after) = match &change.what {
                What::Changed { old, new } => (
                    or_not_recorded(old.as_deref()).to_string(),
                    or_not_recorded(new.as_deref()).to_string(),
                ),
                What::Added { value } => (String::new(), format!("added: {value}")),
                What::Removed { value } => (format!("removed: {value}"), String::new()),
            };
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&change.label),
                cell(&before),
                cell(&after)
            ));
        }
    };
    if !diff.settings.is_empty() {
        out.push_str("\n#### Settings (`ropa.toml`)\n");
        table(&mut out, &diff.settings);
    }
    for (title, items) in [
        ("Activities", &diff.activities),
        ("Processors", &diff.processors),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n#### {title}: {}\n\n", counts(items)));
        for item in items.iter().filter(|i| i.changes.is_empty()) {
            out.push_str(&format!("- {}\n", cell(&heading(item, false))));
        }
        for item in items.iter().filter(|i| !i.changes.is_empty()) {
            out.push_str(&format!("\n**{}**\n", cell(&heading(item, false))));
            table(&mut out, &item.changes);
        }
    }
    let found = &diff.findings;
    out.push_str(&format!(
        "\n#### Lint findings: {} introduced, {} fixed\n\n",
        found.introduced.len(),
        found.fixed.len()
    ));
    for line in &found.introduced {
        out.push_str(&format!(
            "- new: `{}`\n",
            cell(&finding(line)).replace('`', "'")
        ));
    }
    for line in &found.fixed {
        out.push_str(&format!(
            "- fixed: `{}`\n",
            cell(&finding(line)).replace('`', "'")
        ));
    }
    out
}
