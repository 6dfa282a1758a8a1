//! Which activities an export or a listing covers: `--function` and `--activity`, and the
//! [`Criteria`] of `ropa list` (basis, special category, processor, country, …).

use std::collections::BTreeSet;

use crate::diag::FileId;
use crate::load::did_you_mean;
use crate::model::{Activity, Date, Loaded, Processor, Register};
use crate::source::FatalError;
use crate::vocab::{Article6Basis, Role, SpecialCategory, Vocabulary};

/// The activities chosen on the command line; by default, all of them.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Business functions to keep, compared without regard to case.
    functions: Vec<String>,
    /// Glob patterns over activity ids, such as `customer-services/*`.
    patterns: Vec<glob::Pattern>,
    criteria: Criteria,
}

/// What an activity must have to be selected, beyond its function and id. Different criteria
/// must all hold; several values of one criterion (`--basis consent --basis contract`) match
/// an activity that has any of them. Empty criteria select everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Criteria {
    /// Article 6 bases relied on.
    pub bases: Vec<Article6Basis>,
    /// Special category data processed: `Some([])` for any category.
    pub special: Option<Vec<SpecialCategory>>,
    /// Criminal offence data processed.
    pub criminal: bool,
    /// Processor ids used.
    pub processors: Vec<String>,
    /// Countries the data goes to (ISO 3166-1 alpha-2): a transfer there is recorded, or a
    /// processor the activity uses works there.
    pub countries: Vec<String>,
    /// The organisation's role, `controller` when not recorded.
    pub roles: Vec<Role>,
    /// Words in any text field (name, description, purposes, data subjects, personal data,
    /// recipients, sources, …), without regard to case.
    pub text: Vec<String>,
    /// Words in a data-subject category, without regard to case.
    pub data_subjects: Vec<String>,
    /// Words in a category of personal data, without regard to case.
    pub personal_data: Vec<String>,
    /// Review overdue on this date (the `review-overdue` rule's test).
    pub overdue_on: Option<Date>,
    /// Only the activities of these files: those with lint errors, for `--failing`.
    pub only_files: Option<BTreeSet<FileId>>,
}

impl Criteria {
    /// True when the activity meets every criterion.
    pub fn matches(&self, register: &Register, activity: &Loaded<Activity>) -> bool {
        let a = &activity.value;
        let specials = a.special_categories();
        let text_has = |word: &String| contains(texts_of(a), word);
        let subject_has = |word: &String| contains(a.data_subjects.iter().flatten(), word);
        let data_has = |word: &String| contains(a.personal_data.iter().flatten(), word);
        any(&self.bases, |b| a.bases().contains(b))
            && match &self.special {
                None => true,
                Some(wanted) if wanted.is_empty() => !specials.is_empty(),
                Some(wanted) => wanted.iter().any(|c| specials.contains(c)),
            }
            && (!self.criminal || a.criminal_offence_data == Some(true))
            && any(&self.processors, |p| a.uses_processor(p))
            && any(&self.countries, |c| destinations(register, a).contains(c))
            && any(&self.roles, |r| a.role() == *r)
            && any(&self.text, text_has)
            && any(&self.data_subjects, subject_has)
            && any(&self.personal_data, data_has)
            && self
                .overdue_on
                .is_none_or(|today| a.review_overdue(register.review_interval_months(), today))
            && self
                .only_files
                .as_ref()
                .is_none_or(|files| files.contains(&activity.file))
    }
}

/// Whether any of the texts holds `word` (already in lower case), without regard to case.
fn contains<'a>(mut texts: impl Iterator<Item = &'a String>, word: &str) -> bool {
    texts.any(|t| t.to_lowercase().contains(word))
}

