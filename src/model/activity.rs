//! One processing activity: the file `activities/<id>.toml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{CountryCode, Date, ProcessorId};
use crate::vocab::{
    AdmSafeguard, AnnexCondition, Article6Basis, Article9Condition, DataRequirement, DpiaStatus,
    RetentionAction, Right, Role, Schedule1Paragraph, SpecialCategory, TransferMechanism,
};

/// One processing activity of the Record of Processing Activities (UK GDPR Art 30).
///
/// An absent list means "not recorded"; an empty list `[]` means "recorded as none".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The activity's name, e.g. "Call recording".
    pub name: String,
    /// The business function or service the activity belongs to (ICO column 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_function: Option<String>,
    /// The organisation's role: controller (default), joint-controller or processor (Art 30(2)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// A short description of what happens to the data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The person or post responsible for this activity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When this entry was last reviewed (a bare TOML date, YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
    /// When this entry is next due for review; defaults to last_reviewed plus the review interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
    /// The purposes of the processing, Art 30(1)(b) (ICO column 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub purposes: Option<Vec<String>>,
    /// Categories of data subjects, Art 30(1)(c) (ICO column 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub data_subjects: Option<Vec<String>>,
    /// Categories of personal data, Art 30(1)(c) (ICO column 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub personal_data: Option<Vec<String>>,
    /// Special categories of personal data processed (Art 9(1)); `[]` when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub special_category_data: Option<Vec<SpecialCategory>>,
    /// Whether criminal offence data (Art 10) is processed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criminal_offence_data: Option<bool>,
    /// Whether data about children is processed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<bool>,
    /// Whether the activity is an online service (an app, a website people sign up to) that
    /// children are likely to use: Art 8 and the ICO's Children's code then apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online_service: Option<bool>,
    /// Link to the record of how users' ages are assured (the Children's code, standard 3),
    /// for an online service children are likely to use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_assurance: Option<String>,
    /// Where the personal data comes from (ICO column 18; Art 14).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub sources: Option<Vec<String>>,
    /// Categories of recipients, Art 30(1)(d) (ICO column 6); `[]` when the data is not shared.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub recipients: Option<Vec<String>>,
    /// Processors used, by id (the file name in processors/ without .toml).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub processors: Option<Vec<ProcessorId>>,
    /// Where the personal data is held (ICO column 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Technical and organisational security measures, Art 30(1)(g) (ICO column 11).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub security_measures: Option<Vec<String>>,
    /// Rights available to individuals (ICO column 16); when absent, derived from the lawful basis.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub rights: Option<Vec<Right>>,
    /// Link to the privacy notice that covers this activity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy_notice: Option<String>,
    /// Whether people must give this data and what happens if they do not, for the privacy
    /// notice (UK GDPR Art 13(2)(e)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub providing_data: Option<ProvidingData>,
    /// The lawful basis (Art 6) and, for special category data, the condition (Art 9, DPA 2018 Sch 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lawful_basis: Option<LawfulBasis>,
    /// The appropriate policy document / retention and erasure policy (ICO columns 28-30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_document: Option<PolicyDocument>,
    /// Retention periods, one table per set of data, Art 30(1)(f) (ICO column 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<Vec<Retention>>,
    /// Transfers to third countries or international organisations, Art 30(1)(e) (ICO columns 8-9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfers: Option<Vec<Transfer>>,
    /// The other controller, when role = "joint-controller" (ICO column 3; Art 26).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_controller: Option<JointController>,
    /// The controllers acted for, when role = "processor" (Art 30(2)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controllers: Option<Vec<ControllerActedFor>>,
    /// Automated decision-making, including profiling (ICO column 17; Arts 22A-22D).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automated_decision_making: Option<AutomatedDecisionMaking>,
    /// DPIA screening answers (Art 35(3) and the ICO's list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<Risk>,
    /// Data protection impact assessment (ICO columns 21-23).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpia: Option<Dpia>,
    /// Personal data breaches (ICO columns 24-25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breach: Option<Breach>,
    /// Anything recorded about the activity that has no field of its own, one note per item,
    /// e.g. "Information asset owner: Head of Housing". `ropa import` keeps here what it could
    /// not place in a field, under the spreadsheet's heading, so nothing is lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub notes: Option<Vec<String>>,
    /// Justified exceptions to lint rules for this activity, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

