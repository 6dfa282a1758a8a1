//! The lint engine: runs every rule of the table over a register, applies waivers and severity
//! overrides (in that one place), and returns neutral diagnostics for the renderers.
// Indexing cannot panic here: indexes come from enumerating the same activities and findings.
#![allow(clippy::indexing_slicing)]

pub mod baseline;
pub mod fingerprint;
mod overrides;
mod rule;
pub mod rules;

use rayon::prelude::*;

pub use overrides::{Level, Overrides, WARNINGS};
pub use rule::{
    ActivityCtx, Check, Example, Finding, Findings, I, K, ProcessorCtx, RegisterCtx, Rule, blank,
    none_listed,
};
pub use rules::{RULES, rule_named};

use crate::diag::{self, Diagnostic, Severity};
use crate::load::did_you_mean;
use crate::model::{Date, Register};

/// What to lint with.
#[derive(Debug, Clone)]
pub struct LintOptions {
    /// The date date-based rules compare against (`--today`, or the system date).
    pub today: Date,
    /// Severity overrides from the command line (`-D/-W/-A`); ropa.toml's `[lint]` is read from
    /// the register itself.
    pub cli: Overrides,
}

/// A finding silenced by a waiver, kept so it can be counted and shown with `--show-waived`.
#[derive(Debug, Clone)]
pub struct Waived {
    pub diagnostic: Diagnostic,
    pub reason: String,
}

/// The outcome of linting: active findings (sorted by file and position) and waived ones.
#[derive(Debug, Clone, Default)]
pub struct LintReport {
    pub diagnostics: Vec<Diagnostic>,
    pub waived: Vec<Waived>,
}

/// A finding with its rule, before overrides.
struct Raw<'r> {
    rule: &'r Rule,
    finding: Finding,
}

/// Lints a loaded register.
pub fn lint(register: &Register, options: &LintOptions) -> LintReport {
    let today = options.today;
    let mut report = LintReport::default();
    let (config_overrides, mut config_problems) = Overrides::from_register(register);
    // Every activity looks up its processors: the index is built once, before they start.
    register.build_index();

    // Activity rules, one activity per task; waivers are per activity.
    let per_activity: Vec<(Vec<Raw<'static>>, Vec<Waived>, Vec<Raw<'static>>)> = register
        .activities
        .par_iter()
        .map(|loaded| {
            let _reading = crate::crash::reading(register.files.path(loaded.file));
            let ctx = ActivityCtx {
                register,
                today,
                loaded,
            };
            apply_waivers(
                &ctx,
                run_rules(|check, out| {
                    if let Check::Activity(check) = check {
                        check(&ctx, out);
                    }
                }),
            )
        })
        .collect();

    let per_processor: Vec<Raw<'static>> = register
        .processors
        .par_iter()
        .flat_map_iter(|loaded| {
            let ctx = ProcessorCtx {
                register,
                today,
                loaded,
            };
            run_rules(|check, out| {
                if let Check::Processor(check) = check {
                    check(&ctx, out);
                }
            })
        })
        .collect();
    let ctx = RegisterCtx { register, today };
    let per_register = run_rules(|check, out| {
        if let Check::Register(check) = check {
            check(&ctx, out);
        }
    });

    // The findings go straight into one list of its final size: this runs on one thread, and
    // lists grown step by step there moved into fresh memory at each step (page faults were
    // most of this step's time in the profile).
    let found = per_activity
        .iter()
        .map(|(active, _, hygiene)| active.len() + hygiene.len())
        .sum::<usize>()
        + per_processor.len()
        + per_register.len();
    report
        .diagnostics
        .reserve_exact(found + config_problems.len());
    report
        .waived
        .reserve_exact(per_activity.iter().map(|(_, waived, _)| waived.len()).sum());
    let level = |rule: &str, default: Severity| {
        options
            .cli
            .apply(rule, config_overrides.apply(rule, Level::from(default)))
    };
    let mut keep = |raw: Raw<'static>| {
        let default = raw.finding.severity.unwrap_or(raw.rule.severity);
        if let Some(severity) = level(raw.rule.name, default).severity() {
            report
                .diagnostics
                .push(to_diagnostic(raw.rule, raw.finding, severity));
        }
    };
    for (active, waived, hygiene) in per_activity {
        active.into_iter().chain(hygiene).for_each(&mut keep);
        report.waived.extend(waived);
    }
    per_processor.into_iter().for_each(&mut keep);
    per_register.into_iter().for_each(&mut keep);
    for waived in &mut report.waived {
        let default = waived.diagnostic.severity;
        waived.diagnostic.severity = level(waived.diagnostic.code, default)
            .severity()
            .unwrap_or(default);
    }
    report.diagnostics.append(&mut config_problems);
    diag::sort(&mut report.diagnostics, &register.files);
    report.waived.sort_by(|a, b| {
        register
            .files
            .path(a.diagnostic.file)
            .cmp(register.files.path(b.diagnostic.file))
            .then(a.diagnostic.span.start.cmp(&b.diagnostic.span.start))
    });
    report
}