/// Every piece of free text an activity records, for `--text`.
fn texts_of(a: &Activity) -> impl Iterator<Item = &String> {
    let single = [
        Some(&a.name),
        a.business_function.as_ref(),
        a.description.as_ref(),
        a.owner.as_ref(),
        a.location.as_ref(),
    ];
    let basis = a.lawful_basis.iter().flat_map(|b| {
        [b.law.as_ref(), b.legitimate_interests.as_ref()]
            .into_iter()
            .flatten()
    });
    let lists = [
        &a.purposes,
        &a.data_subjects,
        &a.personal_data,
        &a.sources,
        &a.recipients,
        &a.security_measures,
        &a.notes,
    ];
    let entries = a
        .retention
        .iter()
        .flatten()
        .flat_map(|r| [r.data.as_ref(), r.trigger.as_ref()].into_iter().flatten())
        .chain(
            a.transfers
                .iter()
                .flatten()
                .filter_map(|t| t.recipient.as_ref()),
        );
    single
        .into_iter()
        .flatten()
        .chain(basis)
        .chain(lists.into_iter().flat_map(|l| l.iter().flatten()))
        .chain(entries)
}

/// True when nothing is wanted, or some wanted value is found.
fn any<T>(wanted: &[T], found: impl FnMut(&T) -> bool) -> bool {
    wanted.is_empty() || wanted.iter().any(found)
}

/// The countries an activity's data goes to: its transfers' and its processors' countries.
pub fn destinations(register: &Register, activity: &Activity) -> BTreeSet<String> {
    let transfers = activity
        .transfers
        .iter()
        .flatten()
        .filter_map(|t| t.country.as_ref().map(|c| c.0.clone()));
    let processors = activity
        .processors
        .iter()
        .flatten()
        .filter_map(|id| register.processor(&id.0))
        // Its own countries and its sub-processors', as processor-transfer-unrecorded reads them.
        .flat_map(|p| p.value.all_countries().into_iter().map(str::to_string));
    transfers.chain(processors).collect()
}

/// A slug given to `flag`, checked against its vocabulary: an unknown slug is an error naming
/// the nearest one and every allowed value.
pub fn parse_slug<V: Vocabulary>(flag: &str, text: &str) -> Result<V, FatalError> {
    let wanted = text.trim().to_lowercase();
    if let Some(value) = V::from_slug(&wanted) {
        return Ok(value);
    }
    let slugs: Vec<&str> = V::ALL.iter().map(|v| v.slug()).collect();
    let hint = did_you_mean(&wanted, slugs.iter().copied())
        .map(|s| format!("did you mean `{flag} {s}`? "))
        .unwrap_or_default();
    Err(
        FatalError::new(format!("`{text}` is not a known {} ({flag})", V::WHAT))
            .with_help(format!("{hint}allowed: {}", slugs.join(", "))),
    )
}

/// A country code given to `--country`: an assigned ISO 3166-1 alpha-2 code, in capitals.
/// `UK` is refused with a pointer to `GB`, since a code that no register value can hold would
/// only ever match nothing.
pub fn parse_country(register: &Register, text: &str) -> Result<String, FatalError> {
    let code = text.trim().to_uppercase();
    if code.len() == 2 && isocountry::CountryCode::for_alpha2(&code).is_ok() {
        return Ok(code);
    }
    if code == "UK" {
        return Err(FatalError::new(format!(
            "`{text}` is not an ISO 3166-1 country code (--country)"
        ))
        .with_help("use GB (the ISO 3166 code for the United Kingdom)"));
    }
    let known: BTreeSet<String> = register
        .activities
        .iter()
        .flat_map(|a| destinations(register, &a.value))
        .collect();
    let known = if known.is_empty() {
        "none recorded".to_string()
    } else {
        known.into_iter().collect::<Vec<_>>().join(", ")
    };
    Err(
        FatalError::new(format!("`{text}` is not a country code (--country)")).with_help(format!(
            "write the ISO 3166-1 alpha-2 code, e.g. US or IE; countries in this register: {known}"
        )),
    )
}

