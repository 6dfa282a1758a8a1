//! Every command, run whole, on generated registers: the performance table in the README.
//!
//!   cargo bench --bench commands                   # N = 1,000, 10,000 and 50,000
//!   cargo bench --bench commands -- 1000 10000     # other sizes
//!   ROPA_BENCH_RUNS=3 ROPA_BENCH_ONLY=lint,check cargo bench --bench commands -- 10000
//!
//! For each size it generates a register (`examples/synth.rs`), then runs the release `ropa`
//! binary once to warm the caches and `ROPA_BENCH_RUNS` times (5 by default) per command,
//! measuring each run as a child process: wall time, CPU time (user + system) and peak resident
//! memory, from `wait4`. The floor is a child process that only reads every file and parses its
//! TOML on all cores: what any tool must pay. With 10,000 in the sizes, the commands are also
//! run on 10,000 activities with 5,000 processors instead of 200, to show the cost does not
//! depend on the number of processors. Where there is a tmpfs at `/dev/shm`, `fmt` rewriting
//! every file is run there too, so ropa's own cost shows apart from the disk's. `fmt` and
//! `import` write each run in a folder of their own, and nothing is deleted until the end:
//! files made where many were just deleted cost far more on some file systems.
//!
//! Each run of a command follows a run of the floor, and the command's ratio to the floor is
//! the median of the two runs' ratios, pair by pair: the machine's speed drifts by 20-30% from
//! one minute to the next, which ratios of medians taken minutes apart do not cancel.
//!
//! It prints medians: each command's time, its ratio to the floor, its growth from 10,000 to the
//! largest size against the floor's own growth (the ratio to the floor at the largest size over
//! the ratio at 10,000; 1.00 is as linear as reading the files), CPU/wall, peak memory, and the
//! ratio to the floor with 5,000 processors over the ratio with 200 (the synthetic processor
//! files are larger, so there is more to read, and the floor reads it too).

#[path = "support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROPA: &str = env!("CARGO_BIN_EXE_ropa");
const TODAY: &str = "2026-11-23";

/// One measured run of a child process.
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    peak_mib: f64,
}

/// The medians of several runs, each figure taken separately.
#[derive(Debug, Clone, Copy)]
struct Figures {
    wall: Duration,
    /// The median of each run's time divided by the time of the floor run just before it;
    /// `None` for the floor itself.
    per_floor: Option<f64>,
    cpu_per_wall: f64,
    peak_mib: f64,
}

