//! `ropa diff` performance on generated registers kept in git.
//!
//! `cargo bench --bench diff` generates registers of 10,000 and 50,000 activities
//! (`ROPA_BENCH_SIZES=2000,10000` to choose), commits each and packs the repository (as a
//! clone is), changes one activity in a hundred, and reports the median wall time of:
//!   read+parse  — reading every file of the working tree and parsing its TOML (the floor);
//!   git read    — reading every file of HEAD from git's objects (ls-tree + cat-file);
//!   diff        — the whole comparison: both sides loaded and linted, then compared.
//! The target is diff growing no faster than the floor from one size to the next.

mod support;

use rayon::prelude::*;
use ropa::diff::{Side, diff};
use ropa::git::Repo;
use ropa::lint::{LintOptions, Overrides, lint};
use ropa::load::load;
use ropa::model::Date;
use ropa::source::{DirSource, RegisterSource};

use support::{RUNS, generate, git, median, ms, ratio, sizes};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    println!("ropa diff benchmark: median of {RUNS} runs");
    for n in sizes(&[10_000, 50_000]) {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), n);
        git(dir.path(), &["init", "-q"]);
        git(dir.path(), &["add", "-A"]);
        git(dir.path(), &["commit", "-qm", "generated"]);
        git(dir.path(), &["repack", "-adq"]);
        // One activity in a hundred gets a new purpose.
        let files: Vec<_> = walkdir::WalkDir::new(dir.path().join("activities"))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        for file in files.iter().step_by(100) {
            let text = std::fs::read_to_string(file).unwrap();
            std::fs::write(
                file,
                text.replacen("purposes = [", "purposes = [\"Benchmarking\", ", 1),
            )
            .unwrap();
        }
        let source = DirSource::new(dir.path());
        let repo = Repo::find(dir.path()).unwrap();
        let head = repo.resolve("HEAD").unwrap();
        let options = LintOptions {
            today: Date::parse("2026-11-23").unwrap(),
            cli: Overrides::default(),
        };

        let floor = median(|| {
            let parsed: usize = source
                .entries()
                .unwrap()
                .into_par_iter()
                .filter_map(|e| e.into_bytes().1.ok())
                .map(|b| {
                    let text = String::from_utf8(b).unwrap();
                    toml::de::DeTable::parse(&text).map_or(0, |t| t.get_ref().len())
                })
                .sum();
            assert!(parsed > 0);
        });
        let git_read = median(|| {
            let source = repo.source_at(&head, "bench".into()).unwrap();
            assert!(source.entries().unwrap().len() > n);
        });
        let mut changed = 0;
        let whole = median(|| {
            let old = load(&repo.source_at(&head, "bench".into()).unwrap()).unwrap();
            let new = load(&source).unwrap();
            let old_findings = lint(&old.register, &options).diagnostics;
            let new_findings = lint(&new.register, &options).diagnostics;
            let changes = diff(
                &Side {
                    register: &old.register,
                    findings: &old_findings,
                },
                &Side {
                    register: &new.register,
                    findings: &new_findings,
                },
            );
            changed = changes.activities.len();
        });
        assert_eq!(changed, files.len().div_ceil(100));
        println!(
            "{n:>6} activities: read+parse {:>8.1} ms | git read {:>8.1} ms ({:.2}x) | diff {:>8.1} ms ({:.2}x), {changed} changed",
            ms(floor),
            ms(git_read),
            ratio(git_read, floor),
            ms(whole),
            ratio(whole, floor),
        );
    }
}
