//! Every rule, tested through its own documentation: the failing example must trigger it (with
//! the exact diagnostics recorded in tests/snapshots/rules.txt) and the passing example must not.
//! `SNAPSHOTS=overwrite cargo test --test rules` rewrites the snapshot after a deliberate change.

use ropa::diag::{Severity, render_concise};
use ropa::lint::{RULES, Rule, lint_example};
use ropa::model::Date;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

/// The concise lines (with help) of one rule's findings on an example.
fn findings_of(rule: &Rule, passing: bool) -> (String, usize) {
    let files = if passing { rule.passes } else { rule.fails };
    let (loaded, report) = lint_example(files, today());
    assert!(
        loaded.problems.is_empty(),
        "{} example of {} does not load: {}",
        if passing { "passing" } else { "failing" },
        rule.name,
        render_concise(&loaded.problems, &loaded.register.files)
    );
    let mine: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == rule.name)
        .cloned()
        .collect();
    let mut text = String::new();
    for line in render_concise(&mine, &loaded.register.files)
        .lines()
        .zip(&mine)
    {
        text.push_str(line.0);
        text.push('\n');
        if let Some(help) = &line.1.help {
            text.push_str(&format!("  help: {help}\n"));
        }
    }
    (text, mine.len())
}

#[test]
fn every_failing_example_triggers_its_rule_and_every_passing_example_does_not() {
    let mut problems = Vec::new();
    for rule in RULES.iter() {
        let (_, fired) = findings_of(rule, false);
        if fired == 0 {
            problems.push(format!(
                "{}: the failing example does not trigger it",
                rule.name
            ));
        }
        let (text, fired) = findings_of(rule, true);
        if fired != 0 {
            problems.push(format!(
                "{}: the passing example triggers it:\n{text}",
                rule.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn failing_examples_give_exactly_the_recorded_diagnostics() {
    let mut actual = String::new();
    for rule in RULES.iter() {
        actual.push_str(&format!("== {}\n", rule.name));
        actual.push_str(&findings_of(rule, false).0);
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/rules.txt");
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "tests/snapshots/rules.txt differs from the rules' output at line {}:\n  recorded: {:?}\n  actual:   {:?}\nIf the change is deliberate, run SNAPSHOTS=overwrite cargo test --test rules",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn every_rule_is_documented_with_a_source() {
    let mut names = std::collections::HashSet::new();
    for rule in RULES.iter() {
        assert!(names.insert(rule.name), "{} is listed twice", rule.name);
        assert!(
            rule.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            rule.name
        );
        assert!(
            !rule.summary.is_empty() && !rule.summary.ends_with('.'),
            "{}: summary",
            rule.name
        );
        assert!(
            rule.explanation.len() > 80,
            "{}: explanation too short",
            rule.name
        );
        assert!(!rule.source.is_empty(), "{}: no source", rule.name);
        assert!(matches!(rule.severity, Severity::Error | Severity::Warning));
    }
}
