//! Article 6(1) lawful bases, including the UK's 6(1)(ea) recognised legitimate interest.

use super::vocabulary;

vocabulary! {
    /// A lawful basis under UK GDPR Article 6(1).
    pub enum Article6Basis ("Article 6 lawful basis") {
        Consent = ("consent", "Consent"),
        Contract = ("contract", "Contract"),
        LegalObligation = ("legal-obligation", "Legal obligation"),
        VitalInterests = ("vital-interests", "Vital interests"),
        PublicTask = ("public-task", "Public task"),
        /// UK only: Data (Use and Access) Act 2025 s.70, in force 5 February 2026.
        RecognisedLegitimateInterest = ("recognised-legitimate-interest", "Recognised legitimate interest"),
        LegitimateInterests = ("legitimate-interests", "Legitimate interests"),
    }
}

impl Article6Basis {
    /// The point of Article 6(1), e.g. `6(1)(e)`.
    pub fn point(self) -> &'static str {
        match self {
            Self::Consent => "6(1)(a)",
            Self::Contract => "6(1)(b)",
            Self::LegalObligation => "6(1)(c)",
            Self::VitalInterests => "6(1)(d)",
            Self::PublicTask => "6(1)(e)",
            Self::RecognisedLegitimateInterest => "6(1)(ea)",
            Self::LegitimateInterests => "6(1)(f)",
        }
    }

    /// What the basis means, in one plain sentence for a privacy notice or a published register.
    pub fn plain_english(self) -> &'static str {
        match self {
            Self::Consent => "you have given your consent",
            Self::Contract => {
                "it is needed for a contract with you, or to take steps you asked for before one"
            }
            Self::LegalObligation => "the law requires us to do it",
            Self::VitalInterests => "it is needed to protect someone's life",
            Self::PublicTask => {
                "it is needed for a task we carry out in the public interest or under official authority"
            }
            Self::RecognisedLegitimateInterest => {
                "it is needed for one of the recognised legitimate interests set out in law"
            }
            Self::LegitimateInterests => {
                "it is needed for legitimate interests that are not outweighed by your interests"
            }
        }
    }

    /// The basis in words with its article point: "Public task (Art 6(1)(e))".
    pub fn with_point(self) -> String {
        format!("{} (Art {})", self.label(), self.point())
    }

    /// The basis for the middle of a sentence: "public task (Art 6(1)(e))".
    pub fn in_sentence(self) -> String {
        crate::words::lowercase_first(&self.with_point())
    }

    /// Whether Art 6(3) requires the basis to be laid down by law, so the record should name it.
    pub fn needs_law(self) -> bool {
        matches!(self, Self::LegalObligation | Self::PublicTask)
    }

    /// Whether the basis is closed to a public authority for its tasks (Art 6(1), last sentence).
    pub fn unavailable_to_public_authorities(self) -> bool {
        matches!(
            self,
            Self::LegitimateInterests | Self::RecognisedLegitimateInterest
        )
    }
}
