//! Small value types shared by the register files: dates, ids, country codes.
// Indexing cannot panic here: the date text is checked for its length and form before its bytes are read.
#![allow(clippy::indexing_slicing)]

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, written in TOML as a bare date (`2026-03-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        text.parse::<jiff::civil::Date>().ok().map(Date)
    }

    /// A date as people write it: `2026-01-31` (a date and time keeps its date), a UK date
    /// (`31/01/2026`, `31-01-2026`, `31.01.26`) or "31 January 2026". For reading
    /// spreadsheets and for suggesting the `YYYY-MM-DD` form of a date written another way.
    pub fn from_written(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(date) = Date::parse(text.get(..10).unwrap_or(text)) {
            return Some(date);
        }
        let parts: Vec<&str> = text
            .split(['/', '-', '.', ' ', ','])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() != 3 {
            return None;
        }
        let day: i8 = parts[0].parse().ok()?;
        let month: i8 = match parts[1].parse() {
            Ok(m) => m,
            Err(_) => month_by_name(parts[1])?,
        };
        let year: i16 = match parts[2].parse::<i16>().ok()? {
            y @ 0..=99 => 2000 + y,
            y => y,
        };
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// This date plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
    pub fn plus_months(self, months: u32) -> Option<Self> {
        self.0
            .checked_add(jiff::Span::new().months(i64::from(months)))
            .ok()
            .map(Date)
    }
}

fn month_by_name(name: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_lowercase();
    let position = MONTHS.iter().position(|m| lower.starts_with(m))?;
    i8::try_from(position + 1).ok()
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

/// Reads a date from text (the JSON route) or from a TOML date (the model read straight from
/// the parser, which hands dates over as its own datetime type).
struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date in the form YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
        Date::parse(text)
            .ok_or_else(|| E::custom(format!("`{text}` is not a date in the form YYYY-MM-DD")))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
        let written =
            toml::value::Datetime::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        // A bare date (the usual case) is taken as it is, without writing it out and reading it
        // again; anything else goes through the text, whose message says what is wrong.
        if let (Some(d), None, None) = (written.date, written.time, written.offset)
            && let (Ok(year), Ok(month), Ok(day)) = (
                i16::try_from(d.year),
                i8::try_from(d.month),
                i8::try_from(d.day),
            )
            && let Ok(date) = jiff::civil::Date::new(year, month, day)
        {
            return Ok(Date(date));
        }
        self.visit_str(&written.to_string())
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A date written as a bare TOML date, YYYY-MM-DD (no quotes).",
        })
    }
}

/// The form of an id: lowercase `a-z 0-9 -` segments.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Whether `text` is one id segment: lowercase letters, digits and single inner hyphens.
pub fn is_id_segment(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns a name into the nearest valid id segment, for "rename it to …" hints.
pub fn suggest_id_segment(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The id of a processor: the stem of its file under `processors/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProcessorId(pub String);

impl JsonSchema for ProcessorId {
    fn schema_name() -> Cow<'static, str> {
        "ProcessorId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "The id of a processor: the name of its file in processors/ without .toml.",
        })
    }
}

/// The pattern of an ISO 3166-1 alpha-2 code.
pub const COUNTRY_PATTERN: &str = "^[A-Z]{2}$";

/// A country as an ISO 3166-1 alpha-2 code in capitals (`GB`, `US`, `IE`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CountryCode(pub String);

impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": COUNTRY_PATTERN,
            "description": "A country as an ISO 3166-1 alpha-2 code in capitals, e.g. GB, IE, US.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_segments() {
        assert!(is_id_segment("call-recording"));
        assert!(is_id_segment("cctv2"));
        assert!(!is_id_segment("Call-Recording"));
        assert!(!is_id_segment("call_recording"));
        assert!(!is_id_segment("-x"));
        assert!(!is_id_segment("a--b"));
        assert!(!is_id_segment(""));
        assert_eq!(
            suggest_id_segment("Call Recording (AI)"),
            "call-recording-ai"
        );
    }

    #[test]
    fn dates_parse_strictly_and_add_months() {
        assert_eq!(Date::parse("2026-02-30"), None);
        assert_eq!(Date::parse("2026-3-1"), None);
        let d = Date::parse("2026-01-31").unwrap();
        assert_eq!(d.plus_months(1).unwrap().to_string(), "2026-02-28");
    }
}
