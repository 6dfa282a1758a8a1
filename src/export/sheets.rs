//! The sheets of the export and their columns, each defined once here: the ICO controller
//! template's 30 columns, the Art 30(2) processor record, processors, the retention schedule,
//! transfers and lint findings. XLSX writes them all; CSV writes one.

use super::selection::Selection;
use rayon::prelude::*;

use super::table::{Cell, Column, Group, Heading, LazyTable, Table};
use crate::describe;
use crate::diag::Diagnostic;
use crate::model::{Activity, Loaded, Processor, Register, Retention, Transfer, Waiver};
use crate::vocab::{Role, TransferMechanism};

/// The sheets an export can contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sheet {
    /// The ICO controller template: controller and joint-controller activities (Art 30(1)).
    Record,
    /// Activities carried out as a processor for other controllers (Art 30(2)).
    ProcessorRecord,
    Processors,
    Retention,
    Transfers,
    /// Every accepted exception to a lint rule, with its reason, for an auditor.
    Waivers,
    /// Only on request (`--with-findings`).
    Findings,
}

impl Sheet {
    /// The worksheet name.
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Record => "Article 30 record",
            Sheet::ProcessorRecord => "Processor record",
            Sheet::Processors => "Processors",
            Sheet::Retention => "Retention schedule",
            Sheet::Transfers => "Transfers",
            Sheet::Waivers => "Waivers",
            Sheet::Findings => "Lint findings",
        }
    }
}

/// One activity with the register it belongs to, for columns that look up processors.
pub struct ActivityRow<'a> {
    pub register: &'a Register,
    pub activity: &'a Loaded<Activity>,
}

impl ActivityRow<'_> {
    fn value(&self) -> &Activity {
        &self.activity.value
    }

    fn basis<T>(&self, f: impl FnOnce(&crate::model::LawfulBasis) -> T) -> Option<T> {
        self.value().lawful_basis.as_ref().map(f)
    }
}

/// The ICO template's group headings over its 30 columns, and ours over the columns after.
pub static RECORD_GROUPS: &[Group] = &[
    group("Article 30 Record of Processing Activities", 1, 11),
    group("Privacy Notices", 12, 18),
    group("Consent", 19, 19),
    group("Access Requests", 20, 20),
    group("Data Protection Impact Assessments", 21, 23),
    group("Personal Data Breaches", 24, 25),
    group(
        "Data Protection Act 2018 – Special Category or Criminal Conviction and Offence data",
        26,
        30,
    ),
    group("Register details (ropa)", 31, 41),
];

/// A group over ICO columns numbered from 1, as the reference guide numbers them.
const fn group(title: &'static str, first: usize, last: usize) -> Group {
    Group {
        title,
        first: first - 1,
        last: last - 1,
    }
}

/// The number of columns that come from the ICO template; ours follow them.
pub const ICO_COLUMN_COUNT: usize = 30;

/// A text column; `width` is its spreadsheet width, and in a terminal its share of the line.
pub(crate) const fn column<R>(
    key: &'static str,
    heading: &'static str,
    width: f64,
    value: fn(&R) -> Cell,
) -> Column<R> {
    Column {
        key,
        heading,
        width,
        yes_no: false,
        value,
    }
}

const fn yes_no_column<R>(
    key: &'static str,
    heading: &'static str,
    value: fn(&R) -> Cell,
) -> Column<R> {
    Column {
        key,
        heading,
        width: 16.0,
        yes_no: true,
        value,
    }
}

