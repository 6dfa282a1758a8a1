//! Lawful basis: the Article 6 basis for each activity and what each basis needs recorded with it.

use crate::lint::prelude::*;
use crate::vocab::{AnnexCondition, Article6Basis, Article9Condition, Vocabulary};

pub static RULES: &[&Rule] = &[
    &LAWFUL_BASIS_MISSING,
    &LEGAL_BASIS_LAW_MISSING,
    &LEGITIMATE_INTERESTS_UNDOCUMENTED,
    &LEGITIMATE_INTERESTS_ASSESSMENT_MISSING,
    &LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY,
    &RECOGNISED_LEGITIMATE_INTEREST_CONDITION_MISSING,
    &CONSENT_RECORD_MISSING,
    &CONSENT_BY_PUBLIC_AUTHORITY,
    &SPECIAL_CATEGORY_CONSENT_NOT_EXPLICIT,
    &CHILDREN_ONLINE_SERVICE_AGE_ASSURANCE_MISSING,
];

pub const SPECIAL_CATEGORY_CONSENT_NOT_EXPLICIT: Rule = Rule {
    name: "special-category-consent-not-explicit",
    severity: Severity::Warning,
    summary: "special category data rests on consent alone, without explicit consent as its Art 9 condition",
    explanation: "When consent is the only Article 6 basis for an activity that processes \
special category data, the consent that makes the special category data lawful must be \
explicit (UK GDPR Art 9(2)(a)): a clear, specific statement, not a ticked box or an \
assumption. Record `explicit-consent` in `article9` (with the record of consent), or, if \
another Article 9 condition really applies, check that consent is the right Article 6 basis \
for it. A warning: another condition can be right, but the pairing is usually a gap.",
    source: "UK GDPR Art 9(2)(a), Art 6(1)(a)",
    fails: &[(
        "activities/foodbank-referrals.toml",
        "name = \"Foodbank referrals\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"consent\"]\nconsent_record = \"CRM referral form, consent field\"\narticle9 = [\"health-social-care\"]\nschedule1 = [2]\n",
    )],
    passes: &[(
        "activities/foodbank-referrals.toml",
        "name = \"Foodbank referrals\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"consent\"]\nconsent_record = \"CRM referral form, consent field\"\narticle9 = [\"explicit-consent\"]\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        if !ctx.is_controller_record()
            || activity.special_categories().is_empty()
            || activity.bases() != [Article6Basis::Consent]
        {
            return;
        }
        let explicit = activity
            .lawful_basis
            .as_ref()
            .is_some_and(|lb| lb.article9.contains(&Article9Condition::ExplicitConsent));
        if !explicit {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6")]),
                "consent is the only basis for special category data, but explicit consent is not its Article 9 condition",
            )
            .help("add \"explicit-consent\" to `article9` if people give explicit consent; otherwise check that consent is the right Article 6 basis");
        }
    }),
};

pub const CHILDREN_ONLINE_SERVICE_AGE_ASSURANCE_MISSING: Rule = Rule {
    name: "children-online-service-age-assurance-missing",
    severity: Severity::Warning,
    summary: "an online service children are likely to use links no record of age assurance",
    explanation: "An online service offered to children is subject to UK GDPR Art 8 (below 13, \
consent must be given or authorised by a parent, with reasonable efforts to check it) and to \
the ICO's Age appropriate design code (the Children's code, DPA 2018 s.123), whose standard 3 \
asks services to establish age with a level of certainty that fits the risks. Link the record \
of how ages are assured in `age_assurance = \"…\"`. ropa reads `children = true` with \
`online_service = true`.",
    source: "UK GDPR Art 8; DPA 2018 s.123 (Children's code, standard 3)",
    fails: &[(
        "activities/library-app.toml",
        "name = \"Library app accounts\"\nchildren = true\nonline_service = true\n",
    )],
    passes: &[(
        "activities/library-app.toml",
        "name = \"Library app accounts\"\nchildren = true\nonline_service = true\nage_assurance = \"https://www.example.gov.uk/ig/library-app-age-assurance.pdf\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let activity = ctx.activity();
        if activity.children == Some(true)
            && activity.online_service == Some(true)
            && blank(&activity.age_assurance)
        {
            out.report(
                ctx.file(),
                ctx.at(&[K("online_service")]),
                "an online service children are likely to use links no record of age assurance",
            )
            .help("add `age_assurance = \"…\"` linking how users' ages are established (the Children's code, standard 3), and check parental consent for under-13s where consent is the basis (Art 8)");
        }
    }),
};

