//! `ropa import`: round trips through the exports, a messy ICO-shaped workbook and a CSV saved
//! by Excel on a UK machine, and bad input refused with nothing written.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader};
use ropa::model::{Activity, Register};
use ropa::vocab::{Article6Basis, Article9Condition, DpiaStatus, RetentionAction, SpecialCategory};
use rust_xlsxwriter::{Format, Workbook};

fn ropa(dir: &Path, args: &[&str]) -> Output {
    common::ropa(dir, args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The registers every round trip is run on: the examples and one with every field used.
fn round_trip_registers() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = common::EXAMPLES
        .iter()
        .map(|n| common::example(n))
        .collect();
    all.push(fixture("every-field"));
    all
}

fn export(dir: &Path, register: &Path, format: &str, out: &str) -> Vec<u8> {
    let result = ropa(
        dir,
        &[
            "export",
            format,
            register.to_str().unwrap(),
            "-o",
            out,
            "-q",
        ],
    );
    ok(&result);
    std::fs::read(dir.join(out)).unwrap()
}

#[test]
fn csv_export_imports_back_to_the_same_bytes() {
    for register in round_trip_registers() {
        let tmp = tempfile::tempdir().unwrap();
        let before = export(tmp.path(), &register, "csv", "before.csv");
        ok(&ropa(
            tmp.path(),
            &["import", "before.csv", "--into", "imported", "-q"],
        ));
        let after = export(tmp.path(), &tmp.path().join("imported"), "csv", "after.csv");
        assert!(
            before == after,
            "{}:\n{}\n---\n{}",
            register.display(),
            text(&before),
            text(&after)
        );
    }
}

#[test]
fn xlsx_export_imports_back_to_the_same_csv() {
    for register in round_trip_registers() {
        let tmp = tempfile::tempdir().unwrap();
        let before = export(tmp.path(), &register, "csv", "before.csv");
        export(tmp.path(), &register, "xlsx", "before.xlsx");
        ok(&ropa(
            tmp.path(),
            &["import", "before.xlsx", "--into", "imported", "-q"],
        ));
        let imported = tmp.path().join("imported");
        let after = export(tmp.path(), &imported, "csv", "after.csv");
        assert!(before == after, "{}", register.display());
        // The workbook's other sheets carry the processor record, processors, retention and
        // transfers exactly.
        for sheet in [
            "processor-record",
            "processors",
            "retention",
            "transfers",
            "waivers",
        ] {
            let name = |side: &str| format!("{side}-{sheet}.csv");
            let a = ropa(
                tmp.path(),
                &[
                    "export",
                    "csv",
                    "--sheet",
                    sheet,
                    register.to_str().unwrap(),
                    "-o",
                    &name("a"),
                    "-q",
                ],
            );
            ok(&a);
            let b = ropa(
                tmp.path(),
                &[
                    "export",
                    "csv",
                    "--sheet",
                    sheet,
                    imported.to_str().unwrap(),
                    "-o",
                    &name("b"),
                    "-q",
                ],
            );
            ok(&b);
            assert_eq!(
                text(&std::fs::read(tmp.path().join(name("a"))).unwrap()),
                text(&std::fs::read(tmp.path().join(name("b"))).unwrap()),
                "{} sheet {sheet}",
                register.display()
            );
        }
    }
}

#[test]
fn imported_files_are_formatted_and_the_register_checks() {
    let tmp = tempfile::tempdir().unwrap();
    export(tmp.path(), &fixture("every-field"), "xlsx", "r.xlsx");
    ok(&ropa(
        tmp.path(),
        &["import", "r.xlsx", "--into", "imported", "-q"],
    ));
    let fmt = ropa(tmp.path(), &["fmt", "--check", "imported"]);
    ok(&fmt);
    let check = ropa(tmp.path(), &["check", "imported"]);
    ok(&check);
    let tenancy =
        std::fs::read_to_string(tmp.path().join("imported/activities/housing/tenancy.toml"))
            .unwrap();
    assert!(tenancy.starts_with("#:schema ../../schema/activity.schema.json\n"));
    for file in [
        "ropa.toml",
        ".taplo.toml",
        "schema/activity.schema.json",
        "processors/capita.toml",
    ] {
        assert!(tmp.path().join("imported").join(file).is_file(), "{file}");
    }
    let settings = std::fs::read_to_string(tmp.path().join("imported/ropa.toml")).unwrap();
    assert!(
        settings.contains("name = \"Example Borough Council\""),
        "{settings}"
    );
    assert!(
        settings.contains("ico_registration = \"Z1234567\""),
        "{settings}"
    );
    assert!(settings.contains("[dpo]"), "{settings}");
}

/// A workbook shaped like a council's copy of the ICO template, with the usual mess.
fn messy_workbook(path: &Path) {
    let mut book = Workbook::new();
    let guidance = book.add_worksheet();
    guidance.set_name("Guidance").unwrap();
    guidance
        .write_string(0, 0, "How to fill in this record")
        .unwrap();
    guidance
        .write_string(
            2,
            0,
            "One row per processing activity. Ask the DPO if unsure.",
        )
        .unwrap();

    let sheet = book.add_worksheet();
    sheet.set_name("Template").unwrap();
    let bold = Format::new().set_bold();
    // The contact block, rows 1-5.
    for (col, heading) in ["", "Name", "Address", "Email", "Telephone"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *heading).unwrap();
    }
    sheet.write_string(1, 0, "Controller").unwrap();
    sheet
        .write_string(1, 1, "Exampleton District Council")
        .unwrap();
    sheet
        .write_string(1, 2, "Council Offices, Exampleton EX2 2BB")
        .unwrap();
    sheet.write_string(1, 3, "foi@exampleton.gov.uk").unwrap();
    sheet.write_string(1, 4, "01234 000000").unwrap();
    sheet.write_string(2, 0, "Data Protection Officer").unwrap();
    sheet.write_string(2, 1, "Jo Bloggs").unwrap();
    sheet.write_string(2, 3, "dpo@exampleton.gov.uk").unwrap();
    sheet.write_string(4, 0, "ICO registration number").unwrap();
    sheet.write_string(4, 1, "Z7654321").unwrap();
    // Group headings merged across row 8.
    sheet
        .merge_range(
            7,
            0,
            7,
            3,
            "Article 30 Record of Processing Activities",
            &bold,
        )
        .unwrap();
    sheet
        .merge_range(7, 4, 7, 7, "Privacy Notices", &bold)
        .unwrap();
    // Headings in row 9: ICO wordings, line breaks, other names, an extra column.
    let headings = [
        "Business function",
        "Purpose of\nprocessing",
        "Categories of individuals",
        "Categories of personal data",
        "Lawful basis",
        "Article 9 condition for processing special category data",
        "Retention period",
        "Names of third countries or international organisations that personal data are transferred to",
        "Link to contract with processor",
        "Data Protection Impact Assessment required?",
        "Data Protection Impact Assessment progress",
        "Information asset owner",
        "Date last reviewed",
        "Favourite colour",
    ];
    for (col, heading) in headings.iter().enumerate() {
        sheet.write_string(8, col as u16, *heading).unwrap();
    }
    // Housing merged down over two activities.
    sheet
        .merge_range(9, 0, 10, 0, "Housing", &Format::new())
        .unwrap();
    let rows: [[&str; 13]; 3] = [
        [
            "Managing tenancies",
            "• Tenants\n• Household members",
            "Name; Address\u{a0}\n- Rent account\n* Disability",
            "Public task - Housing Act 1985 s.21",
            "9(2)(g) substantial public interest, Sch 1 para 6",
            "Current year + 6 years",
            "USA",
            "Capita - https://example.gov.uk/capita.pdf",
            "Y",
            "Completed",
            "Head of Housing",
            "",
            "Blue",
        ],
        [
            "Homelessness applications",
            "Applicants",
            "N/A",
            "Article 6(1)(c) - legal obligation",
            "N/A",
            "Deleted after 2 years",
            "None",
            "n/a",
            "No",
            "",
            "",
            "",
            "",
        ],
        [
            "Planning applications",
            "Applicants; Agents",
            "Name\nAddress",
            "Because we must",
            "",
            "As long as necessary",
            "Europe",
            "",
            "maybe",
            "",
            "",
            "31/01/2026",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        // A blank row between the second and third activities.
        let at = if r == 2 { 12 } else { 9 + r as u32 };
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(at, c as u16 + 1, *value).unwrap();
            }
        }
    }
    sheet.write_string(12, 0, "Planning").unwrap();
    book.save(path).unwrap();
}

