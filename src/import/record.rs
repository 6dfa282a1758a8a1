//! One row of a record sheet as an activity: each column read into its field with the shared
//! matcher, and every cell's fate written to the report. What cannot be read as the field
//! needs is kept word for word (in the nearest free-text field, else in `notes`), so nothing
//! is dropped and `ropa lint` shows the gap.
// Indexing cannot panic here: positions come from the same list of hits.
#![allow(clippy::indexing_slicing)]

use super::cells::{self, clean, is_none, items};
use super::headings::{Header, SheetKind, extra};
use super::processors::Processors;
use super::read::Grid;
use super::report::SheetLog;
use super::retention;
use crate::model::{
    Activity, AutomatedDecisionMaking, Breach, ControllerActedFor, CountryCode, Dpia,
    JointController, LawfulBasis, PolicyDocument, ProcessorId, ProvidingData, Transfer,
};
use crate::vocab::matcher::{
    self, ANNEX1, ARTICLE6, ARTICLE9, BASIS_FILLER, DPIA_STATUSES, Hit, MECHANISMS, RIGHTS,
    SPECIAL_CATEGORIES, exact, find, leftover, values,
};
use crate::vocab::{
    AnnexCondition, Article6Basis, DataRequirement, DpiaStatus, Right, Role, SpecialCategory,
    TransferMechanism,
};

/// What the export writes in a derived cell, which import recognises and does not keep.
const WITHDRAW_CONSENT: &str = "right to withdraw consent";
const OFFICIAL_AUTHORITY: &str = "criminal offence data under official authority";
const NO_FILE: &str = ": no file in processors/";
const NO_CONTRACT: &str = "no contract link recorded";

/// An activity read from one row, with the id its sheet gives it (when it gives a valid one).
#[derive(Debug, Clone)]
pub struct Draft {
    pub activity: Activity,
    pub id: Option<String>,
    pub sheet: String,
    /// The row, counting from 0.
    pub row: usize,
}

/// Reading one row: the sheet, its header, the report and the activity being built.
pub struct RowReader<'a> {
    grid: &'a Grid,
    header: &'a Header,
    row: usize,
    log: &'a mut SheetLog,
    processors: &'a mut Processors,
    activity: Activity,
    notes: Vec<String>,
    id: Option<String>,
}

/// One cell of the row: its column and cleaned text.
struct Cell {
    col: usize,
    text: String,
}

impl<'a> RowReader<'a> {
    pub fn new(
        grid: &'a Grid,
        header: &'a Header,
        row: usize,
        log: &'a mut SheetLog,
        processors: &'a mut Processors,
    ) -> Self {
        RowReader {
            grid,
            header,
            row,
            log,
            processors,
            activity: Activity::default(),
            notes: Vec::new(),
            id: None,
        }
    }

    /// Whether the row holds anything of its own (merged copies from rows above do not count).
    pub fn is_blank(grid: &Grid, header: &Header, row: usize) -> bool {
        header
            .columns
            .iter()
            .all(|(col, _, _)| !grid.has_own_value(row, *col))
    }

    fn heading(&self, col: usize) -> Option<String> {
        self.header.heading(col)
    }

    /// The column's cell in this row, cleaned, when it holds anything.
    fn take(&self, key: &str) -> Option<Cell> {
        let col = self.header.column(key)?;
        let text = clean(self.grid.cell(self.row, col));
        (!text.is_empty()).then_some(Cell { col, text })
    }

    fn own(&self, col: usize) -> bool {
        !self.grid.filled.contains(&(self.row, col))
    }

    fn mapped(&mut self, col: usize, field: &str) {
        if self.own(col) {
            let heading = self.heading(col);
            self.log
                .mapped(self.row, col, heading.as_deref(), field.to_string());
        }
    }

    fn skipped(&mut self, col: usize, reason: &str) {
        if self.own(col) {
            let heading = self.heading(col);
            self.log.skipped(self.row, col, heading.as_deref(), reason);
        }
    }

    /// Keeps `text` in `notes` under the column's heading, since no field can hold it.
    fn note(&mut self, col: usize, text: &str, why: &str) {
        let heading = self.heading(col).unwrap_or_else(|| "Column".into());
        self.notes.push(format!("{}: {text}", one_line(&heading)));
        if self.own(col) {
            self.log.kept(
                self.row,
                col,
                Some(&heading),
                format!("\"{text}\" kept in notes: {why}"),
            );
        }
    }

    /// Records that `text` went into a free-text field as written, because the field's
    /// closed list or form did not fit it.
    fn kept_in(&mut self, col: usize, field: &str, text: &str, why: &str) {
        if self.own(col) {
            let heading = self.heading(col);
            self.log.kept(
                self.row,
                col,
                heading.as_deref(),
                format!("\"{text}\" kept as written in {field}: {why}"),
            );
            self.log
                .mapped(self.row, col, heading.as_deref(), field.to_string());
        }
    }

    fn basis(&mut self) -> &mut LawfulBasis {
        self.activity
            .lawful_basis
            .get_or_insert_with(LawfulBasis::default)
    }

