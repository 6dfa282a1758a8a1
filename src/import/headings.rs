//! Which sheet is which, where its heading row is, and what each column holds.
//!
//! The headings `ropa export` writes are read from the export's own column tables (so an
//! export always imports again); the wordings councils use instead ("Lawful basis",
//! "Retention period", "Information asset owner") are the alias table below. Headings are
//! compared as words, without "(if applicable)"-style endings or a leading number.
// Indexing cannot panic here: column indexes come from the heading row of the same grid.
#![allow(clippy::indexing_slicing)]

use std::collections::HashMap;

use super::read::Grid;
use crate::export::sheets;
use crate::vocab::matcher::normalise;

/// What a sheet holds: the same sheets `ropa export` writes (one list of sheets for both), so
/// an export is read back sheet by sheet. A council's own workbook is read as `Record` or
/// `ProcessorRecord`; `Findings` is recognised and never imported (lint works it out again).
pub use crate::export::sheets::Sheet as SheetKind;

/// Every kind of sheet, in the order a heading row is tried against them.
const KINDS: [SheetKind; 7] = [
    SheetKind::Record,
    SheetKind::ProcessorRecord,
    SheetKind::Processors,
    SheetKind::Retention,
    SheetKind::Transfers,
    SheetKind::Waivers,
    SheetKind::Findings,
];

/// What a sheet was read as, for the import's summary.
pub fn describe(kind: SheetKind) -> &'static str {
    match kind {
        SheetKind::Record => "the record of processing activities",
        SheetKind::ProcessorRecord => "the processor record (Art 30(2))",
        SheetKind::Processors => "the list of processors",
        SheetKind::Retention => "the retention schedule",
        SheetKind::Transfers => "the list of transfers",
        SheetKind::Waivers => "the waivers (accepted exceptions to lint rules)",
        SheetKind::Findings => "lint findings",
    }
}

/// Column keys that only `ropa import` reads (the export writes these facts inside other
/// columns), so spreadsheets that keep them in columns of their own import too.
pub mod extra {
    pub const PROCESSORS: &str = "processors";
    pub const SPECIAL_CATEGORY_DATA: &str = "special_category_data";
    pub const CRIMINAL_OFFENCE_DATA: &str = "criminal_offence_data";
    pub const CHILDREN: &str = "children";
    pub const ROLE: &str = "role";
    pub const NEXT_REVIEW: &str = "next_review";
}

