//! `ropa export html`: the published page parsed as a browser would, checked for structure,
//! accessibility, escaping, what it leaves out, filters, and byte-identical output.

use ropa::export::Selection;
use ropa::export::html::write_html;
use ropa::load::load;
use ropa::model::Register;
use ropa::source::DirSource;
use scraper::{ElementRef, Html, Selector};

mod common;

use common::ropa;

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn register(name: &str) -> Register {
    load(&DirSource::new(common::example(name)))
        .expect("the example loads")
        .register
}

fn page(register: &Register, functions: &[&str], activities: &[&str]) -> String {
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let selection = Selection::new(&owned(functions), &owned(activities)).unwrap();
    String::from_utf8(write_html(register, &selection).concat()).unwrap()
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css)).map(|e| text(&e)).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect()
}

/// The `<td>` next to the row header `label` in the activity whose `<h3>` is `name`.
fn cell(doc: &Html, name: &str, label: &str) -> String {
    let article = doc
        .select(&sel("article"))
        .find(|a| a.select(&sel("h3")).any(|h| text(&h) == name))
        .unwrap_or_else(|| panic!("no activity {name}"));
    let row = article
        .select(&sel("tr"))
        .find(|r| r.select(&sel("th")).any(|th| text(&th) == label))
        .unwrap_or_else(|| panic!("{name} has no row {label}"));
    text(&row.select(&sel("td")).next().unwrap())
}

