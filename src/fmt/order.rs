//! Putting the keys of a table, or of an inline table, in the model's order: one algorithm for
//! both kinds of table.
// Indexing cannot panic here: positions come from the same list of keys.
#![allow(clippy::indexing_slicing)]

use toml_edit::{InlineTable, Item, Key, Table, Value};

use super::shape::Shape;

/// A table whose entries can be taken out and put back at the end, keeping their formatting.
pub trait Entries {
    type Entry;
    /// Each key's place in the model's order, in the table's order (see [`Slot`]).
    fn slots(&self, shape: &Shape) -> Vec<Slot>;
    fn keys(&self) -> Vec<String>;
    fn take(&mut self, key: &str) -> Option<(Key, Self::Entry)>;
    fn put(&mut self, key: &Key, entry: Self::Entry);
}

/// Where a key goes. Lines under a table (`key = value`, dotted keys) always print before the
/// tables with their own `[header]`, whatever the order of the two in memory, so each group is
/// ordered on its own: a file already in order is not taken apart and put together again
/// (every file has its plain keys before its tables, while the model mixes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    has_header: bool,
    /// The key's place among the model's fields; unknown keys after the known ones.
    rank: usize,
}

impl Entries for Table {
    type Entry = Item;
    fn slots(&self, shape: &Shape) -> Vec<Slot> {
        self.iter()
            .map(|(key, item)| Slot {
                has_header: match item {
                    Item::Table(table) => !table.is_dotted(),
                    Item::ArrayOfTables(_) => true,
                    Item::None | Item::Value(_) => false,
                },
                rank: shape.rank(key).unwrap_or(usize::MAX),
            })
            .collect()
    }
    fn keys(&self) -> Vec<String> {
        self.iter().map(|(k, _)| k.to_string()).collect()
    }
    fn take(&mut self, key: &str) -> Option<(Key, Item)> {
        self.remove_entry(key)
    }
    fn put(&mut self, key: &Key, entry: Item) {
        self.insert_formatted(key, entry);
    }
}

impl Entries for InlineTable {
    type Entry = Value;
    fn slots(&self, shape: &Shape) -> Vec<Slot> {
        self.iter()
            .map(|(key, _)| Slot {
                has_header: false,
                rank: shape.rank(key).unwrap_or(usize::MAX),
            })
            .collect()
    }
    fn keys(&self) -> Vec<String> {
        self.iter().map(|(k, _)| k.to_string()).collect()
    }
    fn take(&mut self, key: &str) -> Option<(Key, Value)> {
        self.remove_entry(key)
    }
    fn put(&mut self, key: &Key, entry: Value) {
        self.insert_formatted(key, entry);
    }
}

/// Puts a table's keys in the model's order; unknown keys follow in their own order. Nothing
/// moves when they already are in order (or the table has no shape).
pub fn reorder<T: Entries>(table: &mut T, shape: Option<&Shape>) {
    let Some(shape) = shape else { return };
    let Some(order) = sorted_order(&table.slots(shape)) else {
        return;
    };
    let keys = table.keys();
    let mut entries: Vec<Option<(Key, T::Entry)>> = keys.iter().map(|k| table.take(k)).collect();
    for i in order {
        if let Some((key, entry)) = entries[i].take() {
            table.put(&key, entry);
        }
    }
}

/// The order to put the keys in (indices into `slots`): by place, keys of one place (unknown
/// keys) as they were. `None` when they already are in order.
fn sorted_order(slots: &[Slot]) -> Option<Vec<usize>> {
    if slots.is_sorted() {
        return None;
    }
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| (slots[i], i));
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(rank: usize) -> Slot {
        Slot {
            has_header: false,
            rank,
        }
    }

    fn header(rank: usize) -> Slot {
        Slot {
            has_header: true,
            rank,
        }
    }

    #[test]
    fn plain_keys_before_tables_are_in_order_whatever_the_model_says() {
        // The model puts field 1 (a table) between fields 0 and 2 (plain keys).
        assert_eq!(sorted_order(&[line(0), line(2), header(1)]), None);
        assert_eq!(
            sorted_order(&[line(0), line(2), header(1), header(3)]),
            None
        );
    }

    #[test]
    fn keys_out_of_order_within_their_group_move() {
        assert_eq!(sorted_order(&[line(2), line(0)]), Some(vec![1, 0]));
        assert_eq!(
            sorted_order(&[line(0), header(3), header(1)]),
            Some(vec![0, 2, 1])
        );
    }

    #[test]
    fn unknown_keys_keep_their_own_order_after_the_known_ones() {
        let unknown = usize::MAX;
        assert_eq!(
            sorted_order(&[line(unknown), line(5), line(unknown), line(1)]),
            Some(vec![3, 1, 0, 2])
        );
    }
}
