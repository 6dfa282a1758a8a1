//! A retention line as people write it ("6 years from the end of the tenancy, then destroy",
//! "Deleted after 2 years", "Current year + 6 years", "Call recordings: 6 months") as a
//! `[[retention]]` entry. A line whose period cannot be read is kept whole as the period, so
//! `ropa lint` reports it as vague rather than it being lost or guessed.
// Indexing cannot panic here: positions come from the same list of words.
#![allow(clippy::indexing_slicing)]

// Numbers written as words: the model's own list, so import reads what lint accepts.
use crate::model::NUMBER_WORDS;
use crate::model::{Period, Retention};
use crate::vocab::RetentionAction;
use crate::vocab::matcher::{RETENTION_ACTIONS, Word, find, words};

/// What the export writes when no period is recorded.
const NOT_RECORDED: &str = "period not recorded";

/// How a line was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub entry: Retention,
    /// Whether the period could be read; `false` means the line was kept as written.
    pub understood: bool,
}

/// Words that may stand before a period without changing it ("Kept for 6 years").
const LEAD_FILLER: &[&str] = &[
    "kept", "keep", "retained", "retain", "held", "hold", "stored", "store", "for", "after",
    "then", "and", "is", "are", "be", "will", "data", "records", "record", "minimum", "of", "a",
    "period", "up", "to", "until",
];

pub fn parse(line: &str) -> Parsed {
    let line = line.trim();
    // "Call recordings: 6 months …", as the export writes it: the set of data comes first.
    let (data, rest) = match line.split_once(": ") {
        Some((data, rest))
            if !data.trim().is_empty()
                && find_period(data).is_none()
                && words(data).len() <= 12 =>
        {
            (Some(data.trim().to_string()), rest.trim())
        }
        _ => (None, line),
    };
    let mut entry = Retention {
        data,
        ..Retention::default()
    };
    if let Some(after) = rest.strip_prefix(NOT_RECORDED) {
        entry.action = action_in(after);
        return Parsed {
            entry,
            understood: true,
        };
    }
    let Some(found) = find_period(rest) else {
        entry.period = Some(rest.to_string());
        return Parsed {
            entry,
            understood: false,
        };
    };
    let before = &rest[..found.span.start];
    let after = &rest[found.span.end..];
    let action_hits = find(rest, RETENTION_ACTIONS);
    let action = action_hits.first().map(|h| h.value);
    // What stands before the period: filler, an action ("Deleted after"), or a starting
    // point ("Current year +"). Anything else means the line is not understood.
    let before_words: Vec<Word> = words(before)
        .into_iter()
        .filter(|w| !action_hits.iter().any(|h| h.span.contains(&w.span.start)))
        .collect();
    let lead_trigger = if before.trim_end().ends_with('+')
        || before_words.last().is_some_and(|w| w.text == "plus")
    {
        let start = before_words
            .iter()
            .filter(|w| w.text != "plus")
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Some(start_of(&start))
    } else if before_words
        .iter()
        .all(|w| LEAD_FILLER.contains(&w.text.as_str()))
    {
        None
    } else {
        entry.period = Some(rest.to_string());
        return Parsed {
            entry,
            understood: false,
        };
    };
    entry.period = Some(found.period);
    entry.action = action;
    // What comes after the period, up to the action: when the clock starts.
    let trigger_end = action_hits
        .iter()
        .map(|h| h.span.start)
        .find(|&s| s >= found.span.end)
        .unwrap_or(rest.len());
    let trigger = after[..trigger_end - found.span.end].trim();
    let trigger = trim_joiners(trigger);
    entry.trigger = match (lead_trigger, trigger.is_empty()) {
        (Some(lead), true) => Some(lead),
        (Some(lead), false) => Some(format!("{lead} {trigger}")),
        (None, false) => Some(trigger.to_string()),
        (None, true) => None,
    };
    Parsed {
        entry,
        understood: true,
    }
}

/// "current year" → "from the end of the current year"; "date of last contact" → "from the
/// date of last contact".
fn start_of(words: &str) -> String {
    let words = words.strip_prefix("the ").unwrap_or(words);
    if words.starts_with("end of") {
        format!("from the {words}")
    } else if words.starts_with("current") {
        format!("from the end of the {words}")
    } else {
        format!("from the {words}")
    }
}

