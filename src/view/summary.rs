//! `ropa summary`: how complete the record is and what it holds, across the register.
//!
//! Coverage is counted from the spreadsheet's own cells — a column is recorded for an activity
//! when its cell is not empty — so the summary and the export cannot disagree. The one
//! exception is ICO column 7, whose cell also says which contract links are missing; see
//! [`recorded`]. Every section is a [`Table`], printed by the terminal renderer or written by
//! the JSON one.
// Indexing cannot panic here: rows and columns are built together, so they share indexes.
#![allow(clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Findings, activities, count, heading};
use crate::describe;
use crate::export::sheets::{self, ICO_COLUMN_COUNT, Sheet};
use crate::export::table_json::{JsonRow, JsonRows, to_json};
use crate::export::terminal::{render_card, render_table};
use crate::export::{Cell, Column, Heading, Table};
use crate::model::{Activity, Date, Loaded, Processor, Register};
use crate::vocab::{DpiaStatus, Role, SpecialCategory, Vocabulary};

/// What `format` says in the JSON form, so a reader can tell a ropa summary from other JSON.
pub const FORMAT_NAME: &str = "ropa-summary";
/// Raised when a field changes meaning or is removed; adding fields keeps the version.
pub const FORMAT_VERSION: u32 = 1;

/// The summary of a register on a date, section by section.
pub struct Summary {
    pub controller: String,
    pub as_of: Date,
    /// Activities in the Art 30(1) record (as controller or joint controller).
    pub controller_activities: usize,
    /// Activities in the Art 30(2) record (as processor).
    pub processor_activities: usize,
    /// One row of counts: activities, processors, reviews overdue, lint totals.
    pub totals: Table,
    /// Each column of the ICO template (Art 30(1) record): how many activities record it.
    pub coverage: Table,
    /// The same for the Art 30(2) record of activities done as a processor.
    pub processor_coverage: Table,
    pub lawful_bases: Table,
    pub special_categories: Table,
    /// Processors by the number of activities that use them, most first.
    pub processors: Table,
    /// Transfers outside the UK by country and mechanism.
    pub transfers: Table,
    pub reviews_overdue: Table,
    pub dpias_outstanding: Table,
}

/// A column of the summary's tables, all weighted alike for the terminal layout.
const fn column<R>(key: &'static str, heading: &'static str, value: fn(&R) -> Cell) -> Column<R> {
    super::column(key, heading, 20.0, value)
}

/// `n` of `of` as a whole percentage; never 100 unless all, never 0 unless none.
fn percent(n: usize, of: usize) -> Cell {
    if of == 0 {
        return Cell::Empty;
    }
    let rounded = (n * 100 + of / 2) / of;
    let p = match n {
        0 => 0,
        n if n < of => rounded.clamp(1, 99),
        _ => 100,
    };
    count(p)
}

struct Totals {
    activities: usize,
    controller: usize,
    processor: usize,
    processors: usize,
    contracts: usize,
    overdue: usize,
    never_reviewed: usize,
    dpias: usize,
    errors: usize,
    warnings: usize,
    waived: usize,
    failing: usize,
}

fn totals_columns() -> Vec<Column<Totals>> {
    vec![
        column("activities", "Activities", |t| count(t.activities)),
        column(
            "controller_activities",
            "As controller or joint controller (Art 30(1))",
            |t| count(t.controller),
        ),
        column("processor_activities", "As processor (Art 30(2))", |t| {
            count(t.processor)
        }),
        column("processors", "Processors", |t| count(t.processors)),
        column(
            "processors_with_contract",
            "Processors with a contract in place (Art 28)",
            |t| count(t.contracts),
        ),
        column("reviews_overdue", "Reviews overdue", |t| count(t.overdue)),
        column("never_reviewed", "Never reviewed", |t| {
            count(t.never_reviewed)
        }),
        column(
            "dpias_outstanding",
            "DPIAs required and not complete",
            |t| count(t.dpias),
        ),
        column("lint_errors", "Lint errors", |t| count(t.errors)),
        column("lint_warnings", "Lint warnings", |t| count(t.warnings)),
        column("lint_waived", "Lint findings waived", |t| count(t.waived)),
        column(
            "activities_with_errors",
            "Activities with lint errors",
            |t| count(t.failing),
        ),
    ]
}

