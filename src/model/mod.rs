//! The register's typed model. These types are the one description of the file format: the
//! JSON Schemas are generated from them.

mod activity;
mod config;
mod period;
mod processor;
mod types;

pub use activity::{
    Activity, AutomatedDecisionMaking, Breach, ControllerActedFor, Dpia, JointController,
    LawfulBasis, PolicyDocument, Retention, Risk, Transfer, Waiver,
};
pub use config::{Config, Contact, Controller, LintSettings, Review};
pub use period::Period;
pub use processor::{Processor, SubProcessor, SubProcessorDetails};
pub use types::{
    COUNTRY_PATTERN, CountryCode, Date, ID_PATTERN, ProcessorId, is_id_segment, suggest_id_segment,
};

use crate::document::Document;
use crate::files::{FileId, Files};

/// A file of the register that loaded cleanly: its id, where it came from, its spans and value.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The activity or processor id (`customer-services/call-recording`); `ropa` for ropa.toml.
    pub id: String,
    pub file: FileId,
    pub doc: Document,
    pub value: T,
}

/// A register: the settings and every activity and processor that loaded, sorted by path.
#[derive(Debug, Clone, Default)]
pub struct Register {
    pub files: Files,
    /// `None` when ropa.toml has problems; rules then use the defaults.
    pub config: Option<Loaded<Config>>,
    pub activities: Vec<Loaded<Activity>>,
    pub processors: Vec<Loaded<Processor>>,
}

impl Register {
    pub fn processor(&self, id: &str) -> Option<&Loaded<Processor>> {
        self.processors.iter().find(|p| p.id == id)
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
