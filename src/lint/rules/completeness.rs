//! Completeness: what UK GDPR Article 30 requires the record to hold.
// Indexing cannot panic here: the slice ends at a position found in the same text.
#![allow(clippy::indexing_slicing)]

use rayon::prelude::*;

use crate::diag::FileId;
use crate::lint::prelude::*;
use crate::model::{Contact, Period};

pub static RULES: &[&Rule] = &[
    &PLACEHOLDER_VALUE,
    &CONTROLLER_CONTACT_MISSING,
    &DPO_MISSING,
    &PURPOSES_MISSING,
    &DATA_SUBJECTS_MISSING,
    &PERSONAL_DATA_MISSING,
    &RECIPIENTS_MISSING,
    &RETENTION_MISSING,
    &RETENTION_VAGUE,
    &RETENTION_PERMANENT_REASON_MISSING,
    &RECORD_EXEMPTION_NOT_AVAILABLE,
    &SECURITY_MEASURES_MISSING,
    &OWNER_MISSING,
    &REVIEW_OVERDUE,
    &REVIEW_DATE_MISSING,
    &SOURCES_MISSING,
    &PRIVACY_NOTICE_MISSING,
    &NOTICE_ITEM_MISSING,
    &AUTOMATED_DECISION_MAKING_UNDOCUMENTED,
];

fn has_contact(contact: &Contact) -> bool {
    !(blank(&contact.email) && blank(&contact.phone) && blank(&contact.address))
}

