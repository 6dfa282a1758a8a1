//! Retention periods: `"6 months"`, ISO 8601 `"P6M"`, or `"permanent"`. Lint flags anything
//! else as vague; exports describe a parsed period in words.

/// A retention period that can be acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// A count of days, weeks, months or years, as written ("6 months").
    Count {
        amount: u32,
        unit: &'static str,
    },
    /// An ISO 8601 duration such as `P6M` or `PT30M`, kept as written.
    Iso(String),
    /// The rest of the current (calendar or financial) year and then a count, as records
    /// managers write it: "Current year + 6 years".
    CurrentYearPlus {
        amount: u32,
        unit: &'static str,
    },
    /// Until the browser session ends, as a session cookie is kept.
    EndOfSession,
    Permanent,
}

/// Numbers written as words in retention schedules ("one year", "six months").
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("eighteen", 18),
    ("twenty", 20),
    ("twenty-five", 25),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy-five", 75),
    ("ninety", 90),
    ("hundred", 100),
];

/// The units a period may be counted in, with the short forms schedules use ("1 yr", "6yrs",
/// "3 mths", "2 wks").
const UNITS: &[(&str, &[&str])] = &[
    ("day", &["day", "days"]),
    ("week", &["week", "weeks", "wk", "wks"]),
    ("month", &["month", "months", "mth", "mths", "mo", "mos"]),
    ("year", &["year", "years", "yr", "yrs", "y"]),
];

/// "6 years", "six years", "6yrs", "1 yr": a count and its unit.
fn count(text: &str) -> Option<(u32, &'static str)> {
    let text = text.trim().to_ascii_lowercase();
    // A number glued to its unit ("6yrs") is split where the digits end.
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&at| at > 0 && !text[at..].starts_with(' '));
    let spaced;
    let text = match split {
        Some(at) => {
            spaced = format!("{} {}", &text[..at], &text[at..]);
            spaced.as_str()
        }
        None => text.as_str(),
    };
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let amount = first.parse::<u32>().ok().or_else(|| {
        NUMBER_WORDS
            .iter()
            .find(|(word, _)| *word == first)
            .map(|(_, n)| *n)
    })?;
    let unit = words.next()?;
    if words.next().is_some() {
        return None;
    }
    let unit = UNITS
        .iter()
        .find(|(_, forms)| forms.contains(&unit))
        .map(|(unit, _)| *unit)?;
    Some((amount, unit))
}

/// "Current year + 6 years", "current financial year plus 6": the count after the current
/// year (in years when no unit is given).
fn current_year_plus(text: &str) -> Option<(u32, &'static str)> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = ["current financial year", "current tax year", "current year"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix('+')
        .or_else(|| rest.strip_prefix("plus"))?
        .trim();
    if rest.chars().all(|c| c.is_ascii_digit()) {
        return Some((rest.parse().ok()?, "year"));
    }
    count(rest)
}

impl Period {
    /// Parses a period, or `None` when it is too vague to act on ("as long as necessary").
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("permanent") {
            return Some(Self::Permanent);
        }
        let lower = text.to_ascii_lowercase();
        if [
            "end of session",
            "until the end of the session",
            "until the browser is closed",
            "session",
        ]
        .contains(&lower.as_str())
        {
            return Some(Self::EndOfSession);
        }
        if is_iso_duration(text) {
            return Some(Self::Iso(text.to_string()));
        }
        if let Some((amount, unit)) = current_year_plus(text) {
            return Some(Self::CurrentYearPlus { amount, unit });
        }
        let (amount, unit) = count(text)?;
        Some(Self::Count { amount, unit })
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Count { amount, unit } => {
                write!(f, "{amount} {unit}{}", if *amount == 1 { "" } else { "s" })
            }
            Self::Iso(text) => f.write_str(text),
            Self::CurrentYearPlus { amount, unit } => write!(
                f,
                "the current year + {amount} {unit}{}",
                if *amount == 1 { "" } else { "s" }
            ),
            Self::EndOfSession => f.write_str("until the browser session ends"),
            Self::Permanent => f.write_str("permanently"),
        }
    }
}

/// `P[nY][nM][nW][nD][T[nH][nM][nS]]` with at least one part.
fn is_iso_duration(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let parts_ok = |part: &str, units: &[char]| -> Option<usize> {
        let mut count = 0;
        let mut digits = 0;
        let mut last_unit = 0;
        for c in part.chars() {
            if c.is_ascii_digit() {
                digits += 1;
            } else {
                let pos = units.iter().position(|u| *u == c)? + 1;
                if digits == 0 || pos <= last_unit {
                    return None;
                }
                last_unit = pos;
                digits = 0;
                count += 1;
            }
        }
        (digits == 0).then_some(count)
    };
    let Some(date_parts) = parts_ok(date, &['Y', 'M', 'W', 'D']) else {
        return false;
    };
    match time {
        Some(t) => matches!(parts_ok(t, &['H', 'M', 'S']), Some(n) if n > 0),
        None => date_parts > 0,
    }
}

#[cfg(test)]
mod tests {
    use super::Period;

    #[test]
    fn parses_counts_iso_and_permanent() {
        assert_eq!(
            Period::parse("6 months"),
            Some(Period::Count {
                amount: 6,
                unit: "month"
            })
        );
        assert_eq!(
            Period::parse("1 Year"),
            Some(Period::Count {
                amount: 1,
                unit: "year"
            })
        );
        assert_eq!(Period::parse("30 days").unwrap().to_string(), "30 days");
        assert_eq!(Period::parse("P6M"), Some(Period::Iso("P6M".into())));
        assert_eq!(Period::parse("PT30M"), Some(Period::Iso("PT30M".into())));
        assert_eq!(Period::parse("P1Y6M"), Some(Period::Iso("P1Y6M".into())));
        assert_eq!(Period::parse("Permanent"), Some(Period::Permanent));
    }

    #[test]
    fn schedules_short_forms_and_words_are_periods() {
        // Legal fidelity issue, point 9: these are periods anyone can act on.
        for (text, amount, unit) in [
            ("1 yr", 1, "year"),
            ("6yrs", 6, "year"),
            ("one year", 1, "year"),
            ("six months", 6, "month"),
            ("3 mths", 3, "month"),
            ("2 wks", 2, "week"),
        ] {
            assert_eq!(
                Period::parse(text),
                Some(Period::Count { amount, unit }),
                "{text}"
            );
        }
        for text in [
            "Current year + 6 years",
            "current financial year plus 6",
            "Current year +6",
        ] {
            assert_eq!(
                Period::parse(text),
                Some(Period::CurrentYearPlus {
                    amount: 6,
                    unit: "year"
                }),
                "{text}"
            );
        }
        assert_eq!(
            Period::parse("Current year + 6 years").unwrap().to_string(),
            "the current year + 6 years"
        );
        assert_eq!(
            Period::parse("until the browser is closed"),
            Some(Period::EndOfSession)
        );
    }

    #[test]
    fn vague_periods_do_not_parse() {
        for vague in [
            "as long as necessary",
            "",
            "P",
            "PT",
            "P6",
            "P6X",
            "6",
            "6 months or so",
            "current year",
            "current year + a while",
            "many years",
            "P1M1Y",
            "-1 days",
        ] {
            assert_eq!(Period::parse(vague), None, "{vague}");
        }
    }
}