/// Other wordings of the record's headings, as councils' own sheets have them.
const RECORD_ALIASES: &[(&str, &[&str])] = &[
    (
        "business_function",
        &[
            "department",
            "service",
            "service area",
            "directorate",
            "team",
            "function",
            "business area",
            "division",
            "business unit",
        ],
    ),
    (
        "purposes",
        &[
            "purpose",
            "purposes",
            "purposes of processing",
            "purpose of the processing",
            "processing purpose",
            "processing purposes",
            "why we process it",
        ],
    ),
    (
        "joint_controller",
        &["joint controller", "joint controllers"],
    ),
    (
        "data_subjects",
        &[
            "data subjects",
            "data subject",
            "categories of data subjects",
            "data subject categories",
            "categories of individual",
            "individuals",
        ],
    ),
    (
        "personal_data",
        &[
            "personal data",
            "categories of data",
            "data categories",
            "personal data categories",
            "types of personal data",
            "type of data",
            "data held",
            "data items",
        ],
    ),
    (
        "recipients",
        &[
            "recipients",
            "recipient",
            "categories of recipient",
            "who we share it with",
            "shared with",
            "data shared with",
            "third parties",
        ],
    ),
    (
        "processor_contracts",
        &[
            "contract with processor",
            "processor contract",
            "link to processor contract",
            "processor contracts",
        ],
    ),
    (
        "transfer_countries",
        &[
            "third countries",
            "international transfers",
            "transfers",
            "transfers outside the uk",
            "overseas transfers",
            "third country transfers",
            "countries",
        ],
    ),
    (
        "transfer_safeguards",
        &["safeguards", "transfer safeguards"],
    ),
    (
        "retention",
        &[
            "retention",
            "retention period",
            "retention periods",
            "retention schedule",
            "how long we keep it",
            "retention and disposal",
        ],
    ),
    (
        "security_measures",
        &[
            "security measures",
            "security",
            "technical and organisational measures",
            "toms",
        ],
    ),
    (
        "article6",
        &[
            "lawful basis",
            "legal basis",
            "article 6 lawful basis",
            "article 6 basis",
            "lawful basis for processing",
            "article 6",
            "lawful bases",
        ],
    ),
    (
        "article9",
        &[
            "article 9 condition",
            "special category condition",
            "article 9",
            "condition for special category data",
            "art 9 condition",
        ],
    ),
    (
        "legitimate_interests",
        &["legitimate interests", "legitimate interest"],
    ),
    (
        "lia",
        &["lia", "legitimate interests assessment", "link to lia"],
    ),
    (
        "rights",
        &[
            "rights",
            "individual rights",
            "data subject rights",
            "rights available",
        ],
    ),
    (
        "automated_decision_making",
        &[
            "automated decision making",
            "automated decisions",
            "profiling",
            "adm",
        ],
    ),
    (
        "sources",
        &[
            "source",
            "sources",
            "data source",
            "data sources",
            "source of data",
            "source of the data",
        ],
    ),
    (
        "consent_record",
        &["consent record", "record of consent", "link to consent"],
    ),
    (
        "location",
        &[
            "location",
            "where is the data held",
            "where it is held",
            "system",
            "systems",
            "storage location",
        ],
    ),
    (
        "dpia_required",
        &["dpia required", "dpia", "dpia needed", "is a dpia required"],
    ),
    ("dpia_status", &["dpia progress", "dpia status"]),
    ("dpia_link", &["link to dpia", "dpia link"]),
    (
        "breach_occurred",
        &["breach", "breaches", "data breach", "personal data breach"],
    ),
    ("breach_record", &["breach record", "link to breach record"]),
    (
        "schedule1",
        &[
            "schedule 1 condition",
            "dpa 2018 schedule 1 condition",
            "schedule 1",
            "dpa schedule 1 condition",
        ],
    ),
    (
        "policy_document",
        &[
            "policy document",
            "appropriate policy document",
            "apd",
            "link to policy document",
        ],
    ),
    ("policy_reason", &["reasons for not adhering to policy"]),
    (
        "name",
        &[
            "activity",
            "activity name",
            "name of processing activity",
            "process",
            "name",
            "processing activity name",
            "title",
            "processing",
        ],
    ),
    (
        "description",
        &["description", "description of processing", "details"],
    ),
    (
        "owner",
        &[
            "information asset owner",
            "iao",
            "asset owner",
            "responsible officer",
            "data owner",
            "owner",
        ],
    ),
    (
        "last_reviewed",
        &[
            "date last reviewed",
            "date reviewed",
            "reviewed",
            "last review date",
            "last review",
        ],
    ),
    (
        extra::NEXT_REVIEW,
        &["next review", "next review date", "next review due"],
    ),
    ("id", &["id"]),
    (
        "privacy_notice",
        &["link to privacy notice", "privacy notice link"],
    ),
    (
        extra::PROCESSORS,
        &[
            "processors",
            "processor",
            "data processors",
            "processor name",
            "processors used",
            "suppliers",
        ],
    ),
    (
        extra::SPECIAL_CATEGORY_DATA,
        &[
            "special category data",
            "special categories",
            "special category",
            "special categories of data",
        ],
    ),
    (
        extra::CRIMINAL_OFFENCE_DATA,
        &[
            "criminal offence data",
            "criminal convictions data",
            "criminal data",
        ],
    ),
    (
        extra::CHILDREN,
        &[
            "children",
            "childrens data",
            "children s data",
            "data about children",
        ],
    ),
    (extra::ROLE, &["role", "controller or processor"]),
    ("notes", &["comments", "note"]),
];

const PROCESSOR_RECORD_ALIASES: &[(&str, &[&str])] = &[
    (
        "controllers",
        &[
            "controller",
            "controllers",
            "name and contact details of controller",
            "controllers we act for",
        ],
    ),
    (
        "categories_of_processing",
        &["categories of processing", "processing carried out"],
    ),
    ("sub_processors", &["sub processors", "sub processor"]),
    ("name", &["activity", "processing activity"]),
];

/// A heading in the form it is compared in: its words, without an ending such as "(if
/// applicable)" and without a leading number ("1. Business function").
pub fn heading_key(text: &str) -> String {
    let mut words = normalise(text);
    for ending in [
        " if applicable",
        " if possible",
        " where applicable",
        " optional",
        " if any",
    ] {
        if let Some(stripped) = words.strip_suffix(ending) {
            words = stripped.to_string();
        }
    }
    if let Some((first, rest)) = words.split_once(' ')
        && first.chars().all(|c| c.is_ascii_digit())
        && first.len() <= 2
    {
        words = rest.to_string();
    }
    words
}

/// The headings each kind of sheet has, compared form → column key.
pub struct HeadingTable {
    by_kind: HashMap<SheetKind, HashMap<String, &'static str>>,
}

