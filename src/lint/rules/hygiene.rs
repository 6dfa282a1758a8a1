//! Rules about waivers themselves. The engine finds these (see `lint::apply_waivers`); the
//! entries here give their names, severities and documentation.

use crate::lint::prelude::*;

pub static RULES: &[&Rule] = &[&UNUSED_WAIVER, &WAIVER_REASON_MISSING, &WAIVER_UNKNOWN_RULE];

pub const UNUSED_WAIVER: Rule = Rule {
    name: "unused-waiver",
    severity: Severity::Warning,
    summary: "a waiver silences no finding",
    explanation: "A `[[waivers]]` entry keeps a justified exception to one rule on record for one \
activity. When the rule no longer fires for the activity (the entry was fixed, or the rule was \
changed), the waiver is stale: it would silently hide the rule if the problem came back. Remove it.\n\n\
This is ropa's own hygiene rule; it keeps the record of exceptions honest, which supports the \
accountability principle (UK GDPR Art 5(2)).",
    source: "UK GDPR Art 5(2) (accountability)",
    fails: &[(
        "activities/enquiries.toml",
        "name = \"Enquiries\"\nowner = \"Customer Services Manager\"\n\n[[waivers]]\nrule = \"owner-missing\"\nreason = \"Owner to be appointed\"\n",
    )],
    passes: &[(
        "activities/enquiries.toml",
        "name = \"Enquiries\"\nowner = \"Customer Services Manager\"\n",
    )],
    check: Check::Engine,
};

pub const WAIVER_REASON_MISSING: Rule = Rule {
    name: "waiver-reason-missing",
    severity: Severity::Error,
    summary: "a waiver gives no reason",
    explanation: "A waiver is a decision that a rule does not apply to one activity. Without the \
reason, a reviewer or auditor cannot tell a considered exception from a finding swept under the \
carpet. Give the reason in `reason = \"…\"`.\n\n\
Recording why is part of demonstrating compliance (UK GDPR Art 5(2), Art 24(1)).",
    source: "UK GDPR Art 5(2), Art 24(1)",
    fails: &[(
        "activities/foodbank-referrals.toml",
        "name = \"Foodbank referrals\"\n\n[lawful_basis]\narticle6 = [\"consent\"]\nconsent_record = \"CRM consent flag\"\n\n[[waivers]]\nrule = \"consent-by-public-authority\"\n",
    )],
    passes: &[(
        "activities/foodbank-referrals.toml",
        "name = \"Foodbank referrals\"\n\n[lawful_basis]\narticle6 = [\"consent\"]\nconsent_record = \"CRM consent flag\"\n\n[[waivers]]\nrule = \"consent-by-public-authority\"\nreason = \"Referral is optional and made only at the caller's request\"\n",
    )],
    check: Check::Engine,
};

pub const WAIVER_UNKNOWN_RULE: Rule = Rule {
    name: "waiver-unknown-rule",
    severity: Severity::Error,
    summary: "a waiver names a rule that does not exist",
    explanation: "A waiver must name a lint rule exactly (`ropa rules` lists them). A misspelt \
name waives nothing, so the exception the DPO meant to record is not in force. Correct the name.",
    source: "ropa",
    fails: &[(
        "activities/enquiries.toml",
        "name = \"Enquiries\"\n\n[[waivers]]\nrule = \"owner-mising\"\nreason = \"Owner to be appointed\"\n",
    )],
    passes: &[(
        "activities/enquiries.toml",
        "name = \"Enquiries\"\n\n[[waivers]]\nrule = \"owner-missing\"\nreason = \"Owner to be appointed\"\n",
    )],
    check: Check::Engine,
};
