//! A [`Table`] as JSON, for `ropa list --format json` and `ropa summary --format json`.
//!
//! A table is an array with one object per row, keyed by each column's [`Heading::key`] in
//! column order. Text is a string, a list an array of strings (`[]` when recorded as none),
//! a Yes/No answer a boolean, a count a number, and a cell that is not recorded is `null`:
//! every key is present in every object, so readers see one shape.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::table::{Cell, Heading, Table};

/// The rows of a table, serialised as an array of objects.
pub struct JsonRows<'a>(pub &'a Table);

/// One row, serialised as an object keyed by the columns' keys.
pub struct JsonRow<'a> {
    pub headings: &'a [Heading],
    pub cells: &'a [Cell],
}

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.rows.len()))?;
        for cells in &self.0.rows {
            seq.serialize_element(&JsonRow {
                headings: &self.0.headings,
                cells,
            })?;
        }
        seq.end()
    }
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.headings.len()))?;
        for (heading, cell) in self.headings.iter().zip(self.cells) {
            map.serialize_entry(heading.key, &JsonCell(cell))?;
        }
        map.end()
    }
}

struct JsonCell<'a>(&'a Cell);

impl Serialize for JsonCell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Cell::Empty => s.serialize_none(),
            Cell::Text(text) => s.serialize_str(text),
            Cell::List(items) => items.serialize(s),
            Cell::YesNo(value) => s.serialize_bool(*value),
            Cell::Number(value) => s.serialize_u64(*value),
        }
    }
}

/// The table as pretty-printed JSON with a final newline.
pub fn table_json(table: &Table) -> Vec<u8> {
    to_json(&JsonRows(table))
}

/// Any serialisable value as pretty-printed JSON with a final newline.
pub fn to_json(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(key: &'static str) -> Heading {
        Heading {
            key,
            heading: key,
            width: 10.0,
            yes_no: false,
        }
    }

    #[test]
    fn cells_keep_their_types_and_columns_their_order() {
        let table = Table {
            name: "t",
            groups: &[],
            headings: ["zeta", "list", "none", "yes", "count", "blank"]
                .into_iter()
                .map(heading)
                .collect(),
            rows: vec![vec![
                Cell::Text("text".into()),
                Cell::List(vec!["a".into()]),
                Cell::List(vec![]),
                Cell::YesNo(true),
                Cell::Number(3),
                Cell::Empty,
            ]],
        };
        let json = String::from_utf8(table_json(&table)).unwrap();
        let compact: String = json.split_whitespace().collect();
        assert_eq!(
            compact,
            r#"[{"zeta":"text","list":["a"],"none":[],"yes":true,"count":3,"blank":null}]"#
        );
    }
}