/// Every non-empty cell of every sheet, read with calamine apart from ropa.
fn non_empty_cells(path: &Path) -> BTreeSet<(String, usize, usize)> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let mut out = BTreeSet::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            let empty = match value {
                Data::String(s) => s.trim().is_empty(),
                Data::Empty => true,
                _ => false,
            };
            if !empty {
                out.insert((name.clone(), r + r0 as usize + 1, c + c0 as usize + 1));
            }
        }
    }
    out
}

fn load_register(dir: &Path) -> Register {
    let report = ropa::load::load(&ropa::source::DirSource::new(dir.to_path_buf())).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.register
}

fn activity<'a>(register: &'a Register, id: &str) -> &'a Activity {
    let ids: Vec<&str> = register.activities.iter().map(|a| a.id.as_str()).collect();
    &register
        .activities
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("{id} not among {ids:?}"))
        .value
}

#[test]
fn a_messy_ico_template_workbook_imports_with_every_cell_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("ropa.xlsx");
    messy_workbook(&book);
    let out = ropa(
        tmp.path(),
        &[
            "import",
            "ropa.xlsx",
            "--into",
            "reg",
            "--report",
            "report.json",
            "--today",
            "2026-12-01",
        ],
    );
    ok(&out);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("sheet `Guidance`: not read: no heading row found"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("sheet `Template`: the record of processing activities (headings on row 9)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Imported 3 activities and 1 processor into reg"),
        "{stdout}"
    );
    assert!(stdout.contains("Next: ropa lint reg"), "{stdout}");

    // Every non-empty cell is in the report exactly once.
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("report.json")).unwrap())
            .unwrap();
    let cells = report["cells"].as_array().unwrap();
    let reported: Vec<(String, usize, usize)> = cells
        .iter()
        .map(|c| {
            (
                c["sheet"].as_str().unwrap().to_string(),
                c["row"].as_u64().unwrap() as usize,
                c["column"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let unique: BTreeSet<_> = reported.iter().cloned().collect();
    assert_eq!(unique.len(), reported.len(), "a cell is reported twice");
    assert_eq!(unique, non_empty_cells(&book));
    let outcome = |cell: &str| -> (String, String) {
        let c = cells
            .iter()
            .find(|c| c["sheet"] == "Template" && c["cell"] == cell)
            .unwrap_or_else(|| panic!("{cell} is reported"));
        (
            c["outcome"].as_str().unwrap().to_string(),
            c["note"].as_str().unwrap_or("").to_string(),
        )
    };
    assert_eq!(outcome("E10").0, "mapped");
    assert_eq!(
        outcome("E13"),
        (
            "kept".into(),
            "\"Because we must\" kept in notes: no Article 6 lawful basis recognised in it".into()
        )
    );
    assert_eq!(outcome("G13").0, "kept");
    assert_eq!(outcome("N10").0, "kept", "an extra column is kept in notes");
    assert_eq!(outcome("A9").0, "skipped", "a heading");
    assert_eq!(
        report["counts"]["kept"].as_u64().unwrap() as usize,
        cells.iter().filter(|c| c["outcome"] == "kept").count()
    );

    let register = load_register(&tmp.path().join("reg"));
    let config = &register.config.as_ref().unwrap().value;
    assert_eq!(config.controller.name, "Exampleton District Council");
    assert_eq!(
        config.controller.ico_registration.as_deref(),
        Some("Z7654321")
    );
    assert_eq!(
        config.dpo.as_ref().unwrap().email.as_deref(),
        Some("dpo@exampleton.gov.uk")
    );

    let tenancies = activity(&register, "housing/managing-tenancies");
    assert_eq!(tenancies.business_function.as_deref(), Some("Housing"));
    assert_eq!(
        tenancies.data_subjects.as_deref().unwrap(),
        ["Tenants", "Household members"]
    );
    assert_eq!(
        tenancies.personal_data.as_deref().unwrap(),
        ["Name", "Address", "Rent account", "Disability"]
    );
    let basis = tenancies.lawful_basis.as_ref().unwrap();
    assert_eq!(basis.article6, [Article6Basis::PublicTask]);
    assert_eq!(basis.law.as_deref(), Some("Housing Act 1985 s.21"));
    assert_eq!(
        basis.article9,
        [Article9Condition::SubstantialPublicInterest]
    );
    assert_eq!(
        basis
            .schedule1
            .iter()
            .map(|p| p.number())
            .collect::<Vec<_>>(),
        [6]
    );
    let retention = &tenancies.retention.as_deref().unwrap()[0];
    assert_eq!(retention.period.as_deref(), Some("6 years"));
    assert_eq!(
        retention.trigger.as_deref(),
        Some("from the end of the current year")
    );
    let transfer = &tenancies.transfers.as_deref().unwrap()[0];
    assert_eq!(transfer.country.as_ref().unwrap().0, "US");
    assert_eq!(tenancies.processors.as_deref().unwrap()[0].0, "capita");
    assert_eq!(tenancies.dpia.as_ref().unwrap().required, Some(true));
    assert_eq!(
        tenancies.dpia.as_ref().unwrap().status,
        Some(DpiaStatus::Complete)
    );
    assert_eq!(tenancies.owner.as_deref(), Some("Head of Housing"));
    assert_eq!(
        tenancies.notes.as_deref().unwrap(),
        ["Favourite colour: Blue"]
    );
    let capita = &register.processors[0].value;
    assert_eq!(capita.name, "Capita");
    assert_eq!(
        capita.contract.as_deref(),
        Some("https://example.gov.uk/capita.pdf")
    );

    // The merged business function applies to the row below it too.
    let homelessness = activity(&register, "housing/homelessness-applications");
    assert_eq!(homelessness.personal_data.as_deref(), Some(&[][..]));
    assert_eq!(homelessness.transfers.as_deref(), Some(&[][..]));
    assert_eq!(homelessness.special_category_data.as_deref(), Some(&[][..]));
    assert_eq!(homelessness.bases(), [Article6Basis::LegalObligation]);
    let deleted = &homelessness.retention.as_deref().unwrap()[0];
    assert_eq!(
        (deleted.period.as_deref(), deleted.action),
        (Some("2 years"), Some(RetentionAction::Delete))
    );

    // What cannot be read is kept word for word, so lint shows the gap.
    let planning = activity(&register, "planning/planning-applications");
    assert!(planning.bases().is_empty());
    assert_eq!(
        planning.last_reviewed.map(|d| d.to_string()).as_deref(),
        Some("2026-01-31")
    );
    let notes = planning.notes.as_deref().unwrap();
    assert!(
        notes.contains(&"Lawful basis: Because we must".to_string()),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Names of third countries") && n.ends_with(": Europe")),
        "{notes:?}"
    );
    assert!(
        notes.contains(&"Data Protection Impact Assessment required?: maybe".to_string()),
        "{notes:?}"
    );
    assert_eq!(
        planning.retention.as_deref().unwrap()[0].period.as_deref(),
        Some("As long as necessary")
    );
    let lint = ropa(
        tmp.path(),
        &[
            "lint",
            "reg",
            "--today",
            "2026-12-01",
            "--format",
            "concise",
        ],
    );
    assert!(
        text(&lint.stdout).contains("planning/planning-applications.toml"),
        "{}",
        text(&lint.stdout)
    );
}

#[test]
fn a_csv_saved_by_excel_in_windows_1252_with_semicolons() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes: Vec<u8> = Vec::new();
    bytes.extend_from_slice(b"Business function;Purpose of processing;Categories of individuals;Lawful basis;Retention period;Data subjects\r\n");
    // 0x92 is a curly apostrophe and 0x96 an en dash in Windows-1252.
    bytes.extend_from_slice(b"Council Tax;Collecting council tax;Residents;Public task \x96 Local Government Finance Act 1992;6 years;Residents\x92 partners\r\n");
    bytes.extend_from_slice(b";;;;;\r\n");
    bytes.extend_from_slice(
        b"Elections;Electoral register;Electors;Legal obligation;Permanent;\r\n",
    );
    std::fs::write(tmp.path().join("ropa.csv"), &bytes).unwrap();
    let out = ropa(tmp.path(), &["import", "ropa.csv", "--report", "r.json"]);
    ok(&out);
    // The register goes in a folder named after the file.
    let register = load_register(&tmp.path().join("ropa"));
    let tax = activity(&register, "council-tax/collecting-council-tax");
    assert_eq!(
        tax.lawful_basis.as_ref().unwrap().law.as_deref(),
        Some("Local Government Finance Act 1992")
    );
    assert_eq!(tax.data_subjects.as_deref().unwrap(), ["Residents"]);
    // A second column for the same field is kept, word for word, in notes.
    assert_eq!(
        tax.notes.as_deref().unwrap(),
        ["Data subjects: Residents\u{2019} partners"]
    );
    let elections = activity(&register, "elections/electoral-register");
    assert_eq!(
        elections.retention.as_deref().unwrap()[0].period.as_deref(),
        Some("permanent")
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("r.json")).unwrap()).unwrap();
    let non_empty = bytes_cells(&bytes);
    assert_eq!(report["cells"].as_array().unwrap().len(), non_empty);
}

/// How many non-empty cells a `;`-separated file holds.
fn bytes_cells(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n')
        .flat_map(|line| line.split(|&b| b == b';'))
        .filter(|cell| !cell.iter().all(|b| b.is_ascii_whitespace()))
        .count()
}

#[test]
fn bad_input_is_refused_with_exit_2_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("notes.docx"), b"not a spreadsheet").unwrap();
    std::fs::write(
        dir.join("broken.xlsx"),
        b"PK\x03\x04 this is not really a zip",
    )
    .unwrap();
    std::fs::write(dir.join("empty.csv"), b"").unwrap();
    std::fs::write(dir.join("ragged.csv"), b"Business function,Purpose of processing,Lawful basis\nHR,Pay,Contract\nHR,Pay,Contract,oops\n").unwrap();
    std::fs::write(dir.join("headless.csv"), b"Name,Colour\nJo,Blue\n").unwrap();
    std::fs::copy(fixture("password.xlsx"), dir.join("password.xlsx")).unwrap();
    let cases: &[(&str, &str)] = &[
        (
            "notes.docx",
            "error: `notes.docx` is not a spreadsheet ropa can read\n  help: import a workbook (.xlsx, .xlsm, .xls, .ods) or a CSV file (.csv); in Excel, use File > Save As to save one\n",
        ),
        (
            "broken.xlsx",
            "error: `broken.xlsx` could not be read as a workbook: it is damaged or not really a spreadsheet",
        ),
        ("empty.csv", "error: `empty.csv` is empty\n"),
        (
            "ragged.csv",
            "error: `ragged.csv`: row 3 has more cells than its heading row (row 1) has headings\n",
        ),
        (
            "headless.csv",
            "error: no heading row found in `headless.csv`: looked at `headless` (rows 1–2)\n",
        ),
        (
            "password.xlsx",
            "error: `password.xlsx` is protected with a password\n  help: open it in Excel, remove the password (File > Info > Protect Workbook), save it and import that copy\n",
        ),
    ];
    for (file, expected) in cases {
        let out = ropa(dir, &["import", file, "--into", "reg"]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).starts_with(expected),
            "{file}: {}",
            text(&out.stderr)
        );
        assert!(!dir.join("reg").exists(), "{file} wrote something");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".ropa-import-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders were left behind");
}

