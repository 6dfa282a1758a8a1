//! Special category and criminal offence data: the Article 9 condition, the DPA 2018 Schedule 1
//! paragraph that goes with it, the appropriate policy document, and the Article 10 condition.

use crate::lint::prelude::*;
use crate::model::{LawfulBasis, PolicyDocument};
use crate::vocab::{
    ApdNeed, Article9Condition, Schedule1Link, Schedule1Paragraph, Schedule1Part, SpecialCategory,
    Vocabulary,
};

pub static RULES: &[&Rule] = &[
    &SPECIAL_CATEGORY_CONDITION_MISSING,
    &SPECIAL_CATEGORY_CONDITION_WITHOUT_DATA,
    &SCHEDULE1_CONDITION_MISSING,
    &SCHEDULE1_CONDITION_MISMATCH,
    &SCHEDULE1_CATEGORY_MISMATCH,
    &APPROPRIATE_POLICY_DOCUMENT_MISSING,
    &POLICY_DOCUMENT_COMPLIANCE_UNSTATED,
    &CRIMINAL_OFFENCE_CONDITION_MISSING,
];

/// The activity's `[lawful_basis]`, when the rules apply and it is there.
fn lawful_basis<'a>(ctx: &ActivityCtx<'a>) -> Option<&'a LawfulBasis> {
    if ctx.is_controller_record() {
        ctx.activity().lawful_basis.as_ref()
    } else {
        None
    }
}

fn policy_document<'a>(ctx: &ActivityCtx<'a>) -> Option<&'a PolicyDocument> {
    ctx.activity().policy_document.as_ref()
}

fn criminal_offence_data(ctx: &ActivityCtx<'_>) -> bool {
    ctx.activity().criminal_offence_data == Some(true)
}

/// The Article 9 conditions given that need a Schedule 1 paragraph and have none that fits.
fn conditions_without_paragraph(lb: &LawfulBasis) -> Vec<Article9Condition> {
    lb.article9
        .iter()
        .copied()
        .filter(|c| {
            let link = c.schedule1_link();
            link != Schedule1Link::None && !lb.schedule1.iter().any(|p| link.accepts(p.number()))
        })
        .collect()
}

/// The Schedule 1 paragraphs (by position) that fit none of the Article 9 conditions given.
/// With criminal offence data, any paragraph may be its condition (DPA 2018 s.10(5)), so one
/// that fits no Article 9 condition is taken as the criminal-data condition — unless an
/// Article 9 condition is then left without its paragraph: a paragraph covers the criminal
/// offence data, not the special category data, so that one is still a mismatch.
fn mismatched_paragraphs(lb: &LawfulBasis, criminal: bool) -> Vec<(usize, Schedule1Paragraph)> {
    let stray = |p: &Schedule1Paragraph| {
        p.part() == Schedule1Part::Three
            || !lb
                .article9
                .iter()
                .any(|c| c.schedule1_link().accepts(p.number()))
    };
    if criminal && conditions_without_paragraph(lb).is_empty() {
        return Vec::new();
    }
    lb.schedule1
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, p)| stray(p))
        .filter(|(_, p)| !(criminal && p.part() == Schedule1Part::Three))
        .collect()
}

/// A paragraph in words: "paragraph 2 (Health or social care purposes)".
fn paragraph_in_words(paragraph: Schedule1Paragraph) -> String {
    format!("paragraph {} ({})", paragraph.number(), paragraph.name())
}

/// Categories in words: "racial or ethnic origin and health".
fn categories_in_words(categories: &[SpecialCategory]) -> String {
    let words: Vec<String> = categories
        .iter()
        .map(|c| lowercase_first(c.label()))
        .collect();
    join_words(&words, "and")
}

fn schedule1_at(ctx: &ActivityCtx<'_>, i: usize) -> std::ops::Range<usize> {
    ctx.at(&[K("lawful_basis"), K("schedule1"), I(i)])
}

