//! What a lint rule is: its name, default severity, documentation and check.
// Indexing cannot panic here: the finding was just pushed, so the last index exists.
#![allow(clippy::indexing_slicing)]

use std::ops::Range;

use crate::diag::{FileId, Severity};
use crate::load::Seg;
use crate::model::{Activity, Date, Loaded, Processor, Register};

/// One lint rule. Every rule lives in the static table [`super::rules::RULES`]; `ropa rules`,
/// `ropa explain`, SARIF metadata and the README's rule list are all generated from it.
pub struct Rule {
    /// The rule's kebab-case name, part of the public interface (waivers and overrides use it).
    pub name: &'static str,
    /// The severity unless `ropa.toml` or a flag says otherwise.
    pub severity: Severity,
    /// One line saying what the rule finds.
    pub summary: &'static str,
    /// Why it matters and what to do, citing the legal source.
    pub explanation: &'static str,
    /// The legal source in short form, e.g. "UK GDPR Art 30(1)(b)".
    pub source: &'static str,
    /// Register files that trigger the rule (the standard `ropa.toml` is added unless given).
    pub fails: Example,
    /// The same files, fixed.
    pub passes: Example,
    pub check: Check,
}

/// Files of a small register: `(path, text)` pairs.
pub type Example = &'static [(&'static str, &'static str)];

/// What a rule looks at.
pub enum Check {
    /// Each activity in turn.
    Activity(fn(&ActivityCtx<'_>, &mut Findings)),
    /// Each processor in turn.
    Processor(fn(&ProcessorCtx<'_>, &mut Findings)),
    /// The register as a whole (ropa.toml, cross-file checks).
    Register(fn(&RegisterCtx<'_>, &mut Findings)),
    /// Found by the engine itself (waiver hygiene).
    Engine,
}

/// The register and the date rules compare against.
pub struct RegisterCtx<'a> {
    pub register: &'a Register,
    pub today: Date,
}

impl RegisterCtx<'_> {
    /// The file of ropa.toml, when it loaded.
    pub fn config_file(&self) -> Option<FileId> {
        self.register.config.as_ref().map(|c| c.file)
    }
}

/// One activity and its register.
pub struct ActivityCtx<'a> {
    pub register: &'a Register,
    pub today: Date,
    pub loaded: &'a Loaded<Activity>,
}

impl<'a> ActivityCtx<'a> {
    pub fn activity(&self) -> &'a Activity {
        &self.loaded.value
    }

    pub fn file(&self) -> FileId {
        self.loaded.file
    }

    /// Where to point for `path`: the value when present, else the nearest enclosing table's
    /// key, else the activity's `name`, so a finding about something missing lands on a line
    /// that identifies the activity.
    pub fn at(&self, path: &[Seg<'_>]) -> Range<usize> {
        let doc = &self.loaded.doc;
        if let Some(found) = doc.find(path) {
            return found.value;
        }
        let span = doc.span_for(path);
        if span == (0..0) {
            doc.key_span_for(&[Seg::Key("name")])
        } else {
            span
        }
    }

    /// Like [`Self::at`] but the key rather than the value (`[lawful_basis]` rather than its body).
    pub fn key_at(&self, path: &[Seg<'_>]) -> Range<usize> {
        match self.loaded.doc.find(path) {
            Some(found) => found.key.unwrap_or(found.value),
            None => self.at(path),
        }
    }

    pub fn is_public_authority(&self) -> bool {
        self.register.is_public_authority()
    }

    /// Whether the activity belongs to the controller record (Art 30(1)). Processor activities
    /// follow Art 30(2): no purposes, subjects, retention or lawful basis of their own.
    pub fn is_controller_record(&self) -> bool {
        self.activity().role() != crate::vocab::Role::Processor
    }
}

/// One processor and its register.
pub struct ProcessorCtx<'a> {
    pub register: &'a Register,
    pub today: Date,
    pub loaded: &'a Loaded<Processor>,
}

impl<'a> ProcessorCtx<'a> {
    pub fn processor(&self) -> &'a Processor {
        &self.loaded.value
    }

    pub fn file(&self) -> FileId {
        self.loaded.file
    }

    /// Where to point for `path`, falling back to the processor's `name`.
    pub fn at(&self, path: &[Seg<'_>]) -> Range<usize> {
        let doc = &self.loaded.doc;
        match doc.find(path) {
            Some(found) => found.value,
            None => doc.key_span_for(&[Seg::Key("name")]),
        }
    }
}

/// A finding before the engine gives it its rule name and final severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    /// Set when the rule's severity depends on the case (e.g. `dpo-missing` is an error only
    /// for a public authority); overrides from ropa.toml and flags still apply on top.
    pub severity: Option<Severity>,
}

impl Finding {
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = Some(severity);
        self
    }
}

/// Where a rule's check puts its findings.
#[derive(Debug, Default)]
pub struct Findings {
    pub(crate) items: Vec<Finding>,
}

impl Findings {
    /// Records a finding; chain `.help(…)` to say how to fix it.
    pub fn report(
        &mut self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.items.push(Finding {
            file,
            span,
            message: message.into(),
            help: None,
            severity: None,
        });
        let last = self.items.len() - 1;
        &mut self.items[last]
    }

    /// Adds findings made apart (on another core), after these.
    pub fn append(&mut self, mut other: Findings) {
        self.items.append(&mut other.items);
    }
}

/// Shorthand for a key step in a path: `K("lawful_basis")`.
#[allow(non_snake_case)]
pub const fn K(key: &str) -> Seg<'_> {
    Seg::Key(key)
}

/// Shorthand for an index step in a path: `I(0)`.
#[allow(non_snake_case)]
pub const fn I(index: usize) -> Seg<'static> {
    Seg::Index(index)
}

/// True when an optional text is absent or only white space.
pub fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

/// True when an optional list is absent or empty.
pub fn none_listed<T>(list: &Option<Vec<T>>) -> bool {
    list.as_ref().is_none_or(Vec::is_empty)
}