#[test]
fn targets_that_hold_files_or_sit_inside_a_register_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    export(dir, &common::example("bolsover"), "csv", "b.csv");
    ok(&ropa(dir, &["import", "b.csv", "--into", "reg", "-q"]));
    let before = std::fs::read_to_string(dir.join("reg/ropa.toml")).unwrap();

    let inside = ropa(dir, &["import", "b.csv", "--into", "reg/activities/more"]);
    assert_eq!(inside.status.code(), Some(2));
    assert!(
        text(&inside.stderr).starts_with("error: `reg/activities/more` is inside the register in"),
        "{}",
        text(&inside.stderr)
    );
    assert!(!dir.join("reg/activities/more").exists());

    let again = ropa(dir, &["import", "b.csv", "--into", "reg"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).starts_with("error: `reg` already holds a register\n"),
        "{}",
        text(&again.stderr)
    );

    // --force adds the rows again as new files and replaces nothing.
    let count = |d: &Path| {
        walkdir::WalkDir::new(d)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .count()
    };
    let files_before = count(&dir.join("reg"));
    ok(&ropa(
        dir,
        &["import", "b.csv", "--into", "reg", "--force", "-q"],
    ));
    assert_eq!(
        std::fs::read_to_string(dir.join("reg/ropa.toml")).unwrap(),
        before
    );
    assert_eq!(
        count(&dir.join("reg")),
        files_before + 7,
        "seven more activity files"
    );
    assert!(
        dir.join("reg/activities/customer-services/cctv-2.toml")
            .is_file()
    );
}

