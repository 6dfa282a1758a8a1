//! The lint engine and its outputs: waivers, overrides, the JSON and SARIF formats against their
//! schemas, and the expected findings on the shipped example registers.

mod common;

use std::process::{Command, Output};

use ropa::diag::render_concise;
use ropa::lint::{LintOptions, Overrides, lint};
use ropa::load::load;
use ropa::model::Date;
use ropa::source::DirSource;

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

fn options() -> LintOptions {
    LintOptions {
        today: today(),
        cli: Overrides::default(),
    }
}

fn lint_files(files: &[(&str, &[u8])], options: &LintOptions) -> String {
    let loaded = common::load_files(files);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let report = lint(&loaded.register, options);
    render_concise(&report.diagnostics, &loaded.register.files)
}

fn ropa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A register on disk with the standard ropa.toml and the given files.
fn temp_register(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ropa.toml"), DPO_TOML).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const DPO_TOML: &str = "[controller]\nname = \"Test Council\"\nemail = \"x@example.gov.uk\"\ncomplaints = \"x@example.gov.uk\"\npublic_authority = true\n[dpo]\nemail = \"dpo@example.gov.uk\"\n";

#[test]
fn a_waiver_silences_its_rule_for_that_activity_only() {
    let waived = b"name = \"A\"\nowner = \"Manager\"\n\n[[waivers]]\nrule = \"sources-missing\"\nreason = \"Collected by the processor\"\n";
    let plain = b"name = \"B\"\nowner = \"Manager\"\n";
    let loaded = common::load_files(&[
        ("ropa.toml", DPO_TOML.as_bytes()),
        ("activities/a.toml", waived),
        ("activities/b.toml", plain),
    ]);
    let report = lint(&loaded.register, &options());
    let sources: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "sources-missing")
        .collect();
    assert_eq!(sources.len(), 1);
    assert_eq!(
        loaded.register.files.path(sources[0].file),
        "activities/b.toml"
    );
    assert_eq!(report.waived.len(), 1);
    assert_eq!(report.waived[0].reason, "Collected by the processor");
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code.starts_with("waiver") || d.code == "unused-waiver")
    );
}

#[test]
fn waiver_hygiene() {
    let text = lint_files(
        &[
            ("ropa.toml", DPO_TOML.as_bytes()),
            (
                "activities/a.toml",
                b"name = \"A\"\nowner = \"Manager\"\n\n[[waivers]]\nrule = \"owner-missing\"\nreason = \"x\"\n\n[[waivers]]\nrule = \"sources-missing\"\n\n[[waivers]]\nrule = \"no-such-rule\"\nreason = \"x\"\n",
            ),
        ],
        &options(),
    );
    let hygiene: Vec<&str> = text.lines().filter(|l| l.contains("waiver")).collect();
    assert_eq!(
        hygiene,
        [
            "reg/activities/a.toml:5:8: warning[unused-waiver]: the waiver of `owner-missing` silences nothing",
            "reg/activities/a.toml:9:1: error[waiver-reason-missing]: the waiver of `sources-missing` gives no reason",
            "reg/activities/a.toml:12:8: error[waiver-unknown-rule]: waiver names `no-such-rule`, which is not a lint rule",
        ]
    );
}

#[test]
fn overrides_from_ropa_toml_and_flags_apply_in_one_place() {
    let activity: &[u8] = b"name = \"A\"\n";
    let config =
        format!("{DPO_TOML}[lint]\ndeny = [\"owner-missing\"]\nallow = [\"sources-missing\"]\n");
    let files: &[(&str, &[u8])] = &[
        ("ropa.toml", config.as_bytes()),
        ("activities/a.toml", activity),
    ];
    let text = lint_files(files, &options());
    assert!(text.contains("error[owner-missing]"), "{text}");
    assert!(!text.contains("sources-missing"), "{text}");
    assert!(text.contains("warning[review-date-missing]"), "{text}");

    // Flags win over ropa.toml; -D warnings turns every remaining warning into an error.
    let cli = Overrides::from_flags(&["warnings".into()], &["owner-missing".into()], &[]).unwrap();
    let text = lint_files(
        files,
        &LintOptions {
            today: today(),
            cli,
        },
    );
    assert!(!text.contains("warning["), "{text}");
    assert!(text.contains("error[review-date-missing]"), "{text}");
    assert!(
        text.contains("error[owner-missing]"),
        "-D warnings also escalates -W rules: {text}"
    );
}

