//! The sheets `ropa export` writes besides the record: processors, the retention schedule and
//! transfers. Each gives exact values (ids, periods, mechanisms) that the record sheet holds
//! only as sentences, so a workbook export imports exactly.

use std::collections::HashMap;

use super::cells::{self, clean, is_none, items};
use super::headings::Header;
use super::processors::Processors;
use super::read::Grid;
use super::report::SheetLog;
use crate::model::{CountryCode, Processor, Retention, Transfer, is_id_segment};
use crate::vocab::matcher::{countries, exact};
use crate::vocab::{RetentionAction, TransferMechanism};

/// A row of one of these sheets, with its report.
struct ListRow<'a> {
    grid: &'a Grid,
    header: &'a Header,
    row: usize,
    log: &'a mut SheetLog,
}

impl ListRow<'_> {
    fn take(&self, key: &str) -> Option<(usize, String)> {
        let col = self.header.column(key)?;
        let text = clean(self.grid.cell(self.row, col));
        (!text.is_empty()).then_some((col, text))
    }

    fn heading(&self, col: usize) -> Option<String> {
        self.header
            .columns
            .iter()
            .find(|(c, _, _)| *c == col)
            .map(|(_, h, _)| h.clone())
    }

    fn mapped(&mut self, col: usize, field: &str) {
        let heading = self.heading(col);
        self.log
            .mapped(self.row, col, heading.as_deref(), field.to_string());
    }

    fn skipped(&mut self, col: usize, reason: &str) {
        let heading = self.heading(col);
        self.log.skipped(self.row, col, heading.as_deref(), reason);
    }

    fn kept(&mut self, col: usize, what: String) {
        let heading = self.heading(col);
        self.log.kept(self.row, col, heading.as_deref(), what);
    }

    /// Every other non-empty cell of the row, skipped with `reason`.
    fn skip_rest(&mut self, read: &[&str], reason: &str) {
        let cols: Vec<(usize, Option<&'static str>)> = self
            .header
            .columns
            .iter()
            .map(|(c, _, k)| (*c, *k))
            .collect();
        for (col, key) in cols {
            if key.is_some_and(|k| read.contains(&k)) || !self.grid.has_own_value(self.row, col) {
                continue;
            }
            self.skipped(col, reason);
        }
    }
}

fn rows(grid: &Grid, header: &Header) -> impl Iterator<Item = usize> {
    let cols: Vec<usize> = header.columns.iter().map(|(c, _, _)| *c).collect();
    let grid_rows = grid.rows.len();
    (header.row + 1..grid_rows).filter(move |&r| cols.iter().any(|&c| grid.has_own_value(r, c)))
}

/// One processor per row, with its id from the Record ID column.
pub fn read_processors(
    grid: &Grid,
    header: &Header,
    log: &mut SheetLog,
    processors: &mut Processors,
) {
    const READ: &[&str] = &[
        "name",
        "service",
        "contact",
        "contract",
        "contract_expires",
        "countries",
        "sub_processors",
        "security_measures",
        "id",
    ];
    for row in rows(grid, header) {
        let mut r = ListRow {
            grid,
            header,
            row,
            log,
        };
        let Some((col, name)) = r.take("name") else {
            r.skip_rest(&[], "no processor name on this row");
            continue;
        };
        r.mapped(col, "name");
        let mut value = Processor {
            name: name.clone(),
            ..Processor::default()
        };
        for key in ["service", "contact", "contract"] {
            if let Some((col, text)) = r.take(key) {
                let slot = match key {
                    "service" => &mut value.service,
                    "contact" => &mut value.contact,
                    _ => &mut value.contract,
                };
                *slot = Some(text);
                r.mapped(col, key);
            }
        }
        if let Some((col, text)) = r.take("contract_expires") {
            match cells::date(&text) {
                Some(date) => {
                    value.contract_expires = Some(date);
                    r.mapped(col, "contract_expires");
                }
                None => r.kept(
                    col,
                    format!("\"{text}\" is not a date, so the expiry is not recorded"),
                ),
            }
        }
        if let Some((col, text)) = r.take("countries") {
            let mut codes = Vec::new();
            for item in items(&text) {
                match countries(&item).first() {
                    Some(hit) => codes.push(CountryCode(hit.value.to_string())),
                    None => r.kept(col, format!("\"{item}\" is not a country ropa recognises")),
                }
            }
            value.countries = Some(codes);
            r.mapped(col, "countries");
        }
        for key in ["sub_processors", "security_measures"] {
            if let Some((col, text)) = r.take(key) {
                let list = if is_none(&text) {
                    Vec::new()
                } else {
                    items(&text)
                };
                match key {
                    "sub_processors" => value.sub_processors = Some(list),
                    _ => value.security_measures = Some(list),
                }
                r.mapped(col, key);
            }
        }
        match r.take("id") {
            Some((col, id)) if is_id_segment(&id) => {
                processors.with_id(&id, value);
                r.mapped(col, "the file's name (its id)");
            }
            other => {
                let id = processors.named(&name);
                if let Some(p) = processors.get_mut(&id) {
                    *p = value;
                }
                if let Some((col, id)) = other {
                    r.kept(col, format!("\"{id}\" is not a processor id, so the file is named from the processor's name"));
                }
            }
        }
        r.skip_rest(
            READ,
            "worked out by ropa from the activities that name the processor",
        );
    }
}