    /// Reads the row of a controller record sheet.
    pub fn read_record(mut self) -> Draft {
        self.read_common();
        self.read_processors();
        self.read_recipients();
        self.read_personal_data();
        self.read_joint_controller();
        self.read_transfers();
        self.read_retention();
        self.read_article6();
        self.read_article9();
        self.read_schedule1();
        self.read_controller_texts();
        self.read_yes_no_fields();
        self.read_dpia_status();
        self.read_data_requirement();
        self.read_dates();
        self.read_rights();
        self.read_unknown_columns();
        self.finish()
    }

    /// Reads the row of a processor record sheet (Art 30(2)).
    pub fn read_processor_record(mut self) -> Draft {
        self.activity.role = Some(Role::Processor);
        self.read_common();
        self.read_controllers();
        if let Some(cell) = self.take("sub_processors") {
            self.read_processor_names(cell, "processors");
        }
        self.read_transfers();
        self.read_unknown_columns();
        self.finish()
    }

    fn finish(mut self) -> Draft {
        if self.activity.name.is_empty() {
            // The ICO templates have no name column: the first purpose names the activity,
            // or, for processor work, the first category of processing.
            let from_purpose = self
                .activity
                .purposes
                .as_ref()
                .and_then(|p| p.first())
                .or_else(|| {
                    self.activity
                        .controllers
                        .iter()
                        .flatten()
                        .flat_map(|c| c.processing.iter().flatten())
                        .next()
                })
                .cloned();
            self.activity.name = from_purpose.unwrap_or_else(|| {
                format!("Activity on row {} of {}", self.row + 1, self.grid.name)
            });
        }
        if !self.notes.is_empty() {
            let notes = self.activity.notes.get_or_insert_with(Vec::new);
            for note in self.notes {
                push_unique(notes, note);
            }
        }
        Draft {
            activity: self.activity,
            id: self.id,
            sheet: self.grid.name.clone(),
            row: self.row,
        }
    }

    /// Columns both record sheets have: name, function, description, lists, id, notes.
    fn read_common(&mut self) {
        if let Some(cell) = self.take("name") {
            self.activity.name = cell.text.lines().collect::<Vec<_>>().join(" ");
            self.mapped(cell.col, "name");
        }
        for key in ["business_function", "description"] {
            let Some(cell) = self.take(key) else { continue };
            if is_none(&cell.text) {
                self.skipped(cell.col, "N/A: nothing to record");
                continue;
            }
            let value = Some(cell.text.clone());
            match key {
                "business_function" => self.activity.business_function = value,
                _ => self.activity.description = value,
            }
            self.mapped(cell.col, key);
        }
        for key in ["purposes", "data_subjects", "sources", "security_measures"] {
            let Some(cell) = self.take(key) else { continue };
            let list = if is_none(&cell.text) {
                Vec::new()
            } else {
                items(&cell.text)
            };
            let slot = match key {
                "purposes" => &mut self.activity.purposes,
                "data_subjects" => &mut self.activity.data_subjects,
                "sources" => &mut self.activity.sources,
                _ => &mut self.activity.security_measures,
            };
            merge_list(slot, list);
            self.mapped(cell.col, key);
        }
        if let Some(cell) = self.take("id") {
            if is_activity_id(&cell.text) {
                self.id = Some(cell.text.clone());
                self.mapped(cell.col, "the file's path (its id)");
            } else {
                let text = cell.text.clone();
                self.note(
                    cell.col,
                    &text,
                    "not a register id (lowercase words joined by - and /)",
                );
            }
        }
        if let Some(cell) = self.take("notes") {
            let list = items(&cell.text);
            self.activity
                .notes
                .get_or_insert_with(Vec::new)
                .extend(list);
            self.mapped(cell.col, "notes");
        }
        if let Some(cell) = self.take(extra::ROLE) {
            match exact::<Role>(&cell.text) {
                Some(role) => {
                    self.activity.role = Some(role);
                    self.mapped(cell.col, "role");
                }
                None => {
                    let text = cell.text.clone();
                    self.note(
                        cell.col,
                        &text,
                        "not controller, joint controller or processor",
                    );
                }
            }
        }
    }

    /// ICO column 7, the Processors column and "(processor)" recipients, so later columns know
    /// which names are processors.
    fn read_processors(&mut self) {
        if let Some(cell) = self.take(extra::PROCESSORS) {
            if is_none(&cell.text) {
                self.activity.processors.get_or_insert_with(Vec::new);
                self.mapped(cell.col, "processors");
            } else {
                self.read_processor_names(cell, "processors");
            }
        }
        let Some(cell) = self.take("processor_contracts") else {
            return;
        };
        if is_none(&cell.text) {
            // "None" under the contract column: no processor is used.
            self.activity.processors.get_or_insert_with(Vec::new);
            self.mapped(cell.col, "processors");
            return;
        }
        let mut loose_links = Vec::new();
        for item in items(&cell.text) {
            if let Some(id) = item.strip_suffix(NO_FILE)
                && crate::model::is_id_segment(id)
            {
                let id = self.processors.without_file(id);
                self.add_processor(id);
                self.mapped(cell.col, "processors");
                continue;
            }
            match split_contract(&item) {
                (Some(name), link) => {
                    let id = self.processors.named(name);
                    if let (Some(link), Some(p)) = (link, self.processors.get_mut(&id))
                        && p.contract.is_none()
                    {
                        p.contract = Some(link.to_string());
                    }
                    self.add_processor(id);
                    self.mapped(cell.col, "processors, and the processor's contract");
                }
                (None, Some(link)) => loose_links.push(link.to_string()),
                (None, None) => {
                    self.note(
                        cell.col,
                        &item,
                        "no processor name or contract link found in it",
                    );
                }
            }
        }
        // A link without a name belongs to the row's one processor, if it has exactly one.
        let named: Vec<String> = self
            .activity
            .processors
            .iter()
            .flatten()
            .map(|p| p.0.clone())
            .collect();
        for link in loose_links {
            match named.as_slice() {
                [only] => {
                    if let Some(p) = self.processors.get_mut(only) {
                        p.contract.get_or_insert(link);
                    }
                    self.mapped(cell.col, "the processor's contract");
                }
                _ => self.note(
                    cell.col,
                    &link,
                    "a contract link, but the row does not name exactly one processor it could belong to",
                ),
            }
        }
    }