pub const SPECIAL_CATEGORY_CONDITION_MISSING: Rule = Rule {
    name: "special-category-condition-missing",
    severity: Severity::Error,
    summary: "special category data is recorded without an Article 9 condition",
    explanation: "Special category data — health, racial or ethnic origin, religious or \
philosophical beliefs, sex life or sexual orientation, political opinions, trade union \
membership, genetic and biometric data — may not be processed at all (UK GDPR Art 9(1)) unless \
one of the conditions in Art 9(2) applies, in addition to the Article 6 lawful basis. The ICO \
template records the condition (column 13). Add `article9 = [\"…\"]` to `[lawful_basis]`. \
Councils usually rely on `substantial-public-interest` (with a DPA 2018 Schedule 1 Part 2 \
paragraph), `health-social-care` or `employment-social-security`.",
    source: "UK GDPR Art 9(1)-(2)",
    fails: &[(
        "activities/adult-social-care-assessments.toml",
        "name = \"Adult social care assessments\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Care Act 2014 s.9\"\n",
    )],
    passes: &[(
        "activities/adult-social-care-assessments.toml",
        "name = \"Adult social care assessments\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Care Act 2014 s.9\"\narticle9 = [\"health-social-care\"]\nschedule1 = [2]\n",
    )],
    check: Check::Activity(|ctx, out| {
        let categories = ctx.activity().special_categories();
        if !ctx.is_controller_record() || categories.is_empty() {
            return;
        }
        let conditions = ctx
            .activity()
            .lawful_basis
            .as_ref()
            .map_or(&[][..], |lb| lb.article9.as_slice());
        if conditions.is_empty() {
            out.report(
                ctx.file(),
                ctx.at(&[K("special_category_data")]),
                format!("special category data ({}) is recorded but no Article 9 condition is given", categories_in_words(categories)),
            )
            .help("add `article9 = [\"…\"]` to [lawful_basis] with the condition relied on, e.g. \"substantial-public-interest\" (with `schedule1`), \"health-social-care\" or \"employment-social-security\"");
        }
    }),
};

pub const SPECIAL_CATEGORY_CONDITION_WITHOUT_DATA: Rule = Rule {
    name: "special-category-condition-without-data",
    severity: Severity::Warning,
    summary: "an Article 9 condition is given but no special category data is recorded",
    explanation: "An Article 9 condition (UK GDPR Art 9(2)) is only needed for special category \
data (Art 9(1)). When the record gives a condition but does not list the data it covers, one of \
the two is wrong: either list the special categories processed in `special_category_data` \
(e.g. `[\"health\"]`), so the rest of the record (Schedule 1, the policy document, the DPIA) can \
be checked against them, or remove the condition.",
    source: "UK GDPR Art 9(1)-(2), Art 30(1)(c)",
    fails: &[(
        "activities/council-tax-recovery.toml",
        "name = \"Council tax recovery\"\nspecial_category_data = []\n\n[lawful_basis]\narticle6 = [\"legal-obligation\"]\nlaw = \"Council Tax (Administration and Enforcement) Regulations 1992\"\narticle9 = [\"legal-claims\"]\n",
    )],
    passes: &[(
        "activities/council-tax-recovery.toml",
        "name = \"Council tax recovery\"\nspecial_category_data = []\n\n[lawful_basis]\narticle6 = [\"legal-obligation\"]\nlaw = \"Council Tax (Administration and Enforcement) Regulations 1992\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(lb) = lawful_basis(ctx) else { return };
        if lb.article9.is_empty() {
            return;
        }
        let span = ctx.at(&[K("lawful_basis"), K("article9")]);
        match &ctx.activity().special_category_data {
            None => {
                out.report(ctx.file(), span, "an Article 9 condition is given but no special category data is recorded")
                    .help("list the special categories processed in `special_category_data = [\"health\"]`, or remove `article9` if there are none");
            }
            Some(categories) if categories.is_empty() => {
                out.report(ctx.file(), span, "an Article 9 condition is given but `special_category_data` records none")
                    .help("list the special categories processed in `special_category_data`, or remove `article9` if there are none");
            }
            Some(_) => {}
        }
    }),
};