pub const CONTROLLER_CONTACT_MISSING: Rule = Rule {
    name: "controller-contact-missing",
    severity: Severity::Error,
    summary: "ropa.toml gives no contact details for the controller",
    explanation: "The record must contain the name and contact details of the controller \
(UK GDPR Art 30(1)(a)), and the ICO template opens with them. Give at least one of `address`, \
`email` or `phone` in `[controller]`; all three is better.",
    source: "UK GDPR Art 30(1)(a)",
    fails: &[(
        "ropa.toml",
        "[controller]\nname = \"Example District Council\"\npublic_authority = true\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )],
    passes: &[(
        "ropa.toml",
        "[controller]\nname = \"Example District Council\"\naddress = \"Council Offices, Main Street, Exampletown, EX1 1AA\"\nemail = \"dpo@example.gov.uk\"\nphone = \"01234 567890\"\npublic_authority = true\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )],
    check: Check::Register(|ctx, out| {
        let Some(config) = &ctx.register.config else {
            return;
        };
        if !has_contact(&config.value.controller.to_contact()) {
            out.report(
                config.file,
                config.doc.key_span_for(&[K("controller")]),
                "the controller has no contact details",
            )
            .help("add `address`, `email` or `phone` to [controller]");
        }
    }),
};

pub const DPO_MISSING: Rule = Rule {
    name: "dpo-missing",
    severity: Severity::Warning,
    summary: "no data protection officer is recorded (an error for a public authority)",
    explanation: "A public authority must designate a data protection officer (UK GDPR \
Art 37(1)(a)), and the record must give the DPO's contact details (Art 30(1)(a)). Add a `[dpo]` \
table with at least an `email`, `phone` or `address`. For other organisations a DPO is needed \
only in some cases (Art 37(1)(b)-(c)), so this is a warning.",
    source: "UK GDPR Art 30(1)(a), Art 37(1)(a)",
    fails: &[(
        "ropa.toml",
        "[controller]\nname = \"Example District Council\"\nemail = \"info@example.gov.uk\"\npublic_authority = true\n",
    )],
    passes: &[(
        "ropa.toml",
        "[controller]\nname = \"Example District Council\"\nemail = \"info@example.gov.uk\"\npublic_authority = true\n\n[dpo]\nname = \"Data Protection Officer\"\nemail = \"dpo@example.gov.uk\"\n",
    )],
    check: Check::Register(|ctx, out| {
        let Some(config) = &ctx.register.config else {
            return;
        };
        let public = config.value.is_public_authority();
        let severity = if public {
            Severity::Error
        } else {
            Severity::Warning
        };
        match &config.value.dpo {
            Some(dpo) if has_contact(dpo) => {}
            Some(_) => {
                out.report(
                    config.file,
                    config.doc.key_span_for(&[K("dpo")]),
                    "the DPO has no contact details",
                )
                .help("add `email`, `phone` or `address` to [dpo]")
                .severity(severity);
            }
            None => {
                let message = if public {
                    "no data protection officer is recorded, and a public authority must have one"
                } else {
                    "no data protection officer is recorded"
                };
                out.report(
                    config.file,
                    config.doc.key_span_for(&[K("controller")]),
                    message,
                )
                .help("add a [dpo] table with the DPO's name and email")
                .severity(severity);
            }
        }
    }),
};

pub const RECORD_EXEMPTION_NOT_AVAILABLE: Rule = Rule {
    name: "record-exemption-not-available",
    severity: Severity::Warning,
    summary: "ropa.toml claims the under-250-staff exemption, but some processing is outside it",
    explanation: "An organisation with fewer than 250 staff need not keep a record of \
processing (UK GDPR Art 30(5)) — unless the processing is likely to be a risk to people's \
rights, is not occasional, or includes special category or criminal offence data. A register \
that states `fewer_than_250_staff = true` in `[controller]` is checked against its activities: \
each that holds special category or criminal offence data must be recorded whatever the \
organisation's size (and most regular processing is not occasional), so the exemption cannot \
be relied on for them. Keep their records complete; remove the claim if it does not hold.",
    source: "UK GDPR Art 30(5)",
    fails: &[
        (
            "ropa.toml",
            "[controller]\nname = \"Example Parish Council\"\nemail = \"clerk@example.org.uk\"\nfewer_than_250_staff = true\n",
        ),
        (
            "activities/allotment-tenancies.toml",
            "name = \"Allotment tenancies\"\nspecial_category_data = [\"health\"]\n",
        ),
    ],
    passes: &[
        (
            "ropa.toml",
            "[controller]\nname = \"Example Parish Council\"\nemail = \"clerk@example.org.uk\"\nfewer_than_250_staff = true\n",
        ),
        (
            "activities/allotment-tenancies.toml",
            "name = \"Allotment tenancies\"\nspecial_category_data = []\n",
        ),
    ],
    check: Check::Register(|ctx, out| {
        let Some(config) = &ctx.register.config else {
            return;
        };
        if config.value.controller.fewer_than_250_staff != Some(true) {
            return;
        }
        let outside: Vec<&str> = ctx
            .register
            .activities
            .iter()
            .filter(|a| {
                !a.value.special_categories().is_empty()
                    || a.value.criminal_offence_data == Some(true)
            })
            .map(|a| a.id.as_str())
            .collect();
        if outside.is_empty() {
            return;
        }
        let shown: Vec<String> = outside.iter().take(5).map(|id| format!("`{id}`")).collect();
        let more = outside.len().saturating_sub(5);
        let list = if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            join_words(&shown, "and")
        };
        out.report(
            config.file,
            config.doc.span_for(&[K("controller"), K("fewer_than_250_staff")]),
            format!(
                "the under-250-staff exemption (Art 30(5)) does not cover processing of special category or criminal offence data, as in {list}"
            ),
        )
        .help("keep the records of those activities complete; the exemption can cover only occasional, low-risk processing without such data");
    }),
};

/// Reports a required list of the controller record that is absent or empty.
fn required_list<T>(
    ctx: &ActivityCtx<'_>,
    out: &mut Findings,
    key: &str,
    list: &Option<Vec<T>>,
    what: &str,
    example: &str,
) {
    if !ctx.is_controller_record() {
        return;
    }
    match list {
        None => {
            out.report(ctx.file(), ctx.at(&[K(key)]), format!("no {what} recorded"))
                .help(format!("add `{key} = [{example}]`"));
        }
        Some(items) if items.is_empty() => {
            out.report(
                ctx.file(),
                ctx.at(&[K(key)]),
                format!("`{key}` is empty; the record must state the {what}"),
            )
            .help(format!("list them: `{key} = [{example}]`"));
        }
        Some(_) => {}
    }
}

pub const PURPOSES_MISSING: Rule = Rule {
    name: "purposes-missing",
    severity: Severity::Error,
    summary: "an activity records no purposes",
    explanation: "The record must state the purposes of the processing (UK GDPR Art 30(1)(b)); \
the purpose is also what the lawful basis, retention and minimisation are judged against \
(Art 5(1)(b)). List them in `purposes`, one per line.",
    source: "UK GDPR Art 30(1)(b)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\npurposes = [\n  \"Staff training and quality monitoring\",\n  \"Evidence in complaints\",\n]\n",
    )],
    check: Check::Activity(|ctx, out| {
        required_list(
            ctx,
            out,
            "purposes",
            &ctx.activity().purposes,
            "purposes of the processing",
            "\"…\"",
        );
    }),
};

pub const DATA_SUBJECTS_MISSING: Rule = Rule {
    name: "data-subjects-missing",
    severity: Severity::Error,
    summary: "an activity records no categories of data subjects",
    explanation: "The record must describe the categories of data subjects — whose data it is \
(UK GDPR Art 30(1)(c); ICO template column 4). List them in `data_subjects`, e.g. \
\"Residents\", \"Callers\", \"Council officers\".",
    source: "UK GDPR Art 30(1)(c)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\ndata_subjects = [\"Callers\", \"Council officers\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        required_list(
            ctx,
            out,
            "data_subjects",
            &ctx.activity().data_subjects,
            "categories of data subjects",
            "\"Residents\"",
        );
    }),
};

