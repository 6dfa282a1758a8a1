//! Tables: keys in the model's order, `key = value` spacing, one blank line before each table
//! header, the file's header comment kept at the top, and the comments at the end of each table
//! kept with it.

use std::collections::HashMap;

use toml_edit::{Decor, DocumentMut, Item, Table};

use super::comments::{self, Lead, Line, raw};
use super::order::reorder;
use super::shape::Shape;
use super::value::{Place, canonical_key, format_value};

/// Formats a whole document in place.
pub fn format_document(doc: &mut DocumentMut, shape: &Shape) {
    let header = take_header(doc.as_table_mut());
    let mut tails = take_tails(doc);
    format_table(doc.as_table_mut(), Some(shape), 0);
    let root_has_lines = with_first_line(doc.as_table_mut(), &mut strip_lead);
    let mut placing = Placing {
        next: 0,
        first_visible: !root_has_lines,
        pending: tails.remove(&None).unwrap_or_default(),
        tails,
    };
    place_tables(doc.as_table_mut(), &mut placing);
    *doc.decor_mut() = Decor::new(comments::render(&header, Lead::Strip), "");
    let lead = if root_has_lines || !placing.first_visible || !header.is_empty() {
        Lead::Keep
    } else {
        Lead::Strip
    };
    doc.set_trailing(comments::render(&placing.pending, lead));
}

/// The comments after the last entry of each table, by the table's position in the original file
/// (`None`: the top level). toml_edit keeps them in the next header's prefix (or the file's
/// trailing text), which moves with that header; they belong to the table they follow.
type Tails = HashMap<Option<isize>, Vec<Line>>;

/// Takes each table's tail out of the next header's prefix: the lines up to the prefix's last
/// blank line (the lines below it describe the header), and the file's trailing comments.
fn take_tails(doc: &mut DocumentMut) -> Tails {
    // Each header's prefix is read once and each is set once, in one pass over the tables
    // each (looking each header up by position made 20,000 tables take half a minute).
    let mut prefixes = Vec::new();
    header_prefixes(doc.as_table(), &mut prefixes);
    prefixes.sort_unstable_by_key(|(position, _)| *position);
    let mut tails = Tails::new();
    let mut own_prefixes: HashMap<isize, String> = HashMap::new();
    let mut owner = None;
    for (position, prefix) in prefixes {
        let (tail, own) = split_tail(comments::lines(&prefix));
        if !tail.is_empty() {
            tails.insert(owner, tail);
        }
        own_prefixes.insert(position, comments::render(&own, Lead::Keep));
        owner = Some(position);
    }
    set_header_prefixes(doc.as_table_mut(), &mut own_prefixes);
    let mut end = comments::lines(raw(Some(doc.trailing())));
    while end.last() == Some(&Line::Blank) {
        end.pop();
    }
    if !end.is_empty() {
        tails.insert(owner, end);
    }
    doc.set_trailing("");
    tails
}

/// Splits a header's prefix at its last blank line: the tail of the table before, and the
/// comments above the header.
fn split_tail(mut lines: Vec<Line>) -> (Vec<Line>, Vec<Line>) {
    let Some(blank) = lines.iter().rposition(|l| *l == Line::Blank) else {
        return (Vec::new(), lines);
    };
    let own = lines.split_off(blank + 1);
    if !lines.iter().any(|l| matches!(l, Line::Comment(_))) {
        lines.clear();
    }
    // The blank line before the header is written by `place`.
    while lines.last() == Some(&Line::Blank) {
        lines.pop();
    }
    (lines, own)
}

/// The position of every table written with a `[header]` or `[[header]]`, and the raw text
/// above its header.
fn header_prefixes(table: &Table, out: &mut Vec<(isize, String)>) {
    for child in tables(table) {
        if !child.is_dotted()
            && let Some(position) = child.position()
        {
            out.push((position, raw(child.decor().prefix()).to_string()));
        }
        header_prefixes(child, out);
    }
}

/// Sets the prefix of each header whose position is in `prefixes`.
fn set_header_prefixes(table: &mut Table, prefixes: &mut HashMap<isize, String>) {
    for (_, item) in table.iter_mut() {
        for child in child_tables_mut(item) {
            if !child.is_dotted()
                && let Some(prefix) = child.position().and_then(|p| prefixes.remove(&p))
            {
                child.decor_mut().set_prefix(prefix);
            }
            set_header_prefixes(child, prefixes);
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
        canonical_key(&mut key);
        let key_width = key.display_repr().chars().count();
        *key.dotted_decor_mut() = Decor::new("", "");
        match item {
            Item::Value(value) => {
                let prefix = comments::render(&above, Lead::Keep);
                comments::set_decor(key.leaf_decor_mut(), &prefix, " ");
                let after = comments::end_of_line(raw(value.decor().suffix()));
                let col = path_width + key_width + " = ".len();
                format_value(value, child, Place::Line { col, indent: 0 });
                comments::set_decor(value.decor_mut(), " ", &after);
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
    let prefix = comments::render(&above, Lead::Strip);
    comments::set_decor(table.decor_mut(), &prefix, &after);
}

/// Where [`place_tables`] has got to.
struct Placing {
    /// The next position to give a table.
    next: isize,
    /// Whether no header has been written yet.
    first_visible: bool,
    /// The tail of the table written last, written before the next header (or at the end).
    pending: Vec<Line>,
    tails: Tails,
}

/// Numbers the tables in order (toml_edit prints them by number), puts one blank line before
/// each header but the file's first, and writes each table's tail after its last entry.
fn place_tables(table: &mut Table, placing: &mut Placing) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(table) if table.is_dotted() => place_tables(table, placing),
            Item::Table(table) => {
                let visible = !(table.is_implicit() && table.get_values().is_empty());
                place(table, visible, placing);
                place_tables(table, placing);
            }
            Item::ArrayOfTables(tables) => {
                for table in tables.iter_mut() {
                    place(table, true, placing);
                    place_tables(table, placing);
                }
            }
            _ => {}
        }
    }
}

fn place(table: &mut Table, visible: bool, placing: &mut Placing) {
    let original = table.position();
    table.set_position(Some(placing.next));
    placing.next += 1;
    if visible {
        with_first_line(table, &mut strip_lead);
        let mut prefix = comments::render(&placing.pending, Lead::Keep);
        if !std::mem::replace(&mut placing.first_visible, false) || !prefix.is_empty() {
            prefix.push('\n');
        }
        prefix.push_str(raw(table.decor().prefix()));
        table.decor_mut().set_prefix(prefix);
        if original.is_some() {
            placing.pending = placing.tails.remove(&original).unwrap_or_default();
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

/// The tables an item holds: itself, or each of an array of tables.
fn child_tables_mut(item: &mut Item) -> Vec<&mut Table> {
    match item {
        Item::Table(t) => vec![t],
        Item::ArrayOfTables(a) => a.iter_mut().collect(),
        _ => Vec::new(),
    }
}

fn with_table_at(table: &mut Table, position: isize, f: &mut dyn FnMut(&mut Table)) -> bool {
    for (_, item) in table.iter_mut() {
        for child in child_tables_mut(item) {
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