pub const SCHEDULE1_CONDITION_MISSING: Rule = Rule {
    name: "schedule1-condition-missing",
    severity: Severity::Error,
    summary: "an Article 9 condition that needs a DPA 2018 Schedule 1 paragraph has none",
    explanation: "In the UK, five of the Article 9(2) conditions work only with a condition from \
Schedule 1 to the Data Protection Act 2018 (DPA 2018 s.10(1)-(3)): employment and social \
security (Art 9(2)(b)) needs paragraph 1; health or social care (9(2)(h)) paragraph 2; public \
health (9(2)(i)) paragraph 3; archiving, research and statistics (9(2)(j)) paragraph 4; and \
substantial public interest (9(2)(g)) one of the Part 2 paragraphs 6 to 28. The ICO template \
records it (column 26). Add the paragraph number to `schedule1` in `[lawful_basis]`, e.g. \
`schedule1 = [6]` for statutory and government purposes or `[18]` for safeguarding.",
    source: "DPA 2018 s.10(1)-(3), Sch 1",
    fails: &[(
        "activities/adult-safeguarding.toml",
        "name = \"Adult safeguarding referrals\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Care Act 2014 s.42\"\narticle9 = [\"substantial-public-interest\"]\n",
    )],
    passes: &[(
        "activities/adult-safeguarding.toml",
        "name = \"Adult safeguarding referrals\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Care Act 2014 s.42\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [18]\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(lb) = lawful_basis(ctx) else { return };
        // Without special category data the condition itself is in doubt, which
        // `special-category-condition-without-data` reports: asking for its paragraph too
        // would give contradictory advice.
        if ctx.activity().special_categories().is_empty() {
            return;
        }
        // A paragraph that fits no condition is reported by `schedule1-condition-mismatch`
        // (it is probably the one meant, with the wrong number): one finding per problem.
        if !mismatched_paragraphs(lb, criminal_offence_data(ctx)).is_empty() {
            return;
        }
        for (i, condition) in lb.article9.iter().copied().enumerate() {
            let link = condition.schedule1_link();
            if link == Schedule1Link::None || lb.schedule1.iter().any(|p| link.accepts(p.number()))
            {
                continue;
            }
            let help = match link {
                Schedule1Link::Paragraph(p) => format!("add {p} to `schedule1` in [lawful_basis], e.g. `schedule1 = [{p}]`"),
                _ => "add the Part 2 paragraph that fits to `schedule1` in [lawful_basis], e.g. `schedule1 = [6]` (statutory and government purposes) or `[18]` (safeguarding)".to_string(),
            };
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article9"), I(i)]),
                format!(
                    "{} needs {}, and none is given",
                    condition.in_sentence(),
                    link.describe()
                ),
            )
            .help(help);
        }
    }),
};

