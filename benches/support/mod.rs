//! What the benchmarks share: generated registers and medians.
#![allow(dead_code)]

use std::fmt::Write as _;
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

/// Runs git in `dir` as a bench user; panics if it fails.
pub fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.org",
        ])
        .args(args)
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "git {args:?}");
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Synth {
    pub activities: usize,
    /// The pool each activity draws its 1–3 processors from.
    pub processors: usize,
}

impl Synth {
    /// `n` activities with a pool of n/50 processors (at least 20), as a large council has.
    pub fn new(activities: usize) -> Self {
        Synth {
            activities,
            processors: (activities / 50).max(20),
        }
    }
}

/// Writes a register of `n` activities with the default processor pool (see [`Synth::new`]).
pub fn generate(root: &Path, n: usize) {
    generate_with(root, Synth::new(n));
}

/// A deterministic stream of numbers (splitmix64), so every run writes the same register.
struct Dice(u64);

impl Dice {
    fn for_item(kind: u64, i: usize) -> Self {
        Dice(
            kind.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03),
        )
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() as usize % from.len()]
    }
}

const FUNCTIONS: [&str; 20] = [
    "Adult Social Care",
    "Benefits",
    "Building Control",
    "Children's Services",
    "Council Tax",
    "Customer Services",
    "Democratic Services",
    "Elections",
    "Environmental Health",
    "Finance",
    "Highways",
    "Housing",
    "Human Resources",
    "Legal Services",
    "Libraries",
    "Licensing",
    "Parking",
    "Planning",
    "Waste and Recycling",
    "Youth Services",
];

const DATA: [&str; 40] = [
    "Name",
    "Address",
    "Email address",
    "Telephone number",
    "Date of birth",
    "National Insurance number",
    "Council tax account number",
    "Bank details",
    "Household composition",
    "Employment details",
    "Income and savings",
    "Benefit entitlement",
    "Tenancy details",
    "Case notes",
    "Correspondence",
    "Call recordings",
    "CCTV images",
    "Vehicle registration",
    "Photographs",
    "Signature",
    "Emergency contact",
    "Next of kin",
    "School attended",
    "GP details",
    "Care plan",
    "Complaint details",
    "Payment history",
    "Arrears",
    "Licence number",
    "Property reference",
    "Planning application details",
    "Objection comments",
    "Electoral number",
    "Nationality",
    "Languages spoken",
    "Accessibility needs",
    "Staff number",
    "Salary",
    "Pension details",
    "Training records",
];

const SUBJECTS: [&str; 8] = [
    "Residents",
    "Businesses",
    "Council tax payers",
    "Tenants",
    "Service users",
    "Carers",
    "Staff",
    "Visitors",
];

const RECIPIENTS: [&str; 8] = [
    "Internal service teams",
    "HM Revenue and Customs",
    "Department for Work and Pensions",
    "Police (on lawful request)",
    "Other local authorities",
    "Courts and tribunals",
    "External auditors",
    "Elected members (with consent)",
];

const BASES: [&str; 5] = [
    "public-task",
    "legal-obligation",
    "contract",
    "consent",
    "legitimate-interests",
];

const SPECIAL: [&str; 4] = [
    "health",
    "racial-ethnic-origin",
    "religious-philosophical-beliefs",
    "trade-union-membership",
];

/// Writes a TOML array in `ropa fmt`'s layout: inline for one item, one per line otherwise.
fn array(out: &mut String, key: &str, items: &[String]) {
    match items {
        [one] => writeln!(out, "{key} = [\"{one}\"]").unwrap(),
        _ => {
            writeln!(out, "{key} = [").unwrap();
            for item in items {
                writeln!(out, "    \"{item}\",").unwrap();
            }
            out.push_str("]\n");
        }
    }
}

/// `count` distinct items of `from`, in a rotation that starts at a random place.
fn distinct(dice: &mut Dice, from: &[&str], count: usize) -> Vec<String> {
    let start = dice.range(0, from.len() - 1);
    (0..count.min(from.len()))
        .map(|k| from[(start + k) % from.len()].to_string())
        .collect()
}

