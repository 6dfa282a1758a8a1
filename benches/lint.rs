//! Lint performance on generated registers.
//!
//! `cargo bench --bench lint` generates registers of 2,000 and 10,000 activities (with
//! processors, retention, transfers and lawful bases, so every rule has work to do) and reports
//! the median wall time of:
//!   read+parse — reading every file and parsing its TOML, the floor any tool pays;
//!   load       — that plus schema validation and the typed model (`ropa check`);
//!   load+lint  — that plus every rule (`ropa lint`).
//! The target is load+lint within about 2x read+parse, using both cores.

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use ropa::lint::{LintOptions, Overrides, lint};
use ropa::load::load;
use ropa::model::Date;
use ropa::source::{DirSource, RegisterSource};

const RUNS: usize = 15;

// The same allocator as the `ropa` binary, so the numbers are the shipped program's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![2_000, 10_000]
    } else {
        sizes
    };
    println!(
        "ropa lint benchmark: median of {RUNS} runs, {} threads",
        rayon::current_num_threads()
    );
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), n);
        let source = DirSource::new(dir.path());
        let today = Date::parse("2026-11-23").unwrap();

        let parse = median(|| {
            let entries = source.entries().unwrap();
            let parsed: usize = entries
                .into_par_iter()
                .filter_map(|e| e.bytes.ok())
                .map(|b| {
                    let text = String::from_utf8(b).unwrap();
                    toml::de::DeTable::parse(&text)
                        .map(|t| t.get_ref().len())
                        .unwrap_or(0)
                })
                .sum();
            assert!(parsed > 0);
        });
        let load_only = median(|| {
            let report = load(&source).unwrap();
            assert!(report.problems.is_empty());
        });
        let mut findings = 0;
        let full = median(|| {
            let report = load(&source).unwrap();
            let lint = lint(
                &report.register,
                &LintOptions {
                    today,
                    cli: Overrides::default(),
                },
            );
            findings = lint.diagnostics.len();
        });
        println!(
            "{n:>6} activities: read+parse {:>7.1} ms | load {:>7.1} ms ({:.2}x) | load+lint {:>7.1} ms ({:.2}x) | {findings} findings",
            ms(parse),
            ms(load_only),
            ratio(load_only, parse),
            ms(full),
            ratio(full, parse),
        );
    }
}

fn median(mut f: impl FnMut()) -> Duration {
    f(); // warm the page cache and the compiled schemas
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// Writes a register of `n` activities spread over 20 business functions, with 50 processors.
fn generate(root: &Path, n: usize) {
    std::fs::write(
        root.join("ropa.toml"),
        "[controller]\nname = \"Generated Borough Council\"\nemail = \"dpo@example.gov.uk\"\npublic_authority = true\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("processors")).unwrap();
    for p in 0..50 {
        let countries = if p % 5 == 0 {
            "[\"GB\", \"US\"]"
        } else {
            "[\"GB\"]"
        };
        let contract = if p % 7 == 0 {
            String::new()
        } else {
            format!(
                "contract = \"https://example.gov.uk/contracts/p{p}.pdf\"\ncontract_expires = 2027-03-31\n"
            )
        };
        std::fs::write(
            root.join(format!("processors/supplier-{p}.toml")),
            format!("name = \"Supplier {p} Ltd\"\nservice = \"Hosted service {p}\"\n{contract}countries = {countries}\nsecurity_measures = [\"ISO 27001 certified\"]\n"),
        )
        .unwrap();
    }
    let bases = [
        "public-task",
        "legal-obligation",
        "contract",
        "consent",
        "legitimate-interests",
    ];
    for i in 0..n {
        let function = format!("function-{}", i % 20);
        let dir = root.join("activities").join(&function);
        std::fs::create_dir_all(&dir).unwrap();
        let basis = bases[i % bases.len()];
        let special = if i % 3 == 0 {
            "special_category_data = [\"health\"]\n"
        } else {
            "special_category_data = []\n"
        };
        let article9 = if i % 3 == 0 {
            "article9 = [\"substantial-public-interest\"]\nschedule1 = [6]\n"
        } else {
            ""
        };
        let transfer = if i % 10 == 0 {
            "\n[[transfers]]\ncountry = \"US\"\nrecipient = \"Cloud host\"\nmechanism = \"idta\"\n"
        } else {
            ""
        };
        let text = format!(
            r#"name = "Activity {i}"
business_function = "Function {f}"
owner = "Service Manager {f}"
description = "Generated activity number {i} for benchmarking."
last_reviewed = 2026-0{m}-15
purposes = [
  "Delivering service {i}",
  "Answering enquiries about service {i}",
  "Improving service {i}",
]
data_subjects = ["Residents", "Businesses"]
personal_data = ["Name", "Address", "Email address", "Telephone number"]
{special}criminal_offence_data = false
sources = ["The data subject"]
recipients = ["Internal service teams"]
processors = ["supplier-{p}"]
security_measures = ["Role-based access", "Encryption at rest"]
privacy_notice = "https://example.gov.uk/privacy/{i}"

[lawful_basis]
article6 = ["{basis}"]
law = "Local Government Act 1972 s.111"
{article9}
[[retention]]
data = "Case records"
period = "{years} years"
trigger = "from case closure"
action = "delete"

[automated_decision_making]
used = false
{transfer}"#,
            f = i % 20,
            m = 1 + i % 9,
            p = i % 50,
            years = 1 + i % 7,
        );
        std::fs::write(dir.join(format!("activity-{i}.toml")), text).unwrap();
    }
}
