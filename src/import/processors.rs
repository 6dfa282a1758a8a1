//! The processors an import finds — in a processors sheet, the contract column, "(processor)"
//! in the recipients, a Processors column — each given one id and one file, however many rows
//! name it.
// Indexing cannot panic here: processor indexes are handed out by this table as it grows.
#![allow(clippy::indexing_slicing)]

use std::collections::HashMap;

use crate::model::{Processor, suggest_id_segment};
use crate::vocab::matcher::normalise;

/// A processor found in the spreadsheet.
#[derive(Debug, Clone)]
pub struct Found {
    pub id: String,
    pub value: Processor,
    /// `false` for a processor the spreadsheet names only by id and says has no file
    /// ("capita: no file in processors/"), which stays without one.
    pub has_file: bool,
}

/// Every processor found so far, by id and by name.
#[derive(Debug, Default)]
pub struct Processors {
    list: Vec<Found>,
    by_name: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
}

impl Processors {
    /// The processor with this name, made when it is new; its id.
    pub fn named(&mut self, name: &str) -> String {
        let key = normalise(name);
        if let Some(&index) = self.by_name.get(&key) {
            return self.list[index].id.clone();
        }
        let mut base = suggest_id_segment(name);
        if base.is_empty() {
            base = "processor".to_string();
        }
        let id = self.unused_id(&base);
        self.add(Found {
            id: id.clone(),
            value: Processor {
                name: name.trim().to_string(),
                ..Processor::default()
            },
            has_file: true,
        });
        id
    }

    /// A processor from a processors sheet, with its id as the sheet gives it.
    pub fn with_id(&mut self, id: &str, value: Processor) -> String {
        if let Some(&index) = self.by_id.get(id) {
            return self.list[index].id.clone();
        }
        let id = self.unused_id(id);
        self.add(Found {
            id: id.clone(),
            value,
            has_file: true,
        });
        id
    }

    /// An id named without a file.
    pub fn without_file(&mut self, id: &str) -> String {
        if let Some(&index) = self.by_id.get(id) {
            return self.list[index].id.clone();
        }
        self.add(Found {
            id: id.to_string(),
            value: Processor {
                name: id.to_string(),
                ..Processor::default()
            },
            has_file: false,
        });
        id.to_string()
    }

    /// The id of a processor already found under this name (or "name (service)").
    pub fn find(&self, text: &str) -> Option<&Found> {
        let key = normalise(text);
        if let Some(&index) = self.by_name.get(&key) {
            return Some(&self.list[index]);
        }
        // "Rostrvm Solutions Ltd (Call recording and storage)", as the export writes it; the
        // service may have brackets of its own.
        text.match_indices(" (")
            .filter(|_| text.ends_with(')'))
            .find_map(|(at, _)| self.by_name.get(&normalise(&text[..at])))
            .map(|&index| &self.list[index])
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Processor> {
        let index = *self.by_id.get(id)?;
        Some(&mut self.list[index].value)
    }

    pub fn into_list(self) -> Vec<Found> {
        self.list
    }

    pub fn len(&self) -> usize {
        self.list.iter().filter(|p| p.has_file).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn unused_id(&self, base: &str) -> String {
        if !self.by_id.contains_key(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.by_id.contains_key(id))
            .unwrap_or_else(|| base.to_string())
    }

    fn add(&mut self, found: Found) {
        let index = self.list.len();
        self.by_name
            .entry(normalise(&found.value.name))
            .or_insert(index);
        self.by_id.insert(found.id.clone(), index);
        self.list.push(found);
    }
}
