//! DPA 2018 Schedule 1 conditions: each paragraph's number, name, Part and whether it needs an
//! appropriate policy document (APD).
// Indexing cannot panic here: the paragraph number is checked to be in the table first.
#![allow(clippy::indexing_slicing)]

use super::SpecialCategory;

/// The Part of Schedule 1 a paragraph sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule1Part {
    /// Part 1: employment, health and research conditions (paragraphs 1–4).
    One,
    /// Part 2: substantial public interest conditions (paragraphs 6–28).
    Two,
    /// Part 3: additional conditions for criminal offence data only (paragraphs 29–37).
    Three,
}

/// Whether relying on a paragraph needs an appropriate policy document (DPA 2018 Sch 1
/// para 1(1)(b), para 5, para 36, para 37).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApdNeed {
    Yes,
    No,
    /// Needed, except when the processing is only a disclosure to the body named (or in
    /// preparation for it): para 10(2) (a competent authority), para 27(3) (an anti-doping
    /// body). ropa cannot tell, so it asks for one and says when a waiver is right.
    UnlessDisclosureTo(&'static str),
    /// Paragraph 36 extends a Part 2 condition and paragraph 37 the insurance condition of
    /// paragraph 20; the document follows that condition, which needs one, so ropa treats it
    /// as needed.
    Follows(&'static str),
}

struct Entry {
    number: u8,
    name: &'static str,
    apd: ApdNeed,
    /// The special categories the paragraph covers, where it is limited to some (the limits
    /// are in each paragraph's own text, e.g. para 16(2), 20(1)(b), 21(1)(b)).
    only: &'static [SpecialCategory],
}

use ApdNeed::{Follows, No, UnlessDisclosureTo, Yes};
use SpecialCategory as Sc;

const fn e(number: u8, name: &'static str, apd: ApdNeed) -> Entry {
    Entry {
        number,
        name,
        apd,
        only: &[],
    }
}

/// The paragraphs that are conditions, in order. Paragraph 5 (the APD requirement itself) and
/// Part 4 (38–41, APD content) are not conditions and so are not listed.
const TABLE: &[Entry] = &[
    e(1, "Employment, social security and social protection", Yes),
    e(2, "Health or social care purposes", No),
    e(3, "Public health", No),
    e(4, "Research etc", No),
    e(6, "Statutory etc and government purposes", Yes),
    e(
        7,
        "Administration of justice and parliamentary purposes",
        Yes,
    ),
    Entry {
        number: 8,
        name: "Equality of opportunity or treatment",
        apd: Yes,
        only: &[
            Sc::RacialEthnicOrigin,
            Sc::ReligiousPhilosophicalBeliefs,
            Sc::Health,
            Sc::SexLifeSexualOrientation,
        ],
    },
    Entry {
        number: 9,
        name: "Racial and ethnic diversity at senior levels of organisations",
        apd: Yes,
        only: &[Sc::RacialEthnicOrigin],
    },
    e(
        10,
        "Preventing or detecting unlawful acts",
        UnlessDisclosureTo("a competent authority (para 10(2))"),
    ),
    e(11, "Protecting the public against dishonesty etc", Yes),
    e(
        12,
        "Regulatory requirements relating to unlawful acts and dishonesty etc",
        Yes,
    ),
    e(
        13,
        "Journalism etc in connection with unlawful acts and dishonesty etc",
        No,
    ),
    e(14, "Preventing fraud", Yes),
    e(
        15,
        "Suspicion of terrorist financing or money laundering",
        Yes,
    ),
    // Para 16(1)(a) also limits it to a not-for-profit body; see `not_for_profit_only`.
    Entry {
        number: 16,
        name: "Support for individuals with a particular disability or medical condition",
        apd: Yes,
        only: &[
            Sc::RacialEthnicOrigin,
            Sc::Genetic,
            Sc::Biometric,
            Sc::Health,
            Sc::SexLifeSexualOrientation,
        ],
    },
    e(17, "Counselling etc", Yes),
    e(
        18,
        "Safeguarding of children and of individuals at risk",
        Yes,
    ),
    Entry {
        number: 19,
        name: "Safeguarding of economic well-being of certain individuals",
        apd: Yes,
        only: &[Sc::Health],
    },
    Entry {
        number: 20,
        name: "Insurance",
        apd: Yes,
        only: &[
            Sc::RacialEthnicOrigin,
            Sc::ReligiousPhilosophicalBeliefs,
            Sc::TradeUnionMembership,
            Sc::Genetic,
            Sc::Health,
        ],
    },
    Entry {
        number: 21,
        name: "Occupational pensions",
        apd: Yes,
        only: &[Sc::Health],
    },
    Entry {
        number: 22,
        name: "Political parties",
        apd: Yes,
        only: &[Sc::PoliticalOpinions],
    },
    e(23, "Elected representatives responding to requests", Yes),
    e(24, "Disclosure to elected representatives", Yes),
    e(25, "Informing elected representatives about prisoners", Yes),
    e(26, "Publication of legal judgments", Yes),
    e(
        27,
        "Anti-doping in sport",
        UnlessDisclosureTo("an anti-doping body (para 27(3))"),
    ),
    e(28, "Standards of behaviour in sport", Yes),
    e(29, "Consent", No),
    e(30, "Protecting individual's vital interests", No),
    e(31, "Processing by not-for-profit bodies", No),
    e(32, "Personal data in the public domain", No),
    e(33, "Legal claims", No),
    e(34, "Judicial acts", No),
    e(
        35,
        "Administration of accounts used in commission of indecency offences involving children",
        Yes,
    ),
    e(
        36,
        "Extension of conditions in Part 2 referring to substantial public interest",
        Follows("the Part 2 condition it extends"),
    ),
    e(
        37,
        "Extension of insurance conditions",
        Follows("paragraph 20 (insurance), which it extends"),
    ),
];

/// A DPA 2018 Schedule 1 paragraph that is a processing condition, by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Schedule1Paragraph(u8);

impl Schedule1Paragraph {
    /// The paragraph with this number, if it is a condition.
    pub fn new(number: i64) -> Option<Self> {
        TABLE
            .iter()
            .find(|e| i64::from(e.number) == number)
            .map(|e| Self(e.number))
    }

    /// Every condition paragraph, in order.
    pub fn all() -> impl Iterator<Item = Self> {
        TABLE.iter().map(|e| Self(e.number))
    }

    fn entry(self) -> &'static Entry {
        // Values are only made by `new`/`all`, which take numbers from the table.
        TABLE
            .iter()
            .find(|e| e.number == self.0)
            .unwrap_or(&TABLE[0])
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The paragraph's heading in the Act.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    pub fn part(self) -> Schedule1Part {
        match self.0 {
            1..=4 => Schedule1Part::One,
            6..=28 => Schedule1Part::Two,
            _ => Schedule1Part::Three,
        }
    }

    pub fn apd(self) -> ApdNeed {
        self.entry().apd
    }

    /// Whether relying on this paragraph needs an appropriate policy document.
    pub fn needs_apd(self) -> bool {
        !matches!(self.apd(), ApdNeed::No)
    }

    /// The special categories this paragraph is limited to; empty when it covers all of them.
    pub fn only_categories(self) -> &'static [SpecialCategory] {
        self.entry().only
    }

    /// Whether only a not-for-profit body may rely on it (para 16(1)(a)).
    pub fn not_for_profit_only(self) -> bool {
        self.0 == 16
    }

    /// "Schedule 1 paragraph 6 (Statutory etc and government purposes)".
    pub fn with_name(self) -> String {
        format!("Schedule 1 paragraph {} ({})", self.0, self.name())
    }
}

