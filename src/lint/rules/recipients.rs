//! Recipients, processors and transfers: who else handles the data, under what contract, and
//! how it leaves the UK.

use crate::lint::prelude::*;
use crate::load::did_you_mean;
use crate::model::Transfer;
use crate::vocab::{ADEQUACY_AS_OF, Adequacy, Role, TransferMechanism, adequacy_for};

pub static RULES: &[&Rule] = &[
    &UNKNOWN_PROCESSOR,
    &UNUSED_PROCESSOR,
    &PROCESSOR_CONTRACT_MISSING,
    &PROCESSOR_CONTRACT_EXPIRED,
    &TRANSFER_DESTINATION_MISSING,
    &TRANSFER_MECHANISM_MISSING,
    &EXCEPTIONAL_TRANSFER_SAFEGUARDS_MISSING,
    &TRANSFER_RISK_ASSESSMENT_MISSING,
    &PROCESSOR_TRANSFER_UNRECORDED,
    &ADEQUACY_NOT_APPLICABLE,
    &JOINT_CONTROLLER_UNDOCUMENTED,
    &PROCESSOR_RECORD_INCOMPLETE,
];

/// The processor file the examples share: a UK call recording supplier with a current contract.
const ROSTRVM: &str = "name = \"Rostrvm Solutions Ltd\"\nservice = \"Call recording and storage\"\ncontact = \"privacy@rostrvm.example\"\ncontract = \"https://www.example.gov.uk/contracts/rostrvm-data-processing-agreement.pdf\"\ncontract_expires = 2027-03-31\ncountries = [\"GB\"]\n";

/// How to name a transfer entry in a message: by its country, else its recipient, else its place.
fn transfer_label(transfer: &Transfer, i: usize) -> String {
    match (&transfer.country, &transfer.recipient) {
        (Some(country), _) => format!("the transfer to {}", country.0),
        (None, recipient) if !blank(recipient) => {
            format!(
                "the transfer to {}",
                recipient.as_deref().unwrap_or_default().trim()
            )
        }
        _ => format!("[[transfers]] entry {}", i + 1),
    }
}

/// Whether a transfer names this country.
fn goes_to(transfer: &Transfer, country: &str) -> bool {
    transfer.country.as_ref().is_some_and(|c| c.0 == country)
}

pub const UNKNOWN_PROCESSOR: Rule = Rule {
    name: "unknown-processor",
    severity: Severity::Error,
    summary: "an activity names a processor that has no file in processors/",
    explanation: "Each id in an activity's `processors` list refers to a file \
`processors/<id>.toml` that records who the processor is, what it does, where it processes the \
data and the contract that governs it (UK GDPR Art 28). Processors are recipients, and the record \
must give the categories of recipients (Art 30(1)(d), Art 4(9)). An id with no file is usually a \
typing mistake; otherwise the processor has never been written up, so its contract and locations \
are unchecked. Correct the id, or create the file with `ropa new processor <id>`.",
    source: "UK GDPR Art 28, Art 30(1)(d)",
    fails: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrum\"]\n",
        ),
        ("processors/rostrvm.toml", ROSTRVM),
    ],
    passes: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrvm\"]\n",
        ),
        ("processors/rostrvm.toml", ROSTRVM),
    ],
    check: Check::Activity(|ctx, out| {
        let Some(ids) = &ctx.activity().processors else {
            return;
        };
        for (i, id) in ids.iter().enumerate() {
            let id = id.0.as_str();
            if ctx.register.processor(id).is_some() {
                continue;
            }
            let near = ctx.register.remembered_for_unknown_processor(id, || {
                let known = ctx.register.processors.iter().map(|p| p.id.as_str());
                did_you_mean(id, known).map(str::to_string)
            });
            let help = match near {
                Some(near) => format!(
                    "did you mean `{near}`? If not, create processors/{id}.toml with `ropa new processor {id}`"
                ),
                None => format!(
                    "create processors/{id}.toml with `ropa new processor {id}`, or correct the id"
                ),
            };
            out.report(
                ctx.file(),
                ctx.at(&[K("processors"), I(i)]),
                format!("processor `{id}` has no file in processors/"),
            )
            .help(help);
        }
    }),
};

