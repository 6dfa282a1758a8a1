//! What the benchmarks share: generated registers and medians.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

pub const RUNS: usize = 15;

/// The sizes given on the command line, else the defaults.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        default.to_vec()
    } else {
        sizes
    }
}

/// The median wall time of [`RUNS`] runs, after one warm-up run.
pub fn median(mut f: impl FnMut()) -> Duration {
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

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// Writes a register of `n` activities spread over 20 business functions, with 50 processors.
pub fn generate(root: &Path, n: usize) {
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
