//! Register values in plain English, worked out once and shared by every export format, the
//! terminal views and (later) privacy notices, so a spreadsheet, a web page and a notice can
//! never describe the same activity differently.

use crate::model::{
    Activity, ControllerActedFor, Date, JointController, LawfulBasis, Period, Processor, Register,
    Retention, Transfer,
};
use crate::vocab::{Adequacy, adequacy_for};

/// "Yes" or "No", as the ICO template's Yes/No columns expect.
pub fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
}

/// The Article 6 bases in words with their points, the law behind the ones that need one and
/// the Annex 1 condition behind a recognised legitimate interest:
/// "Public task (Art 6(1)(e)) — Local Government Act 1972 s.111".
pub fn article6(basis: &LawfulBasis) -> Vec<String> {
    basis
        .article6
        .iter()
        .map(|b| {
            let detail = if b.needs_law() {
                basis.law.as_deref().filter(|l| !l.trim().is_empty())
            } else if *b == crate::vocab::Article6Basis::RecognisedLegitimateInterest {
                basis.recognised_condition.map(|c| c.label())
            } else {
                None
            };
            match detail {
                Some(detail) => format!("{} — {detail}", b.with_point()),
                None => b.with_point(),
            }
        })
        .collect()
}

/// The Article 9 conditions in words with their points, and the Art 10 official authority for
/// criminal offence data when it is relied on.
pub fn article9(basis: &LawfulBasis) -> Vec<String> {
    let mut lines: Vec<String> = basis.article9.iter().map(|c| c.with_point()).collect();
    if basis.official_authority == Some(true) {
        lines.push("Criminal offence data under official authority (Art 10)".to_string());
    }
    lines
}

/// The DPA 2018 Schedule 1 paragraphs with their names.
pub fn schedule1(basis: &LawfulBasis) -> Vec<String> {
    basis.schedule1.iter().map(|p| p.with_name()).collect()
}

/// One retention entry as a sentence: "Call recordings: 6 months from the date of the call,
/// then delete". A period that is not a recognised form is quoted as written.
pub fn retention(entry: &Retention) -> String {
    let mut text = String::new();
    if let Some(data) = entry.data.as_deref().filter(|d| !d.trim().is_empty()) {
        text.push_str(data.trim());
        text.push_str(": ");
    }
    let period = entry.period.as_deref().map(str::trim);
    match period.map(|p| (p, Period::parse(p))) {
        Some((_, Some(Period::Permanent))) => {
            text.push_str("kept permanently");
            if let Some(action) = entry.action {
                text.push_str(&format!(" ({})", action.label()));
            }
            return text;
        }
        Some((_, Some(parsed))) => text.push_str(&parsed.to_string()),
        Some((written, None)) if !written.is_empty() => text.push_str(written),
        _ => text.push_str("period not recorded"),
    }
    if let Some(trigger) = entry.trigger.as_deref().filter(|t| !t.trim().is_empty()) {
        text.push(' ');
        text.push_str(trigger.trim());
    }
    if let Some(action) = entry.action {
        text.push_str(", then ");
        text.push_str(action.label());
    }
    text
}

/// A country's ISO 3166-1 name with its code, "United States of America (US)"; the code alone
/// when it is not an assigned ISO code.
pub fn country(code: &str) -> String {
    match isocountry::CountryCode::for_alpha2(code) {
        Ok(country) => format!("{} ({code})", country.name()),
        Err(_) => code.to_string(),
    }
}

/// Where a transfer goes and under what mechanism: "United States of America (US) — Cloud
/// transcription service: International Data Transfer Agreement".
pub fn transfer(entry: &Transfer) -> String {
    let mut text = entry
        .country
        .as_ref()
        .map_or_else(|| "country not recorded".to_string(), |c| country(&c.0));
    if let Some(recipient) = entry.recipient.as_deref().filter(|r| !r.trim().is_empty()) {
        text.push_str(" — ");
        text.push_str(recipient.trim());
    }
    text.push_str(": ");
    text.push_str(
        entry
            .mechanism
            .map_or("mechanism not recorded", |m| m.label()),
    );
    text
}