impl HeadingTable {
    pub fn new() -> Self {
        let mut by_kind = HashMap::new();
        for kind in KINDS {
            let mut table = HashMap::new();
            let mut add = |heading: &str, key: &'static str| {
                table.entry(heading_key(heading)).or_insert(key);
            };
            match kind {
                SheetKind::Record => {
                    for c in sheets::record_columns() {
                        add(c.heading, c.key);
                    }
                    for (key, aliases) in RECORD_ALIASES {
                        aliases.iter().for_each(|a| add(a, key));
                    }
                }
                SheetKind::ProcessorRecord => {
                    for c in sheets::processor_record_columns() {
                        add(c.heading, c.key);
                    }
                    for (key, aliases) in PROCESSOR_RECORD_ALIASES {
                        aliases.iter().for_each(|a| add(a, key));
                    }
                }
                SheetKind::Processors => {
                    sheets::processor_columns()
                        .iter()
                        .for_each(|c| add(c.heading, c.key));
                }
                SheetKind::Retention => {
                    sheets::retention_columns()
                        .iter()
                        .for_each(|c| add(c.heading, c.key));
                }
                SheetKind::Transfers => {
                    sheets::transfer_columns()
                        .iter()
                        .for_each(|c| add(c.heading, c.key));
                }
                SheetKind::Waivers => {
                    sheets::waiver_columns()
                        .iter()
                        .for_each(|c| add(c.heading, c.key));
                }
                SheetKind::Findings => {
                    sheets::finding_columns()
                        .iter()
                        .for_each(|c| add(c.heading, c.key));
                }
            }
            by_kind.insert(kind, table);
        }
        HeadingTable { by_kind }
    }

    /// The column key of a heading on a sheet of `kind`, if it is one ropa knows.
    pub fn key(&self, kind: SheetKind, heading: &str) -> Option<&'static str> {
        self.by_kind[&kind].get(&heading_key(heading)).copied()
    }
}

impl Default for HeadingTable {
    fn default() -> Self {
        Self::new()
    }
}

/// Where a sheet's table starts and what its columns are.
#[derive(Debug, Clone)]
pub struct Header {
    pub kind: SheetKind,
    /// The heading row, counting from 0.
    pub row: usize,
    /// For each column: its heading as written and the key ropa reads it as (`None`: a column
    /// ropa has no field for, kept as a note under its heading).
    pub columns: Vec<(usize, String, Option<&'static str>)>,
}

impl Header {
    /// The heading of a column, as written.
    pub fn heading(&self, col: usize) -> Option<String> {
        self.columns
            .iter()
            .find(|(c, _, _)| *c == col)
            .map(|(_, h, _)| h.clone())
    }

    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, _, k)| *k == Some(key))
            .map(|(c, _, _)| *c)
    }
}

/// How many rows from the top are searched for the heading row.
pub const SEARCH_ROWS: usize = 40;

/// Finds the heading row of a sheet: the row among the first [`SEARCH_ROWS`] whose cells are
/// most often headings of one kind of sheet (at least three, or two when the row holds
/// nothing else). `forced` makes a sheet a record sheet whatever its headings say most.
pub fn find_header(grid: &Grid, table: &HeadingTable, forced: Option<SheetKind>) -> Option<Header> {
    let mut best: Option<(usize, Header)> = None;
    for row in 0..grid.rows.len().min(SEARCH_ROWS) {
        let filled: Vec<usize> = (0..grid.width())
            .filter(|&c| !grid.cell(row, c).trim().is_empty())
            .collect();
        for kind in KINDS {
            if forced.is_some_and(|f| f != kind) {
                continue;
            }
            let mut keys = Vec::new();
            // A second column with the same meaning ("Categories of individuals" and "Data
            // subjects") is read as a column of its own, kept in notes, not dropped.
            let mut seen = Vec::new();
            let columns: Vec<(usize, String, Option<&'static str>)> = filled
                .iter()
                .map(|&c| {
                    let heading = grid.cell(row, c).trim().to_string();
                    let key = table.key(kind, &heading).filter(|k| !seen.contains(k));
                    seen.extend(key);
                    (c, heading, key)
                })
                .collect();
            for (_, _, key) in &columns {
                if let Some(key) = key
                    && !keys.contains(key)
                {
                    keys.push(*key);
                }
            }
            let matched = keys.len();
            let enough = matched >= 3 || (matched >= 2 && matched == filled.len());
            if enough && best.as_ref().is_none_or(|(score, _)| matched > *score) {
                best = Some((matched, Header { kind, row, columns }));
            }
        }
    }
    best.map(|(_, header)| header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sheet_the_export_writes_is_recognised() {
        for sheet in crate::export::WORKBOOK_SHEETS {
            assert!(KINDS.contains(&sheet), "{sheet:?}");
        }
        assert!(KINDS.contains(&SheetKind::Findings));
    }

    #[test]
    fn headings_are_compared_as_words() {
        let table = HeadingTable::new();
        let record = SheetKind::Record;
        assert_eq!(
            table.key(record, "Business function"),
            Some("business_function")
        );
        assert_eq!(
            table.key(record, "  BUSINESS\nFUNCTION "),
            Some("business_function")
        );
        assert_eq!(
            table.key(record, "Name and contact details of joint controller"),
            Some("joint_controller")
        );
        assert_eq!(
            table.key(record, "Retention schedule (if possible)"),
            Some("retention")
        );
        assert_eq!(table.key(record, "Retention period"), Some("retention"));
        assert_eq!(table.key(record, "Lawful basis"), Some("article6"));
        assert_eq!(
            table.key(record, "1. Business function"),
            Some("business_function")
        );
        assert_eq!(table.key(record, "Information asset owner"), Some("owner"));
        assert_eq!(table.key(record, "Favourite colour"), None);
    }
}