pub const PERSONAL_DATA_MISSING: Rule = Rule {
    name: "personal-data-missing",
    severity: Severity::Error,
    summary: "an activity records no categories of personal data",
    explanation: "The record must describe the categories of personal data processed (UK GDPR \
Art 30(1)(c); ICO template column 5). List them in `personal_data`, e.g. \"Name\", \"Address\". \
Special category data is listed separately in `special_category_data`.",
    source: "UK GDPR Art 30(1)(c)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\npersonal_data = [\"Name\", \"Telephone number\", \"Voice recording\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        required_list(
            ctx,
            out,
            "personal_data",
            &ctx.activity().personal_data,
            "categories of personal data",
            "\"Name\"",
        );
    }),
};

pub const RECIPIENTS_MISSING: Rule = Rule {
    name: "recipients-missing",
    severity: Severity::Error,
    summary: "an activity does not say who receives the data",
    explanation: "The record must give the categories of recipients the data is or will be \
disclosed to, including recipients abroad (UK GDPR Art 30(1)(d)); processors are recipients \
too (Art 4(9)). List them in `recipients`. When the data really is not shared, write \
`recipients = []`: an empty list records \"none\", while a missing key means nobody has checked. \
When the activity names its processors, they are recipients already recorded (and the export's \
column 6 lists them), so the finding is then only a warning that other recipients — other \
services, partners, regulators — are not recorded.",
    source: "UK GDPR Art 30(1)(d), Art 4(9)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nrecipients = [\"Internal council service teams\", \"Police (on lawful request)\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        if !ctx.is_controller_record() || ctx.activity().recipients.is_some() {
            return;
        }
        if ctx
            .activity()
            .processors
            .as_ref()
            .is_some_and(|p| !p.is_empty())
        {
            out.report(ctx.file(), ctx.at(&[K("recipients")]), "no recipients other than the processors are recorded")
                .help("list any other recipients in `recipients = [\"…\"]`, or write `recipients = []` if only the processors receive the data")
                .severity(Severity::Warning);
            return;
        }
        out.report(ctx.file(), ctx.at(&[K("recipients")]), "no recipients recorded")
            .help("list who receives the data in `recipients = [\"…\"]`, or write `recipients = []` if it is not shared");
    }),
};