/// The 30 columns of the ICO controller documentation template, in its order and wording,
/// then the register's own details that the template has no column for.
pub fn record_columns<'a>() -> Vec<Column<ActivityRow<'a>>> {
    vec![
        business_function_column(),
        column("purposes", "Purpose of processing", 40.0, |r| {
            Cell::list(r.value().purposes.as_deref())
        }),
        column(
            "joint_controller",
            "Name and contact details of joint controller (if applicable)",
            30.0,
            |r| {
                r.value()
                    .joint_controller
                    .as_ref()
                    .map_or(Cell::Empty, |j| Cell::lines(describe::joint_controller(j)))
            },
        ),
        column("data_subjects", "Categories of individuals", 30.0, |r| {
            Cell::list(r.value().data_subjects.as_deref())
        }),
        column(
            "personal_data",
            "Categories of personal data",
            40.0,
            personal_data,
        ),
        column("recipients", "Categories of recipients", 40.0, recipients),
        column(
            "processor_contracts",
            "Link to contract with processor",
            40.0,
            |r| {
                let ids = r.value().processors.as_deref();
                ids.map_or(Cell::Empty, |ids| {
                    Cell::List(
                        ids.iter()
                            .map(|id| describe::processor_contract(r.register, &id.0))
                            .collect(),
                    )
                })
            },
        ),
        transfer_countries(),
        transfer_safeguards(),
        column(
            "retention",
            "Retention schedule (if possible)",
            45.0,
            retention,
        ),
        security_measures(),
        column(
            "article6",
            "Article 6 lawful basis for processing personal data",
            35.0,
            article6,
        ),
        column(
            "article9",
            "Article 9 condition for processing special category data",
            35.0,
            |r| r.basis(describe::article9).map_or(Cell::Empty, Cell::lines),
        ),
        column(
            "legitimate_interests",
            "Legitimate interests for the processing (if applicable)",
            30.0,
            |r| {
                Cell::text(
                    r.basis(|b| b.legitimate_interests.clone())
                        .flatten()
                        .as_deref(),
                )
            },
        ),
        column(
            "lia",
            "Link to record of legitimate interests assessment (if applicable)",
            30.0,
            |r| Cell::text(r.basis(|b| b.lia.clone()).flatten().as_deref()),
        ),
        column("rights", "Rights available to individuals", 35.0, |r| {
            Cell::lines(describe::rights(r.value()))
        }),
        yes_no_column(
            "automated_decision_making",
            "Existence of automated decision-making, including profiling (if applicable)",
            |r| {
                Cell::yes_no(
                    r.value()
                        .automated_decision_making
                        .as_ref()
                        .and_then(|a| a.used),
                )
            },
        ),
        column(
            "sources",
            "The source of the personal data (if applicable)",
            30.0,
            |r| Cell::list(r.value().sources.as_deref()),
        ),
        column("consent_record", "Link to record of consent", 30.0, |r| {
            Cell::text(r.basis(|b| b.consent_record.clone()).flatten().as_deref())
        }),
        column("location", "Location of personal data", 30.0, |r| {
            Cell::text(r.value().location.as_deref())
        }),
        yes_no_column(
            "dpia_required",
            "Data Protection Impact Assessment required?",
            |r| Cell::yes_no(r.value().dpia.as_ref().and_then(|d| d.required)),
        ),
        column(
            "dpia_status",
            "Data Protection Impact Assessment progress",
            20.0,
            |r| {
                let status = r.value().dpia.as_ref().and_then(|d| d.status);
                Cell::text(status.map(|s| s.label()))
            },
        ),
        column(
            "dpia_link",
            "Link to Data Protection Impact Assessment",
            30.0,
            |r| Cell::text(r.value().dpia.as_ref().and_then(|d| d.link.as_deref())),
        ),
        yes_no_column(
            "breach_occurred",
            "Has a personal data breach occurred?",
            |r| Cell::yes_no(r.value().breach.as_ref().and_then(|b| b.occurred)),
        ),
        column(
            "breach_record",
            "Link to record of personal data breach",
            30.0,
            |r| Cell::text(r.value().breach.as_ref().and_then(|b| b.record.as_deref())),
        ),
        column(
            "schedule1",
            "Data Protection Act 2018 Schedule 1 condition for processing",
            40.0,
            |r| {
                r.basis(describe::schedule1)
                    .map_or(Cell::Empty, Cell::lines)
            },
        ),
        column(
            "schedule1_article6",
            "GDPR Article 6 lawful basis for processing",
            35.0,
            |r| {
                // Sch 1 para 41(b): how the Art 6 basis is met, for data that relies on a
                // Schedule 1 condition.
                let relies_on_schedule1 = r.basis(|b| !b.schedule1.is_empty()) == Some(true);
                if relies_on_schedule1 {
                    r.basis(describe::article6).map_or(Cell::Empty, Cell::lines)
                } else {
                    Cell::Empty
                }
            },
        ),
        column(
            "policy_document",
            "Link to retention and erasure policy document",
            30.0,
            |r| {
                let policy = r.value().policy_document.as_ref();
                Cell::text(policy.and_then(|p| p.link.as_deref()))
            },
        ),
        yes_no_column(
            "policy_compliant",
            "Is personal data retained and erased in accordance with the policy document?",
            |r| Cell::yes_no(r.value().policy_document.as_ref().and_then(|p| p.compliant)),
        ),
        column(
            "policy_reason",
            "Reasons for not adhering to policy document (if applicable)",
            30.0,
            |r| {
                let policy = r.value().policy_document.as_ref();
                Cell::text(policy.and_then(|p| p.reason.as_deref()))
            },
        ),
        // The register's own details, after the template's columns.
        activity_name_column(),
        column("description", "Description", 40.0, |r| {
            Cell::text(r.value().description.as_deref())
        }),
        column(
            "automated_decision_making_details",
            "Automated decision-making details",
            30.0,
            |r| {
                let adm = r.value().automated_decision_making.as_ref();
                Cell::text(adm.and_then(|a| a.details.as_deref()))
            },
        ),
        column("privacy_notice", "Privacy notice", 30.0, |r| {
            Cell::text(r.value().privacy_notice.as_deref())
        }),
        column(
            "providing_data_requirement",
            "Is giving the data a statutory or contractual requirement?",
            25.0,
            |r| {
                let providing = r.value().providing_data.as_ref();
                Cell::text(providing.and_then(|p| p.requirement).map(|v| v.label()))
            },
        ),
        column(
            "providing_data_consequences",
            "Consequences of not giving the data",
            30.0,
            |r| {
                let providing = r.value().providing_data.as_ref();
                Cell::text(providing.and_then(|p| p.consequences.as_deref()))
            },
        ),
        column("owner", "Owner", 25.0, |r| {
            Cell::text(r.value().owner.as_deref())
        }),
        column("last_reviewed", "Last reviewed", 14.0, |r| {
            Cell::text(r.value().last_reviewed.map(|d| d.to_string()).as_deref())
        }),
        column("review_due", "Review due", 14.0, |r| {
            let months = r.register.review_interval_months();
            Cell::text(
                r.value()
                    .review_due(months)
                    .map(|d| d.to_string())
                    .as_deref(),
            )
        }),
        column("notes", "Notes", 40.0, |r| {
            Cell::list(r.value().notes.as_deref())
        }),
        record_id(),
    ]
}

