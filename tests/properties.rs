//! Round trips as properties, on generated registers that use every field of an activity:
//! export → import → export is the identity (CSV and XLSX), the JSON export holds the same
//! model, and a register compared with itself has no changes. (`fmt` keeping the model and
//! every comment is the property in `tests/fmt.rs`.)

use std::path::Path;

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::test_runner::{TestCaseError, TestRunner};
use ropa::diff::{Side, diff};
use ropa::import::write::file_text;
use ropa::load::load;
use ropa::model::{
    Activity, AutomatedDecisionMaking, Breach, Dpia, LawfulBasis, PolicyDocument, ProvidingData,
    Retention, Risk, Transfer,
};
use ropa::schema::FileKind;
use ropa::source::DirSource;
use ropa::vocab::{
    AdmSafeguard, Article6Basis, Article9Condition, DataRequirement, DpiaStatus, RetentionAction,
    SpecialCategory, TransferMechanism, Vocabulary,
};

mod common;

/// Text a DPO writes: words, commas, brackets and apostrophes (a list item never holds the
/// "; " that joins items in one cell, as in any spreadsheet ROPA).
fn words() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,4}( \\([a-z ]{3,12}\\))?('s [a-z]{3,6})?"
}

fn list() -> impl Strategy<Value = Option<Vec<String>>> {
    proptest::option::of(proptest::collection::btree_set(words(), 1..4))
        .prop_map(|s| s.map(|s| s.into_iter().collect()))
}

fn some_of<T: Vocabulary + Clone + std::fmt::Debug>() -> impl Strategy<Value = Vec<T>> {
    subsequence(T::ALL.to_vec(), 0..=T::ALL.len().min(3))
}

fn retention() -> impl Strategy<Value = Retention> {
    (
        words(),
        select(vec!["6 months", "3 years", "30 days", "P6M", "2 weeks"]),
        proptest::option::of("from (the )?(date|end) of [a-z]{3,8}"),
        proptest::option::of(select(RetentionAction::ALL.to_vec())),
    )
        .prop_map(|(data, period, trigger, action)| Retention {
            data: Some(data),
            period: Some(period.to_string()),
            trigger,
            action,
            reason: None,
        })
}

fn transfer() -> impl Strategy<Value = Transfer> {
    (
        select(vec!["US", "IN", "IE", "CA"]),
        words(),
        select(TransferMechanism::ALL.to_vec()),
    )
        .prop_map(|(country, recipient, mechanism)| Transfer {
            country: Some(ropa::model::CountryCode(country.to_string())),
            recipient: Some(recipient),
            mechanism: Some(mechanism),
            safeguards: (mechanism == TransferMechanism::Derogation)
                .then(|| "Explicit consent for each transfer".to_string()),
            adequacy_scope: None,
            risk_assessment: None,
        })
}

prop_compose! {
    fn activity()(
        name in words(),
        function in proptest::option::of(select(vec!["Housing", "Customer Services", "Planning"])),
        description in proptest::option::of(words()),
        owner in proptest::option::of(words()),
        purposes in list(),
        subjects in list(),
        data in list(),
        special in proptest::option::of(some_of::<SpecialCategory>()),
        criminal in proptest::option::of(any::<bool>()),
        sources in list(),
        recipients in list(),
        processors in subsequence(vec!["housing-system", "mail-house"], 0..=2),
        location in proptest::option::of(words()),
        security in list(),
        privacy_notice in proptest::option::of(Just("https://example.gov.uk/privacy".to_string())),
        providing in proptest::option::of((select(DataRequirement::ALL.to_vec()), proptest::option::of(words()))),
        bases in some_of::<Article6Basis>(),
        law in proptest::option::of(words()),
        interests in proptest::option::of(words()),
        article9 in some_of::<Article9Condition>(),
        schedule1 in subsequence(vec![1i64, 6, 10, 18], 0..=2),
        retention in proptest::option::of(proptest::collection::vec(retention(), 0..3)),
        transfers in proptest::option::of(proptest::collection::vec(transfer(), 0..2)),
        adm in proptest::option::of((any::<bool>(), words(), some_of::<AdmSafeguard>())),
        risk in proptest::option::of((any::<bool>(), any::<bool>(), any::<bool>())),
        dpia in proptest::option::of((any::<bool>(), proptest::option::of(select(DpiaStatus::ALL.to_vec())))),
        breach in proptest::option::of(any::<bool>()),
        policy in proptest::option::of((Just("https://example.gov.uk/apd".to_string()), any::<bool>())),
        notes in list(),
    ) -> Activity {
        Activity {
            name,
            business_function: function.map(str::to_string),
            role: None,
            description,
            owner,
            last_reviewed: ropa::model::Date::parse("2026-03-01"),
            next_review: None,
            purposes,
            data_subjects: subjects,
            personal_data: data,
            special_category_data: special,
            criminal_offence_data: criminal,
            children: None,
            online_service: None,
            age_assurance: None,
            sources,
            recipients,
            processors: (!processors.is_empty())
                .then(|| processors.iter().map(|p| ropa::model::ProcessorId(p.to_string())).collect()),
            location,
            security_measures: security,
            rights: None,
            privacy_notice,
            providing_data: providing.map(|(requirement, consequences)| ProvidingData {
                requirement: Some(requirement),
                consequences,
            }),
            lawful_basis: (!bases.is_empty()).then(|| LawfulBasis {
                article6: bases,
                law,
                legitimate_interests: interests,
                article9,
                schedule1: schedule1
                    .into_iter()
                    .filter_map(ropa::vocab::Schedule1Paragraph::new)
                    .collect(),
                ..LawfulBasis::default()
            }),
            policy_document: policy.map(|(link, compliant)| PolicyDocument {
                link: Some(link),
                compliant: Some(compliant),
                reason: (!compliant).then(|| "Legacy paper files".to_string()),
            }),
            retention,
            transfers,
            joint_controller: None,
            controllers: None,
            automated_decision_making: adm.map(|(used, details, safeguards)| AutomatedDecisionMaking {
                used: Some(used),
                details: used.then_some(details),
                significant: None,
                safeguards: (used && !safeguards.is_empty()).then_some(safeguards),
            }),
            risk: risk.map(|(large_scale, systematic_monitoring, vulnerable_people)| Risk {
                large_scale: Some(large_scale),
                systematic_monitoring: Some(systematic_monitoring),
                vulnerable_people: Some(vulnerable_people),
                ..Risk::default()
            }),
            dpia: dpia.map(|(required, status)| Dpia {
                required: Some(required),
                status,
                link: None,
            }),
            breach: breach.map(|occurred| Breach {
                occurred: Some(occurred),
                record: occurred.then(|| "https://example.gov.uk/breach/1".to_string()),
            }),
            notes,
            waivers: Vec::new(),
        }
    }
}

