//! Loading registers: the shipped examples load cleanly, and every kind of bad input gives one
//! exact message at the exact place, never a panic.

mod common;

use common::{EXAMPLES, example, load_files, problems};
use ropa::load::load;
use ropa::source::DirSource;

#[test]
fn every_example_register_loads_without_problems() {
    for name in EXAMPLES {
        let report = load(&DirSource::new(example(name))).unwrap();
        assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
        assert!(!report.incomplete);
        assert!(report.register.config.is_some(), "{name}");
        assert!(
            report.register.activities.len() >= 3,
            "{name} has several activities"
        );
    }
}

/// The ids of the activities that loaded, in the register's order.
fn activity_ids(report: &ropa::load::LoadReport) -> Vec<&str> {
    report
        .register
        .activities
        .iter()
        .map(|a| a.id.as_str())
        .collect()
}

#[test]
fn activities_are_sorted_by_path_with_ids_from_their_paths() {
    let report = load(&DirSource::new(example("bolsover"))).unwrap();
    let ids = activity_ids(&report);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(ids.contains(&"customer-services/universal-credit-assistance"));
}

#[test]
fn malformed_toml() {
    assert_eq!(
        problems(&[("activities/a.toml", b"name = \"A\npurposes = []\n")]),
        "reg/activities/a.toml:1:10: error[toml-syntax]: this is not valid TOML: invalid basic string, expected `\"`\n"
    );
}

#[test]
fn a_string_where_a_list_is_expected() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\npurposes = \"Training\"\n"
        )]),
        "reg/activities/a.toml:2:12: error[wrong-type]: `purposes` must be a list, but this is the text \"Training\"\n"
    );
    let report = load_files(&[(
        "activities/a.toml",
        b"name = \"A\"\npurposes = \"Training\"\n",
    )]);
    assert_eq!(
        report.problems[0].help.as_deref(),
        Some("put the text in a list: `purposes = [\"Training\"]`")
    );
}

#[test]
fn an_unknown_key_suggests_the_nearest() {
    let report = load_files(&[("activities/a.toml", b"name = \"A\"\npurpose = [\"x\"]\n")]);
    let text = ropa::diag::render_concise(&report.problems, &report.register.files);
    assert_eq!(
        text,
        "reg/activities/a.toml:2:1: error[unknown-key]: unknown key `purpose`\n"
    );
    assert_eq!(
        report.problems[0].help.as_deref(),
        Some("did you mean `purposes`?")
    );
}

#[test]
fn an_unknown_key_in_a_table_names_the_table() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\n[lawful_basis]\narticle_6 = [\"consent\"]\n"
        )]),
        "reg/activities/a.toml:3:1: error[unknown-key]: unknown key `article_6` in [lawful_basis]\n"
    );
}

#[test]
fn unknown_slugs_list_the_allowed_values_and_suggest_one() {
    let report = load_files(&[(
        "activities/a.toml",
        b"name = \"A\"\n[lawful_basis]\narticle6 = [\"public_task\", \"Public Task\"]\n",
    )]);
    let text = ropa::diag::render_concise(&report.problems, &report.register.files);
    assert_eq!(
        text,
        "reg/activities/a.toml:3:13: error[unknown-value]: `public_task` is not a known Article 6 lawful basis\n\
         reg/activities/a.toml:3:28: error[unknown-value]: `Public Task` is not a known Article 6 lawful basis\n"
    );
    assert_eq!(
        report.problems[0].help.as_deref(),
        Some(
            "did you mean `public-task`? allowed values: consent, contract, legal-obligation, vital-interests, public-task, recognised-legitimate-interest, legitimate-interests"
        )
    );
}

#[test]
fn an_unknown_schedule1_paragraph() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\n[lawful_basis]\nschedule1 = [5]\n"
        )]),
        "reg/activities/a.toml:3:14: error[unknown-value]: `5` is not a known DPA 2018 Schedule 1 condition paragraph\n"
    );
}

