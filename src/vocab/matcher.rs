//! Free text to the closed lists: the one tolerant matcher that reads a spreadsheet's wording
//! ("Article 6(1)(e) - public task", "Sch 1 para 6", "USA") for `ropa import`, and that
//! suggests the slug a person meant when they wrote words instead of one.
//!
//! Text is compared as words (runs of letters and digits, lowercased), so case, spacing,
//! punctuation, brackets and dashes never matter: "6(1)(e)", "6.1.e" and "Art 6 (1) (e)" are
//! the same three words. Each list's wordings are data in the tables below, with the longest
//! wording tried first, so "recognised legitimate interest" is never read as "legitimate
//! interests".
// Indexing cannot panic here: word and span positions come from scanning the same text.
#![allow(clippy::indexing_slicing)]

use std::ops::Range;
use std::sync::OnceLock;

use super::{
    AnnexCondition, Article6Basis, Article9Condition, DpiaStatus, RetentionAction, Right,
    Schedule1Paragraph, SpecialCategory, TransferMechanism,
};

/// One word of a text, lowercased, with where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Range<usize>,
}

/// The words of `text`: each run of letters or digits.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(Word {
                text: text[s..at].to_lowercase(),
                span: s..at,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: text[s..].to_lowercase(),
            span: s..text.len(),
        });
    }
    out
}