impl std::fmt::Display for Schedule1Paragraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl serde::Serialize for Schedule1Paragraph {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Schedule1Paragraph {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let number = i64::deserialize(d)?;
        Self::new(number).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{number} is not a DPA 2018 Schedule 1 condition paragraph (1-4, 6-37)"
            ))
        })
    }
}

impl schemars::JsonSchema for Schedule1Paragraph {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Schedule1Paragraph".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let numbers: Vec<u8> = TABLE.iter().map(|e| e.number).collect();
        let meanings: Vec<String> = TABLE
            .iter()
            .map(|e| format!("{}: {}", e.number, e.name))
            .collect();
        schemars::json_schema!({
            "type": "integer",
            "enum": numbers,
            "description": format!(
                "DPA 2018 Schedule 1 paragraph number. One of: {}.",
                meanings.join("; ")
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(n: i64) -> Schedule1Paragraph {
        Schedule1Paragraph::new(n).unwrap()
    }

    #[test]
    fn category_limits_follow_each_paragraphs_text() {
        // DPA 2018 Sch 1 para 16(2), 20(1)(b), 21(1)(b).
        assert_eq!(
            para(16).only_categories(),
            [
                Sc::RacialEthnicOrigin,
                Sc::Genetic,
                Sc::Biometric,
                Sc::Health,
                Sc::SexLifeSexualOrientation
            ]
        );
        assert!(para(16).not_for_profit_only());
        assert!(
            !para(16)
                .only_categories()
                .contains(&Sc::TradeUnionMembership)
        );
        assert_eq!(
            para(20).only_categories(),
            [
                Sc::RacialEthnicOrigin,
                Sc::ReligiousPhilosophicalBeliefs,
                Sc::TradeUnionMembership,
                Sc::Genetic,
                Sc::Health
            ]
        );
        assert_eq!(para(21).only_categories(), [Sc::Health]);
        assert!(para(6).only_categories().is_empty());
    }

    #[test]
    fn policy_document_needs_follow_the_act() {
        // Para 10(2) and 27(3): not needed for a disclosure to the body named; 36 and 37
        // follow the condition they extend (37: para 20, which needs one).
        assert!(
            matches!(para(10).apd(), ApdNeed::UnlessDisclosureTo(b) if b.contains("competent authority"))
        );
        assert!(
            matches!(para(27).apd(), ApdNeed::UnlessDisclosureTo(b) if b.contains("anti-doping"))
        );
        assert!(matches!(para(37).apd(), ApdNeed::Follows(c) if c.contains("paragraph 20")));
        assert!(para(37).needs_apd() && para(36).needs_apd() && para(20).needs_apd());
        assert!(!para(2).needs_apd() && !para(13).needs_apd());
        assert_eq!(para(6).name(), "Statutory etc and government purposes");
    }
}
