//! Builds a notice from the chosen activities: one section per fixed heading, the activities'
//! items merged so that what they share is said once.
// Indexing cannot panic here: gaps are computed one per activity, in the same order.
#![allow(clippy::indexing_slicing)]

use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};

use super::doc::{Block, Gap, Line, Notice, Origin, Section, Span};
use super::items::{Item, activity_gaps, register_gaps};
use crate::diag::FileId;
use crate::model::{Activity, Config, Contact, Loaded, Register};
use crate::vocab::wording::{self, heading, label, sentence};
use crate::vocab::{Article6Basis, Article9Condition, Right, Vocabulary};

/// The notice for `activities` (those done as a processor are left out by the caller).
pub fn build(
    register: &Register,
    config: &Loaded<Config>,
    activities: &[&Loaded<Activity>],
) -> Notice {
    let b = Builder {
        register,
        config,
        activities,
        gaps: activities.iter().map(|a| activity_gaps(&a.value)).collect(),
        register_gaps: register_gaps(&config.value),
    };
    Notice {
        title: b.title(),
        sections: vec![
            b.who_we_are(),
            b.what_we_collect(),
            b.why_and_basis(),
            b.sharing(),
            b.retention(),
            b.rights(),
            b.complaints(),
        ],
    }
}

struct Builder<'a> {
    register: &'a Register,
    config: &'a Loaded<Config>,
    activities: &'a [&'a Loaded<Activity>],
    /// Each activity's gaps, in the order of `activities`.
    gaps: Vec<Vec<Item>>,
    register_gaps: Vec<Item>,
}

fn legal(text: &'static str) -> Span {
    Span::Legal(Cow::Borrowed(text))
}

fn field(text: &str, file: FileId, pointer: String) -> Span {
    Span::Field {
        text: text.trim().to_string(),
        origin: Origin { file, pointer },
    }
}

fn missing(file: FileId, item: Item) -> Span {
    Span::Missing(Gap { file, item })
}

