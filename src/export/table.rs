//! A sheet of the export as plain data: headings and cells, before any file format.
//!
//! Every format (XLSX, CSV, and the terminal lists) renders the same [`Table`], so a column is
//! defined once — its heading, width and how its value is worked out — in [`Column`].

use std::borrow::Cow;

use rayon::prelude::*;

/// One cell's value, kept structured until a format decides how to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Not recorded.
    Empty,
    Text(String),
    /// Several items: one per line in a spreadsheet cell, joined with a separator in CSV. An
    /// empty list was recorded as "none", unlike [`Cell::Empty`].
    List(Vec<String>),
    /// A Yes/No answer, as the ICO template's Yes/No columns expect.
    YesNo(bool),
    /// A count, such as a number of lint findings or of activities: a number in JSON, so
    /// dashboards can add them up.
    Number(u64),
}

/// What an empty recorded list is shown as, so "recorded as none" differs from "not recorded".
pub const NONE_RECORDED: &str = "None";

impl Cell {
    /// Text from an optional string, exactly as recorded; blank text counts as not recorded.
    pub fn text(value: Option<&str>) -> Cell {
        match value {
            Some(text) if !text.trim().is_empty() => Cell::Text(text.to_string()),
            _ => Cell::Empty,
        }
    }

    /// A list from an optional list: absent is [`Cell::Empty`], `[]` is an empty list.
    pub fn list<T: AsRef<str>>(value: Option<&[T]>) -> Cell {
        value.map_or(Cell::Empty, |items| {
            Cell::List(items.iter().map(|i| i.as_ref().to_string()).collect())
        })
    }

    /// A list that is empty only because nothing applied, shown as not recorded.
    pub fn lines(items: Vec<String>) -> Cell {
        if items.is_empty() {
            Cell::Empty
        } else {
            Cell::List(items)
        }
    }

    pub fn yes_no(value: Option<bool>) -> Cell {
        value.map_or(Cell::Empty, Cell::YesNo)
    }

    /// The cell as one string, list items joined with `separator` (borrowed where it is one
    /// already: a register's export has hundreds of thousands of cells).
    pub fn joined(&self, separator: &str) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) => Cow::Borrowed(text),
            Cell::List(items) if items.is_empty() => Cow::Borrowed(NONE_RECORDED),
            Cell::List(items) => match items.as_slice() {
                [one] => Cow::Borrowed(one),
                _ => Cow::Owned(items.join(separator)),
            },
            Cell::YesNo(value) => Cow::Borrowed(crate::describe::yes_no(*value)),
            Cell::Number(value) => Cow::Owned(value.to_string()),
        }
    }
}

/// How one column is headed, sized and filled from a row of type `R`.
pub struct Column<R: ?Sized> {
    /// The key in JSON output, in snake_case.
    pub key: &'static str,
    /// The heading, word for word (for the ICO columns, the template's wording).
    pub heading: &'static str,
    /// The width in a spreadsheet, in characters.
    pub width: f64,
    /// Cells are Yes/No answers (validated as such in the spreadsheet).
    pub yes_no: bool,
    pub value: fn(&R) -> Cell,
}

impl<R: ?Sized> Column<R> {
    /// The column's heading and layout.
    pub fn heading(&self) -> Heading {
        Heading {
            key: self.key,
            heading: self.heading,
            width: self.width,
            yes_no: self.yes_no,
        }
    }
}

/// A column's heading and layout, without the function that fills it.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub key: &'static str,
    pub heading: &'static str,
    pub width: f64,
    pub yes_no: bool,
}

/// A heading that spans several columns, like the ICO template's row of group headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub title: &'static str,
    /// The first and last column it spans, counting from 0.
    pub first: usize,
    pub last: usize,
}

/// A finished sheet: its name, headings and cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The worksheet name (at most 31 characters, as Excel requires).
    pub name: &'static str,
    pub groups: &'static [Group],
    pub headings: Vec<Heading>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Fills the columns for every item, in parallel (rows keep the items' order).
    pub fn build<R: Sync>(
        name: &'static str,
        groups: &'static [Group],
        columns: &[Column<R>],
        items: &[R],
    ) -> Table {
        let headings = columns.iter().map(Column::heading).collect();
        let rows = items.par_iter().map(|item| cells(columns, item)).collect();
        Table {
            name,
            groups,
            headings,
            rows,
        }
    }
}

