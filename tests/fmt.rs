//! `ropa fmt`'s library: exact layouts for documented cases, the shipped registers (already in
//! canonical form, and formatting never changes what they load as), and a property test over
//! generated activity files.

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

use common::{EXAMPLES, example};
use ropa::fmt::{FormatError, format_register, format_text, kind_of};
use ropa::load::{LoadReport, load};
use ropa::schema::FileKind;
use ropa::source::{DirSource, MemorySource, RegisterSource};

fn fmt(text: &str) -> String {
    format_text(FileKind::Activity, text).expect("formats")
}

#[test]
fn keys_follow_the_format_guide_and_unknown_keys_come_last_in_their_own_order() {
    let input = "\
zeta = 1
role = \"controller\"
alpha = 2
name = \"Call recording\"
[risk]
vulnerable_people = false
large_scale = true
[lawful_basis]
law = \"Local Government Act 1972 s.111\"
article6 = [\"public-task\"]
";
    assert_eq!(
        fmt(input),
        "\
name = \"Call recording\"
role = \"controller\"
zeta = 1
alpha = 2

[lawful_basis]
article6 = [\"public-task\"]
law = \"Local Government Act 1972 s.111\"

[risk]
large_scale = true
vulnerable_people = false
"
    );
}

#[test]
fn comments_stay_with_what_they_describe_and_the_file_header_stays_on_top() {
    let input = "\
#:schema ../schema/activity.schema.json
# Modelled on a council's privacy notice.

# Who owns it.
owner = \"Head of Service\"   # a post, not a person
name = \"Enquiries\"

# Bases, checked by the DPO.
[lawful_basis]   # Art 6
article6 = [ # one or more
  \"public-task\",  # the main one
  # and also
  \"legal-obligation\"
]
# done
";
    assert_eq!(
        fmt(input),
        "\
#:schema ../schema/activity.schema.json
# Modelled on a council's privacy notice.

name = \"Enquiries\"
# Who owns it.
owner = \"Head of Service\"   # a post, not a person

# Bases, checked by the DPO.
[lawful_basis]   # Art 6
article6 = [ # one or more
    \"public-task\", # the main one
    # and also
    \"legal-obligation\",
]
# done
"
    );
}

#[test]
fn a_comment_on_its_own_line_in_a_list_stays_on_its_own_line() {
    // Before the `]` after a last item without a comma: it must not join the item's line.
    assert_eq!(
        fmt("name = \"x\"\ndata_subjects = [\n  \"a\"\n  # TODO add residents\n]\n"),
        "name = \"x\"\ndata_subjects = [\n    \"a\",\n    # TODO add residents\n]\n"
    );
    // Between an item and its comma, and after the comma on a later line.
    assert_eq!(
        fmt(
            "name = \"x\"\ndata_subjects = [\n  \"a\" # one\n  # two\n  , # three\n  \"b\" # four\n]\n"
        ),
        "name = \"x\"\ndata_subjects = [\n    \"a\", # one\n    # two\n    # three\n    \"b\", # four\n]\n"
    );
}

#[test]
fn comments_at_the_end_of_a_table_stay_with_it_when_tables_move() {
    // Up to the last blank line above a header: the end of the table before. Below it: the
    // header's own comment. The end of the file belongs to the last table.
    let input = "\
name = \"A\"
# role = \"controller\"

[risk]
systematic_monitoring = true
# commented-out: large_scale = true

# Who keeps what.
[[retention]]
data = \"x\"

# period = \"1 year\"

[lawful_basis]
law = \"Act\"
# article6 = []
";
    assert_eq!(
        fmt(input),
        "\
name = \"A\"
# role = \"controller\"

[lawful_basis]
law = \"Act\"
# article6 = []

# Who keeps what.
[[retention]]
data = \"x\"

# period = \"1 year\"

[risk]
systematic_monitoring = true
# commented-out: large_scale = true
"
    );
}

#[test]
fn lists_strings_and_spacing() {
    let input = "\
name='C:\\Users'
purposes=['One']
data_subjects = [\"Callers\",\"Staff\"]
personal_data = [\"A very long description of the personal data that is processed here\"]
recipients = [ ]
description = '''
Kept as written.'''
next_review    =2027-03-01
";
    assert_eq!(
        fmt(input),
        "\
name = \"C:\\\\Users\"
description = '''
Kept as written.'''
next_review = 2027-03-01
purposes = [\"One\"]
data_subjects = [
    \"Callers\",
    \"Staff\",
]
personal_data = [
    \"A very long description of the personal data that is processed here\",
]
recipients = []
"
    );
}

#[test]
fn invisible_and_direction_changing_characters_stay_escaped() {
    // Escapes are kept, and raw characters in a literal string become escapes, so a reader sees
    // what the file holds ("Trojan Source").
    let input = "name = \"a\\u202Eb\\u00A0c\\u200Bd\\u0085e\\u2028f\"\nowner = 'x\u{202E}y'\n\"k\\u202E\" = 1\n";
    assert_eq!(
        fmt(input),
        "name = \"a\\u202Eb\\u00A0c\\u200Bd\\u0085e\\u2028f\"\nowner = \"x\\u202Ey\"\n\"k\\u202E\" = 1\n"
    );
}

#[test]
fn keys_are_written_bare_where_they_can_be_and_quoted_where_they_must() {
    let input = "\"name\" = \"A\"\n'owner' = \"B\"\nrole = \"controller\"\n\"data subjects\" = 1\n'x.y' = 2\n\"\" = 3\nrisk = { \"large_scale\" = true, 'vulnerable_people' = false }\n[ \"lawful_basis\" ]\n\"law\" = \"Act\"\n";
    assert_eq!(
        fmt(input),
        "name = \"A\"\nrole = \"controller\"\nowner = \"B\"\nrisk = { large_scale = true, vulnerable_people = false }\n\"data subjects\" = 1\n\"x.y\" = 2\n\"\" = 3\n\n[lawful_basis]\nlaw = \"Act\"\n"
    );
}

#[test]
fn tables_get_one_blank_line_and_the_file_one_final_newline() {
    let input =
        "name = \"A\"\n\n\n[[retention]]\n\ndata = \"x\"\n[[retention]]\ndata = \"y\"\n\n\n";
    assert_eq!(
        fmt(input),
        "name = \"A\"\n\n[[retention]]\ndata = \"x\"\n\n[[retention]]\ndata = \"y\"\n"
    );
}

#[test]
fn dotted_keys_and_inline_tables_are_tidied_in_place() {
    let input = "name = \"A\"\nrisk = {vulnerable_people=true,large_scale = false}\nlawful_basis . law = \"Act\"\n";
    assert_eq!(
        fmt(input),
        "name = \"A\"\nlawful_basis.law = \"Act\"\nrisk = { large_scale = false, vulnerable_people = true }\n"
    );
}

#[test]
fn ropa_toml_follows_the_config_model() {
    let input = "[review]\ninterval_months = 12\n\n# Who we are.\n[controller]\npublic_authority = true\nname = \"Council\"\n";
    assert_eq!(
        format_text(FileKind::Register, input).unwrap(),
        "# Who we are.\n[controller]\nname = \"Council\"\npublic_authority = true\n\n[review]\ninterval_months = 12\n"
    );
}

#[test]
fn line_endings_become_lf_unless_a_multi_line_string_holds_crlf() {
    let crlf = "name = \"A\"\r\n# about the role\r\nrole=\"controller\"\r\n";
    assert_eq!(
        fmt(crlf),
        "name = \"A\"\n# about the role\nrole = \"controller\"\n"
    );
    // The line breaks inside the string are part of its value: CRLF throughout, never mixed.
    let kept = "description = \"\"\"\r\none\r\ntwo\"\"\"\r\n# c\r\nname=\"A\"\r\n";
    assert!(
        toml::from_str::<toml::Table>(kept).unwrap()["description"]
            .as_str()
            .unwrap()
            .contains('\r')
    );
    let once = fmt(kept);
    assert_eq!(
        once,
        "# c\r\nname = \"A\"\r\ndescription = \"\"\"\r\none\r\ntwo\"\"\"\r\n"
    );
    assert_eq!(fmt(&once), once);
}

#[test]
fn a_file_of_blank_lines_becomes_empty() {
    assert_eq!(fmt("\n\n  \n"), "");
    assert_eq!(fmt(""), "");
}

#[test]
fn a_byte_order_mark_is_kept() {
    let source = MemorySource {
        root: "r".into(),
        files: vec![
            ("ropa.toml".into(), b"\xEF\xBB\xBF\n".to_vec()),
            (
                "activities/a.toml".into(),
                b"\xEF\xBB\xBFname='A'\n".to_vec(),
            ),
        ],
    };
    let report = format_register(&source).unwrap();
    assert!(report.problems.is_empty());
    // ropa.toml (only a blank line) becomes empty: just its mark.
    assert_eq!(report.changes.len(), 2);
    assert_eq!(report.changes[1].bytes(), b"\xEF\xBB\xBF");
    assert_eq!(report.changes[0].formatted, "name = \"A\"\n");
    assert_eq!(report.changes[0].bytes(), b"\xEF\xBB\xBFname = \"A\"\n");
    assert_eq!(report.files.text(report.changes[0].file), "name='A'\n");
}

#[test]
fn invalid_toml_is_an_error_with_its_place() {
    assert_eq!(
        format_text(FileKind::Activity, "name = [1,\n"),
        Err(FormatError::Syntax {
            span: 10..10,
            message: "unclosed array, expected `]`".into()
        })
    );
    assert_eq!(kind_of("processors/rostrvm.toml"), FileKind::Processor);
    assert_eq!(kind_of("ropa.toml"), FileKind::Register);
    assert_eq!(kind_of("activities/a/b.toml"), FileKind::Activity);
}

/// A register in a temporary folder: `ropa.toml` and the given files.
fn register(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ropa.toml"), "").unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_a_symbolic_link_is_written_where_it_lives() {
    let dir = register(&[("shared/cctv.toml", b"name='CCTV'\n")]);
    std::fs::create_dir(dir.path().join("activities")).unwrap();
    let link = dir.path().join("activities/cctv.toml");
    std::os::unix::fs::symlink("../shared/cctv.toml", &link).unwrap();
    let output = common::ropa(dir.path(), &["fmt"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        "Formatted activities/cctv.toml\n1 file formatted, 1 already formatted\n"
    );
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("shared/cctv.toml")).unwrap(),
        "name = \"CCTV\"\n"
    );
}

#[test]
fn quiet_fmt_names_the_files_it_writes_and_nothing_else() {
    let dir = register(&[("activities/a.toml", b"name='A'\n")]);
    let output = common::ropa(dir.path(), &["fmt", "-q"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), "Formatted activities/a.toml\n");
    let output = common::ropa(dir.path(), &["fmt", "-q"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), "");
}

#[test]
fn check_notes_a_change_of_line_endings_instead_of_showing_every_line() {
    let crlf: &[u8] = b"name = \"A\"\r\nrole = \"controller\"\r\n";
    let dir = register(&[("activities/a.toml", crlf)]);
    let output = common::ropa(dir.path(), &["fmt", "--check"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "--- activities/a.toml\n+++ activities/a.toml (formatted)\n(line endings: CRLF → LF)\n\
         1 file would be reformatted, 1 already formatted; run `ropa fmt` to format them\n"
    );
    // The file was not touched.
    assert_eq!(
        std::fs::read(dir.path().join("activities/a.toml")).unwrap(),
        crlf
    );
}

fn memory(name: &str, formatted: bool) -> MemorySource {
    let entries = DirSource::new(example(name)).entries().unwrap();
    let files = entries
        .into_iter()
        .map(|entry| {
            let (path, bytes) = entry.into_bytes();
            let text = String::from_utf8(bytes.unwrap()).unwrap();
            let text = if formatted {
                let once = format_text(kind_of(&path), &text).unwrap();
                let twice = format_text(kind_of(&path), &once).unwrap();
                assert_eq!(once, twice, "{name}/{path}: fmt is idempotent");
                once
            } else {
                text
            };
            (path, text.into_bytes())
        })
        .collect();
    MemorySource {
        root: name.into(),
        files,
    }
}

fn assert_same_model(a: &LoadReport, b: &LoadReport, name: &str) {
    let (a, b) = (&a.register, &b.register);
    assert!(a.config.is_some(), "{name}");
    assert_eq!(
        a.config.as_ref().map(|c| &c.value),
        b.config.as_ref().map(|c| &c.value),
        "{name}"
    );
    let activities = |r: &ropa::model::Register| {
        r.activities
            .iter()
            .map(|a| (a.id.clone(), a.value.clone()))
            .collect::<Vec<_>>()
    };
    let processors = |r: &ropa::model::Register| {
        r.processors
            .iter()
            .map(|p| (p.id.clone(), p.value.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(activities(a), activities(b), "{name}");
    assert_eq!(processors(a), processors(b), "{name}");
}

#[test]
fn formatting_an_example_register_is_idempotent_and_loads_the_same_model() {
    for name in EXAMPLES {
        let before = load(&memory(name, false)).unwrap();
        let after = load(&memory(name, true)).unwrap();
        assert!(after.problems.is_empty(), "{name}: {:?}", after.problems);
        assert_same_model(&before, &after, name);
    }
}

#[test]
fn the_shipped_example_registers_are_in_canonical_form() {
    for name in EXAMPLES {
        let report = format_register(&DirSource::new(example(name))).unwrap();
        assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
        let stale: Vec<&str> = report
            .changes
            .iter()
            .map(|c| report.files.path(c.file))
            .collect();
        assert!(
            stale.is_empty(),
            "registers/{name}: run `cargo run -- fmt registers/{name}`; not formatted: {stale:?}"
        );
    }
}

/// The benchmarks' generated register is what `ropa fmt` writes and loads cleanly, so the
/// `fmt --check` figures measure an already-formatted register.
#[test]
fn the_benchmarks_generated_register_is_formatted_and_valid() {
    let dir = tempfile::tempdir().unwrap();
    support::generate_with(
        dir.path(),
        support::Synth {
            activities: 300,
            processors: 40,
        },
    );
    let source = DirSource::new(dir.path());
    let report = format_register(&source).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let stale: Vec<&str> = report
        .changes
        .iter()
        .map(|c| report.files.path(c.file))
        .collect();
    assert!(stale.is_empty(), "not formatted: {stale:?}");
    let loaded = load(&source).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.register.activities.len(), 300);
    assert_eq!(loaded.register.processors.len(), 40);
}

/// Generated activity files: varied key order, comments, lists, escapes, unicode, tables.
mod generated {
    use proptest::prelude::*;
    use ropa::fmt::{format_text, shape};
    use ropa::model::Activity;
    use ropa::schema::FileKind;

    /// How a value is written.
    #[derive(Debug, Clone)]
    enum Val {
        Str(String, Quote),
        Bool(bool),
        Int(i64),
        Date(String),
        List(Vec<Val>, ListStyle),
        Inline(Vec<(String, Val)>),
    }

    #[derive(Debug, Clone, Copy)]
    enum Quote {
        Basic,
        Literal,
        MultiLine,
    }

    #[derive(Debug, Clone)]
    enum ListStyle {
        OneLine,
        /// One item per line, with a comment before some items.
        PerLine(Vec<Option<String>>, bool),
    }

    #[derive(Debug, Clone)]
    struct Entry {
        key: String,
        val: Val,
        above: Vec<String>,
        blank_before: bool,
        after: Option<String>,
        spacing: &'static str,
    }

    #[derive(Debug, Clone)]
    struct Section {
        name: String,
        array: bool,
        above: Vec<String>,
        after: Option<String>,
        entries: Vec<Entry>,
        /// After the last entry, then a blank line: the end of this table.
        tail: Vec<String>,
    }

    #[derive(Debug, Clone)]
    struct Doc {
        header: Vec<String>,
        root: Vec<Entry>,
        /// After the last top-level entry, then a blank line.
        root_tail: Vec<String>,
        sections: Vec<Section>,
        end: Vec<String>,
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 ,.()-]{0,30}",
            "[a-z ]{0,10}[\"'\\\\#=\\[\\]{}][a-z ]{0,10}",
            "[\\u{e9}\\u{df}\\u{4e2d}\\u{1f600} a-z]{1,12}",
            "[a-z]{0,5}[\\u{a0}\\u{ad}\\u{85}\\u{200b}\\u{202e}\\u{2028}\\u{3000}\\u{e0041}][a-z]{0,5}",
            "[a-z]{0,5}[\\t\\n\\r\\u{1}\\u{1f}][a-z]{0,5}",
            "[a-z ]{60,90}",
        ]
    }

    fn comment() -> impl Strategy<Value = String> {
        "[ a-zA-Z0-9#'\"=\\[\\]\\u{e9}\\u{4e2d}]{0,30}".prop_map(|t| format!("#{t}"))
    }

    fn string_val() -> impl Strategy<Value = Val> {
        (
            text(),
            prop_oneof![
                Just(Quote::Basic),
                Just(Quote::Literal),
                Just(Quote::MultiLine)
            ],
        )
            .prop_map(|(t, q)| Val::Str(t, q))
    }

    fn list_of(item: BoxedStrategy<Val>) -> BoxedStrategy<Val> {
        prop::collection::vec(item, 0..6)
            .prop_map(|items| {
                // Lists in the register hold each item once.
                let mut seen = std::collections::HashSet::new();
                items
                    .into_iter()
                    .filter(|v| seen.insert(format!("{v:?}")))
                    .collect::<Vec<_>>()
            })
            .prop_flat_map(|items| {
                let n = items.len();
                let style = prop_oneof![
                    Just(ListStyle::OneLine),
                    (
                        prop::collection::vec(prop::option::of(comment()), n + 1),
                        any::<bool>()
                    )
                        .prop_map(|(c, comma)| ListStyle::PerLine(c, comma)),
                ];
                (Just(items), style)
            })
            .prop_map(|(items, style)| Val::List(items, style))
            .boxed()
    }

    fn slug(options: &'static [&'static str]) -> BoxedStrategy<Val> {
        prop::sample::select(options)
            .prop_map(|s| Val::Str(s.to_string(), Quote::Basic))
            .boxed()
    }

    fn date() -> BoxedStrategy<Val> {
        (2020..2030u32, 1..13u32, 1..29u32)
            .prop_map(|(y, m, d)| Val::Date(format!("{y}-{m:02}-{d:02}")))
            .boxed()
    }

    /// A value of the right type for a known key (so many files load as an [`Activity`]), or any
    /// value for an unknown one.
    fn value_for(key: &str) -> BoxedStrategy<Val> {
        match key {
            "role" => slug(&["controller", "joint-controller", "processor"]),
            "last_reviewed" | "next_review" => date(),
            "criminal_offence_data"
            | "children"
            | "official_authority"
            | "compliant"
            | "used"
            | "large_scale"
            | "systematic_monitoring"
            | "innovative_technology"
            | "vulnerable_people"
            | "required"
            | "occurred" => any::<bool>().prop_map(Val::Bool).boxed(),
            "article6" => list_of(slug(&["public-task", "consent", "legal-obligation"])),
            "article9" => list_of(slug(&["explicit-consent", "substantial-public-interest"])),
            "special_category_data" => list_of(slug(&["health", "biometric", "religion"])),
            "rights" => list_of(slug(&["access", "rectification", "object"])),
            "processors" => list_of(slug(&["rostrvm", "capita"])),
            "schedule1" => list_of(
                prop::sample::select(&[6i64, 8, 10][..])
                    .prop_map(Val::Int)
                    .boxed(),
            ),
            "status" => slug(&["not-started", "complete"]),
            "recognised_condition" => slug(&["crime", "emergencies", "safeguarding"]),
            "action" => slug(&["delete", "review"]),
            "mechanism" => slug(&["adequacy", "idta"]),
            "country" => slug(&["US", "IE"]),
            "purposes" | "data_subjects" | "personal_data" | "sources" | "recipients"
            | "security_measures" | "processing" => list_of(string_val().boxed()),
            "name"
            | "business_function"
            | "description"
            | "owner"
            | "location"
            | "privacy_notice"
            | "law"
            | "legitimate_interests"
            | "lia"
            | "consent_record"
            | "link"
            | "reason"
            | "data"
            | "period"
            | "trigger"
            | "recipient"
            | "safeguards"
            | "contact"
            | "arrangement"
            | "details"
            | "record"
            | "rule" => string_val().boxed(),
            _ => prop_oneof![
                string_val(),
                any::<i64>().prop_map(Val::Int),
                any::<bool>().prop_map(Val::Bool),
                date(),
                list_of(string_val().boxed()),
                prop::collection::vec(("[a-z]{1,6}", string_val()), 0..3).prop_map(|kv| {
                    let mut seen = std::collections::HashSet::new();
                    Val::Inline(
                        kv.into_iter()
                            .filter(|(k, _)| seen.insert(k.clone()))
                            .collect(),
                    )
                }),
            ]
            .boxed(),
        }
    }

    /// Entries with keys from `known` and, in a loose file, unknown ones; `required` keys are
    /// always there (so strict files can load as an [`Activity`]).
    fn entries(
        known: Vec<&'static str>,
        max: usize,
        loose: bool,
        required: &'static [&'static str],
    ) -> BoxedStrategy<Vec<Entry>> {
        let unknown = prop::sample::select(&["zeta", "custom_note", "\"has space\"", "x-1"][..]);
        let key = prop_oneof![
            4 => prop::sample::select(known).prop_map(str::to_string),
            if loose { 1 } else { 0 } => unknown.prop_map(str::to_string),
        ];
        prop::collection::vec(key, 0..max)
            .prop_map(move |mut keys| {
                keys.extend(required.iter().map(|k| k.to_string()));
                let mut seen = std::collections::HashSet::new();
                keys.into_iter()
                    .filter(|k| seen.insert(k.trim_matches('"').to_string()))
                    .collect::<Vec<_>>()
            })
            .prop_flat_map(|keys| {
                keys.into_iter()
                    .map(|key| {
                        (
                            value_for(&key),
                            prop::collection::vec(comment(), 0..2),
                            any::<bool>(),
                            prop::option::of(comment()),
                            prop::sample::select(&[" = ", "=", "  =   "][..]),
                        )
                            .prop_map(
                                move |(val, above, blank_before, after, spacing)| Entry {
                                    key: key.clone(),
                                    val,
                                    above,
                                    blank_before,
                                    after,
                                    spacing,
                                },
                            )
                    })
                    .collect::<Vec<_>>()
            })
            .boxed()
    }

    /// A whole activity file. A strict one has only known keys with values of the right type;
    /// a loose one also has unknown keys and tables.
    fn doc() -> impl Strategy<Value = Doc> {
        any::<bool>().prop_flat_map(doc_of)
    }

    fn doc_of(loose: bool) -> impl Strategy<Value = Doc> {
        let activity = shape(FileKind::Activity);
        let plain: Vec<&'static str> = activity
            .keys()
            .filter(|k| activity.child(k).is_none())
            .collect();
        const TABLES: &[&str] = &[
            "lawful_basis",
            "risk",
            "dpia",
            "retention",
            "waivers",
            "transfers",
        ];
        const LOOSE_TABLES: &[&str] = &["lawful_basis", "risk", "retention", "waivers", "extra"];
        let tables = if loose { LOOSE_TABLES } else { TABLES };
        let section = prop::sample::select(tables).prop_flat_map(move |name| {
            let known: Vec<&'static str> = shape(FileKind::Activity)
                .child(name)
                .map(|s| s.keys().collect())
                .unwrap_or_else(|| vec!["a", "b", "c"]);
            let required: &'static [&'static str] = if name == "waivers" { &["rule"] } else { &[] };
            (
                entries(known, 6, loose, required),
                prop::collection::vec(comment(), 0..2),
                prop::option::of(comment()),
                prop::collection::vec(comment(), 0..2),
            )
                .prop_map(move |(entries, above, after, tail)| Section {
                    name: name.to_string(),
                    array: matches!(name, "retention" | "waivers" | "transfers"),
                    above,
                    after,
                    entries,
                    tail,
                })
        });
        (
            prop::collection::vec(comment(), 0..3),
            entries(plain, 14, loose, &["name"]),
            prop::collection::vec(comment(), 0..2),
            prop::collection::vec(section, 0..5),
            prop::collection::vec(comment(), 0..2),
        )
            .prop_map(|(header, root, root_tail, sections, end)| {
                // A standard table may appear once; arrays of tables any number of times.
                let mut seen = std::collections::HashSet::new();
                let sections = sections
                    .into_iter()
                    .filter(|s| s.array || seen.insert(s.name.clone()))
                    .collect();
                Doc {
                    header,
                    root,
                    root_tail,
                    sections,
                    end,
                }
            })
    }

    fn basic(t: &str) -> String {
        ropa::fmt::basic_string(t)
    }

    fn write_val(out: &mut String, val: &Val) {
        match val {
            Val::Str(t, Quote::Literal)
                if !t.contains(['\'', '\n', '\r']) && !t.chars().any(char::is_control) =>
            {
                out.push_str(&format!("'{t}'"));
            }
            Val::Str(t, Quote::MultiLine)
                if !t.contains('\'') && !t.chars().any(|c| c.is_control() && c != '\n') =>
            {
                out.push_str(&format!("'''\n{t}'''"));
            }
            Val::Str(t, _) => out.push_str(&basic(t)),
            Val::Bool(b) => out.push_str(&b.to_string()),
            Val::Int(i) => out.push_str(&i.to_string()),
            Val::Date(d) => out.push_str(d),
            Val::List(items, ListStyle::OneLine) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_val(out, item);
                }
                out.push(']');
            }
            Val::List(items, ListStyle::PerLine(comments, comma)) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    if let Some(c) = &comments[i] {
                        out.push_str(&format!("  {c}\n"));
                    }
                    out.push_str("  ");
                    write_val(out, item);
                    if i + 1 < items.len() || *comma {
                        out.push(',');
                    }
                    out.push('\n');
                }
                if let Some(c) = &comments[items.len()] {
                    out.push_str(&format!("  {c}\n"));
                }
                out.push(']');
            }
            Val::Inline(kv) => {
                out.push('{');
                for (i, (k, v)) in kv.iter().enumerate() {
                    out.push_str(if i > 0 { ", " } else { " " });
                    out.push_str(k);
                    out.push_str(" = ");
                    write_val(out, v);
                }
                out.push_str(" }");
            }
        }
    }

    fn write_entries(out: &mut String, entries: &[Entry]) {
        for e in entries {
            if e.blank_before {
                out.push('\n');
            }
            for c in &e.above {
                out.push_str(c);
                out.push('\n');
            }
            out.push_str(&e.key);
            out.push_str(e.spacing);
            write_val(out, &e.val);
            if let Some(c) = &e.after {
                out.push_str("  ");
                out.push_str(c);
            }
            out.push('\n');
        }
    }

    fn render(doc: &Doc) -> String {
        let mut out = String::new();
        for c in &doc.header {
            out.push_str(c);
            out.push('\n');
        }
        out.push('\n');
        write_entries(&mut out, &doc.root);
        write_tail(&mut out, &doc.root_tail);
        for s in &doc.sections {
            for c in &s.above {
                out.push_str(c);
                out.push('\n');
            }
            let (open, close) = if s.array { ("[[", "]]") } else { ("[", "]") };
            out.push_str(&format!("{open}{}{close}", s.name));
            if let Some(c) = &s.after {
                out.push(' ');
                out.push_str(c);
            }
            out.push('\n');
            write_entries(&mut out, &s.entries);
            write_tail(&mut out, &s.tail);
        }
        for c in &doc.end {
            out.push_str(c);
            out.push('\n');
        }
        out
    }

    fn write_tail(out: &mut String, tail: &[String]) {
        if !tail.is_empty() {
            for c in tail {
                out.push_str(c);
                out.push('\n');
            }
            out.push('\n');
        }
    }

    /// A table of the generated file: its name and how many of that name come before it;
    /// `None` for the top level.
    type SectionId = Option<(String, usize)>;

    /// Where a comment must be after formatting.
    #[derive(Debug, Clone, PartialEq)]
    enum At {
        /// In the block at the top of the file.
        Top,
        /// Anywhere in this table (after its header, before the next).
        In(SectionId),
        /// Right above this table's header.
        AboveHeader(SectionId),
        /// Right above this key, in this table.
        AboveKey(SectionId, String),
    }

    #[derive(Debug, Clone)]
    struct Expect {
        comment: String,
        own_line: bool,
        at: At,
    }

    /// Makes every comment unique (a `~n~` tag; generated text has no `~`) and says where each
    /// must end up: on its own line or at the end of one, as written, and with the same table,
    /// header or key.
    fn tag(doc: &mut Doc) -> Vec<Expect> {
        let mut t = Tagger::default();
        for c in &mut doc.header {
            t.mark(c, true, At::Top);
        }
        t.entries(&mut doc.root, &None);
        for c in &mut doc.root_tail {
            t.mark(c, true, At::In(None));
        }
        let mut seen = std::collections::HashMap::new();
        let mut last = None;
        for s in &mut doc.sections {
            let k = seen.entry(s.name.clone()).or_insert(0);
            let id = Some((s.name.clone(), *k));
            *k += 1;
            for c in &mut s.above {
                t.mark(c, true, At::AboveHeader(id.clone()));
            }
            if let Some(c) = &mut s.after {
                t.mark(c, false, At::In(id.clone()));
            }
            t.entries(&mut s.entries, &id);
            for c in &mut s.tail {
                t.mark(c, true, At::In(id.clone()));
            }
            last = id;
        }
        // The end of the file belongs to its last table.
        for c in &mut doc.end {
            t.mark(c, true, At::In(last.clone()));
        }
        t.expect
    }

    #[derive(Default)]
    struct Tagger {
        n: usize,
        expect: Vec<Expect>,
    }

    impl Tagger {
        fn mark(&mut self, c: &mut String, own_line: bool, at: At) {
            self.n += 1;
            c.push_str(&format!(" ~{}~", self.n));
            self.expect.push(Expect {
                comment: c.clone(),
                own_line,
                at,
            });
        }

        fn entries(&mut self, entries: &mut [Entry], id: &SectionId) {
            for e in entries {
                for c in &mut e.above {
                    self.mark(c, true, At::AboveKey(id.clone(), e.key.clone()));
                }
                if let Some(c) = &mut e.after {
                    self.mark(c, false, At::In(id.clone()));
                }
                self.val(&mut e.val, id);
            }
        }

        fn val(&mut self, val: &mut Val, id: &SectionId) {
            if let Val::List(items, style) = val {
                if let ListStyle::PerLine(comments, _) = style {
                    for c in comments.iter_mut().flatten() {
                        self.mark(c, true, At::In(id.clone()));
                    }
                }
                items.iter_mut().for_each(|v| self.val(v, id));
            }
        }
    }

    /// Where each comment is in formatted text, checked against where it must be.
    fn misplaced(out: &str, expect: &[Expect]) -> Option<String> {
        let lines: Vec<&str> = out.lines().collect();
        let header = |line: &str| {
            let t = line.split('#').next().unwrap_or("").trim();
            let name = t.trim_matches(['[', ']']);
            let is_header = t.starts_with('[')
                && t.ends_with(']')
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            is_header.then(|| name.to_string())
        };
        let mut seen = std::collections::HashMap::new();
        let mut current: SectionId = None;
        let sections: Vec<SectionId> = lines
            .iter()
            .map(|line| {
                if let Some(name) = header(line) {
                    let k = seen.entry(name.clone()).or_insert(0);
                    current = Some((name, *k));
                    *k += 1;
                }
                current.clone()
            })
            .collect();
        let quiet = |l: &str| l.trim().is_empty() || l.trim().starts_with('#');
        for e in expect {
            let found: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains(&e.comment))
                .collect();
            let [i] = found[..] else {
                return Some(format!("{:?} is there {} times", e.comment, found.len()));
            };
            if (lines[i].trim() == e.comment) != e.own_line {
                return Some(format!(
                    "{:?} was written {} but is now {}",
                    e.comment,
                    if e.own_line {
                        "on its own line"
                    } else {
                        "at the end of a line"
                    },
                    if e.own_line {
                        "at the end of a line"
                    } else {
                        "on its own line"
                    },
                ));
            }
            let next = (i + 1..lines.len()).find(|&j| !quiet(lines[j]));
            let placed = match &e.at {
                At::Top => lines[..i].iter().all(|l| quiet(l)),
                At::In(id) => sections[i] == *id,
                At::AboveHeader(id) => {
                    next.is_some_and(|j| header(lines[j]).is_some() && sections[j] == *id)
                }
                At::AboveKey(id, key) => {
                    sections[i] == *id
                        && next.is_some_and(|j| lines[j].starts_with(&format!("{key} =")))
                }
            };
            if !placed {
                return Some(format!("{:?} is not {:?}", e.comment, e.at));
            }
        }
        None
    }

    /// The activity as `ropa` loads it, when the file is a valid activity.
    fn model(text: &str) -> Option<Activity> {
        let report = crate::common::load_files(&[("activities/a.toml", text.as_bytes())]);
        report
            .register
            .activities
            .into_iter()
            .next()
            .map(|a| *a.value)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn fmt_keeps_every_value_and_comment_in_place_and_is_idempotent(mut doc in doc()) {
            let expect = tag(&mut doc);
            let text = render(&doc);
            let before: toml::Table = toml::from_str(&text).expect("the generator writes valid TOML");
            let once = format_text(FileKind::Activity, &text)
                .unwrap_or_else(|e| panic!("{e:?} formatting:\n{text}"));
            let after: toml::Table = toml::from_str(&once).expect("formatted text is TOML");
            prop_assert_eq!(&before, &after, "values changed:\n{}\n---\n{}", text, once);
            let twice = format_text(FileKind::Activity, &once).unwrap();
            prop_assert_eq!(&once, &twice, "not idempotent:\n{}", text);
            prop_assert!(once.ends_with('\n') && !once.ends_with("\n\n"));
            if let Some(why) = misplaced(&once, &expect) {
                prop_assert!(false, "{}:\n{}\n---\n{}", why, text, once);
            }
            if let Some(model) = model(&text) {
                prop_assert_eq!(Some(model), self::model(&once));
            }
        }
    }
}