#[test]
fn dry_run_writes_nothing_but_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    export(dir, &common::example("harborough"), "xlsx", "h.xlsx");
    let out = ropa(
        dir,
        &[
            "import",
            "h.xlsx",
            "--dry-run",
            "--into",
            "reg",
            "--today",
            "2026-12-01",
        ],
    );
    ok(&out);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Would import "), "{stdout}");
    assert!(
        stdout.contains("Nothing was written (--dry-run)."),
        "{stdout}"
    );
    assert!(stdout.contains("The imported register has "), "{stdout}");
    assert!(!dir.join("reg").exists());
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["h.xlsx"]);
}

#[test]
fn special_category_column_and_processor_markers() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "Activity,Business function,Purpose,Recipients,Special category data,Processors\n\
Payroll,HR,Paying staff,\"HMRC\nPayroll bureau (processor)\",\"Trade union membership, health\",Northgate\n";
    std::fs::write(tmp.path().join("hr.csv"), csv).unwrap();
    ok(&ropa(tmp.path(), &["import", "hr.csv", "-q"]));
    let register = load_register(&tmp.path().join("hr"));
    let payroll = activity(&register, "hr/payroll");
    assert_eq!(payroll.recipients.as_deref().unwrap(), ["HMRC"]);
    let processors: Vec<&str> = payroll
        .processors
        .iter()
        .flatten()
        .map(|p| p.0.as_str())
        .collect();
    assert_eq!(processors, ["northgate", "payroll-bureau"]);
    assert_eq!(
        payroll.special_categories(),
        [
            SpecialCategory::TradeUnionMembership,
            SpecialCategory::Health
        ]
    );
}

