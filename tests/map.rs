//! `ropa map`: the graph built from each example register, and the drawings made of it: SVG
//! that parses as XML, is the same bytes every time and has no two boxes overlapping; Mermaid
//! and DOT that parse; the README's map kept current.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use ropa::describe::country;
use ropa::load::load;
use ropa::map::graph::{By, Graph, Kind};
use ropa::map::layout::{Layout, Rect};
use ropa::map::{self, layout};
use ropa::model::{Activity, Loaded, Register};
use ropa::source::DirSource;

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

fn register_at(dir: &Path) -> Register {
    load(&DirSource::new(dir))
        .expect("the register loads")
        .register
}

fn all(register: &Register) -> Vec<&Loaded<Activity>> {
    register.activities.iter().collect()
}

fn key_of(graph: &Graph, at: usize) -> &str {
    &graph.nodes[at].key
}

fn edges(graph: &Graph) -> BTreeSet<(String, String)> {
    graph
        .edges
        .iter()
        .map(|e| {
            (
                key_of(graph, e.from).to_string(),
                key_of(graph, e.to).to_string(),
            )
        })
        .collect()
}

fn node<'g>(graph: &'g Graph, key: &str) -> &'g ropa::map::graph::Node {
    graph
        .nodes
        .iter()
        .find(|n| n.key == key)
        .unwrap_or_else(|| panic!("no node {key}"))
}

#[test]
fn the_flow_graph_holds_every_edge_the_register_records() {
    for name in common::EXAMPLES {
        let register = register_at(&common::example(name));
        let graph = map::build(&register, &all(&register), By::Flow);
        let edges = edges(&graph);
        let mut expected = BTreeSet::new();
        for a in &register.activities {
            let activity = format!("activity:{}", a.id);
            assert_eq!(node(&graph, &activity).column, 1, "{name}");
            for s in a.value.data_subjects.iter().flatten() {
                expected.insert((
                    format!("subject:{}", s.trim().to_lowercase()),
                    activity.clone(),
                ));
            }
            for r in a.value.recipients.iter().flatten() {
                expected.insert((
                    activity.clone(),
                    format!("recipient:{}", r.trim().to_lowercase()),
                ));
            }
            for p in a.value.processors.iter().flatten() {
                let processor = format!("processor:{}", p.0);
                expected.insert((activity.clone(), processor.clone()));
                let file = register
                    .processor(&p.0)
                    .expect("examples name known processors");
                assert_eq!(
                    node(&graph, &processor).problem.is_some(),
                    !file.value.has_contract(),
                    "{name}: {processor} is a problem exactly when lint says it has no contract"
                );
                for c in file
                    .value
                    .all_countries()
                    .into_iter()
                    .filter(|c| *c != "GB")
                {
                    expected.insert((processor.clone(), format!("country:{c}")));
                }
            }
            for t in a.value.transfers.iter().flatten() {
                let country = t.country.as_ref().map_or("?", |c| c.0.as_str());
                if country != "GB" {
                    expected.insert((activity.clone(), format!("country:{country}")));
                }
            }
        }
        assert_eq!(edges, expected, "{name}");
        for n in &graph.nodes {
            let column = match n.kind {
                Kind::Subject => 0,
                Kind::Activity => 1,
                Kind::Recipient | Kind::Processor => 2,
                Kind::Country => 3,
            };
            assert_eq!(n.column, column, "{name}: {}", n.key);
        }
        for e in &graph.edges {
            assert!(
                graph.nodes[e.from].column < graph.nodes[e.to].column,
                "{name}: edges run left to right"
            );
        }
    }
}

#[test]
fn the_examples_show_what_lint_finds() {
    let council = register_at(&common::example("customer-services-council"));
    let graph = map::build(&council, &all(&council), By::Flow);
    assert!(edges(&graph).contains(&(
        "activity:customer-services/call-recording".to_string(),
        "processor:rostrvm".to_string()
    )));
    assert_eq!(
        node(&graph, "processor:rostrvm").problem.as_deref(),
        Some("no contract recorded")
    );
    let enquiries = node(&graph, "activity:customer-services/enquiries");
    assert_eq!(enquiries.group.as_deref(), Some("Customer Services"));
    assert!(
        enquiries
            .notes
            .contains(&"Special category data: Health".to_string())
    );

    // Harborough's cloud transfer names no country and no mechanism: both are drawn as problems.
    let harborough = register_at(&common::example("harborough"));
    let graph = map::build(&harborough, &all(&harborough), By::Flow);
    let unknown = node(&graph, "country:?");
    assert!(unknown.problem.is_some());
    let edge = graph
        .edges
        .iter()
        .find(|e| graph.nodes[e.to].key == "country:?")
        .unwrap();
    assert_eq!(edge.problem.as_deref(), Some("no transfer mechanism"));
    assert_eq!(
        node(&graph, "activity:council-wide/fraud-prevention").notes,
        ["Criminal offence data"]
    );
}