pub const UNUSED_PROCESSOR: Rule = Rule {
    name: "unused-processor",
    severity: Severity::Warning,
    summary: "a processor file is not used by any activity",
    explanation: "A file in processors/ that no activity lists in its `processors` is either a \
supplier you no longer use, or a supplier an activity forgot to list. In the first case the \
record shows a recipient that no longer receives anything, and the contract should have ended \
with the data returned or deleted (UK GDPR Art 28(3)(g)); in the second the activity's recipients \
are incomplete (Art 30(1)(d)). Add the processor's id to `processors` in each activity that uses \
it, or delete the file. This rule keeps the register honest rather than applying one Article.",
    source: "UK GDPR Art 30(1)(d), Art 5(2)",
    fails: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\n",
        ),
        ("processors/rostrvm.toml", ROSTRVM),
    ],
    passes: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrvm\"]\n",
        ),
        ("processors/rostrvm.toml", ROSTRVM),
    ],
    check: Check::Register(|ctx, out| {
        for loaded in &ctx.register.processors {
            let used = ctx.register.users_of(&loaded.id).next().is_some();
            if !used {
                out.report(loaded.file, loaded.doc.key_span_for(&[K("name")]), format!("processor `{}` is not used by any activity", loaded.id))
                    .help(format!("add \"{}\" to `processors` in each activity that uses it, or delete processors/{}.toml if it no longer works for you", loaded.id, loaded.id));
            }
        }
    }),
};

pub const PROCESSOR_CONTRACT_MISSING: Rule = Rule {
    name: "processor-contract-missing",
    severity: Severity::Error,
    summary: "a processor has no contract recorded",
    explanation: "Processing by a processor must be governed by a contract (or other legal act) \
that binds the processor to act only on your documented instructions and sets out the terms \
listed in UK GDPR Art 28(3). The ICO template records a link to it (column 7). Put the link or \
the contracts register reference in `contract`. If the organisation is not your processor but \
another controller you share data with, link the data sharing agreement instead.",
    source: "UK GDPR Art 28(3)",
    fails: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrvm\"]\n",
        ),
        (
            "processors/rostrvm.toml",
            "name = \"Rostrvm Solutions Ltd\"\nservice = \"Call recording and storage\"\ncountries = [\"GB\"]\n",
        ),
    ],
    passes: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrvm\"]\n",
        ),
        (
            "processors/rostrvm.toml",
            "name = \"Rostrvm Solutions Ltd\"\nservice = \"Call recording and storage\"\ncontract = \"https://www.example.gov.uk/contracts/rostrvm-data-processing-agreement.pdf\"\ncountries = [\"GB\"]\n",
        ),
    ],
    check: Check::Processor(|ctx, out| {
        if !ctx.processor().has_contract() {
            let id = &ctx.loaded.id;
            out.report(ctx.file(), ctx.at(&[K("contract")]), format!("processor `{id}` has no contract recorded"))
                .help("add `contract = \"…\"` with a link to the Art 28 data processing contract, or its reference in the contracts register");
        }
    }),
};