pub const SCHEDULE1_CONDITION_MISMATCH: Rule = Rule {
    name: "schedule1-condition-mismatch",
    severity: Severity::Error,
    summary: "a Schedule 1 paragraph does not fit the Article 9 condition or the data",
    explanation: "Each Schedule 1 paragraph of the Data Protection Act 2018 goes with one Article \
9(2) condition (DPA 2018 s.10(1)-(3)): paragraph 1 with employment and social security \
(Art 9(2)(b)), 2 with health or social care (9(2)(h)), 3 with public health (9(2)(i)), 4 with \
archiving, research and statistics (9(2)(j)), and 6 to 28 with substantial public interest \
(9(2)(g)). The Part 3 paragraphs (29 to 37) are conditions for criminal offence data only \
(s.10(5), s.11(2)). A paragraph that fits none of the conditions given usually means the wrong \
number or the wrong condition was copied. Correct `schedule1` or `article9`; if the paragraph is \
the condition for criminal offence data, set `criminal_offence_data = true`.\n\n\
With criminal offence data, any paragraph may be the condition for it (s.10(5)), so a \
paragraph that fits no Article 9 condition is taken as that — but a paragraph covers the \
criminal offence data, not the special category data: when an Article 9 condition is then \
left without its own paragraph, the paragraph is still reported. When a paragraph is given \
but does not fit, this rule reports it and `schedule1-condition-missing` does not, so each \
problem is reported once.",
    source: "DPA 2018 s.10, s.11, Sch 1",
    fails: &[
        (
            "activities/disabled-facilities-grants.toml",
            "name = \"Disabled facilities grants\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Housing Grants, Construction and Regeneration Act 1996 Part 1\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [2]\n",
        ),
        (
            "activities/youth-offending-health.toml",
            "name = \"Youth offending health assessments\"\nspecial_category_data = [\"health\"]\ncriminal_offence_data = true\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Crime and Disorder Act 1998 s.39\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [2]\n",
        ),
    ],
    passes: &[(
        "activities/disabled-facilities-grants.toml",
        "name = \"Disabled facilities grants\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Housing Grants, Construction and Regeneration Act 1996 Part 1\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(lb) = lawful_basis(ctx) else { return };
        for (i, paragraph) in mismatched_paragraphs(lb, criminal_offence_data(ctx)) {
            let number = paragraph.number();
            if paragraph.part() == Schedule1Part::Three {
                out.report(
                    ctx.file(),
                    schedule1_at(ctx, i),
                    format!(
                        "{} is a Part 3 condition, which covers only criminal offence data",
                        paragraph_in_words(paragraph)
                    ),
                )
                .help("set `criminal_offence_data = true` if the activity processes criminal offence data; otherwise give the Part 1 or Part 2 paragraph that fits the Article 9 condition");
                continue;
            }
            let message = if lb.article9.is_empty() {
                format!(
                    "{} is given without an Article 9 condition",
                    paragraph_in_words(paragraph)
                )
            } else {
                let needs: Vec<String> = lb
                    .article9
                    .iter()
                    .map(|c| {
                        format!(
                            "{} needs {}",
                            c.in_sentence(),
                            c.schedule1_link().describe()
                        )
                    })
                    .collect();
                let given = if lb.article9.len() == 1 {
                    "condition"
                } else {
                    "conditions"
                };
                format!(
                    "{} does not fit the Article 9 {given} given: {}",
                    paragraph_in_words(paragraph),
                    needs.join("; ")
                )
            };
            let help = match Article9Condition::ALL
                .iter()
                .find(|c| c.schedule1_link().accepts(number))
            {
                Some(fits) => format!(
                    "paragraph {number} goes with {}: give the paragraph that fits the condition relied on, or add `\"{}\"` to `article9` if that is the condition",
                    fits.in_sentence(),
                    fits.slug()
                ),
                None => {
                    "give the paragraph that fits the Article 9 condition relied on".to_string()
                }
            };
            out.report(ctx.file(), schedule1_at(ctx, i), message)
                .help(help);
        }
    }),
};

