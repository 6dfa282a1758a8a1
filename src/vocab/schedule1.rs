//! DPA 2018 Schedule 1 conditions: each paragraph's number, name, Part and whether it needs an
//! appropriate policy document (APD).

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

/// Whether relying on a paragraph needs an appropriate policy document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApdNeed {
    Yes,
    No,
    /// Paragraph 36 extends a Part 2 condition; the APD follows that condition, which is
    /// needed in almost every case, so ropa treats it as needed.
    FollowsPart2,
}

struct Entry {
    number: u8,
    name: &'static str,
    apd: ApdNeed,
    /// The special categories the paragraph covers, where it is limited to some.
    only: &'static [SpecialCategory],
}

use ApdNeed::{FollowsPart2, No, Yes};
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
    e(6, "Statutory and government purposes", Yes),
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
    // Para 10(2): no APD when disclosing to a competent authority; ropa cannot tell, so it asks.
    e(10, "Preventing or detecting unlawful acts", Yes),
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
    e(
        16,
        "Support for individuals with a particular disability or medical condition",
        Yes,
    ),
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
    e(20, "Insurance", Yes),
    e(21, "Occupational pensions", Yes),
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
    e(27, "Anti-doping in sport", Yes),
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
        FollowsPart2,
    ),
    e(37, "Extension of insurance conditions", No),
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

    /// "Schedule 1 paragraph 6 (Statutory and government purposes)".
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