/// The text without a leading or trailing comma, bracket, "then" or "and".
fn trim_joiners(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let before = text;
        text = text.trim_matches(|c: char| {
            c == ',' || c == '(' || c == ')' || c == '.' || c == ';' || c.is_whitespace()
        });
        for joiner in ["then", "and", "after which", "before being"] {
            if let Some(rest) = text.strip_suffix(joiner)
                && rest.ends_with([' ', ','])
            {
                text = rest;
            }
            if text == joiner {
                text = "";
            }
        }
        if text == before {
            return text;
        }
    }
}

fn action_in(text: &str) -> Option<RetentionAction> {
    find(text, RETENTION_ACTIONS).first().map(|h| h.value)
}

struct FoundPeriod {
    period: String,
    span: std::ops::Range<usize>,
}

/// The first period in a text: "6 years", "six months", "31 days", "P6M", "permanently".
fn find_period(text: &str) -> Option<FoundPeriod> {
    let words = words(text);
    for (i, word) in words.iter().enumerate() {
        let written = &text[word.span.clone()];
        if matches!(word.text.as_str(), "permanent" | "permanently") {
            // "kept permanently": the whole phrase is the period.
            let start = if i > 0 && words[i - 1].text == "kept" {
                words[i - 1].span.start
            } else {
                word.span.start
            };
            return Some(FoundPeriod {
                period: "permanent".into(),
                span: start..word.span.end,
            });
        }
        if written.starts_with('P') && matches!(Period::parse(written), Some(Period::Iso(_))) {
            return Some(FoundPeriod {
                period: written.to_string(),
                span: word.span.clone(),
            });
        }
        let amount = word.text.parse::<u32>().ok().or_else(|| {
            NUMBER_WORDS
                .iter()
                .find(|(w, _)| *w == word.text)
                .map(|(_, n)| *n)
        });
        let (Some(amount), Some(unit_word)) = (amount, words.get(i + 1)) else {
            continue;
        };
        let unit = match unit_word.text.as_str() {
            "day" | "days" => "day",
            "week" | "weeks" | "wk" | "wks" => "week",
            "month" | "months" | "mth" | "mths" => "month",
            "year" | "years" | "yr" | "yrs" => "year",
            _ => continue,
        };
        let plural = if amount == 1 { "" } else { "s" };
        return Some(FoundPeriod {
            period: format!("{amount} {unit}{plural}"),
            span: word.span.start..unit_word.span.end,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        line: &str,
    ) -> (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<RetentionAction>,
        bool,
    ) {
        let p = parse(line);
        (
            p.entry.data,
            p.entry.period,
            p.entry.trigger,
            p.entry.action,
            p.understood,
        )
    }

    #[test]
    fn periods_as_people_write_them() {
        assert_eq!(
            read("3 years"),
            (None, Some("3 years".into()), None, None, true)
        );
        assert_eq!(
            read("Deleted after 2 years"),
            (
                None,
                Some("2 years".into()),
                None,
                Some(RetentionAction::Delete),
                true
            )
        );
        assert_eq!(read("31 days").1.as_deref(), Some("31 days"));
        assert_eq!(
            read("Current year + 6 years"),
            (
                None,
                Some("6 years".into()),
                Some("from the end of the current year".into()),
                None,
                true
            )
        );
        assert_eq!(
            read("6 years from the end of the tenancy, then destroy"),
            (
                None,
                Some("6 years".into()),
                Some("from the end of the tenancy".into()),
                Some(RetentionAction::Delete),
                true
            )
        );
        assert_eq!(read("Six months").1.as_deref(), Some("6 months"));
    }

    #[test]
    fn the_export_sentence_reads_back() {
        assert_eq!(
            read("Call recordings: 6 months from the date of the call, then delete"),
            (
                Some("Call recordings".into()),
                Some("6 months".into()),
                Some("from the date of the call".into()),
                Some(RetentionAction::Delete),
                true
            )
        );
        assert_eq!(
            read("Case files: kept permanently (archive)"),
            (
                Some("Case files".into()),
                Some("permanent".into()),
                None,
                Some(RetentionAction::Archive),
                true
            )
        );
        assert_eq!(
            read("Case files: period not recorded, then review"),
            (
                Some("Case files".into()),
                None,
                None,
                Some(RetentionAction::Review),
                true
            )
        );
        assert_eq!(read("Notes: P6M").1.as_deref(), Some("P6M"));
    }

    #[test]
    fn what_cannot_be_read_is_kept_whole() {
        assert_eq!(
            read("As long as necessary"),
            (None, Some("As long as necessary".into()), None, None, false)
        );
        assert_eq!(
            read("Date of last contact + 6 years").2.as_deref(),
            Some("from the date of last contact"),
            "a starting point before + is the trigger"
        );
        assert!(!read("Reviewed by the team 2 years").4);
    }
}
