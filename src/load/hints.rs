//! Help for the mistakes people actually make when they write a register file by hand: text
//! pasted from Word, UK dates, a list written as text, a table written once where the format
//! wants one per item, a key under the wrong table, and words where a slug belongs. Each
//! hint shows the line or block as it should be written.

use serde_json::Value;

use crate::model::Date;
use crate::vocab::matcher;
use crate::vocab::{
    AnnexCondition, Article6Basis, Article9Condition, DpiaStatus, RetentionAction, Right,
    SpecialCategory, TransferMechanism, Vocabulary,
};

/// The fields written as one `[[table]]` per item, with a block to copy for each.
const TABLE_BLOCKS: &[(&str, &str)] = &[
    (
        "retention",
        "[[retention]]\ndata = \"Call recordings\"\nperiod = \"1 year\"\ntrigger = \"from the date of the call\"\naction = \"delete\"",
    ),
    (
        "transfers",
        "[[transfers]]\ncountry = \"US\"\nrecipient = \"Cloud transcription service\"\nmechanism = \"idta\"\nsafeguards = \"\"",
    ),
    (
        "waivers",
        "[[waivers]]\nrule = \"consent-by-public-authority\"\nreason = \"Why the rule does not apply to this activity\"",
    ),
    (
        "controllers",
        "[[controllers]]\nname = \"Department for Work and Pensions\"\ncontact = \"dpo@example.gov.uk\"\nprocessing = [\"Digital assistance with Universal Credit claims\"]",
    ),
];

/// For a field written as one table per item: how to write it, with a block to copy.
pub fn table_block(field: &str) -> Option<String> {
    let (_, block) = TABLE_BLOCKS.iter().find(|(f, _)| *f == field)?;
    Some(format!(
        "write each entry as its own table, headed `[[{field}]]` with two square brackets (repeat the block for each one):\n{block}"
    ))
}

/// For a list written as one piece of text: the list, split at its commas when it has some.
pub fn list_from_text(field: &str, text: &str) -> String {
    let items: Vec<String> = if text.contains(',') {
        text.split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(|i| format!("\"{i}\""))
            .collect()
    } else {
        vec![format!("\"{text}\"")]
    };
    if items.len() > 1 {
        format!(
            "this is one piece of text; a list has one item per entry, so split it at the commas: `{field} = [{}]`",
            items.join(", ")
        )
    } else {
        format!("put the text in a list: `{field} = [{}]`", items.join(", "))
    }
}

/// For a date written another way: the same date as `YYYY-MM-DD`.
pub fn date_as_iso(field: &str, text: &str) -> Option<String> {
    let date = Date::from_written(text)?;
    Some(format!(
        "write it as year-month-day without quotes: `{field} = {date}`"
    ))
}

/// For words written where a slug belongs ("Article 6(1)(e)", "disability"): the slug meant,
/// read by the matcher `ropa import` uses.
pub fn slug_for_words(what: &str, text: &str) -> Option<&'static str> {
    fn first<V: Vocabulary + PartialEq>(
        text: &str,
        table: &[(&'static str, V)],
    ) -> Option<&'static str> {
        matcher::values(text, table).first().map(|v| v.slug())
    }
    if what == Article6Basis::WHAT {
        first(text, matcher::ARTICLE6)
    } else if what == Article9Condition::WHAT {
        first(text, matcher::ARTICLE9)
    } else if what == SpecialCategory::WHAT {
        first(text, matcher::SPECIAL_CATEGORIES)
    } else if what == Right::WHAT {
        first(text, matcher::RIGHTS)
    } else if what == TransferMechanism::WHAT {
        first(text, matcher::MECHANISMS)
    } else if what == RetentionAction::WHAT {
        first(text, matcher::RETENTION_ACTIONS)
    } else if what == DpiaStatus::WHAT {
        first(text, matcher::DPIA_STATUSES)
    } else if what == AnnexCondition::WHAT {
        first(text, matcher::ANNEX1)
    } else {
        None
    }
}

/// Where a key that is unknown in one place belongs instead, from the file's schema: the
/// table that has it, or the top level.
pub enum Belongs {
    /// A key of this table (`article6` → `lawful_basis`).
    Table { name: String, many: bool },
    /// A top-level key written after a table header, so TOML put it inside that table.
    TopLevel,
}