#[test]
fn the_ico_processor_template_imports_as_processor_activities() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "Name and contact details of controller,Categories of processing,Names of third countries or international organisations that personal data are transferred to (if applicable),General description of technical and organisational security measures (if possible)\n\
Department for Work and Pensions,Digital assistance with Universal Credit claims,None,Advisers use the DWP's own system\n";
    std::fs::write(tmp.path().join("processor.csv"), csv).unwrap();
    let out = ropa(tmp.path(), &["import", "processor.csv", "--into", "reg"]);
    ok(&out);
    assert!(
        text(&out.stdout).contains("the processor record (Art 30(2))"),
        "{}",
        text(&out.stdout)
    );
    let register = load_register(&tmp.path().join("reg"));
    let activity = &register.activities[0].value;
    assert_eq!(activity.role, Some(ropa::vocab::Role::Processor));
    assert_eq!(
        activity.name,
        "Digital assistance with Universal Credit claims"
    );
    let controller = &activity.controllers.as_deref().unwrap()[0];
    assert_eq!(
        controller.name.as_deref(),
        Some("Department for Work and Pensions")
    );
    assert_eq!(
        controller.processing.as_deref().unwrap(),
        ["Digital assistance with Universal Credit claims"]
    );
    assert_eq!(activity.transfers.as_deref(), Some(&[][..]));
    assert_eq!(
        activity.security_measures.as_deref().unwrap(),
        ["Advisers use the DWP's own system"]
    );
}