/// The words of `text` joined by single spaces: the form headings and wordings are compared in.
pub fn normalise(text: &str) -> String {
    words(text)
        .into_iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value found in a text, and the part of the text that said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// Every wording of `table` in `text`, longest wordings first, each word used once, in the
/// order they appear. A wording is words separated by spaces; a word ending in `*` matches any
/// word that starts with it ("interest*" matches "interests").
pub fn find<T: Copy>(text: &str, table: &[(&'static str, T)]) -> Vec<Hit<T>> {
    let words = words(text);
    let mut used = vec![false; words.len()];
    let mut order: Vec<(Vec<&str>, T)> = table
        .iter()
        .map(|(wording, value)| (wording.split(' ').collect(), *value))
        .collect();
    order.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let mut hits = Vec::new();
    for (wording, value) in &order {
        let n = wording.len();
        if n == 0 || n > words.len() {
            continue;
        }
        let mut i = 0;
        while i + n <= words.len() {
            let fits = (0..n).all(|k| !used[i + k] && word_matches(wording[k], &words[i + k].text));
            if fits {
                used[i..i + n].iter_mut().for_each(|u| *u = true);
                hits.push(Hit {
                    value: *value,
                    span: words[i].span.start..words[i + n - 1].span.end,
                });
                i += n;
            } else {
                i += 1;
            }
        }
    }
    hits.sort_by_key(|h| h.span.start);
    hits
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => pattern == word,
    }
}

/// The distinct values of `table` in `text`, in the order they appear.
pub fn values<T: Copy + PartialEq>(text: &str, table: &[(&'static str, T)]) -> Vec<T> {
    let mut out = Vec::new();
    for hit in find(text, table) {
        if !out.contains(&hit.value) {
            out.push(hit.value);
        }
    }
    out
}

/// What is left of `text` once the `spans` are taken out, when it says anything more than
/// the `filler` words: the parts between brackets and dashes, each without filler words at
/// its ends, joined by " — ". "Public task - Local Government Act 1972 s.111" with "Public
/// task" taken out leaves "Local Government Act 1972 s.111".
pub fn leftover(text: &str, spans: &[Range<usize>], filler: &[&str]) -> Option<String> {
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    let mut sorted: Vec<&Range<usize>> = spans.iter().collect();
    sorted.sort_by_key(|s| s.start);
    for span in sorted {
        if span.start >= at {
            rest.push_str(&text[at..span.start]);
            rest.push('\u{1}');
            at = span.end;
        }
    }
    rest.push_str(&text[at.min(text.len())..]);
    let is_separator = |c: char| {
        matches!(
            c,
            '\u{1}' | '(' | ')' | '[' | ']' | ';' | '—' | '–' | '|' | '\n' | '\r'
        )
    };
    let mut parts = Vec::new();
    for part in rest.split(is_separator) {
        // A hyphen or colon between spaces separates too; inside a word it does not.
        for piece in part.split(" - ").flat_map(|p| p.split(": ")) {
            if let Some(kept) = trim_filler(piece, filler) {
                parts.push(kept);
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join(" — "))
}

/// `piece` without filler words or punctuation at either end; `None` when nothing else is left.
fn trim_filler(piece: &str, filler: &[&str]) -> Option<String> {
    let words = words(piece);
    let is_filler = |w: &Word| filler.contains(&w.text.as_str());
    let first = words.iter().position(|w| !is_filler(w))?;
    let last = words.iter().rposition(|w| !is_filler(w))?;
    let start = words[first].span.start;
    let mut end = words[last].span.end;
    // Keep a closing full stop or bracket that belongs to the last word ("s.111", "Ltd.").
    let tail = &piece[end..];
    if tail.starts_with('.') && !tail[1..].starts_with(|c: char| c.is_alphanumeric()) {
        end += 1;
    }
    let kept = piece[start..end].trim();
    (!kept.is_empty()).then(|| kept.to_string())
}

/// Words that say nothing more next to a lawful basis or condition.
pub const BASIS_FILLER: &[&str] = &[
    "art",
    "article",
    "articles",
    "uk",
    "gdpr",
    "eu",
    "the",
    "under",
    "of",
    "and",
    "or",
    "is",
    "lawful",
    "basis",
    "bases",
    "for",
    "processing",
    "condition",
    "conditions",
    "in",
    "line",
    "with",
    "a",
    "an",
    "to",
    "as",
    "by",
    "per",
];

/// Article 6(1) lawful bases as people write them.
pub const ARTICLE6: &[(&str, Article6Basis)] = &[
    ("consent*", Article6Basis::Consent),
    ("6 1 a", Article6Basis::Consent),
    ("contract*", Article6Basis::Contract),
    ("6 1 b", Article6Basis::Contract),
    ("legal obligation*", Article6Basis::LegalObligation),
    ("statutory obligation*", Article6Basis::LegalObligation),
    ("legal requirement*", Article6Basis::LegalObligation),
    ("statutory requirement*", Article6Basis::LegalObligation),
    ("legal duty", Article6Basis::LegalObligation),
    ("legal duties", Article6Basis::LegalObligation),
    ("statutory duty", Article6Basis::LegalObligation),
    ("statutory duties", Article6Basis::LegalObligation),
    ("6 1 c", Article6Basis::LegalObligation),
    ("vital interest*", Article6Basis::VitalInterests),
    ("6 1 d", Article6Basis::VitalInterests),
    ("public task*", Article6Basis::PublicTask),
    ("public interest", Article6Basis::PublicTask),
    ("official authority", Article6Basis::PublicTask),
    ("6 1 e", Article6Basis::PublicTask),
    (
        "recognised legitimate interest*",
        Article6Basis::RecognisedLegitimateInterest,
    ),
    (
        "recognized legitimate interest*",
        Article6Basis::RecognisedLegitimateInterest,
    ),
    ("6 1 ea", Article6Basis::RecognisedLegitimateInterest),
    ("legitimate interest*", Article6Basis::LegitimateInterests),
    ("6 1 f", Article6Basis::LegitimateInterests),
];

/// Article 9(2) conditions as people write them.
pub const ARTICLE9: &[(&str, Article9Condition)] = &[
    ("explicit consent", Article9Condition::ExplicitConsent),
    ("9 2 a", Article9Condition::ExplicitConsent),
    ("employment", Article9Condition::EmploymentSocialSecurity),
    (
        "social security",
        Article9Condition::EmploymentSocialSecurity,
    ),
    (
        "social protection",
        Article9Condition::EmploymentSocialSecurity,
    ),
    ("9 2 b", Article9Condition::EmploymentSocialSecurity),
    ("vital interest*", Article9Condition::VitalInterests),
    ("9 2 c", Article9Condition::VitalInterests),
    ("not for profit", Article9Condition::NotForProfitBody),
    ("9 2 d", Article9Condition::NotForProfitBody),
    ("made public", Article9Condition::MadePublic),
    ("9 2 e", Article9Condition::MadePublic),
    ("legal claim*", Article9Condition::LegalClaims),
    ("judicial act*", Article9Condition::LegalClaims),
    ("9 2 f", Article9Condition::LegalClaims),
    (
        "substantial public interest",
        Article9Condition::SubstantialPublicInterest,
    ),
    ("9 2 g", Article9Condition::SubstantialPublicInterest),
    ("health or social care", Article9Condition::HealthSocialCare),
    (
        "health and social care",
        Article9Condition::HealthSocialCare,
    ),
    ("social care", Article9Condition::HealthSocialCare),
    (
        "preventive or occupational medicine",
        Article9Condition::HealthSocialCare,
    ),
    ("medical diagnosis", Article9Condition::HealthSocialCare),
    ("9 2 h", Article9Condition::HealthSocialCare),
    ("public health", Article9Condition::PublicHealth),
    ("9 2 i", Article9Condition::PublicHealth),
    ("archiving", Article9Condition::ArchivingResearchStatistics),
    ("research", Article9Condition::ArchivingResearchStatistics),
    ("statistic*", Article9Condition::ArchivingResearchStatistics),
    ("9 2 j", Article9Condition::ArchivingResearchStatistics),
];

/// The special categories of Art 9(1) as people write them ("disability" is health data).
pub const SPECIAL_CATEGORIES: &[(&str, SpecialCategory)] = &[
    ("race", SpecialCategory::RacialEthnicOrigin),
    ("racial*", SpecialCategory::RacialEthnicOrigin),
    ("ethnic*", SpecialCategory::RacialEthnicOrigin),
    ("political*", SpecialCategory::PoliticalOpinions),
    ("religio*", SpecialCategory::ReligiousPhilosophicalBeliefs),
    (
        "philosophical*",
        SpecialCategory::ReligiousPhilosophicalBeliefs,
    ),
    ("belief*", SpecialCategory::ReligiousPhilosophicalBeliefs),
    ("faith", SpecialCategory::ReligiousPhilosophicalBeliefs),
    ("trade union*", SpecialCategory::TradeUnionMembership),
    ("genetic*", SpecialCategory::Genetic),
    ("biometric*", SpecialCategory::Biometric),
    ("health", SpecialCategory::Health),
    ("medical", SpecialCategory::Health),
    ("disabilit*", SpecialCategory::Health),
    ("sex life", SpecialCategory::SexLifeSexualOrientation),
    ("sexual*", SpecialCategory::SexLifeSexualOrientation),
];

/// The individual rights as people write them.
pub const RIGHTS: &[(&str, Right)] = &[
    ("informed", Right::Informed),
    ("access", Right::Access),
    ("subject access", Right::Access),
    ("rectif*", Right::Rectification),
    ("correct*", Right::Rectification),
    ("erasure", Right::Erasure),
    ("erase", Right::Erasure),
    ("forgotten", Right::Erasure),
    ("restrict*", Right::Restriction),
    ("portability", Right::Portability),
    ("object*", Right::Object),
    ("automated", Right::AutomatedDecisionMaking),
    ("profiling", Right::AutomatedDecisionMaking),
];

/// Transfer mechanisms as people write them.
pub const MECHANISMS: &[(&str, TransferMechanism)] = &[
    ("adequacy", TransferMechanism::Adequacy),
    ("adequate", TransferMechanism::Adequacy),
    ("idta", TransferMechanism::Idta),
    (
        "international data transfer agreement",
        TransferMechanism::Idta,
    ),
    ("addendum", TransferMechanism::UkAddendum),
    ("bcr", TransferMechanism::Bcr),
    ("bcrs", TransferMechanism::Bcr),
    ("binding corporate rules", TransferMechanism::Bcr),
    (
        "another art 46 appropriate safeguard",
        TransferMechanism::OtherSafeguard,
    ),
    ("derogation*", TransferMechanism::Derogation),
    ("article 49", TransferMechanism::Derogation),
    ("art 49", TransferMechanism::Derogation),
];

/// What happens at the end of a retention period, as people write it.
pub const RETENTION_ACTIONS: &[(&str, RetentionAction)] = &[
    ("delet*", RetentionAction::Delete),
    ("destr*", RetentionAction::Delete),
    ("shred*", RetentionAction::Delete),
    ("dispos*", RetentionAction::Delete),
    ("erase*", RetentionAction::Delete),
    ("purge*", RetentionAction::Delete),
    ("anonymi*", RetentionAction::Anonymise),
    ("review*", RetentionAction::Review),
    ("archiv*", RetentionAction::Archive),
];

/// How far a DPIA has got, as people write it.
pub const DPIA_STATUSES: &[(&str, DpiaStatus)] = &[
    ("not started", DpiaStatus::NotStarted),
    ("not yet started", DpiaStatus::NotStarted),
    ("to do", DpiaStatus::NotStarted),
    ("planned", DpiaStatus::NotStarted),
    ("in progress", DpiaStatus::InProgress),
    ("ongoing", DpiaStatus::InProgress),
    ("underway", DpiaStatus::InProgress),
    ("draft", DpiaStatus::InProgress),
    ("started", DpiaStatus::InProgress),
    ("complete*", DpiaStatus::Complete),
    ("done", DpiaStatus::Complete),
    ("signed off", DpiaStatus::Complete),
    ("approved", DpiaStatus::Complete),
];

/// Annex 1 conditions for a recognised legitimate interest, as people write them.
pub const ANNEX1: &[(&str, AnnexCondition)] = &[
    ("disclosure*", AnnexCondition::DisclosureForPublicTask),
    ("national security", AnnexCondition::NationalSecurityDefence),
    ("defence", AnnexCondition::NationalSecurityDefence),
    ("emergenc*", AnnexCondition::Emergencies),
    ("crime", AnnexCondition::Crime),
    ("offender*", AnnexCondition::Crime),
    ("safeguarding", AnnexCondition::Safeguarding),
];

/// Yes or No in any of the ways a spreadsheet writes it (`Y`, `TRUE`, "Yes - see DPIA").
pub fn yes_no(text: &str) -> Option<bool> {
    match words(text).first().map(|w| w.text.as_str()) {
        Some("yes" | "y" | "true") => Some(true),
        Some("no" | "n" | "false") => Some(false),
        _ => None,
    }
}

/// The DPA 2018 Schedule 1 paragraphs a text names: by number after "para", "paragraph" or
/// "paras" ("Sch 1 para 6", "Schedule 1, Part 2, paragraph 6", "paras 10 and 11"), else by
/// the paragraph's heading ("Preventing fraud").
pub fn schedule1(text: &str) -> Vec<Hit<Schedule1Paragraph>> {
    let hits = schedule1_numbers(text);
    if hits.is_empty() {
        find(text, schedule1_names())
    } else {
        hits
    }
}

/// The Schedule 1 paragraphs a text names by number only. Beside an Art 9 condition a
/// heading is not enough: "Employment, social security and social protection" is both the
/// Art 9(2)(b) condition and paragraph 1's heading.
pub fn schedule1_numbers(text: &str) -> Vec<Hit<Schedule1Paragraph>> {
    let words = words(text);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let lead = matches!(
            words[i].text.as_str(),
            "para" | "paras" | "paragraph" | "paragraphs" | "pt2para" | "p"
        );
        i += 1;
        if !lead {
            continue;
        }
        while i < words.len() {
            let word = &words[i];
            if word.text == "and" || word.text == "or" {
                i += 1;
                continue;
            }
            let Ok(number) = word.text.parse::<i64>() else {
                break;
            };
            if let Some(paragraph) = Schedule1Paragraph::new(number) {
                hits.push(Hit {
                    value: paragraph,
                    span: words[i.saturating_sub(1)].span.start.min(word.span.start)..word.span.end,
                });
            }
            i += 1;
            // "paragraph 10(1)": the sub-paragraph is not another paragraph.
            while i < words.len() && words[i].span.start > 0 && is_subparagraph(text, &words[i]) {
                i += 1;
            }
        }
    }
    hits
}

/// Whether the word is written in brackets straight after the one before it: `10(1)`.
fn is_subparagraph(text: &str, word: &Word) -> bool {
    text[..word.span.start].ends_with('(')
}

fn schedule1_names() -> &'static [(&'static str, Schedule1Paragraph)] {
    static NAMES: OnceLock<Vec<(&'static str, Schedule1Paragraph)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        Schedule1Paragraph::all()
            .map(|p| {
                let wording: &'static str = Box::leak(normalise(p.name()).into_boxed_str());
                (wording, p)
            })
            .collect()
    })
}

/// Countries people name in other ways than ISO does.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("usa", "US"),
    ("us", "US"),
    ("united states", "US"),
    ("america", "US"),
    ("uk", "GB"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("south korea", "KR"),
    ("korea", "KR"),
    ("republic of korea", "KR"),
    ("russia", "RU"),
    ("vietnam", "VN"),
    ("the netherlands", "NL"),
    ("holland", "NL"),
    ("czech republic", "CZ"),
    ("czechia", "CZ"),
    ("uae", "AE"),
    ("taiwan", "TW"),
    ("iran", "IR"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("tanzania", "TZ"),
    ("moldova", "MD"),
    ("syria", "SY"),
    ("laos", "LA"),
    ("turkey", "TR"),
];

fn country_table() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(&'static str, &'static str)> = COUNTRY_ALIASES.to_vec();
        for country in isocountry::CountryCode::iter() {
            let wording: &'static str = Box::leak(normalise(country.name()).into_boxed_str());
            table.push((wording, country.alpha2()));
            // "Korea, Republic of" and "Bolivia (Plurinational State of)" are also written
            // as their first part.
            if let Some((short, _)) = country.name().split_once([',', '(']) {
                let short: &'static str = Box::leak(normalise(short).into_boxed_str());
                if !short.is_empty() {
                    table.push((short, country.alpha2()));
                }
            }
        }
        table
    })
}