pub const RETENTION_MISSING: Rule = Rule {
    name: "retention-missing",
    severity: Severity::Warning,
    summary: "an activity records no retention period",
    explanation: "Where possible, the record must give the time limits for erasure of the \
different categories of data (UK GDPR Art 30(1)(f); ICO template column 10), and data must not \
be kept longer than needed (Art 5(1)(e)). Add a `[[retention]]` table per set of data with \
`data`, `period`, `trigger` and `action`. It is a warning because the Article says \"where possible\".",
    source: "UK GDPR Art 30(1)(f), Art 5(1)(e)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[[retention]]\ndata = \"Call recordings\"\nperiod = \"6 months\"\ntrigger = \"from the date of the call\"\naction = \"delete\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if ctx.is_controller_record() && none_listed(&ctx.activity().retention) {
            out.report(ctx.file(), ctx.at(&[K("retention")]), "no retention period recorded")
                .help("add a [[retention]] table with `data`, `period` (e.g. \"6 months\"), `trigger` and `action`");
        }
    }),
};

pub const RETENTION_VAGUE: Rule = Rule {
    name: "retention-vague",
    severity: Severity::Warning,
    summary: "a retention period is not a period anyone can act on",
    explanation: "A retention period such as \"as long as necessary\" cannot be applied or \
audited; the storage limitation principle (UK GDPR Art 5(1)(e)) and the record's time limits \
(Art 30(1)(f)) need a definite period. Write `period` as a number and unit (\"6 months\", \
\"3 years\"; words and the usual short forms count too: \"one year\", \"6yrs\", \"1 yr\"), the \
records-management form \"Current year + 6 years\", an ISO 8601 duration (\"P6M\"), or \
\"permanent\" for records kept for good (with a `reason`), and put what starts the clock in \
`trigger`.",
    source: "UK GDPR Art 5(1)(e), Art 30(1)(f)",
    fails: &[(
        "activities/casework.toml",
        "name = \"Casework\"\n\n[[retention]]\ndata = \"Case files\"\nperiod = \"as long as necessary\"\n",
    )],
    passes: &[(
        "activities/casework.toml",
        "name = \"Casework\"\n\n[[retention]]\ndata = \"Case files\"\nperiod = \"6 years\"\ntrigger = \"from case closure\"\naction = \"delete\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(entries) = &ctx.activity().retention else {
            return;
        };
        for (i, entry) in entries.iter().enumerate() {
            match &entry.period {
                None => {
                    out.report(ctx.file(), ctx.at(&[K("retention"), I(i)]), "this retention entry gives no period")
                        .help("add `period = \"6 months\"` (a number and days, weeks, months or years), an ISO 8601 period, or \"permanent\"");
                }
                Some(period) if Period::parse(period).is_none() => {
                    out.report(ctx.file(), ctx.at(&[K("retention"), I(i), K("period")]), format!("retention period \"{period}\" is too vague to act on"))
                        .help("write a number and unit such as \"6 months\" or \"3 years\", an ISO 8601 period such as \"P6M\", or \"permanent\"");
                }
                Some(_) => {}
            }
        }
    }),
};

pub const RETENTION_PERMANENT_REASON_MISSING: Rule = Rule {
    name: "retention-permanent-reason-missing",
    severity: Severity::Warning,
    summary: "data kept permanently without saying why",
    explanation: "Personal data may be kept no longer than the purposes need (UK GDPR \
Art 5(1)(e)). Keeping it for good is lawful only for a reason: archiving in the public \
interest, scientific or historical research or statistics, with the Art 89(1) safeguards \
(Art 5(1)(e) second limb), or a law that requires a permanent record — the planning register \
(Town and Country Planning (Development Management Procedure) (England) Order 2015 art 40), \
the register of electors' archive copies, land charges. Say which in `reason` in the \
`[[retention]]` entry, so a reviewer can see that \"permanent\" was decided and not a default.",
    source: "UK GDPR Art 5(1)(e), Art 89(1)",
    fails: &[(
        "activities/planning-applications.toml",
        "name = \"Planning applications\"\n\n[[retention]]\ndata = \"Planning decisions\"\nperiod = \"permanent\"\naction = \"archive\"\n",
    )],
    passes: &[(
        "activities/planning-applications.toml",
        "name = \"Planning applications\"\n\n[[retention]]\ndata = \"Planning decisions\"\nperiod = \"permanent\"\naction = \"archive\"\nreason = \"The planning register is kept permanently (Town and Country Planning (Development Management Procedure) (England) Order 2015 art 40)\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(entries) = &ctx.activity().retention else {
            return;
        };
        for (i, entry) in entries.iter().enumerate() {
            let permanent = entry
                .period
                .as_deref()
                .and_then(Period::parse)
                .is_some_and(|p| p == Period::Permanent);
            if permanent && blank(&entry.reason) {
                out.report(
                    ctx.file(),
                    ctx.at(&[K("retention"), I(i), K("period")]),
                    "this data is kept permanently, but no reason is given",
                )
                .help("add `reason = \"…\"` to the [[retention]] entry: archiving in the public interest (Art 89), or the law that requires a permanent record");
            }
        }
    }),
};