/// Runs `command` to completion, measuring it with `wait4`; panics with its stderr if it exits
/// with a code other than those `ok` allows.
fn measure(mut command: Command, ok: &[i32], what: &str) -> Sample {
    let err_path = std::env::temp_dir().join(format!("ropa-bench-{}.stderr", std::process::id()));
    let err_file = std::fs::File::create(&err_path).unwrap();
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err_file);
    let start = Instant::now();
    // Reaped by wait4 below, which also gives the child's CPU time and peak memory.
    #[allow(clippy::zombie_processes)]
    let child = command.spawn().unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet waited for; both pointers are valid.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(pid, child.id() as i32, "wait4 failed for {what}");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    if !ok.contains(&code) {
        let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
        panic!(
            "{what} exited {code}:\n{}",
            &stderr[..stderr.len().min(4000)]
        );
    }
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Sample {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

fn median_of(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn runs() -> usize {
    std::env::var("ROPA_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
}

/// A command to time: its name in the table, how to build it, what to do before each run
/// (not timed), and the exit codes that mean it worked.
struct Case {
    name: &'static str,
    ok: &'static [i32],
    setup: Option<Setup>,
    command: Box<dyn Fn(&Paths) -> Command>,
}

type Setup = Box<dyn Fn(&Paths)>;

/// Where one size's files are.
struct Paths {
    register: PathBuf,
    /// The same register with every file's layout disturbed, copied for each `fmt` run.
    messy: PathBuf,
    /// The folder of `fmt`'s fresh copies of `messy`, one per run (see [`Paths::next_run`]).
    fmt_copies: PathBuf,
    /// The same in memory (tmpfs), where there is one: `fmt` without the disk's cost of
    /// creating files, which on some file systems is most of its time.
    fmt_copy_in_memory: Option<PathBuf>,
    /// The register exported as a workbook, for `import`.
    workbook: PathBuf,
    /// The folder of `import`'s new registers, one per run.
    imports: PathBuf,
    out: PathBuf,
    /// The run under way, naming the folder `fmt` and `import` write in.
    run: std::cell::Cell<usize>,
}

impl Paths {
    /// Starts a run that writes files in a folder of its own. Nothing written on disk is
    /// removed until the whole benchmark is done: on a file system without a journal (ext4
    /// here), Linux passes over the inode numbers of files deleted in the last few minutes
    /// when it makes a file, so making 10,000 files where 10,000 were just deleted took
    /// 4.5-5.8 s for `fmt` (and 7.5 s for `cp -R`), against 1.5-2.3 s in a folder with no
    /// recent deletions. That cost is the benchmark's own clean-up, not `fmt`'s.
    fn next_run(&self) {
        self.run.set(self.run.get() + 1);
    }

    fn fmt_copy(&self) -> PathBuf {
        self.fmt_copies.join(self.run.get().to_string())
    }

    fn import_into(&self) -> PathBuf {
        self.imports.join(self.run.get().to_string())
    }
}

fn ropa(paths: &Paths, args: &[&str]) -> Command {
    let mut c = Command::new(ROPA);
    c.arg("--color=never").args(args).arg(&paths.register);
    c
}

fn export(paths: &Paths, format: &str) -> Command {
    let mut c = Command::new(ROPA);
    c.args(["export", format, "-q", "--force", "-o"])
        .arg(paths.out.join(format!("register.{format}")))
        .arg(&paths.register);
    c
}

fn cases() -> Vec<Case> {
    let plain = |name: &'static str, ok: &'static [i32], args: &'static [&'static str]| Case {
        name,
        ok,
        setup: None,
        command: Box::new(move |p| ropa(p, args)),
    };
    let exporting = |name: &'static str, format: &'static str| Case {
        name,
        ok: &[0],
        setup: None,
        command: Box::new(move |p| export(p, format)),
    };
    vec![
        Case {
            name: FLOOR,
            ok: &[0],
            setup: None,
            command: Box::new(|p| {
                let mut c = Command::new(std::env::current_exe().unwrap());
                c.arg("--floor").arg(&p.register);
                c
            }),
        },
        Case {
            name: "start-up (--version)",
            ok: &[0],
            setup: None,
            command: Box::new(|_| {
                let mut c = Command::new(ROPA);
                c.arg("--version");
                c
            }),
        },
        plain("check", &[0, 1], &["check", "-q"]),
        plain("lint", &[0, 1], &["lint", "-q", "--today", TODAY]),
        plain(
            "summary --format json",
            &[0],
            &["summary", "--format", "json", "--today", TODAY],
        ),
        plain("list", &[0], &["list"]),
        exporting("export xlsx", "xlsx"),
        exporting("export csv", "csv"),
        exporting("export json", "json"),
        exporting("export html", "html"),
        Case {
            name: "map",
            ok: &[0],
            setup: None,
            command: Box::new(|p| {
                let mut c = Command::new(ROPA);
                c.args(["map", "-q", "--force", "-o"])
                    .arg(p.out.join("map.svg"))
                    .arg(&p.register);
                c
            }),
        },
        Case {
            name: "notice",
            ok: &[0],
            setup: None,
            command: Box::new(|p| {
                let mut c = Command::new(ROPA);
                c.args(["notice", "-q", "--force", "--format", "html", "-o"])
                    .arg(p.out.join("notice.html"))
                    .arg(&p.register);
                c
            }),
        },
        plain("fmt --check (formatted)", &[0], &["fmt", "--check", "-q"]),
        Case {
            name: "fmt (rewrites every file)",
            ok: &[0],
            setup: Some(Box::new(|p| {
                p.next_run();
                std::fs::create_dir_all(&p.fmt_copies).unwrap();
                copy_tree(&p.messy, &p.fmt_copy());
            })),
            command: Box::new(|p| {
                let mut c = Command::new(ROPA);
                c.args(["fmt", "-q"]).arg(p.fmt_copy());
                c
            }),
        },
        Case {
            name: FMT_IN_MEMORY,
            ok: &[0],
            setup: Some(Box::new(|p| {
                if let Some(copy) = &p.fmt_copy_in_memory {
                    let _ = std::fs::remove_dir_all(copy);
                    copy_tree(&p.messy, copy);
                }
            })),
            command: Box::new(|p| {
                let mut c = Command::new(ROPA);
                c.args(["fmt", "-q"])
                    .arg(p.fmt_copy_in_memory.as_ref().unwrap());
                c
            }),
        },
        Case {
            name: "import xlsx",
            ok: &[0],
            setup: Some(Box::new(|p| p.next_run())),
            command: Box::new(|p| {
                let mut c = Command::new(ROPA);
                c.args(["import", "-q", "--today", TODAY])
                    .arg(&p.workbook)
                    .arg("--into")
                    .arg(p.import_into());
                c
            }),
        },
        Case {
            name: "diff HEAD (1% changed)",
            ok: &[0],
            setup: None,
            command: Box::new(|p| {
                let mut c = Command::new(ROPA);
                c.args(["--color=never", "diff", "HEAD", "--today", TODAY])
                    .arg(&p.register);
                c
            }),
        },
    ]
}

fn copy_tree(from: &Path, to: &Path) {
    let ok = Command::new("cp")
        .arg("-R")
        .arg(from)
        .arg(to)
        .status()
        .unwrap()
        .success();
    assert!(ok, "cp -R {} {}", from.display(), to.display());
}

fn activity_files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root.join("activities"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// The floor's name in the table: every other command is measured against it.
const FLOOR: &str = "floor (read + parse)";

/// The `fmt` case run in memory, only where there is a tmpfs at `/dev/shm`.
const FMT_IN_MEMORY: &str = "fmt (same, files in memory)";

/// Generates the register and everything the cases need beside it; `in_memory` is a folder
/// on a tmpfs, if there is one.
fn prepare(scratch: &Path, in_memory: Option<&Path>, synth: support::Synth) -> Paths {
    let paths = Paths {
        register: scratch.join("register"),
        messy: scratch.join("messy"),
        fmt_copies: scratch.join("fmt-copies"),
        fmt_copy_in_memory: in_memory.map(|dir| dir.join("fmt-copy")),
        workbook: scratch.join("register.xlsx"),
        imports: scratch.join("imported"),
        out: scratch.join("out"),
        run: std::cell::Cell::new(0),
    };
    std::fs::create_dir_all(&paths.imports).unwrap();
    for dir in [&paths.register, &paths.out] {
        std::fs::create_dir_all(dir).unwrap();
    }
    support::generate_with(&paths.register, synth);

    // The messy copy: two-space indentation and an extra blank line, which fmt undoes.
    copy_tree(&paths.register, &paths.messy);
    activity_files(&paths.messy).par_iter().for_each(|file| {
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(
            file,
            text.replace("\n    \"", "\n  \"").replace("\n[", "\n\n["),
        )
        .unwrap();
    });

    let mut c = Command::new(ROPA);
    c.args(["export", "xlsx", "-q", "-o"])
        .arg(&paths.workbook)
        .arg(&paths.register);
    measure(c, &[0], "export for import");

    // A git history whose working tree changes one activity in a hundred, for `diff`.
    support::git(&paths.register, &["init", "-q"]);
    support::git(&paths.register, &["add", "-A"]);
    support::git(&paths.register, &["commit", "-qm", "generated"]);
    support::git(&paths.register, &["repack", "-adq"]);
    for file in activity_files(&paths.register).iter().step_by(100) {
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(
            file,
            text.replacen("name = \"Activity", "name = \"Changed activity", 1),
        )
        .unwrap();
    }
    paths
}

/// Runs `case` once to warm up and then [`runs`] times. With a `floor`, the floor runs just
/// before each run of the case, and each run's time is divided by its floor's: the machine's
/// speed drifts by 20-30% from one minute to the next, and a ratio taken seconds apart
/// cancels most of that drift where medians taken minutes apart do not.
fn run_case(case: &Case, paths: &Paths, floor: Option<&Case>) -> Figures {
    let pairs: Vec<(Sample, Option<Sample>)> = (0..=runs())
        .map(|_| {
            if let Some(setup) = &case.setup {
                setup(paths);
            }
            let floor_sample = floor.map(|f| measure((f.command)(paths), f.ok, f.name));
            let sample = measure((case.command)(paths), case.ok, case.name);
            (sample, floor_sample)
        })
        .skip(1) // the warm-up run
        .collect();
    let samples = || pairs.iter().map(|(s, _)| s);
    let wall = median_of(samples().map(|s| s.wall.as_secs_f64()).collect());
    let per_floor: Vec<f64> = pairs
        .iter()
        .filter_map(|(s, f)| f.map(|f| s.wall.as_secs_f64() / f.wall.as_secs_f64()))
        .collect();
    Figures {
        wall: Duration::from_secs_f64(wall),
        per_floor: (!per_floor.is_empty()).then(|| median_of(per_floor)),
        cpu_per_wall: median_of(
            samples()
                .map(|s| s.cpu.as_secs_f64() / s.wall.as_secs_f64())
                .collect(),
        ),
        peak_mib: median_of(samples().map(|s| s.peak_mib).collect()),
    }
}

/// Runs every case on one size. Its scratch folder goes into `kept`, to be removed only
/// once every size has run (see [`Paths::next_run`]).
fn run_all(
    synth: support::Synth,
    only: &Option<Vec<String>>,
    kept: &mut Vec<tempfile::TempDir>,
) -> BTreeMap<&'static str, Figures> {
    let scratch = tempfile::tempdir().unwrap();
    let in_memory = tempfile::tempdir_in("/dev/shm").ok();
    let paths = prepare(scratch.path(), in_memory.as_ref().map(|d| d.path()), synth);
    let mut results = BTreeMap::new();
    let all = cases();
    let floor_case = all.iter().find(|c| c.name == FLOOR);
    for case in &all {
        let wanted = only.as_ref().is_none_or(|o| {
            case.name == FLOOR || o.iter().any(|w| case.name.starts_with(w.as_str()))
        });
        let possible = case.name != FMT_IN_MEMORY || paths.fmt_copy_in_memory.is_some();
        if !wanted || !possible {
            continue;
        }
        let floor = floor_case.filter(|f| f.name != case.name);
        let figures = run_case(case, &paths, floor);
        eprintln!(
            "  {:>6} activities, {:>5} processors: {:<28} {:>9.1} ms  {:>5.2} × floor  {:>4.2} CPU/wall  {:>7.1} MiB",
            synth.activities,
            synth.processors,
            case.name,
            figures.wall.as_secs_f64() * 1000.0,
            figures.per_floor.unwrap_or(1.0),
            figures.cpu_per_wall,
            figures.peak_mib
        );
        results.insert(case.name, figures);
    }
    kept.push(scratch);
    results
}

/// The floor: read every `.toml` file under the folder and parse it, on all cores.
fn floor(dir: &Path) {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect();
    let keys: usize = files
        .par_iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            toml::de::DeTable::parse(&text).map_or(0, |t| t.get_ref().len())
        })
        .sum();
    assert!(keys > 0);
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 1.0 {
        format!("{:.0} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--floor") {
        floor(Path::new(&args[2]));
        return;
    }
    let sizes = support::sizes(&[1_000, 10_000, 50_000]);
    let only: Option<Vec<String>> = std::env::var("ROPA_BENCH_ONLY")
        .ok()
        .map(|o| o.split(',').map(str::to_string).collect());
    eprintln!(
        "ropa commands benchmark: median of {} runs after a warm-up, {} cores",
        runs(),
        rayon::current_num_threads()
    );
    let mut kept = Vec::new();
    let mut by_size: Vec<(usize, BTreeMap<&str, Figures>)> = Vec::new();
    for &n in &sizes {
        by_size.push((n, run_all(support::Synth::new(n), &only, &mut kept)));
    }
    let many_processors = sizes.contains(&10_000).then(|| {
        run_all(
            support::Synth {
                activities: 10_000,
                processors: 5_000,
            },
            &only,
            &mut kept,
        )
    });

    let middle = by_size
        .iter()
        .find(|(n, _)| *n == 10_000)
        .or(by_size.first());
    let largest = by_size
        .last()
        .filter(|(n, _)| Some(*n) != middle.map(|m| m.0));
    let mut head = vec!["command".to_string()];
    for (n, _) in &by_size {
        head.push(format!("{n}"));
    }
    if let Some((n, _)) = middle {
        head.push(format!("× floor at {n}"));
        head.push(format!("CPU/wall at {n}"));
    }
    for (n, _) in &by_size {
        head.push(format!("peak MiB at {n}"));
    }
    if let (Some((m, _)), Some((l, _))) = (middle, largest) {
        head.push(format!("growth {m}→{l}: × floor at {l} ÷ × floor at {m}"));
    }
    if many_processors.is_some() {
        head.push("5,000 processors: × floor with 5,000 ÷ × floor with 200".to_string());
    }
    println!();
    println!("| {} |", head.join(" | "));
    println!("|{}|", vec!["---"; head.len()].join("|"));
    for case in cases() {
        let Some(_) = by_size.first().and_then(|(_, r)| r.get(case.name)) else {
            continue;
        };
        let mut row = vec![format!("`{}`", case.name)];
        for (_, results) in &by_size {
            row.push(
                results
                    .get(case.name)
                    .map_or("–".into(), |f| seconds(f.wall)),
            );
        }
        if let Some((_, results)) = middle {
            let f = results[case.name];
            row.push(format!("{:.2}", f.per_floor.unwrap_or(1.0)));
            row.push(format!("{:.2}", f.cpu_per_wall));
        }
        for (_, results) in &by_size {
            row.push(format!("{:.0}", results[case.name].peak_mib));
        }
        // A command's ratio to the floor in `to` over its ratio in `from`; for the floor
        // itself, how its own time changed.
        let compared = |from: &BTreeMap<&str, Figures>, to: &BTreeMap<&str, Figures>| {
            let (a, b) = (&from[case.name], &to[case.name]);
            match (a.per_floor, b.per_floor) {
                (Some(a), Some(b)) => format!("{b:.2} ÷ {a:.2} = {:.2}", b / a),
                _ => format!(
                    "its time × {:.2}",
                    b.wall.as_secs_f64() / a.wall.as_secs_f64()
                ),
            }
        };
        if let (Some((_, m)), Some((_, l))) = (middle, largest) {
            row.push(compared(m, l));
        }
        if let (Some(many), Some((_, m))) = (&many_processors, middle) {
            row.push(compared(m, many));
        }
        println!("| {} |", row.join(" | "));
    }
}