#[test]
fn unknown_rules_in_ropa_toml_are_errors_at_their_place() {
    let config = format!("{DPO_TOML}[lint]\nallow = [\"owner-mising\"]\n");
    let loaded = common::load_files(&[("ropa.toml", config.as_bytes())]);
    let report = lint(&loaded.register, &options());
    assert_eq!(
        render_concise(&report.diagnostics, &loaded.register.files),
        "reg/ropa.toml:9:10: error[unknown-rule]: `owner-mising` is not a lint rule; did you mean `owner-missing`?\n"
    );
}

#[test]
fn today_drives_date_rules() {
    let files: &[(&str, &[u8])] = &[
        ("ropa.toml", DPO_TOML.as_bytes()),
        (
            "activities/a.toml",
            b"name = \"A\"\nlast_reviewed = 2025-11-23\n",
        ),
    ];
    let on_time = lint_files(files, &options());
    assert!(!on_time.contains("review-overdue"), "{on_time}");
    let late = lint_files(
        files,
        &LintOptions {
            today: Date::parse("2026-11-24").unwrap(),
            cli: Overrides::default(),
        },
    );
    assert!(
        late.contains(
            "reg/activities/a.toml:2:17: warning[review-overdue]: review was due on 2026-11-23"
        ),
        "{late}"
    );
}

