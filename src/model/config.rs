//! The register settings: the file `ropa.toml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The register's settings and the organisation it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The controller: the organisation this record belongs to, Art 30(1)(a).
    pub controller: Controller,
    /// The data protection officer (Art 37); required for a public authority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Contact>,
    /// The controller's representative in the UK (Art 27), where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<Contact>,
    /// How often activities are reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// Lint severity overrides by rule name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<LintSettings>,
}

/// The organisation that controls the processing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// The organisation's name.
    pub name: String,
    /// Postal address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// E-mail address for data protection matters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where people can complain to you about how you use their data: a web page, e-mail
    /// address or postal address of your data protection complaints procedure (needed since
    /// 19 June 2026, Data (Use and Access) Act 2025 s.103); privacy notices point to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complaints: Option<String>,
    /// ICO registration number, e.g. Z0000000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ico_registration: Option<String>,
    /// Whether the organisation is a public authority (councils are); several rules depend on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_authority: Option<bool>,
    /// Whether it claims the Art 30(5) exemption for organisations with fewer than 250
    /// staff; ropa checks the claim against the activities (`record-exemption-not-available`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fewer_than_250_staff: Option<bool>,
}

/// Contact details of a person or office.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name of the person or office.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Postal address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// Review settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Months between reviews of each activity (default 12); drives the review-overdue rule.
    #[serde(default = "default_interval")]
    #[schemars(range(min = 1, max = 120))]
    pub interval_months: u32,
}

fn default_interval() -> u32 {
    12
}

/// Severity overrides for lint rules, by rule name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintSettings {
    /// Rules reported as errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deny: Vec<String>,
    /// Rules reported as warnings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warn: Vec<String>,
    /// Rules not reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
}

impl Controller {
    /// The controller's contact details in the shape of any other contact.
    pub fn to_contact(&self) -> Contact {
        Contact {
            name: Some(self.name.clone()),
            address: self.address.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
        }
    }
}

impl Config {
    /// The review interval in months (12 unless set).
    pub fn review_interval_months(&self) -> u32 {
        self.review.as_ref().map_or(12, |r| r.interval_months)
    }

    pub fn is_public_authority(&self) -> bool {
        self.controller.public_authority.unwrap_or(false)
    }
}
