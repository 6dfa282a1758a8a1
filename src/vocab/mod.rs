//! The closed lists of UK GDPR and DPA 2018 terms, with their slugs, labels and legal points.
//!
//! Everything that needs to know what `public-task` means — the loader's schema, lint rules,
//! exports, future privacy notices — reads it from here, so a term is defined exactly once.

mod annex1;
mod article6;
mod article9;
mod derived;
pub mod matcher;
mod misc;
mod schedule1;
mod transfers;
pub mod wording;

pub use annex1::AnnexCondition;
pub use article6::Article6Basis;
pub use article9::{Article9Condition, Schedule1Link, SpecialCategory};
pub use derived::{bases_giving, rights_for_bases};
pub use misc::{AdmSafeguard, DataRequirement, DpiaStatus, RetentionAction, Right, Role};
pub use schedule1::{ApdNeed, Schedule1Paragraph, Schedule1Part};
pub use transfers::{
    ADEQUACY_AS_OF, Adequacy, TransferMechanism, adequacy_for, not_a_country_code,
};

/// A closed list whose values are written as kebab-case slugs in register files.
///
/// The schema, the loader's "allowed values" hints and the exports all go through this trait,
/// so adding a value to a vocabulary updates all of them.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What one value is called in messages, e.g. "Article 6 lawful basis".
    const WHAT: &'static str;
    /// Every value, in the order the law lists them.
    const ALL: &'static [Self];
    /// The slug written in register files.
    fn slug(self) -> &'static str;
    /// A short label in plain English.
    fn label(self) -> &'static str;
    /// The value for a slug, if there is one.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.slug() == slug)
    }
}

/// Declares a slug vocabulary: an enum with `Vocabulary`, `Display`, serde and `JsonSchema`
/// implementations that all read from the one list given here.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[doc = $doc:literal])* $variant:ident = ($slug:literal, $label:literal), )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[doc = $doc])* $variant, )+
        }

        impl $crate::vocab::Vocabulary for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[ $( Self::$variant, )+ ];
            fn slug(self) -> &'static str {
                match self { $( Self::$variant => $slug, )+ }
            }
            fn label(self) -> &'static str {
                match self { $( Self::$variant => $label, )+ }
            }
        }

        impl $name {
            /// The slug written in register files.
            pub fn slug(self) -> &'static str {
                <Self as $crate::vocab::Vocabulary>::slug(self)
            }
            /// A short label in plain English.
            pub fn label(self) -> &'static str {
                <Self as $crate::vocab::Vocabulary>::label(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.slug())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                <Self as $crate::vocab::Vocabulary>::from_slug(s)
                    .ok_or_else(|| $crate::vocab::unknown_slug_message::<Self>(s))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.slug())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::vocab::slug_schema::<Self>()
            }
        }
    };
}
pub(crate) use vocabulary;

/// The JSON Schema of a slug vocabulary: a string enum whose description lists each meaning,
/// so an editor's hover explains the values.
pub(crate) fn slug_schema<V: Vocabulary>() -> schemars::Schema {
    let slugs: Vec<&str> = V::ALL.iter().map(|v| v.slug()).collect();
    let meanings: Vec<String> = V::ALL
        .iter()
        .map(|v| format!("`{}`: {}", v.slug(), v.label()))
        .collect();
    schemars::json_schema!({
        "type": "string",
        "enum": slugs,
        "description": format!("{}. One of: {}.", V::WHAT, meanings.join("; ")),
    })
}

/// The message for a slug that is not in a vocabulary, naming the allowed values.
pub(crate) fn unknown_slug_message<V: Vocabulary>(text: &str) -> String {
    let allowed: Vec<&str> = V::ALL.iter().map(|v| v.slug()).collect();
    format!(
        "`{text}` is not a known {}; expected one of: {}",
        V::WHAT,
        allowed.join(", ")
    )
}

/// What a closed list is called and its values with their meanings, for schema descriptions
/// and for naming the list in error messages.
#[derive(Debug, Clone)]
pub struct VocabInfo {
    pub what: &'static str,
    /// Each value as written in a file (slug or number) and its meaning.
    pub values: Vec<(String, &'static str)>,
}

fn info<V: Vocabulary>() -> VocabInfo {
    VocabInfo {
        what: V::WHAT,
        values: V::ALL
            .iter()
            .map(|v| (v.slug().to_string(), v.label()))
            .collect(),
    }
}

/// Every closed list of the register format.
pub fn catalogue() -> Vec<VocabInfo> {
    vec![
        info::<Article6Basis>(),
        info::<AnnexCondition>(),
        info::<SpecialCategory>(),
        info::<Article9Condition>(),
        info::<TransferMechanism>(),
        info::<Right>(),
        info::<Role>(),
        info::<RetentionAction>(),
        info::<DpiaStatus>(),
        info::<DataRequirement>(),
        VocabInfo {
            what: "DPA 2018 Schedule 1 condition paragraph",
            values: Schedule1Paragraph::all()
                .map(|p| (p.number().to_string(), p.name()))
                .collect(),
        },
    ]
}

/// The closed list whose values are exactly `values` (as written in a file), if any.
pub fn vocab_with_values(values: &[String]) -> Option<VocabInfo> {
    catalogue().into_iter().find(|v| {
        v.values.len() == values.len() && v.values.iter().zip(values).all(|((a, _), b)| a == b)
    })
}
