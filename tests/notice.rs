//! `ropa notice`: for every example register, the notice holds every Art 13 and 14 item (or
//! marks it "[not recorded]"), every word traces to a register field or the fixed wording,
//! lint reports each gap, and the HTML page is well formed and accessible.

use std::collections::BTreeSet;

use ropa::lint::{LintOptions, Overrides, lint};
use ropa::load::load;
use ropa::model::{Activity, Date, Loaded, Register};
use ropa::notice::doc::{Block, Span, plain};
use ropa::notice::{self, Item, Notice, activity_gaps, has_notice, register_gaps};
use ropa::source::DirSource;
use ropa::vocab::wording::{self, heading, sentence};
use ropa::vocab::{Article6Basis, Article9Condition};
use scraper::{Html, Selector};

mod common;

fn register(name: &str) -> Register {
    load(&DirSource::new(common::example(name)))
        .expect("the example loads")
        .register
}

fn covered(register: &Register) -> Vec<&Loaded<Activity>> {
    register
        .activities
        .iter()
        .filter(|a| has_notice(&a.value))
        .collect()
}

fn notice_of(register: &Register) -> Notice {
    let config = register.config.as_ref().expect("ropa.toml loads");
    notice::build(register, config, &covered(register))
}

/// Every piece of text in the notice, joined, for looking things up.
fn all_text(notice: &Notice) -> String {
    let mut text = plain(&notice.title);
    for section in &notice.sections {
        text.push('\n');
        text.push_str(section.heading);
        for block in &section.blocks {
            let lines: Vec<String> = match block {
                Block::Subheading(l) | Block::Paragraph(l) => vec![plain(l)],
                Block::List(items) => items.iter().map(|l| plain(l)).collect(),
                Block::Terms(terms) => terms
                    .iter()
                    .map(|(t, d)| format!("{} {}", plain(t), plain(d)))
                    .collect(),
                Block::Table { rows, .. } => rows
                    .iter()
                    .map(|r| r.iter().map(|c| plain(c)).collect::<Vec<_>>().join(" | "))
                    .collect(),
            };
            for line in lines {
                text.push('\n');
                text.push_str(&line);
            }
        }
    }
    text
}

fn gaps_of(notice: &Notice) -> BTreeSet<(String, Item)> {
    notice
        .gaps()
        .into_iter()
        .map(|g| (g.file.to_string(), g.item))
        .collect()
}