/// Where `key`, unknown in the table at `inside` (empty for the top level), belongs.
pub fn belongs(schema: &Value, inside: &[&str], key: &str) -> Option<Belongs> {
    let top = schema.get("properties")?.as_object()?;
    if !inside.is_empty() && top.contains_key(key) {
        return Some(Belongs::TopLevel);
    }
    for (name, prop) in top {
        let (props, many) = match prop.get("properties") {
            Some(p) => (p, false),
            None => match prop.pointer("/items/properties") {
                Some(p) => (p, true),
                None => continue,
            },
        };
        if props.get(key).is_some() && inside.first() != Some(&name.as_str()) {
            return Some(Belongs::Table {
                name: name.clone(),
                many,
            });
        }
    }
    None
}

/// Help for a TOML syntax error on a line pasted from a word processor or written with a UK
/// date: the line as it should be.
pub fn syntax(text: &str, at: usize) -> Option<String> {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[start..end].trim_end_matches('\r');
    let curly = ['\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}'];
    if line.contains(curly) {
        let fixed = line
            .replace(['\u{201c}', '\u{201d}', '\u{201e}'], "\"")
            .replace(['\u{2018}', '\u{2019}'], "'");
        return Some(format!(
            "this line has curly quotes (“ ” or ‘ ’), as word processors write them; TOML needs straight quotes: `{fixed}`"
        ));
    }
    if line.contains(['\u{a0}', '\u{2007}', '\u{202f}']) {
        let fixed = line.replace(['\u{a0}', '\u{2007}', '\u{202f}'], " ");
        return Some(format!(
            "this line has a non-breaking space, as word processors write them; retype the spaces as ordinary ones: `{fixed}`"
        ));
    }
    if line.contains(['\u{2013}', '\u{2014}']) && !line.contains('"') {
        return Some(
            "this line has a dash (– or —) pasted from a word processor; text must be in straight double quotes, e.g. `name = \"Call recording – evidence\"`".to_string(),
        );
    }
    if let Some((key, value)) = line.split_once('=') {
        let value = value.trim().trim_matches('"');
        if value.contains('/')
            && let Some(date) = Date::from_written(value)
        {
            return Some(format!(
                "write dates as year-month-day without quotes: `{} = {date}`",
                key.trim()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_lines_are_shown_fixed() {
        let text = "name = “Call recording”\n";
        assert_eq!(
            syntax(text, 7).unwrap(),
            "this line has curly quotes (“ ” or ‘ ’), as word processors write them; TOML needs straight quotes: `name = \"Call recording\"`"
        );
        assert_eq!(
            syntax("x = 1\nlast_reviewed = 31/01/2026\n", 22).unwrap(),
            "write dates as year-month-day without quotes: `last_reviewed = 2026-01-31`"
        );
        assert!(syntax("name = \"ok\"\n", 3).is_none());
        // A non-breaking space and a dash, as Word writes them.
        assert_eq!(
            syntax("name\u{a0}= \"Calls\"\n", 4).unwrap(),
            "this line has a non-breaking space, as word processors write them; retype the spaces as ordinary ones: `name = \"Calls\"`"
        );
        assert!(
            syntax("name = Calls – evidence\n", 8)
                .unwrap()
                .starts_with("this line has a dash (– or —) pasted from a word processor")
        );
    }

    #[test]
    fn waivers_and_controllers_are_shown_as_blocks_to_copy() {
        let waivers = table_block("waivers").unwrap();
        assert!(
            waivers.contains("headed `[[waivers]]` with two square brackets"),
            "{waivers}"
        );
        assert!(waivers.ends_with("[[waivers]]\nrule = \"consent-by-public-authority\"\nreason = \"Why the rule does not apply to this activity\""), "{waivers}");
        let controllers = table_block("controllers").unwrap();
        assert!(
            controllers.contains("[[controllers]]\nname = "),
            "{controllers}"
        );
        assert!(table_block("purposes").is_none());
    }

    #[test]
    fn words_become_slugs() {
        assert_eq!(
            slug_for_words(SpecialCategory::WHAT, "disability"),
            Some("health")
        );
        assert_eq!(
            slug_for_words(Article6Basis::WHAT, "Article 6(1)(e)"),
            Some("public-task")
        );
    }

    #[test]
    fn every_table_block_is_a_valid_activity() {
        for (field, block) in TABLE_BLOCKS {
            let text = format!("name = \"x\"\n{block}\n");
            let activity: Result<crate::model::Activity, _> = toml::from_str(&text);
            assert!(activity.is_ok(), "{field}: {activity:?}");
        }
    }

    #[test]
    fn a_list_written_as_text_is_split_at_its_commas() {
        assert_eq!(
            list_from_text("data_subjects", "Callers, Council officers"),
            "this is one piece of text; a list has one item per entry, so split it at the commas: `data_subjects = [\"Callers\", \"Council officers\"]`"
        );
    }
}
