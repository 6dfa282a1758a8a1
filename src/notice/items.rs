//! What a privacy notice must say (UK GDPR Arts 13 and 14), and which of it the register lacks.
//!
//! This is the one answer to "is this item recorded?": `ropa notice` marks each gap
//! "[not recorded]" and names it, and `ropa lint` reports each gap through the rule named by
//! [`Item::rule`] — an existing Art 30 rule where one already checks the field, otherwise
//! `notice-item-missing`.

use crate::model::{Activity, Config, Contact};
use crate::vocab::{Article6Basis, Role};

/// The lint rule for notice items that no other rule checks.
pub const NOTICE_ITEM_MISSING: &str = "notice-item-missing";

/// One item a privacy notice must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    ControllerContact,
    Dpo,
    Complaints,
    Purposes,
    LawfulBasis,
    Law,
    LegitimateInterests,
    RecognisedCondition,
    SpecialCategoryCondition,
    CriminalOffenceCondition,
    PersonalData,
    Sources,
    ProvidingData,
    ProvidingDataConsequences,
    Recipients,
    Transfers,
    TransferDestination,
    TransferSafeguard,
    Retention,
    RetentionPeriod,
    AutomatedDecisions,
}

impl Item {
    /// The key path of the field that supplies the item, in its file.
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Self::ControllerContact => &["controller"],
            Self::Dpo => &["dpo"],
            Self::Complaints => &["controller", "complaints"],
            Self::Purposes => &["purposes"],
            Self::LawfulBasis => &["lawful_basis", "article6"],
            Self::Law => &["lawful_basis", "law"],
            Self::LegitimateInterests => &["lawful_basis", "legitimate_interests"],
            Self::RecognisedCondition => &["lawful_basis", "recognised_condition"],
            Self::SpecialCategoryCondition => &["lawful_basis", "article9"],
            Self::CriminalOffenceCondition => &["lawful_basis", "schedule1"],
            Self::PersonalData => &["personal_data"],
            Self::Sources => &["sources"],
            Self::ProvidingData => &["providing_data", "requirement"],
            Self::ProvidingDataConsequences => &["providing_data", "consequences"],
            Self::Recipients => &["recipients"],
            Self::Transfers | Self::TransferDestination | Self::TransferSafeguard => &["transfers"],
            Self::Retention | Self::RetentionPeriod => &["retention"],
            Self::AutomatedDecisions => &["automated_decision_making"],
        }
    }

    /// The field as a DPO finds it in the file: `lawful_basis.law`, `[controller] complaints`.
    pub fn field(self) -> String {
        match self {
            Self::ControllerContact => "[controller] address, email or phone".to_string(),
            Self::Dpo => "[dpo]".to_string(),
            Self::Complaints => "[controller] complaints".to_string(),
            Self::AutomatedDecisions => "[automated_decision_making]".to_string(),
            Self::TransferDestination => "[[transfers]] country".to_string(),
            Self::TransferSafeguard => "[[transfers]] mechanism".to_string(),
            Self::RetentionPeriod => "[[retention]] period".to_string(),
            _ => self.path().join("."),
        }
    }

    /// What the notice would say, in words.
    pub fn what(self) -> &'static str {
        match self {
            Self::ControllerContact => "how to contact you",
            Self::Dpo => "how to contact your data protection officer",
            Self::Complaints => "how people can complain to you",
            Self::Purposes => "what the information is used for",
            Self::LawfulBasis => "the lawful basis (and so which rights people have)",
            Self::Law => "the law behind the legal obligation or public task",
            Self::LegitimateInterests => "the legitimate interests pursued",
            Self::RecognisedCondition => "which recognised legitimate interest applies",
            Self::SpecialCategoryCondition => "the condition for the special category data",
            Self::CriminalOffenceCondition => "the condition for the criminal offence data",
            Self::PersonalData => "what kinds of information are used",
            Self::Sources => "where the information comes from",
            Self::ProvidingData => "whether people must give the information",
            Self::ProvidingDataConsequences => "what happens if people do not give it",
            Self::Recipients => "who the information is shared with",
            Self::Transfers => "whether the information is sent outside the UK",
            Self::TransferDestination => "which country the information is sent to",
            Self::TransferSafeguard => "what protects the information sent abroad",
            Self::Retention => "how long the information is kept",
            Self::RetentionPeriod => "how long one set of the information is kept",
            Self::AutomatedDecisions => "whether decisions are made by computer alone",
        }
    }

    /// The provision of UK GDPR (or DPA 2018) that requires the item in a notice.
    pub fn article(self) -> &'static str {
        match self {
            Self::ControllerContact => "Art 13(1)(a), 14(1)(a)",
            Self::Dpo => "Art 13(1)(b), 14(1)(b)",
            Self::Complaints => "DUAA 2025 s.103",
            Self::Purposes | Self::LawfulBasis | Self::Law => "Art 13(1)(c), 14(1)(c)",
            Self::LegitimateInterests | Self::RecognisedCondition => "Art 13(1)(d), 14(2)(b)",
            Self::SpecialCategoryCondition => "Art 9(2), Art 13(1)(c)",
            Self::CriminalOffenceCondition => "Art 10, Art 13(1)(c)",
            Self::PersonalData => "Art 14(1)(d)",
            Self::Sources => "Art 14(2)(f)",
            Self::ProvidingData | Self::ProvidingDataConsequences => "Art 13(2)(e)",
            Self::Recipients => "Art 13(1)(e), 14(1)(e)",
            Self::Transfers | Self::TransferDestination | Self::TransferSafeguard => {
                "Art 13(1)(f), 14(1)(f)"
            }
            Self::Retention | Self::RetentionPeriod => "Art 13(2)(a), 14(2)(a)",
            Self::AutomatedDecisions => "Art 13(2)(f), 14(2)(g)",
        }
    }

    /// The lint rule that reports the gap.
    pub fn rule(self) -> &'static str {
        match self {
            Self::ControllerContact => "controller-contact-missing",
            Self::Dpo => "dpo-missing",
            Self::Purposes => "purposes-missing",
            Self::LawfulBasis => "lawful-basis-missing",
            Self::Law => "legal-basis-law-missing",
            Self::LegitimateInterests => "legitimate-interests-undocumented",
            Self::RecognisedCondition => "recognised-legitimate-interest-condition-missing",
            Self::SpecialCategoryCondition => "special-category-condition-missing",
            Self::CriminalOffenceCondition => "criminal-offence-condition-missing",
            Self::PersonalData => "personal-data-missing",
            Self::Sources => "sources-missing",
            Self::Recipients => "recipients-missing",
            Self::Retention => "retention-missing",
            Self::RetentionPeriod => "retention-vague",
            Self::TransferDestination => "transfer-destination-missing",
            Self::TransferSafeguard => "transfer-mechanism-missing",
            Self::AutomatedDecisions => "automated-decision-making-undocumented",
            Self::Complaints
            | Self::ProvidingData
            | Self::ProvidingDataConsequences
            | Self::Transfers => NOTICE_ITEM_MISSING,
        }
    }

    /// How to fill the gap, for `ropa notice` and the lint rule's help.
    pub fn help(self) -> &'static str {
        match self {
            Self::Complaints => {
                "add `complaints = \"…\"` to [controller]: the web page, e-mail or address of your data protection complaints procedure"
            }
            Self::ProvidingData => {
                "add [providing_data] with `requirement = \"statutory\"`, \"contractual\", \"contract-entry\", \"voluntary\" or \"obtained-elsewhere\""
            }
            Self::ProvidingDataConsequences => {
                "add `consequences = \"…\"` to [providing_data]: what happens if the person does not give the information"
            }
            Self::Transfers => {
                "add `transfers = []` if the data stays in the UK, or a [[transfers]] table for each country it goes to"
            }
            _ => "see `ropa explain` for the rule named",
        }
    }
}