#[test]
fn every_article_13_and_14_item_is_said_or_marked_not_recorded() {
    for name in common::EXAMPLES {
        let register = register(name);
        let notice = notice_of(&register);
        let text = all_text(&notice);
        let config = &register.config.as_ref().unwrap().value;
        let gaps = gaps_of(&notice);
        let config_file = register.config.as_ref().unwrap().file.to_string();
        let has_gap = |file: &str, item: Item| gaps.contains(&(file.to_string(), item));

        // The headings, in the order people meet them.
        let headings: Vec<&str> = notice.sections.iter().map(|s| s.heading).collect();
        assert_eq!(
            headings,
            [
                heading::WHO_WE_ARE,
                heading::WHAT_WE_COLLECT,
                heading::WHY_AND_BASIS,
                heading::SHARING,
                heading::RETENTION,
                heading::RIGHTS,
                heading::COMPLAINTS
            ],
            "{name}"
        );

        // Art 13(1)(a)-(b): the controller and the DPO, or their gaps.
        assert!(text.contains(&config.controller.name), "{name}");
        for item in register_gaps(config) {
            assert!(has_gap(&config_file, item), "{name}: {item:?} not marked");
        }
        if let Some(email) = config.dpo.as_ref().and_then(|d| d.email.as_deref()) {
            assert!(text.contains(email), "{name}: DPO e-mail");
        }
        // Art 13(2)(d) and 77: the ICO, always.
        for fixed in [
            wording::ICO_ADDRESS,
            wording::ICO_PHONE,
            sentence::COMPLAIN_TO_ICO,
        ] {
            assert!(text.contains(fixed), "{name}: {fixed}");
        }

        for a in covered(&register) {
            let v = &a.value;
            let file = a.file.to_string();
            let activity_gaps = activity_gaps(v);
            // Each gap the register has is marked in the notice, and nothing else is.
            for item in &activity_gaps {
                assert!(
                    has_gap(&file, *item),
                    "{name} {}: {item:?} not marked",
                    a.id
                );
            }
            // Art 13(1)(c): purposes and each basis in plain English, with the law behind it.
            for purpose in v.purposes.iter().flatten() {
                assert!(text.contains(purpose.trim()), "{name}: {purpose}");
            }
            for basis in v.bases() {
                assert!(text.contains(basis.notice_paragraph()), "{name}: {basis}");
            }
            let lb = v.lawful_basis.as_ref();
            if let Some(law) = lb.and_then(|l| l.law.as_deref()) {
                assert!(text.contains(law.trim()), "{name}: law");
            }
            // Art 13(1)(d): the legitimate interests.
            if v.bases().contains(&Article6Basis::LegitimateInterests)
                && !activity_gaps.contains(&Item::LegitimateInterests)
            {
                let interest = lb.and_then(|l| l.legitimate_interests.as_deref()).unwrap();
                assert!(text.contains(interest.trim()), "{name}: interests");
            }
            // Special category data and its conditions.
            for category in v.special_categories() {
                assert!(text.contains(category.label()), "{name}: {category}");
            }
            for condition in lb.map_or(&[][..], |l| l.article9.as_slice()) {
                assert!(text.contains(condition.notice_paragraph()), "{name}");
            }
            // Art 13(1)(e): recipients and processors by name.
            for recipient in v.recipients.iter().flatten() {
                assert!(text.contains(recipient.trim()), "{name}: {recipient}");
            }
            for id in v.processors.iter().flatten() {
                let processor = register.processor(&id.0).expect("the processor exists");
                assert!(text.contains(processor.value.name.trim()), "{name}: {id:?}");
            }
            // Art 13(1)(f): transfers, or that there are none.
            match &v.transfers {
                Some(t) if t.is_empty() => {}
                Some(t) => {
                    assert!(text.contains(sentence::SAFEGUARD_COPY), "{name}");
                    for m in t.iter().filter_map(|t| t.mechanism) {
                        assert!(text.contains(m.notice_sentence()), "{name}");
                    }
                }
                None => assert!(activity_gaps.contains(&Item::Transfers)),
            }
            // Art 13(2)(a): every retention entry.
            for period in v
                .retention
                .iter()
                .flatten()
                .filter_map(|e| e.period.as_deref())
            {
                assert!(text.contains(period.trim()), "{name}: {period}");
            }
            // Art 13(2)(b)-(c): the rights the basis gives, and withdrawing consent.
            for right in v.rights_available() {
                assert!(text.contains(right.notice_paragraph()), "{name}: {right}");
            }
            let consent = v.bases().contains(&Article6Basis::Consent)
                || lb.is_some_and(|l| l.article9.contains(&Article9Condition::ExplicitConsent));
            if consent {
                assert!(text.contains(sentence::WITHDRAW), "{name}: withdrawal");
            }
            // Art 13(2)(e): whether the data must be given, and the consequences.
            if let Some(p) = &v.providing_data {
                if let Some(r) = p.requirement {
                    assert!(text.contains(r.notice_sentence()), "{name}");
                }
                if let Some(c) = p.consequences.as_deref() {
                    assert!(text.contains(c.trim()), "{name}: consequences");
                }
            }
            // Art 13(2)(f): automated decisions.
            if let Some(details) = v
                .automated_decision_making
                .as_ref()
                .filter(|adm| adm.used == Some(true))
                .and_then(|adm| adm.details.as_deref())
            {
                assert!(text.contains(details.trim()), "{name}: ADM");
            }
            // Art 14(1)(d) and 14(2)(f): categories of data and sources.
            for data in v.personal_data.iter().flatten() {
                assert!(text.contains(data.trim()), "{name}: {data}");
            }
            for source in v.sources.iter().flatten() {
                assert!(text.contains(source.trim()), "{name}: {source}");
            }
        }
    }
}