#[test]
fn example_registers_have_the_recorded_findings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let overwrite = std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite");
    for name in common::EXAMPLES {
        let out = ropa(&[
            "lint",
            &format!("registers/{name}"),
            "--format",
            "concise",
            "--today",
            "2026-11-23",
            "--show-waived",
        ]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "every example has findings (they model real gaps)"
        );
        let actual = String::from_utf8(out.stdout).unwrap();
        let path = dir.join(format!("lint-{name}.txt"));
        if overwrite {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            expected == actual,
            "{} differs; if deliberate, run SNAPSHOTS=overwrite cargo test --test lint\n--- recorded\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

#[test]
fn exit_codes() {
    let clean = tempfile::tempdir().unwrap();
    std::fs::write(clean.path().join("ropa.toml"), DPO_TOML).unwrap();
    let root = clean.path().to_str().unwrap();
    assert_eq!(ropa(&["lint", root]).status.code(), Some(0));
    std::fs::create_dir(clean.path().join("activities")).unwrap();
    std::fs::write(clean.path().join("activities/a.toml"), "name = \"A\"\n").unwrap();
    // An activity with only a name has errors (purposes-missing and others) and warnings.
    assert_eq!(ropa(&["lint", root]).status.code(), Some(1));
    let errors = [
        "purposes-missing",
        "data-subjects-missing",
        "personal-data-missing",
        "recipients-missing",
        "lawful-basis-missing",
    ];
    let mut args = vec!["lint", root];
    for rule in errors {
        args.extend(["-A", rule]);
    }
    assert_eq!(ropa(&args).status.code(), Some(0), "warnings alone exit 0");
    args.extend(["-D", "warnings"]);
    assert_eq!(
        ropa(&args).status.code(),
        Some(1),
        "-D warnings makes them errors"
    );
    let out = ropa(&["lint", root, "-D", "purpose-missing"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: `purpose-missing` is not a lint rule; did you mean `purposes-missing`?\n  help: `ropa rules` lists every rule\n"
    );
    assert_eq!(
        ropa(&["lint", root, "--today", "2026-13-01"]).status.code(),
        Some(2)
    );
    assert_eq!(ropa(&["lint", "no/such/register"]).status.code(), Some(2));
}

#[test]
fn json_output_matches_its_committed_schema() {
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/lint-output.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(
        schema,
        ropa::diag::json_output_schema(),
        "schema/lint-output.schema.json is stale: run `cargo run -- schema --write schema`"
    );
    let validator = jsonschema::draft7::new(&schema).unwrap();
    for name in common::EXAMPLES {
        let out = ropa(&[
            "lint",
            &format!("registers/{name}"),
            "--format",
            "json",
            "--show-waived",
        ]);
        let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&findings)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert!(findings.as_array().is_some_and(|a| !a.is_empty()));
    }
}

#[test]
fn json_output_fields() {
    let dir = temp_register(&[(
        "activities/a.toml",
        "name = \"A\"\nowner = \"M\"\n\n[[retention]]\nperiod = \"forever-ish\"\n",
    )]);
    let out = ropa(&[
        "-C",
        dir.path().to_str().unwrap(),
        "lint",
        "--format",
        "json",
    ]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let vague = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "retention-vague")
        .unwrap();
    assert_eq!(vague["severity"], "warning");
    assert_eq!(
        vague["file"],
        format!("{}/activities/a.toml", dir.path().display())
    );
    assert_eq!(
        (vague["line"].as_u64(), vague["column"].as_u64()),
        (Some(5), Some(10))
    );
    assert_eq!(
        (vague["end_line"].as_u64(), vague["end_column"].as_u64()),
        (Some(5), Some(23))
    );
    assert_eq!(vague["waived"], false);
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the SARIF schema fixture {}: {e}", path.display()));
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = sarif_validator(&schema);
    for name in common::EXAMPLES {
        let out = ropa(&["lint", &format!("registers/{name}"), "--format", "sarif"]);
        assert_eq!(out.status.code(), Some(1));
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert!(rules.len() >= ropa::lint::RULES.len());
        for result in run["results"].as_array().unwrap() {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri.starts_with(&format!("registers/{name}/")), "{uri}");
        }
    }
}

/// The official schema's language-tag pattern has a stray `]`
/// (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), which JavaScript's regexes accept but Rust's
/// refuse when the schema itself is compiled. Each occurrence is corrected to what it means (a
/// tag such as `en` or `en-GB`); the rest of the schema is used exactly as published.
fn sarif_validator(schema: &serde_json::Value) -> jsonschema::Validator {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    fn fix(value: &mut serde_json::Value, fixed: &mut usize) {
        match value {
            serde_json::Value::String(s) if s == BROKEN => {
                *s = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
                *fixed += 1;
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| fix(v, fixed)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|v| fix(v, fixed)),
            _ => {}
        }
    }
    let mut schema = schema.clone();
    let mut fixed = 0;
    fix(&mut schema, &mut fixed);
    assert!(
        fixed > 0,
        "the SARIF schema no longer has the broken pattern; remove this fix"
    );
    jsonschema::draft7::new(&schema).unwrap()
}

#[test]
fn github_format_is_one_workflow_command_per_finding() {
    let out = ropa(&[
        "lint",
        "registers/customer-services-council",
        "--format",
        "github",
        "--today",
        "2026-11-23",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=registers/customer-services-council/")
                || line.starts_with("::warning file=registers/customer-services-council/"),
            "{line}"
        );
        assert!(
            line.contains(",line=") && line.contains(",col=") && line.contains(",title=ropa "),
            "{line}"
        );
    }
}

#[test]
fn loads_problems_are_reported_by_lint_too() {
    let dir = temp_register(&[("activities/a.toml", "name = \"A\"\npurpose = []\n")]);
    let out = ropa(&[
        "-C",
        dir.path().to_str().unwrap(),
        "lint",
        "--format",
        "concise",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!(
        "{}/activities/a.toml:2:1: error[unknown-key]: unknown key `purpose`\n",
        dir.path().display()
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(&expected));
}

#[test]
fn each_missing_processor_gets_its_own_suggestion_however_often_it_is_named() {
    // The suggestion for an id is worked out once per register and kept: every activity that
    // names it must still get that id's own answer, and a second id its own.
    let mut files: Vec<(String, String)> = vec![
        (
            "processors/capita.toml".into(),
            "name = \"Capita\"\n".into(),
        ),
        (
            "processors/civica.toml".into(),
            "name = \"Civica\"\n".into(),
        ),
    ];
    for i in 0..40_usize {
        let missing = if i.is_multiple_of(2) {
            "capitta"
        } else {
            "civicca"
        };
        files.push((
            format!("activities/a{i}.toml"),
            format!("name = \"A{i}\"\nprocessors = [\"{missing}\", \"no-such-firm\"]\n"),
        ));
    }
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    let loaded = common::load_files(&files);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let report = lint(&loaded.register, &options());
    let helps: Vec<(String, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown-processor")
        .map(|d| {
            (
                loaded.register.files.path(d.file).to_string(),
                d.help.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(helps.len(), 80);
    for (path, help) in helps {
        let i: usize = path
            .trim_start_matches("activities/a")
            .trim_end_matches(".toml")
            .parse()
            .unwrap();
        let near = if i.is_multiple_of(2) {
            "capita"
        } else {
            "civica"
        };
        assert!(
            help.starts_with(&format!("did you mean `{near}`?"))
                || help.starts_with("create processors/no-such-firm.toml"),
            "{path}: {help}"
        );
    }
    let unmatched = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no-such-firm"))
        .filter(|d| {
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("create processors/no-such-firm.toml"))
        })
        .count();
    assert_eq!(unmatched, 40);
}

#[test]
fn lint_is_the_same_whatever_the_thread_count() {
    let loaded = load(&DirSource::new(common::example("harborough"))).unwrap();
    let first = lint(&loaded.register, &options());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let second = pool.install(|| lint(&loaded.register, &options()));
    assert_eq!(first.diagnostics, second.diagnostics);
}

#[test]
fn github_and_sarif_paths_are_from_github_workspace_when_it_is_set() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let inside = root.join("registers/bolsover/activities");
    for format in ["github", "sarif"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ropa"))
            .current_dir(&inside)
            .env("GITHUB_WORKSPACE", root)
            .args(["lint", "--format", format])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("registers/bolsover/activities/customer-services/call-recording.toml"),
            "{format}: {stdout}"
        );
        assert!(!stdout.contains("../activities/"), "{format}: {stdout}");
    }
}

/// The special category rules that fire on one activity, by name.
fn special_category_rules(activity: &str) -> Vec<String> {
    rules_on(activity)
        .into_iter()
        .filter(|r| {
            r.starts_with("schedule1") || r.contains("policy-document") || r.contains("condition")
        })
        .collect()
}

#[test]
fn one_problem_gives_one_finding() {
    // DPA 2018 s.10(3): a wrong paragraph for 9(2)(g) is a mismatch, not also "missing".
    let wrong = "name = \"A\"\nspecial_category_data = [\"health\"]\n[lawful_basis]\narticle6 = [\"public-task\"]\nlaw = \"Act\"\narticle9 = [\"substantial-public-interest\"]\nschedule1 = [2]\n";
    assert_eq!(
        special_category_rules(wrong),
        ["schedule1-condition-mismatch"]
    );
    let none = wrong.replace("schedule1 = [2]\n", "");
    assert_eq!(
        special_category_rules(&none),
        ["schedule1-condition-missing"]
    );
    // Sch 1 paras 5, 41: with no policy document at all, the one to act on is "missing".
    let no_document = wrong.replace("schedule1 = [2]", "schedule1 = [6]");
    assert_eq!(
        special_category_rules(&no_document),
        ["appropriate-policy-document-missing"]
    );
    let unstated =
        format!("{no_document}[policy_document]\nlink = \"https://example.gov.uk/apd\"\n");
    assert_eq!(
        special_category_rules(&unstated),
        ["policy-document-compliance-unstated"]
    );
    // s.10(5): with criminal offence data, a paragraph may cover that data — but not the
    // special category data, so 9(2)(g) with only paragraph 2 is still a mismatch.
    let criminal = wrong.replace(
        "name = \"A\"\n",
        "name = \"A\"\ncriminal_offence_data = true\n",
    );
    assert_eq!(
        special_category_rules(&criminal),
        ["schedule1-condition-mismatch"]
    );
    // With its own paragraph for 9(2)(g), a Part 3 paragraph for the criminal data is fine.
    let both = criminal.replace("schedule1 = [2]", "schedule1 = [6, 33]")
        + "[policy_document]\nlink = \"https://example.gov.uk/apd\"\ncompliant = true\n";
    assert!(
        special_category_rules(&both).is_empty(),
        "{:?}",
        special_category_rules(&both)
    );
}

#[test]
fn a_sub_processors_country_needs_a_transfer_too() {
    let processor = b"name = \"Capita\"\ncontract = \"https://example.gov.uk/c\"\ncountries = [\"GB\"]\nsub_processors = [\"Hosting Ltd\", { name = \"Support desk\", countries = [\"IN\"] }]\n";
    let activity = b"name = \"Benefits\"\nprocessors = [\"capita\"]\n";
    let found = findings_of(
        "processor-transfer-unrecorded",
        &[
            ("activities/a.toml", activity),
            ("processors/capita.toml", processor),
        ],
    );
    assert_eq!(
        found,
        [
            "reg/activities/a.toml:2:15: error[processor-transfer-unrecorded]: a sub-processor of processor `capita` processes data in IN, but no transfer to IN is recorded"
        ]
    );
}

/// The findings of one rule on the files, one line each (the concise format).
fn findings_of(rule: &str, files: &[(&str, &[u8])]) -> Vec<String> {
    let marker = format!("[{rule}]");
    lint_files(files, &options())
        .lines()
        .filter(|l| l.contains(&marker))
        .map(str::to_string)
        .collect()
}

/// The names of the rules that fire on one activity.
fn rules_on(activity: &str) -> Vec<String> {
    let out = lint_files(&[("activities/a.toml", activity.as_bytes())], &options());
    let mut names: Vec<String> = out
        .lines()
        .filter_map(|l| l.split('[').nth(1)?.split(']').next().map(str::to_string))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn legal_fidelity_cases_each_cite_their_source() {
    // Art 30(2): a processor record is not asked about automated decisions (Arts 22A-22D
    // are the controller's), nor about recipients.
    let processor = rules_on("name = \"A\"\nrole = \"processor\"\n");
    assert!(
        !processor.contains(&"automated-decision-making-undocumented".to_string()),
        "{processor:?}"
    );
    // Art 4(9): processors are recipients, so naming them makes recipients-missing a warning.
    let with_processor = lint_files(
        &[
            ("activities/a.toml", b"name = \"A\"\nprocessors = [\"p\"]\n"),
            (
                "processors/p.toml",
                b"name = \"P\"\ncontract = \"https://example.gov.uk/c\"\ncountries = [\"GB\"]\n",
            ),
        ],
        &options(),
    );
    assert!(
        with_processor.contains(
            "warning[recipients-missing]: no recipients other than the processors are recorded"
        ),
        "{with_processor}"
    );
    // The ICO's Art 35(4) list: biometric data alone is not a trigger; with another criterion
    // (large scale) it is; targeting children is one on its own.
    let dpia = "dpia-screening-indicates-required".to_string();
    assert!(!rules_on("name = \"A\"\nspecial_category_data = [\"biometric\"]\n").contains(&dpia));
    assert!(
        rules_on(
            "name = \"A\"\nspecial_category_data = [\"biometric\"]\n[risk]\nlarge_scale = true\n"
        )
        .contains(&dpia)
    );
    assert!(rules_on("name = \"A\"\n[risk]\ntargeting = true\n").contains(&dpia));
    assert!(
        !rules_on("name = \"A\"\nchildren = true\n").contains(&dpia),
        "children's data alone is a criterion, not a trigger"
    );
    // Art 22B: explicit consent makes a significant decision on health data lawful.
    let adm = "name = \"A\"\nspecial_category_data = [\"health\"]\n[lawful_basis]\narticle6 = [\"consent\"]\nconsent_record = \"CRM\"\narticle9 = [\"explicit-consent\"]\n[automated_decision_making]\nused = true\ndetails = \"d\"\nsafeguards = [\"informed\", \"representations\", \"human-intervention\", \"contest\"]\n";
    assert!(
        !rules_on(adm)
            .iter()
            .any(|r| r.starts_with("automated-decision")),
        "{:?}",
        rules_on(adm)
    );
}

#[test]
fn template_placeholders_are_found_in_activities_and_processors_and_only_there() {
    let activity = b"name = \"Pest control\"\npurposes = [\"Why the data is processed\"]\nprocessors = [\"sprayco\"]\n";
    let clean = b"name = \"Parking\"\npurposes = [\"Enforcing parking rules\"]\n";
    let processor =
        b"name = \"SprayCo Ltd\"\ncontract = \"Link to the data processing agreement (Art 28)\"\n";
    let found = findings_of(
        "placeholder-value",
        &[
            ("ropa.toml", DPO_TOML.as_bytes()),
            ("activities/pest-control.toml", activity),
            ("activities/parking.toml", clean),
            ("processors/sprayco.toml", processor),
        ],
    );
    assert_eq!(
        found,
        [
            "reg/activities/pest-control.toml:2:13: warning[placeholder-value]: `Why the data is processed` is the template's example, not a real value",
            "reg/processors/sprayco.toml:2:12: warning[placeholder-value]: `Link to the data processing agreement (Art 28)` is the template's example, not a real value",
        ]
    );
}

/// The commands that load without positions (`summary`, `list`, the web page's error count)
/// lint a register too, and count its findings: without positions each finding is the same
/// rule, severity, file and message, only placed at its file's start.
#[test]
fn findings_are_the_same_with_or_without_positions() {
    use ropa::load::{Positions, load_with};
    for name in common::EXAMPLES {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("registers/{name}"));
        let what = |positions| {
            let loaded = load_with(&DirSource::new(&root), positions).unwrap();
            let report = lint(&loaded.register, &options());
            let mut found: Vec<_> = report
                .diagnostics
                .iter()
                .map(|d| (d.file, d.code, d.severity, d.message.clone()))
                .collect();
            found.sort();
            (found, report.waived.len())
        };
        let kept = what(Positions::Keep);
        assert!(!kept.0.is_empty(), "{name} has findings");
        assert_eq!(kept, what(Positions::Drop), "{name}");
    }
}