    fn read_processor_names(&mut self, cell: Cell, field: &str) {
        for item in items(&cell.text) {
            let name = item
                .strip_suffix("(processor)")
                .map_or(item.as_str(), str::trim);
            let id = match self.processors.find(name) {
                Some(found) => found.id.clone(),
                None => self.processors.named(name),
            };
            self.add_processor(id);
        }
        self.mapped(cell.col, field);
    }

    fn add_processor(&mut self, id: String) {
        let list = self.activity.processors.get_or_insert_with(Vec::new);
        if !list.iter().any(|p| p.0 == id) {
            list.push(ProcessorId(id));
        }
    }

    /// ICO column 6: recipients, and the processors among them ("Capita (processor)", or a
    /// processor named in column 7 or the processors sheet, as the export lists them).
    fn read_recipients(&mut self) {
        let Some(cell) = self.take("recipients") else {
            return;
        };
        if is_none(&cell.text) {
            self.activity.recipients = Some(Vec::new());
            self.mapped(cell.col, "recipients");
            return;
        }
        let mut recipients = Vec::new();
        for item in items(&cell.text) {
            if let Some(name) = item.strip_suffix("(processor)") {
                let id = self.processors.named(name.trim());
                self.add_processor(id);
                self.mapped(cell.col, "processors");
                continue;
            }
            let found = self
                .processors
                .find(&item)
                .map(|f| (f.id.clone(), f.value.name.clone()));
            match found {
                Some((id, name))
                    if self.activity.uses_processor(&id) || self.activity.processors.is_none() =>
                {
                    // "Name (service)": the service is the processor's.
                    if let Some(service) = item
                        .strip_prefix(name.as_str())
                        .and_then(|rest| rest.trim().strip_prefix('('))
                        .and_then(|rest| rest.strip_suffix(')'))
                        && let Some(p) = self.processors.get_mut(&id)
                    {
                        p.service.get_or_insert_with(|| service.to_string());
                    }
                    self.add_processor(id);
                    self.mapped(cell.col, "processors");
                }
                _ => {
                    recipients.push(item);
                    self.mapped(cell.col, "recipients");
                }
            }
        }
        if !recipients.is_empty() {
            merge_list(&mut self.activity.recipients, recipients);
        }
    }

    /// ICO column 5, with the lines the export adds for special category and criminal
    /// offence data; and a Special category data or Criminal offence data column of its own.
    fn read_personal_data(&mut self) {
        if let Some(cell) = self.take("personal_data") {
            let mut data = Vec::new();
            if !is_none(&cell.text) {
                for item in items(&cell.text) {
                    if let Some(category) = item.strip_prefix("Special category:") {
                        match exact::<SpecialCategory>(category)
                            .or_else(|| values(category, SPECIAL_CATEGORIES).first().copied())
                        {
                            Some(c) => self.add_special(c),
                            None => data.push(item.clone()),
                        }
                        self.mapped(cell.col, "special_category_data");
                    } else if matcher::normalise(&item) == "criminal offence data" {
                        self.activity.criminal_offence_data = Some(true);
                        self.mapped(cell.col, "criminal_offence_data");
                    } else {
                        data.push(item);
                        self.mapped(cell.col, "personal_data");
                    }
                }
            } else {
                self.mapped(cell.col, "personal_data");
            }
            if !data.is_empty() || is_none(&cell.text) {
                merge_list(&mut self.activity.personal_data, data);
            }
        }
        if let Some(cell) = self.take(extra::SPECIAL_CATEGORY_DATA) {
            if is_none(&cell.text) || matcher::yes_no(&cell.text) == Some(false) {
                self.activity
                    .special_category_data
                    .get_or_insert_with(Vec::new);
                self.mapped(cell.col, "special_category_data");
            } else {
                for item in items(&cell.text) {
                    let found = values(&item, SPECIAL_CATEGORIES);
                    if found.is_empty() {
                        self.note(
                            cell.col,
                            &item,
                            "not one of the special categories of Art 9(1)",
                        );
                    }
                    for c in found {
                        self.add_special(c);
                        self.mapped(cell.col, "special_category_data");
                    }
                }
            }
        }
        if let Some(cell) = self.take(extra::CRIMINAL_OFFENCE_DATA) {
            self.yes_no(cell, "criminal_offence_data", |a, v| {
                a.criminal_offence_data = Some(v)
            });
        }
        if let Some(cell) = self.take(extra::CHILDREN) {
            self.yes_no(cell, "children", |a, v| a.children = Some(v));
        }
    }