/// ICO column 1, shared with `ropa list`.
pub fn business_function(r: &ActivityRow<'_>) -> Cell {
    Cell::text(r.value().business_function.as_deref())
}

/// ICO column 10: each retention entry as a sentence; shared with `ropa list`.
pub fn retention(r: &ActivityRow<'_>) -> Cell {
    r.value().retention.as_deref().map_or(Cell::Empty, |list| {
        Cell::List(list.iter().map(describe::retention).collect())
    })
}

/// ICO column 12: the Article 6 bases in words, with their law; shared with `ropa list`.
pub fn article6(r: &ActivityRow<'_>) -> Cell {
    r.basis(describe::article6).map_or(Cell::Empty, Cell::lines)
}

/// ICO column 5: the data held, then its special categories and criminal offence data, so the
/// most sensitive data is visible in the column an auditor reads first.
fn personal_data(r: &ActivityRow<'_>) -> Cell {
    let a = r.value();
    let sensitive: Vec<String> = a
        .special_categories()
        .iter()
        .map(|c| format!("Special category: {}", c.label()))
        .chain((a.criminal_offence_data == Some(true)).then(|| "Criminal offence data".into()))
        .collect();
    match (&a.personal_data, sensitive.is_empty()) {
        (None, true) => Cell::Empty,
        (data, _) => Cell::List(data.iter().flatten().cloned().chain(sensitive).collect()),
    }
}