fn present(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// A country code with its name, as the public reads it: "United States of America (US)".
fn country(code: &str) -> String {
    match isocountry::CountryCode::for_alpha2(code) {
        Ok(c) => format!("{} ({code})", c.name()),
        Err(_) => code.to_string(),
    }
}

/// The shown country text for a code: what [`country`] gives, for the traceability check.
pub fn shown_country(code: &str) -> String {
    country(code)
}

impl<'a> Builder<'a> {
    fn lacks(&self, at: usize, item: Item) -> bool {
        self.gaps[at].contains(&item)
    }

    fn each(&self) -> impl Iterator<Item = (usize, &'a Loaded<Activity>)> + '_ {
        self.activities.iter().copied().enumerate()
    }

    /// "Activity name: [not recorded]", for a gap in a list merged from several activities.
    fn gap_line(&self, a: &Loaded<Activity>, item: Item) -> Line {
        vec![self.name(a), legal(label::COLON), missing(a.file, item)]
    }

    fn name(&self, a: &Loaded<Activity>) -> Span {
        field(&a.value.name, a.file, "/name".to_string())
    }

    fn config_field(&self, text: &str, pointer: &str) -> Span {
        field(text, self.config.file, pointer.to_string())
    }

    fn title(&self) -> Line {
        let mut title = vec![legal(sentence::TITLE), legal(label::COLON)];
        let functions: BTreeSet<String> = self
            .activities
            .iter()
            .filter_map(|a| present(a.value.business_function.as_deref()))
            .map(str::to_lowercase)
            .collect();
        match self.activities {
            [one] => title.push(self.name(one)),
            [first, ..]
                if functions.len() == 1
                    && self
                        .activities
                        .iter()
                        .all(|a| a.value.business_function.is_some()) =>
            {
                let function = first.value.business_function.as_deref().unwrap_or_default();
                title.push(field(
                    function,
                    first.file,
                    "/business_function".to_string(),
                ));
            }
            _ => title
                .push(self.config_field(&self.config.value.controller.name, "/controller/name")),
        }
        title
    }

    fn contact_lines(&self, contact: &Contact, prefix: &str, with_name: bool) -> Vec<Line> {
        let mut lines = Vec::new();
        let parts = [
            (None, contact.name.as_deref(), "name"),
            (Some(label::ADDRESS), contact.address.as_deref(), "address"),
            (Some(label::EMAIL), contact.email.as_deref(), "email"),
            (Some(label::PHONE), contact.phone.as_deref(), "phone"),
        ];
        for (label, value, key) in parts {
            let Some(value) = present(value) else {
                continue;
            };
            if label.is_none() && !with_name {
                continue;
            }
            let mut line: Line = label.map(legal).into_iter().collect();
            line.push(self.config_field(value, &format!("/{prefix}/{key}")));
            lines.push(line);
        }
        lines
    }

    fn who_we_are(&self) -> Section {
        let config = &self.config.value;
        let file = self.config.file;
        let mut blocks = vec![
            Block::Paragraph(vec![legal(sentence::INTRO)]),
            Block::List(self.activities.iter().map(|a| vec![self.name(a)]).collect()),
            Block::Paragraph(vec![legal(sentence::CONTROLLER)]),
        ];
        let controller = &config.controller;
        let mut lines = vec![vec![
            self.config_field(&controller.name, "/controller/name"),
        ]];
        lines.extend(self.contact_lines(&controller.to_contact(), "controller", false));
        if self.register_gaps.contains(&Item::ControllerContact) {
            lines.push(vec![missing(file, Item::ControllerContact)]);
        }
        if let Some(number) = present(controller.ico_registration.as_deref()) {
            lines.push(vec![
                legal(label::ICO_REGISTRATION),
                self.config_field(number, "/controller/ico_registration"),
            ]);
        }
        blocks.push(Block::List(lines));
        blocks.push(Block::Subheading(vec![legal(heading::DPO)]));
        let dpo = config
            .dpo
            .as_ref()
            .map(|d| self.contact_lines(d, "dpo", true));
        match dpo {
            Some(lines) if !self.register_gaps.contains(&Item::Dpo) => {
                blocks.push(Block::List(lines))
            }
            _ => blocks.push(Block::Paragraph(vec![missing(file, Item::Dpo)])),
        }
        if let Some(rep) = &config.representative {
            blocks.push(Block::Subheading(vec![legal(heading::REPRESENTATIVE)]));
            blocks.push(Block::List(self.contact_lines(rep, "representative", true)));
        }
        section(heading::WHO_WE_ARE, "who-we-are", blocks)
    }

    /// The items of a text list of every activity, each text once, then a gap line for each
    /// activity that lacks the list (when `item` is given).
    fn merged_list(
        &self,
        list: fn(&Activity) -> Option<&Vec<String>>,
        key: &str,
        item: Option<Item>,
    ) -> Vec<Line> {
        // Only whether a text was seen matters, not any order: a fast hash, and each text
        // put in lower case in the same buffer, kept only when it is new.
        let mut seen: HashSet<String, foldhash::fast::FixedState> = HashSet::default();
        let mut lower = String::new();
        let mut lines = Vec::new();
        for (at, a) in self.each() {
            for (i, text) in list(&a.value).into_iter().flatten().enumerate() {
                let trimmed = text.trim();
                if trimmed.is_ascii() {
                    lower.clear();
                    lower.push_str(trimmed);
                    lower.make_ascii_lowercase();
                } else {
                    lower = trimmed.to_lowercase();
                }
                if !trimmed.is_empty() && !seen.contains(&lower) {
                    seen.insert(lower.clone());
                    lines.push(vec![field(trimmed, a.file, format!("/{key}/{i}"))]);
                }
            }
            if let Some(item) = item.filter(|item| self.lacks(at, *item)) {
                lines.push(self.gap_line(a, item));
            }
        }
        lines
    }

    fn what_we_collect(&self) -> Section {
        let mut blocks = Vec::new();
        let subjects = self.merged_list(|a| a.data_subjects.as_ref(), "data_subjects", None);
        if !subjects.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::ABOUT)]));
            blocks.push(Block::List(subjects));
        }
        blocks.push(Block::Paragraph(vec![legal(sentence::DATA)]));
        blocks.push(Block::List(self.merged_list(
            |a| a.personal_data.as_ref(),
            "personal_data",
            Some(Item::PersonalData),
        )));
        let mut special: Vec<_> = self
            .activities
            .iter()
            .flat_map(|a| a.value.special_categories().iter().copied())
            .collect();
        special.sort_unstable();
        special.dedup();
        if !special.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::SPECIAL)]));
            blocks.push(Block::List(
                special.iter().map(|c| vec![legal(c.label())]).collect(),
            ));
        }
        if self
            .activities
            .iter()
            .any(|a| a.value.criminal_offence_data == Some(true))
        {
            blocks.push(Block::Paragraph(vec![legal(sentence::CRIMINAL)]));
        }
        blocks.push(Block::Subheading(vec![legal(heading::SOURCES)]));
        blocks.push(Block::List(self.merged_list(
            |a| a.sources.as_ref(),
            "sources",
            Some(Item::Sources),
        )));
        blocks.push(Block::Subheading(vec![legal(heading::MUST_YOU_GIVE_IT)]));
        blocks.extend(self.providing_data());
        section(heading::WHAT_WE_COLLECT, "what-we-collect", blocks)
    }

    /// Art 13(2)(e) for each activity: said once when every activity says the same.
    fn providing_data(&self) -> Vec<Block> {
        let line_for = |at: usize, a: &Loaded<Activity>| -> Line {
            let mut line = Vec::new();
            let p = a.value.providing_data.as_ref();
            match p.and_then(|p| p.requirement) {
                Some(r) => line.push(legal(r.notice_sentence())),
                None => line.push(missing(a.file, Item::ProvidingData)),
            }
            if let Some(consequences) = present(p.and_then(|p| p.consequences.as_deref())) {
                line.push(legal(label::SPACE));
                line.push(legal(label::IF_NOT_GIVEN));
                line.push(field(
                    consequences,
                    a.file,
                    "/providing_data/consequences".to_string(),
                ));
            } else if self.lacks(at, Item::ProvidingDataConsequences) {
                line.push(legal(label::SPACE));
                line.push(legal(label::IF_NOT_GIVEN));
                line.push(missing(a.file, Item::ProvidingDataConsequences));
            }
            line
        };
        let lines: Vec<Line> = self.each().map(|(at, a)| line_for(at, a)).collect();
        let said = |line: &Line| super::doc::plain(line);
        let all_same = lines.windows(2).all(|w| said(&w[0]) == said(&w[1]));
        let all_recorded = lines
            .iter()
            .all(|l| !l.iter().any(|s| matches!(s, Span::Missing(_))));
        match lines.first() {
            Some(first) if all_same && all_recorded => vec![Block::Paragraph(first.clone())],
            _ => vec![Block::List(
                self.each()
                    .zip(lines)
                    .map(|((_, a), line)| {
                        let mut named = vec![self.name(a), legal(label::COLON)];
                        named.extend(line);
                        named
                    })
                    .collect(),
            )],
        }
    }

    fn why_and_basis(&self) -> Section {
        let mut blocks = Vec::new();
        for (at, a) in self.each() {
            blocks.push(Block::Subheading(vec![self.name(a)]));
            blocks.extend(self.purposes_and_basis(at, a));
        }
        blocks.push(Block::Subheading(vec![legal(heading::AUTOMATED)]));
        blocks.extend(self.automated_decisions());
        section(heading::WHY_AND_BASIS, "why-and-basis", blocks)
    }

    fn purposes_and_basis(&self, at: usize, a: &Loaded<Activity>) -> Vec<Block> {
        let v = &a.value;
        let file = a.file;
        let mut blocks = vec![Block::Paragraph(vec![legal(label::PURPOSES)])];
        let purposes: Vec<Line> = v
            .purposes
            .iter()
            .flatten()
            .enumerate()
            .filter(|(_, p)| !p.trim().is_empty())
            .map(|(i, p)| vec![field(p, file, format!("/purposes/{i}"))])
            .collect();
        if self.lacks(at, Item::Purposes) {
            blocks.push(Block::Paragraph(vec![missing(file, Item::Purposes)]));
        } else {
            blocks.push(Block::List(purposes));
        }
        let lb = v.lawful_basis.as_ref();
        let mut terms = Vec::new();
        for basis in v.bases() {
            terms.push((
                vec![legal(label::BASIS), legal(basis.notice_name())],
                vec![legal(basis.notice_paragraph())],
            ));
        }
        if self.lacks(at, Item::LawfulBasis) {
            terms.push((
                vec![legal(label::BASIS)],
                vec![missing(file, Item::LawfulBasis)],
            ));
        }
        let text_term = |item: Item,
                         label_text: &'static str,
                         value: Option<&str>,
                         pointer: &str| {
            match present(value) {
                Some(value) => Some((
                    vec![legal(label_text)],
                    vec![field(value, file, pointer.to_string())],
                )),
                None if self.lacks(at, item) => {
                    Some((vec![legal(label_text)], vec![missing(file, item)]))
                }
                None => None,
            }
        };
        terms.extend(text_term(
            Item::Law,
            label::LAW,
            lb.and_then(|l| l.law.as_deref()),
            "/lawful_basis/law",
        ));
        terms.extend(text_term(
            Item::LegitimateInterests,
            label::INTERESTS,
            lb.and_then(|l| l.legitimate_interests.as_deref()),
            "/lawful_basis/legitimate_interests",
        ));
        if v.bases()
            .contains(&Article6Basis::RecognisedLegitimateInterest)
        {
            let condition = lb.and_then(|l| l.recognised_condition);
            let shown = match condition {
                Some(c) => legal(c.label()),
                None => missing(file, Item::RecognisedCondition),
            };
            terms.push((vec![legal(label::RECOGNISED)], vec![shown]));
        }
        let conditions: &[Article9Condition] = lb.map_or(&[], |l| l.article9.as_slice());
        for condition in conditions {
            terms.push((
                vec![legal(label::SPECIAL), legal(condition.notice_point())],
                vec![legal(condition.notice_paragraph())],
            ));
        }
        if self.lacks(at, Item::SpecialCategoryCondition) {
            terms.push((
                vec![legal(label::SPECIAL)],
                vec![missing(file, Item::SpecialCategoryCondition)],
            ));
        }
        if v.criminal_offence_data == Some(true) {
            let shown = if lb.and_then(|l| l.official_authority) == Some(true) {
                legal(wording::CRIMINAL_OFFICIAL_AUTHORITY)
            } else if self.lacks(at, Item::CriminalOffenceCondition) {
                missing(file, Item::CriminalOffenceCondition)
            } else {
                legal(label::SCHEDULE1_BELOW)
            };
            terms.push((vec![legal(label::CRIMINAL)], vec![shown]));
        }
        blocks.push(Block::Terms(terms));
        let paragraphs = lb.map_or(&[][..], |l| l.schedule1.as_slice());
        if !paragraphs.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(label::SCHEDULE1)]));
            blocks.push(Block::List(
                paragraphs
                    .iter()
                    .map(|p| vec![Span::Legal(Cow::Owned(p.notice_name()))])
                    .collect(),
            ));
        }
        blocks
    }

    fn automated_decisions(&self) -> Vec<Block> {
        let mut used = Vec::new();
        let mut gaps = Vec::new();
        let mut significant = false;
        for (at, a) in self.each() {
            let adm = a.value.automated_decision_making.as_ref();
            if self.lacks(at, Item::AutomatedDecisions) {
                gaps.push(self.gap_line(a, Item::AutomatedDecisions));
            } else if let Some(adm) = adm.filter(|adm| adm.used == Some(true)) {
                significant |= adm.significant_decisions();
                let details = adm.details.as_deref().unwrap_or_default();
                used.push(vec![
                    self.name(a),
                    legal(label::COLON),
                    field(
                        details,
                        a.file,
                        "/automated_decision_making/details".to_string(),
                    ),
                ]);
            }
        }
        let mut blocks = Vec::new();
        if used.is_empty() && gaps.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::ADM_NONE)]));
        }
        if !used.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::ADM_USED)]));
            blocks.push(Block::List(used));
            blocks.push(Block::Paragraph(vec![legal(if significant {
                sentence::ADM_SIGNIFICANT
            } else {
                sentence::ADM_NOT_SIGNIFICANT
            })]));
        }
        if !gaps.is_empty() {
            blocks.push(Block::List(gaps));
        }
        blocks
    }

    fn sharing(&self) -> Section {
        let mut blocks = Vec::new();
        let recipients = self.merged_list(
            |a| a.recipients.as_ref(),
            "recipients",
            Some(Item::Recipients),
        );
        let processors = self.processors();
        if recipients.is_empty() && processors.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::NOT_SHARED)]));
        }
        if !recipients.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::SHARED_WITH)]));
            blocks.push(Block::List(recipients));
        }
        if !processors.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::PROCESSORS)]));
            blocks.push(Block::List(processors));
        }
        blocks.push(Block::Subheading(vec![legal(heading::ABROAD)]));
        blocks.extend(self.transfers());
        section(heading::SHARING, "sharing", blocks)
    }

    /// Each processor the activities use, once, with what it does for the organisation.
    fn processors(&self) -> Vec<Line> {
        let mut seen = BTreeSet::new();
        let mut lines = Vec::new();
        for a in self.activities {
            for (i, id) in a.value.processors.iter().flatten().enumerate() {
                if !seen.insert(id.0.as_str()) {
                    continue;
                }
                match self.register.processor(&id.0) {
                    Some(p) => {
                        let mut line = vec![field(&p.value.name, p.file, "/name".to_string())];
                        if let Some(service) = present(p.value.service.as_deref()) {
                            line.push(legal(label::COLON));
                            line.push(field(service, p.file, "/service".to_string()));
                        }
                        lines.push(line);
                    }
                    None => lines.push(vec![field(&id.0, a.file, format!("/processors/{i}"))]),
                }
            }
        }
        lines
    }

    fn transfers(&self) -> Vec<Block> {
        let mut rows = Vec::new();
        let mut gaps = Vec::new();
        for (at, a) in self.each() {
            if self.lacks(at, Item::Transfers) {
                gaps.push(self.gap_line(a, Item::Transfers));
            }
            for (i, t) in a.value.transfers.iter().flatten().enumerate() {
                let at_ = |key: &str| format!("/transfers/{i}/{key}");
                let destination = match present(t.country.as_ref().map(|c| c.0.as_str())) {
                    Some(code) => vec![field(&country(code), a.file, at_("country"))],
                    None => vec![missing(a.file, Item::TransferDestination)],
                };
                let recipient = match present(t.recipient.as_deref()) {
                    Some(r) => vec![field(r, a.file, at_("recipient"))],
                    None => Vec::new(),
                };
                let mut safeguard = Vec::new();
                if let Some(m) = t.mechanism {
                    safeguard.push(legal(m.notice_sentence()));
                }
                if let Some(text) = present(t.safeguards.as_deref()) {
                    if !safeguard.is_empty() {
                        safeguard.push(legal(label::SPACE));
                    }
                    safeguard.push(field(text, a.file, at_("safeguards")));
                }
                if t.mechanism.is_none() {
                    safeguard.push(missing(a.file, Item::TransferSafeguard));
                }
                rows.push(vec![destination, recipient, safeguard]);
            }
        }
        let mut blocks = Vec::new();
        if rows.is_empty() && gaps.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::NOT_ABROAD)]));
        }
        if !rows.is_empty() {
            blocks.push(Block::Paragraph(vec![legal(sentence::ABROAD)]));
            blocks.push(Block::Table {
                headings: vec![label::COUNTRY, label::RECIPIENT, label::SAFEGUARD],
                rows,
            });
            blocks.push(Block::Paragraph(vec![legal(sentence::SAFEGUARD_COPY)]));
        }
        if !gaps.is_empty() {
            blocks.push(Block::List(gaps));
        }
        blocks
    }

    fn retention(&self) -> Section {
        let mut rows = Vec::new();
        for (at, a) in self.each() {
            for (i, r) in a.value.retention.iter().flatten().enumerate() {
                let at_ = |key: &str| format!("/retention/{i}/{key}");
                let what = match present(r.data.as_deref()) {
                    Some(data) => vec![field(data, a.file, at_("data"))],
                    None => vec![self.name(a)],
                };
                let mut how_long = match present(r.period.as_deref()) {
                    Some(period) => vec![field(period, a.file, at_("period"))],
                    None => vec![missing(a.file, Item::RetentionPeriod)],
                };
                if let Some(trigger) = present(r.trigger.as_deref()) {
                    how_long.push(legal(label::COMMA));
                    how_long.push(field(trigger, a.file, at_("trigger")));
                }
                let then = r
                    .action
                    .map(|x| vec![legal(x.notice_word())])
                    .unwrap_or_default();
                rows.push(vec![what, how_long, then]);
            }
            if self.lacks(at, Item::Retention) {
                rows.push(vec![
                    vec![self.name(a)],
                    vec![missing(a.file, Item::Retention)],
                    Vec::new(),
                ]);
            }
        }
        let blocks = vec![
            Block::Paragraph(vec![legal(sentence::RETENTION)]),
            Block::Table {
                headings: vec![label::INFORMATION, label::HOW_LONG, label::THEN],
                rows,
            },
        ];
        section(heading::RETENTION, "retention", blocks)
    }

    fn rights(&self) -> Section {
        // Which activities give each right: a right that not all of them give says which.
        let per_activity: Vec<Vec<Right>> = self
            .activities
            .iter()
            .map(|a| a.value.rights_available())
            .collect();
        let mut terms = Vec::new();
        for right in Right::ALL {
            let giving: Vec<usize> = (0..self.activities.len())
                .filter(|&at| per_activity[at].contains(right))
                .collect();
            if giving.is_empty() {
                continue;
            }
            let mut explanation = vec![legal(right.notice_paragraph())];
            if giving.len() < self.activities.len() {
                explanation.push(legal(label::SPACE));
                explanation.push(legal(label::APPLIES_TO));
                for (n, &at) in giving.iter().enumerate() {
                    if n > 0 {
                        explanation.push(legal(label::COMMA));
                    }
                    explanation.push(self.name(self.activities[at]));
                }
                explanation.push(legal(label::SENTENCE_END));
            }
            terms.push((vec![legal(right.notice_name())], explanation));
        }
        let mut blocks = vec![
            Block::Paragraph(vec![legal(sentence::RIGHTS_INTRO)]),
            Block::Terms(terms),
        ];
        let gaps: Vec<Line> = self
            .each()
            .filter(|(at, a)| self.lacks(*at, Item::LawfulBasis) && a.value.rights.is_none())
            .map(|(_, a)| self.gap_line(a, Item::LawfulBasis))
            .collect();
        if !gaps.is_empty() {
            blocks.push(Block::List(gaps));
        }
        let consent = self.activities.iter().any(|a| {
            a.value.bases().contains(&Article6Basis::Consent)
                || a.value
                    .lawful_basis
                    .as_ref()
                    .is_some_and(|l| l.article9.contains(&Article9Condition::ExplicitConsent))
        });
        if consent {
            blocks.push(Block::Paragraph(vec![legal(sentence::WITHDRAW)]));
        }
        blocks.push(Block::Paragraph(vec![legal(sentence::HOW_TO_USE_RIGHTS)]));
        section(heading::RIGHTS, "rights", blocks)
    }

    fn complaints(&self) -> Section {
        let controller = &self.config.value.controller;
        let ours = match present(controller.complaints.as_deref()) {
            Some(text) => vec![self.config_field(text, "/controller/complaints")],
            None => vec![missing(self.config.file, Item::Complaints)],
        };
        let blocks = vec![
            Block::Paragraph(vec![legal(sentence::COMPLAIN_TO_US)]),
            Block::List(vec![ours]),
            Block::Paragraph(vec![legal(sentence::COMPLAIN_TO_ICO)]),
            Block::List(vec![
                vec![legal(wording::ICO_NAME)],
                vec![legal(label::ADDRESS), legal(wording::ICO_ADDRESS)],
                vec![legal(label::PHONE), legal(wording::ICO_PHONE)],
                vec![legal(label::WEBSITE), legal(wording::ICO_WEBSITE)],
            ]),
        ];
        section(heading::COMPLAINTS, "complaints", blocks)
    }
}

fn section(heading: &'static str, id: &'static str, blocks: Vec<Block>) -> Section {
    Section {
        heading,
        id,
        blocks,
    }
}