/// How far UK adequacy regulations cover a country, as of [`crate::vocab::ADEQUACY_AS_OF`].
pub fn adequacy(country: &str) -> String {
    match adequacy_for(country) {
        Adequacy::Domestic => "UK (no restricted transfer)".to_string(),
        Adequacy::Full => "Adequate".to_string(),
        Adequacy::Partial(scope) => format!("Adequate only for {scope}"),
        Adequacy::None => "Not adequate".to_string(),
    }
}

/// The rights available to individuals, as the ICO labels them, and the right to withdraw
/// consent when consent is relied on (Art 7(3)). Empty when neither `rights` nor a lawful
/// basis is recorded, since the rights depend on the basis.
pub fn rights(activity: &Activity) -> Vec<String> {
    let mut rights: Vec<String> = activity
        .rights_available()
        .iter()
        .map(|r| r.label().to_string())
        .collect();
    let explicit_consent = activity.lawful_basis.as_ref().is_some_and(|b| {
        b.article9
            .contains(&crate::vocab::Article9Condition::ExplicitConsent)
    });
    let consent = activity
        .bases()
        .contains(&crate::vocab::Article6Basis::Consent);
    if !rights.is_empty() && (consent || explicit_consent) {
        rights.push(WITHDRAW_CONSENT.to_string());
    }
    rights
}

/// Consent can be withdrawn at any time, as easily as it was given (Art 7(3)).
pub const WITHDRAW_CONSENT: &str = "The right to withdraw consent at any time (Art 7(3))";

/// The joint controller's name, contact and Art 26 arrangement, one per line.
pub fn joint_controller(joint: &JointController) -> Vec<String> {
    let mut lines = Vec::new();
    push_some(&mut lines, "", joint.name.as_deref());
    push_some(&mut lines, "", joint.contact.as_deref());
    push_some(&mut lines, "Arrangement: ", joint.arrangement.as_deref());
    lines
}

/// A controller a processor acts for: "Department for Work and Pensions — contact".
pub fn controller_acted_for(controller: &ControllerActedFor) -> String {
    let name = controller.name.as_deref().unwrap_or("controller not named");
    match controller
        .contact
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        Some(contact) => format!("{name} — {contact}"),
        None => name.to_string(),
    }
}

/// A processor the activity names, by its name when its file exists, else by its id.
pub fn processor_name(register: &Register, id: &str) -> String {
    register
        .processor(id)
        .map_or_else(|| id.to_string(), |p| p.value.name.clone())
}

/// ICO column 6: the recipients recorded, then the processors, which receive the data too
/// ("Rostrvm Solutions Ltd (Call recording and storage)"; a processor without a file by its id,
/// which lint and column 7 flag). `None` when no recipient is recorded and no processor named.
pub fn recipients(register: &Register, activity: &Activity) -> Option<Vec<String>> {
    let processors = activity.processors.as_deref().unwrap_or(&[]);
    if activity.recipients.is_none() && processors.is_empty() {
        return None;
    }
    let processors = processors.iter().map(|id| match register.processor(&id.0) {
        Some(p) => match p.value.service.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(service) => format!("{} ({service})", p.value.name),
            None => p.value.name.clone(),
        },
        None => id.0.clone(),
    });
    Some(
        activity
            .recipients
            .iter()
            .flatten()
            .cloned()
            .chain(processors)
            .collect(),
    )
}

/// The link to a processor's Art 28 contract, or what is missing (ICO column 7).
pub fn processor_contract(register: &Register, id: &str) -> String {
    match register.processor(id) {
        Some(p) => format!(
            "{}: {}",
            p.value.name,
            contract_link(&p.value).unwrap_or("no contract link recorded")
        ),
        None => format!("{id}: no file in processors/"),
    }
}