/// The JSON of the file a span was read from, for looking its value up by pointer.
fn file_json(register: &Register, file: ropa::diag::FileId) -> serde_json::Value {
    if let Some(config) = register.config.as_ref().filter(|c| c.file == file) {
        return serde_json::to_value(&config.value).unwrap();
    }
    if let Some(a) = register.activities.iter().find(|a| a.file == file) {
        return serde_json::to_value(&a.value).unwrap();
    }
    let p = register
        .processors
        .iter()
        .find(|p| p.file == file)
        .expect("a span names a file of the register");
    serde_json::to_value(&p.value).unwrap()
}

#[test]
fn every_word_comes_from_a_register_field_or_the_fixed_wording() {
    let catalogue: BTreeSet<String> = wording::catalogue()
        .into_iter()
        .map(|t| t.into_owned())
        .collect();
    for name in common::EXAMPLES {
        let register = register(name);
        let notice = notice_of(&register);
        let mut fields = 0;
        for span in notice.spans() {
            match span {
                Span::Legal(text) => assert!(
                    catalogue.contains(text.as_ref()),
                    "{name}: {text:?} is not in the fixed wording"
                ),
                Span::Field { text, origin } => {
                    fields += 1;
                    let json = file_json(&register, origin.file);
                    let value = json
                        .pointer(&origin.pointer)
                        .and_then(|v| v.as_str())
                        .unwrap_or_else(|| panic!("{name}: no text at {}", origin.pointer));
                    let expected = if origin.pointer.ends_with("/country") {
                        notice::build::shown_country(value)
                    } else {
                        value.trim().to_string()
                    };
                    assert_eq!(text, &expected, "{name}: {}", origin.pointer);
                }
                Span::Missing(gap) => {
                    assert!(
                        gap.file == register.config.as_ref().unwrap().file
                            || register.activities.iter().any(|a| a.file == gap.file),
                        "{name}: a gap names a file of the register"
                    );
                }
            }
        }
        assert!(
            fields > 20,
            "{name}: the notice shows the register's own words"
        );
    }
}

