//! `ropa import FILE`: read a spreadsheet ROPA into a new register, say what became of every
//! cell, and end with the imported register's lint counts and the command to see them.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Exit};
use crate::cli::ImportArgs;
use crate::diag::Counts;
use crate::fs_util::write_file;
use crate::import::report::Report;
use crate::import::{ImportOptions, Plan, commit, plan};
use crate::lint::{LintOptions, Overrides, lint, system_today};
use crate::load::load;
use crate::source::{DirSource, MemorySource, RegisterSource};

/// How many kept cells the terminal lists before pointing to `--report`.
const SHOWN: usize = 20;

pub fn run(ctx: &Context, args: &ImportArgs) -> Exit {
    let file = ctx.resolve(Some(&args.file));
    let into = ctx.resolve(Some(
        &args
            .into
            .clone()
            .unwrap_or_else(|| default_folder(&args.file)),
    ));
    let options = ImportOptions {
        file,
        into: into.clone(),
        sheet: args.sheet.clone(),
        force: args.force,
    };
    let plan = match plan(&options) {
        Ok(plan) => plan,
        Err(e) => return ctx.fail(&e),
    };
    if let Some(path) = &args.report {
        let path = ctx.resolve(Some(path));
        if let Err(e) = write_file(&path, plan.report.to_json().as_bytes(), args.force) {
            return ctx.fail(&e);
        }
    }
    let today = args.today.unwrap_or_else(system_today);
    // Lint what was imported from memory, so 10,000 new files are not read back from disk;
    // when adding to an existing register, its files are linted with them.
    let adding = into.read_dir().is_ok_and(|mut d| d.next().is_some());
    if !args.dry_run
        && let Err(e) = commit(&plan, &into)
    {
        return ctx.fail(&e);
    }
    let counts = if adding && !args.dry_run {
        lint_counts(&DirSource::new(into.clone()), today)
    } else {
        let mut files: Vec<(String, Vec<u8>)> = plan
            .files
            .iter()
            .map(|(path, text)| (path.clone(), text.clone().into_bytes()))
            .collect();
        if adding {
            files.extend(existing_register_files(&into));
        }
        let source = MemorySource {
            root: into.display().to_string(),
            files,
        };
        lint_counts(&source, today)
    };
    if !ctx.quiet {
        let _ = write!(
            ctx.stdout(),
            "{}",
            summary(&plan, &into, args.dry_run, args.report.as_deref(), counts)
        );
    }
    Exit::Clean
}

/// `ropa.xlsx` → `ropa`, beside where ropa runs.
fn default_folder(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| crate::model::suggest_id_segment(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "register".to_string());
    PathBuf::from(stem)
}

/// The lint counts of a register, or `None` when it does not load.
fn lint_counts(source: &dyn RegisterSource, today: crate::model::Date) -> Option<Counts> {
    let loaded = load(source).ok()?;
    let options = LintOptions {
        today,
        cli: Overrides::default(),
    };
    let report = lint(&loaded.register, &options);
    let mut all = loaded.problems.clone();
    all.extend(report.diagnostics);
    Some(Counts::of(&all))
}

/// The register files already in `dir`, for a dry run that adds to them.
fn existing_register_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = DirSource::new(dir.to_path_buf()).entries() else {
        return Vec::new();
    };
    use rayon::prelude::*;
    entries
        .into_par_iter()
        .filter_map(|e| match e.into_bytes() {
            (path, Ok(bytes)) => Some((path, bytes)),
            (_, Err(_)) => None,
        })
        .collect()
}

fn summary(
    plan: &Plan,
    into: &Path,
    dry_run: bool,
    report_path: Option<&Path>,
    counts: Option<Counts>,
) -> String {
    let report: &Report = &plan.report;
    let mut out = String::new();
    out.push_str(&format!("Read {}:\n", report.file));
    for sheet in &report.sheets {
        match sheet.heading_row {
            Some(row) => out.push_str(&format!(
                "  sheet `{}`: {} (headings on row {row})\n",
                sheet.name, sheet.read_as
            )),
            None => out.push_str(&format!("  sheet `{}`: {}\n", sheet.name, sheet.read_as)),
        }
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let verb = if dry_run { "Would import" } else { "Imported" };
    out.push_str(&format!(
        "{verb} {} and {} into {} ({}).\n",
        plural(report.activities, "activity", "activities"),
        plural(report.processors, "processor", "processors"),
        into.display(),
        plural(report.files.len(), "file", "files")
    ));
    let c = report.counts;
    out.push_str(&format!(
        "Cells: {} mapped to fields, {} kept word for word, {} skipped (headings, N/A, and values ropa works out itself).\n",
        c.mapped, c.kept, c.skipped
    ));
    let kept: Vec<_> = report.kept_cells().collect();
    if !kept.is_empty() {
        out.push_str("\nKept word for word, to check (ropa lint shows the gaps they leave):\n");
        for cell in kept.iter().take(SHOWN) {
            let heading = cell
                .heading
                .as_deref()
                .map(|h| format!(" ({})", one_line(h, 50)))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {}!{}{heading}: {}\n",
                cell.sheet,
                cell.cell,
                cell.note.as_deref().unwrap_or("")
            ));
        }
        if kept.len() > SHOWN {
            let more = kept.len() - SHOWN;
            match report_path {
                Some(path) => out.push_str(&format!(
                    "  … and {more} more, listed in {}\n",
                    path.display()
                )),
                None => out.push_str(&format!(
                    "  … and {more} more: add --report FILE to list every cell\n"
                )),
            }
        }
    }
    if let Some(path) = report_path {
        out.push_str(&format!(
            "The report of every cell is in {}.\n",
            path.display()
        ));
    }
    out.push('\n');
    match counts {
        Some(counts) => out.push_str(&format!(
            "The imported register has {} and {}.\n",
            plural(counts.errors, "error", "errors"),
            plural(counts.warnings, "warning", "warnings")
        )),
        None => out.push_str("The imported register could not be loaded to lint it.\n"),
    }
    if dry_run {
        out.push_str(&format!(
            "Nothing was written (--dry-run). To import: ropa import {} --into {}\n",
            report.file,
            into.display()
        ));
    } else {
        out.push_str(&format!(
            "Next: ropa lint {}    (see each finding and how to fix it)\n",
            into.display()
        ));
    }
    out
}

fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