/// The countries a text names, as ISO 3166-1 alpha-2 codes: a code in brackets as the export
/// writes it ("United States of America (US)"), a code alone ("US", "UK" for GB), or a name
/// ("USA", "United States", "India").
pub fn countries(text: &str) -> Vec<Hit<&'static str>> {
    let trimmed = text.trim();
    let code_at = |at: usize| {
        let code = text.get(at..at + 2)?;
        code.bytes().all(|b| b.is_ascii_uppercase()).then_some(())?;
        isocountry::CountryCode::for_alpha2(code)
            .ok()
            .map(|c| c.alpha2())
    };
    // "(US)" as the export writes it.
    let mut bracketed = Vec::new();
    for (at, _) in text.match_indices('(') {
        if text.get(at + 3..at + 4) == Some(")")
            && let Some(code) = code_at(at + 1)
        {
            bracketed.push(Hit {
                value: code,
                span: at..at + 4,
            });
        }
    }
    if !bracketed.is_empty() {
        // The name before the code belongs to it.
        let start = bracketed[0].span.start;
        let before = &text[..start];
        if let Some(first) = bracketed.first_mut()
            && !before.contains(['—', ':'])
        {
            first.span = 0..first.span.end;
        }
        return bracketed;
    }
    if trimmed.len() == 2 {
        if trimmed.eq_ignore_ascii_case("uk") {
            return vec![Hit {
                value: "GB",
                span: 0..text.len(),
            }];
        }
        if let Ok(c) = isocountry::CountryCode::for_alpha2_caseless(trimmed) {
            return vec![Hit {
                value: c.alpha2(),
                span: 0..text.len(),
            }];
        }
    }
    find(text, country_table())
        .into_iter()
        // "us" and "in" are words too: a two-letter alias counts only in capitals.
        .filter(|hit| {
            let written = &text[hit.span.clone()];
            written.len() != 2 || written.bytes().all(|b| b.is_ascii_uppercase())
        })
        .collect()
}