    fn add_special(&mut self, category: SpecialCategory) {
        let list = self
            .activity
            .special_category_data
            .get_or_insert_with(Vec::new);
        if !list.contains(&category) {
            list.push(category);
        }
    }

    /// ICO column 3: name, contact and "Arrangement: link", one per line.
    fn read_joint_controller(&mut self) {
        let Some(cell) = self.take("joint_controller") else {
            return;
        };
        if is_none(&cell.text) {
            self.skipped(cell.col, "N/A: no joint controller");
            return;
        }
        let mut joint = JointController::default();
        let mut contact = Vec::new();
        for line in cell.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(link) = line.strip_prefix("Arrangement:") {
                joint.arrangement = Some(link.trim().to_string());
            } else if joint.name.is_none() {
                joint.name = Some(line.to_string());
            } else {
                contact.push(line);
            }
        }
        if !contact.is_empty() {
            joint.contact = Some(contact.join("\n"));
        }
        self.activity.joint_controller = Some(joint);
        if self.activity.role.is_none() {
            self.activity.role = Some(Role::JointController);
        }
        self.mapped(cell.col, "joint_controller");
    }

    /// Art 30(2): the controllers acted for ("Name — contact") and what is done for each
    /// ("Name: processing").
    fn read_controllers(&mut self) {
        let mut controllers: Vec<ControllerActedFor> = Vec::new();
        if let Some(cell) = self.take("controllers") {
            for item in items(&cell.text) {
                let (name, contact) = match item.split_once(" — ") {
                    Some((name, contact)) => (name.trim(), Some(contact.trim().to_string())),
                    None => (item.as_str(), None),
                };
                controllers.push(ControllerActedFor {
                    name: (name != "controller not named").then(|| name.to_string()),
                    contact,
                    processing: None,
                });
            }
            self.mapped(cell.col, "controllers");
        }
        if let Some(cell) = self.take("categories_of_processing") {
            for item in items(&cell.text) {
                let (name, what) = item
                    .split_once(": ")
                    .map_or((None, item.as_str()), |(n, w)| (Some(n), w));
                let at = name.and_then(|n| {
                    controllers
                        .iter()
                        .position(|c| c.name.as_deref().unwrap_or("controller not named") == n)
                });
                let index = match (at, controllers.len()) {
                    (Some(i), _) => i,
                    (None, 1) => 0,
                    (None, _) => {
                        controllers.push(ControllerActedFor {
                            name: name.map(str::to_string),
                            ..ControllerActedFor::default()
                        });
                        controllers.len() - 1
                    }
                };
                let what = if at.is_some() || name.is_none() {
                    what
                } else {
                    item.as_str()
                };
                controllers[index]
                    .processing
                    .get_or_insert_with(Vec::new)
                    .push(what.to_string());
            }
            self.mapped(cell.col, "controllers.processing");
        }
        if !controllers.is_empty() {
            self.activity.controllers = Some(controllers);
        }
    }

    /// ICO columns 8 and 9: where the data goes, under what mechanism, and the safeguards.
    fn read_transfers(&mut self) {
        if let Some(cell) = self.take("transfer_countries") {
            let lower = cell.text.to_lowercase();
            if is_none(&cell.text)
                || matches!(
                    lower.as_str(),
                    "no" | "no transfers" | "none outside the uk"
                )
            {
                self.activity.transfers = Some(Vec::new());
                self.mapped(cell.col, "transfers");
            } else {
                let mut transfers = Vec::new();
                for item in items(&cell.text) {
                    match read_transfer(&item) {
                        TransferLine::Read(list) => {
                            transfers.extend(list);
                            self.mapped(cell.col, "transfers");
                        }
                        TransferLine::Domestic => {
                            self.skipped(cell.col, "the UK: not a transfer abroad");
                        }
                        TransferLine::Unread => {
                            self.note(cell.col, &item, "no country recognised in it (write the country's name or ISO code, e.g. US)");
                        }
                    }
                }
                if !transfers.is_empty() || self.activity.transfers.is_none() {
                    self.activity
                        .transfers
                        .get_or_insert_with(Vec::new)
                        .extend(transfers);
                }
            }
        }
        let Some(cell) = self.take("transfer_safeguards") else {
            return;
        };
        if is_none(&cell.text) {
            self.skipped(cell.col, "N/A: no safeguards recorded");
            return;
        }
        for item in items(&cell.text) {
            let (code, text) = match item.split_once(": ") {
                Some((code, text))
                    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) =>
                {
                    (Some(code), text)
                }
                _ => (None, item.as_str()),
            };
            if text == "no safeguards recorded" {
                self.skipped(cell.col, "worked out by ropa from the transfer's mechanism");
                continue;
            }
            let transfers = self.activity.transfers.get_or_insert_with(Vec::new);
            let target = match code {
                Some(code) => transfers.iter_mut().find(|t| {
                    t.country.as_ref().is_some_and(|c| c.0 == code) && t.safeguards.is_none()
                }),
                None if transfers.len() == 1 => transfers.first_mut(),
                None => None,
            };
            match target {
                Some(transfer) => {
                    transfer.safeguards = Some(text.to_string());
                    self.mapped(cell.col, "transfers.safeguards");
                }
                None => self.note(cell.col, &item, "no single transfer it belongs to"),
            }
        }
    }

    /// ICO column 10: one `[[retention]]` entry per line.
    fn read_retention(&mut self) {
        let Some(cell) = self.take("retention") else {
            return;
        };
        let mut entries = Vec::new();
        for item in items(&cell.text) {
            let parsed = retention::parse(&item);
            if parsed.understood {
                self.mapped(cell.col, "retention");
            } else {
                self.kept_in(
                    cell.col,
                    "retention.period",
                    &item,
                    "no period such as \"6 years\" found in it",
                );
            }
            entries.push(parsed.entry);
        }
        self.activity
            .retention
            .get_or_insert_with(Vec::new)
            .extend(entries);
    }

    /// ICO column 12 (and 27, which repeats it): the bases, and what else each line says —
    /// the law behind a public task or legal obligation, the interest pursued, the Annex 1
    /// condition.
    fn read_article6(&mut self) {
        let primary = self.take("article6");
        let repeat = self.take("schedule1_article6");
        let had_primary = primary.is_some();
        for (cell, is_repeat) in [(primary, false), (repeat, true)] {
            let Some(cell) = cell else { continue };
            if is_none(&cell.text) {
                self.skipped(cell.col, "N/A: no lawful basis recorded");
                continue;
            }
            let before = self.activity.bases().to_vec();
            let mut found_new = false;
            for item in items(&cell.text) {
                let hits = find(&item, ARTICLE6);
                if hits.is_empty() {
                    self.note(
                        cell.col,
                        &item,
                        "no Article 6 lawful basis recognised in it",
                    );
                    continue;
                }
                for hit in &hits {
                    if !self.basis().article6.contains(&hit.value) {
                        self.basis().article6.push(hit.value);
                        found_new = true;
                    }
                }
                // The export's own form, "Public task (Art 6(1)(e)) — <law>": the detail is
                // taken word for word, brackets and all.
                let exported = item.split_once(" — ").filter(|(head, _)| {
                    hits.iter().all(|h| h.value == hits[0].value)
                        && head.trim() == hits[0].value.with_point()
                });
                if let Some((_, detail)) = exported.filter(|(_, d)| !d.trim().is_empty()) {
                    self.place_basis_detail(cell.col, &hits, detail.trim());
                    continue;
                }
                let spans: Vec<_> = hits.iter().map(|h| h.span.clone()).collect();
                if let Some(rest) = leftover(&item, &spans, BASIS_FILLER) {
                    self.place_basis_detail(cell.col, &hits, &rest);
                }
            }
            if is_repeat && had_primary && !found_new && self.activity.bases().len() == before.len()
            {
                self.skipped(cell.col, "repeats column 12 (Article 6 lawful basis)");
            } else {
                self.mapped(cell.col, "lawful_basis.article6");
            }
        }
    }

    /// What a basis line says besides the basis.
    fn place_basis_detail(&mut self, col: usize, hits: &[Hit<Article6Basis>], rest: &str) {
        let bases: Vec<Article6Basis> = hits.iter().map(|h| h.value).collect();
        if bases.iter().any(|b| b.needs_law()) {
            let basis = self.basis();
            match &mut basis.law {
                Some(law) if law != rest && !law.split("; ").any(|l| l == rest) => {
                    law.push_str("; ");
                    law.push_str(rest);
                }
                Some(_) => {}
                None => basis.law = Some(rest.to_string()),
            }
            self.mapped(col, "lawful_basis.law");
        } else if bases.contains(&Article6Basis::RecognisedLegitimateInterest) {
            match exact::<AnnexCondition>(rest).or_else(|| values(rest, ANNEX1).first().copied()) {
                Some(condition) => {
                    self.basis().recognised_condition = Some(condition);
                    self.mapped(col, "lawful_basis.recognised_condition");
                }
                None => self.note(col, rest, "not one of the Annex 1 conditions"),
            }
        } else if bases.contains(&Article6Basis::LegitimateInterests) {
            self.basis()
                .legitimate_interests
                .get_or_insert_with(|| rest.to_string());
            self.mapped(col, "lawful_basis.legitimate_interests");
        } else {
            self.note(
                col,
                rest,
                "said beside the lawful basis, which has no field for it",
            );
        }
    }

    /// ICO column 13: Art 9 conditions, and Schedule 1 paragraphs written beside them.
    fn read_article9(&mut self) {
        let Some(cell) = self.take("article9") else {
            return;
        };
        if is_none(&cell.text) {
            self.activity
                .special_category_data
                .get_or_insert_with(Vec::new);
            self.skipped(
                cell.col,
                "N/A: no Art 9 condition (special category data recorded as none)",
            );
            return;
        }
        for item in items(&cell.text) {
            if matcher::normalise(&item).starts_with(OFFICIAL_AUTHORITY) {
                self.basis().official_authority = Some(true);
                self.mapped(cell.col, "lawful_basis.official_authority");
                continue;
            }
            let conditions = find(&item, ARTICLE9);
            let paragraphs = matcher::schedule1_numbers(&item);
            if conditions.is_empty() && paragraphs.is_empty() {
                self.note(cell.col, &item, "no Art 9(2) condition recognised in it");
                continue;
            }
            for hit in &conditions {
                push_unique(&mut self.basis().article9, hit.value);
            }
            for hit in &paragraphs {
                push_unique(&mut self.basis().schedule1, hit.value);
            }
            self.mapped(cell.col, "lawful_basis.article9");
        }
    }

    /// ICO column 26: DPA 2018 Schedule 1 paragraphs.
    fn read_schedule1(&mut self) {
        let Some(cell) = self.take("schedule1") else {
            return;
        };
        if is_none(&cell.text) {
            self.skipped(cell.col, "N/A: no Schedule 1 condition");
            return;
        }
        for item in items(&cell.text) {
            let paragraphs = matcher::schedule1(&item);
            if paragraphs.is_empty() {
                self.note(
                    cell.col,
                    &item,
                    "no Schedule 1 paragraph number or name recognised in it",
                );
                continue;
            }
            for hit in paragraphs {
                push_unique(&mut self.basis().schedule1, hit.value);
            }
            self.mapped(cell.col, "lawful_basis.schedule1");
        }
    }

    /// Columns of plain text: links, the location, the owner, the interests pursued.
    fn read_controller_texts(&mut self) {
        const TEXTS: &[&str] = &[
            "legitimate_interests",
            "lia",
            "consent_record",
            "location",
            "dpia_link",
            "breach_record",
            "policy_document",
            "policy_reason",
            "privacy_notice",
            "providing_data_consequences",
            "owner",
            "automated_decision_making_details",
        ];
        for key in TEXTS {
            let Some(cell) = self.take(key) else { continue };
            if is_none(&cell.text) {
                self.skipped(cell.col, "N/A: nothing to record");
                continue;
            }
            let text = Some(cell.text.clone());
            let a = &mut self.activity;
            let field = match *key {
                "legitimate_interests" => {
                    lawful(a).legitimate_interests = text;
                    "lawful_basis.legitimate_interests"
                }
                "lia" => {
                    lawful(a).lia = text;
                    "lawful_basis.lia"
                }
                "consent_record" => {
                    lawful(a).consent_record = text;
                    "lawful_basis.consent_record"
                }
                "location" => {
                    a.location = text;
                    "location"
                }
                "dpia_link" => {
                    a.dpia.get_or_insert_with(Dpia::default).link = text;
                    "dpia.link"
                }
                "breach_record" => {
                    a.breach.get_or_insert_with(Breach::default).record = text;
                    "breach.record"
                }
                "policy_document" => {
                    a.policy_document
                        .get_or_insert_with(PolicyDocument::default)
                        .link = text;
                    "policy_document.link"
                }
                "policy_reason" => {
                    a.policy_document
                        .get_or_insert_with(PolicyDocument::default)
                        .reason = text;
                    "policy_document.reason"
                }
                "privacy_notice" => {
                    a.privacy_notice = text;
                    "privacy_notice"
                }
                "providing_data_consequences" => {
                    a.providing_data
                        .get_or_insert_with(ProvidingData::default)
                        .consequences = text;
                    "providing_data.consequences"
                }
                "owner" => {
                    a.owner = text;
                    "owner"
                }
                _ => {
                    a.automated_decision_making
                        .get_or_insert_with(AutomatedDecisionMaking::default)
                        .details = text;
                    "automated_decision_making.details"
                }
            };
            self.mapped(cell.col, field);
        }
    }

    /// The template's Yes/No columns (17, 21, 24, 29).
    fn read_yes_no_fields(&mut self) {
        if let Some(cell) = self.take("automated_decision_making") {
            self.yes_no(cell, "automated_decision_making.used", |a, v| {
                a.automated_decision_making
                    .get_or_insert_with(AutomatedDecisionMaking::default)
                    .used = Some(v);
            });
        }
        if let Some(cell) = self.take("dpia_required") {
            self.yes_no(cell, "dpia.required", |a, v| {
                a.dpia.get_or_insert_with(Dpia::default).required = Some(v);
            });
        }
        if let Some(cell) = self.take("breach_occurred") {
            self.yes_no(cell, "breach.occurred", |a, v| {
                a.breach.get_or_insert_with(Breach::default).occurred = Some(v);
            });
        }
        if let Some(cell) = self.take("policy_compliant") {
            self.yes_no(cell, "policy_document.compliant", |a, v| {
                a.policy_document
                    .get_or_insert_with(PolicyDocument::default)
                    .compliant = Some(v);
            });
        }
    }

    fn yes_no(&mut self, cell: Cell, field: &str, set: impl FnOnce(&mut Activity, bool)) {
        match matcher::yes_no(&cell.text) {
            Some(value) => {
                set(&mut self.activity, value);
                self.mapped(cell.col, field);
                let first = cell.text.split_whitespace().next().unwrap_or("");
                let rest = cell.text[first.len()..]
                    .trim_start_matches([' ', '-', '–', ',', ':'])
                    .trim();
                if !rest.is_empty() {
                    self.note(cell.col, rest, "said beside the Yes or No");
                }
            }
            None if is_none(&cell.text) => self.skipped(cell.col, "N/A: not answered"),
            None => self.note(cell.col, &cell.text, "not Yes or No"),
        }
    }

    /// Whether giving the data is required (Art 13(2)(e)), as a label or slug of the list.
    fn read_data_requirement(&mut self) {
        let Some(cell) = self.take("providing_data_requirement") else {
            return;
        };
        if is_none(&cell.text) {
            self.skipped(cell.col, "N/A: not answered");
            return;
        }
        match exact::<DataRequirement>(&cell.text) {
            Some(requirement) => {
                self.activity
                    .providing_data
                    .get_or_insert_with(ProvidingData::default)
                    .requirement = Some(requirement);
                self.mapped(cell.col, "providing_data.requirement");
            }
            None => self.note(
                cell.col,
                &cell.text,
                "not one of: required by law, required by a contract, needed to enter into a contract, not required, not collected from the person",
            ),
        }
    }

    fn read_dpia_status(&mut self) {
        let Some(cell) = self.take("dpia_status") else {
            return;
        };
        if is_none(&cell.text) {
            self.skipped(cell.col, "N/A: no DPIA");
            return;
        }
        let status = exact::<DpiaStatus>(&cell.text)
            .or_else(|| values(&cell.text, DPIA_STATUSES).first().copied());
        match status {
            Some(status) => {
                self.activity.dpia.get_or_insert_with(Dpia::default).status = Some(status);
                self.mapped(cell.col, "dpia.status");
            }
            None => self.note(
                cell.col,
                &cell.text,
                "not Not started, In progress or Complete",
            ),
        }
    }

    /// Last reviewed and review due. A review due date that is not the last review plus the
    /// default 12 months is kept as `next_review`.
    fn read_dates(&mut self) {
        if let Some(cell) = self.take("last_reviewed") {
            match cells::date(&cell.text) {
                Some(date) => {
                    self.activity.last_reviewed = Some(date);
                    self.mapped(cell.col, "last_reviewed");
                }
                None => self.note(
                    cell.col,
                    &cell.text,
                    "not a date (write it as 2026-01-31 or 31/01/2026)",
                ),
            }
        }
        for key in ["review_due", extra::NEXT_REVIEW] {
            let Some(cell) = self.take(key) else { continue };
            match cells::date(&cell.text) {
                Some(date) => {
                    let derived = self.activity.review_due(12);
                    if derived == Some(date) {
                        self.mapped(
                            cell.col,
                            "last_reviewed (the review falls due 12 months after it)",
                        );
                    } else {
                        self.activity.next_review = Some(date);
                        self.mapped(cell.col, "next_review");
                    }
                }
                None => self.note(
                    cell.col,
                    &cell.text,
                    "not a date (write it as 2026-01-31 or 31/01/2026)",
                ),
            }
        }
    }

    /// ICO column 16: kept only when it differs from what the lawful basis gives.
    fn read_rights(&mut self) {
        let Some(cell) = self.take("rights") else {
            return;
        };
        let mut rights = Vec::new();
        if !is_none(&cell.text) {
            for item in items(&cell.text) {
                if matcher::normalise(&item).contains(WITHDRAW_CONSENT) {
                    self.skipped(
                        cell.col,
                        "the right to withdraw consent follows from consent being relied on",
                    );
                    continue;
                }
                let found = values(&item, RIGHTS);
                if found.is_empty() {
                    self.note(cell.col, &item, "not one of the individual rights");
                }
                for right in found {
                    push_unique(&mut rights, right);
                }
            }
        }
        let derived: Vec<Right> = self.activity.rights_available();
        if rights == derived {
            self.mapped(cell.col, "lawful_basis (the rights follow from it)");
        } else {
            self.activity.rights = Some(rights);
            self.mapped(cell.col, "rights");
        }
    }

    /// Columns ropa has no field for: kept in notes under their heading.
    fn read_unknown_columns(&mut self) {
        let unknown: Vec<usize> = self
            .header
            .columns
            .iter()
            .filter(|(_, _, key)| key.is_none() || !self.reads(key.unwrap_or("")))
            .map(|(col, _, _)| *col)
            .collect();
        for col in unknown {
            let text = clean(self.grid.cell(self.row, col));
            if text.is_empty() {
                continue;
            }
            if is_none(&text) {
                self.skipped(col, "N/A in a column ropa has no field for");
                continue;
            }
            self.note(col, &text, "ropa has no field for this column");
        }
    }

    /// Whether this sheet's reader reads the column with `key`.
    fn reads(&self, key: &str) -> bool {
        const COMMON: &[&str] = &[
            "name",
            "business_function",
            "description",
            "purposes",
            "data_subjects",
            "sources",
            "security_measures",
            "id",
            "notes",
            extra::ROLE,
            "transfer_countries",
            "transfer_safeguards",
        ];
        const PROCESSOR: &[&str] = &["controllers", "categories_of_processing", "sub_processors"];
        COMMON.contains(&key)
            || match self.header.kind {
                SheetKind::ProcessorRecord => PROCESSOR.contains(&key),
                _ => !PROCESSOR.contains(&key),
            }
    }
}