pub const SECURITY_MEASURES_MISSING: Rule = Rule {
    name: "security-measures-missing",
    severity: Severity::Warning,
    summary: "an activity records no security measures",
    explanation: "Where possible, the record must give a general description of the technical \
and organisational security measures (UK GDPR Art 30(1)(g), referring to Art 32(1); ICO template \
column 11). List them in `security_measures`, e.g. \"Role-based access\", \"Encryption at rest\".",
    source: "UK GDPR Art 30(1)(g), Art 32(1)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nsecurity_measures = [\"Role-based access\", \"Encryption in transit and at rest\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        if none_listed(&ctx.activity().security_measures) {
            out.report(
                ctx.file(),
                ctx.at(&[K("security_measures")]),
                "no security measures recorded",
            )
            .help("list them in `security_measures = [\"…\"]`");
        }
    }),
};

pub const OWNER_MISSING: Rule = Rule {
    name: "owner-missing",
    severity: Severity::Warning,
    summary: "an activity has no owner",
    explanation: "Someone must answer for each activity: keep it accurate, review it, and act on \
findings. Naming the responsible post is part of the accountability principle (UK GDPR Art 5(2), \
Art 24). Give the post rather than a person's name, e.g. `owner = \"Customer Services Manager\"`.",
    source: "UK GDPR Art 5(2), Art 24",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nowner = \"Customer Services Manager\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if blank(&ctx.activity().owner) {
            out.report(ctx.file(), ctx.at(&[K("owner")]), "no owner recorded")
                .help("add `owner = \"…\"` naming the post responsible for this activity");
        }
    }),
};

pub const REVIEW_OVERDUE: Rule = Rule {
    name: "review-overdue",
    severity: Severity::Warning,
    summary: "an activity is past its review date",
    explanation: "The record must be kept up to date (UK GDPR Art 24(1): measures are \"reviewed \
and updated where necessary\"; the ICO expects the ROPA to be a living document). An activity is \
due for review on its `next_review` date, or else `last_reviewed` plus the register's \
`[review] interval_months` (12 by default). Review the entry, then update `last_reviewed`.",
    source: "UK GDPR Art 24(1), Art 30",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nlast_reviewed = 2020-01-15\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nlast_reviewed = 2026-06-01\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        let months = ctx.register.review_interval_months();
        let key = if activity.next_review.is_some() {
            "next_review"
        } else {
            "last_reviewed"
        };
        if !activity.review_overdue(months, ctx.today) {
            return;
        }
        if let Some(due) = activity.review_due(months) {
            out.report(
                ctx.file(),
                ctx.at(&[K(key)]),
                format!("review was due on {due}"),
            )
            .help("review this activity, then set `last_reviewed` to the date of the review");
        }
    }),
};

pub const REVIEW_DATE_MISSING: Rule = Rule {
    name: "review-date-missing",
    severity: Severity::Warning,
    summary: "an activity has no review date",
    explanation: "Without `last_reviewed` (or `next_review`), nobody can tell whether the entry \
still describes what happens. Record the date of the last review so `review-overdue` can remind \
you when the next is due (UK GDPR Art 24(1)).",
    source: "UK GDPR Art 24(1)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nlast_reviewed = 2026-06-01\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        if activity.last_reviewed.is_none() && activity.next_review.is_none() {
            out.report(
                ctx.file(),
                ctx.at(&[K("last_reviewed")]),
                "no review date recorded",
            )
            .help("add `last_reviewed = YYYY-MM-DD` with the date this entry was last checked");
        }
    }),
};