/// Exact entries from a retention or transfers sheet, by the activity id they belong to.
pub type Entries<T> = HashMap<String, Vec<T>>;

/// One retention rule per row: data, period, trigger and action exactly as recorded.
pub fn read_retention(grid: &Grid, header: &Header, log: &mut SheetLog) -> Entries<Retention> {
    let mut out: Entries<Retention> = HashMap::new();
    const READ: &[&str] = &["data", "period", "trigger", "action", "id"];
    for row in rows(grid, header) {
        let mut r = ListRow {
            grid,
            header,
            row,
            log,
        };
        let Some((id_col, id)) = r.take("id") else {
            r.skip_rest(
                &[],
                "no Record ID: the record sheet's retention column holds the same rule",
            );
            continue;
        };
        r.mapped(id_col, "the activity it belongs to");
        let mut entry = Retention::default();
        for key in ["data", "period", "trigger"] {
            if let Some((col, text)) = r.take(key) {
                let slot = match key {
                    "data" => &mut entry.data,
                    "period" => &mut entry.period,
                    _ => &mut entry.trigger,
                };
                *slot = Some(text);
                r.mapped(col, &format!("retention.{key}"));
            }
        }
        if let Some((col, text)) = r.take("action") {
            match exact::<RetentionAction>(&text) {
                Some(action) => {
                    entry.action = Some(action);
                    r.mapped(col, "retention.action");
                }
                None => r.kept(col, format!("\"{text}\" is not delete, anonymise, review or archive; the record sheet's retention column is used")),
            }
        }
        r.skip_rest(READ, "repeats the record sheet, or is worked out by ropa");
        out.entry(id).or_default().push(entry);
    }
    out
}

/// One transfer per row: country, recipient, mechanism and safeguards exactly as recorded.
pub fn read_transfers(grid: &Grid, header: &Header, log: &mut SheetLog) -> Entries<Transfer> {
    let mut out: Entries<Transfer> = HashMap::new();
    const READ: &[&str] = &["country", "recipient", "mechanism", "safeguards", "id"];
    for row in rows(grid, header) {
        let mut r = ListRow {
            grid,
            header,
            row,
            log,
        };
        let Some((id_col, id)) = r.take("id") else {
            r.skip_rest(
                &[],
                "no Record ID: the record sheet's transfer columns hold the same transfer",
            );
            continue;
        };
        r.mapped(id_col, "the activity it belongs to");
        let mut entry = Transfer::default();
        if let Some((col, text)) = r.take("country") {
            match countries(&text).first() {
                Some(hit) => {
                    entry.country = Some(CountryCode(hit.value.to_string()));
                    r.mapped(col, "transfers.country");
                }
                None => r.kept(col, format!("\"{text}\" is not a country ropa recognises")),
            }
        }
        for key in ["recipient", "safeguards"] {
            if let Some((col, text)) = r.take(key) {
                let slot = match key {
                    "recipient" => &mut entry.recipient,
                    _ => &mut entry.safeguards,
                };
                *slot = Some(text);
                r.mapped(col, &format!("transfers.{key}"));
            }
        }
        if let Some((col, text)) = r.take("mechanism") {
            match exact::<TransferMechanism>(&text) {
                Some(m) => {
                    entry.mechanism = Some(m);
                    r.mapped(col, "transfers.mechanism");
                }
                None => r.kept(col, format!("\"{text}\" is not a transfer mechanism ropa knows; the record sheet's transfer column is used")),
            }
        }
        r.skip_rest(READ, "repeats the record sheet, or is worked out by ropa");
        out.entry(id).or_default().push(entry);
    }
    out
}