fn lawful(activity: &mut Activity) -> &mut LawfulBasis {
    activity
        .lawful_basis
        .get_or_insert_with(LawfulBasis::default)
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

fn merge_list(slot: &mut Option<Vec<String>>, items: Vec<String>) {
    let list = slot.get_or_insert_with(Vec::new);
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a Record ID is an activity id: lowercase segments joined by `/`.
fn is_activity_id(text: &str) -> bool {
    text.split('/').all(crate::model::is_id_segment)
}

/// A contract line: the processor's name and the link, either of which may be missing.
/// "Capita: https://…", "Capita - https://…", "Capita: no contract link recorded", "https://…".
fn split_contract(item: &str) -> (Option<&str>, Option<&str>) {
    let link_at = item
        .find("http://")
        .or_else(|| item.find("https://"))
        .or_else(|| item.find("www."));
    if let Some(at) = link_at {
        let name = item[..at]
            .trim()
            .trim_end_matches([':', '-', '–', '—', ',', '('])
            .trim();
        let link = item[at..].trim().trim_end_matches(')');
        return ((!name.is_empty()).then_some(name), Some(link));
    }
    if let Some((name, rest)) = item.split_once(": ") {
        let rest = rest.trim();
        if rest == NO_CONTRACT {
            return (Some(name.trim()), None);
        }
        if looks_like_a_path(rest) {
            return (Some(name.trim()), Some(rest));
        }
    }
    if looks_like_a_path(item) {
        return (None, Some(item));
    }
    (None, None)
}

fn looks_like_a_path(text: &str) -> bool {
    let lower = text.to_lowercase();
    !text.contains(' ') && (text.contains('/') || text.contains('\\'))
        || [".pdf", ".docx", ".doc", ".xlsx"]
            .iter()
            .any(|e| lower.ends_with(e))
}

enum TransferLine {
    Read(Vec<Transfer>),
    /// Only the UK: not a transfer.
    Domestic,
    Unread,
}

/// A line of ICO column 8. The export writes "United States of America (US) — Cloud
/// transcription service: International Data Transfer Agreement"; people write "USA",
/// "India (IDTA)" or "Ireland - hosting".
fn read_transfer(line: &str) -> TransferLine {
    // The export's form first: "<country> — <recipient>: <mechanism>".
    if let Some((head, mechanism_text)) = line.rsplit_once(": ") {
        let mechanism = exact::<TransferMechanism>(mechanism_text);
        let not_recorded = mechanism_text == "mechanism not recorded";
        if mechanism.is_some() || not_recorded {
            let (country_text, recipient) = match head.split_once(" — ") {
                Some((c, r)) => (c, Some(r.trim().to_string())),
                None => (head, None),
            };
            let country = if country_text == "country not recorded" {
                None
            } else {
                matcher::countries(country_text).first().map(|h| h.value)
            };
            if country.is_some() || country_text == "country not recorded" {
                return TransferLine::Read(vec![Transfer {
                    country: country.map(|c| CountryCode(c.to_string())),
                    recipient,
                    mechanism,
                    ..Transfer::default()
                }]);
            }
        }
    }
    let countries = matcher::countries(line);
    let abroad: Vec<&Hit<&str>> = countries.iter().filter(|h| h.value != "GB").collect();
    if abroad.is_empty() {
        return if countries.is_empty() {
            TransferLine::Unread
        } else {
            TransferLine::Domestic
        };
    }
    let mechanisms = find(line, MECHANISMS);
    let mut spans: Vec<_> = countries.iter().map(|h| h.span.clone()).collect();
    spans.extend(mechanisms.iter().map(|h| h.span.clone()));
    const FILLER: &[&str] = &[
        "to",
        "via",
        "under",
        "the",
        "using",
        "with",
        "and",
        "by",
        "uk",
        "mechanism",
        "transfer",
        "transfers",
        "safeguard",
        "safeguards",
        "in",
        "of",
    ];
    let recipient = leftover(line, &spans, FILLER);
    let mechanism = mechanisms.first().map(|h| h.value);
    TransferLine::Read(
        abroad
            .iter()
            .map(|hit| Transfer {
                country: Some(CountryCode(hit.value.to_string())),
                recipient: recipient.clone(),
                mechanism,
                ..Transfer::default()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfers_in_the_export_form_and_as_people_write_them() {
        let TransferLine::Read(t) = read_transfer(
            "United States of America (US) — Cloud transcription service: International Data Transfer Agreement",
        ) else {
            panic!()
        };
        assert_eq!(t[0].country.as_ref().unwrap().0, "US");
        assert_eq!(
            t[0].recipient.as_deref(),
            Some("Cloud transcription service")
        );
        assert_eq!(t[0].mechanism, Some(TransferMechanism::Idta));
        let TransferLine::Read(t) = read_transfer("USA (IDTA)") else {
            panic!()
        };
        assert_eq!(t[0].country.as_ref().unwrap().0, "US");
        assert_eq!(t[0].mechanism, Some(TransferMechanism::Idta));
        assert_eq!(t[0].recipient, None);
        let TransferLine::Read(t) = read_transfer("India - Infosys support desk") else {
            panic!()
        };
        assert_eq!(t[0].recipient.as_deref(), Some("Infosys support desk"));
        assert!(matches!(read_transfer("UK only"), TransferLine::Domestic));
        assert!(matches!(read_transfer("Europe"), TransferLine::Unread));
    }

    #[test]
    fn contract_lines() {
        assert_eq!(
            split_contract("Capita: https://example.org/capita.pdf"),
            (Some("Capita"), Some("https://example.org/capita.pdf"))
        );
        assert_eq!(
            split_contract("Capita – https://example.org/c.pdf"),
            (Some("Capita"), Some("https://example.org/c.pdf"))
        );
        assert_eq!(
            split_contract("Rostrvm: no contract link recorded"),
            (Some("Rostrvm"), None)
        );
        assert_eq!(
            split_contract("https://x.org/c.pdf"),
            (None, Some("https://x.org/c.pdf"))
        );
        assert_eq!(split_contract("Contract in place"), (None, None));
    }
}
