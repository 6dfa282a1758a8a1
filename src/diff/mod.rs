//! What changed between two states of a register, in words: activities and processors added,
//! removed, moved and changed field by field, the settings, and the lint findings the change
//! brings in or fixes. `ropa diff` and `ropa log` print it; the wording of values is the
//! exports' own (see [`fields`]).
// Indexing cannot panic here: indexes come from matching within the same two lists.
#![allow(clippy::indexing_slicing)]

pub mod fields;
pub mod render;
mod walk;

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

pub use fields::Kind;
pub use walk::{Change, What, compare};

use crate::diag::{Diagnostic, Severity};
use crate::lint::fingerprint::{fingerprints, fingerprints_renamed};
use crate::model::{Loaded, Register};

/// The changes between two registers.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct RegisterDiff {
    /// Changes to `ropa.toml`: the controller, DPO, representative, review and `[lint]`.
    pub settings: Vec<Change>,
    /// Activities added, removed, moved or changed, by id.
    pub activities: Vec<ItemDiff>,
    /// Processors added, removed, moved or changed, by id.
    pub processors: Vec<ItemDiff>,
    /// Lint findings that the change introduced and fixed.
    pub findings: FindingsDiff,
}

/// One activity or processor that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ItemDiff {
    /// Its id after the change (before it, when removed).
    pub id: String,
    /// Its name after the change (before it, when removed).
    pub name: String,
    /// `added`, `removed`, `moved` (a new id, the old one in `from`) or `changed`.
    pub status: Status,
    /// The id before a move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Each field that changed (empty for an item added or removed, or moved unchanged).
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Added,
    Removed,
    Moved,
    Changed,
}

/// Findings present after the change and not before (introduced), and the reverse (fixed).
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct FindingsDiff {
    pub introduced: Vec<FindingLine>,
    pub fixed: Vec<FindingLine>,
}

/// A finding in a diff: enough to recognise it without line numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FindingLine {
    pub rule: String,
    /// `error` or `warning`.
    pub severity: String,
    /// The file inside the register, e.g. `activities/cctv.toml`.
    pub file: String,
    pub message: String,
}

impl RegisterDiff {
    /// True when the register's content did not change (findings aside).
    pub fn is_empty(&self) -> bool {
        self.settings.is_empty() && self.activities.is_empty() && self.processors.is_empty()
    }
}

/// One side of a comparison: a register and every finding on it (load problems and lint).
pub struct Side<'a> {
    pub register: &'a Register,
    pub findings: &'a [Diagnostic],
}

/// The changes from `old` to `new`. A file that did not load on one side (its problems are
/// among the findings) is left out rather than reported as added or removed.
pub fn diff(old: &Side, new: &Side) -> RegisterDiff {
    let registers = (old.register, new.register);
    let broken: HashSet<&str> = [old, new]
        .iter()
        .flat_map(|side| {
            side.findings
                .iter()
                .filter(|d| d.severity == Severity::Error && is_load_check(d.code))
                .map(|d| side.register.files.path(d.file))
        })
        .collect();
    let settings = match (&old.register.config, &new.register.config) {
        (Some(a), Some(b)) => compare(Kind::Settings, &json(&a.value), &json(&b.value), registers),
        _ => Vec::new(),
    };
    RegisterDiff {
        settings,
        activities: items(
            Kind::Activity,
            &old.register.activities,
            &new.register.activities,
            registers,
            &broken,
            |a| a.name.clone(),
        ),
        processors: items(
            Kind::Processor,
            &old.register.processors,
            &new.register.processors,
            registers,
            &broken,
            |p| p.name.clone(),
        ),
        findings: FindingsDiff::default(),
    }
    .with_findings(old, new)
}

impl RegisterDiff {
    /// Adds the findings introduced and fixed, matching a moved item's findings across its
    /// move.
    fn with_findings(mut self, old: &Side, new: &Side) -> Self {
        let mut renamed = HashMap::new();
        for (kind, items) in [
            ("activities", &self.activities),
            ("processors", &self.processors),
        ] {
            for item in items {
                if let Some(from) = &item.from {
                    renamed.insert(
                        format!("{kind}/{from}.toml"),
                        format!("{kind}/{}.toml", item.id),
                    );
                }
            }
        }
        self.findings = findings(old, new, &renamed);
        self
    }
}

