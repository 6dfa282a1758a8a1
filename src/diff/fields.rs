//! What each field of the format is called in a diff, and how its values read: slugs become
//! the labels the exports print ("public-task" → "Public task (Art 6(1)(e))"), processor ids
//! become names, country codes become country names, booleans "Yes"/"No".

use serde_json::Value;

use crate::describe;
use crate::model::{ControllerActedFor, Register, Retention, SubProcessor, Transfer, Waiver};
use crate::vocab::{
    AdmSafeguard, AnnexCondition, Article6Basis, Article9Condition, DpiaStatus, RetentionAction,
    Right, Role, Schedule1Paragraph, SpecialCategory, TransferMechanism, Vocabulary,
};

/// Which kind of file a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Activity,
    Processor,
    Settings,
}

/// The fields of an activity file in the order a diff reports them (the file's own order),
/// each with its name in a diff. Paths into tables are joined with `.`.
pub const ACTIVITY_FIELDS: &[(&str, &str)] = &[
    ("name", "Name"),
    ("business_function", "Business function"),
    ("role", "Role"),
    ("description", "Description"),
    ("owner", "Owner"),
    ("last_reviewed", "Last reviewed"),
    ("next_review", "Next review"),
    ("purposes", "Purposes"),
    ("data_subjects", "Data subjects"),
    ("personal_data", "Personal data"),
    ("special_category_data", "Special category data"),
    ("criminal_offence_data", "Criminal offence data"),
    ("children", "Children's data"),
    ("online_service", "Online service"),
    ("age_assurance", "Age assurance record"),
    ("sources", "Sources"),
    ("recipients", "Recipients"),
    ("processors", "Processors"),
    ("location", "Location"),
    ("security_measures", "Security measures"),
    ("rights", "Rights"),
    ("privacy_notice", "Privacy notice"),
    ("providing_data", "Giving the data"),
    (
        "providing_data.requirement",
        "Whether the data must be given",
    ),
    (
        "providing_data.consequences",
        "What happens if the data is not given",
    ),
    ("lawful_basis", "Lawful basis"),
    ("lawful_basis.article6", "Lawful basis"),
    ("lawful_basis.law", "Law behind the basis"),
    ("lawful_basis.legitimate_interests", "Legitimate interests"),
    ("lawful_basis.lia", "Legitimate interests assessment"),
    ("lawful_basis.consent_record", "Record of consent"),
    (
        "lawful_basis.recognised_condition",
        "Recognised legitimate interest condition",
    ),
    (
        "lawful_basis.article9",
        "Special category condition (Art 9)",
    ),
    ("lawful_basis.schedule1", "DPA 2018 Schedule 1 condition"),
    (
        "lawful_basis.official_authority",
        "Criminal offence data under official authority",
    ),
    ("policy_document", "Policy document"),
    ("policy_document.link", "Policy document"),
    (
        "policy_document.compliant",
        "Kept and erased in line with the policy document",
    ),
    (
        "policy_document.reason",
        "Reason for not following the policy document",
    ),
    ("retention", "Retention"),
    ("retention.data", "data"),
    // "Retention for Call recordings: 1 year → 6 months": the period is what the entry is.
    ("retention.period", ""),
    ("retention.trigger", "from"),
    ("retention.action", "then"),
    ("retention.reason", "reason"),
    ("transfers", "Transfer"),
    ("transfers.country", "country"),
    ("transfers.recipient", "recipient"),
    ("transfers.mechanism", "mechanism"),
    ("transfers.safeguards", "safeguards"),
    (
        "transfers.adequacy_scope",
        "within the adequacy regulations",
    ),
    ("transfers.risk_assessment", "transfer risk assessment"),
    ("joint_controller", "Joint controller"),
    ("joint_controller.name", "Joint controller"),
    (
        "joint_controller.contact",
        "Joint controller's contact details",
    ),
    (
        "joint_controller.arrangement",
        "Joint controller arrangement",
    ),
    ("controllers", "Controller acted for"),
    ("controllers.name", "name"),
    ("controllers.contact", "contact details"),
    ("controllers.processing", "processing"),
    ("automated_decision_making", "Automated decision-making"),
    (
        "automated_decision_making.used",
        "Automated decision-making",
    ),
    (
        "automated_decision_making.details",
        "Automated decision-making details",
    ),
    (
        "automated_decision_making.significant",
        "Significant automated decisions",
    ),
    (
        "automated_decision_making.safeguards",
        "Automated decision safeguards",
    ),
    ("risk", "DPIA screening"),
    ("risk.large_scale", "Large scale"),
    ("risk.systematic_monitoring", "Systematic monitoring"),
    ("risk.innovative_technology", "Innovative technology"),
    ("risk.vulnerable_people", "Vulnerable people"),
    ("risk.profiling", "Evaluation, scoring or profiling"),
    (
        "risk.denial_of_service",
        "Decisions on access to a service or benefit",
    ),
    ("risk.data_matching", "Data matching"),
    ("risk.invisible_processing", "Invisible processing"),
    ("risk.tracking", "Tracking"),
    ("risk.targeting", "Targeting children or vulnerable people"),
    ("risk.physical_harm", "Risk of physical harm"),
    ("dpia", "DPIA"),
    ("dpia.required", "DPIA required"),
    ("dpia.status", "DPIA status"),
    ("dpia.link", "DPIA"),
    ("breach", "Breach"),
    ("breach.occurred", "Breach occurred"),
    ("breach.record", "Breach record"),
    ("notes", "Notes"),
    ("waivers", "Waiver"),
    ("waivers.rule", "rule"),
    ("waivers.reason", "reason"),
];