/// The bases of the activity with their index in `article6`, for the rules that apply.
fn bases<'a>(ctx: &ActivityCtx<'a>) -> impl Iterator<Item = (usize, Article6Basis)> + 'a {
    let applies = ctx.is_controller_record();
    ctx.activity()
        .bases()
        .iter()
        .copied()
        .enumerate()
        .filter(move |_| applies)
}

/// The first index of `basis` in `article6`, when the rules apply.
fn position(ctx: &ActivityCtx<'_>, basis: Article6Basis) -> Option<usize> {
    bases(ctx).find(|(_, b)| *b == basis).map(|(i, _)| i)
}

/// `["a", "b", …]` for a help text.
fn slugs<V: Vocabulary>() -> String {
    V::ALL
        .iter()
        .map(|v| format!("\"{}\"", v.slug()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A register that is not a public authority, for the legitimate interests examples.
const LEISURE_TRUST_ROPA_TOML: &str =
    "[controller]\nname = \"Exampletown Leisure Trust\"\npublic_authority = false\n";

/// A housing association (not a public authority), for the recognised legitimate interest examples.
const HOUSING_ASSOCIATION_ROPA_TOML: &str =
    "[controller]\nname = \"Exampletown Homes Housing Association\"\npublic_authority = false\n";

pub const LAWFUL_BASIS_MISSING: Rule = Rule {
    name: "lawful-basis-missing",
    severity: Severity::Error,
    summary: "an activity records no Article 6 lawful basis",
    explanation: "Every processing of personal data needs at least one lawful basis from UK GDPR \
Art 6(1) — consent, contract, legal obligation, vital interests, public task, recognised \
legitimate interest or legitimate interests — and without one the processing is unlawful. The \
record states the purposes (Art 30(1)(b)), and the ICO template records the basis for them \
alongside (column 12); people must also be told it (Art 13(1)(c)). Add a `[lawful_basis]` table \
with `article6 = [\"…\"]`. A council usually relies on `public-task` or `legal-obligation`.",
    source: "UK GDPR Art 6(1), Art 30(1)(b)",
    fails: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n",
    )],
    passes: &[(
        "activities/call-recording.toml",
        "name = \"Call recording\"\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Local Government Act 1972 s.111\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if ctx.is_controller_record() && ctx.activity().bases().is_empty() {
            out.report(ctx.file(), ctx.at(&[K("lawful_basis"), K("article6")]), "no Article 6 lawful basis recorded")
                .help(format!(
                    "add `article6 = [\"public-task\"]` (or whichever applies) to [lawful_basis]; the bases are {}",
                    slugs::<Article6Basis>()
                ));
        }
    }),
};

pub const LEGAL_BASIS_LAW_MISSING: Rule = Rule {
    name: "legal-basis-law-missing",
    severity: Severity::Warning,
    summary: "a legal obligation or public task basis does not name the law behind it",
    explanation: "Legal obligation (UK GDPR Art 6(1)(c)) and public task (Art 6(1)(e)) are only \
available when the obligation or task is laid down by law (Art 6(3)). Naming the Act, section or \
power shows that it is, and tells whoever reviews the entry what to check. Add `law = \"…\"` to \
`[lawful_basis]`, e.g. \"Local Government Act 1972 s.111\" or \"Housing Act 1996 Part 7\"; when \
several laws apply, name each.",
    source: "UK GDPR Art 6(3)",
    fails: &[(
        "activities/housing-register.toml",
        "name = \"Housing register\"\n\n[lawful_basis]\narticle6 = [\"public-task\"]\n",
    )],
    passes: &[(
        "activities/housing-register.toml",
        "name = \"Housing register\"\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Housing Act 1996 Part 6\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        let law = ctx
            .activity()
            .lawful_basis
            .as_ref()
            .and_then(|lb| lb.law.clone());
        if !blank(&law) {
            return;
        }
        if let Some((i, basis)) = bases(ctx).find(|(_, b)| b.needs_law()) {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                format!("{} is relied on but no law is named", basis.in_sentence()),
            )
            .help("add `law = \"…\"` to [lawful_basis] naming the Act and section, e.g. \"Local Government Act 1972 s.111\"");
        }
    }),
};