/// One column of a record sheet and how many of its rows fill it.
struct Coverage<'a> {
    /// The ICO template's column number, for the template's own columns.
    number: Option<usize>,
    heading: &'a Heading,
    article30: Option<&'static str>,
    recorded: usize,
    of: usize,
}

fn coverage_columns<'a>() -> Vec<Column<Coverage<'a>>> {
    vec![
        column("column", "ICO column", |c| {
            c.number.map_or(Cell::Empty, count)
        }),
        column("heading", "Heading", |c| {
            Cell::Text(c.heading.heading.to_string())
        }),
        column("article30", "Art 30", |c| Cell::text(c.article30)),
        column("recorded", "Recorded", |c| count(c.recorded)),
        column("of", "Of", |c| count(c.of)),
        column("percent", "%", |c| percent(c.recorded, c.of)),
    ]
}

/// The point of Article 30 each column answers, by column key.
fn article30_point(sheet: Sheet, key: &str) -> Option<&'static str> {
    match (sheet, key) {
        (Sheet::Record, "joint_controller") => Some("30(1)(a)"),
        (Sheet::Record, "purposes") => Some("30(1)(b)"),
        (Sheet::Record, "data_subjects" | "personal_data") => Some("30(1)(c)"),
        (Sheet::Record, "recipients") => Some("30(1)(d)"),
        (Sheet::Record, "transfer_countries" | "transfer_safeguards") => Some("30(1)(e)"),
        (Sheet::Record, "retention") => Some("30(1)(f)"),
        (Sheet::Record, "security_measures") => Some("30(1)(g)"),
        (Sheet::ProcessorRecord, "controllers") => Some("30(2)(a)"),
        (Sheet::ProcessorRecord, "categories_of_processing") => Some("30(2)(b)"),
        (Sheet::ProcessorRecord, "transfer_countries" | "transfer_safeguards") => Some("30(2)(c)"),
        (Sheet::ProcessorRecord, "security_measures") => Some("30(2)(d)"),
        _ => None,
    }
}

/// Whether a row of a record sheet records a column: its cell is filled. ICO column 7 (links
/// to the processors' contracts) is filled even when a link is missing ("Mailer Inc: no contract
/// link recorded"), so it counts only when every processor the activity names has a file with
/// a contract link; `processors = []` counts, as there is nothing to link.
fn recorded(register: &Register, key: &str, activity: &Activity, cell: &Cell) -> bool {
    match key {
        "processor_contracts" => activity.processors.as_deref().is_some_and(|ids| {
            ids.iter().all(|id| {
                register.processor(&id.0).is_some_and(|p| {
                    p.value
                        .contract
                        .as_deref()
                        .is_some_and(|link| !link.trim().is_empty())
                })
            })
        }),
        _ => *cell != Cell::Empty,
    }
}

/// How many rows of a record sheet record each column (see [`recorded`]). The activity's name
/// and id are left out: every activity has them.
fn coverage(register: &Register, sheet: Sheet) -> Table {
    let judge = |heading: &Heading, activity: &Activity, cell: &Cell| {
        recorded(register, heading.key, activity, cell)
    };
    let (headings, counts, of) = sheets::count_cells(sheet, register, &judge).unwrap_or_default();
    let rows: Vec<Coverage<'_>> = headings
        .iter()
        .zip(counts)
        .enumerate()
        // Notes are optional extras, not something the record should cover.
        .filter(|(_, (h, _))| !matches!(h.key, "name" | "id" | "notes"))
        .map(|(index, (heading, recorded))| Coverage {
            number: (sheet == Sheet::Record && index < ICO_COLUMN_COUNT).then_some(index + 1),
            heading,
            article30: article30_point(sheet, heading.key),
            recorded,
            of,
        })
        .collect();
    Table::build("Coverage", &[], &coverage_columns(), &rows)
}