/// The lawful basis for the processing and, for special category or criminal offence data, the conditions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawfulBasis {
    /// Article 6(1) lawful bases, one or more (ICO columns 12 and 27).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub article6: Vec<Article6Basis>,
    /// The law behind a legal-obligation or public-task basis (Art 6(3)), e.g. "Local Government Act 1972 s.111".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// The legitimate interest pursued, for legitimate-interests (ICO column 14).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legitimate_interests: Option<String>,
    /// Link to the legitimate interests assessment (ICO column 15).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lia: Option<String>,
    /// Link to the record of consent, for consent or explicit-consent (ICO column 19).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_record: Option<String>,
    /// The Annex 1 condition, for recognised-legitimate-interest (Art 6(1)(ea), 6(5)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognised_condition: Option<AnnexCondition>,
    /// Article 9(2) conditions for special category data (ICO column 13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub article9: Vec<Article9Condition>,
    /// DPA 2018 Schedule 1 paragraph numbers relied on (ICO column 26).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub schedule1: Vec<Schedule1Paragraph>,
    /// Whether criminal offence data is processed under official authority (Art 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_authority: Option<bool>,
}

/// Whether giving the data is a statutory or contractual requirement, and what happens if the
/// person does not give it (UK GDPR Art 13(2)(e)). A privacy notice must say so when the data
/// is collected from the person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvidingData {
    /// statutory (the law requires it), contractual (a contract requires it), contract-entry
    /// (needed to make a contract), voluntary (the person chooses), or obtained-elsewhere (not
    /// collected from the person).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<DataRequirement>,
    /// What happens if the person does not give it, in words for them, e.g. "We cannot deal
    /// with your request."; needed unless the data is voluntary or obtained elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consequences: Option<String>,
}

/// The appropriate policy document (DPA 2018 Sch 1 paras 39-41) or retention and erasure policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    /// Link to the policy document (ICO column 28).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Whether the data is retained and erased in line with it (ICO column 29).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compliant: Option<bool>,
    /// Why not, when compliant = false (ICO column 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// How long one set of data is kept and what happens then.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// The set of data this period applies to, e.g. "Call recordings".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// How long: "<n> days|weeks|months|years", an ISO 8601 period such as "P6M", or "permanent".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// What starts the clock, e.g. "from the date of the call".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// What happens at the end of the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<RetentionAction>,
    /// Why the data is kept this long; needed when it is kept permanently: archiving in the
    /// public interest (Art 89), or the law that requires it (e.g. the planning register).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A transfer of personal data to a third country or international organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// The destination country (ISO 3166-1 alpha-2, e.g. US).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Who receives the data there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The transfer mechanism (UK GDPR Chapter V).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<TransferMechanism>,
    /// The suitable safeguards, required for exceptional (derogation) transfers (ICO column 9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safeguards: Option<String>,
    /// For a country UK adequacy covers only in part (CA, JP, KR, US): how the recipient is
    /// inside the covered part, e.g. "certified to the UK Extension of the EU-US Data Privacy
    /// Framework".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adequacy_scope: Option<String>,
    /// Link to the transfer risk assessment: the record that the "data protection test" was
    /// considered for a transfer under Art 46 safeguards (Art 46(1A), since 5 February 2026).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_assessment: Option<String>,
}

/// The other controller in a joint-controller arrangement (Art 26).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JointController {
    /// The joint controller's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Contact details of the joint controller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Link to the Art 26 arrangement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<String>,
}

/// A controller this organisation processes data for (Art 30(2)(a)-(b)).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ControllerActedFor {
    /// The controller's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Contact details of the controller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Categories of processing carried out for this controller.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub processing: Option<Vec<String>>,
}

/// Whether decisions are made by automated means, including profiling (Arts 22A-22D, in
/// force since 5 February 2026).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisionMaking {
    /// Whether automated decision-making is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used: Option<bool>,
    /// What is decided and how, when used = true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Whether the decisions are "significant decisions" (Art 22A): a legal or similarly
    /// significant effect on the person, with no meaningful human involvement. Taken as true
    /// when automated decision-making is used and this is not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub significant: Option<bool>,
    /// The Art 22C safeguards in place for significant decisions: informed,
    /// representations, human-intervention, contest.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("uniqueItems" = true))]
    pub safeguards: Option<Vec<AdmSafeguard>>,
}