/// Whether a processor's Art 28 contract is in place on `today`, with its link:
/// "In place until 2027-03-31 — https://…", "Expired on 2025-01-01 — https://…",
/// "No contract recorded".
pub fn contract_status(processor: &Processor, today: Date) -> String {
    let expires = processor.contract_expires;
    let state = match expires {
        Some(date) if processor.contract_expired(today) => format!("Expired on {date}"),
        Some(date) => format!("In place until {date}"),
        None => "In place, no expiry date recorded".to_string(),
    };
    match (contract_link(processor), expires) {
        (Some(link), _) => format!("{state} — {link}"),
        (None, None) => "No contract recorded".to_string(),
        (None, Some(_)) => format!(
            "No contract link recorded ({})",
            crate::words::lowercase_first(&state)
        ),
    }
}

fn contract_link(processor: &Processor) -> Option<&str> {
    processor
        .contract
        .as_deref()
        .filter(|c| !c.trim().is_empty())
}

fn push_some(lines: &mut Vec<String>, label: &str, value: Option<&str>) {
    if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
        lines.push(format!("{label}{value}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Article6Basis, RetentionAction};

    fn entry(period: &str, trigger: Option<&str>, action: Option<RetentionAction>) -> Retention {
        Retention {
            data: Some("Call recordings".into()),
            period: Some(period.into()),
            trigger: trigger.map(Into::into),
            action,
            reason: None,
        }
    }

    #[test]
    fn retention_reads_as_a_sentence() {
        let e = entry(
            "6 months",
            Some("from the date of the call"),
            Some(RetentionAction::Delete),
        );
        assert_eq!(
            retention(&e),
            "Call recordings: 6 months from the date of the call, then delete"
        );
        let e = entry("1 Year", None, Some(RetentionAction::Review));
        assert_eq!(retention(&e), "Call recordings: 1 year, then review");
        let e = entry("permanent", Some("x"), Some(RetentionAction::Archive));
        assert_eq!(retention(&e), "Call recordings: kept permanently (archive)");
        let e = entry("as long as needed", None, None);
        assert_eq!(retention(&e), "Call recordings: as long as needed");
        assert_eq!(retention(&Retention::default()), "period not recorded");
    }

    #[test]
    fn bases_carry_their_law_or_condition() {
        let basis = LawfulBasis {
            article6: vec![Article6Basis::PublicTask, Article6Basis::Consent],
            law: Some("Local Government Act 1972 s.111".into()),
            ..LawfulBasis::default()
        };
        assert_eq!(
            article6(&basis),
            [
                "Public task (Art 6(1)(e)) — Local Government Act 1972 s.111",
                "Consent (Art 6(1)(a))"
            ]
        );
    }

    #[test]
    fn countries_are_named() {
        assert_eq!(country("US"), "United States of America (US)");
        assert_eq!(country("XX"), "XX");
    }

    #[test]
    fn contract_status_says_whether_it_is_in_place() {
        let today = Date::parse("2026-06-01").unwrap();
        let mut p = Processor {
            name: "Rostrvm".into(),
            ..Processor::default()
        };
        assert_eq!(contract_status(&p, today), "No contract recorded");
        p.contract_expires = Date::parse("2026-05-31");
        assert_eq!(
            contract_status(&p, today),
            "No contract link recorded (expired on 2026-05-31)"
        );
        p.contract = Some("https://example.gov.uk/dpa.pdf".into());
        p.contract_expires = Date::parse("2026-06-01");
        assert_eq!(
            contract_status(&p, today),
            "In place until 2026-06-01 — https://example.gov.uk/dpa.pdf"
        );
        p.contract_expires = None;
        assert_eq!(
            contract_status(&p, today),
            "In place, no expiry date recorded — https://example.gov.uk/dpa.pdf"
        );
    }

    #[test]
    fn adequacy_names_partial_scope() {
        assert_eq!(adequacy("GB"), "UK (no restricted transfer)");
        assert_eq!(adequacy("FR"), "Adequate");
        assert!(adequacy("US").starts_with("Adequate only for organisations certified"));
        assert_eq!(adequacy("IN"), "Not adequate");
    }
}
