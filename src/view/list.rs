//! `ropa list`: one row per activity with what a DPO asks about first — its basis, special
//! category data, processors, retention and lint findings.
// Indexing cannot panic here: columns and widths are built one per heading, so they share indexes.
#![allow(clippy::indexing_slicing)]

use std::cmp::Ordering;

use super::{Findings, column, count};
use crate::describe;
use crate::diag::Counts;
use crate::export::sheets::{self, ActivityRow};
use crate::export::{Cell, Column, Table, layout};
use crate::load::did_you_mean;
use crate::model::{Activity, Loaded, Register};
use crate::source::FatalError;

/// An activity with its lint counts.
pub struct ListRow<'a> {
    pub row: ActivityRow<'a>,
    pub counts: Counts,
}

impl ListRow<'_> {
    fn value(&self) -> &Activity {
        &self.row.activity.value
    }
}

/// The list's columns. Business function, basis and retention are the spreadsheet's own cells.
pub fn columns<'a>() -> Vec<Column<ListRow<'a>>> {
    vec![
        column("id", "ID", 30.0, |r| Cell::Text(r.row.activity.id.clone())),
        column("name", "Activity", 30.0, |r| {
            Cell::Text(r.value().name.clone())
        }),
        column("business_function", "Business function", 20.0, |r| {
            sheets::business_function(&r.row)
        }),
        column("article6", "Lawful basis (Art 6)", 35.0, |r| {
            sheets::article6(&r.row)
        }),
        Column {
            yes_no: true,
            ..column("special_category", "Special category", 10.0, |r| {
                Cell::yes_no(
                    r.value()
                        .special_category_data
                        .as_ref()
                        .map(|c| !c.is_empty()),
                )
            })
        },
        column("processors", "Processors", 25.0, |r| {
            r.value().processors.as_deref().map_or(Cell::Empty, |ids| {
                Cell::List(
                    ids.iter()
                        .map(|id| describe::processor_name(r.row.register, &id.0))
                        .collect(),
                )
            })
        }),
        column("retention", "Retention", 45.0, |r| {
            sheets::retention(&r.row)
        }),
        column("errors", "Errors", 8.0, |r| count(r.counts.errors)),
        column("warnings", "Warnings", 8.0, |r| count(r.counts.warnings)),
    ]
}

/// The list of the given activities, in their order.
pub fn table(register: &Register, activities: &[&Loaded<Activity>], findings: &Findings) -> Table {
    let rows: Vec<ListRow<'_>> = activities
        .iter()
        .map(|activity| ListRow {
            row: ActivityRow { register, activity },
            counts: findings.counts(activity.file),
        })
        .collect();
    Table::build("Activities", &[], &columns(), &rows)
}

/// The columns `ropa list` leaves out, in this order, when a terminal is too narrow for the
/// ids whole and the other columns readable. The business function goes first because the id
/// usually starts with it; the id itself is never left out.
const LEFT_OUT_FIRST: [&str; 8] = [
    "business_function",
    "retention",
    "processors",
    "special_category",
    "warnings",
    "errors",
    "article6",
    "name",
];

/// Only the columns at these positions, in this order.
pub fn select(table: &Table, positions: &[usize]) -> Table {
    Table {
        name: table.name,
        groups: &[],
        headings: positions
            .iter()
            .map(|&i| table.headings[i].clone())
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| positions.iter().map(|&i| row[i].clone()).collect())
            .collect(),
    }
}

