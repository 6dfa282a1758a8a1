//! Restricted transfer mechanisms (UK GDPR Chapter V) and the dated list of UK adequacy regulations.

use super::vocabulary;

vocabulary! {
    /// The legal mechanism for a restricted transfer outside the UK.
    pub enum TransferMechanism ("transfer mechanism") {
        Adequacy = ("adequacy", "UK adequacy regulations"),
        Idta = ("idta", "International Data Transfer Agreement"),
        UkAddendum = ("uk-addendum", "UK Addendum to the EU standard contractual clauses"),
        Bcr = ("bcr", "Binding corporate rules (Art 47)"),
        OtherSafeguard = ("other-safeguard", "Another Art 46 appropriate safeguard"),
        /// Art 49: exceptional transfers need their safeguards documented in the record.
        Derogation = ("derogation", "Art 49 derogation for a specific situation"),
    }
}

/// The date the adequacy list below was last checked against the UK adequacy regulations.
pub const ADEQUACY_AS_OF: &str = "2026-02-05";

/// How far a country is covered by UK adequacy regulations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adequacy {
    /// The UK itself: no restricted transfer at all.
    Domestic,
    Full,
    /// Covered only in part; the text says for whom.
    Partial(&'static str),
    None,
}

const FULL: &[&str] = &[
    // The EEA.
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT",
    "LV", "LI", "LT", "LU", "MT", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    // Other adequate countries and territories.
    "GI", "AD", "AR", "FO", "GG", "IM", "IL", "JE", "NZ", "KR", "CH", "UY",
];

const PARTIAL: &[(&str, &str)] = &[
    ("CA", "commercial organisations subject to PIPEDA"),
    ("JP", "the private sector"),
    (
        "US",
        "organisations certified to the UK Extension of the EU-US Data Privacy Framework",
    ),
];

/// The UK adequacy status of an ISO 3166-1 alpha-2 country code.
pub fn adequacy_for(country: &str) -> Adequacy {
    if country == "GB" {
        return Adequacy::Domestic;
    }
    if FULL.contains(&country) {
        return Adequacy::Full;
    }
    match PARTIAL.iter().find(|(code, _)| *code == country) {
        Some((_, scope)) => Adequacy::Partial(scope),
        None => Adequacy::None,
    }
}
