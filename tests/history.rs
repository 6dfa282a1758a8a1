//! The register's history: `ropa diff`, `ropa lint --since` / `--baseline` and `ropa log` on
//! temporary git repositories built here (commits with fixed dates and authors), changed in
//! every way the change issue lists. Snapshots are in tests/snapshots/history-*; refresh with
//! SNAPSHOTS=overwrite after a deliberate change.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

const CONFIG: &str = r#"[controller]
name = "Example Council"
email = "dp@example.gov.uk"
public_authority = true

[dpo]
name = "Data Protection Officer"
email = "dpo@example.gov.uk"
"#;

const CALLS: &str = r#"name = "Call recording"
business_function = "Customer Services"
owner = "Head of Customer Services"
purposes = ["Quality checks", "Staff training"]
data_subjects = ["Callers"]
personal_data = ["Voice recordings", "Phone numbers"]
special_category_data = []
recipients = []
processors = ["callstore"]

[lawful_basis]
article6 = ["consent"]
consent_record = "https://example.gov.uk/consent"

[[retention]]
data = "Call recordings"
period = "1 year"
trigger = "from the date of the call"
action = "delete"
"#;

const STAFF: &str = r#"name = "Staff records"
business_function = "Human Resources"
purposes = ["Employment"]
data_subjects = ["Staff"]
personal_data = ["Contact details"]
special_category_data = []
recipients = ["HMRC"]

[lawful_basis]
article6 = ["contract"]
"#;

const NEWSLETTER: &str = r#"name = "Residents' newsletter"
business_function = "Communications"
purposes = ["Sending the newsletter"]
data_subjects = ["Subscribers"]
personal_data = ["Email addresses"]
special_category_data = []
recipients = []

[lawful_basis]
article6 = ["consent"]
consent_record = "https://example.gov.uk/newsletter-consent"
"#;

const PARKING: &str = r#"name = "Parking permits"
business_function = "Parking"
purposes = ["Issuing permits"]
data_subjects = ["Residents"]
personal_data = ["Vehicle registration numbers"]
special_category_data = []
recipients = []

[lawful_basis]
article6 = ["public-task"]
law = "Road Traffic Regulation Act 1984"
"#;

const CALLSTORE: &str = r#"name = "Callstore Ltd"
service = "Call recording and storage"
contract = "https://example.gov.uk/contracts/callstore"
contract_expires = 2027-03-31
countries = ["GB"]
"#;

const CAPITA: &str = r#"name = "Capita"
service = "Contact centre"
contract = "https://example.gov.uk/contracts/capita"
countries = ["GB"]
"#;