pub const SCHEDULE1_CATEGORY_MISMATCH: Rule = Rule {
    name: "schedule1-category-mismatch",
    severity: Severity::Warning,
    summary: "a Schedule 1 paragraph limited to some special categories (or bodies) is used outside its limits",
    explanation: "Several Schedule 1 paragraphs of the Data Protection Act 2018 cover only some \
special categories: paragraph 8 (equality of opportunity or treatment) covers racial or ethnic \
origin, religious or philosophical beliefs, health and sexual orientation; paragraph 9 (racial \
and ethnic diversity at senior levels) only racial or ethnic origin; paragraph 16 (support for \
individuals with a particular disability or medical condition) racial or ethnic origin, genetic, \
biometric and health data and sex life or sexual orientation (para 16(2)) — and only when a \
not-for-profit body does the processing (para 16(1)(a)), which a public authority is not; \
paragraph 19 (economic well-being of certain individuals) only health; paragraph 20 (insurance) \
racial or ethnic origin, religious or philosophical beliefs, trade union membership, genetic \
and health data (para 20(1)(b)); paragraph 21 (occupational pensions) only health (para \
21(1)(b)); paragraph 22 (political parties) only political opinions. The limits are kept with \
each paragraph in ropa's Schedule 1 table. Data outside those categories needs another condition (DPA 2018 s.10(3), Sch 1). Give \
a condition that covers the rest of the data, or split the activity so that each condition \
covers its own data. ropa cannot tell which paragraph is meant for which category, so if another \
paragraph already covers the rest, waive this rule with that reason.",
    source: "DPA 2018 Sch 1 paras 8, 9, 16(1)(a) and (2), 19, 20(1)(b), 21(1)(b), 22",
    fails: &[
        (
            "activities/senior-diversity-monitoring.toml",
            "name = \"Senior leadership diversity monitoring\"\nspecial_category_data = [\"racial-ethnic-origin\", \"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Equality Act 2010 s.149\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [9]\n",
        ),
        (
            "activities/pension-scheme-ill-health.toml",
            "name = \"Pension scheme ill-health retirement\"\nspecial_category_data = [\"health\", \"racial-ethnic-origin\"]\n\n[lawful_basis]\narticle6 = [\"legal-obligation\"]\nlaw = \"Local Government Pension Scheme Regulations 2013\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [21]\n",
        ),
        (
            "activities/disability-support-group.toml",
            "name = \"Disability support group\"\nspecial_category_data = [\"trade-union-membership\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Local Government Act 1972 s.111\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [16]\n",
        ),
    ],
    passes: &[(
        "activities/senior-diversity-monitoring.toml",
        "name = \"Senior leadership diversity monitoring\"\nspecial_category_data = [\"racial-ethnic-origin\", \"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Equality Act 2010 s.149\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [8]\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(lb) = lawful_basis(ctx) else { return };
        let categories = ctx.activity().special_categories();
        for (i, paragraph) in lb.schedule1.iter().copied().enumerate() {
            if paragraph.not_for_profit_only() && ctx.is_public_authority() {
                out.report(
                    ctx.file(),
                    schedule1_at(ctx, i),
                    format!(
                        "{} may be relied on only by a not-for-profit body, and this register is a public authority's",
                        paragraph_in_words(paragraph)
                    ),
                )
                .help("give the Schedule 1 condition the council relies on, e.g. 6 (statutory etc and government purposes) or 18 (safeguarding)");
            }
            let only = paragraph.only_categories();
            if only.is_empty() {
                continue;
            }
            let outside: Vec<SpecialCategory> = categories
                .iter()
                .copied()
                .filter(|c| !only.contains(c))
                .collect();
            if outside.is_empty() {
                continue;
            }
            out.report(
                ctx.file(),
                schedule1_at(ctx, i),
                format!(
                    "{} covers only {}, not {}",
                    paragraph_in_words(paragraph),
                    categories_in_words(only),
                    categories_in_words(&outside)
                ),
            )
            .help(format!(
                "give a Schedule 1 condition that covers {} as well, or split the activity so each condition covers only its own data",
                categories_in_words(&outside)
            ));
        }
    }),
};

