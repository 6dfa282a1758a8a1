//! Which activities an export (or a listing) covers: `--function` and `--activity`.

use crate::model::{Activity, Loaded, Processor, Register};
use crate::source::FatalError;

/// The activities chosen on the command line; by default, all of them.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Business functions to keep, compared without regard to case.
    functions: Vec<String>,
    /// Glob patterns over activity ids, such as `customer-services/*`.
    patterns: Vec<glob::Pattern>,
}

impl Selection {
    /// A selection from `--function` and `--activity` values. A bad glob is an error that says
    /// what is wrong with it.
    pub fn new(functions: &[String], activity_globs: &[String]) -> Result<Self, FatalError> {
        let patterns = activity_globs
            .iter()
            .map(|g| {
                glob::Pattern::new(g).map_err(|e| {
                    FatalError::new(format!(
                        "`--activity {g}` is not a valid pattern: {}",
                        e.msg
                    ))
                    .with_help("use * for any characters and ? for one, e.g. `customer-services/*`")
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Selection {
            functions: functions.iter().map(|f| f.trim().to_lowercase()).collect(),
            patterns,
        })
    }

    /// True when no filter was given.
    pub fn is_everything(&self) -> bool {
        self.functions.is_empty() && self.patterns.is_empty()
    }

    pub fn includes(&self, activity: &Loaded<Activity>) -> bool {
        let function_ok = self.functions.is_empty()
            || activity
                .value
                .business_function
                .as_deref()
                .is_some_and(|f| self.functions.contains(&f.trim().to_lowercase()));
        let id_ok =
            self.patterns.is_empty() || self.patterns.iter().any(|p| p.matches(&activity.id));
        function_ok && id_ok
    }

    /// The selected activities, in register order.
    pub fn activities<'a>(&self, register: &'a Register) -> Vec<&'a Loaded<Activity>> {
        register
            .activities
            .iter()
            .filter(|a| self.includes(a))
            .collect()
    }

    /// Every processor when nothing was filtered, else the processors the selected activities
    /// use.
    pub fn processors<'a>(
        &self,
        register: &'a Register,
        activities: &[&Loaded<Activity>],
    ) -> Vec<&'a Loaded<Processor>> {
        register
            .processors
            .iter()
            .filter(|p| {
                self.is_everything()
                    || activities
                        .iter()
                        .any(|a| a.value.processors.iter().flatten().any(|id| id.0 == p.id))
            })
            .collect()
    }
}