/// Whether the activity is told to people in a notice of this organisation's: not when it is
/// done as a processor, where the controller it is done for gives the notice.
pub fn has_notice(activity: &Activity) -> bool {
    activity.role() != Role::Processor
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

fn none_listed<T>(list: Option<&Vec<T>>) -> bool {
    list.is_none_or(Vec::is_empty)
}

fn has_contact(contact: &Contact) -> bool {
    !(blank(contact.email.as_deref())
        && blank(contact.phone.as_deref())
        && blank(contact.address.as_deref()))
}

/// The items of `ropa.toml` a notice needs that it does not hold.
pub fn register_gaps(config: &Config) -> Vec<Item> {
    let mut gaps = Vec::new();
    if !has_contact(&config.controller.to_contact()) {
        gaps.push(Item::ControllerContact);
    }
    if !config.dpo.as_ref().is_some_and(has_contact) {
        gaps.push(Item::Dpo);
    }
    if blank(config.controller.complaints.as_deref()) {
        gaps.push(Item::Complaints);
    }
    gaps
}

/// The items of one activity a notice needs that it does not hold; none for an activity done
/// as a processor.
pub fn activity_gaps(a: &Activity) -> Vec<Item> {
    if !has_notice(a) {
        return Vec::new();
    }
    let lb = a.lawful_basis.as_ref();
    let bases = a.bases();
    let has = |b: Article6Basis| bases.contains(&b);
    let checks = [
        (Item::Purposes, none_listed(a.purposes.as_ref())),
        (Item::LawfulBasis, bases.is_empty()),
        (
            Item::Law,
            bases.iter().any(|b| b.needs_law()) && blank(lb.and_then(|l| l.law.as_deref())),
        ),
        (
            Item::LegitimateInterests,
            has(Article6Basis::LegitimateInterests)
                && blank(lb.and_then(|l| l.legitimate_interests.as_deref())),
        ),
        (
            Item::RecognisedCondition,
            has(Article6Basis::RecognisedLegitimateInterest)
                && lb.and_then(|l| l.recognised_condition).is_none(),
        ),
        (
            Item::SpecialCategoryCondition,
            !a.special_categories().is_empty() && lb.is_none_or(|l| l.article9.is_empty()),
        ),
        (
            Item::CriminalOffenceCondition,
            a.criminal_offence_data == Some(true)
                && lb.is_none_or(|l| l.official_authority != Some(true) && l.schedule1.is_empty()),
        ),
        (Item::PersonalData, none_listed(a.personal_data.as_ref())),
        (Item::Sources, none_listed(a.sources.as_ref())),
        (
            Item::ProvidingData,
            a.providing_data
                .as_ref()
                .is_none_or(|p| p.requirement.is_none()),
        ),
        (
            Item::ProvidingDataConsequences,
            a.providing_data.as_ref().is_some_and(|p| {
                p.requirement.is_some_and(|r| r.is_required()) && blank(p.consequences.as_deref())
            }),
        ),
        (Item::Recipients, a.recipients.is_none()),
        (Item::Transfers, a.transfers.is_none()),
        (
            Item::TransferDestination,
            a.transfers.iter().flatten().any(|t| t.country.is_none()),
        ),
        (
            Item::TransferSafeguard,
            a.transfers.iter().flatten().any(|t| t.mechanism.is_none()),
        ),
        (Item::Retention, none_listed(a.retention.as_ref())),
        (
            Item::RetentionPeriod,
            a.retention.iter().flatten().any(|r| r.period.is_none()),
        ),
        (
            Item::AutomatedDecisions,
            a.automated_decision_making
                .as_ref()
                .is_none_or(|adm| match adm.used {
                    None => true,
                    Some(used) => used && blank(adm.details.as_deref()),
                }),
        ),
    ];
    checks
        .into_iter()
        .filter_map(|(item, missing)| missing.then_some(item))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ProvidingData, Transfer};
    use crate::vocab::DataRequirement;

    #[test]
    fn a_processor_activity_needs_no_notice_of_its_own() {
        let a = Activity {
            role: Some(Role::Processor),
            ..Activity::default()
        };
        assert!(activity_gaps(&a).is_empty());
    }

    #[test]
    fn an_empty_activity_lacks_every_item_it_must_always_give() {
        let gaps = activity_gaps(&Activity::default());
        assert_eq!(
            gaps,
            [
                Item::Purposes,
                Item::LawfulBasis,
                Item::PersonalData,
                Item::Sources,
                Item::ProvidingData,
                Item::Recipients,
                Item::Transfers,
                Item::Retention,
                Item::AutomatedDecisions,
            ]
        );
    }

    #[test]
    fn required_data_needs_its_consequences_but_voluntary_data_does_not() {
        let with = |requirement| Activity {
            providing_data: Some(ProvidingData {
                requirement: Some(requirement),
                consequences: None,
            }),
            transfers: Some(vec![Transfer::default()]),
            ..Activity::default()
        };
        assert!(
            activity_gaps(&with(DataRequirement::Statutory))
                .contains(&Item::ProvidingDataConsequences)
        );
        let voluntary = activity_gaps(&with(DataRequirement::Voluntary));
        assert!(!voluntary.contains(&Item::ProvidingDataConsequences));
        assert!(!voluntary.contains(&Item::ProvidingData));
        assert!(!voluntary.contains(&Item::Transfers));
    }
}
