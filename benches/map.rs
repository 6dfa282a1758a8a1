//! `ropa map` performance on generated registers.
//!
//! `cargo bench --bench map` generates registers of 1,000 and 10,000 activities (sizes can be
//! given: `cargo bench --bench map -- 50000`) and reports the median wall time of:
//!   load       — reading and checking the register (`ropa check`), the floor;
//!   map svg    — that plus building the flow graph, laying it out and writing the SVG;
//!   map html   — the same, written as the web page with its table of flows.
//! The target is a 10,000-activity map in under 2 s.

mod support;

use ropa::load::load;
use ropa::map::{self, By};
use ropa::source::DirSource;

use support::{RUNS, generate, median, ms, ratio, sizes};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    println!("ropa map benchmark: median of {RUNS} runs");
    for n in sizes(&[1_000, 10_000]) {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), n);
        let source = DirSource::new(dir.path());
        let load_only = median(|| {
            let report = load(&source).unwrap();
            assert!(report.problems.is_empty());
        });
        let mut bytes = 0;
        let svg = median(|| {
            let report = load(&source).unwrap();
            let register = &report.register;
            let chosen: Vec<_> = register.activities.iter().collect();
            let graph = map::build(register, &chosen, By::Flow);
            bytes = map::svg_file(&graph, "Data-flow map").len();
        });
        let html = median(|| {
            let report = load(&source).unwrap();
            let register = &report.register;
            let chosen: Vec<_> = register.activities.iter().collect();
            let graph = map::build(register, &chosen, By::Flow);
            let page = map::page::render(&graph, &map::layout(&graph), "Data-flow map");
            assert!(page.len() > bytes / 2);
        });
        println!(
            "{n:>6} activities: load {:>7.1} ms | map svg {:>7.1} ms ({:.2}x load, {:.1} MB) | map html {:>7.1} ms ({:.2}x load)",
            ms(load_only),
            ms(svg),
            ratio(svg, load_only),
            bytes as f64 / 1e6,
            ms(html),
            ratio(html, load_only),
        );
    }
}
