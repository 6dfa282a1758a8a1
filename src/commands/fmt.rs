//! `ropa fmt [--check] [DIR]`: write every register file in the canonical layout, or show as a
//! diff what that would change.

use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use super::{Context, Exit};
use crate::cli::FmtArgs;
use crate::diag::render_human;
use crate::fmt::{Change, FormatReport, format_register, kind_of};
use crate::fs_util::{remove_abandoned_temp_files, replace_files};
use crate::schema::FileKind;
use crate::source::DirSource;

pub fn run(ctx: &Context, args: &FmtArgs) -> Exit {
    let root = match ctx.register_root(args.register.dir.as_deref()) {
        Ok(root) => root,
        Err(e) => return ctx.fail(&e),
    };
    let report = match format_register(&DirSource::new(&root)) {
        Ok(report) => report,
        Err(e) => return ctx.fail(&e),
    };
    info_read(ctx, &report);
    if !report.problems.is_empty() {
        let _ = write!(
            ctx.stderr(),
            "{}",
            render_human(&report.problems, &report.files, ctx.stderr_coloured())
        );
    }
    let unchanged = report.files.len() - report.changes.len() - report.problems.len();
    let mut exit = if args.check {
        check(ctx, args, &report, unchanged)
    } else {
        write(ctx, &root, &report, unchanged)
    };
    if !report.problems.is_empty() {
        let _ = writeln!(
            ctx.stderr(),
            "\x1b[1;31merror\x1b[0m: {} could not be formatted and {} left unchanged",
            files(report.problems.len()),
            if report.problems.len() == 1 {
                "was"
            } else {
                "were"
            }
        );
        exit = Exit::Failure;
    }
    exit
}

/// With `--verbose`, how many files were read, as the commands that load a register say it.
fn info_read(ctx: &Context, report: &FormatReport) {
    let count = |kind| {
        (0..report.files.len())
            .filter(|&i| kind_of(report.files.path(i)) == kind)
            .count()
    };
    let (activities, processors) = (count(FileKind::Activity), count(FileKind::Processor));
    ctx.info(format_args!(
        "read {} files: {activities} activit{}, {processors} processor{}",
        report.files.len(),
        if activities == 1 { "y" } else { "ies" },
        if processors == 1 { "" } else { "s" }
    ));
}

/// `--check`: a unified diff per file that would change.
fn check(ctx: &Context, args: &FmtArgs, report: &FormatReport, unchanged: usize) -> Exit {
    // Each diff is made on its own core, and all are written at once.
    let diffs: Vec<String> = report
        .changes
        .par_iter()
        .map(|change| coloured(&diff(report, change)))
        .collect();
    if let Err(e) = ctx.write_stdout(diffs.concat().as_bytes(), true) {
        return ctx.fail(&e);
    }
    let mut out = ctx.stdout();
    if report.changes.is_empty() {
        if !ctx.quiet {
            let _ = writeln!(out, "{} already formatted", files(unchanged));
        }
        return Exit::Clean;
    }
    if ctx.quiet {
        return Exit::Problems;
    }
    let command = match &args.register.dir {
        Some(dir) => format!("ropa fmt {}", dir.display()),
        None => "ropa fmt".to_string(),
    };
    let _ = writeln!(
        out,
        "{} would be reformatted, {} already formatted; run `{command}` to format them",
        files(report.changes.len()),
        unchanged
    );
    Exit::Problems
}

/// The diff of one file. Line endings are compared apart: a change of them is one note line
/// under the header, not every line removed and added again.
fn diff(report: &FormatReport, change: &Change) -> String {
    let path = report.files.shown_path(change.file);
    let original = report.files.text(change.file);
    let header = format!("--- {path}\n+++ {path} (formatted)\n");
    let (before, after) = (
        original.replace("\r\n", "\n"),
        change.formatted.replace("\r\n", "\n"),
    );
    let diff = similar::TextDiff::from_lines(&before, &after)
        .unified_diff()
        .context_radius(3)
        .header(&path, &format!("{path} (formatted)"))
        .to_string();
    let hunks = diff.strip_prefix(&header).unwrap_or(&diff);
    let note = match (line_endings(original), line_endings(&change.formatted)) {
        (Some(from), Some(to)) if from != to => format!("(line endings: {from} → {to})\n"),
        _ => String::new(),
    };
    format!("{header}{note}{hunks}")
}

/// How a text ends its lines, when it has more than one line.
fn line_endings(text: &str) -> Option<&'static str> {
    let lines = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    match (lines, crlf) {
        (0, _) => None,
        (_, 0) => Some("LF"),
        (n, c) if n == c => Some("CRLF"),
        _ => Some("mixed"),
    }
}

/// Removed lines red, added lines green (plain text when colour is off).
fn coloured(diff: &str) -> String {
    diff.split_inclusive('\n')
        .map(|line| {
            let style = if line.starts_with("---") || line.starts_with("+++") {
                "\x1b[1m"
            } else if line.starts_with("@@") {
                "\x1b[36m"
            } else if line.starts_with('-') {
                "\x1b[31m"
            } else if line.starts_with('+') {
                "\x1b[32m"
            } else {
                return line.to_string();
            };
            let (text, newline) = match line.strip_suffix('\n') {
                Some(text) => (text, "\n"),
                None => (line, ""),
            };
            format!("{style}{text}\x1b[0m{newline}")
        })
        .collect()
}

/// Writes every changed file (atomically, in parallel) and names each.
fn write(ctx: &Context, root: &Path, report: &FormatReport, unchanged: usize) -> Exit {
    let abandoned = remove_abandoned_temp_files(root);
    if !abandoned.is_empty() && !ctx.quiet {
        let _ = writeln!(
            ctx.stderr(),
            "\x1b[1;36mnote\x1b[0m: removed {} left by an interrupted ropa command",
            match abandoned.len() {
                1 => "a temporary file".to_string(),
                n => format!("{n} temporary files"),
            }
        );
    }
    let targets: Vec<(std::path::PathBuf, Vec<u8>)> = report
        .changes
        .par_iter()
        .map(|change| {
            let path = root.join(report.files.path(change.file));
            // Through a symbolic link to the file it names, so the link stays a link.
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            (path, change.bytes())
        })
        .collect();
    let written = replace_files(&targets);
    let mut out = ctx.stdout();
    let (mut formatted, mut failed) = (0, 0);
    for (change, result) in report.changes.iter().zip(written) {
        match result {
            Ok(()) => {
                formatted += 1;
                let _ = writeln!(out, "Formatted {}", report.files.shown_path(change.file));
            }
            Err(e) => {
                failed += 1;
                ctx.fail(&e);
            }
        }
    }
    if !ctx.quiet {
        if formatted == 0 && failed == 0 && report.problems.is_empty() {
            let _ = writeln!(out, "Nothing to do: {} already formatted", files(unchanged));
        } else {
            let _ = writeln!(
                out,
                "{} formatted, {unchanged} already formatted",
                files(formatted)
            );
        }
    }
    if failed == 0 {
        return Exit::Clean;
    }
    let _ = writeln!(
        ctx.stderr(),
        "\x1b[1;31merror\x1b[0m: {} could not be written and {} left as {}",
        files(failed),
        if failed == 1 { "was" } else { "were" },
        if failed == 1 { "it was" } else { "they were" }
    );
    Exit::Failure
}

fn files(n: usize) -> String {
    format!("{n} file{}", if n == 1 { "" } else { "s" })
}