/// The fields of a processor file, in order.
pub const PROCESSOR_FIELDS: &[(&str, &str)] = &[
    ("name", "Name"),
    ("service", "Service"),
    ("contact", "Contact"),
    ("contract", "Contract"),
    ("contract_expires", "Contract expires"),
    ("countries", "Countries"),
    ("sub_processors", "Sub-processors"),
    ("sub_processors.name", "name"),
    ("sub_processors.countries", "countries"),
    ("security_measures", "Security measures"),
    ("notes", "Notes"),
];

/// The fields of `ropa.toml`, in order.
pub const SETTINGS_FIELDS: &[(&str, &str)] = &[
    ("controller", "Controller"),
    ("controller.name", "Controller"),
    ("controller.address", "Controller's address"),
    ("controller.email", "Controller's email"),
    ("controller.phone", "Controller's telephone"),
    ("controller.complaints", "Complaints procedure"),
    ("controller.ico_registration", "ICO registration number"),
    ("controller.public_authority", "Public authority"),
    (
        "controller.fewer_than_250_staff",
        "Fewer than 250 staff (Art 30(5))",
    ),
    ("dpo", "DPO"),
    ("dpo.name", "DPO"),
    ("dpo.address", "DPO's address"),
    ("dpo.email", "DPO's email"),
    ("dpo.phone", "DPO's telephone"),
    ("representative", "Representative"),
    ("representative.name", "Representative"),
    ("representative.address", "Representative's address"),
    ("representative.email", "Representative's email"),
    ("representative.phone", "Representative's telephone"),
    ("review", "Review"),
    ("review.interval_months", "Review interval (months)"),
    ("lint", "[lint]"),
    ("lint.deny", "[lint] deny"),
    ("lint.warn", "[lint] warn"),
    ("lint.allow", "[lint] allow"),
];

impl Kind {
    pub fn fields(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Activity => ACTIVITY_FIELDS,
            Kind::Processor => PROCESSOR_FIELDS,
            Kind::Settings => SETTINGS_FIELDS,
        }
    }

    /// The field's name in a diff; a field missing from the table (a bug the tests catch)
    /// shows its key.
    pub fn label(self, path: &str) -> String {
        self.fields()
            .iter()
            .find(|(p, _)| *p == path)
            .map_or_else(|| path.to_string(), |(_, label)| (*label).to_string())
    }

    /// Where the field comes in the file's order, for sorting a diff's lines.
    pub fn position(self, path: &str) -> usize {
        self.fields()
            .iter()
            .position(|(p, _)| *p == path)
            .unwrap_or(usize::MAX)
    }
}

/// The key that tells entries of a list of tables apart, so an entry whose other fields
/// changed is reported as changed rather than as removed and added.
pub fn entry_key(path: &str, entry: &Value) -> Option<String> {
    let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_string);
    match path {
        "retention" => text("data"),
        "transfers" => {
            let country = text("country").map(|c| describe::country(&c));
            match (country, text("recipient")) {
                (Some(c), Some(r)) => Some(format!("{c} ({r})")),
                (c, r) => c.or(r),
            }
        }
        "controllers" => text("name"),
        "waivers" => text("rule"),
        "sub_processors" => text("name"),
        _ => None,
    }
}

/// How a matched entry of a list of tables is named in its changes: "Retention for Call
/// recordings", "Transfer to United States (Mailer Inc)".
pub fn entry_label(path: &str, label: &str, key: &str) -> String {
    match path {
        "retention" => format!("{label} for {key}"),
        "transfers" => format!("{label} to {key}"),
        "waivers" => format!("{label} of {key}"),
        _ => format!("{label} {key}"),
    }
}