/// Every `--function` value, checked against the business functions the register's
/// activities record (without regard to case). A value that no activity has is a typo more
/// often than a question, so it is an error naming the nearest function not already given.
/// `ropa list` and `ropa export` both check their `--function` values here.
pub fn check_functions(register: &Register, given: &[String]) -> Result<(), FatalError> {
    if given.is_empty() {
        return Ok(());
    }
    let mut functions: Vec<&str> = register
        .activities
        .iter()
        .filter_map(|a| a.value.business_function.as_deref())
        .map(str::trim)
        .collect();
    functions.sort_unstable();
    functions.dedup();
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    let Some(unknown) = given
        .iter()
        .find(|value| !functions.iter().any(|f| same(f, value)))
    else {
        return Ok(());
    };
    let is_given = |f: &str| given.iter().any(|g| same(g, f));
    let hint = match did_you_mean(unknown, functions.iter().copied()) {
        Some(f) if is_given(f) => {
            format!("`--function \"{f}\"` is given already, so leave this one out; ")
        }
        Some(f) => format!("did you mean `--function \"{f}\"`? "),
        None => String::new(),
    };
    let all = if functions.is_empty() {
        "none recorded".to_string()
    } else {
        functions.join(", ")
    };
    Err(FatalError::new(format!(
        "no activity has the business function `{unknown}` (--function)"
    ))
    .with_help(format!("{hint}business functions in this register: {all}")))
}

/// A processor id given to `--processor`: one with a file in processors/ or named by an
/// activity; otherwise an error naming the nearest.
pub fn check_processor(register: &Register, id: &str) -> Result<String, FatalError> {
    let known: BTreeSet<&str> = register
        .processors
        .iter()
        .map(|p| p.id.as_str())
        .chain(
            register
                .activities
                .iter()
                .flat_map(|a| a.value.processor_ids()),
        )
        .collect();
    let id = id.trim();
    if known.contains(id) {
        return Ok(id.to_string());
    }
    // A processor's name, as people say it ("Capita"), finds its id.
    if let Some(p) = register
        .processors
        .iter()
        .find(|p| p.value.name.trim().eq_ignore_ascii_case(id))
    {
        return Ok(p.id.clone());
    }
    let hint = did_you_mean(id, known.iter().copied())
        .map(|s| format!("did you mean `--processor {s}`? "))
        .unwrap_or_default();
    let all = if known.is_empty() {
        "none recorded".to_string()
    } else {
        known.into_iter().collect::<Vec<_>>().join(", ")
    };
    Err(FatalError::new(format!(
        "no processor `{id}` in this register (--processor)"
    ))
    .with_help(format!("{hint}processor ids: {all}")))
}

