//! Rights, DPIAs and breaches: what people are told they can ask for, whether the risks were
//! assessed, and whether breaches were written down.

use crate::lint::prelude::*;
use crate::vocab::{
    AdmSafeguard, Article6Basis, Article9Condition, Right, SpecialCategory, Vocabulary,
    bases_giving, rights_for_bases,
};

pub static RULES: &[&Rule] = &[
    &RIGHTS_INCONSISTENT_WITH_BASIS,
    &AUTOMATED_DECISION_SPECIAL_CATEGORY,
    &AUTOMATED_DECISION_SAFEGUARDS_MISSING,
    &AUTOMATED_DECISION_RECOGNISED_LEGITIMATE_INTEREST,
    &DPIA_SCREENING_INDICATES_REQUIRED,
    &DPIA_INCOMPLETE,
    &BREACH_RECORD_MISSING,
];

/// The activity's automated decision-making, when significant decisions are made and the
/// record is the controller's.
fn significant_decisions<'a>(
    ctx: &ActivityCtx<'a>,
) -> Option<&'a crate::model::AutomatedDecisionMaking> {
    let adm = ctx.activity().automated_decision_making.as_ref()?;
    (ctx.is_controller_record() && adm.significant_decisions()).then_some(adm)
}

const SCORED_CLAIMS: &str = "name = \"Housing benefit risk scoring\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Social Security Administration Act 1992\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n\n[automated_decision_making]\nused = true\ndetails = \"Claims are scored automatically and low-risk claims are paid without review\"\nsafeguards = [\"informed\", \"representations\", \"human-intervention\", \"contest\"]\n";

pub const AUTOMATED_DECISION_SPECIAL_CATEGORY: Rule = Rule {
    name: "automated-decision-special-category",
    severity: Severity::Error,
    summary: "a significant automated decision uses special category data without explicit consent, or contract or law with Art 9(2)(g)",
    explanation: "A significant decision (Art 22A: a legal or similarly significant effect, no \
meaningful human involvement) based entirely or partly on special category data may be taken \
only with the person's explicit consent, or where it is necessary for a contract with them or \
required or authorised by law and the substantial public interest condition (Art 9(2)(g)) \
applies (UK GDPR Art 22B, inserted by the Data (Use and Access) Act 2025). Record \
`explicit-consent` in `article9`, or `substantial-public-interest` with a contract, legal \
obligation or public task basis; otherwise the decision needs meaningful human involvement \
(then record `significant = false`).",
    source: "UK GDPR Art 22A, Art 22B",
    fails: &[(
        "activities/benefit-scoring.toml",
        "name = \"Benefit scoring\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Social Security Administration Act 1992\"\narticle9 = [\"health-social-care\"]\nschedule1 = [2]\n\n[automated_decision_making]\nused = true\ndetails = \"Claims are scored automatically\"\nsafeguards = [\"informed\", \"representations\", \"human-intervention\", \"contest\"]\n",
    )],
    passes: &[("activities/benefit-scoring.toml", SCORED_CLAIMS)],
    check: Check::Activity(|ctx, out| {
        let Some(_) = significant_decisions(ctx) else {
            return;
        };
        let activity = ctx.activity();
        if activity.special_categories().is_empty() {
            return;
        }
        let conditions = activity
            .lawful_basis
            .as_ref()
            .map_or(&[][..], |lb| lb.article9.as_slice());
        let explicit = conditions.contains(&Article9Condition::ExplicitConsent);
        let public_interest = conditions.contains(&Article9Condition::SubstantialPublicInterest)
            && activity.bases().iter().any(|b| {
                matches!(
                    b,
                    Article6Basis::Contract
                        | Article6Basis::LegalObligation
                        | Article6Basis::PublicTask
                )
            });
        if !explicit && !public_interest {
            out.report(
                ctx.file(),
                ctx.at(&[K("automated_decision_making"), K("used")]),
                "significant automated decisions use special category data without explicit consent, or a contract or law with substantial public interest (Art 9(2)(g))",
            )
            .help("record `explicit-consent` in `article9`, or `substantial-public-interest` (with its Schedule 1 paragraph) under a contract, legal obligation or public task basis; if an officer meaningfully reviews each decision, record `significant = false`");
        }
    }),
};