/// A value of a closed list (or its absence) and the activities that have it.
struct Tally {
    slug: Option<&'static str>,
    label: String,
    activities: usize,
}

/// A tally as a table: the slug (what `ropa list` filters take), the value in words and the
/// number of activities.
fn tally_table(
    name: &'static str,
    slug_key: &'static str,
    heading: &'static str,
    rows: &[Tally],
) -> Table {
    let columns: Vec<Column<Tally>> = vec![
        column(slug_key, "Slug", |t| Cell::text(t.slug)),
        column("label", heading, |t| Cell::Text(t.label.clone())),
        column("activities", "Activities", |t| count(t.activities)),
    ];
    Table::build(name, &[], &columns, rows)
}

fn lawful_bases(activities: &[&Loaded<Activity>]) -> Table {
    let mut rows: Vec<Tally> = crate::vocab::Article6Basis::ALL
        .iter()
        .map(|b| Tally {
            slug: Some(b.slug()),
            label: b.with_point(),
            activities: activities
                .iter()
                .filter(|a| a.value.bases().contains(b))
                .count(),
        })
        .filter(|t| t.activities > 0)
        .collect();
    // Activities done as a processor record no basis of their own (Art 30(2)).
    let none = activities
        .iter()
        .filter(|a| a.value.role() != Role::Processor && a.value.bases().is_empty())
        .count();
    if none > 0 {
        rows.push(Tally {
            slug: None,
            label: "No basis recorded".to_string(),
            activities: none,
        });
    }
    tally_table("Lawful bases", "basis", "Lawful basis (Art 6)", &rows)
}

fn special_categories(activities: &[&Loaded<Activity>]) -> Table {
    let mut rows: Vec<Tally> = SpecialCategory::ALL
        .iter()
        .map(|c| Tally {
            slug: Some(c.slug()),
            label: c.label().to_string(),
            activities: activities
                .iter()
                .filter(|a| a.value.special_categories().contains(c))
                .count(),
        })
        .filter(|t| t.activities > 0)
        .collect();
    let criminal = activities
        .iter()
        .filter(|a| a.value.criminal_offence_data == Some(true))
        .count();
    if criminal > 0 {
        rows.push(Tally {
            slug: Some("criminal-offence-data"),
            label: "Criminal offence data (Art 10)".to_string(),
            activities: criminal,
        });
    }
    tally_table(
        "Special categories",
        "category",
        "Special category (Art 9) or criminal offence data (Art 10)",
        &rows,
    )
}

/// A processor id that activities name, its file if there is one, and how many use it.
struct ProcessorCount<'a> {
    id: &'a str,
    processor: Option<&'a Loaded<Processor>>,
    activities: usize,
    today: Date,
}

fn processor_columns<'a>() -> Vec<Column<ProcessorCount<'a>>> {
    vec![
        column("id", "ID", |p| Cell::Text(p.id.to_string())),
        column("name", "Processor", |p| match p.processor {
            Some(found) => Cell::Text(found.value.name.clone()),
            None => Cell::Text("(no file in processors/)".to_string()),
        }),
        column("activities", "Activities", |p| count(p.activities)),
        column("contract", "Contract (Art 28)", |p| {
            p.processor.map_or(Cell::Empty, |found| {
                Cell::Text(describe::contract_status(&found.value, p.today))
            })
        }),
    ]
}

fn processors(register: &Register, today: Date) -> Table {
    let mut ids: BTreeSet<&str> = register.processors.iter().map(|p| p.id.as_str()).collect();
    ids.extend(
        register
            .activities
            .iter()
            .flat_map(|a| a.value.processor_ids()),
    );
    let mut rows: Vec<ProcessorCount<'_>> = ids
        .into_iter()
        .map(|id| ProcessorCount {
            id,
            processor: register.processor(id),
            activities: register.users_of(id).count(),
            today,
        })
        .collect();
    rows.sort_by(|a, b| b.activities.cmp(&a.activities).then(a.id.cmp(b.id)));
    Table::build("Processors", &[], &processor_columns(), &rows)
}

