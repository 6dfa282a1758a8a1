//! The register's typed model. These types are the one description of the file format: the
//! JSON Schemas are generated from them.

mod activity;
mod config;
mod period;
mod processor;
mod types;

pub use activity::{
    Activity, AutomatedDecisionMaking, Breach, ControllerActedFor, Dpia, JointController,
    LawfulBasis, PolicyDocument, ProvidingData, Retention, Risk, Transfer, Waiver,
};
pub use config::{Config, Contact, Controller, LintSettings, Review};
pub use period::{NUMBER_WORDS, Period};
pub use processor::{Processor, SubProcessor, SubProcessorDetails};
pub use types::{
    COUNTRY_PATTERN, CountryCode, Date, ID_PATTERN, ProcessorId, is_id_segment, suggest_id_segment,
};

use std::collections::HashMap;

use crate::document::Document;
use crate::files::{FileId, Files};

/// A file of the register that loaded cleanly: its id, where it came from, its spans and value.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The activity or processor id (`customer-services/call-recording`); `ropa` for ropa.toml.
    pub id: String,
    pub file: FileId,
    pub doc: Document,
    /// Boxed so that gathering 50,000 activities into the register moves a pointer, not a
    /// kilobyte each into freshly zeroed memory on one thread.
    pub value: Box<T>,
}

/// A register: the settings and every activity and processor that loaded, sorted by path.
#[derive(Debug, Clone, Default)]
pub struct Register {
    pub files: Files,
    /// `None` when ropa.toml has problems; rules then use the defaults.
    pub config: Option<Loaded<Config>>,
    pub activities: Vec<Loaded<Activity>>,
    pub processors: Vec<Loaded<Processor>>,
    /// Lookups by id, built once on first use (after loading, the lists do not change), so
    /// no command scans every activity or processor per item.
    index: std::sync::OnceLock<Index>,
}

/// The register's lookups: processor and activity positions by id, and the activities that
/// name each processor id.
#[derive(Debug, Clone, Default)]
struct Index {
    processors: HashMap<String, usize>,
    activities: HashMap<String, usize>,
    users: HashMap<String, Vec<usize>>,
    /// Answers about processor ids with no file, kept per id (see
    /// [`Register::remembered_for_unknown_processor`]).
    unknown_processors: Remembered,
}

/// Answers kept by key, shared by the threads that lint a register.
#[derive(Debug, Default)]
struct Remembered(std::sync::Mutex<std::collections::HashMap<String, Option<String>>>);

impl Clone for Remembered {
    fn clone(&self) -> Self {
        let kept = self.0.lock().map(|kept| kept.clone()).unwrap_or_default();
        Self(std::sync::Mutex::new(kept))
    }
}

impl Register {
    /// Lets go of every file's text and position tree, keeping paths and values. The text
    /// and the tree are most of a loaded register's memory; a command that has reported
    /// every problem and only reads values (an export) calls this before building its
    /// output, so a large register is not held twice over. No finding can be located after.
    pub fn forget_positions(&mut self) {
        use rayon::prelude::*;
        self.files.forget_texts();
        self.activities
            .par_iter_mut()
            .for_each(|a| a.doc = Document::empty());
        self.processors
            .par_iter_mut()
            .for_each(|p| p.doc = Document::empty());
    }

    /// Builds the id indexes now, on every core, rather than on the first thread that asks
    /// (which the others then wait for). A command about to look up many ids calls this.
    pub fn build_index(&self) {
        self.index();
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let (processors, (activities, users)) = rayon::join(
                || {
                    let mut processors = HashMap::with_capacity(self.processors.len());
                    for (at, p) in self.processors.iter().enumerate() {
                        processors.entry(p.id.clone()).or_insert(at);
                    }
                    processors
                },
                || rayon::join(|| self.activities_by_id(), || self.users_by_processor()),
            );
            Index {
                processors,
                activities,
                users,
                unknown_processors: Remembered::default(),
            }
        })
    }

    fn activities_by_id(&self) -> HashMap<String, usize> {
        let mut activities = HashMap::with_capacity(self.activities.len());
        for (at, a) in self.activities.iter().enumerate() {
            activities.entry(a.id.clone()).or_insert(at);
        }
        activities
    }

    /// For each processor id, the activities that name it, in register order, each once.
    fn users_by_processor(&self) -> HashMap<String, Vec<usize>> {
        let mut users: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, a) in self.activities.iter().enumerate() {
            let mut named: Vec<&str> = a.value.processor_ids().collect();
            named.sort_unstable();
            named.dedup();
            for id in named {
                match users.get_mut(id) {
                    Some(list) => list.push(at),
                    None => {
                        users.insert(id.to_string(), vec![at]);
                    }
                }
            }
        }
        users
    }

    pub fn processor(&self, id: &str) -> Option<&Loaded<Processor>> {
        self.index()
            .processors
            .get(id)
            .and_then(|&at| self.processors.get(at))
    }

    pub fn activity(&self, id: &str) -> Option<&Loaded<Activity>> {
        self.index()
            .activities
            .get(id)
            .and_then(|&at| self.activities.get(at))
    }

    /// `work`'s answer for the processor id `id`, which has no file, worked out once per id for
    /// the register: a "did you mean" compares the id with every processor, and a register
    /// migrated from a spreadsheet may name the same missing processor in thousands of
    /// activities.
    pub fn remembered_for_unknown_processor(
        &self,
        id: &str,
        work: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        let kept = &self.index().unknown_processors.0;
        if let Some(answer) = kept.lock().ok().and_then(|kept| kept.get(id).cloned()) {
            return answer;
        }
        // Worked out without the lock held; two threads asking at once both work it out.
        let answer = work();
        if let Ok(mut kept) = kept.lock() {
            kept.insert(id.to_string(), answer.clone());
        }
        answer
    }

    /// The activities that name the processor `id` in `processors`, in register order.
    pub fn users_of(&self, id: &str) -> impl Iterator<Item = &Loaded<Activity>> {
        self.index()
            .users
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&at| self.activities.get(at))
    }

    pub fn is_public_authority(&self) -> bool {
        self.config
            .as_ref()
            .is_some_and(|c| c.value.is_public_authority())
    }

    pub fn review_interval_months(&self) -> u32 {
        self.config
            .as_ref()
            .map_or(12, |c| c.value.review_interval_months())
    }
}