#[test]
fn a_processors_sheet_value_that_cannot_be_read_is_kept_in_the_processor_s_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("book.xlsx");
    let mut book = Workbook::new();
    let record = book.add_worksheet();
    record.set_name("Record").unwrap();
    for (c, h) in [
        "Business function",
        "Processing activity",
        "Purpose of processing",
        "Link to contract with processor",
    ]
    .iter()
    .enumerate()
    {
        record.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "Housing",
        "Repairs",
        "Repairing homes",
        "Mears: no contract link recorded",
    ]
    .iter()
    .enumerate()
    {
        record.write_string(1, c as u16, *v).unwrap();
    }
    let processors = book.add_worksheet();
    processors.set_name("Processors").unwrap();
    for (c, h) in [
        "Processor",
        "Service",
        "Contract expires",
        "Countries where it processes data",
        "Record ID",
    ]
    .iter()
    .enumerate()
    {
        processors.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "Mears",
        "Repairs contractor",
        "when the framework ends",
        "Atlantis",
        "mears",
    ]
    .iter()
    .enumerate()
    {
        processors.write_string(1, c as u16, *v).unwrap();
    }
    book.save(&path).unwrap();
    ok(&ropa(
        tmp.path(),
        &["import", "book.xlsx", "--into", "reg", "-q"],
    ));
    let register = load_register(&tmp.path().join("reg"));
    let mears = &register.processors[0];
    assert_eq!(mears.id, "mears");
    assert_eq!(mears.value.service.as_deref(), Some("Repairs contractor"));
    assert_eq!(
        mears.value.notes.as_deref().unwrap(),
        [
            "Contract expires: when the framework ends",
            "Countries where it processes data: Atlantis"
        ]
    );
    assert_eq!(
        activity(&register, "housing/repairs")
            .processors
            .as_deref()
            .unwrap()[0]
            .0,
        "mears"
    );
}