#[test]
fn processor_and_country_views_show_contracts_and_adequacy() {
    let dir = tempfile::tempdir().unwrap();
    support::generate(dir.path(), 60);
    let register = register_at(dir.path());
    let by_processor = map::build(&register, &all(&register), By::Processor);
    assert_eq!(
        by_processor.columns,
        ["Activities", "Processors", "Where they work"]
    );
    let uk = node(&by_processor, "country:GB");
    assert_eq!(uk.label, country("GB"));
    assert!(
        by_processor
            .nodes
            .iter()
            .any(|n| n.kind == Kind::Processor && n.problem.is_some())
    );
    assert!(
        by_processor
            .nodes
            .iter()
            .any(|n| n.notes.contains(&"Contract recorded".to_string()))
    );

    let by_country = map::build(&register, &all(&register), By::Country);
    assert!(
        by_country.nodes.iter().all(|n| n.key != "country:GB"),
        "the UK is no destination"
    );
    let us = node(&by_country, "country:US");
    assert!(
        us.notes[0].starts_with("UK adequacy covers only"),
        "{:?}",
        us.notes
    );
    for e in &by_country.edges {
        let to = &by_country.nodes[e.to];
        assert!(to.kind != Kind::Activity);
    }
}

/// Checks that no two boxes overlap, sweeping in order of their top edge.
fn assert_no_overlaps(layout: &Layout, what: &str) {
    let mut boxes: Vec<Rect> = layout.text_boxes();
    boxes.retain(|b| b.w > 0);
    boxes.sort_by_key(|b| (b.y, b.x));
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes[i + 1..].iter().take_while(|b| b.y < a.y + a.h) {
            assert!(!a.overlaps(b), "{what}: {a:?} overlaps {b:?}");
        }
    }
    for b in &boxes {
        assert!(
            b.x + b.w <= layout.width && b.y + b.h <= layout.height,
            "{what}: {b:?} is inside the drawing"
        );
    }
}

fn svg_of(register: &Register, by: By) -> String {
    map::svg_file(&map::build(register, &all(register), by), "Data-flow map")
}

#[test]
fn svg_parses_is_the_same_every_time_and_no_labels_overlap() {
    let generated = tempfile::tempdir().unwrap();
    support::generate(generated.path(), 500);
    let mut registers: Vec<(String, Register)> = common::EXAMPLES
        .iter()
        .map(|n| (n.to_string(), register_at(&common::example(n))))
        .collect();
    registers.push(("500 generated".to_string(), register_at(generated.path())));
    for (name, register) in &registers {
        for by in [By::Flow, By::Processor, By::Country] {
            let graph = map::build(register, &all(register), by);
            let placed = layout(&graph);
            assert_no_overlaps(&placed, name);
            let svg = svg_of(register, by);
            assert_eq!(
                svg,
                svg_of(register, by),
                "{name}: the same bytes every time"
            );
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{name} {by:?}: not XML: {e}"));
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            // Every box has a title and its label as real text.
            let titled = root
                .descendants()
                .filter(|n| {
                    n.has_tag_name("g")
                        && n.first_element_child()
                            .is_some_and(|c| c.has_tag_name("title"))
                })
                .count();
            assert_eq!(titled, graph.nodes.len(), "{name} {by:?}");
            let texts: String = root
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ");
            for n in &graph.nodes {
                let first_word = n.label.split_whitespace().next().unwrap_or_default();
                assert!(texts.contains(first_word), "{name}: {}", n.label);
            }
        }
    }
}