/// Bare dates are read as the dates they write, early years and the last day of a month
/// included, whichever way the file is read (straight from the parser, or through JSON when
/// a multi-line string's Windows line breaks need normalising).
#[test]
fn bare_dates_are_read_as_written() {
    for extra in ["", "description = \"\"\"\r\nOne\r\nTwo\"\"\"\r\n"] {
        let text =
            format!("name = \"A\"\nlast_reviewed = 0999-12-01\nnext_review = 2028-02-29\n{extra}");
        let report = load_files(&[("activities/a.toml", text.as_bytes())]);
        let activity = &report.register.activities[0].value;
        let shown = |d: Option<ropa::model::Date>| d.map(|d| d.to_string());
        assert_eq!(
            shown(activity.last_reviewed),
            Some("0999-12-01".to_string())
        );
        assert_eq!(shown(activity.next_review), Some("2028-02-29".to_string()));
    }
}

#[test]
fn an_invalid_date() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\nlast_reviewed = 2026-02-30\n"
        )]),
        "reg/activities/a.toml:2:17: error[toml-syntax]: this is not valid TOML: invalid date, expected day between 01 and 28\n"
    );
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\nnext_review = \"next spring\"\n"
        )]),
        "reg/activities/a.toml:2:15: error[invalid-date]: `next spring` is not a valid date\n"
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    assert_eq!(
        problems(&[("activities/a.toml", b"name = \"A\"\nowner = \"Caf\xe9\"\n")]),
        "reg/activities/a.toml:2:13: error[invalid-utf8]: this file is not UTF-8 text (byte 0xE9 cannot be read)\n"
    );
}

#[test]
fn an_empty_file() {
    assert_eq!(
        problems(&[("activities/a.toml", b"")]),
        "reg/activities/a.toml:1:1: error[empty-file]: this file is empty\n"
    );
    assert_eq!(
        problems(&[("ropa.toml", b"\n  \n")]),
        "reg/ropa.toml:1:1: error[empty-file]: this file is empty\n"
    );
}

#[test]
fn a_missing_required_key() {
    assert_eq!(
        problems(&[("activities/a.toml", b"purposes = [\"x\"]\n")]),
        "reg/activities/a.toml:1:1: error[missing-key]: missing required key `name`\n"
    );
    assert_eq!(
        problems(&[("ropa.toml", b"[controller]\naddress = \"x\"\n")]),
        "reg/ropa.toml:1:2: error[missing-key]: missing required key `name` in [controller]\n"
    );
}

#[test]
fn a_utf8_bom_and_crlf_line_endings_load_fine() {
    let report = load_files(&[
        ("activities/bom.toml", b"\xEF\xBB\xBFname = \"BOM\"\n"),
        (
            "activities/crlf.toml",
            b"name = \"CRLF\"\r\npurposes = [\r\n  \"a\",\r\n]\r\n",
        ),
    ]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.register.activities[0].value.name, "BOM");
    assert_eq!(
        report.register.activities[1].value.purposes.as_deref(),
        Some(&["a".to_string()][..])
    );
}

#[test]
fn positions_after_a_bom_and_crlf_are_as_an_editor_shows_them() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"\xEF\xBB\xBFname = \"A\"\r\nowner = 3\r\n"
        )]),
        "reg/activities/a.toml:2:9: error[wrong-type]: `owner` must be text in quotes, but this is the number 3\n"
    );
}

#[test]
fn a_processor_referenced_twice() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\nprocessors = [\"rostrvm\", \"rostrvm\"]\n"
        )]),
        "reg/activities/a.toml:2:26: error[duplicate-item]: `rostrvm` is listed more than once in `processors`\n"
    );
}

#[test]
fn a_processor_in_a_subfolder_and_invalid_ids() {
    assert_eq!(
        problems(&[
            ("activities/Call_Recording.toml", b"name = \"A\"\n"),
            ("processors/cloud/aws.toml", b"name = \"AWS\"\n"),
            ("processors/Big Co.toml", b"name = \"Big\"\n"),
        ]),
        "reg/activities/Call_Recording.toml:1:1: error[invalid-id]: `Call_Recording` is not a valid activity id: `Call_Recording` has characters other than a-z, 0-9 and -\n\
         reg/processors/Big Co.toml:1:1: error[invalid-id]: `Big Co` is not a valid processor id: use only a-z, 0-9 and -\n\
         reg/processors/cloud/aws.toml:1:1: error[invalid-id]: processor files must sit directly in processors/, not in a subfolder (`cloud/aws`)\n"
    );
}