pub const APPROPRIATE_POLICY_DOCUMENT_MISSING: Rule = Rule {
    name: "appropriate-policy-document-missing",
    severity: Severity::Error,
    summary: "a Schedule 1 condition that needs an appropriate policy document has none linked",
    explanation: "Most Schedule 1 conditions of the Data Protection Act 2018 — paragraph 1 \
(employment), and the Part 2 substantial public interest paragraphs unless a paragraph says \
otherwise — may be relied on only when an appropriate policy document is in place (DPA 2018 \
Sch 1 para 1(1)(b), para 5). The document explains how the processing complies with the data \
protection principles and how long the data is kept (paras 38-40), and the record must say \
which condition is relied on and link it (para 41; ICO template column 28). Add a \
`[policy_document]` table with `link = \"…\"` to the council's appropriate policy document.\n\n\
Paragraph 10 needs no document when the processing is only a disclosure to a competent \
authority (para 10(2)), and paragraph 27 when it is only a disclosure to an anti-doping body \
(para 27(3)); ropa cannot tell, so waive this rule with that reason if it applies. The Part 3 \
extensions follow the condition they extend: paragraph 36 a Part 2 condition, paragraph 37 \
the insurance condition of paragraph 20, which needs a document.",
    source: "DPA 2018 Sch 1 paras 1, 5, 10(2), 27(3), 36, 37, 38-41",
    fails: &[(
        "activities/housing-register.toml",
        "name = \"Housing register\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Housing Act 1996 Part 6\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n",
    )],
    passes: &[(
        "activities/housing-register.toml",
        "name = \"Housing register\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Housing Act 1996 Part 6\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n\n[policy_document]\nlink = \"https://www.example.gov.uk/privacy/appropriate-policy-document\"\ncompliant = true\n",
    )],
    check: Check::Activity(|ctx, out| {
        let Some(lb) = lawful_basis(ctx) else { return };
        let Some((i, paragraph)) = lb
            .schedule1
            .iter()
            .copied()
            .enumerate()
            .find(|(_, p)| p.needs_apd())
        else {
            return;
        };
        if blank(&policy_document(ctx).and_then(|pd| pd.link.clone())) {
            let mut help = "add a [policy_document] table with `link = \"…\"` to the appropriate policy document (e.g. the council's published special category data policy) and `compliant = true` if the data is kept in line with it".to_string();
            if let ApdNeed::UnlessDisclosureTo(body) = paragraph.apd() {
                help.push_str(&format!("; none is needed when the processing is only a disclosure to {body}: then waive this rule with that reason"));
            }
            out.report(
                ctx.file(),
                schedule1_at(ctx, i),
                format!(
                    "{} needs an appropriate policy document, and none is linked",
                    paragraph_in_words(paragraph)
                ),
            )
            .help(help);
        }
    }),
};

pub const POLICY_DOCUMENT_COMPLIANCE_UNSTATED: Rule = Rule {
    name: "policy-document-compliance-unstated",
    severity: Severity::Error,
    summary: "the record does not say whether data is kept in line with the policy document, or why not",
    explanation: "When a Schedule 1 condition that needs an appropriate policy document is relied \
on, the record must say whether the data is retained and erased in line with the document's \
retention policy and, if it is not, why not (DPA 2018 Sch 1 para 41(c); ICO template columns \
29-30). Add `compliant = true` to `[policy_document]`, or `compliant = false` together with \
`reason = \"…\"` explaining the difference and what is being done about it. While no document \
is linked at all, only `appropriate-policy-document-missing` is reported.",
    source: "DPA 2018 Sch 1 para 41(c)",
    fails: &[(
        "activities/council-tax-discounts.toml",
        "name = \"Council tax discounts and exemptions\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"legal-obligation\"]\nlaw = \"Local Government Finance Act 1992 s.11 and Sch 1\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n\n[policy_document]\nlink = \"https://www.example.gov.uk/privacy/appropriate-policy-document\"\n",
    )],
    passes: &[(
        "activities/council-tax-discounts.toml",
        "name = \"Council tax discounts and exemptions\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"legal-obligation\"]\nlaw = \"Local Government Finance Act 1992 s.11 and Sch 1\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n\n[policy_document]\nlink = \"https://www.example.gov.uk/privacy/appropriate-policy-document\"\ncompliant = true\n",
    )],
    check: Check::Activity(|ctx, out| {
        if !ctx.is_controller_record() {
            return;
        }
        let needs_apd = ctx
            .activity()
            .lawful_basis
            .as_ref()
            .is_some_and(|lb| lb.schedule1.iter().any(|p| p.needs_apd()));
        let document = policy_document(ctx);
        let compliant = document.and_then(|pd| pd.compliant);
        let span = ctx.at(&[K("policy_document"), K("compliant")]);
        // Without a linked document, `appropriate-policy-document-missing` is the finding to
        // act on; compliance with a document that is not there is asked once it is linked.
        let linked = !blank(&document.and_then(|pd| pd.link.clone()));
        if needs_apd && linked && compliant.is_none() {
            out.report(ctx.file(), span.clone(), "the record does not say whether the data is retained and erased in line with the appropriate policy document")
                .help("add `compliant = true` to [policy_document], or `compliant = false` with `reason = \"…\"`");
        }
        if compliant == Some(false) && blank(&document.and_then(|pd| pd.reason.clone())) {
            out.report(ctx.file(), span, "the data is not retained and erased in line with the policy document, and no reason is given")
                .help("add `reason = \"…\"` to [policy_document] saying why, and what is being done about it");
        }
    }),
};