/// Transfers to one country under one mechanism.
struct TransferGroup {
    country: Option<String>,
    mechanism: Option<crate::vocab::TransferMechanism>,
    transfers: usize,
    activities: BTreeSet<String>,
}

fn transfer_columns() -> Vec<Column<TransferGroup>> {
    vec![
        column("country", "Country", |t| Cell::text(t.country.as_deref())),
        column("adequacy", "UK adequacy", |t| {
            Cell::text(t.country.as_deref().map(describe::adequacy).as_deref())
        }),
        column("mechanism", "Transfer mechanism", |t| {
            Cell::text(t.mechanism.map(|m| m.label()))
        }),
        column("transfers", "Transfers", |t| count(t.transfers)),
        column("activities", "Activities", |t| count(t.activities.len())),
    ]
}

fn transfers(activities: &[&Loaded<Activity>]) -> Table {
    let mut groups: BTreeMap<(Option<String>, Option<&'static str>), TransferGroup> =
        BTreeMap::new();
    for a in activities {
        for t in a.value.transfers.iter().flatten() {
            let country = t.country.as_ref().map(|c| c.0.clone());
            let group = groups
                .entry((country.clone(), t.mechanism.map(|m| m.slug())))
                .or_insert_with(|| TransferGroup {
                    country,
                    mechanism: t.mechanism,
                    transfers: 0,
                    activities: BTreeSet::new(),
                });
            group.transfers += 1;
            group.activities.insert(a.id.clone());
        }
    }
    let rows: Vec<TransferGroup> = groups.into_values().collect();
    Table::build("Transfers", &[], &transfer_columns(), &rows)
}

/// An activity with the register, for the lists of overdue reviews and outstanding DPIAs.
struct Due<'a> {
    register: &'a Register,
    activity: &'a Loaded<Activity>,
}

fn due_columns<'a>(last: Column<Due<'a>>) -> Vec<Column<Due<'a>>> {
    vec![
        column("id", "ID", |d| Cell::Text(d.activity.id.clone())),
        column("name", "Activity", |d| {
            Cell::Text(d.activity.value.name.clone())
        }),
        last,
    ]
}

fn reviews_overdue(register: &Register, activities: &[&Loaded<Activity>], today: Date) -> Table {
    let months = register.review_interval_months();
    let rows: Vec<Due<'_>> = activities
        .iter()
        .filter(|a| a.value.review_overdue(months, today))
        .map(|activity| Due { register, activity })
        .collect();
    let due = column("review_due", "Review due", |d: &Due<'_>| {
        let months = d.register.review_interval_months();
        let date = d.activity.value.review_due(months);
        Cell::text(date.map(|d| d.to_string()).as_deref())
    });
    Table::build("Reviews overdue", &[], &due_columns(due), &rows)
}

/// Whether a DPIA is recorded as required and not complete.
fn dpia_outstanding(activity: &Activity) -> bool {
    activity
        .dpia
        .as_ref()
        .is_some_and(|d| d.required == Some(true) && d.status != Some(DpiaStatus::Complete))
}

fn dpias_outstanding(register: &Register, activities: &[&Loaded<Activity>]) -> Table {
    let rows: Vec<Due<'_>> = activities
        .iter()
        .filter(|a| dpia_outstanding(&a.value))
        .map(|activity| Due { register, activity })
        .collect();
    let status = column("dpia_status", "DPIA progress", |d: &Due<'_>| {
        let status = d.activity.value.dpia.as_ref().and_then(|d| d.status);
        Cell::text(status.map(|s| s.label()))
    });
    Table::build("DPIAs outstanding", &[], &due_columns(status), &rows)
}