/// A scalar (or list item) at `path` in words.
pub fn value_text(path: &str, value: &Value, register: &Register) -> String {
    let slug = value.as_str().unwrap_or_default();
    let label = match path {
        "role" => vocab_label::<Role>(slug),
        "special_category_data" => vocab_label::<SpecialCategory>(slug),
        "rights" => vocab_label::<Right>(slug),
        "lawful_basis.article6" => Article6Basis::from_slug(slug).map(|b| b.with_point()),
        "lawful_basis.article9" => Article9Condition::from_slug(slug).map(|c| c.with_point()),
        "lawful_basis.recognised_condition" => vocab_label::<AnnexCondition>(slug),
        "lawful_basis.schedule1" => value
            .as_i64()
            .and_then(Schedule1Paragraph::new)
            .map(|p| p.with_name()),
        "retention.action" => vocab_label::<RetentionAction>(slug),
        "transfers.mechanism" => vocab_label::<TransferMechanism>(slug),
        "dpia.status" => vocab_label::<DpiaStatus>(slug),
        "automated_decision_making.safeguards" => vocab_label::<AdmSafeguard>(slug),
        "transfers.country" | "countries" => Some(describe::country(slug)),
        "processors" => Some(describe::processor_name(register, slug)),
        "sub_processors" => serde_json::from_value::<SubProcessor>(value.clone())
            .ok()
            .map(|s| s.to_string()),
        _ => None,
    };
    label.unwrap_or_else(|| scalar(value))
}

/// A whole entry of a list of tables in words, as the exports describe it.
pub fn entry_text(path: &str, entry: &Value) -> String {
    let parsed = |f: fn(&Value) -> Option<String>| f(entry);
    let described = match path {
        "retention" => parsed(|v| {
            serde_json::from_value::<Retention>(v.clone())
                .ok()
                .map(|r| describe::retention(&r))
        }),
        "transfers" => parsed(|v| {
            serde_json::from_value::<Transfer>(v.clone())
                .ok()
                .map(|t| describe::transfer(&t))
        }),
        "controllers" => parsed(|v| {
            serde_json::from_value::<ControllerActedFor>(v.clone())
                .ok()
                .map(|c| describe::controller_acted_for(&c))
        }),
        "sub_processors" => parsed(|v| {
            serde_json::from_value::<SubProcessor>(v.clone())
                .ok()
                .map(|s| s.to_string())
        }),
        "waivers" => parsed(|v| {
            serde_json::from_value::<Waiver>(v.clone())
                .ok()
                .map(|w| match w.reason {
                    Some(reason) => format!("{} ({reason})", w.rule),
                    None => w.rule,
                })
        }),
        _ => None,
    };
    described.unwrap_or_else(|| scalar(entry))
}

fn vocab_label<V: Vocabulary>(slug: &str) -> Option<String> {
    V::from_slug(slug).map(|v| v.label().to_string())
}

/// Any other value as it reads: text as written, Yes/No, numbers, other shapes as TOML-ish.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(b) => describe::yes_no(*b).to_string(),
        Value::Null => String::new(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::source::DirSource;

    /// Every key path in a value, without array positions.
    fn paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    out.push(path.clone());
                    paths(inner, &path, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| paths(i, prefix, out)),
            _ => {}
        }
    }

    #[test]
    fn every_field_of_the_format_has_a_name_in_a_diff() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-field");
        let register = load(&DirSource::new(root)).unwrap().register;
        let mut missing = Vec::new();
        let mut check = |kind: Kind, value: Value| {
            let mut found = Vec::new();
            paths(&value, "", &mut found);
            for path in found {
                if !kind.fields().iter().any(|(p, _)| *p == path) {
                    missing.push(format!("{kind:?}: {path}"));
                }
            }
        };
        for activity in &register.activities {
            check(
                Kind::Activity,
                serde_json::to_value(&activity.value).unwrap(),
            );
        }
        for processor in &register.processors {
            check(
                Kind::Processor,
                serde_json::to_value(&processor.value).unwrap(),
            );
        }
        let config = register.config.as_ref().unwrap();
        check(Kind::Settings, serde_json::to_value(&config.value).unwrap());
        missing.sort();
        missing.dedup();
        assert!(
            missing.is_empty(),
            "fields without a name in a diff: {missing:?}"
        );
    }

    #[test]
    fn values_read_as_the_exports_word_them() {
        let register = Register::default();
        let text = |path, value: Value| value_text(path, &value, &register);
        assert_eq!(
            text("lawful_basis.article6", "public-task".into()),
            "Public task (Art 6(1)(e))"
        );
        assert_eq!(text("special_category_data", "health".into()), "Health");
        assert_eq!(
            text("transfers.country", "US".into()),
            "United States of America (US)"
        );
        assert_eq!(text("criminal_offence_data", true.into()), "Yes");
        assert_eq!(text("processors", "capita".into()), "capita");
    }
}
