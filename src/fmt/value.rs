//! Values: basic strings, lists one item per line when long, tidy inline tables. Numbers, dates
//! and multi-line strings are kept exactly as written.
// Indexing cannot panic here: positions come from scanning the same characters.
#![allow(clippy::indexing_slicing)]

use std::fmt::Write as _;

use toml_edit::{Array, Decor, InlineTable, Value};

use super::comments::{self, raw};
use super::order::reorder;
use super::shape::Shape;

/// A list stays on one line when it has at most this many items (lists one item per line read
/// and diff best, as the format guide asks) ...
pub const MAX_INLINE_ITEMS: usize = 1;
/// ... and that line, key and all, fits in this many columns.
pub const MAX_WIDTH: usize = 80;
/// Indentation of each item of a list written one item per line.
const INDENT: usize = 4;

/// Where a value is written.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    /// Starting at column `col` of a line indented by `indent`; long lists may break.
    Line { col: usize, indent: usize },
    /// Inside an inline table, which stays on one line.
    Inline,
}

/// Formats one value in place. `shape` is the shape of the table the value holds (an inline
/// table, or each inline table of a list).
pub fn format_value(value: &mut Value, shape: Option<&Shape>, place: Place) {
    if let Some(basic) = canonical_string(value) {
        let decor = value.decor().clone();
        *value = basic;
        *value.decor_mut() = decor;
        return;
    }
    match value {
        Value::Array(array) => format_array(array, shape, place),
        Value::InlineTable(table) => format_inline_table(table, shape),
        _ => {}
    }
}

/// A one-line string rewritten as a basic `"…"` string, when it is written otherwise. Multi-line
/// strings keep their form: their line breaks are the author's layout.
fn canonical_string(value: &Value) -> Option<Value> {
    let Value::String(string) = value else {
        return None;
    };
    let written = string.as_repr().and_then(|r| r.as_raw().as_str());
    if written.is_some_and(|w| w.starts_with("\"\"\"") || w.starts_with("'''")) {
        return None;
    }
    if written.is_some_and(|w| is_basic_string_of(w, string.value())) {
        return None;
    }
    let basic = basic_string(string.value());
    if written == Some(basic.as_str()) {
        return None;
    }
    basic.parse().ok()
}

/// `text` as a TOML basic string, escaping `"`, `\`, control characters (tabs too) and every
/// character that is invisible or changes the direction of text (`\u202E`, `\u00A0`, `\u200B`…),
/// so what a file says is what a reader sees ("Trojan Source").
/// Whether `written` is `"text"` with nothing escaped, as [`basic_string`] writes text that
/// needs no escapes (most text): answered without making that string.
fn is_basic_string_of(written: &str, text: &str) -> bool {
    written.len() == text.len() + 2
        && written.starts_with('"')
        && written.ends_with('"')
        && written.get(1..written.len() - 1) == Some(text)
        && needs_no_escape(text)
}

/// Printable ASCII other than the quote and the backslash: written between quotes as it is.
fn needs_no_escape(text: &str) -> bool {
    text.bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
}

pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Most text is printable ASCII with nothing to escape: copied whole, not char by char.
    if needs_no_escape(text) {
        out.push_str(text);
        out.push('"');
        return out;
    }
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if must_escape(c) && c <= '\u{ffff}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c if must_escape(c) => {
                let _ = write!(out, "\\U{:08X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a character is written as an escape: controls (Unicode Cc), format characters (Cf:
/// direction marks and overrides, zero-width characters, the soft hyphen…), line and paragraph
/// separators (Zl, Zp) and every space but U+0020 (Zs).
pub fn must_escape(c: char) -> bool {
    // Every character listed below but the controls is outside ASCII.
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control()
        || matches!(
            c,
            // Cf
            '\u{AD}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
                // Zl, Zp
                | '\u{2028}'
                | '\u{2029}'
                // Zs but the ASCII space
                | '\u{A0}'
                | '\u{1680}'
                | '\u{2000}'..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
        )
}

/// The comments inside a list, read before its layout is rewritten.
#[derive(Default)]
struct ListComments {
    /// After the `[`, on its line.
    open: Option<String>,
    /// On their own lines before each item.
    before: Vec<Vec<String>>,
    /// After each item on its line (`"a", # this`).
    same: Vec<Option<String>>,
    /// On their own lines after each item, before whatever follows it.
    below: Vec<Vec<String>>,
    /// On their own lines before the `]`.
    dangling: Vec<String>,
}

impl ListComments {
    fn read(array: &Array) -> Self {
        let n = array.len();
        let mut found = Self {
            before: vec![Vec::new(); n],
            same: vec![None; n],
            below: vec![Vec::new(); n],
            ..Self::default()
        };
        for (i, item) in array.iter().enumerate() {
            let (same_line, own_lines) = comments::split_first_line(raw(item.decor().prefix()));
            found.same_line(i, same_line);
            found.before[i] = own_lines;
            // Between the item and its comma (or the `]`): read by line like the prefix, so a
            // comment on its own line before the `]` stays on its own line.
            let (same_line, own_lines) = comments::split_first_line(raw(item.decor().suffix()));
            found.same_line(i + 1, same_line);
            found.below[i] = own_lines;
        }
        let (same_line, own_lines) =
            comments::split_first_line(array.trailing().as_str().unwrap_or(""));
        found.same_line(n, same_line);
        found.dangling = own_lines;
        found
    }

    /// A comment on the line of whatever precedes item `i` (the `[` for the first). A second
    /// one for the same item (after its comma, on a later line) goes below it.
    fn same_line(&mut self, i: usize, comment: Option<String>) {
        let Some(c) = comment else { return };
        match i.checked_sub(1) {
            Some(prev) if self.same[prev].is_none() && self.below[prev].is_empty() => {
                self.same[prev] = Some(c);
            }
            Some(prev) => self.below[prev].push(c),
            None => self.open = Some(c),
        }
    }

    fn is_empty(&self) -> bool {
        self.open.is_none()
            && self.dangling.is_empty()
            && self.same.iter().all(Option::is_none)
            && self.before.iter().chain(&self.below).all(Vec::is_empty)
    }
}

fn format_array(array: &mut Array, shape: Option<&Shape>, place: Place) {
    let found = ListComments::read(array);
    let (col, indent) = match place {
        Place::Line { col, indent } => (col, indent),
        Place::Inline => (0, 0),
    };
    let own_line = Place::Line {
        col: indent + INDENT,
        indent: indent + INDENT,
    };
    // A list with too many items for one line is laid out one item per line at once: trying
    // one line first wrote out every list of every file only to throw the text away.
    let too_many = array.len() > MAX_INLINE_ITEMS && matches!(place, Place::Line { .. });
    if found.is_empty() && !too_many {
        // Try one line. Items holding comments cannot be on it: they are laid out once, here.
        let mut laid_out = Vec::with_capacity(array.len());
        for item in array.iter_mut() {
            let broken = has_comment(item);
            format_value(item, shape, if broken { own_line } else { Place::Inline });
            laid_out.push(broken);
        }
        one_line(array);
        *array.decor_mut() = Decor::new("", "");
        let text = array.to_string();
        let fits = array.len() <= MAX_INLINE_ITEMS
            && col + text.chars().count() <= MAX_WIDTH
            && !text.contains('\n');
        if fits || matches!(place, Place::Inline) {
            return;
        }
        for (item, laid_out) in array.iter_mut().zip(laid_out) {
            if !laid_out {
                format_value(item, shape, own_line);
            }
        }
    } else {
        for item in array.iter_mut() {
            format_value(item, shape, own_line);
        }
    }
    one_per_line(array, found, indent);
}

fn one_line(array: &mut Array) {
    for (i, item) in array.iter_mut().enumerate() {
        comments::set_decor(item.decor_mut(), if i == 0 { "" } else { " " }, "");
    }
    array.set_trailing("");
    array.set_trailing_comma(false);
}

fn one_per_line(array: &mut Array, found: ListComments, indent: usize) {
    let pad = " ".repeat(indent + INDENT);
    let own_lines = |out: &mut String, lines: &[String]| {
        for line in lines {
            out.push_str(&pad);
            out.push_str(line);
            out.push('\n');
        }
    };
    let ListComments {
        open,
        before,
        same,
        below,
        dangling,
    } = found;
    let mut same_line = open;
    let mut carried: Vec<String> = Vec::new();
    for (((item, before), same), below) in array.iter_mut().zip(before).zip(same).zip(below) {
        let mut prefix = comments::trailing(same_line.take());
        prefix.push('\n');
        own_lines(&mut prefix, &carried);
        own_lines(&mut prefix, &before);
        prefix.push_str(&pad);
        comments::set_decor(item.decor_mut(), &prefix, "");
        same_line = same;
        carried = below;
    }
    let mut trailing = comments::trailing(same_line);
    if !array.is_empty() || !trailing.is_empty() || !dangling.is_empty() {
        trailing.push('\n');
        own_lines(&mut trailing, &carried);
        own_lines(&mut trailing, &dangling);
        trailing.push_str(&" ".repeat(indent));
    }
    array.set_trailing(trailing);
    array.set_trailing_comma(!array.is_empty());
}

/// Inline tables stay on one line: `{ key = value, … }`, keys in the model's order. One that
/// holds comments (TOML 1.1 allows them) is left exactly as written.
fn format_inline_table(table: &mut InlineTable, shape: Option<&Shape>) {
    if inline_table_has_comment(table) {
        return;
    }
    reorder(table, shape);
    for (mut key, value) in table.iter_mut() {
        let child = shape.and_then(|s| s.child(key.get()));
        canonical_key(&mut key);
        comments::set_decor(key.leaf_decor_mut(), " ", " ");
        *key.dotted_decor_mut() = Decor::new("", "");
        match value {
            Value::InlineTable(inner) if inner.is_dotted() => format_inline_table(inner, child),
            value => {
                format_value(value, child, Place::Inline);
                comments::set_decor(value.decor_mut(), " ", "");
            }
        }
    }
    table.set_trailing_comma(false);
    table.set_trailing(if table.is_empty() || table.is_dotted() {
        ""
    } else {
        " "
    });
}

/// Writes a key in toml_edit's default form (bare when it can be), unless that would hide an
/// invisible or direction-changing character: such a key is kept as written. The callers set
/// the key's decor themselves.
pub fn canonical_key(key: &mut toml_edit::KeyMut<'_>) {
    if is_written_bare(key) {
        // Already in the default form: keeping its text spares working that form out again,
        // once for the key's width and once more when the file is written.
        return;
    }
    if !key.get().chars().any(must_escape) {
        key.fmt();
    }
}

/// Whether the key is written bare, as the default form writes it: only A-Z, a-z, 0-9, `-`
/// and `_` (TOML's unquoted key), and exactly the key's text.
fn is_written_bare(key: &toml_edit::KeyMut<'_>) -> bool {
    let text = key.get();
    let bare = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'));
    bare && key.as_repr().and_then(|r| r.as_raw().as_str()) == Some(text)
}

/// Whether a value holds a comment anywhere inside (lists and inline tables).
pub fn has_comment(value: &Value) -> bool {
    match value {
        Value::Array(array) => {
            raw(Some(array.trailing())).contains('#')
                || array
                    .iter()
                    .any(|item| decor_has_comment(item.decor()) || has_comment(item))
        }
        Value::InlineTable(table) => inline_table_has_comment(table),
        _ => false,
    }
}

fn inline_table_has_comment(table: &InlineTable) -> bool {
    raw(Some(table.trailing())).contains('#')
        || table.iter().any(|(k, value)| {
            table.key(k).is_some_and(|key| {
                decor_has_comment(key.leaf_decor()) || decor_has_comment(key.dotted_decor())
            }) || decor_has_comment(value.decor())
                || has_comment(value)
        })
}

fn decor_has_comment(decor: &Decor) -> bool {
    raw(decor.prefix()).contains('#') || raw(decor.suffix()).contains('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text written as its plain basic string is recognised without building that string;
    /// anything else is not, and goes the long way.
    #[test]
    fn plain_basic_strings_are_recognised_as_canonical() {
        assert!(is_basic_string_of(r#""plain text""#, "plain text"));
        assert!(is_basic_string_of(r#""""#, ""));
        assert!(!is_basic_string_of("'plain'", "plain"));
        assert!(!is_basic_string_of(r#""a\"b""#, "a\"b"));
        assert!(!is_basic_string_of(r#""café""#, "café"));
        assert!(!is_basic_string_of(r#""other""#, "plain"));
    }

    #[test]
    fn basic_strings_escape_only_what_they_must() {
        assert_eq!(basic_string("plain"), r#""plain""#);
        assert_eq!(basic_string(" ~ A-z 0 "), r#"" ~ A-z 0 ""#);
        assert_eq!(basic_string("a\u{7f}"), r#""a\u007F""#);
        assert_eq!(basic_string(r#"say "hi" C:\x"#), r#""say \"hi\" C:\\x""#);
        assert_eq!(
            basic_string("a\tb\nc\u{1}\u{7f}é"),
            "\"a\\tb\\nc\\u0001\\u007Fé\""
        );
        // Invisible and direction-changing characters are shown, not hidden.
        assert_eq!(
            basic_string("x\u{202E}\u{A0}\u{200B}\u{85}\u{2028}\u{E0041}ß中"),
            "\"x\\u202E\\u00A0\\u200B\\u0085\\u2028\\U000E0041ß中\""
        );
    }
}
