//! Import performance on generated workbooks.
//!
//! `cargo bench --bench import` generates a register of 10,000 activities (sizes can be given
//! as arguments), exports it as an XLSX workbook and as CSV, and reports the median wall time
//! of importing each: reading and mapping every cell (`plan`), and that plus writing the
//! register's files into place (`plan+write`).

mod support;

use ropa::export::{Format, Request, Selection, Sheet, csv::CsvOptions, render};
use ropa::import::{ImportOptions, commit, plan};
use ropa::load::load;
use ropa::source::DirSource;
use support::{RUNS, generate, median, ms, ratio, sizes};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    println!(
        "ropa import benchmark: median of {RUNS} runs, {} threads",
        rayon::current_num_threads()
    );
    for n in sizes(&[10_000]) {
        let dir = tempfile::tempdir().unwrap();
        let register_dir = dir.path().join("register");
        std::fs::create_dir_all(&register_dir).unwrap();
        generate(&register_dir, n);
        let register = load(&DirSource::new(&register_dir)).unwrap().register;
        for (name, format) in [("xlsx", Format::Xlsx), ("csv", Format::Csv)] {
            let request = Request {
                format,
                selection: Selection::default(),
                sheet: Sheet::Record,
                csv: CsvOptions::default(),
                findings: None,
                source_date_epoch: None,
            };
            let file = dir.path().join(format!("ropa.{name}"));
            std::fs::write(&file, render(&register, &request).unwrap().into_bytes()).unwrap();
            let mut runs = 0;
            let options = |runs: usize| ImportOptions {
                file: file.clone(),
                into: dir.path().join(format!("imported-{name}-{runs}")),
                sheet: None,
                force: false,
            };
            let planned = median(|| {
                let result = plan(&options(0)).unwrap();
                assert_eq!(result.report.activities, n);
            });
            let written = median(|| {
                runs += 1;
                let options = options(runs);
                let result = plan(&options).unwrap();
                commit(&result, &options.into).unwrap();
            });
            println!(
                "{n:>6} rows from {name:<4}: plan {:>7.1} ms | plan+write {:>7.1} ms ({:.2}x plan)",
                ms(planned),
                ms(written),
                ratio(written, planned),
            );
        }
    }
}