pub const LEGITIMATE_INTERESTS_UNDOCUMENTED: Rule = Rule {
    name: "legitimate-interests-undocumented",
    severity: Severity::Error,
    summary: "legitimate interests is relied on without saying what the interest is",
    explanation: "Legitimate interests (UK GDPR Art 6(1)(f)) is a lawful basis only for a \
specific interest, which must be weighed against the interests and rights of the people whose \
data it is. People must be told what the interest is (Art 13(1)(d), Art 14(2)(b)), and the ICO \
template records it (column 14). Say whose interest it is and what it is in \
`legitimate_interests = \"…\"` under `[lawful_basis]`.",
    source: "UK GDPR Art 6(1)(f), Art 13(1)(d)",
    fails: &[
        ("ropa.toml", LEISURE_TRUST_ROPA_TOML),
        (
            "activities/cctv.toml",
            "name = \"CCTV in leisure centres\"\n\n[lawful_basis]\narticle6 = [\"legitimate-interests\"]\nlia = \"https://intranet.exampletownleisure.org.uk/dp/lia-cctv\"\n",
        ),
    ],
    passes: &[
        ("ropa.toml", LEISURE_TRUST_ROPA_TOML),
        (
            "activities/cctv.toml",
            "name = \"CCTV in leisure centres\"\n\n[lawful_basis]\narticle6 = [\"legitimate-interests\"]\nlegitimate_interests = \"Keeping customers and staff safe, and preventing and detecting theft and damage at our centres\"\nlia = \"https://intranet.exampletownleisure.org.uk/dp/lia-cctv\"\n",
        ),
    ],
    check: Check::Activity(|ctx, out| {
        let Some(i) = position(ctx, Article6Basis::LegitimateInterests) else {
            return;
        };
        let interest = ctx
            .activity()
            .lawful_basis
            .as_ref()
            .and_then(|lb| lb.legitimate_interests.clone());
        if blank(&interest) {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                "legitimate interests (Art 6(1)(f)) is relied on but the interest pursued is not stated",
            )
            .help("add `legitimate_interests = \"…\"` to [lawful_basis] saying whose interest it is and what it is, e.g. \"Keeping staff and visitors safe\"");
        }
    }),
};

pub const LEGITIMATE_INTERESTS_ASSESSMENT_MISSING: Rule = Rule {
    name: "legitimate-interests-assessment-missing",
    severity: Severity::Warning,
    summary: "legitimate interests is relied on without a linked legitimate interests assessment",
    explanation: "Relying on legitimate interests (UK GDPR Art 6(1)(f)) means deciding that the \
processing is necessary for the interest and that the interest is not overridden by the \
people's interests and rights. The controller must be able to show how it decided (the \
accountability principle, Art 5(2)), which the ICO expects to be a written legitimate interests \
assessment covering the purpose, necessity and balancing tests; the ICO template links it \
(column 15). Link it in `lia = \"…\"` under `[lawful_basis]`.",
    source: "UK GDPR Art 5(2), Art 6(1)(f)",
    fails: &[
        ("ropa.toml", LEISURE_TRUST_ROPA_TOML),
        (
            "activities/customer-surveys.toml",
            "name = \"Customer satisfaction surveys\"\n\n[lawful_basis]\narticle6 = [\"legitimate-interests\"]\nlegitimate_interests = \"Finding out what members think of our centres so we can improve them\"\n",
        ),
    ],
    passes: &[
        ("ropa.toml", LEISURE_TRUST_ROPA_TOML),
        (
            "activities/customer-surveys.toml",
            "name = \"Customer satisfaction surveys\"\n\n[lawful_basis]\narticle6 = [\"legitimate-interests\"]\nlegitimate_interests = \"Finding out what members think of our centres so we can improve them\"\nlia = \"https://intranet.exampletownleisure.org.uk/dp/lia-surveys\"\n",
        ),
    ],
    check: Check::Activity(|ctx, out| {
        let Some(i) = position(ctx, Article6Basis::LegitimateInterests) else {
            return;
        };
        let lia = ctx
            .activity()
            .lawful_basis
            .as_ref()
            .and_then(|lb| lb.lia.clone());
        if blank(&lia) {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                "legitimate interests (Art 6(1)(f)) is relied on but no legitimate interests assessment is linked",
            )
            .help("add `lia = \"…\"` to [lawful_basis] linking the written assessment of the purpose, necessity and balancing tests");
        }
    }),
};

