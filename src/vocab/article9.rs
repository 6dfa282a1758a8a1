//! Article 9(1) special categories and the Article 9(2) conditions with their Schedule 1 link.

use super::vocabulary;

vocabulary! {
    /// A special category of personal data under UK GDPR Article 9(1).
    pub enum SpecialCategory ("special category of personal data (Art 9(1))") {
        RacialEthnicOrigin = ("racial-ethnic-origin", "Racial or ethnic origin"),
        PoliticalOpinions = ("political-opinions", "Political opinions"),
        ReligiousPhilosophicalBeliefs = ("religious-philosophical-beliefs", "Religious or philosophical beliefs"),
        TradeUnionMembership = ("trade-union-membership", "Trade union membership"),
        Genetic = ("genetic", "Genetic data"),
        Biometric = ("biometric", "Biometric data (for unique identification)"),
        Health = ("health", "Health"),
        SexLifeSexualOrientation = ("sex-life-sexual-orientation", "Sex life or sexual orientation"),
    }
}

vocabulary! {
    /// A condition for processing special category data under UK GDPR Article 9(2).
    pub enum Article9Condition ("Article 9 condition") {
        ExplicitConsent = ("explicit-consent", "Explicit consent"),
        EmploymentSocialSecurity = ("employment-social-security", "Employment, social security and social protection"),
        VitalInterests = ("vital-interests", "Vital interests"),
        NotForProfitBody = ("not-for-profit-body", "Not-for-profit body"),
        MadePublic = ("made-public", "Made public by the data subject"),
        LegalClaims = ("legal-claims", "Legal claims or judicial acts"),
        SubstantialPublicInterest = ("substantial-public-interest", "Reasons of substantial public interest"),
        HealthSocialCare = ("health-social-care", "Health or social care"),
        PublicHealth = ("public-health", "Public health"),
        ArchivingResearchStatistics = ("archiving-research-statistics", "Archiving, research and statistics"),
    }
}

/// Which DPA 2018 Schedule 1 paragraphs an Article 9(2) condition must be paired with (s.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule1Link {
    /// The condition stands on its own.
    None,
    /// Exactly this Part 1 paragraph.
    Paragraph(u8),
    /// One of the Part 2 substantial public interest paragraphs, 6 to 28.
    SubstantialPublicInterest,
}

impl Schedule1Link {
    /// Whether the paragraph satisfies the link.
    pub fn accepts(self, paragraph: u8) -> bool {
        match self {
            Self::None => false,
            Self::Paragraph(p) => p == paragraph,
            Self::SubstantialPublicInterest => (6..=28).contains(&paragraph),
        }
    }

    /// The paragraphs that fit, in words: "paragraph 1" or "a paragraph from 6 to 28".
    pub fn describe(self) -> String {
        match self {
            Self::None => "no Schedule 1 paragraph".to_string(),
            Self::Paragraph(p) => format!("Schedule 1 paragraph {p}"),
            Self::SubstantialPublicInterest => {
                "a Schedule 1 Part 2 paragraph (6 to 28)".to_string()
            }
        }
    }
}

impl Article9Condition {
    /// The point of Article 9(2), e.g. `9(2)(g)`.
    pub fn point(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "9(2)(a)",
            Self::EmploymentSocialSecurity => "9(2)(b)",
            Self::VitalInterests => "9(2)(c)",
            Self::NotForProfitBody => "9(2)(d)",
            Self::MadePublic => "9(2)(e)",
            Self::LegalClaims => "9(2)(f)",
            Self::SubstantialPublicInterest => "9(2)(g)",
            Self::HealthSocialCare => "9(2)(h)",
            Self::PublicHealth => "9(2)(i)",
            Self::ArchivingResearchStatistics => "9(2)(j)",
        }
    }

    /// The Schedule 1 paragraphs DPA 2018 s.10 requires alongside this condition.
    pub fn schedule1_link(self) -> Schedule1Link {
        match self {
            Self::EmploymentSocialSecurity => Schedule1Link::Paragraph(1),
            Self::HealthSocialCare => Schedule1Link::Paragraph(2),
            Self::PublicHealth => Schedule1Link::Paragraph(3),
            Self::ArchivingResearchStatistics => Schedule1Link::Paragraph(4),
            Self::SubstantialPublicInterest => Schedule1Link::SubstantialPublicInterest,
            _ => Schedule1Link::None,
        }
    }

    /// The condition in words with its article point: "Reasons of substantial public interest (Art 9(2)(g))".
    pub fn with_point(self) -> String {
        format!("{} (Art {})", self.label(), self.point())
    }

    /// The condition for the middle of a sentence: "health or social care (Art 9(2)(h))".
    pub fn in_sentence(self) -> String {
        crate::words::lowercase_first(&self.with_point())
    }
}
