//! What the targets share: a register in memory around one fuzzed file.
#![allow(dead_code)]

use ropa::lint::{LintOptions, Overrides, lint};
use ropa::load::load;
use ropa::model::Date;
use ropa::source::MemorySource;

pub const ROPA_TOML: &[u8] =
    b"[controller]\nname = \"Fuzz Council\"\nemail = \"dpo@example.gov.uk\"\npublic_authority = true\n";

/// Loads a register of `files` (ropa.toml added unless given) and, when it loads, lints it and
/// writes every export, the notice and the map: none of them may panic on what the loader
/// accepted.
pub fn load_and_use(mut files: Vec<(String, Vec<u8>)>) {
    if !files.iter().any(|(p, _)| p == "ropa.toml") {
        files.push(("ropa.toml".into(), ROPA_TOML.to_vec()));
    }
    let Ok(report) = load(&MemorySource {
        root: "fuzz".into(),
        files,
    }) else {
        return;
    };
    let register = &report.register;
    let options = LintOptions {
        today: Date::parse("2026-12-01").expect("a real date"),
        cli: Overrides::default(),
    };
    let _ = lint(register, &options);
    let all: Vec<_> = register.activities.iter().collect();
    let graph = ropa::map::build(register, &all, ropa::map::By::Flow);
    let _ = ropa::map::svg_file(&graph, "map");
    if let Some(config) = register.config.as_ref() {
        let covered: Vec<_> = all
            .iter()
            .copied()
            .filter(|a| ropa::notice::has_notice(&a.value))
            .collect();
        let notice = ropa::notice::build(register, config, &covered);
        let _ = ropa::notice::markdown::render(&notice);
    }
    let selection = ropa::export::Selection::default();
    let _ = ropa::export::html::write_html(register, &selection);
}
