//! The field-by-field comparison of two versions of one file's value. It walks the model as
//! JSON, so every field of the format is compared (a new field needs only its name in
//! [`super::fields`]), and it compares meaning, not text: list order, comments, formatting and
//! whitespace never show, because they never reach the model.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::fields::{Kind, entry_key, entry_label, entry_text, value_text};
use crate::model::Register;

/// One change to one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Change {
    /// The field's keys joined with `.`, e.g. `lawful_basis.article6` or `retention.period`.
    pub field: String,
    /// The field in words, e.g. "Lawful basis" or "Retention for Call recordings".
    pub label: String,
    #[serde(flatten)]
    pub what: What,
}

/// What happened to the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum What {
    /// A value changed; `old` or `new` is absent when it was not recorded.
    Changed {
        #[serde(skip_serializing_if = "Option::is_none")]
        old: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        new: Option<String>,
    },
    /// An item was added to a list.
    Added { value: String },
    /// An item was taken out of a list.
    Removed { value: String },
}

/// The registers the two versions belong to, for names looked up by id.
struct Ctx<'a> {
    kind: Kind,
    old: &'a Register,
    new: &'a Register,
}

/// The changes from `old` to `new`, in the file's field order.
pub fn compare(
    kind: Kind,
    old: &Value,
    new: &Value,
    registers: (&Register, &Register),
) -> Vec<Change> {
    let ctx = Ctx {
        kind,
        old: registers.0,
        new: registers.1,
    };
    let mut out = Vec::new();
    walk(&ctx, "", None, Some(old), Some(new), &mut out);
    out
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn label(ctx: &Ctx, path: &str, entry: Option<&str>) -> String {
    let own = ctx.kind.label(path);
    match entry {
        Some(entry) if own.is_empty() => entry.to_string(),
        Some(entry) => format!("{entry}, {own}"),
        None => own,
    }
}

fn walk(
    ctx: &Ctx,
    path: &str,
    entry: Option<&str>,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<Change>,
) {
    if old == new {
        return;
    }
    let is = |v: Option<&Value>, test: fn(&Value) -> bool| v.is_none_or(test);
    if is(old, Value::is_object) && is(new, Value::is_object) {
        let empty = serde_json::Map::new();
        let old_map = old.and_then(Value::as_object).unwrap_or(&empty);
        let new_map = new.and_then(Value::as_object).unwrap_or(&empty);
        let mut keys: Vec<&String> = old_map.keys().chain(new_map.keys()).collect();
        keys.sort_by_key(|k| (ctx.kind.position(&child(path, k)), k.as_str()));
        keys.dedup();
        for key in keys {
            let field = child(path, key);
            walk(ctx, &field, entry, old_map.get(key), new_map.get(key), out);
        }
    } else if is(old, Value::is_array) && is(new, Value::is_array) {
        let items = |v: Option<&Value>| v.and_then(Value::as_array).cloned().unwrap_or_default();
        let (old_items, new_items) = (items(old), items(new));
        let tables = old_items.iter().chain(&new_items).all(Value::is_object);
        if tables && !(old_items.is_empty() && new_items.is_empty()) {
            entries(ctx, path, &old_items, &new_items, out);
        } else {
            list(ctx, path, entry, (old, &old_items), (new, &new_items), out);
        }
    } else {
        out.push(Change {
            field: path.to_string(),
            label: label(ctx, path, entry),
            what: What::Changed {
                old: old.map(|v| value_text(path, v, ctx.old)),
                new: new.map(|v| value_text(path, v, ctx.new)),
            },
        });
    }
}

/// A list of values: the items added and taken out, whatever their order. One item replaced
/// by another in a one-item list reads as a change, "consent → public task".
fn list(
    ctx: &Ctx,
    path: &str,
    entry: Option<&str>,
    (old, old_items): (Option<&Value>, &[Value]),
    (new, new_items): (Option<&Value>, &[Value]),
    out: &mut Vec<Change>,
) {
    let field = path.to_string();
    let label = label(ctx, path, entry);
    let removed: Vec<&Value> = old_items
        .iter()
        .filter(|v| !new_items.contains(v))
        .collect();
    let added: Vec<&Value> = new_items
        .iter()
        .filter(|v| !old_items.contains(v))
        .collect();
    let change = |what| Change {
        field: field.clone(),
        label: label.clone(),
        what,
    };
    // Not recorded ↔ recorded as none (`[]`) is a change of its own.
    if removed.is_empty() && added.is_empty() {
        let says = |v: Option<&Value>| v.map(|_| crate::export::table::NONE_RECORDED.to_string());
        if old.is_some() != new.is_some() {
            out.push(change(What::Changed {
                old: says(old),
                new: says(new),
            }));
        }
        return;
    }
    if let ([one_old], [one_new], [_], [_]) = (&removed[..], &added[..], old_items, new_items) {
        out.push(change(What::Changed {
            old: Some(value_text(path, one_old, ctx.old)),
            new: Some(value_text(path, one_new, ctx.new)),
        }));
        return;
    }
    for item in removed {
        out.push(change(What::Removed {
            value: value_text(path, item, ctx.old),
        }));
    }
    for item in added {
        out.push(change(What::Added {
            value: value_text(path, item, ctx.new),
        }));
    }
}

/// A list of tables (retention, transfers, controllers, waivers): entries matched by their
/// key are compared field by field; the rest are added or taken out whole.
fn entries(ctx: &Ctx, path: &str, old_items: &[Value], new_items: &[Value], out: &mut Vec<Change>) {
    let keyed = |items: &[Value]| -> Option<Vec<(String, Value)>> {
        let keyed: Vec<(String, Value)> = items
            .iter()
            .map(|item| Some((entry_key(path, item)?, item.clone())))
            .collect::<Option<_>>()?;
        let mut keys: Vec<&String> = keyed.iter().map(|(k, _)| k).collect();
        keys.sort();
        keys.dedup();
        (keys.len() == keyed.len()).then_some(keyed)
    };
    let label = ctx.kind.label(path);
    let whole = |what| Change {
        field: path.to_string(),
        label: label.clone(),
        what,
    };
    match (keyed(old_items), keyed(new_items)) {
        (Some(old_keyed), Some(new_keyed)) => {
            for (key, old_entry) in &old_keyed {
                match new_keyed.iter().find(|(k, _)| k == key) {
                    Some((_, new_entry)) => {
                        let entry = entry_label(path, &label, key);
                        walk(
                            ctx,
                            path,
                            Some(&entry),
                            Some(old_entry),
                            Some(new_entry),
                            out,
                        );
                    }
                    None => out.push(whole(What::Removed {
                        value: entry_text(path, old_entry),
                    })),
                }
            }
            for (key, new_entry) in &new_keyed {
                if !old_keyed.iter().any(|(k, _)| k == key) {
                    out.push(whole(What::Added {
                        value: entry_text(path, new_entry),
                    }));
                }
            }
        }
        _ => {
            for item in old_items.iter().filter(|v| !new_items.contains(v)) {
                out.push(whole(What::Removed {
                    value: entry_text(path, item),
                }));
            }
            for item in new_items.iter().filter(|v| !old_items.contains(v)) {
                out.push(whole(What::Added {
                    value: entry_text(path, item),
                }));
            }
        }
    }
}