/// Works out the summary of the whole register on `today`.
pub fn summarise(register: &Register, findings: &Findings, today: Date) -> Summary {
    let all: Vec<&Loaded<Activity>> = register.activities.iter().collect();
    let processor_role = all
        .iter()
        .filter(|a| a.value.role() == Role::Processor)
        .count();
    let reviews_overdue = reviews_overdue(register, &all, today);
    let dpias_outstanding = dpias_outstanding(register, &all);
    let lint = findings.total();
    let totals = Totals {
        activities: all.len(),
        controller: all.len() - processor_role,
        processor: processor_role,
        processors: register.processors.len(),
        contracts: register
            .processors
            .iter()
            .filter(|p| p.value.contract_in_place(today))
            .count(),
        overdue: reviews_overdue.rows.len(),
        never_reviewed: all
            .iter()
            .filter(|a| {
                a.value
                    .review_due(register.review_interval_months())
                    .is_none()
            })
            .count(),
        dpias: dpias_outstanding.rows.len(),
        errors: lint.errors,
        warnings: lint.warnings,
        waived: findings.waived,
        failing: all
            .iter()
            .filter(|a| findings.counts(a.file).errors > 0)
            .count(),
    };
    Summary {
        controller: register
            .config
            .as_ref()
            .map(|c| c.value.controller.name.clone())
            .unwrap_or_default(),
        as_of: today,
        controller_activities: all.len() - processor_role,
        processor_activities: processor_role,
        totals: Table::build("Totals", &[], &totals_columns(), &[totals]),
        coverage: coverage(register, Sheet::Record),
        processor_coverage: coverage(register, Sheet::ProcessorRecord),
        lawful_bases: lawful_bases(&all),
        special_categories: special_categories(&all),
        processors: processors(register, today),
        transfers: transfers(&all),
        reviews_overdue,
        dpias_outstanding,
    }
}

/// The summary as JSON for dashboards: each section an array of objects (`totals` one
/// object), keyed like the tables' columns; see [`crate::export::table_json`].
#[derive(Serialize)]
struct SummaryJson<'a> {
    format: &'static str,
    format_version: u32,
    generator: String,
    controller: &'a str,
    as_of: String,
    totals: JsonRow<'a>,
    coverage: JsonRows<'a>,
    processor_record_coverage: JsonRows<'a>,
    lawful_bases: JsonRows<'a>,
    special_categories: JsonRows<'a>,
    processors: JsonRows<'a>,
    transfers: JsonRows<'a>,
    reviews_overdue: JsonRows<'a>,
    dpias_outstanding: JsonRows<'a>,
}

impl Summary {
    /// The summary as pretty-printed JSON.
    pub fn to_json(&self) -> Vec<u8> {
        to_json(&SummaryJson {
            format: FORMAT_NAME,
            format_version: FORMAT_VERSION,
            generator: format!("ropa {}", env!("CARGO_PKG_VERSION")),
            controller: &self.controller,
            as_of: self.as_of.to_string(),
            totals: JsonRow {
                headings: &self.totals.headings,
                cells: self.totals.rows.first().map_or(&[], Vec::as_slice),
            },
            coverage: JsonRows(&self.coverage),
            processor_record_coverage: JsonRows(&self.processor_coverage),
            lawful_bases: JsonRows(&self.lawful_bases),
            special_categories: JsonRows(&self.special_categories),
            processors: JsonRows(&self.processors),
            transfers: JsonRows(&self.transfers),
            reviews_overdue: JsonRows(&self.reviews_overdue),
            dpias_outstanding: JsonRows(&self.dpias_outstanding),
        })
    }