pub const PROCESSOR_CONTRACT_EXPIRED: Rule = Rule {
    name: "processor-contract-expired",
    severity: Severity::Warning,
    summary: "a processor's contract has passed its expiry date",
    explanation: "A processor may process your data only under a contract (UK GDPR Art 28(3)). \
When `contract_expires` has passed, either the contract was renewed and the record is out of \
date, or the processor is working without a contract. Check which: record the renewed contract \
and its new expiry date, or end the arrangement, make sure the data is returned or deleted \
(Art 28(3)(g)), and remove the processor from its activities.",
    source: "UK GDPR Art 28(3)",
    fails: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrvm\"]\n",
        ),
        (
            "processors/rostrvm.toml",
            "name = \"Rostrvm Solutions Ltd\"\nservice = \"Call recording and storage\"\ncontract = \"https://www.example.gov.uk/contracts/rostrvm-data-processing-agreement.pdf\"\ncontract_expires = 2026-03-31\ncountries = [\"GB\"]\n",
        ),
    ],
    passes: &[
        (
            "activities/call-recording.toml",
            "name = \"Call recording\"\nprocessors = [\"rostrvm\"]\n",
        ),
        (
            "processors/rostrvm.toml",
            "name = \"Rostrvm Solutions Ltd\"\nservice = \"Call recording and storage\"\ncontract = \"https://www.example.gov.uk/contracts/rostrvm-data-processing-agreement-2026.pdf\"\ncontract_expires = 2029-03-31\ncountries = [\"GB\"]\n",
        ),
    ],
    check: Check::Processor(|ctx, out| {
        let Some(expires) = ctx.processor().contract_expires else {
            return;
        };
        if ctx.processor().contract_expired(ctx.today) {
            let id = &ctx.loaded.id;
            out.report(ctx.file(), ctx.at(&[K("contract_expires")]), format!("the contract with processor `{id}` expired on {expires}"))
                .help("record the renewed contract in `contract` and its new `contract_expires` date; if the processor no longer works for you, remove it from its activities and delete this file");
        }
    }),
};

pub const TRANSFER_DESTINATION_MISSING: Rule = Rule {
    name: "transfer-destination-missing",
    severity: Severity::Error,
    summary: "a transfer does not name the country the data goes to",
    explanation: "Where personal data is transferred outside the UK, the record must name the \
third country or international organisation it goes to (UK GDPR Art 30(1)(e); ICO template \
column 8). Without it nobody can check whether the transfer mechanism fits the destination. Give \
the destination in `country` as a two-letter ISO 3166-1 code in capitals, e.g. \"US\" or \"IN\".",
    source: "UK GDPR Art 30(1)(e)",
    fails: &[(
        "activities/website-analytics.toml",
        "name = \"Website analytics\"\n\n[[transfers]]\nrecipient = \"Google LLC (Google Analytics)\"\nmechanism = \"adequacy\"\n",
    )],
    passes: &[(
        "activities/website-analytics.toml",
        "name = \"Website analytics\"\n\n[[transfers]]\ncountry = \"US\"\nrecipient = \"Google LLC (Google Analytics)\"\nmechanism = \"adequacy\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(transfers) = &ctx.activity().transfers else {
            return;
        };
        for (i, transfer) in transfers.iter().enumerate() {
            if transfer.country.is_none() {
                out.report(ctx.file(), ctx.at(&[K("transfers"), I(i)]), format!("{} does not name the destination country", transfer_label(transfer, i)))
                    .help("add `country = \"…\"` with the two-letter code of the country the data goes to, e.g. \"US\"");
            }
        }
    }),
};

