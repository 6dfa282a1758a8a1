//! The sheets `ropa export` writes besides the record: processors, the retention schedule and
//! transfers. Each gives exact values (ids, periods, mechanisms) that the record sheet holds
//! only as sentences, so a workbook export imports exactly.

use std::collections::HashMap;

use super::cells::{self, clean, is_none, items};
use super::headings::Header;
use super::processors::Processors;
use super::read::Grid;
use super::report::SheetLog;
use crate::model::{CountryCode, Processor, Retention, Transfer, Waiver, is_id_segment};
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
        self.header.heading(col)
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
        "notes",
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
        let mut notes = Vec::new();
        if let Some((col, text)) = r.take("contract_expires") {
            match cells::date(&text) {
                Some(date) => {
                    value.contract_expires = Some(date);
                    r.mapped(col, "contract_expires");
                }
                None => {
                    r.kept(
                        col,
                        format!("\"{text}\" kept in the processor's notes: not a date"),
                    );
                    notes.push(format!("Contract expires: {text}"));
                }
            }
        }

        if let Some((col, text)) = r.take("countries") {
            let mut codes = Vec::new();
            for item in items(&text) {
                match countries(&item).first() {
                    Some(hit) => codes.push(CountryCode(hit.value.to_string())),
                    None => {
                        r.kept(col, format!("\"{item}\" kept in the processor's notes: not a country ropa recognises"));
                        notes.push(format!("Countries where it processes data: {item}"));
                    }
                }
            }
            value.countries = Some(codes);
            r.mapped(col, "countries");
        }
        if let Some((col, text)) = r.take("notes") {
            notes.extend(items(&text));
            r.mapped(col, "notes");
        }
        if !notes.is_empty() {
            value.notes = Some(notes);
        }
        for key in ["sub_processors", "security_measures"] {
            if let Some((col, text)) = r.take(key) {
                let list = if is_none(&text) {
                    Vec::new()
                } else {
                    items(&text)
                };
                match key {
                    "sub_processors" => {
                        value.sub_processors = Some(
                            list.into_iter()
                                .map(crate::model::SubProcessor::Name)
                                .collect(),
                        );
                    }
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

/// Exact entries from a retention or transfers sheet, by the activity id they belong to. An
/// entry is `None` when a cell of its row could not be read: that activity then keeps what its
/// record-sheet row says, so nothing is lost.
pub type Entries<T> = HashMap<String, Vec<Option<T>>>;

/// The entries of a sheet with one entry per row and a Record ID column naming its activity;
/// `read` fills an entry from the row's other cells and says whether all of them were read.
fn read_entries<T: Default>(
    grid: &Grid,
    header: &Header,
    log: &mut SheetLog,
    (read_keys, no_id): (&[&str], &str),
    read: impl Fn(&mut ListRow<'_>, &mut T) -> bool,
) -> Entries<T> {
    let mut out: Entries<T> = HashMap::new();
    for row in rows(grid, header) {
        let mut r = ListRow {
            grid,
            header,
            row,
            log,
        };
        let Some((id_col, id)) = r.take("id") else {
            r.skip_rest(&[], no_id);
            continue;
        };
        r.mapped(id_col, "the activity it belongs to");
        let mut entry = T::default();
        let whole = read(&mut r, &mut entry);
        r.skip_rest(
            read_keys,
            "repeats the record sheet, or is worked out by ropa",
        );
        out.entry(id).or_default().push(whole.then_some(entry));
    }
    out
}

/// One retention rule per row: data, period, trigger and action exactly as recorded.
pub fn read_retention(grid: &Grid, header: &Header, log: &mut SheetLog) -> Entries<Retention> {
    let keys: &[&str] = &["data", "period", "trigger", "action", "id"];
    let no_id = "no Record ID: the record sheet's retention column holds the same rule";
    read_entries(
        grid,
        header,
        log,
        (keys, no_id),
        |r, entry: &mut Retention| {
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
            let Some((col, text)) = r.take("action") else {
                return true;
            };
            match exact::<RetentionAction>(&text) {
                Some(action) => {
                    entry.action = Some(action);
                    r.mapped(col, "retention.action");
                    true
                }
                None => {
                    r.kept(col, format!("\"{text}\" is not delete, anonymise, review or archive, so the activity keeps the retention its record-sheet row gives"));
                    false
                }
            }
        },
    )
}

/// One transfer per row: country, recipient, mechanism and safeguards exactly as recorded.
pub fn read_transfers(grid: &Grid, header: &Header, log: &mut SheetLog) -> Entries<Transfer> {
    let keys: &[&str] = &["country", "recipient", "mechanism", "safeguards", "id"];
    let no_id = "no Record ID: the record sheet's transfer columns hold the same transfer";
    read_entries(
        grid,
        header,
        log,
        (keys, no_id),
        |r, entry: &mut Transfer| {
            let mut whole = true;
            if let Some((col, text)) = r.take("country") {
                match countries(&text).first() {
                    Some(hit) => {
                        entry.country = Some(CountryCode(hit.value.to_string()));
                        r.mapped(col, "transfers.country");
                    }
                    None => {
                        r.kept(col, format!("\"{text}\" is not a country ropa recognises, so the activity keeps the transfers its record-sheet row gives"));
                        whole = false;
                    }
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
                    None => {
                        r.kept(col, format!("\"{text}\" is not a transfer mechanism ropa knows, so the activity keeps the transfers its record-sheet row gives"));
                        whole = false;
                    }
                }
            }
            whole
        },
    )
}

/// One waiver per row: the rule and the reason, as recorded.
pub fn read_waivers(grid: &Grid, header: &Header, log: &mut SheetLog) -> Entries<Waiver> {
    let keys: &[&str] = &["rule", "reason", "id"];
    let no_id = "no Record ID, so the waiver cannot be attached to an activity";
    read_entries(
        grid,
        header,
        log,
        (keys, no_id),
        |r, waiver: &mut Waiver| {
            if let Some((col, text)) = r.take("rule") {
                waiver.rule = text;
                r.mapped(col, "waivers.rule");
            }
            if let Some((col, text)) = r.take("reason") {
                waiver.reason = Some(text);
                r.mapped(col, "waivers.reason");
            }
            // A waiver without a rule is kept too: `waiver-unknown-rule` then shows it.
            true
        },
    )
}