/// Runs `run` once per rule of the table, tagging each finding with its rule.
fn run_rules(mut run: impl FnMut(&Check, &mut Findings)) -> Vec<Raw<'static>> {
    let mut raws = Vec::new();
    for rule in RULES.iter().copied() {
        let mut findings = Findings::default();
        run(&rule.check, &mut findings);
        raws.extend(
            findings
                .items
                .into_iter()
                .map(|finding| Raw { rule, finding }),
        );
    }
    raws
}

fn to_diagnostic(rule: &'static Rule, finding: Finding, severity: Severity) -> Diagnostic {
    Diagnostic {
        code: rule.name,
        severity,
        message: finding.message,
        file: finding.file,
        span: finding.span,
        label: None,
        help: finding.help,
    }
}

/// Splits an activity's findings into active and waived, and checks the waivers themselves:
/// a waiver must name a known rule, give a reason, and silence something.
fn apply_waivers(
    ctx: &ActivityCtx<'_>,
    raws: Vec<Raw<'static>>,
) -> (Vec<Raw<'static>>, Vec<Waived>, Vec<Raw<'static>>) {
    let waivers = &ctx.activity().waivers;
    if waivers.is_empty() {
        return (raws, Vec::new(), Vec::new());
    }
    let mut used = vec![false; waivers.len()];
    let mut active = Vec::new();
    let mut waived = Vec::new();
    for raw in raws {
        match waivers.iter().position(|w| w.rule == raw.rule.name) {
            Some(i) => {
                used[i] = true;
                let severity = raw.finding.severity.unwrap_or(raw.rule.severity);
                waived.push(Waived {
                    diagnostic: to_diagnostic(raw.rule, raw.finding, severity),
                    reason: waivers[i].reason.clone().unwrap_or_default(),
                });
            }
            None => active.push(raw),
        }
    }

    let mut hygiene = Vec::new();
    let mut flag = |rule: &'static Rule, span, message: String, help: String| {
        let mut findings = Findings::default();
        findings.report(ctx.file(), span, message).help(help);
        hygiene.extend(
            findings
                .items
                .into_iter()
                .map(|finding| Raw { rule, finding }),
        );
    };
    for (i, waiver) in waivers.iter().enumerate() {
        let rule_span = ctx.at(&[K("waivers"), I(i), K("rule")]);
        let Some(rule) = rule_named(&waiver.rule) else {
            let help = match did_you_mean(&waiver.rule, RULES.iter().map(|r| r.name)) {
                Some(near) => format!("did you mean `{near}`? `ropa rules` lists every rule"),
                None => "`ropa rules` lists every rule".to_string(),
            };
            flag(
                &rules::hygiene::WAIVER_UNKNOWN_RULE,
                rule_span,
                format!("waiver names `{}`, which is not a lint rule", waiver.rule),
                help,
            );
            continue;
        };
        if blank(&waiver.reason) {
            flag(
                &rules::hygiene::WAIVER_REASON_MISSING,
                ctx.key_at(&[K("waivers"), I(i), K("rule")]),
                format!("the waiver of `{}` gives no reason", rule.name),
                "add `reason = \"…\"` saying why the rule does not apply to this activity".into(),
            );
        }
        if !used[i] {
            flag(
                &rules::hygiene::UNUSED_WAIVER,
                rule_span,
                format!("the waiver of `{}` silences nothing", rule.name),
                "the rule does not fire for this activity; remove the waiver".into(),
            );
        }
    }
    (active, waived, hygiene)
}

/// Loads one of a rule's examples as a register (adding the standard ropa.toml unless the
/// example gives its own) and lints it. Used by `ropa explain` and the rule tests.
pub fn lint_example(files: Example, today: Date) -> (crate::load::LoadReport, LintReport) {
    let mut all: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
        .collect();
    if !all.iter().any(|(path, _)| path == "ropa.toml") {
        all.push((
            "ropa.toml".into(),
            rules::EXAMPLE_ROPA_TOML.as_bytes().to_vec(),
        ));
    }
    let source = crate::source::MemorySource {
        root: "example".into(),
        files: all,
    };
    // The examples are ropa's own constants, and each is tested (tests/rules.rs).
    #[allow(clippy::panic)]
    let loaded =
        crate::load::load(&source).unwrap_or_else(|e| panic!("an example has no ropa.toml: {e}"));
    let report = lint(
        &loaded.register,
        &LintOptions {
            today,
            cli: Overrides::default(),
        },
    );
    (loaded, report)
}

/// Today's date on this machine, for date-based rules when `--today` is not given.
pub fn system_today() -> Date {
    Date(jiff::ZonedDateTime::now().date())
}

/// The path steps helpers: re-exported so rule files need only `use super::prelude::*`.
pub mod prelude {
    pub use super::rule::{
        ActivityCtx, Check, Findings, I, K, ProcessorCtx, RegisterCtx, Rule, blank, none_listed,
    };
    pub use crate::diag::Severity;
    pub use crate::load::Seg;
    pub use crate::words::{join_words, lowercase_first};
}