pub const CRIMINAL_OFFENCE_CONDITION_MISSING: Rule = Rule {
    name: "criminal-offence-condition-missing",
    severity: Severity::Error,
    summary: "criminal offence data is processed without official authority or a Schedule 1 condition",
    explanation: "Personal data about criminal convictions and offences — including allegations, \
proceedings and sentences (DPA 2018 s.11(2)) — may be processed only under the control of \
official authority or when a condition in Part 1, 2 or 3 of Schedule 1 to the Data Protection \
Act 2018 is met (UK GDPR Art 10; DPA 2018 s.10(5)). A Schedule 1 condition is the normal route: \
add the paragraph relied on to `schedule1`, e.g. 6 (statutory etc and government purposes), 10 \
(preventing or detecting unlawful acts) or 18 (safeguarding). Official authority applies only \
where the processing itself is carried out under the control of official authority — for \
example a body exercising a statutory power that is itself about offences, such as a licensing \
authority's criminal record checks — and then `official_authority = true` records it. Being a \
public authority is not enough on its own.",
    source: "UK GDPR Art 10, DPA 2018 s.10(5), s.11(2)",
    fails: &[(
        "activities/taxi-licensing.toml",
        "name = \"Taxi and private hire driver licensing\"\ncriminal_offence_data = true\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Local Government (Miscellaneous Provisions) Act 1976 s.51\"\n",
    )],
    passes: &[(
        "activities/taxi-licensing.toml",
        "name = \"Taxi and private hire driver licensing\"\ncriminal_offence_data = true\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Local Government (Miscellaneous Provisions) Act 1976 s.51\"\nofficial_authority = true\n",
    )],
    check: Check::Activity(|ctx, out| {
        if !ctx.is_controller_record() || !criminal_offence_data(ctx) {
            return;
        }
        let lb = ctx.activity().lawful_basis.as_ref();
        let official = lb.and_then(|lb| lb.official_authority) == Some(true);
        let paragraphs = lb.is_some_and(|lb| !lb.schedule1.is_empty());
        if !official && !paragraphs {
            out.report(
                ctx.file(),
                ctx.at(&[K("criminal_offence_data")]),
                "criminal offence data is processed but neither official authority nor a Schedule 1 condition is given",
            )
            .help("add the Schedule 1 condition relied on to [lawful_basis], the normal route, e.g. `schedule1 = [6]` (statutory etc and government purposes) or `[10]` (preventing or detecting unlawful acts); set `official_authority = true` only where the processing is itself carried out under the control of official authority");
        }
    }),
};
