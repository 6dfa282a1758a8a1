//! `ropa show`: one activity, or one processor, as a readable card. An activity's fields are
//! the spreadsheet's own cells, grouped under the ICO template's headings; its processors are
//! listed with their contract status, and its lint findings follow.
// Indexing cannot panic here: groups and columns are indexed by positions taken from themselves.
#![allow(clippy::indexing_slicing)]

use super::{Findings, heading};
use crate::describe;
use crate::export::sheets::{
    ActivityRow, ProcessorRow, RECORD_GROUPS, processor_columns, processor_record_columns,
    record_columns,
};
use crate::export::terminal::{render_card, render_table};
use crate::export::{Cell, Column, Table};
use crate::model::{Activity, Date, Loaded, Processor, Register};
use crate::vocab::Role;

/// What the processor-record card is headed, for activities done as a processor.
const PROCESSOR_RECORD_TITLE: &str =
    "Article 30(2) record (processing carried out as a processor for other controllers)";

/// An activity as a card.
pub fn activity(
    register: &Register,
    activity: &Loaded<Activity>,
    findings: &Findings,
    today: Date,
    width: u16,
) -> String {
    let a = &activity.value;
    let mut out = title(
        &a.name,
        &activity.id,
        &register.files.display_path(activity.file),
    );
    out.push_str(&format!("  Role: {}\n", a.role().label()));
    let row = ActivityRow { register, activity };
    if a.role() == Role::Processor {
        let table = one_row(&processor_record_columns(), row);
        let fields = 0..table.headings.len();
        out.push_str(&section(PROCESSOR_RECORD_TITLE, &table, fields, width));
    } else {
        let table = one_row(&record_columns(), row);
        for group in RECORD_GROUPS {
            let fields = group.first..group.last + 1;
            out.push_str(&section(group.title, &table, fields, width));
        }
    }
    out.push('\n');
    out.push_str(&processors(register, a, today, width));
    out.push('\n');
    out.push_str(&findings.render_for(activity.file, register));
    out
}

/// A processor as a card, its contract status, and every activity that uses it.
pub fn processor(
    register: &Register,
    processor: &Loaded<Processor>,
    findings: &Findings,
    today: Date,
    width: u16,
) -> String {
    let used_by: Vec<&Loaded<Activity>> = register.users_of(&processor.id).collect();
    let row = ProcessorRow {
        processor,
        used_by: used_by.clone(),
    };
    let mut out = title(
        &processor.value.name,
        &processor.id,
        &register.files.display_path(processor.file),
    );
    out.push_str(&format!(
        "  Contract: {}\n",
        describe::contract_status(&processor.value, today)
    ));
    let table = one_row(&processor_columns(), row);
    // The activities that use it follow as a table of their own, so the card leaves them out.
    let fields = 0..table.headings.len();
    let fields: Vec<usize> = fields
        .filter(|&i| table.headings[i].key != "used_by")
        .collect();
    out.push_str(&section("Processor", &table, fields, width));
    out.push('\n');
    out.push_str(&format!(
        "{} ({})\n",
        heading("Activities that use it"),
        used_by.len()
    ));
    if !used_by.is_empty() {
        out.push_str(&render_table(
            &super::list::table(register, &used_by, findings),
            width,
        ));
    }
    out.push('\n');
    out.push_str(&findings.render_for(processor.file, register));
    out
}

/// The card's heading. The name is register text, so its control characters are made safe
/// before the bold codes go round it.
fn title(name: &str, id: &str, file: &str) -> String {
    let name = crate::export::terminal::printable(name);
    format!("{}\n  ID: {id}\n  File: {file}\n", heading(&name))
}

fn one_row<R: Sync>(columns: &[Column<R>], row: R) -> Table {
    Table::build("", &[], columns, std::slice::from_ref(&row))
}

/// The given columns of a one-row table as a card under a heading.
fn section(
    title: &str,
    table: &Table,
    columns: impl IntoIterator<Item = usize>,
    width: u16,
) -> String {
    let cells = &table.rows[0];
    // Notes are optional extras, not part of the record: shown only when there are some.
    let fields = columns
        .into_iter()
        .filter(|&i| !(table.headings[i].key == "notes" && cells[i] == Cell::Empty))
        .map(|i| (table.headings[i].heading, &cells[i]));
    format!("\n{}\n{}", heading(title), render_card(fields, width))
}

/// One of an activity's processors, found or not.
struct ProcessorUse<'a> {
    id: &'a str,
    processor: Option<&'a Loaded<Processor>>,
    today: Date,
}

fn processor_use_columns<'a>() -> Vec<Column<ProcessorUse<'a>>> {
    let column = |key, heading, value: fn(&ProcessorUse<'a>) -> Cell| {
        super::column(key, heading, 30.0, value)
    };
    vec![
        column("processor", "Processor", |r| {
            Cell::Text(match r.processor {
                Some(p) => format!("{} ({})", p.value.name, r.id),
                None => format!("{} (no file in processors/)", r.id),
            })
        }),
        column("service", "Service", |r| {
            Cell::text(r.processor.and_then(|p| p.value.service.as_deref()))
        }),
        column("contract", "Contract (Art 28)", |r| match r.processor {
            Some(p) => Cell::Text(describe::contract_status(&p.value, r.today)),
            None => Cell::Empty,
        }),
        column("countries", "Countries", |r| {
            let countries = r.processor.and_then(|p| p.value.countries.as_deref());
            countries.map_or(Cell::Empty, |list| {
                Cell::List(list.iter().map(|c| c.0.clone()).collect())
            })
        }),
    ]
}

/// The activity's processors with their contract status, or what is recorded instead.
fn processors(register: &Register, activity: &Activity, today: Date, width: u16) -> String {
    let title = heading("Processors");
    let Some(ids) = activity.processors.as_deref() else {
        return format!("{title}: {}\n", crate::export::terminal::NOT_RECORDED);
    };
    if ids.is_empty() {
        return format!("{title}: {}\n", crate::export::table::NONE_RECORDED);
    }
    let rows: Vec<ProcessorUse<'_>> = ids
        .iter()
        .map(|id| ProcessorUse {
            id: &id.0,
            processor: register.processor(&id.0),
            today,
        })
        .collect();
    let table = Table::build("Processors", &[], &processor_use_columns(), &rows);
    format!("{title} ({})\n{}", rows.len(), render_table(&table, width))
}