/// One item's row: each column's cell.
fn cells<R>(columns: &[Column<R>], item: &R) -> Vec<Cell> {
    columns.iter().map(|c| (c.value)(item)).collect()
}

/// A sheet whose cells are made when asked for, row by row: a format that writes each row
/// and lets it go (CSV) never holds the whole sheet, which at 10,000 activities is a copy
/// of most of the register. A [`Table`] already made can stand in for one.
pub struct LazyTable<'a> {
    pub name: &'static str,
    pub groups: &'static [Group],
    pub headings: Vec<Heading>,
    rows: Rows<'a>,
}

enum Rows<'a> {
    Made(Vec<Vec<Cell>>),
    ToMake {
        len: usize,
        row: Box<dyn Fn(usize) -> Vec<Cell> + Sync + 'a>,
    },
}

impl<'a> LazyTable<'a> {
    /// The sheet of `columns` over `items`, one row per item in order.
    pub fn new<R: Sync + 'a>(
        name: &'static str,
        groups: &'static [Group],
        columns: Vec<Column<R>>,
        items: Vec<R>,
    ) -> Self {
        let headings = columns.iter().map(Column::heading).collect();
        let len = items.len();
        let row = Box::new(move |at: usize| match items.get(at) {
            Some(item) => cells(&columns, item),
            None => Vec::new(),
        });
        LazyTable {
            name,
            groups,
            headings,
            rows: Rows::ToMake { len, row },
        }
    }

    /// How many rows the sheet has.
    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Made(rows) => rows.len(),
            Rows::ToMake { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Gives `use_row` the cells of row `at` (counting from 0; none past the last row),
    /// made now unless they were made already.
    pub fn with_row<T>(&self, at: usize, use_row: impl FnOnce(&[Cell]) -> T) -> T {
        match &self.rows {
            Rows::Made(rows) => use_row(rows.get(at).map_or(&[], Vec::as_slice)),
            Rows::ToMake { row, .. } => use_row(&row(at)),
        }
    }

    /// Every row made at once, in parallel.
    pub fn into_table(self) -> Table {
        let rows = match self.rows {
            Rows::Made(rows) => rows,
            Rows::ToMake { len, row } => (0..len).into_par_iter().map(&row).collect(),
        };
        Table {
            name: self.name,
            groups: self.groups,
            headings: self.headings,
            rows,
        }
    }
}

impl From<Table> for LazyTable<'_> {
    fn from(table: Table) -> Self {
        LazyTable {
            name: table.name,
            groups: table.groups,
            headings: table.headings,
            rows: Rows::Made(table.rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet made row by row has the cells of the sheet made at once, and none past its end.
    #[test]
    fn a_lazy_table_makes_the_rows_a_table_holds() {
        let columns = || {
            vec![
                Column {
                    key: "n",
                    heading: "N",
                    width: 5.0,
                    yes_no: false,
                    value: |n: &u64| Cell::Number(*n),
                },
                Column {
                    key: "odd",
                    heading: "Odd",
                    width: 5.0,
                    yes_no: true,
                    value: |n: &u64| Cell::YesNo(n % 2 == 1),
                },
            ]
        };
        let items: Vec<u64> = (0..1000).collect();
        let made = Table::build("T", &[], &columns(), &items);
        let lazy = LazyTable::new("T", &[], columns(), items);
        assert_eq!(lazy.len(), 1000);
        assert_eq!(lazy.with_row(7, <[Cell]>::to_vec), made.rows[7]);
        assert!(lazy.with_row(1000, <[Cell]>::is_empty));
        assert_eq!(lazy.into_table(), made);
        let back = LazyTable::from(made.clone());
        assert_eq!(back.with_row(999, <[Cell]>::to_vec), made.rows[999]);
        assert_eq!(back.into_table(), made);
    }

    #[test]
    fn not_recorded_and_recorded_as_none_differ() {
        assert_eq!(Cell::list::<String>(None).joined("; "), "");
        assert_eq!(Cell::list::<String>(Some(&[])).joined("; "), "None");
        assert_eq!(Cell::list(Some(&["a", "b"])).joined("; "), "a; b");
        assert_eq!(Cell::text(Some("  ")), Cell::Empty);
        assert_eq!(Cell::yes_no(Some(false)).joined(""), "No");
        assert_eq!(Cell::Number(41).joined(""), "41");
    }
}
