//! A processor or other recipient organisation: the file `processors/<id>.toml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{CountryCode, Date};

/// A processor (Art 28) or other recipient organisation, referenced from activities by its id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// The organisation's legal name.
    pub name: String,
    /// What it does for you, e.g. "Call recording and storage".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Who to contact there about data protection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Link to the Art 28 data processing contract (ICO column 7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    /// When the contract expires (a bare TOML date, YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract_expires: Option<Date>,
    /// Where it processes the data, as ISO 3166-1 alpha-2 codes (GB for the UK).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub countries: Option<Vec<CountryCode>>,
    /// Its sub-processors: each a name, or a table with `name` and the `countries` it works in
    /// (so transfers through it can be checked), e.g. `{ name = "AWS", countries = ["IE"] }`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub sub_processors: Option<Vec<SubProcessor>>,
    /// Its security measures, e.g. certifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub security_measures: Option<Vec<String>>,
    /// Anything recorded about the processor that has no field of its own, one note per item; `ropa import` keeps here what it could not place, so nothing is lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub notes: Option<Vec<String>>,
}

/// A sub-processor: its name, and where it works when that is recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum SubProcessor {
    /// Just its name, e.g. "Amazon Web Services".
    Name(String),
    /// Its name and the countries it processes the data in.
    Detailed(SubProcessorDetails),
}

/// A sub-processor with where it works.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubProcessorDetails {
    /// The sub-processor's name.
    pub name: String,
    /// Where it processes the data, as ISO 3166-1 alpha-2 codes (GB for the UK).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub countries: Option<Vec<CountryCode>>,
}

impl SubProcessor {
    pub fn name(&self) -> &str {
        match self {
            Self::Name(name) => name,
            Self::Detailed(details) => &details.name,
        }
    }

    /// The countries it works in; empty when not recorded.
    pub fn countries(&self) -> &[CountryCode] {
        match self {
            Self::Name(_) => &[],
            Self::Detailed(details) => details.countries.as_deref().unwrap_or(&[]),
        }
    }
}

impl std::fmt::Display for SubProcessor {
    /// "Amazon Web Services (IE, US)", or the name alone.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = self.countries().iter().map(|c| c.0.as_str()).collect();
        if codes.is_empty() {
            f.write_str(self.name())
        } else {
            write!(f, "{} ({})", self.name(), codes.join(", "))
        }
    }
}

impl Processor {
    /// Every country the processor or one of its sub-processors works in, each once, in
    /// the order recorded.
    pub fn all_countries(&self) -> Vec<&str> {
        let own = self.countries.iter().flatten();
        let subs = self
            .sub_processors
            .iter()
            .flatten()
            .flat_map(|s| s.countries());
        let mut seen: Vec<&str> = Vec::new();
        for code in own.chain(subs).map(|c| c.0.as_str()) {
            if !seen.contains(&code) {
                seen.push(code);
            }
        }
        seen
    }

    /// Whether an Art 28 contract is recorded. The `processor-contract-missing` rule and the
    /// data-flow map share this one answer.
    pub fn has_contract(&self) -> bool {
        self.contract
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty())
    }

    /// Whether the contract's expiry date has passed on `today` (the contract still runs on
    /// its expiry date). The `processor-contract-expired` rule and `ropa show` share this.
    pub fn contract_expired(&self, today: Date) -> bool {
        self.contract_expires.is_some_and(|expires| expires < today)
    }

    /// Whether a contract is linked and has not expired on `today`.
    pub fn contract_in_place(&self, today: Date) -> bool {
        self.contract
            .as_deref()
            .is_some_and(|link| !link.trim().is_empty())
            && !self.contract_expired(today)
    }
}
