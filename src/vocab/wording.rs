//! The fixed legal wording of a privacy notice: one paragraph per Article 6 basis, per
//! Article 9 condition, per right and per requirement to give the data, and the sentences that
//! join the register's own words into a notice.
//!
//! Written as a council would publish it: short sentences, second person, no Latin. Every
//! sentence of a notice is either one of these or a value from the register; `catalogue` lists
//! all of them so a test can check that a notice says nothing else.

use std::borrow::Cow;

use super::{
    AnnexCondition, Article6Basis, Article9Condition, DataRequirement, RetentionAction, Right,
    TransferMechanism, Vocabulary,
};

/// What a notice says in place of an item the register does not hold.
pub const NOT_RECORDED: &str = "[not recorded]";

/// The Information Commissioner's Office, where anyone can complain (UK GDPR Art 77).
pub const ICO_NAME: &str = "Information Commissioner's Office";
pub const ICO_ADDRESS: &str = "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF";
pub const ICO_PHONE: &str = "0303 123 1113";
pub const ICO_WEBSITE: &str = "https://ico.org.uk/make-a-complaint/";

/// The notice's section headings, in the order people meet them in council notices.
pub mod heading {
    pub const WHO_WE_ARE: &str = "Who we are";
    pub const WHAT_WE_COLLECT: &str = "What we collect";
    pub const WHY_AND_BASIS: &str = "Why we use it and our lawful basis";
    pub const SHARING: &str = "Who we share it with";
    pub const RETENTION: &str = "How long we keep it";
    pub const RIGHTS: &str = "Your rights";
    pub const COMPLAINTS: &str = "How to complain";
    /// Sub-headings.
    pub const SOURCES: &str = "Where we get it from";
    pub const MUST_YOU_GIVE_IT: &str = "Do you have to give it to us?";
    pub const ABROAD: &str = "Sending it outside the UK";
    pub const AUTOMATED: &str = "Decisions made by computer";
    pub const DPO: &str = "Our data protection officer";
    pub const REPRESENTATIVE: &str = "Our UK representative";

    pub const ALL: &[&str] = &[
        WHO_WE_ARE,
        WHAT_WE_COLLECT,
        WHY_AND_BASIS,
        SHARING,
        RETENTION,
        RIGHTS,
        COMPLAINTS,
        SOURCES,
        MUST_YOU_GIVE_IT,
        ABROAD,
        AUTOMATED,
        DPO,
        REPRESENTATIVE,
    ];
}

/// Labels put before a value from the register: "Email: dpo@…".
pub mod label {
    pub const ADDRESS: &str = "Address: ";
    pub const EMAIL: &str = "Email: ";
    pub const PHONE: &str = "Telephone: ";
    pub const WEBSITE: &str = "Website: ";
    pub const ICO_REGISTRATION: &str = "ICO registration number: ";
    pub const PURPOSES: &str = "What we use it for:";
    pub const BASIS: &str = "Our lawful basis: ";
    pub const LAW: &str = "The law that allows it: ";
    pub const INTERESTS: &str = "The interests we pursue: ";
    pub const RECOGNISED: &str = "The recognised legitimate interest: ";
    pub const SPECIAL: &str =
        "For the more sensitive information (special category data), our condition: ";
    pub const CRIMINAL: &str = "For information about criminal offences: ";
    pub const IF_NOT_GIVEN: &str = "If you do not give it: ";
    pub const SAFEGUARD: &str = "How it is protected: ";
    pub const COMMA: &str = ", ";
    pub const SPACE: &str = " ";
    pub const APPLIES_TO: &str = "This applies only to: ";
    pub const SCHEDULE1: &str = "The conditions of the Data Protection Act 2018 we rely on:";
    pub const SCHEDULE1_BELOW: &str = "A condition of the Data Protection Act 2018, listed below.";
    pub const SENTENCE_END: &str = ".";
    pub const COLON: &str = ": ";
    /// Table headings.
    pub const COUNTRY: &str = "Country";
    pub const RECIPIENT: &str = "Who receives it";
    pub const INFORMATION: &str = "Information";
    pub const HOW_LONG: &str = "How long we keep it";
    pub const THEN: &str = "What happens then";

    pub const ALL: &[&str] = &[
        ADDRESS,
        EMAIL,
        PHONE,
        WEBSITE,
        ICO_REGISTRATION,
        PURPOSES,
        BASIS,
        LAW,
        INTERESTS,
        RECOGNISED,
        SPECIAL,
        CRIMINAL,
        IF_NOT_GIVEN,
        SAFEGUARD,
        COMMA,
        SPACE,
        APPLIES_TO,
        SCHEDULE1,
        SCHEDULE1_BELOW,
        SENTENCE_END,
        COLON,
        COUNTRY,
        RECIPIENT,
        INFORMATION,
        HOW_LONG,
        THEN,
    ];
}