#[test]
fn bad_country_codes_and_booleans_in_nested_tables() {
    assert_eq!(
        problems(&[(
            "activities/a.toml",
            b"name = \"A\"\n[[transfers]]\ncountry = \"usa\"\n[risk]\nlarge_scale = \"yes\"\n"
        ),]),
        "reg/activities/a.toml:3:11: error[invalid-value]: `usa` is not a country code\n\
         reg/activities/a.toml:5:15: error[wrong-type]: `large_scale` must be true or false, but this is the text \"yes\"\n"
    );
}

#[test]
fn problems_in_many_files_are_all_reported_in_one_pass() {
    let report = load_files(&[
        ("activities/a.toml", b"name = 1\n"),
        ("activities/b.toml", b"nme = \"B\"\n"),
        ("activities/c.toml", b"name = \"C\"\n"),
        ("processors/p.toml", b"name = \"P\"\ncountries = \"GB\"\n"),
    ]);
    assert_eq!(report.problems.len(), 4);
    assert_eq!(report.register.activities.len(), 1);
    assert!(report.register.processors.is_empty());
}

#[test]
fn huge_and_strange_values_never_panic() {
    let inputs: &[&[u8]] = &[
        b"name = \"A\"\n[review]\n",
        b"name = 99999999999999999999999\n",
        b"name = \"A\"\nlast_reviewed = 1979-05-27T07:32:00Z\n",
        b"name = \"A\"\n[lawful_basis]\nschedule1 = [1.5, -3, 0x10]\n",
        b"name = \"A\"\nretention = { period = \"x\" }\n",
        b"[[name]]\n",
        b"name = \"A\"\nwaivers = [{ reason = \"x\" }]\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE\x00n",
    ];
    for input in inputs {
        let report = load_files(&[("activities/a.toml", input)]);
        let _ = ropa::diag::render_human(&report.problems, &report.register.files, true);
        assert!(
            !report.problems.is_empty(),
            "{}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn a_folder_without_ropa_toml_cannot_be_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let err = load(&DirSource::new(dir.path())).unwrap_err();
    assert!(
        err.message
            .ends_with("has no ropa.toml, so it is not a register"),
        "{}",
        err.message
    );
    let err = load(&DirSource::new(dir.path().join("missing"))).unwrap_err();
    assert!(err.message.ends_with("is not a folder"), "{}", err.message);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_activities_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ropa.toml"), common::ROPA_TOML).unwrap();
    std::fs::create_dir_all(dir.path().join("activities/team")).unwrap();
    std::fs::write(dir.path().join("activities/team/a.toml"), "name = \"A\"\n").unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("activities/team/loop")).unwrap();
    let report = load(&DirSource::new(dir.path())).unwrap();
    let text = ropa::diag::render_concise(&report.problems, &report.register.files);
    let root = dir.path().display();
    assert_eq!(
        text,
        format!(
            "{root}/activities/team/loop:1:1: error[symlink-loop]: this symbolic link loops back to its own parent folder `activities`\n"
        )
    );
    assert_eq!(report.register.activities.len(), 1);
    assert!(!report.incomplete);
}

/// Folders are read in the file system's order, but a file with two names is read by the
/// first in order of name, whatever that order is (on tmpfs the newest name comes first).
#[cfg(unix)]
#[test]
fn a_file_with_two_names_is_read_by_the_first_in_order_of_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ropa.toml"), common::ROPA_TOML).unwrap();
    let activities = dir.path().join("activities");
    std::fs::create_dir_all(&activities).unwrap();
    for n in 0..20 {
        std::fs::write(activities.join(format!("a{n:02}.toml")), "name = \"A\"\n").unwrap();
    }
    for n in 0..20 {
        std::os::unix::fs::symlink(
            format!("a{n:02}.toml"),
            activities.join(format!("b{n:02}.toml")),
        )
        .unwrap();
    }
    let report = load(&DirSource::new(dir.path())).unwrap();
    let read = activity_ids(&report);
    let expected: Vec<String> = (0..20).map(|n| format!("a{n:02}")).collect();
    assert_eq!(read, expected);
    assert_eq!(report.problems.len(), 20);
    for problem in &report.problems {
        let path = report.register.files.path(problem.file);
        assert!(path.contains("/b"), "{path}: {}", problem.message);
        assert!(
            problem
                .message
                .contains("another name (a link) for `activities/a"),
            "{}",
            problem.message
        );
    }
}