pub const TRANSFER_MECHANISM_MISSING: Rule = Rule {
    name: "transfer-mechanism-missing",
    severity: Severity::Error,
    summary: "a transfer does not say what makes it lawful",
    explanation: "Personal data may leave the UK only if the transfer is approved by UK adequacy \
regulations, is made subject to appropriate safeguards such as the International Data Transfer \
Agreement, the UK Addendum to the EU standard contractual clauses or binding corporate rules, or \
falls within one of the derogations for specific situations (UK GDPR Chapter V, Art 44A-49). \
Record which one the transfer relies on in `mechanism`: `adequacy`, `idta`, `uk-addendum`, \
`bcr`, `other-safeguard` or `derogation`. A transfer to GB is not a transfer at all: remove such \
an entry and list the recipient in `recipients`.",
    source: "UK GDPR Chapter V (Art 44A-49)",
    fails: &[(
        "activities/website-analytics.toml",
        "name = \"Website analytics\"\n\n[[transfers]]\ncountry = \"US\"\nrecipient = \"Google LLC (Google Analytics)\"\n",
    )],
    passes: &[(
        "activities/website-analytics.toml",
        "name = \"Website analytics\"\n\n[[transfers]]\ncountry = \"US\"\nrecipient = \"Google LLC (Google Analytics)\"\nmechanism = \"adequacy\"   # certified to the UK Extension of the EU-US Data Privacy Framework\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(transfers) = &ctx.activity().transfers else {
            return;
        };
        for (i, transfer) in transfers.iter().enumerate() {
            if transfer.mechanism.is_some() {
                continue;
            }
            if goes_to(transfer, "GB") {
                out.report(ctx.file(), ctx.at(&[K("transfers"), I(i), K("country")]), "this [[transfers]] entry names GB, the UK itself, and gives no mechanism")
                    .help("data kept in the UK is not a restricted transfer: remove this entry and list the recipient in `recipients`");
            } else {
                out.report(ctx.file(), ctx.at(&[K("transfers"), I(i)]), format!("{} gives no transfer mechanism", transfer_label(transfer, i)))
                    .help("add `mechanism = \"…\"`: one of adequacy, idta, uk-addendum, bcr, other-safeguard or derogation");
            }
        }
    }),
};

pub const EXCEPTIONAL_TRANSFER_SAFEGUARDS_MISSING: Rule = Rule {
    name: "exceptional-transfer-safeguards-missing",
    severity: Severity::Error,
    summary: "an exceptional (derogation) transfer records no safeguards",
    explanation: "A transfer made under an Article 49 derogation has neither adequacy nor \
appropriate safeguards behind it, so the record must document the suitable safeguards put in \
place (UK GDPR Art 30(1)(e), Art 49(1) second subparagraph and Art 49(6); ICO template \
column 9). In `safeguards`, say which derogation applies (e.g. important reasons of public \
interest, Art 49(1)(d)), why the transfer is necessary, and what limits it: the data sent, who \
approved it, how it is sent. Strictly, the Article asks for the safeguards of the \"compelling \
legitimate interests\" transfer of the second subparagraph; recording them for every derogation \
is how a reviewer can tell the transfer was assessed. Note that a council acting in the exercise \
of its public powers cannot rely on consent, the contract derogations or compelling legitimate \
interests (Art 49(3)).",
    source: "UK GDPR Art 30(1)(e), Art 49(1), Art 49(6)",
    fails: &[(
        "activities/overseas-placement-checks.toml",
        "name = \"Overseas placement checks\"\n\n[[transfers]]\ncountry = \"AU\"\nrecipient = \"Department of Communities and Justice, New South Wales\"\nmechanism = \"derogation\"\n",
    )],
    passes: &[(
        "activities/overseas-placement-checks.toml",
        "name = \"Overseas placement checks\"\n\n[[transfers]]\ncountry = \"AU\"\nrecipient = \"Department of Communities and Justice, New South Wales\"\nmechanism = \"derogation\"\nsafeguards = \"Art 49(1)(d) important reasons of public interest (child protection). One-off disclosure approved by the Head of Children's Services; only the information needed for the placement assessment; sent by encrypted email.\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(transfers) = &ctx.activity().transfers else {
            return;
        };
        for (i, transfer) in transfers.iter().enumerate() {
            if transfer.mechanism == Some(TransferMechanism::Derogation)
                && blank(&transfer.safeguards)
            {
                out.report(ctx.file(), ctx.at(&[K("transfers"), I(i), K("mechanism")]), format!("{} relies on an Art 49 derogation but records no safeguards", transfer_label(transfer, i)))
                    .help("add `safeguards = \"…\"` naming the Art 49(1) derogation relied on and the safeguards that limit the transfer");
            }
        }
    }),
};