/// A strict check of the Mermaid flowchart ropa writes: the header, balanced subgraphs, quoted
/// labels without raw quotes, and edges between declared nodes.
fn check_mermaid(text: &str) -> Result<(), String> {
    let mut lines = text.lines();
    if !lines.next().is_some_and(|l| l.starts_with("%%")) || lines.next() != Some("flowchart LR") {
        return Err("no header".into());
    }
    let mut declared = BTreeSet::new();
    let mut depth = 0;
    let quoted =
        |s: &str| s.starts_with('"') && s.ends_with('"') && !s[1..s.len() - 1].contains('"');
    for line in lines {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("subgraph ") {
            let open = rest
                .find('[')
                .ok_or(format!("subgraph without title: {l}"))?;
            if !rest.ends_with(']') || !quoted(&rest[open + 1..rest.len() - 1]) {
                return Err(format!("bad subgraph: {l}"));
            }
            depth += 1;
        } else if l == "end" {
            depth -= 1;
            if depth < 0 {
                return Err("end without subgraph".into());
            }
        } else if l.starts_with("classDef ") || l.starts_with("class ") {
        } else if let Some(open) = l.find("[\"") {
            let id = &l[..open];
            if !l.ends_with("\"]") || !quoted(&l[open + 1..l.len() - 1]) || !id.starts_with('n') {
                return Err(format!("bad node: {l}"));
            }
            declared.insert(id.to_string());
        } else {
            let parts: Vec<&str> = l.split_whitespace().collect();
            let (from, arrow, to) = (parts[0], parts[1], parts[parts.len() - 1]);
            let arrow = arrow.split('|').next().unwrap_or_default();
            if !matches!(arrow, "-->" | "-.->") {
                return Err(format!("bad edge: {l}"));
            }
            if let Some(label) = l.split('|').nth(1)
                && !quoted(label)
            {
                return Err(format!("bad edge label: {l}"));
            }
            if !declared.contains(from) || !declared.contains(to) {
                return Err(format!("edge between undeclared nodes: {l}"));
            }
        }
    }
    if depth != 0 {
        return Err("unbalanced subgraphs".into());
    }
    Ok(())
}

fn dot_available() -> bool {
    let found = Command::new("dot").arg("-V").output().is_ok();
    if !found && std::env::var_os("ROPA_REQUIRE_DOT").is_some() {
        panic!("Graphviz is required (ROPA_REQUIRE_DOT is set) but `dot` is not on PATH");
    }
    if !found {
        eprintln!("skipped the Graphviz check: `dot` is not installed (apt-get install graphviz)");
    }
    found
}

#[test]
fn mermaid_and_dot_parse() {
    let hostile = common::load_files(&[(
        "activities/x.toml",
        b"name = \"Quotes \\\" and <b>tags</b> | pipes # hash \\\\ backslash\"\ndata_subjects = [\"A \\\"b\\\"\"]\n",
    )]);
    let mut registers: Vec<Register> = common::EXAMPLES
        .iter()
        .map(|n| register_at(&common::example(n)))
        .collect();
    registers.push(hostile.register);
    let dot = dot_available();
    for register in &registers {
        for by in [By::Flow, By::Processor, By::Country] {
            let graph = map::build(register, &all(register), by);
            let mermaid = map::text::mermaid(&graph);
            check_mermaid(&mermaid).unwrap_or_else(|e| panic!("{e}\n{mermaid}"));
            if dot {
                let text = map::text::dot(&graph, "Data-flow map");
                let dir = tempfile::tempdir().unwrap();
                let file = dir.path().join("map.dot");
                std::fs::write(&file, &text).unwrap();
                let out = Command::new("dot")
                    .arg("-Tsvg")
                    .arg(&file)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}\n{text}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }
}

#[test]
fn the_readme_map_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let register = register_at(&common::example("customer-services-council"));
    let graph = map::build(&register, &all(&register), By::Flow);
    let svg = map::svg_file(&graph, "Data-flow map: registers/customer-services-council");
    let committed = root.join("docs/map-customer-services-council.svg");
    if std::env::var_os("ROPA_REGENERATE").is_some() {
        std::fs::create_dir_all(committed.parent().unwrap()).unwrap();
        std::fs::write(&committed, &svg).unwrap();
    }
    let on_disk = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        on_disk == svg,
        "docs/map-customer-services-council.svg is out of date: run ROPA_REGENERATE=1 cargo test --test map"
    );
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("](docs/map-customer-services-council.svg)"));
}

/// The command writes the drawing and the page in the pieces they are made in: the files are
/// the drawing and the page made whole, byte for byte, with more flows and boxes than one
/// piece holds.
#[test]
fn the_map_command_writes_the_drawing_and_the_page_made_whole() {
    let generated = tempfile::tempdir().unwrap();
    support::generate(generated.path(), 700);
    let register = register_at(generated.path());
    let graph = map::build(&register, &all(&register), By::Flow);
    let controller = &register.config.as_ref().unwrap().value.controller.name;
    let title = format!("Data-flow map: {controller}");
    let out = tempfile::tempdir().unwrap();
    for (format, whole) in [
        ("svg", map::svg_file(&graph, &title)),
        ("html", map::page::render(&graph, &layout(&graph), &title)),
    ] {
        let file = out.path().join(format!("map.{format}"));
        let status = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .arg("map")
            .arg(generated.path())
            .args(["--format", format, "-q", "-o"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let written = std::fs::read_to_string(&file).unwrap();
        assert!(
            written == whole,
            "{format}: the file is not the map made whole"
        );
    }
}