/// Fixed sentences of the notice.
pub mod sentence {
    pub const TITLE: &str = "Privacy notice";
    pub const INTRO: &str = "This notice tells you how we use your personal information, why we are allowed to, and the rights you have. It covers:";
    pub const CONTROLLER: &str = "We are the data controller for your information:";
    pub const ABOUT: &str = "This notice is about:";
    pub const DATA: &str = "We use these kinds of information about you:";
    pub const SPECIAL: &str =
        "Some of it is more sensitive, and the law protects it more (special category data):";
    pub const CRIMINAL: &str =
        "We also use information about criminal offences, allegations or convictions.";
    pub const SHARED_WITH: &str = "We share your information with:";
    pub const NOT_SHARED: &str = "We do not share this information with other organisations.";
    pub const PROCESSORS: &str = "These organisations handle your information for us, under a contract and only on our instructions:";
    pub const NOT_ABROAD: &str = "We do not send this information outside the UK.";
    pub const ABROAD: &str = "We send some of your information outside the UK:";
    pub const SAFEGUARD_COPY: &str = "You can ask our data protection officer for a copy of the safeguards that protect your information abroad.";
    pub const RETENTION: &str = "We keep your information only as long as we need it:";
    pub const ADM_NONE: &str = "We do not make decisions about you by computer alone.";
    pub const ADM_USED: &str =
        "We make some decisions about you by computer, without a person deciding:";
    pub const ADM_NOT_SIGNIFICANT: &str =
        "These decisions do not have a legal or similarly significant effect on you.";
    pub const ADM_SIGNIFICANT: &str = "These decisions can have a legal or similarly significant effect on you. You can ask us to tell you about a decision, give us your views, ask for a person to look at it again, and challenge it.";
    pub const RIGHTS_INTRO: &str = "You have these rights over your information. Which ones apply depends on why we use it, so this notice lists only the rights you have here.";
    pub const WITHDRAW: &str = "Where we rely on your consent, you can withdraw it at any time. This does not affect anything we did before you withdrew it.";
    pub const HOW_TO_USE_RIGHTS: &str = "To use any of these rights, contact our data protection officer. We must usually reply within one month, and it is usually free.";
    pub const COMPLAIN_TO_US: &str =
        "If you are unhappy with how we have used your information, please tell us first:";
    pub const COMPLAIN_TO_ICO: &str = "You can also complain to the Information Commissioner's Office (ICO), the UK's data protection regulator:";
    pub const FOOTER: &str = "This notice was written from our record of processing activities.";

    pub const ALL: &[&str] = &[
        TITLE,
        INTRO,
        CONTROLLER,
        ABOUT,
        DATA,
        SPECIAL,
        CRIMINAL,
        SHARED_WITH,
        NOT_SHARED,
        PROCESSORS,
        NOT_ABROAD,
        ABROAD,
        SAFEGUARD_COPY,
        RETENTION,
        ADM_NONE,
        ADM_USED,
        ADM_NOT_SIGNIFICANT,
        ADM_SIGNIFICANT,
        RIGHTS_INTRO,
        WITHDRAW,
        HOW_TO_USE_RIGHTS,
        COMPLAIN_TO_US,
        COMPLAIN_TO_ICO,
        FOOTER,
    ];
}

impl Article6Basis {
    /// What the basis means for the person, as a notice says it.
    pub fn notice_paragraph(self) -> &'static str {
        match self {
            Self::Consent => "You have agreed to us using your information for this purpose.",
            Self::Contract => {
                "We need your information to carry out a contract we have with you, or to take steps you asked for before making one."
            }
            Self::LegalObligation => "The law requires us to use your information in this way.",
            Self::VitalInterests => {
                "We need your information to protect your life or someone else's."
            }
            Self::PublicTask => {
                "We need your information to carry out a task in the public interest, or to use powers the law gives us."
            }
            Self::RecognisedLegitimateInterest => {
                "We need your information for a purpose the law recognises as a legitimate interest in itself."
            }
            Self::LegitimateInterests => {
                "We need your information for our legitimate interests, and we have checked that your interests and rights do not override them."
            }
        }
    }

    /// The basis's name and article in a notice: "Public task (UK GDPR Article 6(1)(e))".
    pub fn notice_name(self) -> &'static str {
        match self {
            Self::Consent => "Consent (UK GDPR Article 6(1)(a))",
            Self::Contract => "Contract (UK GDPR Article 6(1)(b))",
            Self::LegalObligation => "Legal obligation (UK GDPR Article 6(1)(c))",
            Self::VitalInterests => "Vital interests (UK GDPR Article 6(1)(d))",
            Self::PublicTask => "Public task (UK GDPR Article 6(1)(e))",
            Self::RecognisedLegitimateInterest => {
                "Recognised legitimate interest (UK GDPR Article 6(1)(ea))"
            }
            Self::LegitimateInterests => "Legitimate interests (UK GDPR Article 6(1)(f))",
        }
    }
}

