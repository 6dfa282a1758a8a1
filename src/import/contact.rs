//! The contact block above the ICO template's headings: who the controller, the DPO and the
//! representative are, and the ICO registration number. Read into `ropa.toml`.

use super::cells::clean;
use super::read::Grid;
use super::report::SheetLog;
use crate::model::{Contact, Controller};
use crate::vocab::matcher::normalise;

/// What the contact block says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactBlock {
    pub controller: Option<Contact>,
    pub dpo: Option<Contact>,
    pub representative: Option<Contact>,
    pub ico_registration: Option<String>,
}

impl ContactBlock {
    pub fn controller(&self) -> Controller {
        let c = self.controller.clone().unwrap_or_default();
        Controller {
            name: c.name.unwrap_or_default(),
            address: c.address,
            email: c.email,
            phone: c.phone,
            complaints: None,
            ico_registration: self.ico_registration.clone(),
            public_authority: None,
            fewer_than_250_staff: None,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Who {
    Controller,
    Dpo,
    Representative,
    Registration,
}

fn who(label: &str) -> Option<Who> {
    let label = normalise(label);
    if label.contains("registration") || label == "ico number" {
        Some(Who::Registration)
    } else if label.contains("data protection officer")
        || label == "dpo"
        || label.starts_with("dpo ")
    {
        Some(Who::Dpo)
    } else if label.contains("representative") {
        Some(Who::Representative)
    } else if label.contains("controller")
        || label == "organisation"
        || label == "organisation name"
    {
        Some(Who::Controller)
    } else {
        None
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Name,
    Address,
    Email,
    Phone,
}

fn field(heading: &str) -> Option<Field> {
    match normalise(heading).as_str() {
        "name" | "names" | "contact name" => Some(Field::Name),
        "address" | "postal address" => Some(Field::Address),
        "email" | "e mail" | "email address" | "e mail address" => Some(Field::Email),
        "telephone" | "phone" | "tel" | "telephone number" | "phone number" => Some(Field::Phone),
        _ => None,
    }
}

/// Reads the rows above the heading row. Every non-empty cell there is reported: read into
/// `ropa.toml`, or skipped as a label, a group heading or other text above the table.
pub fn read(
    grid: &Grid,
    heading_row: usize,
    group_titles: &[&str],
    log: &mut SheetLog,
) -> ContactBlock {
    let mut block = ContactBlock::default();
    // A row of Name / Address / Email / Telephone says which column holds what.
    let mut columns: Vec<(usize, Field)> = Vec::new();
    for row in 0..heading_row {
        let cells: Vec<(usize, String)> = (0..grid.width())
            .filter(|&c| grid.has_own_value(row, c))
            .map(|c| (c, clean(grid.cell(row, c))))
            .collect();
        let Some((label_col, label)) = cells.first().cloned() else {
            continue;
        };
        let fields: Vec<(usize, Field)> = cells
            .iter()
            .filter_map(|(c, t)| field(t).map(|f| (*c, f)))
            .collect();
        if fields.len() >= 2 {
            columns = fields;
            for (c, _) in &cells {
                log.skipped(row, *c, None, "contact block heading");
            }
            continue;
        }
        let Some(who) = who(&label) else {
            let is_group = group_titles
                .iter()
                .any(|t| normalise(t) == normalise(&label));
            for (c, t) in &cells {
                let group = is_group || group_titles.iter().any(|g| normalise(g) == normalise(t));
                let reason = if group {
                    "group heading above the column headings"
                } else {
                    "text above the column headings, not part of the table"
                };
                log.skipped(row, *c, None, reason);
            }
            continue;
        };
        log.skipped(row, label_col, None, "contact block label");
        let values: Vec<&(usize, String)> = cells.iter().skip(1).collect();
        if who == Who::Registration {
            if let Some((c, text)) = values.first() {
                block.ico_registration = Some(text.clone());
                log.mapped(
                    row,
                    *c,
                    None,
                    "ropa.toml: controller.ico_registration".into(),
                );
            }
            continue;
        }
        let mut contact = Contact::default();
        for (position, (c, text)) in values.iter().enumerate() {
            let f = columns
                .iter()
                .find(|(col, _)| col == c)
                .map(|(_, f)| *f)
                .or([Field::Name, Field::Address, Field::Email, Field::Phone]
                    .get(position)
                    .copied());
            let (slot, name) = match f {
                Some(Field::Name) => (&mut contact.name, "name"),
                Some(Field::Address) => (&mut contact.address, "address"),
                Some(Field::Email) => (&mut contact.email, "email"),
                Some(Field::Phone) => (&mut contact.phone, "phone"),
                None => {
                    let _ = text;
                    log.skipped(row, *c, None, "beside the contact details, but under no Name, Address, Email or Telephone heading");
                    continue;
                }
            };
            *slot = Some(text.clone());
            let table = match who {
                Who::Controller => "controller",
                Who::Dpo => "dpo",
                _ => "representative",
            };
            log.mapped(row, *c, None, format!("ropa.toml: {table}.{name}"));
        }
        let slot = match who {
            Who::Controller => &mut block.controller,
            Who::Dpo => &mut block.dpo,
            _ => &mut block.representative,
        };
        if contact != Contact::default() {
            *slot = Some(contact);
        }
    }
    block
}