    /// The summary as text: the totals as a card, then a table per section (a section with
    /// nothing to show says so in one line).
    pub fn to_text(&self, width: u16) -> String {
        let controller = if self.controller.is_empty() {
            "the register".to_string()
        } else {
            crate::export::terminal::printable(&self.controller)
        };
        let mut out = format!(
            "{}\n",
            heading(&format!("Summary of {controller} on {}", self.as_of))
        );
        if let Some(cells) = self.totals.rows.first() {
            let fields = self.totals.headings.iter().map(|h| h.heading).zip(cells);
            out.push_str(&render_card(fields, width));
        }
        // Each section with whether it has anything to show; one that has not says so.
        let sections = [
            (
                format!(
                    "Coverage of the Article 30(1) record ({} as controller)",
                    activities(self.controller_activities)
                ),
                &self.coverage,
                self.controller_activities > 0,
            ),
            (
                format!(
                    "Coverage of the Article 30(2) record ({} as processor)",
                    activities(self.processor_activities)
                ),
                &self.processor_coverage,
                self.processor_activities > 0,
            ),
            ("Lawful bases".to_string(), &self.lawful_bases, true),
            (
                "Special category and criminal offence data".to_string(),
                &self.special_categories,
                true,
            ),
            (
                "Processors by number of activities".to_string(),
                &self.processors,
                true,
            ),
            (
                "Transfers outside the UK by country and mechanism".to_string(),
                &self.transfers,
                true,
            ),
            ("Reviews overdue".to_string(), &self.reviews_overdue, true),
            (
                "DPIAs required and not complete".to_string(),
                &self.dpias_outstanding,
                true,
            ),
        ];
        for (title, table, shown) in sections {
            out.push('\n');
            if shown && !table.rows.is_empty() {
                out.push_str(&format!("{}\n", heading(&title)));
                out.push_str(&render_table(table, width));
            } else {
                out.push_str(&format!("{}: none\n", heading(&title)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_never_round_to_all_or_nothing() {
        assert_eq!(percent(41, 45), Cell::Number(91));
        assert_eq!(percent(999, 1000), Cell::Number(99));
        assert_eq!(percent(1, 1000), Cell::Number(1));
        assert_eq!(percent(0, 4), Cell::Number(0));
        assert_eq!(percent(4, 4), Cell::Number(100));
        assert_eq!(percent(0, 0), Cell::Empty);
    }

    fn register() -> Register {
        let files = [
            ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
            // Both processors have a contract link: column 7 recorded.
            (
                "activities/linked.toml",
                "name = \"Linked\"\nprocessors = [\"a\", \"b\"]\nlast_reviewed = 2026-01-01\n",
            ),
            // One has none: column 7 is filled ("C: no contract link recorded") but not recorded.
            (
                "activities/partly.toml",
                "name = \"Partly\"\nprocessors = [\"a\", \"c\"]\nnext_review = 2027-01-01\n",
            ),
            // Recorded as using no processors: nothing to link.
            ("activities/none.toml", "name = \"None\"\nprocessors = []\n"),
            // Not recorded at all.
            ("activities/blank.toml", "name = \"Blank\"\n"),
            (
                "processors/a.toml",
                "name = \"A\"\ncontract = \"https://a\"\n",
            ),
            (
                "processors/b.toml",
                "name = \"B\"\ncontract = \"https://b\"\n",
            ),
            ("processors/c.toml", "name = \"C\"\n"),
        ];
        crate::load::load(&crate::source::MemorySource::from_texts("reg", &files))
            .unwrap()
            .register
    }

    /// The cell of the column keyed `key` in row `row`.
    fn cell<'a>(table: &'a Table, key: &str, row: usize) -> &'a Cell {
        let index = table.headings.iter().position(|h| h.key == key).unwrap();
        &table.rows[row][index]
    }

    #[test]
    fn contract_links_count_only_when_every_processor_has_one() {
        let register = register();
        let summary = summarise(
            &register,
            &Findings::default(),
            Date::parse("2026-11-23").unwrap(),
        );
        let row = summary
            .coverage
            .rows
            .iter()
            .position(|r| r[1] == Cell::Text("Link to contract with processor".into()))
            .unwrap();
        assert_eq!(cell(&summary.coverage, "column", row), &Cell::Number(7));
        assert_eq!(cell(&summary.coverage, "recorded", row), &Cell::Number(2));
        assert_eq!(cell(&summary.coverage, "of", row), &Cell::Number(4));
    }

    #[test]
    fn activities_never_reviewed_are_counted_apart_from_overdue_ones() {
        let register = register();
        let summary = summarise(
            &register,
            &Findings::default(),
            Date::parse("2027-06-01").unwrap(),
        );
        assert_eq!(
            cell(&summary.totals, "reviews_overdue", 0),
            &Cell::Number(2)
        );
        assert_eq!(cell(&summary.totals, "never_reviewed", 0), &Cell::Number(2));
    }
}