pub const AUTOMATED_DECISION_SAFEGUARDS_MISSING: Rule = Rule {
    name: "automated-decision-safeguards-missing",
    severity: Severity::Warning,
    summary: "significant automated decisions are made without recording all the Art 22C safeguards",
    explanation: "Every significant decision must come with safeguards (UK GDPR Art 22C, \
inserted by the Data (Use and Access) Act 2025): the person is told about decisions taken \
about them, can make representations, can obtain meaningful human intervention, and can \
contest the decision. Record the ones in place in `safeguards` in \
`[automated_decision_making]`: \"informed\", \"representations\", \"human-intervention\", \
\"contest\". When the decisions have meaningful human involvement, they are not significant \
decisions: record `significant = false`.",
    source: "UK GDPR Art 22C",
    fails: &[(
        "activities/benefit-scoring.toml",
        "name = \"Benefit scoring\"\n\n[automated_decision_making]\nused = true\ndetails = \"Claims are scored automatically\"\nsafeguards = [\"informed\"]\n",
    )],
    passes: &[("activities/benefit-scoring.toml", SCORED_CLAIMS)],
    check: Check::Activity(|ctx, out| {
        let Some(adm) = significant_decisions(ctx) else {
            return;
        };
        let recorded = adm.safeguards.as_deref().unwrap_or(&[]);
        let missing: Vec<&str> = AdmSafeguard::ALL
            .iter()
            .filter(|s| !recorded.contains(s))
            .map(|s| s.slug())
            .collect();
        if missing.is_empty() {
            return;
        }
        let quoted: Vec<String> = missing.iter().map(|s| format!("\"{s}\"")).collect();
        let at = if adm.safeguards.is_some() {
            ctx.at(&[K("automated_decision_making"), K("safeguards")])
        } else {
            ctx.at(&[K("automated_decision_making"), K("used")])
        };
        out.report(
            ctx.file(),
            at,
            format!(
                "significant automated decisions are made, but these Art 22C safeguards are not recorded: {}",
                join_words(&quoted, "and")
            ),
        )
        .help("list the safeguards in place in `safeguards = [\"informed\", \"representations\", \"human-intervention\", \"contest\"]`, or record `significant = false` if an officer meaningfully reviews each decision");
    }),
};

pub const AUTOMATED_DECISION_RECOGNISED_LEGITIMATE_INTEREST: Rule = Rule {
    name: "automated-decision-recognised-legitimate-interest",
    severity: Severity::Warning,
    summary: "significant automated decisions rely on recognised legitimate interests (reported to be barred; unverified)",
    explanation: "It is reported that a significant decision may not rely on recognised \
legitimate interests (UK GDPR Art 6(1)(ea)) under the new Arts 22A-22D. ropa has not verified \
this against the Act's text, so this is a warning, not an error: check Art 22B and the ICO's \
guidance, and rely on another basis, or record `significant = false` where an officer \
meaningfully reviews each decision.",
    source: "UK GDPR Art 22B (reported; unverified), Art 6(1)(ea)",
    fails: &[(
        "activities/fraud-screening.toml",
        "name = \"Fraud screening\"\n\n[lawful_basis]\narticle6 = [\"recognised-legitimate-interest\"]\nrecognised_condition = \"crime\"\n\n[automated_decision_making]\nused = true\ndetails = \"Applications are screened and flagged automatically\"\nsafeguards = [\"informed\", \"representations\", \"human-intervention\", \"contest\"]\n",
    )],
    passes: &[(
        "activities/fraud-screening.toml",
        "name = \"Fraud screening\"\n\n[lawful_basis]\narticle6 = [\"recognised-legitimate-interest\"]\nrecognised_condition = \"crime\"\n\n[automated_decision_making]\nused = true\nsignificant = false\ndetails = \"Applications are flagged automatically; an officer reviews each flag before any decision\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if significant_decisions(ctx).is_none() {
            return;
        }
        if ctx
            .activity()
            .bases()
            .contains(&Article6Basis::RecognisedLegitimateInterest)
        {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6")]),
                "significant automated decisions rely on recognised legitimate interests, which is reported not to be allowed",
            )
            .help("check Art 22B and the ICO's guidance; rely on another basis, or record `significant = false` if an officer meaningfully reviews each decision");
        }
    }),
};

