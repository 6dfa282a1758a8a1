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
    Permanent,
}

impl Period {
    /// Parses a period, or `None` when it is too vague to act on ("as long as necessary").
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("permanent") {
            return Some(Self::Permanent);
        }
        if is_iso_duration(text) {
            return Some(Self::Iso(text.to_string()));
        }
        let mut words = text.split_whitespace();
        let amount: u32 = words.next()?.parse().ok()?;
        let unit = words.next()?.to_ascii_lowercase();
        if words.next().is_some() {
            return None;
        }
        let unit = ["day", "week", "month", "year"]
            .into_iter()
            .find(|u| unit == *u || unit.strip_suffix('s') == Some(u))?;
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
    fn vague_periods_do_not_parse() {
        for vague in [
            "as long as necessary",
            "",
            "P",
            "PT",
            "P6",
            "P6X",
            "6",
            "six months",
            "6 months or so",
            "P1M1Y",
            "-1 days",
        ] {
            assert_eq!(Period::parse(vague), None, "{vague}");
        }
    }
}