/// ICO column 6: see [`describe::recipients`].
fn recipients(r: &ActivityRow<'_>) -> Cell {
    describe::recipients(r.register, r.value()).map_or(Cell::Empty, Cell::List)
}

// Columns that both the controller record and the processor record have.

fn activity_name_column<'a>() -> Column<ActivityRow<'a>> {
    column("name", "Processing activity", 30.0, |r| {
        Cell::Text(r.value().name.clone())
    })
}

fn business_function_column<'a>() -> Column<ActivityRow<'a>> {
    column(
        "business_function",
        "Business function",
        20.0,
        business_function,
    )
}

fn transfer_countries<'a>() -> Column<ActivityRow<'a>> {
    column(
        "transfer_countries",
        "Names of third countries or international organisations that personal data are \
         transferred to (if applicable)",
        35.0,
        |r| transfers(r, describe::transfer),
    )
}

/// The safeguards recorded for each transfer, and the Art 49 derogations that have none,
/// since those are the exceptional transfers that must document them.
fn transfer_safeguards<'a>() -> Column<ActivityRow<'a>> {
    column(
        "transfer_safeguards",
        "Safeguards for exceptional transfers of personal data to third countries or \
         international organisations (if applicable)",
        35.0,
        |r| {
            let Some(list) = r.value().transfers.as_deref() else {
                return Cell::Empty;
            };
            Cell::lines(
                list.iter()
                    .filter_map(|t| {
                        let country = t.country.as_ref().map_or("?", |c| c.0.as_str());
                        let safeguards = t.safeguards.as_deref().map_or("", str::trim);
                        if !safeguards.is_empty() {
                            Some(format!("{country}: {safeguards}"))
                        } else if t.mechanism == Some(TransferMechanism::Derogation) {
                            Some(format!("{country}: no safeguards recorded"))
                        } else {
                            None
                        }
                    })
                    .collect(),
            )
        },
    )
}

fn security_measures<'a>() -> Column<ActivityRow<'a>> {
    column(
        "security_measures",
        "General description of technical and organisational security measures (if possible)",
        40.0,
        |r| Cell::list(r.value().security_measures.as_deref()),
    )
}

fn record_id<'a>() -> Column<ActivityRow<'a>> {
    column("id", "Record ID", 30.0, |r| {
        Cell::Text(r.activity.id.clone())
    })
}

fn transfers(r: &ActivityRow<'_>, describe: fn(&Transfer) -> String) -> Cell {
    r.value().transfers.as_deref().map_or(Cell::Empty, |list| {
        Cell::List(list.iter().map(describe).collect())
    })
}

/// The Art 30(2) record kept as a processor.
pub fn processor_record_columns<'a>() -> Vec<Column<ActivityRow<'a>>> {
    vec![
        activity_name_column(),
        business_function_column(),
        column(
            "controllers",
            "Name and contact details of each controller on whose behalf we act",
            40.0,
            |r| {
                r.value()
                    .controllers
                    .as_deref()
                    .map_or(Cell::Empty, |list| {
                        Cell::List(list.iter().map(describe::controller_acted_for).collect())
                    })
            },
        ),
        column(
            "categories_of_processing",
            "Categories of processing carried out on behalf of each controller",
            40.0,
            |r| {
                r.value()
                    .controllers
                    .as_deref()
                    .map_or(Cell::Empty, |list| {
                        Cell::lines(
                            list.iter()
                                .flat_map(|c| {
                                    let name = c.name.as_deref().unwrap_or("controller not named");
                                    c.processing
                                        .iter()
                                        .flatten()
                                        .map(move |p| format!("{name}: {p}"))
                                })
                                .collect(),
                        )
                    })
            },
        ),
        transfer_countries(),
        transfer_safeguards(),
        security_measures(),
        column("sub_processors", "Sub-processors we use", 30.0, |r| {
            r.value().processors.as_deref().map_or(Cell::Empty, |ids| {
                Cell::List(
                    ids.iter()
                        .map(|id| describe::processor_name(r.register, &id.0))
                        .collect(),
                )
            })
        }),
        record_id(),
    ]
}

