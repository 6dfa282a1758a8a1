//! Lint performance on generated registers.
//!
//! `cargo bench --bench lint` generates registers of 2,000 and 10,000 activities (with
//! processors, retention, transfers and lawful bases, so every rule has work to do) and reports
//! the median wall time of:
//!   read+parse — reading every file and parsing its TOML, the floor any tool pays;
//!   load       — that plus schema validation and the typed model (`ropa check`);
//!   load+lint  — that plus every rule (`ropa lint`).
//! The target is load+lint within about 2x read+parse, using both cores.

mod support;

use rayon::prelude::*;
use ropa::lint::{LintOptions, Overrides, lint};
use ropa::load::load;
use ropa::model::Date;
use ropa::source::{DirSource, RegisterSource};

use support::{RUNS, generate, median, ms, ratio, sizes};

// The same allocator as the `ropa` binary, so the numbers are the shipped program's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let sizes = sizes(&[2_000, 10_000]);
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
                .filter_map(|e| e.into_bytes().1.ok())
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