pub const SOURCES_MISSING: Rule = Rule {
    name: "sources-missing",
    severity: Severity::Warning,
    summary: "an activity does not say where the data comes from",
    explanation: "When data is not collected from the person, they must be told its source \
(UK GDPR Art 14(2)(f)), and the ICO template records it (column 18). List the sources in \
`sources`, e.g. \"The data subject\", \"A representative acting for the caller\".",
    source: "UK GDPR Art 14(2)(f)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nsources = [\"The data subject\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        if ctx.is_controller_record() && none_listed(&ctx.activity().sources) {
            out.report(
                ctx.file(),
                ctx.at(&[K("sources")]),
                "no sources of the data recorded",
            )
            .help("add `sources = [\"The data subject\"]` and any other sources");
        }
    }),
};

pub const PRIVACY_NOTICE_MISSING: Rule = Rule {
    name: "privacy-notice-missing",
    severity: Severity::Warning,
    summary: "an activity does not link the privacy notice that covers it",
    explanation: "People must be given privacy information (UK GDPR Art 13 and 14); the ICO \
template's privacy notice columns (12-18) exist so the record and the notice stay in step. Link \
the notice that covers this activity in `privacy_notice`.",
    source: "UK GDPR Art 13, Art 14",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\nprivacy_notice = \"https://www.example.gov.uk/privacy/customer-services\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if ctx.is_controller_record() && blank(&ctx.activity().privacy_notice) {
            out.report(
                ctx.file(),
                ctx.at(&[K("privacy_notice")]),
                "no privacy notice linked",
            )
            .help("add `privacy_notice = \"https://…\"`");
        }
    }),
};

pub const NOTICE_ITEM_MISSING: Rule = Rule {
    name: crate::notice::items::NOTICE_ITEM_MISSING,
    severity: Severity::Warning,
    summary: "the register lacks something a privacy notice must say, so `ropa notice` would show \"[not recorded]\"",
    explanation: "A privacy notice must tell people what UK GDPR Art 13 (data collected from them) \
or Art 14 (data obtained elsewhere) lists, and `ropa notice` writes it from the register. This \
rule reports the items that no other rule checks: whether people must give the data and what \
happens if they do not (Art 13(2)(e); `[providing_data]` with `requirement` and, when the data is \
required, `consequences`); whether the data goes outside the UK (Art 13(1)(f); `transfers = []` \
when it does not); and how people can complain to you (`complaints` in `[controller]`: since \
19 June 2026 a controller must have a data protection complaints procedure, Data (Use and \
Access) Act 2025 s.103). The other items (purposes, lawful basis, recipients, retention, sources \
and so on) are reported by their own rules. A processor record (Art 30(2)) is not asked: the \
controller gives the notice.",
    source: "UK GDPR Arts 13-14; DUAA 2025 s.103",
    fails: &[(
        "activities/council-tax-billing.toml",
        "name = \"Council tax billing\"\n",
    )],
    passes: &[
        (
            "ropa.toml",
            "[controller]\nname = \"Example District Council\"\nemail = \"info@example.gov.uk\"\ncomplaints = \"https://example.gov.uk/complaints\"\npublic_authority = true\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
        ),
        (
            "activities/council-tax-billing.toml",
            "name = \"Council tax billing\"\ntransfers = []\n\n[providing_data]\nrequirement = \"statutory\"\nconsequences = \"We may estimate your bill, and you could be fined.\"\n",
        ),
    ],
    check: Check::Register(|ctx, out| {
        use crate::notice::items::{Item, activity_gaps, register_gaps};
        let ours = |item: &Item| item.rule() == crate::notice::items::NOTICE_ITEM_MISSING;
        let message = |item: Item| {
            format!(
                "a privacy notice must say {} ({})",
                item.what(),
                item.article()
            )
        };
        if let Some(config) = &ctx.register.config {
            for item in register_gaps(&config.value).into_iter().filter(ours) {
                let path: Vec<Seg<'_>> = item.path().iter().map(|k| K(k)).collect();
                let span = match config.doc.find(&path) {
                    Some(found) => found.value,
                    None => config.doc.key_span_for(&path[..1]),
                };
                out.report(config.file, span, message(item))
                    .help(item.help());
            }
        }
        // Each activity on its own task (this rule sees the whole register, for ropa.toml's
        // items, so it is not run per activity), then reported in register order.
        let per_activity: Vec<Findings> = ctx
            .register
            .activities
            .par_iter()
            .map(|loaded| {
                let actx = ActivityCtx {
                    register: ctx.register,
                    today: ctx.today,
                    loaded,
                };
                let mut found = Findings::default();
                for item in activity_gaps(&loaded.value).into_iter().filter(ours) {
                    let path: Vec<Seg<'_>> = item.path().iter().map(|k| K(k)).collect();
                    found
                        .report(loaded.file, actx.at(&path), message(item))
                        .help(item.help());
                }
                found
            })
            .collect();
        for found in per_activity {
            out.append(found);
        }
    }),
};