pub const RIGHTS_INCONSISTENT_WITH_BASIS: Rule = Rule {
    name: "rights-inconsistent-with-basis",
    severity: Severity::Warning,
    summary: "an activity lists erasure, portability or objection where its lawful basis does not give that right",
    explanation: "Which rights people have depends on the lawful basis (ICO guidance on the \
lawful bases, summarised in the reference table). The right to erasure does not apply to \
processing needed for a legal obligation or a public task (UK GDPR Art 17(3)(b)); the right to \
data portability applies only to processing based on consent or a contract and carried out by \
automated means (Art 20(1)); the general right to object applies only to processing for a \
public task or legitimate interests (Art 21(1)) — and, ropa assumes, recognised legitimate \
interests (Art 6(1)(ea); unverified, so ropa lists objection there rather than warn). Listing a right the basis does not give tells \
people, through the privacy notice, that they can do something they cannot — or, for erasure \
under a public task, that they can do unconditionally what is limited to data no longer needed \
for the task (for example after a successful objection, Art 17(1)(c)). Either remove the \
right from `rights`, or check the lawful basis is the right one. Objection to direct marketing \
is always available whatever the basis (Art 21(2)), so it need not be listed here; and consent \
can always be withdrawn (Art 7(3)).",
    source: "UK GDPR Art 17(3)(b), Art 20(1), Art 21(1)",
    fails: &[(
        "activities/cctv.toml",
        "name = \"Town centre CCTV\"\nrights = [\"informed\", \"access\", \"rectification\", \"erasure\", \"restriction\", \"object\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Criminal Justice and Public Order Act 1994 s.163\"\n",
    )],
    passes: &[(
        "activities/cctv.toml",
        "name = \"Town centre CCTV\"\nrights = [\"informed\", \"access\", \"rectification\", \"restriction\", \"object\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Criminal Justice and Public Order Act 1994 s.163\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        let Some(rights) = &activity.rights else {
            return;
        };
        let bases = activity.bases();
        if bases.is_empty() {
            return;
        }
        let available = rights_for_bases(bases);
        let under: Vec<String> = bases.iter().map(|b| b.in_sentence()).collect();
        let under = join_words(&under, "or");
        for (i, right) in rights.iter().enumerate() {
            // Which bases give the right comes from the rights table itself.
            let giving: Vec<String> = bases_giving(*right)
                .iter()
                .map(|b| b.in_sentence())
                .collect();
            let giving = join_words(&giving, "or");
            let help = match right {
                Right::Erasure => format!(
                    "erasure is a right of its own only under {giving}: for processing needed for a legal obligation or a public task it does not apply while the data is needed (Art 17(3)(b)), though under a public task it can follow a successful objection (Art 17(1)(c)); remove \"erasure\" from `rights`, or explain that limit in the notice"
                ),
                Right::Portability => format!(
                    "remove \"portability\" from `rights`: it applies only under {giving}, to processing by automated means (Art 20(1))"
                ),
                Right::Object => format!(
                    "remove \"object\" from `rights`: the general right to object applies only under {giving} (Art 21(1)); objection to direct marketing is always available (Art 21(2))"
                ),
                _ => continue,
            };
            if available.contains(right) {
                continue;
            }
            out.report(
                ctx.file(),
                ctx.at(&[K("rights"), I(i)]),
                format!(
                    "{} is listed, but it does not apply under {under}",
                    lowercase_first(right.label())
                ),
            )
            .help(format!(
                "{help}; or correct the lawful basis if it is wrong"
            ));
        }
    }),
};

