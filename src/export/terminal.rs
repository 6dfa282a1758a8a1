//! A [`Table`] in the terminal: laid out with comfy-table, fitted to a width, long cells
//! wrapped. `ropa list`, `ropa show` and `ropa summary` all print their tables through here,
//! so the terminal shows the same cells as the CSV and JSON.
//!
//! The width is the terminal's when standard output is one; otherwise `COLUMNS` when it is
//! set, else [`DEFAULT_WIDTH`], so piped output and tests do not depend on the window.

use std::io::IsTerminal;

use comfy_table::presets::UTF8_FULL;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, TableStyle, Width};

use super::layout;
use super::table::{Cell, Table};

/// The width used when standard output is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: u16 = 100;

/// The widest a card is laid out, however wide the terminal.
pub const CARD_WIDTH: u16 = 120;

/// Narrower than this, tables are laid out at this width anyway (and wrap in the terminal).
const MIN_WIDTH: u16 = 40;

/// Box-drawing lines around every cell, so rows of several lines stay apart.
const STYLE: TableStyle = UTF8_FULL.with_solid_inner_borders();

/// What an empty cell says in a card, where a blank would hide the gap.
pub const NOT_RECORDED: &str = "not recorded";

/// The width to lay tables out in: the terminal's, else `COLUMNS`, else [`DEFAULT_WIDTH`].
pub fn output_width() -> u16 {
    let terminal = std::io::stdout()
        .is_terminal()
        .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
        .flatten();
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|c| *c > 0)
    };
    terminal
        .or_else(columns)
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
}

/// Register text as it may be shown in a terminal: control characters (other than line
/// breaks) could move the cursor, clear the screen or ring the bell, so a tab becomes a space
/// and any other becomes `\u{FFFD}`, which shows that something was there.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => c,
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// The table with its headings, one row per item; list items one per line in their cell.
/// Columns holding counts (and nothing but counts and blanks) are right-aligned. When the table
/// is too wide, each cell is wrapped to its column's width by [`layout::wrap`], so ids break
/// after `/` and `-` rather than anywhere.
pub fn render_table(table: &Table, width: u16) -> String {
    let widths = layout::fit(&layout::measure(table), width);
    let wrapped = |index: usize, text: &str| {
        let text = printable(text);
        match widths.as_ref().and_then(|w| w.get(index)) {
            Some(&content) => layout::wrap(&text, content),
            None => text,
        }
    };
    let mut out = new_table(width);
    out.set_header(
        table
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| wrapped(i, h.heading)),
    );
    for row in &table.rows {
        out.add_row(
            row.iter()
                .enumerate()
                .map(|(i, cell)| wrapped(i, &cell.joined("\n"))),
        );
    }
    for (index, column) in out.column_iter_mut().enumerate() {
        let cells = || table.rows.iter().filter_map(|row| row.get(index));
        let counts = cells().all(|c| matches!(c, Cell::Number(_) | Cell::Empty))
            && cells().any(|c| matches!(c, Cell::Number(_)));
        if counts {
            column.set_cell_alignment(CellAlignment::Right);
        }
        if let Some(content) = widths.as_ref().and_then(|w| w.get(index)) {
            // The width includes the padding of one space either side.
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(content + 2)));
        }
    }
    bold_headings(&finish(&out))
}

/// The heading row in bold (the lines above the `╞═══╡` rule). The codes are stripped later
/// where colour is off, so the layout is the same either way.
fn bold_headings(text: &str) -> String {
    let Some(rule) = text.lines().position(|l| l.starts_with('╞')) else {
        return text.to_string();
    };
    let mut out = String::new();
    for (index, line) in text.lines().enumerate() {
        if index == 0 || index >= rule {
            out.push_str(line);
        } else {
            let cells: Vec<String> = line
                .split('│')
                .map(|cell| {
                    let text = cell.trim();
                    if text.is_empty() {
                        cell.to_string()
                    } else {
                        cell.replacen(text, &format!("\x1b[1m{text}\x1b[0m"), 1)
                    }
                })
                .collect();
            out.push_str(&cells.join("│"));
        }
        out.push('\n');
    }
    out
}