#[test]
fn lint_reports_every_gap_the_notice_marks() {
    let options = LintOptions {
        today: Date::parse("2026-12-01").unwrap(),
        cli: Overrides::default(),
    };
    for name in common::EXAMPLES {
        let register = register(name);
        let notice = notice_of(&register);
        let report = lint(&register, &options);
        let reported: BTreeSet<(String, &str)> = report
            .diagnostics
            .iter()
            .chain(report.waived.iter().map(|w| &w.diagnostic))
            .map(|d| (d.file.to_string(), d.code))
            .collect();
        for gap in notice.gaps() {
            assert!(
                reported.contains(&(gap.file.to_string(), gap.item.rule())),
                "{name}: {:?} in {} is not reported by {}",
                gap.item,
                register.files.path(gap.file),
                gap.item.rule()
            );
        }
    }
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

#[test]
fn the_html_notice_is_accessible_self_contained_and_the_same_every_time() {
    for name in common::EXAMPLES {
        let register = register(name);
        let page = notice::html::render(&notice_of(&register));
        assert_eq!(page, notice::html::render(&notice_of(&register)), "{name}");
        assert!(notice::html::is_notice(page.as_bytes()));
        let doc = Html::parse_document(&page);
        let root = doc.select(&sel("html")).next().unwrap();
        assert_eq!(root.value().attr("lang"), Some("en-GB"));
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{name}");
        assert_eq!(doc.select(&sel("script, link, img, iframe")).count(), 0);
        let levels: Vec<u8> = doc
            .select(&sel("h1, h2, h3, h4"))
            .map(|h| h.value().name()[1..].parse().unwrap())
            .collect();
        let mut previous = 0;
        for level in levels {
            assert!(level <= previous + 1, "{name}: a heading skips a level");
            previous = level;
        }
        let h2: Vec<String> = doc
            .select(&sel("main h2"))
            .map(|h| h.text().collect())
            .collect();
        assert_eq!(h2.len(), 7, "{name}");
        assert_eq!(h2[0], heading::WHO_WE_ARE);
        // A gap is visible on the page, not only in its colour.
        let markers = doc.select(&sel("strong.missing")).count();
        assert_eq!(markers > 0, !notice_of(&register).gaps().is_empty());
    }
}

#[test]
fn register_text_stays_text_in_both_formats() {
    let files: &[(&str, &[u8])] = &[(
        "activities/x.toml",
        b"name = \"<script>alert(1)</script> *x* [y](z)\"\npurposes = [\"# not a heading\"]\n",
    )];
    let report = common::load_files(files);
    let register = report.register;
    let notice = notice::build(
        &register,
        register.config.as_ref().unwrap(),
        &register.activities.iter().collect::<Vec<_>>(),
    );
    let page = notice::html::render(&notice);
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;"));
    let markdown = notice::markdown::render(&notice);
    assert!(markdown.contains("\\<script\\>alert(1)\\</script\\> \\*x\\* \\[y\\](z)"));
    assert!(markdown.contains("- \\# not a heading"));
}

#[test]
fn a_function_notice_says_shared_things_once_and_rights_per_activity() {
    let register = register("bolsover");
    let notice = notice_of(&register);
    let markdown = notice::markdown::render(&notice);
    // One rights section, one contact section, one retention table.
    assert_eq!(markdown.matches("## Your rights").count(), 1);
    assert_eq!(
        markdown
            .matches("Email: kath.drury@bolsover.gov.uk")
            .count(),
        1
    );
    assert_eq!(markdown.matches("| Information |").count(), 1);
    // "Name" is collected by several activities but listed once.
    assert_eq!(markdown.matches("\n- Name\n").count(), 1);
    // Erasure is given by consent and legitimate interests, not by payments (no basis).
    let erasure = markdown
        .lines()
        .skip_while(|l| !l.contains("Your right to have your information deleted"))
        .nth(1)
        .unwrap();
    assert!(erasure.contains("This applies only to:"), "{erasure}");
    assert!(!erasure.contains("Customer payments"), "{erasure}");
}

/// A text several activities list is said once, in the first activity's spelling, however
/// its case and spaces differ (in any script); texts that differ are all said.
#[test]
fn a_text_is_said_once_whatever_its_case() {
    let files = [
        ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
        (
            "activities/a.toml",
            "name = \"A\"\nprivacy_notice = \"https://example.org/a\"\npersonal_data = [\"Name\", \" Straße \", \"Élan\"]\n",
        ),
        (
            "activities/b.toml",
            "name = \"B\"\nprivacy_notice = \"https://example.org/b\"\npersonal_data = [\"NAME\", \"straße\", \"éLAN\", \"Address\"]\n",
        ),
    ];
    let source = ropa::source::MemorySource::from_texts("reg", &files);
    let register = load(&source).expect("the register loads").register;
    let markdown = notice::markdown::render(&notice_of(&register));
    for once in ["\n- Name\n", "\n- Straße\n", "\n- Élan\n", "\n- Address\n"] {
        assert_eq!(markdown.matches(once).count(), 1, "{once:?} in {markdown}");
    }
    for never in ["NAME", "straße", "éLAN"] {
        assert!(!markdown.contains(&format!("- {never}\n")), "{never}");
    }
}