pub const LEGITIMATE_INTERESTS_BY_PUBLIC_AUTHORITY: Rule = Rule {
    name: "legitimate-interests-by-public-authority",
    severity: Severity::Warning,
    summary: "a public authority relies on legitimate interests or recognised legitimate interest",
    explanation: "A public authority cannot rely on legitimate interests (UK GDPR Art 6(1)(f)) or \
recognised legitimate interest (Art 6(1)(ea)) for processing it carries out in the performance \
of its tasks (Art 6(1), last sentence, as amended by the Data (Use and Access) Act 2025 s.70). \
For a council, that covers almost everything it does: rely on public task (`public-task`, with \
`law` naming the power) or legal obligation instead.\n\n\
ropa cannot tell whether an activity is part of the authority's tasks, so this is a warning. If \
the processing is genuinely outside the authority's public tasks (for example, a purely \
commercial service run like a business), keep the basis and waive this rule for the activity \
with a `[[waivers]]` entry giving that reason.",
    source: "UK GDPR Art 6(1) (last sentence, as amended by the Data (Use and Access) Act 2025 s.70)",
    fails: &[(
        "activities/cctv.toml",
        "name = \"CCTV at council offices\"\n\n[lawful_basis]\narticle6 = [\"legitimate-interests\"]\nlegitimate_interests = \"Health and safety of staff and visitors, and crime prevention\"\nlia = \"https://intranet.example.gov.uk/dp/lia-cctv\"\n",
    )],
    passes: &[(
        "activities/cctv.toml",
        "name = \"CCTV at council offices\"\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Criminal Justice and Public Order Act 1994 s.163; Crime and Disorder Act 1998 s.17\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if !ctx.is_public_authority() {
            return;
        }
        for (i, basis) in bases(ctx).filter(|(_, b)| b.unavailable_to_public_authorities()) {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                format!(
                    "{} is relied on by a public authority, which cannot use it for processing in the performance of its tasks",
                    basis.in_sentence()
                ),
            )
            .help("use `\"public-task\"` with `law = \"…\"` naming the power; if this processing is genuinely outside the authority's public tasks, add a [[waivers]] entry for this rule giving that reason");
        }
    }),
};

pub const RECOGNISED_LEGITIMATE_INTEREST_CONDITION_MISSING: Rule = Rule {
    name: "recognised-legitimate-interest-condition-missing",
    severity: Severity::Error,
    summary: "recognised legitimate interest is relied on without naming its Annex 1 condition",
    explanation: "Recognised legitimate interest (UK GDPR Art 6(1)(ea), added by the Data (Use \
and Access) Act 2025 s.70) is available only when the processing meets one of the conditions in \
Annex 1 to the UK GDPR (Art 6(5)): a disclosure requested by a body that needs the data for its \
public task, national security or defence, emergencies, crime, or safeguarding vulnerable \
people. There is no balancing test, but the condition relied on must be identified, and the \
processing must still be necessary for it. Name it in `recognised_condition = \"…\"` under \
`[lawful_basis]`.",
    source: "UK GDPR Art 6(1)(ea), Art 6(5), Annex 1",
    fails: &[
        ("ropa.toml", HOUSING_ASSOCIATION_ROPA_TOML),
        (
            "activities/tenancy-information-for-council.toml",
            "name = \"Tenancy information shared with the council on request\"\n\n[lawful_basis]\narticle6 = [\"recognised-legitimate-interest\"]\n",
        ),
    ],
    passes: &[
        ("ropa.toml", HOUSING_ASSOCIATION_ROPA_TOML),
        (
            "activities/tenancy-information-for-council.toml",
            "name = \"Tenancy information shared with the council on request\"\n\n[lawful_basis]\narticle6 = [\"recognised-legitimate-interest\"]\nrecognised_condition = \"disclosure-for-public-task\"\n",
        ),
    ],
    check: Check::Activity(|ctx, out| {
        let Some(i) = position(ctx, Article6Basis::RecognisedLegitimateInterest) else {
            return;
        };
        let condition = ctx
            .activity()
            .lawful_basis
            .as_ref()
            .and_then(|lb| lb.recognised_condition);
        if condition.is_none() {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                "recognised legitimate interest (Art 6(1)(ea)) is relied on but no Annex 1 condition is given",
            )
            .help(format!(
                "add `recognised_condition = \"…\"` to [lawful_basis], one of {}",
                slugs::<AnnexCondition>()
            ));
        }
    }),
};