/// One item as a card: a row per field, its heading on the left and its value on the right.
/// Empty values read "not recorded", so gaps in the record stand out.
pub fn render_card<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a Cell)>,
    width: u16,
) -> String {
    // Wider than this, a card's short values leave most of a line empty.
    let width = width.min(CARD_WIDTH);
    let mut out = new_table(width);
    for (heading, cell) in fields {
        let value = match cell {
            Cell::Empty => NOT_RECORDED.to_string(),
            other => printable(&other.joined("\n")),
        };
        out.add_row(vec![printable(heading), value]);
    }
    // Cards fill the width and their headings take a third of it, so the cards of one
    // record line up. (Fixed widths include the padding; three borders remain.)
    let label = width / 3;
    let value = width.saturating_sub(label + 3);
    for (index, fixed) in [label, value].into_iter().enumerate() {
        if let Some(column) = out.column_mut(index) {
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
        }
    }
    finish(&out)
}

fn new_table(width: u16) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(STYLE)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table
}

fn finish(table: &comfy_table::Table) -> String {
    let mut text = table.to_string();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::table::Heading;

    fn heading(key: &'static str) -> Heading {
        Heading {
            key,
            heading: key,
            width: 10.0,
            yes_no: false,
        }
    }

    #[test]
    fn long_cells_wrap_to_the_width_and_lists_go_one_per_line() {
        let table = Table {
            name: "t",
            groups: &[],
            headings: vec![heading("name"), heading("items"), heading("count")],
            rows: vec![vec![
                Cell::Text("word ".repeat(30)),
                Cell::List(vec!["a".into(), "b".into()]),
                Cell::Number(7),
            ]],
        };
        let text = render_table(&table, 50);
        assert!(text.contains("│ \x1b[1mname\x1b[0m "), "{text}");
        let text = anstream::adapter::strip_str(&text).to_string();
        assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
        assert!(text.lines().any(|l| l.contains("│ a ")), "{text}");
        assert!(text.lines().any(|l| l.contains("│ b ")), "{text}");
        assert!(text.lines().any(|l| l.contains("│     7 │")), "{text}");
    }

    #[test]
    fn empty_columns_are_not_taken_for_counts() {
        let mut blank = heading("ab cdefgh");
        blank.heading = "ab cdefgh";
        let table = Table {
            name: "t",
            groups: &[],
            headings: vec![blank, heading("words"), heading("count")],
            rows: vec![vec![
                Cell::Empty,
                Cell::Text("word ".repeat(6)),
                Cell::Number(7),
            ]],
        };
        let text = anstream::adapter::strip_str(&render_table(&table, 30)).to_string();
        // The heading wraps to two lines; an empty column keeps it left-aligned.
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with("│ ab "), "{text}");
        assert!(lines[2].starts_with("│ cdefgh "), "{text}");
        assert!(text.contains("│     7 │"), "{text}");
    }

    #[test]
    fn control_characters_in_register_text_cannot_reach_the_terminal() {
        assert_eq!(
            printable("A\u{1b}[2JB\u{7}\tC\nD\u{9b}"),
            "A\u{FFFD}[2JB\u{FFFD} C\nD\u{FFFD}"
        );
        let table = Table {
            name: "t",
            groups: &[],
            headings: vec![heading("name")],
            rows: vec![vec![Cell::Text("A\u{1b}[2JB\u{7}".into())]],
        };
        let text = render_table(&table, 40);
        let body: String = text.lines().skip(3).collect();
        assert!(!body.contains(['\u{1b}', '\u{7}']), "{text:?}");
        assert!(body.contains("A\u{FFFD}[2JB\u{FFFD}"), "{text}");
        let cell = Cell::Text("x\u{1b}]0;title\u{7}".into());
        let card = render_card([("Name\u{1b}", &cell)], 60);
        assert!(!card.contains(['\u{1b}', '\u{7}']), "{card:?}");
    }

    #[test]
    fn cards_say_what_is_not_recorded() {
        let empty = Cell::Empty;
        let text = render_card([("Owner", &empty)], 60);
        let line = "│ Owner              │ not recorded                        │";
        assert!(text.contains(line), "{text}");
        assert!(text.lines().all(|l| l.chars().count() == 60), "{text}");
    }
}
