//! The rule catalogue. Each family of rules lives in its own file with its own `RULES` list;
//! [`GROUPS`] is the only list of families, and everything else (`ropa rules`, `ropa explain`,
//! SARIF, the README) reads it.

pub mod completeness;
pub mod hygiene;
pub mod lawful_basis;
pub mod recipients;
pub mod rights_dpia;
pub mod special_category;

use std::sync::LazyLock;

use super::rule::Rule;

/// The families of rules in the order they are listed, with their headings.
pub static GROUPS: &[(&str, &[&Rule])] = &[
    ("Completeness (Art 30)", completeness::RULES),
    ("Lawful basis", lawful_basis::RULES),
    (
        "Special category and criminal offence data",
        special_category::RULES,
    ),
    ("Recipients, processors and transfers", recipients::RULES),
    ("Rights, DPIA and breaches", rights_dpia::RULES),
    ("Waivers", hygiene::RULES),
];

/// Every lint rule, in the order of [`GROUPS`].
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    GROUPS
        .iter()
        .flat_map(|(_, rules)| rules.iter().copied())
        .collect()
});

/// The rule with this name.
pub fn rule_named(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// The heading of the group a rule is listed under.
pub fn group_of(name: &str) -> &'static str {
    GROUPS
        .iter()
        .find(|(_, rules)| rules.iter().any(|r| r.name == name))
        .map_or("", |(heading, _)| heading)
}

/// The `ropa.toml` added to a rule's examples when they do not give their own: a public
/// authority with full contact details and a DPO, so only the rule being shown fires.
pub const EXAMPLE_ROPA_TOML: &str = r#"[controller]
name = "Example District Council"
address = "Council Offices, Main Street, Exampletown, EX1 1AA"
email = "dpo@example.gov.uk"
phone = "01234 567890"
public_authority = true

[dpo]
name = "Data Protection Officer"
email = "dpo@example.gov.uk"
"#;
