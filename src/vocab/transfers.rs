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

/// The EEA states: adequate, and what "the EU" written as a country is told to name instead.
const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT",
    "LV", "LI", "LT", "LU", "MT", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// The other places UK adequacy regulations cover in full.
const FULL: &[&str] = &[
    // Parts of EU states that ISO 3166-1 gives codes of their own: Åland (Finland) and the
    // French outermost regions (Réunion, Guadeloupe, Martinique, French Guiana, Mayotte,
    // Saint Martin). They are in the EU, so adequate.
    "AX", "RE", "GP", "MQ", "GF", "YT", "MF",
    // Other adequate countries and territories.
    "GI", "AD", "AR", "FO", "GG", "IM", "IL", "JE", "NZ", "CH", "UY",
];

const PARTIAL: &[(&str, &str)] = &[
    ("CA", "commercial organisations subject to PIPEDA"),
    ("JP", "the private sector"),
    (
        "KR",
        "recipients subject to Korea's Personal Information Protection Act (SI 2022/1213; not credit information under the Credit Information Act)",
    ),
    (
        "US",
        "organisations certified to the UK Extension of the EU-US Data Privacy Framework",
    ),
];

/// The codes people write for the UK and the EU that are not ISO 3166-1 country codes, with
/// what to write instead (ISO 3166-1: the UK is GB; the EU is not a country).
pub fn not_a_country_code(code: &str) -> Option<String> {
    match code.to_ascii_uppercase().as_str() {
        "UK" => Some("`UK` is not an ISO 3166-1 code: the United Kingdom is `GB` (and data kept in the UK is no transfer)".to_string()),
        "EU" => Some(format!(
            "the EU is not a country: name each state the data goes to, e.g. `IE` or `DE` (the EU and EEA states: {})",
            EEA.join(", ")
        )),
        _ => None,
    }
}

/// The UK adequacy status of an ISO 3166-1 alpha-2 country code.
pub fn adequacy_for(country: &str) -> Adequacy {
    if country == "GB" {
        return Adequacy::Domestic;
    }
    if EEA.contains(&country) || FULL.contains(&country) {
        return Adequacy::Full;
    }
    match PARTIAL.iter().find(|(code, _)| *code == country) {
        Some((_, scope)) => Adequacy::Partial(scope),
        None => Adequacy::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adequacy_follows_the_regulations_with_their_partial_entries() {
        // SI 2022/1213: Korea only for recipients subject to its PIPA, like JP, CA and US.
        assert!(
            matches!(adequacy_for("KR"), Adequacy::Partial(s) if s.contains("Personal Information Protection Act"))
        );
        for code in ["CA", "JP", "US"] {
            assert!(matches!(adequacy_for(code), Adequacy::Partial(_)), "{code}");
        }
        // Åland and the French outermost regions are in the EU.
        for code in ["AX", "RE", "GP", "MQ", "GF", "YT", "MF"] {
            assert_eq!(adequacy_for(code), Adequacy::Full, "{code}");
        }
        assert_eq!(adequacy_for("GB"), Adequacy::Domestic);
        assert_eq!(adequacy_for("IN"), Adequacy::None);
    }

    #[test]
    fn uk_and_eu_are_not_country_codes() {
        assert!(not_a_country_code("UK").unwrap().contains("`GB`"));
        let eu = not_a_country_code("eu").unwrap();
        assert!(eu.contains("not a country") && eu.contains("IE") && eu.contains("SE"));
        assert!(not_a_country_code("GB").is_none());
    }
}