impl AutomatedDecisionMaking {
    /// Whether significant decisions are made: used, and not recorded as not significant.
    pub fn significant_decisions(&self) -> bool {
        self.used == Some(true) && self.significant != Some(false)
    }
}

/// Answers to the DPIA screening questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Processing on a large scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub large_scale: Option<bool>,
    /// Systematic monitoring, e.g. CCTV of public areas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub systematic_monitoring: Option<bool>,
    /// Innovative technology, e.g. AI transcription.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub innovative_technology: Option<bool>,
    /// Data about vulnerable people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vulnerable_people: Option<bool>,
    /// Evaluation or scoring of people, including profiling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiling: Option<bool>,
    /// Decisions about access to a service, opportunity or benefit (the ICO's "denial of
    /// service"), based on automated decisions or special category data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denial_of_service: Option<bool>,
    /// Matching or combining datasets from different sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_matching: Option<bool>,
    /// Data obtained from elsewhere without telling the people it is about (Art 14(5)(b)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invisible_processing: Option<bool>,
    /// Tracking people's location or behaviour, online or offline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking: Option<bool>,
    /// Children or vulnerable people are targeted: for marketing, profiling or automated
    /// decisions, or offered an online service directly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targeting: Option<bool>,
    /// A breach could put someone's physical health or safety at risk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_harm: Option<bool>,
}

/// Data protection impact assessment (Art 35).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dpia {
    /// Whether a DPIA is required (ICO column 21).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// How far the DPIA has got (ICO column 22).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DpiaStatus>,
    /// Link to the DPIA (ICO column 23).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// Personal data breaches affecting this activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    /// Whether a personal data breach has occurred (ICO column 24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurred: Option<bool>,
    /// Link to the record of the breach (ICO column 25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
}

/// A justified exception to one lint rule for this activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The name of the lint rule waived, e.g. "consent-by-public-authority".
    pub rule: String,
    /// Why the rule does not apply here. Required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Activity {
    /// The role, defaulting to controller.
    pub fn role(&self) -> Role {
        self.role.unwrap_or(Role::Controller)
    }

    /// The Article 6 bases, empty when none is recorded.
    pub fn bases(&self) -> &[Article6Basis] {
        self.lawful_basis
            .as_ref()
            .map_or(&[], |lb| lb.article6.as_slice())
    }

    /// When the activity is next due for review: `next_review`, else `last_reviewed` plus the
    /// register's review interval. Lint, exports and `list --overdue` all use this one answer.
    pub fn review_due(&self, interval_months: u32) -> Option<Date> {
        match (self.next_review, self.last_reviewed) {
            (Some(next), _) => Some(next),
            (None, Some(last)) => last.plus_months(interval_months),
            (None, None) => None,
        }
    }

    /// Whether the review date has passed on `today` (a review due today is not yet overdue).
    /// The `review-overdue` rule and `ropa list --overdue` share this one answer.
    pub fn review_overdue(&self, interval_months: u32, today: Date) -> bool {
        self.review_due(interval_months)
            .is_some_and(|due| due < today)
    }

    /// The special categories recorded, empty when none or not recorded.
    pub fn special_categories(&self) -> &[SpecialCategory] {
        self.special_category_data.as_deref().unwrap_or(&[])
    }

    /// The rights available: as recorded, or derived from the lawful basis, with automated
    /// decision-making rights added when such decisions are made.
    pub fn rights_available(&self) -> Vec<Right> {
        if let Some(rights) = &self.rights {
            return rights.clone();
        }
        if self.bases().is_empty() {
            // Which rights apply depends on the basis; with none recorded, neither is this.
            return Vec::new();
        }
        let mut rights = crate::vocab::rights_for_bases(self.bases());
        if self
            .automated_decision_making
            .as_ref()
            .and_then(|a| a.used)
            .unwrap_or(false)
        {
            rights.push(Right::AutomatedDecisionMaking);
        }
        rights
    }

    /// The processor ids the activity names in `processors`, in its order (a repeated id
    /// as often as it is written).
    pub fn processor_ids(&self) -> impl Iterator<Item = &str> {
        self.processors.iter().flatten().map(|p| p.0.as_str())
    }

    /// Whether the activity names the processor with this id in `processors`. Listings,
    /// summaries and exports all ask this one question.
    pub fn uses_processor(&self, id: &str) -> bool {
        self.processor_ids().any(|named| named == id)
    }
}
