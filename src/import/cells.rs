//! One spreadsheet cell's text as the register wants it: cleaned of the spreadsheet's mess,
//! split into list items, read as "none", Yes/No or a date.

use crate::model::Date;

/// The cell's text with non-breaking and other odd spaces made plain, each line trimmed, and
/// the apostrophe `ropa export` (and Excel) puts before formula-like text taken off.
pub fn clean(text: &str) -> String {
    let text = text
        .replace(['\u{a0}', '\u{2007}', '\u{202f}', '\u{2009}'], " ")
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let text = match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\n']) => rest.to_string(),
        _ => text,
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let joined = lines.join("\n");
    joined.trim_matches('\n').to_string()
}

/// Whether a cell says "there is none": N/A, None, Nil, Not applicable or a lone dash.
pub fn is_none(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    matches!(
        lower.trim_end_matches('.'),
        "n/a"
            | "na"
            | "n.a"
            | "none"
            | "nil"
            | "-"
            | "–"
            | "—"
            | "not applicable"
            | "none recorded"
    )
}

/// The bullets a list item may start with.
const BULLETS: &[char] = &['•', '·', '▪', '◦', '‣', '●', '○', '*', '-', '–', '—'];

/// The items of a list cell: one per line, and lines split again at `;` (how `ropa export`
/// joins items in CSV), each without its bullet or number.
pub fn items(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| line.split(';'))
        .map(strip_bullet)
        .filter(|item| !item.is_empty())
        .collect()
}

fn strip_bullet(item: &str) -> String {
    let item = item.trim();
    let without = match item.strip_prefix(BULLETS) {
        // "- item" and "• item"; "-5" is a value, not a bullet.
        Some(rest) if rest.starts_with(' ') || !item.starts_with(['-', '*']) => rest,
        _ => item,
    };
    // "1." or "a)" numbering.
    let without = without.trim();
    let numbered = without
        .split_once(['.', ')'])
        .filter(|(n, rest)| {
            !n.is_empty()
                && n.len() <= 2
                && n.chars().all(|c| c.is_ascii_alphanumeric())
                && (n.chars().all(|c| c.is_ascii_digit()) || n.len() == 1)
                && rest.starts_with(' ')
        })
        .map(|(_, rest)| rest);
    numbered.unwrap_or(without).trim().to_string()
}

/// A date as spreadsheets hold it: any form [`Date::from_written`] reads, or an Excel serial
/// number (days since 1899-12-30, as a date cell read as a number is).
pub fn date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(serial) = text.parse::<u32>() {
        // Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
        if (20_000..=80_000).contains(&serial) {
            let base = jiff::civil::date(1899, 12, 30);
            return base
                .checked_add(jiff::Span::new().days(i64::from(serial)))
                .ok()
                .map(Date);
        }
        return None;
    }
    Date::from_written(text)
}

/// Spreadsheet column letters for a column counted from 0: 0 → A, 26 → AA.
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_lose_bullets_and_split_at_lines_and_semicolons() {
        assert_eq!(
            items("• Name\n- Address\n* Phone; Email\n· Date of birth\n1. Case notes"),
            [
                "Name",
                "Address",
                "Phone",
                "Email",
                "Date of birth",
                "Case notes"
            ]
        );
        assert_eq!(items("-5 days"), ["-5 days"]);
    }

    #[test]
    fn cleaning_and_none() {
        assert_eq!(
            clean("  Tenants\u{a0}records \r\n x "),
            "Tenants records\nx"
        );
        assert_eq!(clean("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(clean("'quoted"), "'quoted");
        for none in ["N/A", "n/a", "None", "-", "Not applicable", "nil"] {
            assert!(is_none(none), "{none}");
        }
        assert!(!is_none("No one"));
    }

    #[test]
    fn dates_in_the_forms_spreadsheets_use() {
        let d = |t: &str| date(t).map(|d| d.to_string());
        assert_eq!(d("2026-01-31").as_deref(), Some("2026-01-31"));
        assert_eq!(d("31/01/2026").as_deref(), Some("2026-01-31"));
        assert_eq!(d("31.01.26").as_deref(), Some("2026-01-31"));
        assert_eq!(d("31 January 2026").as_deref(), Some("2026-01-31"));
        assert_eq!(d("46053").as_deref(), Some("2026-01-31"));
        assert_eq!(d("30/02/2026"), None);
        assert_eq!(d("soon"), None);
    }

    #[test]
    fn column_letters_count_like_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(37), "AL");
    }
}