#[test]
fn an_unreadable_file_is_reported_and_marks_the_load_incomplete() {
    use ropa::source::{FatalError, ReadFailure, RegisterSource, SourceEntry};
    struct Broken;
    impl RegisterSource for Broken {
        fn display_root(&self) -> String {
            "reg".into()
        }
        fn entries(&self) -> Result<Vec<SourceEntry>, FatalError> {
            Ok(vec![
                SourceEntry::new(
                    "activities/a.toml",
                    Err(ReadFailure::Unreadable(
                        "Permission denied (os error 13)".into(),
                    )),
                ),
                SourceEntry::new("ropa.toml", Ok(common::ROPA_TOML.as_bytes().to_vec())),
            ])
        }
    }
    let report = load(&Broken).unwrap();
    assert!(report.incomplete);
    assert_eq!(
        ropa::diag::render_concise(&report.problems, &report.register.files),
        "reg/activities/a.toml:1:1: error[unreadable-file]: cannot read this file: Permission denied (os error 13)\n"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_on_disk() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ropa.toml"), common::ROPA_TOML).unwrap();
    std::fs::create_dir(dir.path().join("activities")).unwrap();
    let file = dir.path().join("activities/secret.toml");
    std::fs::write(&file, "name = \"A\"\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        eprintln!("skipped: running as a user who can read any file (root)");
        return;
    }
    let report = load(&DirSource::new(dir.path())).unwrap();
    assert!(report.incomplete);
    assert_eq!(report.problems[0].code, "unreadable-file");
}

#[test]
fn country_codes_must_be_iso_3166_codes_and_uk_or_eu_get_their_own_help() {
    let report = common::load_files(&[
        (
            "activities/a.toml",
            b"name = \"A\"\n\n[[transfers]]\ncountry = \"UK\"\nmechanism = \"adequacy\"\n\n[[transfers]]\ncountry = \"EU\"\nmechanism = \"adequacy\"\n\n[[transfers]]\ncountry = \"ZZ\"\n",
        ),
        (
            "processors/p.toml",
            b"name = \"P\"\ncountries = [\"GB\", \"UK\"]\nsub_processors = [{ name = \"S\", countries = [\"EU\"] }]\n",
        ),
    ]);
    let shown: Vec<(String, String)> = report
        .problems
        .iter()
        .map(|d| (d.message.clone(), d.help.clone().unwrap_or_default()))
        .collect();
    assert_eq!(shown.len(), 5, "{shown:?}");
    assert!(report.problems.iter().all(|d| d.code == "invalid-value"));
    assert_eq!(shown[0].0, "`UK` is not an ISO 3166-1 country code");
    assert!(
        shown[0].1.contains("the United Kingdom is `GB`"),
        "{shown:?}"
    );
    assert!(
        shown[1].1.starts_with("the EU is not a country"),
        "{shown:?}"
    );
    assert_eq!(shown[2].0, "`ZZ` is not an ISO 3166-1 country code");
    assert!(
        shown[3].1.contains("`GB`"),
        "the processor's `UK`: {shown:?}"
    );
    assert!(
        shown[4].1.starts_with("the EU is not a country"),
        "its sub-processor's `EU`: {shown:?}"
    );
}