impl Article9Condition {
    /// What the condition means for the person, as a notice says it.
    pub fn notice_paragraph(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "You have given your explicit consent.",
            Self::EmploymentSocialSecurity => {
                "We need it to meet our duties or use our rights under employment, social security or social protection law."
            }
            Self::VitalInterests => {
                "We need it to protect your life or someone else's, and you cannot give consent."
            }
            Self::NotForProfitBody => {
                "We are a not-for-profit body, and the information is about our members or people in regular contact with us."
            }
            Self::MadePublic => "You have clearly made the information public yourself.",
            Self::LegalClaims => {
                "We need it to make, exercise or defend legal claims, or a court needs it."
            }
            Self::SubstantialPublicInterest => {
                "We need it for reasons of substantial public interest that the law sets out."
            }
            Self::HealthSocialCare => {
                "We need it to provide health or social care, or to run health or social care services."
            }
            Self::PublicHealth => "We need it for reasons of public health.",
            Self::ArchivingResearchStatistics => {
                "We need it for archiving in the public interest, for research or for statistics."
            }
        }
    }

    /// The condition's article in a notice: "(UK GDPR Article 9(2)(g))".
    pub fn notice_point(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "UK GDPR Article 9(2)(a)",
            Self::EmploymentSocialSecurity => "UK GDPR Article 9(2)(b)",
            Self::VitalInterests => "UK GDPR Article 9(2)(c)",
            Self::NotForProfitBody => "UK GDPR Article 9(2)(d)",
            Self::MadePublic => "UK GDPR Article 9(2)(e)",
            Self::LegalClaims => "UK GDPR Article 9(2)(f)",
            Self::SubstantialPublicInterest => "UK GDPR Article 9(2)(g)",
            Self::HealthSocialCare => "UK GDPR Article 9(2)(h)",
            Self::PublicHealth => "UK GDPR Article 9(2)(i)",
            Self::ArchivingResearchStatistics => "UK GDPR Article 9(2)(j)",
        }
    }
}

/// The sentence a notice gives when criminal offence data is used under official authority.
pub const CRIMINAL_OFFICIAL_AUTHORITY: &str =
    "We use it under the official authority the law gives us (UK GDPR Article 10).";

impl Right {
    /// What the right lets the person do, as a notice says it.
    pub fn notice_paragraph(self) -> &'static str {
        match self {
            Self::Informed => {
                "You have the right to be told how we use your information. This notice does that."
            }
            Self::Access => "You can ask for a copy of the information we hold about you.",
            Self::Rectification => {
                "You can ask us to correct information that is wrong or incomplete."
            }
            Self::Erasure => "You can ask us to delete your information.",
            Self::Restriction => {
                "You can ask us to limit how we use your information, for example while you challenge its accuracy."
            }
            Self::Portability => {
                "You can ask for the information you gave us in a form you can take to another organisation, where we handle it by computer."
            }
            Self::Object => {
                "You can object to us using your information. We must then stop unless we have strong legitimate reasons to continue. You can always object to direct marketing."
            }
            Self::AutomatedDecisionMaking => {
                "If we make a significant decision about you by computer alone, you can ask us about it. You can also give your views, ask a person to look at it again, and challenge it."
            }
        }
    }
}

impl Right {
    /// The right's name as a notice heads it.
    pub fn notice_name(self) -> &'static str {
        match self {
            Self::Informed => "Your right to be informed",
            Self::Access => "Your right of access",
            Self::Rectification => "Your right to have your information corrected",
            Self::Erasure => "Your right to have your information deleted",
            Self::Restriction => "Your right to limit how we use your information",
            Self::Portability => "Your right to take your information elsewhere",
            Self::Object => "Your right to object",
            Self::AutomatedDecisionMaking => "Your rights about decisions made by computer",
        }
    }
}

impl super::Schedule1Paragraph {
    /// The paragraph as a notice cites it: "Data Protection Act 2018, Schedule 1, paragraph 6
    /// (statutory etc and government purposes)".
    pub fn notice_name(self) -> String {
        format!(
            "Data Protection Act 2018, Schedule 1, paragraph {} ({})",
            self.number(),
            crate::words::lowercase_first(self.name())
        )
    }
}