/// The columns named by `--columns`, in the order given (each named as `--sort` names one).
pub fn choose(table: &Table, names: &[String]) -> Result<Table, FatalError> {
    let positions = names
        .iter()
        .map(|name| position(table, name, "--columns"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(select(table, &positions))
}

/// The table narrowed to `width` for a terminal: columns are left out in the order of
/// [`LEFT_OUT_FIRST`] until the ids fit whole and the rest readably. Returns the headings of
/// the columns left out, so the reader can be told.
pub fn fit_to(table: Table, width: u16) -> (Table, Vec<&'static str>) {
    let mut table = table;
    let mut left_out = Vec::new();
    for key in LEFT_OUT_FIRST {
        if table.rows.is_empty() || layout::fits_readably(&table, width) {
            break;
        }
        let Some(index) = table.headings.iter().position(|h| h.key == key) else {
            continue;
        };
        left_out.push(table.headings[index].heading);
        let keep: Vec<usize> = (0..table.headings.len()).filter(|&i| i != index).collect();
        table = select(&table, &keep);
    }
    (table, left_out)
}

/// The shortest heading word that names a column on its own: shorter words ("Art", "6") are
/// parts of a heading, not names for it.
const MIN_SORT_WORD: usize = 4;

/// Sorts the rows by a column, named by its key, its heading or a whole word of at least
/// [`MIN_SORT_WORD`] letters found in no other heading (`business_function`,
/// `"Business function"`, `function`): counts most first, Yes before No, text A to Z without
/// regard to case, empty cells last; rows that tie keep the register's order (by id).
pub fn sort(table: &mut Table, column: &str) -> Result<(), FatalError> {
    let index = position(table, column, "--sort")?;
    table.rows.sort_by(|a, b| compare(&a[index], &b[index]));
    Ok(())
}

/// The position of the column `column` names for `flag`: its key, its heading, or a word of
/// one heading alone.
fn position(table: &Table, column: &str, flag: &str) -> Result<usize, FatalError> {
    let keys: Vec<&str> = table.headings.iter().map(|h| h.key).collect();
    let wanted = normalise(column);
    if wanted.is_empty() {
        return Err(FatalError::new(format!("{flag} needs a column"))
            .with_help(format!("columns: {}", keys.join(", "))));
    }
    let exact = table
        .headings
        .iter()
        .position(|h| normalise(h.key) == wanted || normalise(h.heading) == wanted);
    // A word of one heading alone, such as `basis` or `function`, names that column too.
    let by_word = || {
        let word = column.trim();
        if word.chars().count() < MIN_SORT_WORD || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let mut found = table.headings.iter().enumerate().filter(|(_, h)| {
            h.heading
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        });
        match (found.next(), found.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
    };
    exact.or_else(by_word).ok_or_else(|| {
        let hint = did_you_mean(column, keys.iter().copied())
            .map(|k| format!("did you mean `{flag} {k}`? "))
            .unwrap_or_default();
        FatalError::new(format!("`{column}` is not a column of the list ({flag})"))
            .with_help(format!("{hint}columns: {}", keys.join(", ")))
    })
}

fn normalise(text: &str) -> String {
    text.trim().to_lowercase().replace(['-', ' '], "_")
}

fn compare(a: &Cell, b: &Cell) -> Ordering {
    match (a, b) {
        (Cell::Empty, Cell::Empty) => Ordering::Equal,
        (Cell::Empty, _) => Ordering::Greater,
        (_, Cell::Empty) => Ordering::Less,
        (Cell::Number(a), Cell::Number(b)) => b.cmp(a),
        (Cell::YesNo(a), Cell::YesNo(b)) => b.cmp(a),
        (a, b) => a
            .joined("\n")
            .to_lowercase()
            .cmp(&b.joined("\n").to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Heading;

    fn table(cells: Vec<Cell>) -> Table {
        Table {
            name: "t",
            groups: &[],
            headings: vec![Heading {
                key: "business_function",
                heading: "Business function",
                width: 1.0,
                yes_no: false,
            }],
            rows: cells.into_iter().map(|c| vec![c]).collect(),
        }
    }

    #[test]
    fn sorting_puts_most_first_text_a_to_z_and_empty_last() {
        let mut counts = table(vec![Cell::Number(1), Cell::Empty, Cell::Number(3)]);
        sort(&mut counts, "Business function").unwrap();
        assert_eq!(
            counts.rows,
            [[Cell::Number(3)], [Cell::Number(1)], [Cell::Empty]]
        );
        let text = |t: &str| Cell::Text(t.into());
        let mut words = table(vec![text("b"), Cell::Empty, text("A")]);
        sort(&mut words, "business-function").unwrap();
        assert_eq!(words.rows, [[text("A")], [text("b")], [Cell::Empty]]);
        sort(&mut words, "Function").unwrap();
        // Parts of a heading and blanks name no column.
        for fragment in ["", " ", "Bus", "6", "(Art"] {
            assert!(sort(&mut words, fragment).is_err(), "{fragment:?}");
        }
        assert_eq!(
            sort(&mut words, "").unwrap_err().message,
            "--sort needs a column"
        );
        let err = sort(&mut words, "busness_function").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `--sort business_function`? columns: business_function")
        );
    }

    fn wide_table() -> Table {
        let headings = ["id", "name", "business_function", "retention", "errors"]
            .into_iter()
            .map(|key| Heading {
                key,
                heading: key,
                width: 20.0,
                yes_no: false,
            })
            .collect();
        let row = |id: &str| {
            vec![
                Cell::Text(id.into()),
                Cell::Text("Call recording of every customer".into()),
                Cell::Text("Customer Services".into()),
                Cell::Text("Call recordings: 6 months from the date of the call".into()),
                Cell::Number(1),
            ]
        };
        Table {
            name: "t",
            groups: &[],
            headings,
            rows: vec![row("customer-services/call-recording"), row("a/b")],
        }
    }

    #[test]
    fn a_narrow_terminal_leaves_columns_out_in_order_and_keeps_ids_whole() {
        let (wide, left_out) = fit_to(wide_table(), 200);
        assert!(left_out.is_empty());
        assert_eq!(wide.headings.len(), 5);
        let (narrow, left_out) = fit_to(wide_table(), 60);
        assert_eq!(left_out, ["business_function", "retention"]);
        let keys: Vec<&str> = narrow.headings.iter().map(|h| h.key).collect();
        assert_eq!(keys, ["id", "name", "errors"]);
        assert_eq!(narrow.rows[0][2], Cell::Number(1));
        let text = crate::export::terminal::render_table(&narrow, 60);
        let text = anstream::adapter::strip_str(&text).to_string();
        assert!(
            text.contains("│ customer-services/call-recording │"),
            "{text}"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
    }

    #[test]
    fn chosen_columns_come_in_the_order_given() {
        let table = choose(&wide_table(), &["errors".into(), "id".into()]).unwrap();
        assert_eq!(table.rows[1], [Cell::Number(1), Cell::Text("a/b".into())]);
        let err = choose(&wide_table(), &["idd".into()]).unwrap_err();
        assert_eq!(err.message, "`idd` is not a column of the list (--columns)");
    }
}
