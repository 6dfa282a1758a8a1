//! Severity overrides: `[lint] deny/warn/allow` in ropa.toml and `-D/-W/-A` on the command line,
//! applied in one place (command line over ropa.toml over the rule's default).

use super::rules::{RULES, rule_named};
use crate::diag::{Diagnostic, Severity};
use crate::load::{Seg, did_you_mean};
use crate::model::Register;

/// How a rule is reported after overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Error => Level::Deny,
            Severity::Warning => Level::Warn,
        }
    }
}

/// One source of overrides. `deny` wins over `warn`, which wins over `allow`, when a rule is
/// named in more than one list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub deny: Vec<String>,
    pub warn: Vec<String>,
    pub allow: Vec<String>,
    /// `-D warnings`: every warning becomes an error.
    pub deny_warnings: bool,
    /// `-A warnings`: no warning is reported.
    pub allow_warnings: bool,
}

/// The name that stands for "every warning" in `-D warnings`.
pub const WARNINGS: &str = "warnings";

impl Overrides {
    /// The level of `rule` after these overrides, starting from `level`.
    pub fn apply(&self, rule: &str, level: Level) -> Level {
        let named = |list: &[String]| list.iter().any(|r| r == rule);
        let mut level = level;
        if named(&self.allow) {
            level = Level::Allow;
        }
        if named(&self.warn) {
            level = Level::Warn;
        }
        if named(&self.deny) {
            level = Level::Deny;
        }
        if self.deny_warnings && level == Level::Warn {
            level = Level::Deny;
        }
        if self.allow_warnings && level == Level::Warn {
            level = Level::Allow;
        }
        level
    }

    /// Builds command-line overrides, rejecting unknown rule names with a suggestion.
    pub fn from_flags(deny: &[String], warn: &[String], allow: &[String]) -> Result<Self, String> {
        let mut out = Overrides::default();
        for name in deny {
            if name == WARNINGS {
                out.deny_warnings = true;
            } else {
                check_name(name)?;
                out.deny.push(name.clone());
            }
        }
        for name in warn {
            check_name(name)?;
        }
        for name in allow {
            if name == WARNINGS {
                out.allow_warnings = true;
            } else {
                check_name(name)?;
                out.allow.push(name.clone());
            }
        }
        out.warn = warn.to_vec();
        Ok(out)
    }

    /// The `[lint]` table of ropa.toml, and a diagnostic for each name that is not a rule.
    pub fn from_register(register: &Register) -> (Self, Vec<Diagnostic>) {
        let Some(config) = &register.config else {
            return (Self::default(), Vec::new());
        };
        let Some(lint) = &config.value.lint else {
            return (Self::default(), Vec::new());
        };
        let mut problems = Vec::new();
        for (list, names) in [
            ("deny", &lint.deny),
            ("warn", &lint.warn),
            ("allow", &lint.allow),
        ] {
            for (i, name) in names.iter().enumerate() {
                if list == "deny" && name == WARNINGS {
                    continue;
                }
                if let Err(message) = check_name(name) {
                    let span =
                        config
                            .doc
                            .span_for(&[Seg::Key("lint"), Seg::Key(list), Seg::Index(i)]);
                    problems.push(
                        Diagnostic::error("unknown-rule", config.file, span, message)
                            .with_help("`ropa rules` lists every rule"),
                    );
                }
            }
        }
        let overrides = Overrides {
            deny: lint
                .deny
                .iter()
                .filter(|n| *n != WARNINGS)
                .cloned()
                .collect(),
            warn: lint.warn.clone(),
            allow: lint.allow.clone(),
            deny_warnings: lint.deny.iter().any(|n| n == WARNINGS),
            allow_warnings: false,
        };
        (overrides, problems)
    }
}

fn check_name(name: &str) -> Result<(), String> {
    if rule_named(name).is_some() {
        return Ok(());
    }
    Err(match did_you_mean(name, RULES.iter().map(|r| r.name)) {
        Some(near) => format!("`{name}` is not a lint rule; did you mean `{near}`?"),
        None => format!("`{name}` is not a lint rule"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deny_beats_warn_beats_allow_and_deny_warnings_escalates() {
        let o = Overrides {
            deny: vec!["a".into()],
            warn: vec!["a".into(), "b".into()],
            allow: vec!["b".into(), "c".into()],
            ..Default::default()
        };
        assert_eq!(o.apply("a", Level::Allow), Level::Deny);
        assert_eq!(o.apply("b", Level::Deny), Level::Warn);
        assert_eq!(o.apply("c", Level::Deny), Level::Allow);
        assert_eq!(o.apply("d", Level::Warn), Level::Warn);
        let all = Overrides {
            deny_warnings: true,
            ..Default::default()
        };
        assert_eq!(all.apply("d", Level::Warn), Level::Deny);
        assert_eq!(all.apply("d", Level::Allow), Level::Allow);
    }

    #[test]
    fn unknown_flag_names_are_refused_with_a_suggestion() {
        let err = Overrides::from_flags(&["purpose-missing".into()], &[], &[]).unwrap_err();
        assert_eq!(
            err,
            "`purpose-missing` is not a lint rule; did you mean `purposes-missing`?"
        );
        assert!(
            Overrides::from_flags(&["warnings".into()], &[], &[])
                .unwrap()
                .deny_warnings
        );
    }
}