fn is_load_check(code: &str) -> bool {
    crate::load::LOAD_CHECKS
        .iter()
        .any(|(name, _)| *name == code)
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Activities (or processors) compared by id. An id that went away and one that came with
/// the same content, or else the same name, is a move.
fn items<T: Serialize + PartialEq>(
    kind: Kind,
    old: &[Loaded<T>],
    new: &[Loaded<T>],
    registers: (&Register, &Register),
    broken: &HashSet<&str>,
    name: fn(&T) -> String,
) -> Vec<ItemDiff> {
    let path = |register: &Register, item: &Loaded<T>| register.files.path(item.file).to_string();
    let old_by_id: HashMap<&str, &Loaded<T>> = old.iter().map(|i| (i.id.as_str(), i)).collect();
    let new_by_id: HashMap<&str, &Loaded<T>> = new.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut out = Vec::new();
    for item in new {
        if let Some(before) = old_by_id.get(item.id.as_str()) {
            let changes = compare(kind, &json(&before.value), &json(&item.value), registers);
            if !changes.is_empty() {
                out.push(ItemDiff {
                    id: item.id.clone(),
                    name: name(&item.value),
                    status: Status::Changed,
                    from: None,
                    changes,
                });
            }
        }
    }
    let gone: Vec<&Loaded<T>> = old
        .iter()
        .filter(|i| !new_by_id.contains_key(i.id.as_str()))
        .filter(|i| !broken.contains(path(registers.0, i).as_str()))
        .collect();
    let came: Vec<&Loaded<T>> = new
        .iter()
        .filter(|i| !old_by_id.contains_key(i.id.as_str()))
        .filter(|i| !broken.contains(path(registers.1, i).as_str()))
        .collect();
    // Moves: the same content first, then the same name where only one has it on each side.
    // Both are looked up in indexes, so many additions and removals stay linear.
    let mut taken = vec![false; gone.len()];
    let mut moved: HashMap<&str, &Loaded<T>> = HashMap::new();
    let mut by_content: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, item) in gone.iter().enumerate() {
        by_content
            .entry(json(&item.value).to_string())
            .or_default()
            .push(at);
    }
    for arrival in &came {
        let content = json(&arrival.value).to_string();
        let free = by_content
            .get(&content)
            .and_then(|ats| ats.iter().copied().find(|&at| !taken[at]));
        if let Some(at) = free {
            taken[at] = true;
            moved.insert(arrival.id.as_str(), gone[at]);
        }
    }
    let names = |items: &[&Loaded<T>], skip: &dyn Fn(usize, &Loaded<T>) -> bool| {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, item) in items.iter().enumerate() {
            if !skip(at, item) {
                by_name.entry(name(&item.value)).or_default().push(at);
            }
        }
        by_name
    };
    let gone_names = names(&gone, &|at, _| taken[at]);
    let came_names = names(&came, &|_, item| moved.contains_key(item.id.as_str()));
    for (wanted, arrivals) in &came_names {
        if let (Some([at]), [arrival]) = (gone_names.get(wanted).map(Vec::as_slice), &arrivals[..])
        {
            taken[*at] = true;
            moved.insert(came[*arrival].id.as_str(), gone[*at]);
        }
    }
    let gone: Vec<&Loaded<T>> = gone
        .into_iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(item, _)| item)
        .collect();
    for arrival in &came {
        let (status, from, changes) = match moved.get(arrival.id.as_str()) {
            Some(before) => (
                Status::Moved,
                Some(before.id.clone()),
                compare(kind, &json(&before.value), &json(&arrival.value), registers),
            ),
            None => (Status::Added, None, Vec::new()),
        };
        out.push(ItemDiff {
            id: arrival.id.clone(),
            name: name(&arrival.value),
            status,
            from,
            changes,
        });
    }
    for departed in gone {
        out.push(ItemDiff {
            id: departed.id.clone(),
            name: name(&departed.value),
            status: Status::Removed,
            from: None,
            changes: Vec::new(),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id).then(a.status.cmp(&b.status)));
    out
}

/// The findings of `new` whose fingerprint `old` does not have, and the reverse.
fn findings(old: &Side, new: &Side, renamed: &HashMap<String, String>) -> FindingsDiff {
    let old_prints = fingerprints_renamed(old.findings, old.register, renamed);
    let new_prints = fingerprints(new.findings, new.register);
    let only = |side: &Side, prints: &[String], other: &[String]| -> Vec<FindingLine> {
        let other: HashSet<&String> = other.iter().collect();
        side.findings
            .iter()
            .zip(prints)
            .filter(|(_, p)| !other.contains(p))
            .map(|(d, _)| FindingLine {
                rule: d.code.to_string(),
                severity: d.severity.as_str().to_string(),
                file: side.register.files.path(d.file).to_string(),
                message: d.message.clone(),
            })
            .collect()
    };
    FindingsDiff {
        introduced: only(new, &new_prints, &old_prints),
        fixed: only(old, &old_prints, &new_prints),
    }
}