/// A processor with the selected activities that name it.
pub struct ProcessorRow<'a> {
    pub processor: &'a Loaded<Processor>,
    pub used_by: Vec<&'a Loaded<Activity>>,
}

pub fn processor_columns<'a>() -> Vec<Column<ProcessorRow<'a>>> {
    vec![
        column("name", "Processor", 30.0, |r| {
            Cell::Text(r.processor.value.name.clone())
        }),
        column("service", "Service", 30.0, |r| {
            Cell::text(r.processor.value.service.as_deref())
        }),
        column("contact", "Contact", 30.0, |r| {
            Cell::text(r.processor.value.contact.as_deref())
        }),
        column("contract", "Link to contract", 35.0, |r| {
            Cell::text(r.processor.value.contract.as_deref())
        }),
        column("contract_expires", "Contract expires", 16.0, |r| {
            let expires = r.processor.value.contract_expires;
            Cell::text(expires.map(|d| d.to_string()).as_deref())
        }),
        column(
            "countries",
            "Countries where it processes data",
            20.0,
            |r| {
                let countries = r.processor.value.countries.as_deref();
                countries.map_or(Cell::Empty, |list| {
                    Cell::List(list.iter().map(|c| describe::country(&c.0)).collect())
                })
            },
        ),
        column("sub_processors", "Sub-processors", 30.0, |r| {
            r.processor
                .value
                .sub_processors
                .as_deref()
                .map_or(Cell::Empty, |subs| {
                    Cell::List(subs.iter().map(ToString::to_string).collect())
                })
        }),
        column("security_measures", "Security measures", 35.0, |r| {
            Cell::list(r.processor.value.security_measures.as_deref())
        }),
        column("notes", "Notes", 30.0, |r| {
            Cell::list(r.processor.value.notes.as_deref())
        }),
        column("used_by", "Used by activities", 40.0, |r| {
            Cell::List(
                r.used_by
                    .iter()
                    .map(|a| format!("{} ({})", a.value.name, a.id))
                    .collect(),
            )
        }),
        column("id", "Record ID", 20.0, |r| {
            Cell::Text(r.processor.id.clone())
        }),
    ]
}

/// One entry of an activity's list (a retention rule or a transfer) with its activity.
pub struct EntryRow<'a, T> {
    pub activity: &'a Loaded<Activity>,
    pub entry: &'a T,
}

fn activity_name<T>(r: &EntryRow<'_, T>) -> Cell {
    Cell::Text(r.activity.value.name.clone())
}

fn activity_id<T>(r: &EntryRow<'_, T>) -> Cell {
    Cell::Text(r.activity.id.clone())
}

pub fn retention_columns<'a>() -> Vec<Column<EntryRow<'a, Retention>>> {
    vec![
        column("activity", "Processing activity", 30.0, activity_name),
        column("business_function", "Business function", 20.0, |r| {
            Cell::text(r.activity.value.business_function.as_deref())
        }),
        column("data", "Data", 30.0, |r| {
            Cell::text(r.entry.data.as_deref())
        }),
        column("period", "Retention period", 16.0, |r| {
            Cell::text(r.entry.period.as_deref())
        }),
        column("trigger", "Starting from", 30.0, |r| {
            Cell::text(r.entry.trigger.as_deref())
        }),
        column("action", "Then", 12.0, |r| {
            Cell::text(r.entry.action.map(|a| a.label()))
        }),
        column("in_words", "Retention in words", 45.0, |r| {
            Cell::Text(describe::retention(r.entry))
        }),
        column("id", "Record ID", 30.0, activity_id),
    ]
}