impl DataRequirement {
    /// Whether the person must give the data, as a notice says it (Art 13(2)(e)).
    pub fn notice_sentence(self) -> &'static str {
        match self {
            Self::Statutory => "The law requires you to give us this information.",
            Self::Contractual => "You must give us this information under a contract with us.",
            Self::ContractEntry => {
                "We need this information before we can make a contract with you."
            }
            Self::Voluntary => "You do not have to give us this information.",
            Self::ObtainedElsewhere => {
                "We do not collect this information from you; we get it from the sources listed."
            }
        }
    }
}

impl TransferMechanism {
    /// What protects data sent abroad this way, as a notice says it.
    pub fn notice_sentence(self) -> &'static str {
        match self {
            Self::Adequacy => {
                "UK law recognises that the country protects personal information to UK standards."
            }
            Self::Idta => "An International Data Transfer Agreement approved by the UK.",
            Self::UkAddendum => {
                "The UK Addendum to the European Union's standard contractual clauses."
            }
            Self::Bcr => "Binding corporate rules approved by the Information Commissioner.",
            Self::OtherSafeguard => "Another safeguard that UK law allows (UK GDPR Article 46).",
            Self::Derogation => {
                "An exception UK law allows for this specific situation (UK GDPR Article 49)."
            }
        }
    }
}

impl RetentionAction {
    /// What happens at the end of the period, as a notice says it.
    pub fn notice_word(self) -> &'static str {
        match self {
            Self::Delete => "Deleted",
            Self::Anonymise => "Made anonymous",
            Self::Review => "Reviewed to decide whether to keep it",
            Self::Archive => "Archived",
        }
    }
}

/// Every fixed piece of text a notice may contain: the headings, labels and sentences above,
/// each paragraph of each vocabulary, and the vocabularies' own labels.
pub fn catalogue() -> Vec<Cow<'static, str>> {
    let mut all: Vec<&'static str> = Vec::new();
    all.extend(heading::ALL);
    all.extend(label::ALL);
    all.extend(sentence::ALL);
    all.extend([
        NOT_RECORDED,
        ICO_NAME,
        ICO_ADDRESS,
        ICO_PHONE,
        ICO_WEBSITE,
        CRIMINAL_OFFICIAL_AUTHORITY,
    ]);
    for b in Article6Basis::ALL {
        all.extend([b.notice_paragraph(), b.notice_name()]);
    }
    for c in Article9Condition::ALL {
        all.extend([c.notice_paragraph(), c.notice_point()]);
    }
    for r in Right::ALL {
        all.extend([r.notice_paragraph(), r.notice_name()]);
    }
    for d in DataRequirement::ALL {
        all.push(d.notice_sentence());
    }
    for m in TransferMechanism::ALL {
        all.push(m.notice_sentence());
    }
    for a in RetentionAction::ALL {
        all.push(a.notice_word());
    }
    for a in AnnexCondition::ALL {
        all.push(a.label());
    }
    for s in super::SpecialCategory::ALL {
        all.push(s.label());
    }
    let mut all: Vec<Cow<'static, str>> = all.into_iter().map(Cow::Borrowed).collect();
    all.extend(super::Schedule1Paragraph::all().map(|p| Cow::Owned(p.notice_name())));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain English a council would publish: no Latin, no "data subject", short sentences.
    #[test]
    fn the_wording_is_plain_english() {
        // The Act's own paragraph headings and the record's legal name are quoted as they are.
        let quoted = |t: &str| t.starts_with("Data Protection Act 2018, Schedule 1");
        for text in catalogue().iter().filter(|t| !quoted(t)) {
            let text = text.replace("record of processing activities", "record");
            for word in [
                "i.e.",
                "e.g.",
                "etc",
                "data subject",
                "processing",
                "pursuant",
            ] {
                assert!(
                    !text.to_lowercase().contains(word),
                    "{text:?} uses {word:?}"
                );
            }
            for sentence in text.split(". ") {
                assert!(
                    sentence.split_whitespace().count() <= 30,
                    "{sentence:?} is too long"
                );
            }
        }
    }

    #[test]
    fn every_basis_and_right_has_its_own_paragraph() {
        let mut paragraphs: Vec<&str> = Right::ALL.iter().map(|r| r.notice_paragraph()).collect();
        paragraphs.extend(Article6Basis::ALL.iter().map(|b| b.notice_paragraph()));
        let before = paragraphs.len();
        paragraphs.sort_unstable();
        paragraphs.dedup();
        assert_eq!(paragraphs.len(), before);
    }
}