pub const TRANSFER_RISK_ASSESSMENT_MISSING: Rule = Rule {
    name: "transfer-risk-assessment-missing",
    severity: Severity::Warning,
    summary: "a transfer under Art 46 safeguards links no transfer risk assessment (the data protection test)",
    explanation: "Since 5 February 2026 (Data (Use and Access) Act 2025 s.85 and Sch 7), a \
transfer made under Article 46 appropriate safeguards — the International Data Transfer \
Agreement, the UK Addendum, binding corporate rules or another Art 46 instrument — is lawful \
only where the controller, acting reasonably and proportionately, has considered that the \
\"data protection test\" is met: that the standard of protection for the data in the \
destination is not materially lower than in the UK (UK GDPR Art 46(1A)). The ICO expects that \
consideration to be documented, usually as a transfer risk assessment. Link it with \
`risk_assessment = \"…\"` in the `[[transfers]]` entry. Adequacy and Art 49 derogations do \
not need it. A warning, since the Act asks for the consideration, not a particular document.",
    source: "UK GDPR Art 46(1A) (Data (Use and Access) Act 2025 s.85, Sch 7)",
    fails: &[(
        "activities/email-filtering.toml",
        "name = \"Email filtering\"\n\n[[transfers]]\ncountry = \"IN\"\nrecipient = \"Cloud email filtering\"\nmechanism = \"idta\"\n",
    )],
    passes: &[(
        "activities/email-filtering.toml",
        "name = \"Email filtering\"\n\n[[transfers]]\ncountry = \"IN\"\nrecipient = \"Cloud email filtering\"\nmechanism = \"idta\"\nrisk_assessment = \"https://www.example.gov.uk/transfers/email-filtering-tra.pdf\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(transfers) = &ctx.activity().transfers else {
            return;
        };
        for (i, transfer) in transfers.iter().enumerate() {
            let article46 = matches!(
                transfer.mechanism,
                Some(
                    TransferMechanism::Idta
                        | TransferMechanism::UkAddendum
                        | TransferMechanism::Bcr
                        | TransferMechanism::OtherSafeguard
                )
            );
            if article46 && blank(&transfer.risk_assessment) {
                out.report(
                    ctx.file(),
                    ctx.at(&[K("transfers"), I(i), K("mechanism")]),
                    format!(
                        "{} relies on Art 46 safeguards but links no transfer risk assessment",
                        transfer_label(transfer, i)
                    ),
                )
                .help("add `risk_assessment = \"…\"` linking the record that the data protection test (Art 46(1A)) was considered for this transfer");
            }
        }
    }),
};

