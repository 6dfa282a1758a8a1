//! Helpers shared by the integration tests.
#![allow(dead_code)]

use ropa::diag::render_concise;
use ropa::load::{LoadReport, load};
use ropa::source::MemorySource;

pub const ROPA_TOML: &str = "[controller]\nname = \"Test Council\"\npublic_authority = true\n";

/// Loads a register held in memory; `ropa.toml` is added when not given.
pub fn load_files(files: &[(&str, &[u8])]) -> LoadReport {
    let mut all: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
    if !all.iter().any(|(p, _)| p == "ropa.toml") {
        all.push(("ropa.toml".into(), ROPA_TOML.as_bytes().to_vec()));
    }
    load(&MemorySource {
        root: "reg".into(),
        files: all,
    })
    .expect("the register loads")
}

/// The problems of a register as concise lines.
pub fn problems(files: &[(&str, &[u8])]) -> String {
    let report = load_files(files);
    render_concise(&report.problems, &report.register.files)
}

/// The folder of an example register shipped in `registers/`.
pub fn example(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("registers")
        .join(name)
}

pub const EXAMPLES: [&str; 4] = [
    "bolsover",
    "customer-services-council",
    "harborough",
    "oadby-wigston",
];

/// Runs the `ropa` binary in `dir` with colour off.
pub fn ropa(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}