/// The slug of a value from any of its names: the slug itself, its label, or the label with
/// its point ("Public task (Art 6(1)(e))"), compared as words.
pub fn exact<V: super::Vocabulary>(text: &str) -> Option<V> {
    let text = normalise(text);
    V::ALL
        .iter()
        .copied()
        .find(|v| normalise(v.slug()) == text || normalise(v.label()) == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_found_however_they_are_written() {
        for text in [
            "Public task",
            "6(1)(e)",
            "Article 6(1)(e) - public task",
            "Art. 6.1.e",
            "PUBLIC TASK",
            "public-task",
        ] {
            assert_eq!(
                values(text, ARTICLE6),
                [Article6Basis::PublicTask],
                "{text}"
            );
        }
        assert_eq!(
            values("Recognised legitimate interests", ARTICLE6),
            [Article6Basis::RecognisedLegitimateInterest]
        );
        assert_eq!(
            values("Legitimate interest", ARTICLE6),
            [Article6Basis::LegitimateInterests]
        );
        assert_eq!(
            values("6(1)(ea)", ARTICLE6),
            [Article6Basis::RecognisedLegitimateInterest]
        );
        assert!(values("Because we must", ARTICLE6).is_empty());
    }

    #[test]
    fn the_law_is_what_is_left() {
        let text = "Public task - Local Government Act 1972 s.111";
        let spans: Vec<_> = find(text, ARTICLE6).into_iter().map(|h| h.span).collect();
        assert_eq!(
            leftover(text, &spans, BASIS_FILLER).as_deref(),
            Some("Local Government Act 1972 s.111")
        );
        let text = "Public task (Art 6(1)(e)) — Local Government Act 1972 s.111";
        let spans: Vec<_> = find(text, ARTICLE6).into_iter().map(|h| h.span).collect();
        assert_eq!(
            leftover(text, &spans, BASIS_FILLER).as_deref(),
            Some("Local Government Act 1972 s.111")
        );
        let text = "Article 6(1)(e) - public task";
        let spans: Vec<_> = find(text, ARTICLE6).into_iter().map(|h| h.span).collect();
        assert_eq!(leftover(text, &spans, BASIS_FILLER), None);
        let text = "Legal obligation under the Housing Act 1996";
        let spans: Vec<_> = find(text, ARTICLE6).into_iter().map(|h| h.span).collect();
        assert_eq!(
            leftover(text, &spans, BASIS_FILLER).as_deref(),
            Some("Housing Act 1996")
        );
    }

    #[test]
    fn conditions_categories_and_paragraphs() {
        assert_eq!(
            values("9(2)(g) substantial public interest", ARTICLE9),
            [Article9Condition::SubstantialPublicInterest]
        );
        assert_eq!(
            values("Disability", SPECIAL_CATEGORIES),
            [SpecialCategory::Health]
        );
        let numbers =
            |t: &str| -> Vec<u8> { schedule1(t).iter().map(|h| h.value.number()).collect() };
        assert_eq!(numbers("Sch 1 para 6"), [6]);
        assert_eq!(numbers("Schedule 1, Part 2, paragraph 6"), [6]);
        assert_eq!(numbers("paragraph 10(1)"), [10]);
        assert_eq!(numbers("paras 10 and 18"), [10, 18]);
        assert_eq!(
            numbers("Schedule 1 paragraph 6 (Statutory etc and government purposes)"),
            [6]
        );
        assert_eq!(numbers("Preventing fraud"), [14]);
        assert!(numbers("Schedule 1 Part 2").is_empty());
    }

    #[test]
    fn countries_by_code_name_or_alias() {
        let codes = |t: &str| -> Vec<&str> { countries(t).iter().map(|h| h.value).collect() };
        assert_eq!(codes("United States"), ["US"]);
        assert_eq!(codes("USA"), ["US"]);
        assert_eq!(codes("US"), ["US"]);
        assert_eq!(codes("uk"), ["GB"]);
        assert_eq!(codes("United States of America (US) — Cloud: IDTA"), ["US"]);
        assert_eq!(codes("India"), ["IN"]);
        assert!(codes("data held in the cloud").is_empty());
        assert!(codes("Europe").is_empty());
    }

    #[test]
    fn yes_no_and_exact_labels() {
        assert_eq!(yes_no("Y"), Some(true));
        assert_eq!(yes_no("FALSE"), Some(false));
        assert_eq!(yes_no("Yes - see DPIA"), Some(true));
        assert_eq!(yes_no("Maybe"), None);
        assert_eq!(
            exact::<TransferMechanism>("International Data Transfer Agreement"),
            Some(TransferMechanism::Idta)
        );
        assert_eq!(
            exact::<DpiaStatus>("in-progress"),
            Some(DpiaStatus::InProgress)
        );
    }
}