pub const PROCESSOR_TRANSFER_UNRECORDED: Rule = Rule {
    name: "processor-transfer-unrecorded",
    severity: Severity::Error,
    summary: "a processor works in a country outside the UK that the activity records no transfer to",
    explanation: "When a processor you use processes the data outside the UK, the data is \
transferred there, and the transfer needs a lawful mechanism (UK GDPR Chapter V) and a place in \
the record (Art 30(1)(e)). The processor's file lists where it processes data in `countries`, \
and where its sub-processors do in `sub_processors` entries written as tables \
(`{ name = \"…\", countries = [\"US\"] }`); for each country other than GB, the activities that use it need a `[[transfers]]` entry with \
that `country`, the `recipient` and the `mechanism`. Countries covered by UK adequacy, such as \
Ireland, still count: adequacy is the mechanism, not an exemption from recording the transfer. \
If the processor keeps this activity's data in the UK only, narrow its `countries`, or waive \
the rule for this activity with the reason.",
    source: "UK GDPR Chapter V, Art 30(1)(e)",
    fails: &[
        (
            "activities/website-analytics.toml",
            "name = \"Website analytics\"\nprocessors = [\"google\"]\n\n[[transfers]]\ncountry = \"IE\"\nrecipient = \"Google Ireland Limited\"\nmechanism = \"adequacy\"\n",
        ),
        (
            "processors/google.toml",
            "name = \"Google Ireland Limited\"\nservice = \"Google Analytics 4\"\ncontract = \"https://business.safety.google/adsprocessorterms/\"\ncountries = [\"IE\", \"US\"]\n",
        ),
    ],
    passes: &[
        (
            "activities/website-analytics.toml",
            "name = \"Website analytics\"\nprocessors = [\"google\"]\n\n[[transfers]]\ncountry = \"IE\"\nrecipient = \"Google Ireland Limited\"\nmechanism = \"adequacy\"\n\n[[transfers]]\ncountry = \"US\"\nrecipient = \"Google LLC\"\nmechanism = \"adequacy\"   # certified to the UK Extension of the EU-US Data Privacy Framework\n",
        ),
        (
            "processors/google.toml",
            "name = \"Google Ireland Limited\"\nservice = \"Google Analytics 4\"\ncontract = \"https://business.safety.google/adsprocessorterms/\"\ncountries = [\"IE\", \"US\"]\n",
        ),
    ],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        let Some(ids) = &activity.processors else {
            return;
        };
        let transfers = activity.transfers.as_deref().unwrap_or(&[]);
        for (i, id) in ids.iter().enumerate() {
            let Some(processor) = ctx.register.processor(&id.0) else {
                continue;
            };
            // The processor's own countries and its sub-processors'.
            for country in processor
                .value
                .all_countries()
                .into_iter()
                .filter(|c| *c != "GB")
            {
                if !transfers.iter().any(|t| goes_to(t, country)) {
                    let own = processor
                        .value
                        .countries
                        .iter()
                        .flatten()
                        .any(|c| c.0 == country);
                    let who = if own {
                        format!("processor `{}`", id.0)
                    } else {
                        format!("a sub-processor of processor `{}`", id.0)
                    };
                    out.report(ctx.file(), ctx.at(&[K("processors"), I(i)]), format!("{who} processes data in {country}, but no transfer to {country} is recorded"))
                        .help(format!("add a [[transfers]] entry with `country = \"{country}\"`, the `recipient` there and the `mechanism`"));
                }
            }
        }
    }),
};

pub const ADEQUACY_NOT_APPLICABLE: Rule = Rule {
    name: "adequacy-not-applicable",
    severity: Severity::Warning,
    summary: "a transfer relies on adequacy for a country UK adequacy regulations do not cover, or cover only in part without saying the recipient is inside it",
    explanation: "A transfer can rely on adequacy only when UK regulations approve transfers to \
that country (made under DPA 2018 s.17A and UK GDPR Art 45 until 5 February 2026, now under \
UK GDPR Art 45A; the earlier regulations continue in force). ropa keeps a dated list of them: \
the EEA (with Åland and the French outermost regions, which are in the EU), Gibraltar, Andorra, \
Argentina, the Faroe Islands, Guernsey, the Isle of Man, Israel, Jersey, New Zealand, \
Switzerland and Uruguay in full, and four countries in part: Canada (CA) only for commercial \
organisations subject to PIPEDA, Japan (JP) only for the private sector, South Korea (KR) only \
for recipients subject to its Personal Information Protection Act (SI 2022/1213), and the \
United States (US) only for organisations certified to the UK Extension of the EU-US Data \
Privacy Framework. For a partly covered country the record must say that the recipient is \
inside the covered part: write how in `adequacy_scope` (ropa cannot check it, so it asks). \
For any other country, record the mechanism actually used, such as an \
International Data Transfer Agreement (`idta`). GB needs no mechanism: keeping data in the UK is \
not a transfer. If new regulations were made after the list's date, waive the rule naming them.",
    source: "UK GDPR Art 45A (formerly DPA 2018 s.17A, UK GDPR Art 45)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[[transfers]]\ncountry = \"IN\"\nrecipient = \"Speech analytics supplier (transcription)\"\nmechanism = \"adequacy\"\n\n[[transfers]]\ncountry = \"GB\"\nrecipient = \"Rostrvm Solutions Ltd\"\nmechanism = \"adequacy\"\n\n[[transfers]]\ncountry = \"KR\"\nrecipient = \"Translation service\"\nmechanism = \"adequacy\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[[transfers]]\ncountry = \"IN\"\nrecipient = \"Speech analytics supplier (transcription)\"\nmechanism = \"idta\"\nrisk_assessment = \"https://www.example.gov.uk/ig/tra-speech-analytics.pdf\"\n\n[[transfers]]\ncountry = \"KR\"\nrecipient = \"Translation service\"\nmechanism = \"adequacy\"\nadequacy_scope = \"A Korean company subject to the Personal Information Protection Act\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(transfers) = &ctx.activity().transfers else {
            return;
        };
        for (i, transfer) in transfers.iter().enumerate() {
            if transfer.mechanism != Some(TransferMechanism::Adequacy) {
                continue;
            }
            let Some(country) = &transfer.country else {
                continue;
            };
            let country = country.0.as_str();
            match adequacy_for(country) {
                Adequacy::None => {
                    out.report(ctx.file(), ctx.at(&[K("transfers"), I(i), K("mechanism")]), format!("the transfer to {country} relies on adequacy, but no UK adequacy regulations cover {country} (list as of {ADEQUACY_AS_OF})"))
                        .help("record the mechanism actually relied on, such as `idta` or `uk-addendum`; if adequacy regulations for this country are newer than the list, waive this rule naming them");
                }
                Adequacy::Domestic => {
                    out.report(ctx.file(), ctx.at(&[K("transfers"), I(i), K("country")]), "the transfer to GB relies on adequacy, but GB is the UK itself, so this is not a transfer")
                        .help("remove this [[transfers]] entry and list the recipient in `recipients`");
                }
                Adequacy::Partial(scope) if blank(&transfer.adequacy_scope) => {
                    out.report(ctx.file(), ctx.at(&[K("transfers"), I(i), K("mechanism")]), format!("UK adequacy covers {country} only for {scope}, and the record does not say the recipient is one"))
                        .help(format!("add `adequacy_scope = \"…\"` to the [[transfers]] entry saying how the recipient is covered, e.g. for {country}: {scope}; otherwise record the mechanism actually used, such as `idta`"));
                }
                Adequacy::Full | Adequacy::Partial(_) => {}
            }
        }
    }),
};