/// The DPIA screening answers that point to a DPIA, in words.
/// Why the screening answers point to a DPIA, in words: each criterion of the ICO's Art 35(4)
/// list (and Art 35(3)) that applies on its own, each that applies only in combination and has
/// one, and two or more of the European (WP248) criteria together.
fn dpia_triggers(ctx: &ActivityCtx<'_>) -> Vec<String> {
    let activity = ctx.activity();
    let yes = |answer: Option<bool>| answer == Some(true);
    let risk = activity.risk.clone().unwrap_or_default();
    let categories = activity.special_categories();
    let special = !categories.is_empty();
    let criminal = yes(activity.criminal_offence_data);
    let significant = activity
        .automated_decision_making
        .as_ref()
        .is_some_and(|a| a.significant_decisions());
    let automated = activity
        .automated_decision_making
        .as_ref()
        .is_some_and(|a| a.used == Some(true));
    let mut triggers: Vec<String> = Vec::new();

    // On their own (Art 35(3) and the ICO's list).
    if yes(risk.large_scale) {
        match (special, criminal) {
            (true, true) => {
                triggers.push("special category and criminal offence data on a large scale".into())
            }
            (true, false) => triggers.push("special category data on a large scale".into()),
            (false, true) => triggers.push("criminal offence data on a large scale".into()),
            (false, false) => {}
        }
        if yes(risk.profiling) {
            triggers.push("profiling on a large scale".into());
        }
    }
    let alone: [(bool, &str); 8] = [
        (
            yes(risk.systematic_monitoring),
            "systematic monitoring (`systematic_monitoring`)",
        ),
        (significant, "significant automated decisions"),
        (
            yes(risk.denial_of_service),
            "decisions on access to a service or benefit (`denial_of_service`)",
        ),
        (yes(risk.data_matching), "data matching (`data_matching`)"),
        (
            yes(risk.invisible_processing),
            "invisible processing (`invisible_processing`)",
        ),
        (yes(risk.tracking), "tracking (`tracking`)"),
        (
            yes(risk.targeting),
            "targeting children or vulnerable people (`targeting`)",
        ),
        (
            yes(risk.physical_harm),
            "a risk of physical harm (`physical_harm`)",
        ),
    ];
    triggers.extend(
        alone
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, why)| why.to_string()),
    );

    // The European (WP248) criteria the record can show.
    let biometric = categories.contains(&SpecialCategory::Biometric);
    let genetic = categories.contains(&SpecialCategory::Genetic);
    let other_sensitive = criminal
        || categories
            .iter()
            .any(|c| !matches!(c, SpecialCategory::Biometric | SpecialCategory::Genetic));
    let criteria: [(bool, &str); 9] = [
        (yes(risk.profiling), "evaluation or scoring"),
        (automated, "automated decisions"),
        (yes(risk.systematic_monitoring), "systematic monitoring"),
        (special || criminal, "sensitive data"),
        (yes(risk.large_scale), "large scale"),
        (yes(risk.data_matching), "matching datasets"),
        (
            yes(risk.vulnerable_people) || yes(activity.children),
            "vulnerable people or children",
        ),
        (yes(risk.innovative_technology), "innovative technology"),
        (
            yes(risk.denial_of_service),
            "preventing people using a service or right",
        ),
    ];
    let present: Vec<&str> = criteria
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, c)| *c)
        .collect();
    // Only with another criterion: innovative technology, biometric and genetic data.
    let others = |own: &str| -> Vec<String> {
        present
            .iter()
            .filter(|c| **c != own)
            .map(|c| c.to_string())
            .collect()
    };
    let with =
        |what: &str, others: Vec<String>| format!("{what} with {}", join_words(&others, "and"));
    let beside_innovation = others("innovative technology");
    if yes(risk.innovative_technology) && !beside_innovation.is_empty() {
        triggers.push(with("innovative technology", beside_innovation));
    }
    // Biometric or genetic data is itself the "sensitive data" criterion: another one is
    // needed, or other sensitive data (another category, or criminal offence data).
    let mut beside_own_data = others("sensitive data");
    if other_sensitive {
        beside_own_data.push("other sensitive data".into());
    }
    for (held, what) in [(biometric, "biometric data"), (genetic, "genetic data")] {
        if held && !beside_own_data.is_empty() {
            triggers.push(with(what, beside_own_data.clone()));
        }
    }
    if triggers.is_empty() && present.len() >= 2 {
        triggers.push(format!(
            "two or more of the European criteria ({})",
            join_words(
                &present.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                "and"
            )
        ));
    }
    triggers
}