#[test]
fn sheet_picks_the_sheet_and_a_wrong_name_lists_them() {
    let tmp = tempfile::tempdir().unwrap();
    export(tmp.path(), &common::example("bolsover"), "xlsx", "b.xlsx");
    let out = ropa(
        tmp.path(),
        &[
            "import",
            "b.xlsx",
            "--sheet",
            "processor record",
            "--into",
            "reg",
        ],
    );
    ok(&out);
    assert!(
        text(&out.stdout).contains("Imported 1 activity and "),
        "{}",
        text(&out.stdout)
    );
    let wrong = ropa(
        tmp.path(),
        &[
            "import",
            "b.xlsx",
            "--sheet",
            "ROPA 2025",
            "--into",
            "other",
        ],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert_eq!(
        text(&wrong.stderr),
        "error: `b.xlsx` has no sheet named `ROPA 2025`\n  help: its sheets are `Article 30 record`, `Processor record`, `Processors`, `Retention schedule`, `Transfers`, `Waivers`\n"
    );
    assert!(!tmp.path().join("other").exists());
}

#[test]
fn a_target_beside_the_register_written_with_dot_dot_is_not_inside_it() {
    let tmp = tempfile::tempdir().unwrap();
    export(tmp.path(), &common::example("bolsover"), "csv", "b.csv");
    ok(&ropa(
        tmp.path(),
        &["import", "b.csv", "--into", "reg", "-q"],
    ));
    let reg = tmp.path().join("reg");
    ok(&ropa(
        &reg,
        &["import", "../b.csv", "--into", "../beside", "-q"],
    ));
    assert!(tmp.path().join("beside/ropa.toml").is_file());
}