pub const JOINT_CONTROLLER_UNDOCUMENTED: Rule = Rule {
    name: "joint-controller-undocumented",
    severity: Severity::Error,
    summary: "a joint-controller activity does not name the other controller and the arrangement",
    explanation: "When two organisations decide together why and how data is processed, they are \
joint controllers and must set out their respective responsibilities in an arrangement, whose \
essence is made available to the people concerned (UK GDPR Art 26). The record must give the \
name and contact details of the joint controller (Art 30(1)(a); ICO template column 3). Fill in \
`[joint_controller]` with `name`, `contact` and `arrangement` (a link to the agreement).",
    source: "UK GDPR Art 26, Art 30(1)(a)",
    fails: &[(
        "activities/household-support-fund.toml",
        "name = \"Household Support Fund\"\nrole = \"joint-controller\"\n\n[joint_controller]\nname = \"Leicestershire County Council\"\n",
    )],
    passes: &[(
        "activities/household-support-fund.toml",
        "name = \"Household Support Fund\"\nrole = \"joint-controller\"\n\n[joint_controller]\nname = \"Leicestershire County Council\"\ncontact = \"Data Protection Officer, Leicestershire County Council, County Hall, Glenfield, Leicester\"\narrangement = \"https://www.example.gov.uk/agreements/household-support-fund-joint-controller-arrangement.pdf\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        if activity.role() != Role::JointController {
            return;
        }
        let Some(joint) = &activity.joint_controller else {
            out.report(ctx.file(), ctx.at(&[K("role")]), "this activity is run jointly, but no [joint_controller] is recorded")
                .help("add [joint_controller] with the other controller's `name`, `contact` and `arrangement` (a link to the Art 26 arrangement)");
            return;
        };
        let missing: Vec<&str> = [
            ("name", &joint.name),
            ("contact", &joint.contact),
            ("arrangement", &joint.arrangement),
        ]
        .into_iter()
        .filter(|(_, value)| blank(value))
        .map(|(key, _)| key)
        .collect();
        if !missing.is_empty() {
            let plain: Vec<String> = missing.iter().map(|k| k.to_string()).collect();
            let quoted: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
            out.report(
                ctx.file(),
                ctx.key_at(&[K("joint_controller")]),
                format!("[joint_controller] gives no {}", join_words(&plain, "or")),
            )
            .help(format!(
                "add {} to [joint_controller]; `arrangement` links the Art 26 arrangement",
                join_words(&quoted, "and")
            ));
        }
    }),
};