/// A git repository in a temporary folder, with the register in `register/`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn register(&self) -> PathBuf {
        self.root().join("register")
    }

    fn git(&self, args: &[&str]) -> String {
        git_in(self.root(), args)
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.register().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn remove(&self, path: &str) {
        std::fs::remove_file(self.register().join(path)).unwrap();
    }

    fn rename(&self, from: &str, to: &str) {
        let to = self.register().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::rename(self.register().join(from), to).unwrap();
    }

    /// Commits everything with a fixed author and date, and returns the commit id.
    fn commit(&self, message: &str, date: &str) -> String {
        self.git(&["add", "-A"]);
        let out = Command::new("git")
            .current_dir(self.root())
            .args(["commit", "-q", "--allow-empty", "-m", message])
            .envs(identity(date))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    fn ropa(&self, args: &[&str]) -> std::process::Output {
        common::ropa(self.root(), args)
    }

    /// The first register: three activities and two processors.
    fn with_first_register() -> Repo {
        let repo = Repo::new();
        repo.write("ropa.toml", CONFIG);
        repo.write("activities/customer-services/calls.toml", CALLS);
        repo.write("activities/hr/staff.toml", STAFF);
        repo.write("activities/old/newsletter.toml", NEWSLETTER);
        repo.write(
            "activities/old/leaflets.toml",
            &PARKING.replace("Parking permits", "Leaflet drops"),
        );
        repo.write("processors/callstore.toml", CALLSTORE);
        repo.write("processors/capita.toml", CAPITA);
        repo.commit("First register", "2026-01-05T10:00:00Z");
        repo
    }

    /// Every kind of change on top of the first register, not committed.
    fn change_everything(&self) {
        // Field edits, a list reordered (nothing to report) with an item added, an item
        // added to a one-item list, the basis replaced, a comment added.
        let calls = CALLS
            .replace(
                "purposes = [\"Quality checks\", \"Staff training\"]",
                "purposes = [\"Staff training\", \"Quality checks\", \"Complaints\"]",
            )
            .replace("period = \"1 year\"", "period = \"6 months\"")
            .replace(
                "processors = [\"callstore\"]",
                "# Capita answers calls out of hours.\nprocessors = [\"callstore\", \"capita\"]",
            )
            .replace(
                "article6 = [\"consent\"]\nconsent_record = \"https://example.gov.uk/consent\"",
                "article6 = [\"public-task\"]\nlaw = \"Local Government Act 1972 s.111\"",
            )
            .replace(
                "special_category_data = []",
                "special_category_data = [\"health\"]",
            )
            .replace(
                "personal_data = [\"Voice recordings\", \"Phone numbers\"]",
                "personal_data = [\"Voice recordings\"]",
            );
        self.write("activities/customer-services/calls.toml", &calls);
        // Comments and whitespace only.
        let staff = format!("# Reviewed by HR.\n\n{}", STAFF.replace(" = ", "   =   "));
        self.write("activities/hr/staff.toml", &staff);
        // Moved to a new folder, unchanged.
        self.rename(
            "activities/old/newsletter.toml",
            "activities/communications/newsletter.toml",
        );
        // Removed, added; a processor changed; the controller's email changed.
        self.remove("activities/old/leaflets.toml");
        self.write("activities/parking/permits.toml", PARKING);
        self.write(
            "processors/callstore.toml",
            &CALLSTORE.replace("2027-03-31", "2028-03-31"),
        );
        self.write(
            "ropa.toml",
            &CONFIG.replace("dp@example.gov.uk", "privacy@example.gov.uk"),
        );
    }
}

fn identity(date: &str) -> Vec<(&'static str, String)> {
    vec![
        ("GIT_AUTHOR_NAME", "Jane Smith".into()),
        ("GIT_AUTHOR_EMAIL", "jane@example.gov.uk".into()),
        ("GIT_COMMITTER_NAME", "Jane Smith".into()),
        ("GIT_COMMITTER_EMAIL", "jane@example.gov.uk".into()),
        ("GIT_AUTHOR_DATE", date.into()),
        ("GIT_COMMITTER_DATE", date.into()),
    ]
}

fn git_in(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .envs(identity("2026-01-01T00:00:00Z"))
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Output with commit ids replaced by `<commit>`, so snapshots do not depend on them.
fn without_commits(output: &str, commits: &[&str]) -> String {
    let mut output = output.to_string();
    for commit in commits {
        output = output.replace(commit, "<commit>");
        output = output.replace(&commit[..10], "<commit>");
    }
    output
}

/// Compares with tests/snapshots/`name`, or rewrites it with SNAPSHOTS=overwrite.
fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run SNAPSHOTS=overwrite", path.display()));
    assert_eq!(
        expected, actual,
        "{name} differs; if deliberate, run SNAPSHOTS=overwrite cargo test --test history"
    );
}

#[test]
fn diff_reports_every_kind_of_change_in_words_and_nothing_else() {
    let repo = Repo::with_first_register();
    let first = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    repo.change_everything();
    let status_before = repo.git(&["status", "--porcelain"]);
    let index_before = std::fs::read(repo.root().join(".git/index")).unwrap();

    let human = repo.ropa(&["diff", "register", "--today", "2026-06-01"]);
    assert_eq!(human.status.code(), Some(0), "{}", text(&human.stderr));
    let human = text(&human.stdout);
    snapshot("history-diff.txt", &without_commits(&human, &[&first]));
    // What must be said, and what must not.
    for line in [
        "Retention for Call recordings: 1 year → 6 months",
        "Processors added: Capita",
        "Lawful basis: Consent (Art 6(1)(a)) → Public task (Art 6(1)(e))",
        "Special category data added: Health",
        "Purposes added: Complaints",
        "Personal data removed: Phone numbers",
        "Controller's email: dp@example.gov.uk → privacy@example.gov.uk",
        "old/newsletter moved to communications/newsletter",
        "+ parking/permits (Parking permits) added",
        "- old/leaflets (Leaflet drops) removed",
        "Contract expires: 2027-03-31 → 2028-03-31",
    ] {
        assert!(human.contains(line), "missing {line:?}:\n{human}");
    }
    assert!(
        !human.contains("hr/staff"),
        "comments and spacing are not changes:\n{human}"
    );
    assert!(
        !human.contains("Staff training"),
        "a reordered list is not a change:\n{human}"
    );

    let markdown = repo.ropa(&[
        "diff",
        "register",
        "--format",
        "markdown",
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(markdown.status.code(), Some(0));
    snapshot(
        "history-diff.md",
        &without_commits(&text(&markdown.stdout), &[&first]),
    );

    let json = repo.ropa(&[
        "diff",
        "register",
        "--format",
        "json",
        "--today",
        "2026-06-01",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/diff.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(
        validator.is_valid(&value),
        "the JSON follows schema/diff.schema.json"
    );
    assert_eq!(value["from"]["commit"], first.as_str());
    assert_eq!(value["to"]["name"], "working-tree");
    snapshot(
        "history-diff.json",
        &without_commits(&text(&json.stdout), &[&first]),
    );

    // Reading revisions left the working tree and the index as they were.
    assert_eq!(repo.git(&["status", "--porcelain"]), status_before);
    assert_eq!(
        std::fs::read(repo.root().join(".git/index")).unwrap(),
        index_before
    );
}

#[test]
fn formatting_comments_and_reordering_are_not_changes() {
    let repo = Repo::with_first_register();
    let calls = CALLS.replace(
        "purposes = [\"Quality checks\", \"Staff training\"]",
        "# Why we record.\npurposes = [\n    \"Staff training\",\n    \"Quality checks\",\n]",
    );
    repo.write("activities/customer-services/calls.toml", &calls);
    let out = repo.ropa(&["fmt", "register"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    repo.commit("Tidy", "2026-01-06T10:00:00Z");
    let out = repo.ropa(&["diff", "HEAD~1", "HEAD", "register"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("\nNo changes to the register.\n"), "{shown}");
    assert!(
        shown.contains("Lint findings: 0 introduced, 0 fixed"),
        "{shown}"
    );
    // `A..B` names the same two revisions.
    let range = repo.ropa(&["diff", "HEAD~1..HEAD", "register"]);
    assert_eq!(text(&range.stdout), shown);
}

#[test]
fn lint_since_shows_only_new_findings_even_when_old_ones_moved_lines() {
    let repo = Repo::with_first_register();
    // Staff records has no owner (an old finding). Lines are added above it, and a new gap
    // (no personal data) is made in another file.
    repo.write(
        "activities/hr/staff.toml",
        &format!("# Owned by HR.\n# Reviewed yearly.\n{STAFF}"),
    );
    repo.write(
        "activities/old/newsletter.toml",
        &NEWSLETTER.replace("personal_data = [\"Email addresses\"]\n", ""),
    );
    let out = repo.ropa(&[
        "lint",
        "register",
        "--since",
        "HEAD",
        "--format",
        "concise",
        "--today",
        "2026-06-01",
    ]);
    let shown = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{shown}{}", text(&out.stderr));
    let findings: Vec<&str> = shown.lines().filter(|l| l.contains('[')).collect();
    assert_eq!(
        findings,
        [
            "register/activities/old/newsletter.toml:1:1: error[personal-data-missing]: no categories of personal data recorded"
        ],
        "{shown}"
    );
    assert!(
        shown.contains("existing findings not shown (already in HEAD)"),
        "{shown}"
    );

    // A baseline does the same without git, and reports baseline entries that were fixed.
    let baseline = repo.root().join("baseline.json");
    repo.git(&["stash", "-q"]);
    let out = repo.ropa(&[
        "lint",
        "register",
        "--write-baseline",
        "baseline.json",
        "--today",
        "2026-06-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(baseline.is_file());
    repo.git(&["stash", "pop", "-q"]);
    repo.write(
        "activities/hr/staff.toml",
        &format!("owner = \"HR\"\n{STAFF}"),
    );
    let out = repo.ropa(&[
        "lint",
        "register",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
        "--today",
        "2026-06-01",
    ]);
    let shown = text(&out.stdout);
    let findings: Vec<&str> = shown.lines().filter(|l| l.contains('[')).collect();
    assert_eq!(findings.len(), 1, "{shown}");
    assert!(findings[0].contains("personal-data-missing"), "{shown}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("fixed: 1 finding in the baseline") && stderr.contains("[owner-missing]"),
        "{stderr}"
    );
    // A file that is not a baseline is never replaced.
    std::fs::write(repo.root().join("notes.json"), "my notes").unwrap();
    let out = repo.ropa(&["lint", "register", "--write-baseline", "notes.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(repo.root().join("notes.json")).unwrap(),
        "my notes"
    );
}

#[test]
fn log_lists_who_changed_what_and_when() {
    let repo = Repo::with_first_register();
    let first = repo.git(&["rev-parse", "HEAD"]).trim().to_string();
    repo.change_everything();
    let second = repo.commit("Shorter call retention; parking", "2026-02-10T09:30:00Z");
    let out = repo.ropa(&["log", "--register", "register"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    snapshot(
        "history-log.txt",
        &without_commits(&text(&out.stdout), &[&first, &second]),
    );
    let one = repo.ropa(&["log", "customer-services/calls", "--register", "register"]);
    let shown = text(&one.stdout);
    assert!(shown.starts_with("2026-02-10  "), "{shown}");
    assert!(
        shown.contains("Jane Smith  Shorter call retention; parking"),
        "{shown}"
    );
    assert!(
        shown.contains("Retention for Call recordings: 1 year → 6 months"),
        "{shown}"
    );
    assert!(
        !shown.contains("parking/permits"),
        "only the activity's own changes:\n{shown}"
    );
    assert!(
        shown.contains("2026-01-05  "),
        "its first commit is listed too:\n{shown}"
    );
    let processor = repo.ropa(&[
        "log",
        "processor",
        "callstore",
        "--register",
        "register",
        "-n",
        "1",
    ]);
    let shown = text(&processor.stdout);
    assert!(
        shown.contains("Contract expires: 2027-03-31 → 2028-03-31"),
        "{shown}"
    );
    assert!(
        !shown.contains("2026-01-05"),
        "-n 1 shows one commit:\n{shown}"
    );
}

#[test]
fn bad_revisions_folders_outside_git_and_shallow_clones_say_what_to_do() {
    let repo = Repo::with_first_register();
    let out = repo.ropa(&["diff", "no-such-branch", "register"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("`no-such-branch` is not a revision of this git repository"),
        "{stderr}"
    );
    assert!(stderr.contains("git log --oneline"), "{stderr}");

    // A revision from before the register existed.
    repo.git(&["checkout", "-q", "--orphan", "empty"]);
    repo.git(&["rm", "-rq", "--cached", "register"]);
    repo.git(&["commit", "-q", "--allow-empty", "-m", "Nothing yet"]);
    let out = repo.ropa(&["diff", "empty", "main", "register"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the register is not in revision"),
        "{stderr}"
    );
    assert!(stderr.contains("register/ropa.toml"), "{stderr}");
    repo.git(&["checkout", "-q", "-f", "main"]);

    // Not in a git repository at all.
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(plain.path().join("ropa.toml"), CONFIG).unwrap();
    let out = common::ropa(plain.path(), &["diff", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not in a git repository"),
        "{}",
        text(&out.stderr)
    );

    // A shallow clone (CI's fetch-depth: 1) lacks the base revision: say to fetch history.
    repo.write("activities/parking/permits.toml", PARKING);
    repo.commit("Parking", "2026-02-01T00:00:00Z");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.root().display());
    git_in(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let out = common::ropa(
        &clone.path().join("c"),
        &["lint", "register", "--since", "HEAD~1"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("shallow clone") && stderr.contains("fetch-depth: 0"),
        "{stderr}"
    );
}