/// Writes a register of `activities` (and two processors) into `dir`.
fn write_register(dir: &Path, activities: &[Activity]) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-field");
    std::fs::copy(fixture.join("ropa.toml"), dir.join("ropa.toml")).unwrap();
    std::fs::create_dir_all(dir.join("activities/generated")).unwrap();
    std::fs::create_dir_all(dir.join("processors")).unwrap();
    for (id, name) in [
        ("housing-system", "Housing System Ltd"),
        ("mail-house", "Mail House Ltd"),
    ] {
        std::fs::write(
            dir.join(format!("processors/{id}.toml")),
            format!("name = \"{name}\"\ncontract = \"https://example.gov.uk/contracts/{id}\"\ncountries = [\"GB\"]\n"),
        )
        .unwrap();
    }
    for (i, a) in activities.iter().enumerate() {
        let text = file_text(FileKind::Activity, a, "").unwrap();
        std::fs::write(dir.join(format!("activities/generated/a{i}.toml")), text).unwrap();
    }
}

fn export(dir: &Path, register: &Path, format: &str, out: &str) -> Vec<u8> {
    let result = common::ropa(
        dir,
        &[
            "export",
            format,
            register.to_str().unwrap(),
            "-o",
            out,
            "-q",
            "--force",
        ],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    std::fs::read(dir.join(out)).unwrap()
}

fn import(dir: &Path, file: &str, into: &str) {
    let result = common::ropa(dir, &["import", file, "--into", into, "-q"]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// The first cell two CSV files differ in, with its heading.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let rows = |bytes: &[u8]| -> Vec<Vec<String>> {
        csv::Reader::from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let heads: Vec<String> = csv::Reader::from_reader(a)
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    for (r, (x, y)) in rows(a).iter().zip(rows(b).iter()).enumerate() {
        for (c, (p, q)) in x.iter().zip(y).enumerate() {
            if p != q {
                return format!("row {r}, {:?}:\n  before: {p:?}\n  after:  {q:?}", heads[c]);
            }
        }
    }
    "the files differ in their number of rows".to_string()
}

/// The properties for one generated register.
fn round_trips(activities: Vec<Activity>) -> Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().unwrap();
    let register = tmp.path().join("register");
    std::fs::create_dir(&register).unwrap();
    write_register(&register, &activities);
    let loaded = load(&DirSource::new(&register)).unwrap();
    prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let models: Vec<&Activity> = loaded
        .register
        .activities
        .iter()
        .map(|a| &*a.value)
        .collect();
    prop_assert_eq!(
        models,
        activities.iter().collect::<Vec<_>>(),
        "the files hold the model"
    );

    // CSV: export, import, export again: the same bytes.
    let csv = export(tmp.path(), &register, "csv", "before.csv");
    import(tmp.path(), "before.csv", "from-csv");
    let again = export(tmp.path(), &tmp.path().join("from-csv"), "csv", "after.csv");
    prop_assert!(csv == again, "{}", first_difference(&csv, &again));

    // XLSX: the workbook imports back to a register whose CSV is the same.
    export(tmp.path(), &register, "xlsx", "before.xlsx");
    import(tmp.path(), "before.xlsx", "from-xlsx");
    let via_xlsx = export(tmp.path(), &tmp.path().join("from-xlsx"), "csv", "xlsx.csv");
    prop_assert!(csv == via_xlsx, "{}", first_difference(&csv, &via_xlsx));

    // JSON: each exported activity, without the export's own keys, is the model.
    let json: serde_json::Value =
        serde_json::from_slice(&export(tmp.path(), &register, "json", "r.json")).unwrap();
    for (exported, model) in json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&activities)
    {
        let mut fields = exported.as_object().unwrap().clone();
        for key in ["id", "file", "derived"] {
            fields.remove(key);
        }
        let back: Activity = serde_json::from_value(serde_json::Value::Object(fields)).unwrap();
        prop_assert_eq!(&back, model);
    }

    // A register compared with itself has no changes.
    let side = Side {
        register: &loaded.register,
        findings: &[],
    };
    prop_assert!(diff(&side, &side).is_empty());
    Ok(())
}

/// 24 generated registers of 1 to 3 activities (`PROPTEST_CASES=N` for more). The strategy is large, so it runs on a thread
/// with room for it.
#[test]
fn export_import_export_is_the_identity_and_json_and_diff_hold_the_model() {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let cases = std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(24);
            let mut runner = TestRunner::new(ProptestConfig::with_cases(cases));
            let result = runner.run(&proptest::collection::vec(activity(), 1..4), round_trips);
            if let Err(e) = result {
                panic!("{e}");
            }
        })
        .unwrap()
        .join()
        .unwrap();
}
