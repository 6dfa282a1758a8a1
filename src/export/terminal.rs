//! A [`Table`] in the terminal: laid out with comfy-table, fitted to a width, long cells
//! wrapped. `ropa list`, `ropa show` and `ropa summary` all print their tables through here,
//! so the terminal shows the same cells as the CSV and JSON.
//!
//! The width is the terminal's when standard output is one; otherwise `COLUMNS` when it is
//! set, else [`DEFAULT_WIDTH`], so piped output and tests do not depend on the window.

use std::io::IsTerminal;

use comfy_table::presets::UTF8_FULL;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, TableStyle, Width};
use rayon::prelude::*;

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
/// after `/` and `-` rather than anywhere. The headings are in bold.
pub fn render_table(table: &Table, width: u16) -> String {
    render_table_with(table, width, true)
}

/// [`render_table`], with the headings in bold or plain: plain text needs no codes taken out
/// before it is written (for `ropa list` at 10,000 activities, 7 MB).
pub fn render_table_with(table: &Table, width: u16, bold: bool) -> String {
    let embolden = |text: &str| {
        if bold {
            bold_headings(text)
        } else {
            text.to_string()
        }
    };
    let widths = layout::fit(&layout::measure(table), width);
    let right_aligned: Vec<bool> = (0..table.headings.len())
        .map(|index| holds_counts(table, index))
        .collect();
    let draw = |rows: &[Vec<Cell>], with_headings: bool| {
        draw_rows(
            table,
            rows,
            with_headings,
            widths.as_deref(),
            &right_aligned,
            width,
        )
    };
    let mut text = match &widths {
        // Every column has its width fixed, so any rows are laid out alike: they are drawn a
        // piece at a time on every core (one comfy-table of 10,000 rows was most of `ropa
        // list`'s time, on one core) and the pieces joined.
        Some(_) if table.rows.len() > ROWS_PER_PIECE => {
            let mut pieces: Vec<String> = table
                .rows
                .par_chunks(ROWS_PER_PIECE)
                .enumerate()
                .map(|(index, rows)| draw(rows, index == 0))
                .collect();
            // The headings are in the first piece only.
            if let Some(first) = pieces.first_mut() {
                *first = embolden(first);
            }
            join_pieces(&pieces)
        }
        // comfy-table sizes the columns to their cells: all the rows are drawn together.
        _ => embolden(&draw(&table.rows, true)),
    };
    text.push('\n');
    text
}

/// Rows drawn together on one thread.
const ROWS_PER_PIECE: usize = 256;

/// Whether a column holds counts and nothing but counts and blanks.
fn holds_counts(table: &Table, index: usize) -> bool {
    let cells = || table.rows.iter().filter_map(|row| row.get(index));
    cells().all(|c| matches!(c, Cell::Number(_) | Cell::Empty))
        && cells().any(|c| matches!(c, Cell::Number(_)))
}

/// Some of a table's rows drawn with comfy-table, with or without the heading row.
fn draw_rows(
    table: &Table,
    rows: &[Vec<Cell>],
    with_headings: bool,
    widths: Option<&[u16]>,
    right_aligned: &[bool],
    width: u16,
) -> String {
    let wrapped = |index: usize, text: &str| {
        let text = printable(text);
        match widths.and_then(|w| w.get(index)) {
            Some(&content) => layout::wrap(&text, content),
            None => text,
        }
    };
    let mut out = new_table(width);
    if with_headings {
        out.set_header(
            table
                .headings
                .iter()
                .enumerate()
                .map(|(i, h)| wrapped(i, h.heading)),
        );
    }
    for row in rows {
        out.add_row(
            row.iter()
                .enumerate()
                .map(|(i, cell)| wrapped(i, &cell.joined("\n"))),
        );
    }
    for (index, column) in out.column_iter_mut().enumerate() {
        if right_aligned.get(index) == Some(&true) {
            column.set_cell_alignment(CellAlignment::Right);
        }
        if let Some(content) = widths.and_then(|w| w.get(index)) {
            // The width includes the padding of one space either side.
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(content + 2)));
        }
    }
    out.to_string()
}

/// Pieces of one table, each drawn with its own frame, as one table: the frame's bottom
/// line of every piece but the last goes, and the top line of every piece after the first
/// becomes the line between two rows.
fn join_pieces(pieces: &[String]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(String::len).sum());
    let last = pieces.len().saturating_sub(1);
    for (index, piece) in pieces.iter().enumerate() {
        let mut body = piece.as_str();
        if index > 0 {
            let (top, rows) = body.split_once('\n').unwrap_or((body, ""));
            out.push_str(&between_rows(top));
            out.push('\n');
            body = rows;
        }
        if index < last {
            body = body.rsplit_once('\n').map_or(body, |(rows, _bottom)| rows);
            out.push_str(body);
            out.push('\n');
        } else {
            out.push_str(body);
        }
    }
    out
}

/// The line between two rows, made from the frame's top line: `┌─┬─┐` → `├─┼─┤`.
fn between_rows(top: &str) -> String {
    top.chars()
        .map(|c| match c {
            '┌' => '├',
            '┬' => '┼',
            '┐' => '┤',
            c => c,
        })
        .collect()
}

/// The heading row in bold (the lines above the `╞═══╡` rule). The codes are stripped later
/// where colour is off, so the layout is the same either way. The lines from the rule on are
/// copied as they are, and the text keeps its last line break or its lack of one.
fn bold_headings(text: &str) -> String {
    let rule = text
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .find(|&at| text.get(at..).is_some_and(|t| t.starts_with('╞')));
    let Some(rule) = rule else {
        return text.to_string();
    };
    let (head, rest) = text.split_at(rule);
    let mut out = String::with_capacity(text.len() + 64);
    for (index, line) in head.lines().enumerate() {
        if index == 0 {
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
    out.push_str(rest);
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

    /// A table too long for one piece, its widths fixed, is drawn in pieces on several
    /// threads: joined, they are the table drawn whole, line for line.
    #[test]
    fn a_table_drawn_in_pieces_is_the_table_drawn_whole() {
        let rows: Vec<Vec<Cell>> = (0..ROWS_PER_PIECE * 2 + 3)
            .map(|i| {
                vec![
                    Cell::Text(format!("activity-{i} with a name long enough to wrap")),
                    Cell::List((0..i % 3).map(|n| format!("item {n}")).collect()),
                    Cell::Number(i as u64),
                ]
            })
            .collect();
        let table = Table {
            name: "t",
            groups: &[],
            headings: vec![heading("name"), heading("items"), heading("count")],
            rows,
        };
        let widths = layout::fit(&layout::measure(&table), 40);
        assert!(widths.is_some(), "the widths are fixed");
        let right = [false, false, true];
        let whole = draw_rows(&table, &table.rows, true, widths.as_deref(), &right, 40);
        let in_pieces = render_table(&table, 40);
        assert_eq!(in_pieces, format!("{}\n", bold_headings(&whole)));
        assert!(in_pieces.contains("├"), "rows are ruled off");
        let plain = render_table_with(&table, 40, false);
        assert_eq!(anstream::adapter::strip_str(&in_pieces).to_string(), plain);
        assert!(!plain.contains('\u{1b}'));
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