impl Selection {
    /// A selection from `--function` and `--activity` values. A bad glob is an error that says
    /// what is wrong with it.
    pub fn new(functions: &[String], activity_globs: &[String]) -> Result<Self, FatalError> {
        let patterns = activity_globs
            .iter()
            .map(|g| {
                glob::Pattern::new(g).map_err(|e| {
                    FatalError::new(format!(
                        "`--activity {g}` is not a valid pattern: {}",
                        e.msg
                    ))
                    .with_help("use * for any characters and ? for one, e.g. `customer-services/*`")
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Selection {
            functions: functions.iter().map(|f| f.trim().to_lowercase()).collect(),
            patterns,
            criteria: Criteria::default(),
        })
    }

    /// Each `--activity` pattern must match some activity's id, as each other filter value
    /// must name something in the register: a pattern that matches nothing is a typo, not an
    /// empty answer.
    pub fn check_patterns(&self, register: &Register) -> Result<(), FatalError> {
        for pattern in &self.patterns {
            if !register.activities.iter().any(|a| pattern.matches(&a.id)) {
                return Err(FatalError::new(format!(
                    "no activity id matches `--activity {}`",
                    pattern.as_str()
                ))
                .with_help(
                    "`ropa list` shows every activity's id; a pattern such as `customer-services/*` matches the ids in one folder",
                ));
            }
        }
        Ok(())
    }

    /// The selection narrowed further by `criteria`.
    pub fn with_criteria(mut self, criteria: Criteria) -> Self {
        self.criteria = criteria;
        self
    }

    /// True when no filter was given.
    pub fn is_everything(&self) -> bool {
        self.functions.is_empty()
            && self.patterns.is_empty()
            && self.criteria == Criteria::default()
    }

    pub fn includes(&self, register: &Register, activity: &Loaded<Activity>) -> bool {
        let function_ok = self.functions.is_empty()
            || activity
                .value
                .business_function
                .as_deref()
                .is_some_and(|f| self.functions.contains(&f.trim().to_lowercase()));
        let id_ok =
            self.patterns.is_empty() || self.patterns.iter().any(|p| p.matches(&activity.id));
        function_ok && id_ok && self.criteria.matches(register, activity)
    }

    /// The selected activities, in register order.
    pub fn activities<'a>(&self, register: &'a Register) -> Vec<&'a Loaded<Activity>> {
        register
            .activities
            .iter()
            .filter(|a| self.includes(register, a))
            .collect()
    }

    /// Every processor when nothing was filtered, else the processors the selected activities
    /// use.
    pub fn processors<'a>(
        &self,
        register: &'a Register,
        activities: &[&Loaded<Activity>],
    ) -> Vec<&'a Loaded<Processor>> {
        // The ids the chosen activities name, gathered once (not a scan per processor).
        let named: std::collections::HashSet<&str> = activities
            .iter()
            .flat_map(|a| a.value.processor_ids())
            .collect();
        register
            .processors
            .iter()
            .filter(|p| self.is_everything() || named.contains(p.id.as_str()))
            .collect()
    }
}

/// The activities of `chosen` that name processor `id`, in register order, from the
/// register's index: the cost is the number of uses, not activities times processors.
pub fn users_among<'a>(
    register: &'a Register,
    chosen: &std::collections::HashSet<crate::files::FileId>,
    id: &str,
) -> Vec<&'a Loaded<Activity>> {
    register
        .users_of(id)
        .filter(|a| chosen.contains(&a.file))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = r#"
name = "Newsletter"
business_function = "Communications"
purposes = ["Sending the residents' newsletter"]
processors = ["mailer"]
last_reviewed = 2024-01-10
[lawful_basis]
article6 = ["consent"]
[[transfers]]
country = "US"
"#;

    const HEALTH: &str = r#"