#[test]
fn the_page_is_accessible_and_self_contained() {
    let register = register("harborough");
    let html = page(&register, &[], &[]);
    let doc = Html::parse_document(&html);

    let root = doc.select(&sel("html")).next().unwrap();
    assert_eq!(root.value().attr("lang"), Some("en-GB"));
    assert_eq!(
        texts(&doc, "h1"),
        ["Harborough District Council: record of processing activities"]
    );
    assert_eq!(
        doc.select(&sel(r#"meta[name="generator"]"#))
            .next()
            .and_then(|m| m.value().attr("content")),
        Some("ropa")
    );

    let mut previous = 1;
    for heading in doc.select(&sel("h1, h2, h3, h4, h5, h6")) {
        let level: u32 = heading.value().name()[1..].parse().unwrap();
        assert!(
            level <= previous + 1,
            "h{level} `{}` follows h{previous}",
            text(&heading)
        );
        previous = level;
    }

    let h2 = texts(&doc, "main h2");
    assert_eq!(
        h2,
        [
            "Contact us",
            "Council-wide",
            "Customer Services",
            "Website",
            "Data-flow map",
            "Your rights"
        ]
    );
    let h3 = texts(&doc, "article h3");
    let names: Vec<String> = register
        .activities
        .iter()
        .map(|a| a.value.name.clone())
        .collect();
    assert_eq!(h3, names, "one h3 per activity, grouped by function");

    let tables = doc.select(&sel("table")).count();
    assert_eq!(
        tables,
        register.activities.len() + 3,
        "one per activity and contact, and the map's table of flows"
    );
    // Every body row is headed by its first cell; the map's table has a heading row too.
    for row in doc.select(&sel("tbody tr, table.details > tr")) {
        let headers: Vec<_> = row.select(&sel("th")).collect();
        assert_eq!(headers.len(), 1, "{}", row.html());
        assert_eq!(headers[0].value().attr("scope"), Some("row"));
    }

    assert_eq!(
        doc.select(&sel("script, link, iframe, img, object"))
            .count(),
        0
    );
    assert_eq!(doc.select(&sel("[src]")).count(), 0);
    assert_eq!(
        doc.select(&sel("head style")).count(),
        1,
        "the only stylesheet is inline"
    );
    assert!(!html.contains("<script"));
    for link in doc.select(&sel("a[href]")) {
        let href = link.value().attr("href").unwrap();
        if let Some(id) = href.strip_prefix('#') {
            let target = sel(&format!("[id=\"{id}\"]"));
            assert_eq!(doc.select(&target).count(), 1, "{href} is on the page once");
        } else {
            assert!(
                href.starts_with("https://") || href.starts_with("mailto:"),
                "{href}"
            );
        }
    }
    let contents = texts(&doc, "nav li li a");
    assert_eq!(contents, names, "the contents link every activity");
}

#[test]
fn bases_contacts_and_rights_are_in_plain_english() {
    let register = register("harborough");
    let doc = Html::parse_document(&page(&register, &[], &[]));
    let basis = cell(&doc, "Web chat", "Lawful basis");
    assert_eq!(
        basis,
        "It is needed for a task we carry out in the public interest or under official \
         authority. Public task (Art 6(1)(e))"
    );
    assert!(cell(&doc, "Web chat", "Your rights").contains("The right of access"));
    let contacts = texts(&doc, r#"section[aria-labelledby="contact"]"#).concat();
    assert!(contacts.contains("Data protection officer"));
    assert!(contacts.contains("FOI@harborough.gov.uk"));
    assert!(contacts.contains("01858 828282"));
}

#[test]
fn processing_for_another_controller_names_it_instead_of_a_basis() {
    let register = register("bolsover");
    let doc = Html::parse_document(&page(&register, &[], &["*/universal-credit-*"]));
    let name = "Universal Credit digital assistance for DWP";
    let labels = texts(&doc, "article th");
    assert_eq!(
        labels,
        [
            "Our role",
            "On behalf of",
            "What we do for them",
            "Transfers outside the UK"
        ],
        "the controller's purposes, basis and rights are its own to publish"
    );
    assert_eq!(
        cell(&doc, name, "On behalf of"),
        "Department for Work and Pensions — DWP Data Protection Officer, Caxton House, Tothill Street, London SW1H 9NA; data.protectionofficer@dwp.gov.uk"
    );
    assert_eq!(
        cell(&doc, name, "What we do for them"),
        "Digital assistance to customers making a Universal Credit claim"
    );
}

#[test]
fn a_joint_controller_is_named_with_its_arrangement() {
    let activity = r#"
name = "Shared CCTV"
role = "joint-controller"

[joint_controller]
name = "Derbyshire Constabulary"
contact = "dpo@police.example.org"
arrangement = "https://example.org/cctv-agreement"
"#;
    let register = common::load_files(&[("activities/cctv.toml", activity.as_bytes())]).register;
    let doc = Html::parse_document(&page(&register, &[], &[]));
    let role = cell(&doc, "Shared CCTV", "Our role");
    assert!(role.starts_with("We are a joint controller"), "{role}");
    assert!(role.contains("Derbyshire Constabulary"));
    assert_eq!(
        texts(&doc, "main h2")[1],
        "Other activities",
        "no business function"
    );
}

const HOSTILE_CONFIG: &str = r#"
[controller]
name = "Tom & Jerry's <Council>"
email = "dpo@example.org"
ico_registration = "Z1234567"
public_authority = true

[dpo]
name = "Data Protection Officer"
email = "dpo@example.org"
"#;

const HOSTILE_ACTIVITY: &str = r#"
name = "Fish & <Chips> \"special\""
business_function = "Waste </h2> & Recycling"
description = "<script>alert('x')</script>"
owner = "Jane Secret, Head of Waste"
last_reviewed = 2026-02-01
purposes = ["Collecting <b>bins</b>", "A & B"]
data_subjects = ["Residents"]
personal_data = ["Address"]
sources = ["The data subject"]
recipients = []
processors = ["binco"]
security_measures = ["Secret door code 1234"]
location = "Shared drive S:\\Waste"
privacy_notice = "javascript:alert(1)"
transfers = []

[lawful_basis]
article6 = ["legitimate-interests", "legal-obligation"]
law = "Environmental Protection Act 1990 s.45"
legitimate_interests = "Keeping <streets> clean"
lia = "https://intranet.example.org/lia/waste"

[[retention]]
data = "Collection records"
period = "2 years"
trigger = "from the last collection"
action = "delete"

[dpia]
required = true
status = "complete"
link = "https://intranet.example.org/dpia/waste"

[breach]
occurred = true
record = "https://intranet.example.org/breaches/42"

[[waivers]]
rule = "retention-vague"
reason = "Waived for a private reason"
"#;

const PROCESSOR: &str = r#"
name = "Bin Co <Ltd>"
service = "Route planning"
contract = "https://intranet.example.org/contracts/binco"
"#;

fn hostile() -> Register {
    common::load_files(&[
        ("ropa.toml", HOSTILE_CONFIG.as_bytes()),
        (
            "activities/waste/collections.toml",
            HOSTILE_ACTIVITY.as_bytes(),
        ),
        ("processors/binco.toml", PROCESSOR.as_bytes()),
    ])
    .register
}

#[test]
fn every_value_is_escaped() {
    let register = hostile();
    assert_eq!(register.activities.len(), 1, "the test register loads");
    let html = page(&register, &[], &[]);
    let doc = Html::parse_document(&html);
    assert_eq!(texts(&doc, "article h3"), ["Fish & <Chips> \"special\""]);
    assert_eq!(texts(&doc, "main h2")[1], "Waste </h2> & Recycling");
    assert_eq!(
        texts(&doc, "h1"),
        ["Tom & Jerry's <Council>: record of processing activities"]
    );
    assert_eq!(doc.select(&sel("script, b, chips")).count(), 0);
    assert!(html.contains("Fish &amp; &lt;Chips&gt;"));
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    let purposes = cell(&doc, "Fish & <Chips> \"special\"", "Why we use the data");
    assert_eq!(purposes, "Collecting <b>bins</b>A & B");
    let notice = cell(&doc, "Fish & <Chips> \"special\"", "Privacy notice");
    assert_eq!(notice, "javascript:alert(1)", "shown as text");
    assert!(
        doc.select(&sel("a[href]")).all(|a| !a
            .value()
            .attr("href")
            .unwrap()
            .starts_with("javascript")),
        "never a link"
    );
}

#[test]
fn the_public_page_shows_names_and_law_but_no_internal_records() {
    let register = hostile();
    let html = page(&register, &[], &[]);
    let doc = Html::parse_document(&html);
    let name = "Fish & <Chips> \"special\"";
    assert_eq!(
        cell(&doc, name, "Who we share it with"),
        "Bin Co <Ltd> (Route planning)"
    );
    let basis = cell(&doc, name, "Lawful basis");
    assert!(basis.contains(
        "The law requires us to do it. Legal obligation (Art 6(1)(c)) — Environmental \
         Protection Act 1990 s.45"
    ));
    assert!(basis.contains("The legitimate interest: Keeping <streets> clean"));
    assert_eq!(
        cell(&doc, name, "How long we keep it"),
        "Collection records: 2 years from the last collection, then delete"
    );
    assert_eq!(cell(&doc, name, "Transfers outside the UK"), "None");
    assert!(
        texts(&doc, r#"section[aria-labelledby="contact"]"#)
            .concat()
            .contains("Z1234567")
    );
    assert!(html.contains(r#"<time datetime="2026-02-01">1 February 2026</time>"#));
    for internal in [
        "intranet.example.org",
        "Jane Secret",
        "Secret door code",
        "Shared drive",
        "Waived for a private reason",
        "retention-vague",
    ] {
        assert!(!html.contains(internal), "{internal} is not published");
    }
}

#[test]
fn filters_choose_the_activities_shown() {
    let register = register("harborough");
    let doc = Html::parse_document(&page(&register, &["customer services"], &[]));
    assert_eq!(
        texts(&doc, "article h3"),
        [
            "Call and video recording and AI transcription",
            "Customer enquiries, complaints and service requests",
            "Web chat"
        ]
    );
    assert_eq!(
        texts(&doc, "main h2"),
        [
            "Contact us",
            "Customer Services",
            "Data-flow map",
            "Your rights"
        ]
    );
    let doc = Html::parse_document(&page(&register, &[], &["*/web-*", "council-wide/fraud-*"]));
    assert_eq!(
        texts(&doc, "article h3"),
        [
            "Protection of public funds and prevention of fraud",
            "Web chat"
        ]
    );
}

#[test]
fn the_command_writes_the_same_bytes_every_time() {
    let bolsover = common::example("bolsover");
    let bolsover = bolsover.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let first = ropa(dir.path(), &["export", "html", bolsover, "-o", "-"]);
    let second = ropa(dir.path(), &["export", "html", bolsover, "-o", "-"]);
    assert_eq!(first.status.code(), Some(0));
    assert!(!first.stdout.is_empty());
    assert_eq!(first.stdout, second.stdout);

    let out = ropa(dir.path(), &["export", "html", bolsover, "-o", "ropa.html"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "wrote 8 activities to ropa.html\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("ropa.html")).unwrap(),
        first.stdout
    );
}

#[test]
fn only_a_page_ropa_wrote_is_replaced_without_force() {
    let bolsover = common::example("bolsover");
    let bolsover = bolsover.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "html", bolsover, "-o", "ropa.html"];
        args.extend_from_slice(extra);
        ropa(dir.path(), &args)
    };
    assert_eq!(export(&[]).status.code(), Some(0));
    assert_eq!(
        export(&[]).status.code(),
        Some(0),
        "ropa's own page is replaced"
    );

    let mine = "<!DOCTYPE html><html><head><title>Our page</title></head></html>";
    std::fs::write(dir.path().join("ropa.html"), mine).unwrap();
    let out = export(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("was not written by ropa export"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ropa.html")).unwrap(),
        mine
    );
    assert_eq!(export(&["--force"]).status.code(), Some(0));
}