pub const AUTOMATED_DECISION_MAKING_UNDOCUMENTED: Rule = Rule {
    name: "automated-decision-making-undocumented",
    severity: Severity::Warning,
    summary: "an activity does not say whether decisions are automated (an error when used without details)",
    explanation: "Since 5 February 2026 automated decisions are governed by UK GDPR Arts 22A to \
22D (inserted by the Data (Use and Access) Act 2025 s.80, replacing Art 22): a significant \
decision — one with a legal or similarly significant effect, taken with no meaningful human \
involvement (Art 22A) — needs safeguards (Art 22C) and, when it uses special category data, \
explicit consent or a contract or law together with Art 9(2)(g) (Art 22B). People must be told \
such decisions are made, the logic involved and their effects (Art 13(2)(f), 14(2)(g)); the ICO \
template records it (column 17). Add `[automated_decision_making]` with `used = false`, or \
`used = true` and `details` describing the decision, its logic and its effects (and \
`significant`, `safeguards`). Leaving the details out when it is used is an error. A processor \
record (Art 30(2)) is not asked: the controller decides how decisions are made.",
    source: "UK GDPR Arts 22A-22D, Art 13(2)(f)",
    fails: &[(
        "activities/council-tax-reminders.toml",
        "name = \"Council tax reminders\"\n\n[automated_decision_making]\nused = true\n",
    )],
    passes: &[(
        "activities/council-tax-reminders.toml",
        "name = \"Council tax reminders\"\n\n[automated_decision_making]\nused = true\ndetails = \"Reminder letters are issued automatically when an instalment is 14 days late; no further action is taken without an officer's review.\"\n",
    )],
    check: Check::Activity(|ctx, out| match &ctx.activity().automated_decision_making {
        _ if !ctx.is_controller_record() => {}
        None => {
            out.report(ctx.file(), ctx.at(&[K("automated_decision_making")]), "no record of whether automated decision-making is used")
                    .help("add [automated_decision_making] with `used = false`, or `used = true` and `details`");
        }
        Some(adm) => match adm.used {
            None => {
                out.report(
                    ctx.file(),
                    ctx.key_at(&[K("automated_decision_making")]),
                    "[automated_decision_making] does not say whether it is used",
                )
                .help("add `used = true` or `used = false`");
            }
            Some(true) if blank(&adm.details) => {
                out.report(
                    ctx.file(),
                    ctx.at(&[K("automated_decision_making"), K("used")]),
                    "automated decision-making is used but not described",
                )
                .help("add `details = \"…\"` saying what is decided, how, and its effects")
                .severity(Severity::Error);
            }
            Some(_) => {}
        },
    }),
};

/// The example values the `ropa init` and `ropa new` templates show, which mean "fill this in"
/// when they are left in a file. A test checks each is in a template.
pub const PLACEHOLDERS: &[&str] = &[
    "Your organisation",
    "Street, Town, Postcode",
    "dpo@example.org",
    "01234 567890",
    "Z0000000",
    "What happens to the data, in a sentence or two.",
    "Why the data is processed",
    "The Act and section that gives the power or duty",
    "What it does for you",
    "privacy@example.com",
    "Link to the data processing agreement (Art 28)",
];

