//! Export performance on generated registers.
//!
//! `cargo bench --bench export` generates a register of 10,000 activities (sizes can be given as
//! arguments) and reports the median wall time of loading it, and of loading it and writing the
//! XLSX workbook, CSV and JSON, with the peak heap memory of each export and the file size.

mod support;

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

use ropa::export::{Format, Request, Selection, Sheet, csv::CsvOptions, render};
use ropa::load::load;
use ropa::source::DirSource;
use support::{RUNS, generate, median, ms, ratio, sizes};

/// mimalloc, as in the `ropa` binary, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if !ptr.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    println!(
        "ropa export benchmark: median of {RUNS} runs, {} threads",
        rayon::current_num_threads()
    );
    for n in sizes(&[10_000]) {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), n);
        let source = DirSource::new(dir.path());
        let load_time = median(|| {
            assert!(load(&source).unwrap().problems.is_empty());
        });
        println!("{n:>6} activities: load {:>7.1} ms", ms(load_time));
        let register = load(&source).unwrap().register;
        for (name, format) in [
            ("xlsx", Format::Xlsx),
            ("csv", Format::Csv),
            ("json", Format::Json),
        ] {
            let request = Request {
                format,
                selection: Selection::default(),
                sheet: Sheet::Record,
                csv: CsvOptions::default(),
                findings: None,
                source_date_epoch: None,
            };
            let mut size = 0;
            let total = median(|| {
                let register = load(&source).unwrap().register;
                let mut bytes = Vec::new();
                render(&register, &request)
                    .unwrap()
                    .write_to(&mut bytes)
                    .unwrap();
                size = bytes.len();
            });
            let before = IN_USE.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            render(&register, &request)
                .unwrap()
                .write_to(&mut std::io::sink())
                .unwrap();
            let peak = PEAK.load(Ordering::Relaxed) - before;
            println!(
                "        load+{name:<4} {:>7.1} ms ({:.2}x load) | export step {:>7.1} ms | peak heap during export {:>6.1} MiB | file {:>6.1} MiB",
                ms(total),
                ratio(total, load_time),
                ms(total.saturating_sub(load_time)),
                peak as f64 / 1048576.0,
                size as f64 / 1048576.0,
            );
        }
    }
}