pub const CONSENT_RECORD_MISSING: Rule = Rule {
    name: "consent-record-missing",
    severity: Severity::Error,
    summary: "consent or explicit consent is relied on without saying where the consents are recorded",
    explanation: "Where processing is based on consent (UK GDPR Art 6(1)(a)) or explicit consent \
(Art 9(2)(a)), the controller must be able to demonstrate that each person consented (Art 7(1)): \
who, when, how, and what they were told. The ICO template links the record of consent \
(column 19). Say where the consents are kept in `consent_record = \"…\"` under \
`[lawful_basis]`, e.g. a system and field, or a link to the signed forms.",
    source: "UK GDPR Art 7(1), Art 6(1)(a), Art 9(2)(a)",
    fails: &[(
        "activities/assisted-bin-collections.toml",
        "name = \"Assisted bin collections\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Environmental Protection Act 1990 s.45\"\narticle9 = [\"explicit-consent\"]\n",
    )],
    passes: &[(
        "activities/assisted-bin-collections.toml",
        "name = \"Assisted bin collections\"\nspecial_category_data = [\"health\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Environmental Protection Act 1990 s.45\"\narticle9 = [\"explicit-consent\"]\nconsent_record = \"Signed declaration on the assisted collection application form, kept in the waste services CRM\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if !ctx.is_controller_record() {
            return;
        }
        let Some(lb) = &ctx.activity().lawful_basis else {
            return;
        };
        if !blank(&lb.consent_record) {
            return;
        }
        let consent = lb
            .article6
            .iter()
            .position(|b| *b == Article6Basis::Consent);
        let explicit = lb
            .article9
            .iter()
            .position(|c| *c == Article9Condition::ExplicitConsent);
        let (span, what) = match (consent, explicit) {
            (Some(i), Some(_)) => (
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                format!(
                    "{} and {} are relied on",
                    Article6Basis::Consent.in_sentence(),
                    lowercase_first(&Article9Condition::ExplicitConsent.with_point())
                ),
            ),
            (Some(i), None) => (
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                format!("{} is relied on", Article6Basis::Consent.in_sentence()),
            ),
            (None, Some(i)) => (
                ctx.at(&[K("lawful_basis"), K("article9"), I(i)]),
                format!(
                    "{} is relied on",
                    lowercase_first(&Article9Condition::ExplicitConsent.with_point())
                ),
            ),
            (None, None) => return,
        };
        out.report(ctx.file(), span, format!("{what} but no record of consent is given"))
            .help("add `consent_record = \"…\"` to [lawful_basis] saying where the consents are kept, e.g. \"Consent flag and date in the CRM\"");
    }),
};

pub const CONSENT_BY_PUBLIC_AUTHORITY: Rule = Rule {
    name: "consent-by-public-authority",
    severity: Severity::Warning,
    summary: "a public authority relies on consent as its Article 6 basis",
    explanation: "Consent (UK GDPR Art 6(1)(a)) must be freely given, and where there is a clear \
imbalance between the person and the controller — as there usually is with a public authority \
whose services people depend on — consent is unlikely to be freely given (Recital 43). \
People can also withdraw consent at any time (Art 7(3)), which a council rarely can honour for \
its statutory work. For most council processing the right basis is public task (`public-task`, \
with `law` naming the power) or legal obligation.\n\n\
Where consent is genuinely optional and the person loses nothing by refusing — for example, an \
optional referral to a partner organisation made only at the person's request — consent can be \
right: keep it and waive this rule for the activity with a `[[waivers]]` entry giving that reason. \
Website cookies are such a case: the Privacy and Electronic Communications Regulations (reg 6) \
need consent for non-essential cookies whatever the organisation, and \"by using our website \
you agree\" is not consent (Art 4(11), Recital 32) — record where the cookie consents are kept, \
and waive this rule with that reason.",
    source: "UK GDPR Art 6(1)(a), Recital 43",
    fails: &[(
        "activities/housing-register.toml",
        "name = \"Housing register\"\n\n[lawful_basis]\narticle6 = [\"consent\"]\nconsent_record = \"Signed declaration on the housing application form\"\n",
    )],
    passes: &[(
        "activities/housing-register.toml",
        "name = \"Housing register\"\n\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Housing Act 1996 Part 6\"\n",
    )],
    check: Check::Activity(|ctx, out| {
        if !ctx.is_public_authority() {
            return;
        }
        if let Some(i) = position(ctx, Article6Basis::Consent) {
            out.report(
                ctx.file(),
                ctx.at(&[K("lawful_basis"), K("article6"), I(i)]),
                "consent (Art 6(1)(a)) is relied on by a public authority, where it is rarely freely given",
            )
            .help("rely on `\"public-task\"` with `law = \"…\"` naming the power; if consent is genuinely optional here (e.g. an optional referral), add a [[waivers]] entry for this rule giving that reason");
        }
    }),
};