pub const PLACEHOLDER_VALUE: Rule = Rule {
    name: "placeholder-value",
    severity: Severity::Warning,
    summary: "a value is still the example from the template",
    explanation: "`ropa init` and `ropa new` write templates with example values such as \
\"Street, Town, Postcode\" or \"The Act and section that gives the power or duty\". A value left \
unchanged is not a record of anything: the Article 30 record must hold the real details. Replace \
it with the real value, or remove the line if it is not known yet (the rule that needs it then \
says so).",
    source: "UK GDPR Art 30(1)",
    fails: &[(
        "ropa.toml",
        "[controller]\nname = \"Example District Council\"\naddress = \"Street, Town, Postcode\"\nemail = \"info@example.gov.uk\"\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )],
    passes: &[(
        "ropa.toml",
        "[controller]\nname = \"Example District Council\"\naddress = \"Council Offices, Station Road, Exampleton, EX1 1AA\"\nemail = \"info@example.gov.uk\"\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )],
    check: Check::Register(|ctx, out| {
        let register = ctx.register;
        report_placeholders_in(out, register, register.config.as_slice());
        report_placeholders_in(out, register, &register.activities);
        report_placeholders_in(out, register, &register.processors);
    }),
};

/// Reports the placeholders in `files`. Most files hold none: one search of each file's text
/// for all of them (on every core) rules a file out before any value is looked at.
fn report_placeholders_in<T: serde::Serialize + Sync>(
    out: &mut Findings,
    register: &crate::model::Register,
    files: &[crate::model::Loaded<T>],
) {
    let holding: Vec<_> = files
        .par_iter()
        .filter(|f| placeholder_search().is_match(register.files.text(f.file)))
        .collect();
    for f in holding {
        report_placeholders(out, f.file, &f.doc, &f.value);
    }
}

/// A search for all of the [`PLACEHOLDERS`] at once, built on first use. Only whether a file
/// holds one matters, so the match kind is free: leftmost-first lets the search use its SIMD
/// prefilter (Teddy), which made the pass over 10,000 files four times faster (16 ms to 4 ms).
fn placeholder_search() -> &'static aho_corasick::AhoCorasick {
    static SEARCH: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    SEARCH.get_or_init(|| {
        #[allow(clippy::expect_used)]
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(PLACEHOLDERS)
            .expect("a handful of short literal patterns is always within the search's limits")
    })
}

/// Reports every text value of a file that is one of the [`PLACEHOLDERS`].
fn report_placeholders<T: serde::Serialize>(
    out: &mut Findings,
    file: FileId,
    doc: &crate::document::Document,
    value: &T,
) {
    let Ok(json) = serde_json::to_value(value) else {
        return;
    };
    let mut path: Vec<Seg<'_>> = Vec::new();
    walk_strings(&json, &mut path, &mut |path, text| {
        if PLACEHOLDERS.contains(&text.trim()) {
            out.report(
                file,
                doc.span_for(path),
                format!("`{text}` is the template's example, not a real value"),
            )
            .help("replace it with the real value, or remove the line until it is known");
        }
    });
}

fn walk_strings<'v>(
    value: &'v serde_json::Value,
    path: &mut Vec<Seg<'v>>,
    found: &mut dyn FnMut(&[Seg<'_>], &str),
) {
    match value {
        serde_json::Value::String(text) => found(path, text),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk_strings(item, path, found);
                path.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                path.push(Seg::Key(key));
                walk_strings(item, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod placeholder_tests {
    #[test]
    fn every_placeholder_is_in_a_template() {
        let templates = [
            include_str!("../../templates/ropa.toml"),
            include_str!("../../templates/activity.toml"),
            include_str!("../../templates/processor.toml"),
            include_str!("../../commands/init.rs"),
        ];
        for placeholder in super::PLACEHOLDERS {
            assert!(
                templates.iter().any(|t| t.contains(placeholder)),
                "{placeholder} is in no template"
            );
        }
    }
}
