//! `ropa export`: the workbook read back with an independent reader (calamine), CSV quoting
//! and formula neutralising, the JSON export against its schema, and the overwrite rules.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{EXAMPLES, example};

fn ropa(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ropa"));
    cmd.args(args).env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("ropa runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn export(format: &str, register: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        format,
        register.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ropa(&args, &[])
}

fn ok(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

/// The 30 ICO headings, word for word from the template, kept as a fixture (not read from our
/// code, so a changed heading in `src/` is caught).
fn ico_headings_from_the_template() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ico-headings.txt");
    let text = std::fs::read_to_string(&path)
        .expect("tests/fixtures/ico-headings.txt is in the repository");
    let headings: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(
        headings.len(),
        30,
        "{} holds the 30 headings",
        path.display()
    );
    headings
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

fn zip_entry(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the workbook"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

struct Temp(tempfile::TempDir);

impl Temp {
    fn new() -> Self {
        Temp(tempfile::tempdir().unwrap())
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
    /// A register in the temp folder built from (path, text) pairs.
    fn register(&self, files: &[(&str, &str)]) -> PathBuf {
        let root = self.path("register");
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }
}

#[test]
fn workbook_follows_the_ico_template() {
    let tmp = Temp::new();
    let out = tmp.path("ropa.xlsx");
    ok(&export(
        "xlsx",
        &example("customer-services-council"),
        &out,
        &[],
    ));
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "Article 30 record",
            "Processor record",
            "Processors",
            "Retention schedule",
            "Transfers",
            "Waivers"
        ]
    );

    let record = workbook.worksheet_range("Article 30 record").unwrap();
    // The contact block in rows 1-6.
    assert_eq!(cell(&record, 0, 1), "Name");
    assert_eq!(cell(&record, 1, 0), "Controller");
    assert_eq!(cell(&record, 2, 0), "Data Protection Officer");
    assert_eq!(cell(&record, 3, 0), "Representative");
    // The group headings in row 8 and the 30 headings, word for word, in row 9.
    assert_eq!(
        cell(&record, 7, 1),
        "Article 30 Record of Processing Activities"
    );
    assert_eq!(cell(&record, 7, 12), "Privacy Notices");
    assert_eq!(cell(&record, 7, 19), "Consent");
    assert_eq!(cell(&record, 7, 21), "Data Protection Impact Assessments");
    let headings: Vec<String> = (1..31).map(|c| cell(&record, 8, c)).collect();
    assert_eq!(headings, ico_headings_from_the_template());
    // The activity's name leads, outside the template's columns, frozen beside them.
    assert_eq!(cell(&record, 7, 0), "Activity");
    assert_eq!(cell(&record, 8, 0), "Processing activity");
    assert_eq!(cell(&record, 9, 0), "Call recording");

    // One row per controller activity from row 10, values in words.
    let ids: Vec<String> = (9..record.end().unwrap().0 + 1)
        .map(|r| cell(&record, r, 40))
        .collect();
    assert_eq!(ids[0], "customer-services/call-recording");
    assert_eq!(cell(&record, 9, 1), "Customer Services");
    assert_eq!(cell(&record, 9, 12), "Public task (Art 6(1)(e))");
    assert_eq!(
        cell(&record, 9, 13),
        "Reasons of substantial public interest (Art 9(2)(g))"
    );
    assert_eq!(
        cell(&record, 9, 26),
        "Schedule 1 paragraph 6 (Statutory etc and government purposes)"
    );
    assert!(
        cell(&record, 9, 5).ends_with("\nSpecial category: Health"),
        "{}",
        cell(&record, 9, 5)
    );
    assert!(
        cell(&record, 9, 10).starts_with("Call recordings: 6 months"),
        "{}",
        cell(&record, 9, 10)
    );
    assert!(
        cell(&record, 9, 7).starts_with("Rostrvm"),
        "ICO column 7 links the processor's contract: {}",
        cell(&record, 9, 7)
    );
    assert_eq!(
        cell(&record, 9, 16).lines().collect::<Vec<_>>(),
        [
            "The right to be informed",
            "The right of access",
            "The right to rectification",
            "The right to restrict processing",
            "The right to object"
        ],
        "rights are derived from the public task basis"
    );
    assert_eq!(cell(&record, 9, 17), "No");

    // Each sheet is an Excel table (with its autofilter) over its headings and rows.
    workbook.load_tables().unwrap();
    let table = workbook.table_by_name("Article30Record").unwrap();
    assert_eq!(table.sheet_name(), "Article 30 record");
    assert_eq!(table.columns()[1..31], ico_headings_from_the_template()[..]);
    assert_eq!(table.data().height(), ids.len());
    let processors = workbook.worksheet_range("Processors").unwrap();
    assert_eq!(cell(&processors, 0, 0), "Processor");
    assert_eq!(processors.height(), 4, "a heading row and three processors");

    let sheet = zip_entry(&out, "xl/worksheets/sheet1.xml");
    // The name and the business function stay in view.
    assert!(sheet.contains(r#"<pane xSplit="2" ySplit="9" topLeftCell="C10""#));
    assert!(
        sheet.contains(r#"<dataValidation type="list""#) && sheet.contains("\"Yes,No\""),
        "Yes/No columns are validated"
    );
    // Rows are as tall as their longest wrapped cell, since not every program grows them.
    let row_height = |row: u32| -> f64 {
        let start = sheet.find(&format!("<row r=\"{row}\" ")).unwrap();
        let tag = &sheet[start..start + sheet[start..].find('>').unwrap()];
        let ht = tag
            .split("ht=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        ht.parse().unwrap()
    };
    assert!(
        row_height(12) >= 6.0 * 15.0,
        "six purposes need six lines: {}",
        row_height(12)
    );
    let table_xml = zip_entry(&out, "xl/tables/table1.xml");
    assert!(table_xml.contains("<autoFilter ref=\"A9:AO"), "{table_xml}");
    let core = zip_entry(&out, "docProps/core.xml");
    assert!(core.contains("<dc:title>Record of Processing Activities"));
    assert!(core.contains("<dc:subject>UK GDPR Article 30"));
    let app = zip_entry(&out, "docProps/app.xml");
    assert!(app.contains("<Company>"));
}

#[test]
fn processor_activities_go_to_the_processor_record() {
    let tmp = Temp::new();
    let out = tmp.path("bolsover.xlsx");
    ok(&export("xlsx", &example("bolsover"), &out, &[]));
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let record = workbook.worksheet_range("Article 30 record").unwrap();
    let in_record: Vec<String> = (9..record.height() as u32)
        .map(|r| cell(&record, r, 40))
        .collect();
    assert!(!in_record.contains(&"customer-services/universal-credit-assistance".to_string()));
    let processor = workbook.worksheet_range("Processor record").unwrap();
    // Art 30(2)(a): the processor's own and its DPO's contact details head the sheet.
    assert_eq!(cell(&processor, 1, 0), "Processor");
    assert_eq!(cell(&processor, 1, 1), "Bolsover District Council");
    assert_eq!(cell(&processor, 2, 0), "Data Protection Officer");
    assert!(!cell(&processor, 2, 3).is_empty(), "the DPO's email");
    assert_eq!(
        processor.height(),
        10,
        "the contact block, then a heading row and one activity"
    );
    assert_eq!(
        cell(&processor, 9, 8),
        "customer-services/universal-credit-assistance"
    );
    assert!(cell(&processor, 8, 2).starts_with("Name and contact details of each controller"));
}

#[test]
fn the_same_register_gives_the_same_bytes() {
    let tmp = Temp::new();
    // The workbook's sheets are written on several threads at once, so a difference may show
    // in only some runs (a format numbered by first use did, one run in ten): it gets more.
    for (format, runs) in [("xlsx", 8), ("csv", 2), ("json", 2)] {
        let first = tmp.path(&format!("0.{format}"));
        ok(&export(format, &example("oadby-wigston"), &first, &[]));
        let expected = std::fs::read(&first).unwrap();
        for run in 1..runs {
            let again = tmp.path(&format!("{run}.{format}"));
            ok(&export(format, &example("oadby-wigston"), &again, &[]));
            assert!(
                std::fs::read(&again).unwrap() == expected,
                "{format} differs between runs (run {run})"
            );
        }
    }
}

#[test]
fn the_workbook_date_is_the_newest_review_or_source_date_epoch() {
    let tmp = Temp::new();
    let out = tmp.path("a.xlsx");
    let register = tmp.register(&[
        ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
        (
            "activities/a.toml",
            "name = \"A\"\nlast_reviewed = 2026-03-01\n",
        ),
        (
            "activities/b.toml",
            "name = \"B\"\nlast_reviewed = 2026-05-17\n",
        ),
    ]);
    ok(&export("xlsx", &register, &out, &[]));
    assert!(zip_entry(&out, "docProps/core.xml").contains("2026-05-17T00:00:00Z"));
    let args = [
        "export",
        "xlsx",
        register.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    ok(&ropa(&args, &[("SOURCE_DATE_EPOCH", "1767225600")]));
    assert!(zip_entry(&out, "docProps/core.xml").contains("2026-01-01T00:00:00Z"));
    let bad = ropa(&args, &[("SOURCE_DATE_EPOCH", "yesterday")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("SOURCE_DATE_EPOCH is `yesterday`"));
}

#[test]
fn findings_sheet_on_request() {
    let tmp = Temp::new();
    let out = tmp.path("a.xlsx");
    ok(&export(
        "xlsx",
        &example("bolsover"),
        &out,
        &["--with-findings", "--today", "2026-11-23"],
    ));
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(workbook.sheet_names().last().unwrap(), "Lint findings");
    let findings = workbook.worksheet_range("Lint findings").unwrap();
    assert_eq!(cell(&findings, 0, 1), "Rule");
    let lint = ropa(
        &[
            "lint",
            example("bolsover").to_str().unwrap(),
            "--format",
            "concise",
            "--today",
            "2026-11-23",
        ],
        &[],
    );
    let lint_lines = text(&lint.stdout)
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .count();
    assert_eq!(
        findings.height() - 1,
        lint_lines,
        "one row per lint finding"
    );
}

const HOSTILE_ACTIVITY: &str = r#"name = "Payments, refunds and \"chargebacks\""
business_function = "Finance"
purposes = ["=HYPERLINK(\"http://evil.example\",\"click\")", "Taking payments"]
data_subjects = ["+44 callers", "-minus", "@mention"]
personal_data = ["Card number\nand expiry"]
recipients = []
description = "	tab first"

[[transfers]]
country = "US"
recipient = "Card processor"
mechanism = "idta"

[[transfers]]
country = "IN"
recipient = "Support desk"
mechanism = "derogation"
safeguards = "Explicit consent of the payer"
"#;

fn hostile_register(tmp: &Temp) -> PathBuf {
    tmp.register(&[
        ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
        ("activities/finance/payments.toml", HOSTILE_ACTIVITY),
        (
            "activities/housing/repairs.toml",
            "name = \"Repairs\"\nbusiness_function = \"Housing\"\n",
        ),
    ])
}

fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_quotes_neutralises_formulas_and_keeps_newlines() {
    let tmp = Temp::new();
    let register = hostile_register(&tmp);
    let out = tmp.path("record.csv");
    ok(&export("csv", &register, &out, &[]));
    let bytes = std::fs::read(&out).unwrap();
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM unless asked");
    assert!(
        text(&bytes).contains("\r\n"),
        "RFC 4180 lines end with CRLF"
    );
    let rows = read_csv(&bytes);
    assert_eq!(rows[0][..30], ico_headings_from_the_template()[..]);
    let payments = &rows[1];
    assert_eq!(payments[30], "Payments, refunds and \"chargebacks\"");
    assert_eq!(
        payments[1],
        "'=HYPERLINK(\"http://evil.example\",\"click\"); Taking payments"
    );
    assert_eq!(payments[3], "'+44 callers; -minus; @mention");
    assert_eq!(
        payments[4], "Card number\nand expiry",
        "newlines survive quoting"
    );
    assert_eq!(payments[5], "None", "recorded as none differs from blank");
    assert_eq!(payments[31], "'\ttab first");
    assert_eq!(
        payments[7],
        "United States of America (US) — Card processor: International Data Transfer Agreement; \
         India (IN) — Support desk: Art 49 derogation for a specific situation"
    );
    assert_eq!(payments[8], "IN: Explicit consent of the payer");
    assert_eq!(rows[2][0], "Housing");
    assert_eq!(rows[2][5], "", "not recorded is blank");

    let raw = tmp.path("raw.csv");
    ok(&export(
        "csv",
        &register,
        &raw,
        &["--raw", "--bom", "--separator", " | "],
    ));
    let bytes = std::fs::read(&raw).unwrap();
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("--bom writes a byte order mark");
    let rows = read_csv(bytes);
    assert_eq!(
        rows[1][1],
        "=HYPERLINK(\"http://evil.example\",\"click\") | Taking payments"
    );
    assert_eq!(rows[1][31], "\ttab first");
}

#[test]
fn csv_sheets_and_filters() {
    let tmp = Temp::new();
    let register = hostile_register(&tmp);
    let out = tmp.path("transfers.csv");
    ok(&export("csv", &register, &out, &["--sheet", "transfers"]));
    let rows = read_csv(&std::fs::read(&out).unwrap());
    assert_eq!(
        rows[0][..3],
        ["Processing activity", "Country", "UK adequacy"]
    );
    assert_eq!(rows.len(), 3);
    assert!(rows[1][2].starts_with("Adequate only for organisations certified"));
    assert_eq!(rows[2][2], "Not adequate");

    let stdout = ropa(
        &[
            "export",
            "csv",
            register.to_str().unwrap(),
            "-o",
            "-",
            "--function",
            "housing",
        ],
        &[],
    );
    ok(&stdout);
    let rows = read_csv(&stdout.stdout);
    assert_eq!(rows.len(), 2, "only the Housing activity");
    assert_eq!(rows[1][40], "housing/repairs");

    let by_glob = ropa(
        &[
            "export",
            "csv",
            register.to_str().unwrap(),
            "-o",
            "-",
            "--activity",
            "finance/*",
        ],
        &[],
    );
    let rows = read_csv(&by_glob.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][40], "finance/payments");

    let none = ropa(
        &[
            "export",
            "csv",
            register.to_str().unwrap(),
            "-o",
            "-",
            "--function",
            "Housng",
        ],
        &[],
    );
    assert_eq!(none.status.code(), Some(2));
    assert!(
        text(&none.stderr).contains("did you mean `--function \"Housing\"`?"),
        "{}",
        text(&none.stderr)
    );
}

#[test]
fn json_export_matches_its_schema_and_loses_nothing() {
    let schema_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/export.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let tmp = Temp::new();
    let mut registers: Vec<PathBuf> = EXAMPLES.iter().map(|e| example(e)).collect();
    registers.push(hostile_register(&tmp));
    for register in registers {
        let out = ropa(
            &["export", "json", register.to_str().unwrap(), "-o", "-"],
            &[],
        );
        ok(&out);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", register.display());
        assert!(text(&out.stdout).starts_with("{\n  \"format\": \"ropa-register-export\""));

        // Every activity's fields come back exactly as the loader read them.
        let report = ropa::load::load(&ropa::source::DirSource::new(&register)).unwrap();
        let activities = json["activities"].as_array().unwrap();
        assert_eq!(activities.len(), report.register.activities.len());
        for (exported, loaded) in activities.iter().zip(&report.register.activities) {
            let mut record = exported.clone();
            let map = record.as_object_mut().unwrap();
            assert_eq!(map.remove("id").unwrap(), loaded.id.as_str());
            map.remove("file");
            map.remove("derived");
            let back: ropa::model::Activity = serde_json::from_value(record).unwrap();
            assert_eq!(back, *loaded.value, "{}", loaded.id);
        }
    }
}

#[test]
fn existing_files_are_replaced_only_when_ropa_wrote_them_or_with_force() {
    let tmp = Temp::new();
    let register = example("harborough");
    for format in ["xlsx", "csv", "json"] {
        let out = tmp.path(&format!("mine.{format}"));
        std::fs::write(&out, "a DPO's own notes").unwrap();
        let refused = export(format, &register, &out, &[]);
        assert_eq!(refused.status.code(), Some(2), "{format}");
        assert!(text(&refused.stderr).contains("was not written by ropa export"));
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "a DPO's own notes",
            "untouched"
        );
        ok(&export(format, &register, &out, &["--force"]));
        // Written by ropa now, so it may be replaced without --force.
        ok(&export(format, &register, &out, &[]));
    }
    // A CSV of another sheet is not this export's file.
    let out = tmp.path("retention.csv");
    ok(&export("csv", &register, &out, &["--sheet", "retention"]));
    let other = export("csv", &register, &out, &[]);
    assert_eq!(other.status.code(), Some(2));
}

/// Only the start of an existing file is read to tell who wrote it: an export larger than that
/// is still recognised, and a workbook (a ZIP archive, read whole) too.
#[test]
fn a_large_export_of_ours_is_replaced_without_force() {
    let tmp = Temp::new();
    // Text that does not compress, so the workbook is large as well.
    let mut seed = 7_u64;
    let mut words = || {
        (0..5000)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                char::from(b'a' + u8::try_from(seed >> 59).unwrap() % 26)
            })
            .collect::<String>()
    };
    let mut files = vec![(
        "ropa.toml".to_string(),
        "[controller]\nname = \"Test Council\"\n".to_string(),
    )];
    for i in 0..500 {
        files.push((
            format!("activities/a{i}.toml"),
            format!("name = \"A {i}\"\ndescription = \"{}\"\n", words()),
        ));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let register = tmp.register(&files);
    for format in ["json", "html", "csv", "xlsx"] {
        let out = tmp.path(&format!("big.{format}"));
        ok(&export(format, &register, &out, &[]));
        let size = std::fs::metadata(&out).unwrap().len();
        assert!(size > 1 << 20, "{format}: {size} bytes");
        ok(&export(format, &register, &out, &[]));
    }
}

#[test]
fn export_refuses_what_it_cannot_do() {
    let tmp = Temp::new();
    let broken = tmp.register(&[
        ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
        (
            "activities/a.toml",
            "name = \"A\"\npurposes = \"not a list\"\n",
        ),
    ]);
    let out = tmp.path("x.xlsx");
    let failed = export("xlsx", &broken, &out, &[]);
    assert_eq!(failed.status.code(), Some(2));
    let stderr = text(&failed.stderr);
    assert!(stderr.contains("activities/a.toml:2:"), "{stderr}");
    assert!(stderr.contains("was not exported"), "{stderr}");
    assert!(!out.exists());

    let misplaced = export("json", &example("harborough"), &out, &["--bom"]);
    assert_eq!(misplaced.status.code(), Some(2));
    assert!(text(&misplaced.stderr).contains("--bom applies only to `ropa export csv`"));

    let bad_glob = export(
        "csv",
        &example("harborough"),
        &out,
        &["--activity", "[oops"],
    );
    assert_eq!(bad_glob.status.code(), Some(2));
    assert!(text(&bad_glob.stderr).contains("`--activity [oops` is not a valid pattern"));
}

#[cfg(unix)]
#[test]
fn output_that_is_not_a_plain_file_of_ours_is_refused() {
    let tmp = Temp::new();
    let register = tmp.register(&[
        ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
        ("activities/a.toml", "name = \"A\"\n"),
    ]);
    let refused = |out: &Path, extra: &[&str], expected: &str| {
        let output = export("csv", &register, out, extra);
        assert_eq!(output.status.code(), Some(2), "{}", out.display());
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected), "{stderr}");
    };
    // A pipe would block a read and be turned into a file by a rename, even with --force.
    let fifo = tmp.path("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    refused(&fifo, &["--force"], "is not a regular file");
    refused(
        Path::new("/dev/null"),
        &["--force"],
        "is not a regular file",
    );
    // Inside the register an export would be read as part of it next time.
    refused(
        &register.join("activities/export.csv"),
        &["--force"],
        "is part of the register",
    );
    refused(
        &register.join("ropa.toml"),
        &["--force"],
        "is part of the register",
    );
    // A read-only file needs --force.
    let mine = tmp.path("mine.csv");
    ok(&export("csv", &register, &mine, &[]));
    let mut perms = std::fs::metadata(&mine).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&mine, perms).unwrap();
    refused(&mine, &[], "is read-only");
    ok(&export("csv", &register, &mine, &["--force"]));
    // Another kind of ropa export is named as such.
    let json = tmp.path("export.json");
    ok(&export("json", &register, &json, &[]));
    refused(&json, &[], "is a different file written by ropa");
    // A symbolic link is written through, and stays a link.
    let link = tmp.path("link.json");
    std::os::unix::fs::symlink(&json, &link).unwrap();
    std::fs::write(register.join("activities/b.toml"), "name = \"B\"\n").unwrap();
    ok(&export("json", &register, &link, &[]));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("\"id\": \"b\"")
    );
}

#[test]
fn rights_follow_the_basis_and_consent_can_be_withdrawn() {
    let tmp = Temp::new();
    let register = tmp.register(&[
        ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
        ("activities/a-no-basis.toml", "name = \"No basis\"\n"),
        (
            "activities/b-consent.toml",
            "name = \"Newsletter\"\n\n[lawful_basis]\narticle6 = [\"consent\"]\n",
        ),
    ]);
    let out = ropa(
        &["export", "csv", register.to_str().unwrap(), "-o", "-"],
        &[],
    );
    ok(&out);
    let rows = read_csv(&out.stdout);
    assert_eq!(
        rows[1][15], "",
        "no basis recorded, so no rights are derived"
    );
    assert!(
        rows[2][15].ends_with("; The right to withdraw consent at any time (Art 7(3))"),
        "{}",
        rows[2][15]
    );
}

#[test]
fn the_web_page_warns_about_gaps_but_is_written() {
    let tmp = Temp::new();
    let out = export(
        "html",
        &common::example("bolsover"),
        &tmp.path("page.html"),
        &[],
    );
    ok(&out);
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("warning: the register has "), "{stderr}");
    assert!(stderr.contains("items as \"Not recorded\""), "{stderr}");
    assert!(tmp.path("page.html").is_file());
    // Made whole before it is written to standard output, the page counts the same gaps.
    let shown = export("html", &common::example("bolsover"), Path::new("-"), &[]);
    ok(&shown);
    assert_eq!(text(&shown.stderr), stderr);
    // With --strict, a file is not written and the one there is kept.
    let before = std::fs::read(tmp.path("page.html")).unwrap();
    for file in ["page.html", "new.html"] {
        let strict = export(
            "html",
            &common::example("bolsover"),
            &tmp.path(file),
            &["--strict"],
        );
        assert_eq!(strict.status.code(), Some(1));
        assert!(text(&strict.stderr).contains("nothing was written (--strict)"));
    }
    assert_eq!(std::fs::read(tmp.path("page.html")).unwrap(), before);
    assert!(!tmp.path("new.html").exists());
}

#[test]
fn workbook_dates_are_dates_links_are_links_and_the_record_says_its_date() {
    let tmp = Temp::new();
    let out = every_field_workbook(&tmp);
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let record = workbook.worksheet_range("Article 30 record").unwrap();
    assert_eq!(cell(&record, 5, 0), "As at");
    // The newest last_reviewed date in the register, as an Excel date.
    assert!(matches!(record.get_value((5, 1)), Some(Data::DateTime(_))));
    let headings: Vec<String> = (0..40).map(|c| cell(&record, 8, c)).collect();
    let last_reviewed = headings.iter().position(|h| h == "Last reviewed").unwrap() as u32;
    let dates = (9..13)
        .filter(|&r| {
            matches!(
                record.get_value((r, last_reviewed)),
                Some(Data::DateTime(_))
            )
        })
        .count();
    assert!(dates >= 3, "last reviewed dates are Excel dates");
    let sheet = zip_entry(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<hyperlink ref="), "links open on a click");
    let rels = zip_entry(&out, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(
        rels.contains("https://example.gov.uk/privacy/housing"),
        "{rels}"
    );
}

/// The workbook of `tests/fixtures/every-field`, written in `tmp`.
fn every_field_workbook(tmp: &Temp) -> PathBuf {
    let out = tmp.path("ropa.xlsx");
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-field");
    ok(&export("xlsx", &register, &out, &[]));
    out
}

/// The `<xf>` entries of a workbook's `cellXfs`, in index order.
fn cell_formats(styles: &str) -> Vec<String> {
    let xfs = styles
        .split("<cellXfs")
        .nth(1)
        .and_then(|s| s.split("</cellXfs>").next())
        .expect("styles.xml has cellXfs");
    xfs.split("<xf ").skip(1).map(str::to_string).collect()
}

#[test]
fn every_cell_under_the_headings_wraps_and_sits_at_the_top() {
    let tmp = Temp::new();
    let out = every_field_workbook(&tmp);
    let formats = cell_formats(&zip_entry(&out, "xl/styles.xml"));
    for (sheet, first_data_row) in [(1, 10), (2, 10), (3, 2), (4, 2), (5, 2), (6, 2)] {
        let xml = zip_entry(&out, &format!("xl/worksheets/sheet{sheet}.xml"));
        let mut cells = 0;
        for row in xml.split("<row r=\"").skip(1) {
            let number: u32 = row.split('"').next().unwrap().parse().unwrap();
            if number < first_data_row {
                continue;
            }
            for cell in row.split("<c r=\"").skip(1) {
                let tag = cell.split('>').next().unwrap();
                let style: usize = tag
                    .split(" s=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .unwrap_or_else(|| panic!("sheet {sheet}: cell {tag} has a style"))
                    .parse()
                    .unwrap();
                let format = &formats[style];
                assert!(
                    format.contains("vertical=\"top\"") && format.contains("wrapText=\"1\""),
                    "sheet {sheet}: cell {tag} wraps at the top, but its format is {format}"
                );
                cells += 1;
            }
        }
        assert!(cells > 0, "sheet {sheet} has cells under its headings");
    }
}