pub const DPIA_SCREENING_INDICATES_REQUIRED: Rule = Rule {
    name: "dpia-screening-indicates-required",
    severity: Severity::Warning,
    summary: "the DPIA screening answers point to a DPIA, but none is recorded as required",
    explanation: "A data protection impact assessment is required before processing that is \
likely to result in a high risk to people (UK GDPR Art 35(1)). Art 35(3) names large-scale \
special category or criminal offence data, systematic monitoring of a publicly accessible area \
on a large scale, and systematic and extensive evaluation with significant effects (which \
includes significant automated decisions). For council CCTV the ICO's surveillance guidance \
expects a DPIA even for a reception area, so ropa counts `systematic_monitoring` on its own. The ICO's list under Art 35(4) adds, each on its own: \
decisions on access to a service, opportunity or benefit (`denial_of_service`), large-scale \
profiling, data matching, invisible processing, tracking, targeting children or vulnerable \
people (`targeting`) and a risk of physical harm — answered in `[risk]`. Innovative technology \
(including AI), biometric and genetic data count only together with one of the European (WP248) \
criteria: evaluation or scoring, automated decisions, systematic monitoring, sensitive data, \
large scale, matching datasets, vulnerable people or children, innovative use, preventing \
people using a service or right. Two or more of those together make a DPIA likely too. The \
finding names the answers that led to it. Carry out the DPIA and record it in `[dpia]`, or, \
if your screening concluded that none is needed, keep that decision and its reasons on record \
with a waiver (the ICO expects the reasons to be documented).",
    source: "UK GDPR Art 35(1), Art 35(3), Art 35(4) (ICO list), WP248 rev.01",
    fails: &[
        (
            "activities/cctv.toml",
            "name = \"Town centre CCTV\"\n\n[risk]\nlarge_scale = true\nsystematic_monitoring = true\n\n[dpia]\nrequired = false\n",
        ),
        (
            "activities/ai-call-summaries.toml",
            "name = \"AI call summaries\"\n\n[risk]\ninnovative_technology = true\nvulnerable_people = true\n",
        ),
    ],
    passes: &[
        (
            "activities/cctv.toml",
            "name = \"Town centre CCTV\"\n\n[risk]\nlarge_scale = true\nsystematic_monitoring = true\n\n[dpia]\nrequired = true\nstatus = \"complete\"\nlink = \"https://www.example.gov.uk/ig/dpia-town-centre-cctv.pdf\"\n",
        ),
        (
            "activities/ai-call-summaries.toml",
            "name = \"AI call summaries\"\n\n[risk]\ninnovative_technology = true\n",
        ),
    ],
    check: Check::Activity(|ctx, out| {
        let triggers = dpia_triggers(ctx);
        if triggers.is_empty() {
            return;
        }
        let required = ctx.activity().dpia.as_ref().and_then(|d| d.required);
        if required == Some(true) {
            return;
        }
        let listed = triggers.join("; ");
        let message = match required {
            Some(false) => format!(
                "a DPIA is recorded as not required, but the screening answers point to one: {listed}"
            ),
            _ => format!(
                "the screening answers point to a DPIA, but none is recorded as required: {listed}"
            ),
        };
        let span = if ctx.loaded.doc.find(&[K("dpia"), K("required")]).is_some() {
            ctx.at(&[K("dpia"), K("required")])
        } else {
            ctx.key_at(&[K("risk")])
        };
        out.report(ctx.file(), span, message)
            .help("carry out a DPIA and record it in [dpia] with `required = true`, `status` and `link`; if your screening decided none is needed, record that with a [[waivers]] entry for this rule giving the reasons");
    }),
};

