//! Tables: keys in the model's order, `key = value` spacing, one blank line before each table
//! header, and the file's header comment kept at the top.

use toml_edit::{Decor, DocumentMut, Item, Key, Table};

use super::comments::{self, Lead, raw};
use super::shape::Shape;
use super::value::{Place, format_value};

/// Formats a whole document in place.
pub fn format_document(doc: &mut DocumentMut, shape: &Shape) {
    let header = take_header(doc.as_table_mut());
    format_table(doc.as_table_mut(), Some(shape), 0);
    let root_has_lines = with_first_line(doc.as_table_mut(), &mut strip_lead);
    let mut next = 0;
    let mut first_visible = !root_has_lines;
    place_tables(doc.as_table_mut(), &mut next, &mut first_visible);
    *doc.decor_mut() = Decor::new(comments::render(&header, Lead::Strip), "");
    let lead = if root_has_lines || !first_visible || !header.is_empty() {
        Lead::Keep
    } else {
        Lead::Strip
    };
    let trailing = comments::render(&comments::lines(raw(Some(doc.trailing()))), lead);
    doc.set_trailing(trailing);
}

/// The order to put `keys` in (indices into it): the model's order, then unknown keys as they
/// were. `None` when they already are in order.
pub fn sorted_order(keys: &[String], shape: &Shape) -> Option<Vec<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| (shape.rank(&keys[i]).unwrap_or(usize::MAX), i));
    (!order.iter().enumerate().all(|(at, &i)| at == i)).then_some(order)
}

fn reorder(table: &mut Table, shape: Option<&Shape>) {
    let Some(shape) = shape else { return };
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let Some(order) = sorted_order(&keys, shape) else {
        return;
    };
    let mut entries: Vec<Option<(Key, Item)>> =
        keys.iter().map(|k| table.remove_entry(k)).collect();
    for i in order {
        if let Some((key, item)) = entries[i].take() {
            table.insert_formatted(&key, item);
        }
    }
}

/// Formats the keys and values of one table and, recursively, the tables under it.
/// `path_width` is the width of the dotted-key prefix (`lawful_basis.`) before each key.
fn format_table(table: &mut Table, shape: Option<&Shape>, path_width: usize) {
    reorder(table, shape);
    for (mut key, item) in table.iter_mut() {
        let child = shape.and_then(|s| s.child(key.get()));
        let above = comments::lines(raw(key.leaf_decor().prefix()));
        key.fmt();
        let key_width = key.display_repr().chars().count();
        *key.dotted_decor_mut() = Decor::new("", "");
        match item {
            Item::Value(value) => {
                *key.leaf_decor_mut() = Decor::new(comments::render(&above, Lead::Keep), " ");
                let after = comments::end_of_line(raw(value.decor().suffix()));
                let col = path_width + key_width + " = ".len();
                format_value(value, child, Place::Line { col, indent: 0 });
                *value.decor_mut() = Decor::new(" ", after);
            }
            Item::Table(table) if table.is_dotted() => {
                *key.leaf_decor_mut() = Decor::new("", "");
                format_table(table, child, path_width + key_width + 1);
                if !above.is_empty() {
                    // Only the last part of a dotted key prints its comments: move them there.
                    with_first_line(table, &mut |decor| {
                        let mut lines = above.clone();
                        lines.extend(comments::lines(raw(decor.prefix())));
                        decor.set_prefix(comments::render(&lines, Lead::Keep));
                    });
                }
            }
            Item::Table(table) => {
                *key.leaf_decor_mut() = Decor::new("", "");
                format_header(table, above);
                format_table(table, child, 0);
            }
            Item::ArrayOfTables(tables) => {
                *key.leaf_decor_mut() = Decor::new("", "");
                for (i, table) in tables.iter_mut().enumerate() {
                    // Comments toml_edit keeps on the key belong before the first header.
                    let above = if i == 0 { above.clone() } else { Vec::new() };
                    format_header(table, above);
                    format_table(table, child, 0);
                }
            }
            Item::None => {}
        }
    }
}

