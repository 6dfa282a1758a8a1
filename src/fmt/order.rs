//! Putting the keys of a table, or of an inline table, in the model's order: one algorithm for
//! both kinds of table.
// Indexing cannot panic here: positions come from the same list of keys.
#![allow(clippy::indexing_slicing)]

use toml_edit::{InlineTable, Item, Key, Table, Value};

use super::shape::Shape;

/// A table whose entries can be taken out and put back at the end, keeping their formatting.
pub trait Entries {
    type Entry;
    fn keys(&self) -> Vec<String>;
    fn take(&mut self, key: &str) -> Option<(Key, Self::Entry)>;
    fn put(&mut self, key: &Key, entry: Self::Entry);
}

impl Entries for Table {
    type Entry = Item;
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
    let keys = table.keys();
    let Some(order) = sorted_order(&keys, shape) else {
        return;
    };
    let mut entries: Vec<Option<(Key, T::Entry)>> = keys.iter().map(|k| table.take(k)).collect();
    for i in order {
        if let Some((key, entry)) = entries[i].take() {
            table.put(&key, entry);
        }
    }
}

/// The order to put `keys` in (indices into it): the model's order, then unknown keys as they
/// were. `None` when they already are in order.
fn sorted_order(keys: &[String], shape: &Shape) -> Option<Vec<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by_key(|&i| (shape.rank(&keys[i]).unwrap_or(usize::MAX), i));
    (!order.iter().enumerate().all(|(at, &i)| at == i)).then_some(order)
}