pub const PROCESSOR_RECORD_INCOMPLETE: Rule = Rule {
    name: "processor-record-incomplete",
    severity: Severity::Error,
    summary: "an activity done as a processor does not say which controller it is done for, or what is done",
    explanation: "When the council processes data on behalf of another organisation, it keeps a \
processor record (UK GDPR Art 30(2)) instead of the controller record: the name and contact \
details of each controller it acts for (Art 30(2)(a) — a name alone is not enough) and the \
categories of processing carried out for each (Art 30(2)(b)). Add a `[[controllers]]` table per \
controller with `name`, `contact` and `processing`. The processor's own name and contact \
details, and its DPO's, are the register's `[controller]` and `[dpo]` in ropa.toml.",
    source: "UK GDPR Art 30(2)(a)-(b)",
    fails: &[
        (
            "activities/universal-credit-support.toml",
            "name = \"Universal Credit assisted digital support\"\nrole = \"processor\"\n\n[[controllers]]\nname = \"Department for Work and Pensions\"\n",
        ),
        (
            "activities/universal-credit-support.toml",
            "name = \"Universal Credit assisted digital support\"\nrole = \"processor\"\n\n[[controllers]]\nname = \"Department for Work and Pensions\"\nprocessing = [\"Helping claimants make and maintain online Universal Credit claims\"]\n",
        ),
    ],
    passes: &[(
        "activities/universal-credit-support.toml",
        "name = \"Universal Credit assisted digital support\"\nrole = \"processor\"\n\n[[controllers]]\nname = \"Department for Work and Pensions\"\ncontact = \"DWP Data Protection Officer, Caxton House, Tothill Street, London SW1H 9NA\"\nprocessing = [\"Helping claimants make and maintain online Universal Credit claims\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        if activity.role() != Role::Processor {
            return;
        }
        let controllers = activity.controllers.as_deref().unwrap_or(&[]);
        if controllers.is_empty() {
            out.report(ctx.file(), ctx.at(&[K("role")]), "this activity is done as a processor, but no controller it is done for is recorded")
                .help("add a [[controllers]] table with the controller's `name`, `contact` and the `processing` done for it");
            return;
        }
        for (i, controller) in controllers.iter().enumerate() {
            let no_name = blank(&controller.name);
            let who = match &controller.name {
                Some(name) if !no_name => format!("the controller entry for {}", name.trim()),
                _ => format!("[[controllers]] entry {}", i + 1),
            };
            // Art 30(2)(a): the name *and* contact details; (b): the processing.
            let missing: Vec<(&str, &str)> = [
                (no_name, ("a name", "`name = \"…\"`")),
                (blank(&controller.contact), ("contact details", "`contact = \"…\"` (the controller's or its DPO's address, email or telephone)")),
                (none_listed(&controller.processing), ("categories of processing", "`processing = [\"…\"]` listing what is done for it")),
            ]
            .into_iter()
            .filter(|(missing, _)| *missing)
            .map(|(_, words)| words)
            .collect();
            if missing.is_empty() {
                continue;
            }
            let what: Vec<String> = missing.iter().map(|(w, _)| w.to_string()).collect();
            let add: Vec<String> = missing.iter().map(|(_, a)| a.to_string()).collect();
            out.report(
                ctx.file(),
                ctx.at(&[K("controllers"), I(i)]),
                format!("{who} gives no {}", join_words(&what, "and no")),
            )
            .help(format!("add {}", join_words(&add, "and")));
        }
    }),
};