pub fn transfer_columns<'a>() -> Vec<Column<EntryRow<'a, Transfer>>> {
    vec![
        column("activity", "Processing activity", 30.0, activity_name),
        column("country", "Country", 24.0, |r| {
            Cell::text(
                r.entry
                    .country
                    .as_ref()
                    .map(|c| describe::country(&c.0))
                    .as_deref(),
            )
        }),
        column("adequacy", "UK adequacy", 24.0, |r| {
            Cell::text(
                r.entry
                    .country
                    .as_ref()
                    .map(|c| describe::adequacy(&c.0))
                    .as_deref(),
            )
        }),
        column("recipient", "Recipient", 30.0, |r| {
            Cell::text(r.entry.recipient.as_deref())
        }),
        column("mechanism", "Transfer mechanism", 30.0, |r| {
            Cell::text(r.entry.mechanism.map(|m| m.label()))
        }),
        column("safeguards", "Safeguards", 40.0, |r| {
            Cell::text(r.entry.safeguards.as_deref())
        }),
        column("id", "Record ID", 30.0, activity_id),
    ]
}

/// Each waiver: the rule it waives, the reason on record, and the activity.
pub fn waiver_columns<'a>() -> Vec<Column<EntryRow<'a, Waiver>>> {
    vec![
        column("activity", "Processing activity", 30.0, activity_name),
        column("rule", "Rule waived", 30.0, |r| {
            Cell::Text(r.entry.rule.clone())
        }),
        column("reason", "Reason", 60.0, |r| {
            Cell::text(r.entry.reason.as_deref())
        }),
        column("id", "Record ID", 30.0, activity_id),
    ]
}

/// A lint finding with its position worked out.
pub struct FindingRow<'a> {
    pub diagnostic: &'a Diagnostic,
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl<'a> FindingRow<'a> {
    pub fn new(register: &Register, diagnostic: &'a Diagnostic) -> Self {
        let file = register.files.path(diagnostic.file).to_string();
        let at =
            crate::diag::file_line_col(&register.files, diagnostic.file, diagnostic.span.start);
        FindingRow {
            diagnostic,
            file,
            line: at.line,
            column: at.column,
        }
    }
}

pub fn finding_columns<'a>() -> Vec<Column<FindingRow<'a>>> {
    vec![
        column("severity", "Severity", 10.0, |r| {
            Cell::Text(r.diagnostic.severity.as_str().to_string())
        }),
        column("rule", "Rule", 30.0, |r| {
            Cell::Text(r.diagnostic.code.to_string())
        }),
        column("file", "File", 40.0, |r| Cell::Text(r.file.clone())),
        column("line", "Line", 8.0, |r| Cell::Text(r.line.to_string())),
        column("message", "Finding", 60.0, |r| {
            Cell::Text(r.diagnostic.message.clone())
        }),
        column("help", "How to fix it", 60.0, |r| {
            Cell::text(r.diagnostic.help.as_deref())
        }),
    ]
}

/// Builds one sheet for the selected activities.
/// For a sheet of one row per activity (the record, the processor record), each column's
/// heading and how many rows `counts` accepts the cell of, and the number of rows; `None` for
/// the other sheets. Each cell is made, judged and dropped at once, on every core: holding the
/// whole table only to count it was most of `summary`'s memory at 50,000 activities.
pub fn count_cells(
    sheet: Sheet,
    register: &Register,
    counts: &(dyn Fn(&Heading, &Activity, &Cell) -> bool + Sync),
) -> Option<(Vec<Heading>, Vec<usize>, usize)> {
    let (columns, roles) = match sheet {
        Sheet::Record => (record_columns(), RECORD_ROLES),
        Sheet::ProcessorRecord => (processor_record_columns(), PROCESSOR_RECORD_ROLES),
        Sheet::Processors
        | Sheet::Transfers
        | Sheet::Retention
        | Sheet::Waivers
        | Sheet::Findings => {
            return None;
        }
    };
    let headings: Vec<Heading> = columns.iter().map(Column::heading).collect();
    let rows = activity_rows(register, &Selection::default().activities(register), roles);
    let none = || vec![0; columns.len()];
    let counted = rows
        .par_iter()
        .fold(none, |mut counted, row| {
            for ((column, heading), n) in columns.iter().zip(&headings).zip(&mut counted) {
                if counts(heading, &row.activity.value, &(column.value)(row)) {
                    *n += 1;
                }
            }
            counted
        })
        .reduce(none, |a, b| a.iter().zip(&b).map(|(x, y)| x + y).collect());
    Some((headings, counted, rows.len()))
}