fn processor_file(p: usize) -> String {
    let mut dice = Dice::for_item(1, p);
    let mut out = String::new();
    writeln!(out, "name = \"Supplier {p} Ltd\"").unwrap();
    writeln!(out, "service = \"Hosted service {p}\"").unwrap();
    // One supplier in seven has no contract on file: `processor-contract-missing`.
    if !p.is_multiple_of(7) {
        writeln!(
            out,
            "contract = \"https://example.gov.uk/contracts/p{p}.pdf\""
        )
        .unwrap();
        writeln!(out, "contract_expires = 2027-0{}-28", 1 + p % 9).unwrap();
    }
    // One in twenty-five also works in the US.
    if p.is_multiple_of(25) {
        array(&mut out, "countries", &["GB".to_string(), "US".to_string()]);
    } else {
        out.push_str("countries = [\"GB\"]\n");
    }
    let measures = distinct(
        &mut dice,
        &[
            "ISO 27001 certified",
            "Cyber Essentials Plus",
            "Encryption at rest",
            "SOC 2 report",
        ],
        2,
    );
    array(&mut out, "security_measures", &measures);
    out
}

fn activity_file(i: usize, synth: Synth) -> String {
    let mut dice = Dice::for_item(2, i);
    let function = FUNCTIONS[i % FUNCTIONS.len()];
    let mut out = String::new();
    writeln!(
        out,
        "# Reviewed with the service manager; see the asset register entry {i}."
    )
    .unwrap();
    writeln!(out, "name = \"Activity {i}\"").unwrap();
    writeln!(out, "business_function = \"{function}\"").unwrap();
    if dice.one_in(4) {
        writeln!(
            out,
            "description = \"\"\"\nGenerated activity number {i}, kept to test ropa at scale. Officers record each\ncase on the line-of-business system and close it when the service is delivered.\"\"\""
        )
        .unwrap();
    } else {
        writeln!(
            out,
            "description = \"Generated activity number {i} for benchmarking.\""
        )
        .unwrap();
    }
    writeln!(out, "owner = \"Service Manager, {function}\"").unwrap();
    // One activity in twenty-five was last reviewed long ago: `review-overdue`.
    let year = if dice.one_in(25) { 2023 } else { 2026 };
    writeln!(out, "last_reviewed = {year}-0{}-15", 1 + i % 9).unwrap();
    let purposes: Vec<String> = (0..dice.range(1, 5))
        .map(|k| format!("Delivering part {k} of service {i}"))
        .collect();
    array(&mut out, "purposes", &purposes);
    let count = dice.range(1, 4);
    let subjects = distinct(&mut dice, &SUBJECTS, count);
    array(&mut out, "data_subjects", &subjects);
    out.push_str("# What we hold about each person.\n");
    let count = dice.range(5, 40);
    let data = distinct(&mut dice, &DATA, count);
    array(&mut out, "personal_data", &data);
    let special = i.is_multiple_of(3);
    if special {
        let count = dice.range(1, 2);
        let categories = distinct(&mut dice, &SPECIAL, count);
        array(&mut out, "special_category_data", &categories);
    } else {
        out.push_str("special_category_data = []\n");
    }
    out.push_str("criminal_offence_data = false\n");
    out.push_str("sources = [\"The data subject\"]\n");
    let count = dice.range(1, 5);
    let recipients = distinct(&mut dice, &RECIPIENTS, count);
    array(&mut out, "recipients", &recipients);
    let pool = synth.processors.max(1);
    let first = dice.range(0, pool - 1);
    let processors: Vec<String> = (0..dice.range(1, 3).min(pool))
        .map(|k| format!("supplier-{}", (first + k * 7919) % pool))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    array(&mut out, "processors", &processors);
    array(
        &mut out,
        "security_measures",
        &[
            "Role-based access".to_string(),
            "Encryption at rest".to_string(),
        ],
    );
    writeln!(
        out,
        "privacy_notice = \"https://example.gov.uk/privacy/{i}\""
    )
    .unwrap();
    if !i.is_multiple_of(10) {
        out.push_str("transfers = []\n");
    }

    // One activity in ten does not yet say whether people must give the information.
    if !dice.one_in(10) {
        out.push_str("\n[providing_data]\nrequirement = \"statutory\"\n");
        out.push_str("consequences = \"We cannot deliver the service without it.\"\n");
    }
    out.push_str("\n[lawful_basis]\n");
    // Councils rely mostly on public task and legal obligation.
    let basis = BASES[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 4][i % 20]];
    writeln!(out, "article6 = [\"{basis}\"]").unwrap();
    match basis {
        "public-task" | "legal-obligation" => {
            out.push_str("law = \"Local Government Act 1972 s.111\"\n")
        }
        "legitimate-interests" => {
            out.push_str("legitimate_interests = \"Keeping the service running well\"\n");
            writeln!(out, "lia = \"https://example.gov.uk/lia/{i}.pdf\"").unwrap();
        }
        "consent" => writeln!(
            out,
            "consent_record = \"https://example.gov.uk/consent/{i}\""
        )
        .unwrap(),
        _ => {}
    }
    // One special-category activity in forty has no Article 9 condition: an error.
    if special && !dice.one_in(40) {
        out.push_str("article9 = [\"substantial-public-interest\"]\n");
        writeln!(out, "schedule1 = [{}]", dice.pick(&["6", "8", "10", "18"])).unwrap();
    }
    if special {
        writeln!(
            out,
            "\n[policy_document]\nlink = \"https://example.gov.uk/apd.pdf\"\ncompliant = true"
        )
        .unwrap();
    }

    // One activity in thirty has no retention recorded: `retention-missing`.
    if !dice.one_in(30) {
        for (k, period) in (0..dice.range(1, 4)).zip(["6 years", "P18M", "permanent", "2 years"]) {
            writeln!(out, "\n[[retention]]").unwrap();
            writeln!(out, "data = \"Records of kind {k}\"").unwrap();
            writeln!(out, "period = \"{period}\"").unwrap();
            if period == "permanent" {
                out.push_str("action = \"archive\"\n");
                out.push_str("reason = \"Kept in the council's archive in the public interest\"\n");
            } else {
                out.push_str("trigger = \"from case closure\"\n");
                out.push_str("action = \"delete\"\n");
            }
        }
    }
    if i.is_multiple_of(10) {
        out.push_str(
            "\n[[transfers]]\ncountry = \"US\"\nrecipient = \"Cloud host\"\nmechanism = \"idta\"\n",
        );
        writeln!(
            out,
            "risk_assessment = \"https://example.gov.uk/tra/{i}.pdf\""
        )
        .unwrap();
    }
    out.push_str("\n[automated_decision_making]\nused = false\n");
    out
}

/// Writes a register of `synth.activities` activities spread over 20 business functions, each
/// using 1–3 processors from a pool of `synth.processors`. The files are in `ropa fmt`'s
/// layout and carry comments, multi-line strings, special category data, transfers, retention
/// tables and findings at about the rate a real register has.
pub fn generate_with(root: &Path, synth: Synth) {
    std::fs::write(
        root.join("ropa.toml"),
        "[controller]\nname = \"Generated Borough Council\"\nemail = \"dpo@example.gov.uk\"\ncomplaints = \"https://example.gov.uk/complaints\"\npublic_authority = true\n\n[dpo]\nemail = \"dpo@example.gov.uk\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("processors")).unwrap();
    for p in 0..synth.processors {
        std::fs::write(
            root.join(format!("processors/supplier-{p}.toml")),
            processor_file(p),
        )
        .unwrap();
    }
    for i in 0..synth.activities {
        let dir = root.join("activities").join(format!("function-{}", i % 20));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("activity-{i}.toml")),
            activity_file(i, synth),
        )
        .unwrap();
    }
}