name = "Occupational health"
business_function = "Human Resources"
role = "processor"
special_category_data = ["health"]
criminal_offence_data = true
[lawful_basis]
article6 = ["legal-obligation"]
"#;

    /// Two activities, `news` (file 1) and `health` (file 2), after ropa.toml (file 0).
    fn register() -> Register {
        let files = [
            ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
            ("activities/news.toml", NEWS),
            ("activities/health.toml", HEALTH),
        ];
        let report =
            crate::load::load(&crate::source::MemorySource::from_texts("reg", &files)).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        report.register
    }

    fn ids(criteria: Criteria) -> Vec<String> {
        let register = register();
        Selection::default()
            .with_criteria(criteria)
            .activities(&register)
            .iter()
            .map(|a| a.id.clone())
            .collect()
    }

    #[test]
    fn each_criterion_narrows_and_they_combine() {
        let today = Date::parse("2026-01-01");
        let register = register();
        let file = |id: &str| {
            register
                .activities
                .iter()
                .find(|a| a.id == id)
                .unwrap()
                .file
        };
        assert_eq!(ids(Criteria::default()), ["health", "news"]);
        let uses = |id: &str, processor: &str| {
            let a = register.activities.iter().find(|a| a.id == id).unwrap();
            a.value.uses_processor(processor)
        };
        assert!(uses("news", "mailer") && !uses("health", "mailer") && !uses("news", "mail"));
        let basis = |b| Criteria {
            bases: vec![b],
            ..Default::default()
        };
        assert_eq!(ids(basis(Article6Basis::Consent)), ["news"]);
        assert_eq!(
            ids(Criteria {
                bases: vec![Article6Basis::Consent, Article6Basis::LegalObligation],
                ..Default::default()
            }),
            ["health", "news"],
            "several values of one criterion: any of them"
        );
        let special = |cats: Vec<SpecialCategory>| Criteria {
            special: Some(cats),
            ..Default::default()
        };
        assert_eq!(ids(special(vec![])), ["health"]);
        assert_eq!(ids(special(vec![SpecialCategory::Biometric])), [""; 0]);
        for (criteria, expected) in [
            (
                Criteria {
                    criminal: true,
                    ..Default::default()
                },
                "health",
            ),
            (
                Criteria {
                    processors: vec!["mailer".into()],
                    ..Default::default()
                },
                "news",
            ),
            (
                Criteria {
                    countries: vec!["US".into()],
                    ..Default::default()
                },
                "news",
            ),
            (
                Criteria {
                    roles: vec![Role::Processor],
                    ..Default::default()
                },
                "health",
            ),
            (
                Criteria {
                    text: vec!["newsletter".into()],
                    ..Default::default()
                },
                "news",
            ),
            (
                Criteria {
                    overdue_on: today,
                    ..Default::default()
                },
                "news",
            ),
            (
                Criteria {
                    only_files: Some([file("health")].into()),
                    ..Default::default()
                },
                "health",
            ),
        ] {
            assert_eq!(ids(criteria.clone()), [expected], "{criteria:?}");
        }
        let both = Criteria {
            criminal: true,
            bases: vec![Article6Basis::Consent],
            ..Default::default()
        };
        assert!(ids(both).is_empty(), "different criteria must all hold");
    }

    #[test]
    fn unknown_slugs_suggest_the_nearest() {
        let err = parse_slug::<Article6Basis>("--basis", "publik-task").unwrap_err();
        assert_eq!(
            err.message,
            "`publik-task` is not a known Article 6 lawful basis (--basis)"
        );
        assert!(
            err.help
                .unwrap()
                .starts_with("did you mean `--basis public-task`? allowed: consent, ")
        );
        assert_eq!(
            parse_slug::<Role>("--role", "Processor").unwrap(),
            Role::Processor
        );
        assert_eq!(parse_country(&register(), "us").unwrap(), "US");
        let err = parse_country(&register(), "USA").unwrap_err();
        assert!(err.help.unwrap().ends_with("in this register: US"));
        let err = parse_country(&register(), "XX").unwrap_err();
        assert!(
            err.help.unwrap().ends_with("in this register: US"),
            "not assigned"
        );
        let err = parse_country(&register(), "uk").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("use GB (the ISO 3166 code for the United Kingdom)")
        );
        let err = check_processor(&register(), "mailr").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `--processor mailer`? processor ids: mailer")
        );
    }

    #[test]
    fn every_function_given_must_be_recorded() {
        let register = register();
        let given = |values: &[&str]| {
            let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            check_functions(&register, &values)
        };
        assert!(given(&[]).is_ok());
        assert!(given(&["human resources", " Communications "]).is_ok());
        // One good value does not let a typo through.
        let err = given(&["Communications", "Human Resorces"]).unwrap_err();
        assert_eq!(
            err.message,
            "no activity has the business function `Human Resorces` (--function)"
        );
        assert_eq!(
            err.help.as_deref(),
            Some(
                "did you mean `--function \"Human Resources\"`? business functions in this \
                 register: Communications, Human Resources"
            )
        );
        // The nearest is given already: say so rather than suggest it again.
        let err = given(&["Human Resources", "Human Resorces"]).unwrap_err();
        assert!(
            err.help
                .unwrap()
                .starts_with("`--function \"Human Resources\"` is given already"),
        );
        assert!(given(&[""]).is_err());
    }
}