/// The comments above a `[header]` (without the blank line before it, added by
/// [`place_tables`]) and the one after it on its line.
fn format_header(table: &mut Table, mut above: Vec<comments::Line>) {
    above.extend(comments::lines(raw(table.decor().prefix())));
    let after = comments::end_of_line(raw(table.decor().suffix()));
    *table.decor_mut() = Decor::new(comments::render(&above, Lead::Strip), after);
}

/// Numbers the tables in order (toml_edit prints them by number) and puts one blank line
/// before each header but the file's first.
fn place_tables(table: &mut Table, next: &mut isize, first_visible: &mut bool) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(table) if table.is_dotted() => place_tables(table, next, first_visible),
            Item::Table(table) => {
                let visible = !(table.is_implicit() && table.get_values().is_empty());
                place(table, visible, next, first_visible);
                place_tables(table, next, first_visible);
            }
            Item::ArrayOfTables(tables) => {
                for table in tables.iter_mut() {
                    place(table, true, next, first_visible);
                    place_tables(table, next, first_visible);
                }
            }
            _ => {}
        }
    }
}

fn place(table: &mut Table, visible: bool, next: &mut isize, first_visible: &mut bool) {
    table.set_position(Some(*next));
    *next += 1;
    if visible {
        with_first_line(table, &mut strip_lead);
        if !std::mem::replace(first_visible, false) {
            let above = raw(table.decor().prefix()).to_string();
            table.decor_mut().set_prefix(format!("\n{above}"));
        }
    }
}

/// Runs `f` on the decor of the first `key = value` line printed under a table's header (or at
/// the top of the file); false when the table has none.
fn with_first_line(table: &mut Table, f: &mut dyn FnMut(&mut Decor)) -> bool {
    for (mut key, item) in table.iter_mut() {
        let found = match item {
            Item::Value(_) => {
                f(key.leaf_decor_mut());
                true
            }
            // A dotted key's comments are on its last part.
            Item::Table(table) if table.is_dotted() => with_first_line(table, f),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// No blank line between a table header (or the file's header) and its first key.
fn strip_lead(decor: &mut Decor) {
    let above = comments::lines(raw(decor.prefix()));
    decor.set_prefix(comments::render(&above, Lead::Strip));
}

/// Takes the file's header comment from the block above the file's first entry, before keys
/// move, so it stays at the top.
fn take_header(root: &mut Table) -> Vec<comments::Line> {
    let mut header = Vec::new();
    let mut split = |decor: &mut Decor| {
        let (top, rest) = comments::split_header(comments::lines(raw(decor.prefix())));
        header = top;
        decor.set_prefix(comments::render(&rest, Lead::Keep));
    };
    if !with_first_line(root, &mut split)
        && let Some(first) = first_position(root)
    {
        with_table_at(root, first, &mut |table| split(table.decor_mut()));
    }
    header
}

/// The smallest position of any table header: the file's first.
fn first_position(table: &Table) -> Option<isize> {
    tables(table)
        .flat_map(|t| {
            let own = if t.is_dotted() { None } else { t.position() };
            own.into_iter().chain(first_position(t))
        })
        .min()
}

fn tables(table: &Table) -> impl Iterator<Item = &Table> {
    table.iter().flat_map(|(_, item)| match item {
        Item::Table(t) => vec![t],
        Item::ArrayOfTables(a) => a.iter().collect(),
        _ => Vec::new(),
    })
}

fn with_table_at(table: &mut Table, position: isize, f: &mut dyn FnMut(&mut Table)) -> bool {
    for (_, item) in table.iter_mut() {
        let children: Vec<&mut Table> = match item {
            Item::Table(t) => vec![t],
            Item::ArrayOfTables(a) => a.iter_mut().collect(),
            _ => Vec::new(),
        };
        for child in children {
            if !child.is_dotted() && child.position() == Some(position) {
                f(child);
                return true;
            }
            if with_table_at(child, position, f) {
                return true;
            }
        }
    }
    false
}