/// The roles of the activities on the record sheet (Art 30(1)) and on the processor record
/// (Art 30(2)).
const RECORD_ROLES: &[Role] = &[Role::Controller, Role::JointController];
const PROCESSOR_RECORD_ROLES: &[Role] = &[Role::Processor];

/// A row for each of `activities` whose role is one of `roles`, in their order.
fn activity_rows<'a>(
    register: &'a Register,
    activities: &[&'a Loaded<Activity>],
    roles: &[Role],
) -> Vec<ActivityRow<'a>> {
    activities
        .iter()
        .filter(|a| roles.contains(&a.value.role()))
        .map(|activity| ActivityRow { register, activity })
        .collect()
}

pub fn build(
    sheet: Sheet,
    register: &Register,
    selection: &Selection,
    findings: &[Diagnostic],
) -> Table {
    lazy(sheet, register, selection, findings).into_table()
}

/// One sheet for the selected activities, its cells made only when each row is asked for.
pub fn lazy<'a>(
    sheet: Sheet,
    register: &'a Register,
    selection: &Selection,
    findings: &'a [Diagnostic],
) -> LazyTable<'a> {
    let activities = selection.activities(register);
    match sheet {
        Sheet::Record => LazyTable::new(
            sheet.name(),
            RECORD_GROUPS,
            record_columns(),
            activity_rows(register, &activities, RECORD_ROLES),
        ),
        Sheet::ProcessorRecord => LazyTable::new(
            sheet.name(),
            &[],
            processor_record_columns(),
            activity_rows(register, &activities, PROCESSOR_RECORD_ROLES),
        ),
        Sheet::Processors => {
            let chosen = activities.iter().map(|a| a.file).collect();
            let rows: Vec<ProcessorRow<'_>> = selection
                .processors(register, &activities)
                .into_iter()
                .map(|processor| ProcessorRow {
                    processor,
                    used_by: super::selection::users_among(register, &chosen, &processor.id),
                })
                .collect();
            LazyTable::new(sheet.name(), &[], processor_columns(), rows)
        }
        Sheet::Retention => {
            let rows = entries(&activities, |a| a.retention.as_deref());
            LazyTable::new(sheet.name(), &[], retention_columns(), rows)
        }
        Sheet::Transfers => {
            let rows = entries(&activities, |a| a.transfers.as_deref());
            LazyTable::new(sheet.name(), &[], transfer_columns(), rows)
        }
        Sheet::Waivers => {
            let rows = entries(&activities, |a| Some(a.waivers.as_slice()));
            LazyTable::new(sheet.name(), &[], waiver_columns(), rows)
        }
        Sheet::Findings => {
            let rows: Vec<FindingRow<'_>> = findings
                .iter()
                .map(|d| FindingRow::new(register, d))
                .collect();
            LazyTable::new(sheet.name(), &[], finding_columns(), rows)
        }
    }
}

fn entries<'a, T>(
    activities: &[&'a Loaded<Activity>],
    list: impl Fn(&'a Activity) -> Option<&'a [T]>,
) -> Vec<EntryRow<'a, T>> {
    activities
        .iter()
        .flat_map(|activity| {
            list(&activity.value)
                .unwrap_or(&[])
                .iter()
                .map(move |entry| EntryRow { activity, entry })
        })
        .collect()
}