pub const DPIA_INCOMPLETE: Rule = Rule {
    name: "dpia-incomplete",
    severity: Severity::Warning,
    summary: "a required DPIA has no status or no link",
    explanation: "When a DPIA is required, the ICO template records how far it has got and \
where it is (columns 22 and 23), so that anyone reviewing the record can find it and see \
whether the processing started before the risks were assessed (UK GDPR Art 35(1) requires the \
assessment before the processing). In `[dpia]`, give `status` (`not-started`, `in-progress` or \
`complete`) and `link` to the assessment, or to where it is being prepared.",
    source: "UK GDPR Art 35(1); ICO template columns 21-23",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[risk]\ninnovative_technology = true   # AI transcription of calls\n\n[dpia]\nrequired = true\nstatus = \"in-progress\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[risk]\ninnovative_technology = true   # AI transcription of calls\n\n[dpia]\nrequired = true\nstatus = \"in-progress\"\nlink = \"https://www.example.gov.uk/ig/dpia-call-recording.docx\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(dpia) = &ctx.activity().dpia else {
            return;
        };
        if dpia.required != Some(true) {
            return;
        }
        let (message, help) = match (dpia.status.is_none(), blank(&dpia.link)) {
            (true, true) => (
                "a DPIA is required, but neither its status nor a link to it is recorded",
                "add `status = \"in-progress\"` (or not-started, complete) and `link = \"…\"` to [dpia]",
            ),
            (true, false) => (
                "a DPIA is required, but its status is not recorded",
                "add `status = \"…\"` to [dpia]: not-started, in-progress or complete",
            ),
            (false, true) => (
                "a DPIA is required, but no link to it is recorded",
                "add `link = \"…\"` to [dpia] with where the assessment is kept",
            ),
            (false, false) => return,
        };
        out.report(ctx.file(), ctx.at(&[K("dpia"), K("required")]), message)
            .help(help);
    }),
};

pub const BREACH_RECORD_MISSING: Rule = Rule {
    name: "breach-record-missing",
    severity: Severity::Error,
    summary: "a breach is recorded as having occurred, but no record of it is linked",
    explanation: "The controller must document every personal data breach, whether or not it \
was reported to the ICO: the facts, its effects and the remedial action taken (UK GDPR \
Art 33(5)). The ICO template links each activity to that record (column 25). When \
`[breach] occurred = true`, put the link to the breach log entry, or its reference, in `record`.",
    source: "UK GDPR Art 33(5); ICO template column 25",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[breach]\noccurred = true\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[breach]\noccurred = true\nrecord = \"https://www.example.gov.uk/ig/breach-log#IG-2026-014\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(breach) = &ctx.activity().breach else {
            return;
        };
        if breach.occurred == Some(true) && blank(&breach.record) {
            out.report(ctx.file(), ctx.at(&[K("breach"), K("occurred")]), "a personal data breach occurred, but no record of it is linked")
                .help("add `record = \"…\"` to [breach] with the link to, or reference of, the entry in the breach log");
        }
    }),
};
