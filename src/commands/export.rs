//! `ropa export`: write the register as XLSX, CSV, JSON or HTML.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{Context, Exit};
use crate::cli::{ExportArgs, ExportFormat, ExportSheet};
use crate::diag::Diagnostic;
use crate::export::selection::check_functions;
use crate::export::{
    Format, Request, Selection, Sheet, csv::CsvOptions, render, written_by_ropa,
    written_by_ropa_as_anything,
};
use crate::lint::{LintOptions, Overrides, lint, system_today};
use crate::model::Register;
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &ExportArgs) -> Exit {
    match export(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn export(ctx: &Context, args: &ExportArgs) -> Result<Exit, FatalError> {
    let format = match args.format {
        ExportFormat::Xlsx => Format::Xlsx,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        ExportFormat::Html => Format::Html,
    };
    check_flags(args, format)?;
    let Some(output) = args.output.as_deref() else {
        return Err(missing_output(args.format));
    };
    let to_stdout = output == Path::new("-");
    if to_stdout && format == Format::Xlsx && std::io::stdout().is_terminal() {
        return Err(
            FatalError::new("a workbook cannot be shown in the terminal")
                .with_help("write it to a file with `-o ropa.xlsx`"),
        );
    }

    let root = ctx.register_root(args.register.dir.as_deref())?;
    let loaded = ctx.load_whole(&root, "exported")?;
    let register = &loaded.register;

    let selection = Selection::new(&args.functions, &args.activities)?;
    check_functions(register, &args.functions)?;
    let chosen = selection.activities(register);
    if chosen.is_empty() && !selection.is_everything() {
        return Err(nothing_selected(args));
    }
    let findings = if args.with_findings {
        Some(findings_for(register, &selection, args)?)
    } else {
        None
    };
    let request = Request {
        format,
        selection,
        sheet: sheet(args.sheet),
        csv: CsvOptions {
            separator: args.separator.clone(),
            bom: args.bom,
            raw: args.raw,
        },
        findings: findings.as_deref(),
        source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok(),
    };
    let bytes = render(register, &request)?;
    if format == Format::Html {
        let gaps = publishing_gaps(register, &request.selection, args, &bytes)?;
        if let Some(warning) = gaps.warning() {
            let mut err = ctx.stderr();
            let severity = if args.strict {
                "\x1b[1;31merror\x1b[0m"
            } else {
                "\x1b[1;33mwarning\x1b[0m"
            };
            let _ = writeln!(err, "{severity}: {warning}");
            if args.strict {
                let _ = writeln!(
                    err,
                    "  \x1b[1;36mhelp\x1b[0m: nothing was written (--strict); `ropa lint` lists the errors and `ropa show ID` the gaps of each activity"
                );
                return Ok(Exit::Problems);
            }
            let _ = writeln!(
                err,
                "  \x1b[1;36mhelp\x1b[0m: check them before you publish the page: `ropa lint` lists the errors; --strict makes this an error"
            );
        }
    }

    let activities = crate::view::activities(chosen.len());
    let what = match (format, request.sheet) {
        (Format::Csv, sheet) if sheet != Sheet::Record => {
            format!("the {} sheet for {activities}", sheet.name())
        }
        _ => activities,
    };
    if to_stdout {
        ctx.write_stdout(&bytes, false)?;
        return Ok(Exit::Clean);
    }
    let target = output_target(&ctx.resolve(Some(output)), &root, args, &request)?;
    crate::fs_util::write_file(&target.path, &bytes, target.replace)?;
    if !ctx.quiet {
        let _ = writeln!(ctx.stdout(), "wrote {what} to {}", target.path.display());
    }
    Ok(Exit::Clean)
}

/// Where an export is written, and whether a file already there may be replaced.
struct Target {
    /// The file itself: a symbolic link is followed, so the link stays a link.
    path: PathBuf,
    replace: bool,
}

/// Decides where the export goes, refusing what must not be replaced: a file in the register
/// (it would stop the register loading), a folder, a device or pipe (even with `--force`), a
/// read-only file or one ropa export did not write (without `--force`).
fn output_target(
    path: &Path,
    root: &Path,
    args: &ExportArgs,
    request: &Request<'_>,
) -> Result<Target, FatalError> {
    let shown = path.display();
    let metadata = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(FatalError::new(format!("cannot check `{shown}`: {e}"))
                .with_help("choose another file with -o"));
        }
        Ok(m) => Some(m),
    };
    let path = match &metadata {
        Some(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|_| {
            FatalError::new(format!(
                "`{shown}` is a symbolic link to a file that does not exist"
            ))
            .with_help("choose another file with -o, or remove the link")
        })?,
        _ => path.to_path_buf(),
    };
    refuse_inside_register(&path, root)?;
    let existing = metadata.and_then(|_| std::fs::metadata(&path).ok());
    let Some(metadata) = existing else {
        return Ok(Target {
            path,
            replace: false,
        });
    };
    if metadata.is_dir() {
        return Err(FatalError::new(format!("`{shown}` is a folder"))
            .with_help("give a file name, e.g. -o ropa.xlsx"));
    }
    if !metadata.is_file() {
        return Err(FatalError::new(format!(
            "`{shown}` is not a regular file (a device, pipe or socket), so it is not replaced"
        ))
        .with_help("write to standard output with -o -, or give a file name"));
    }
    if args.force {
        return Ok(Target {
            path,
            replace: true,
        });
    }
    if metadata.permissions().readonly() {
        return Err(FatalError::new(format!("`{shown}` is read-only"))
            .with_help("use --force to replace it anyway, or choose another file with -o"));
    }
    let existing = std::fs::read(&path).map_err(|e| {
        FatalError::new(format!("cannot read `{shown}` to check who wrote it: {e}"))
            .with_help("choose another file with -o, or use --force to replace it")
    })?;
    if written_by_ropa(&existing, request.format, request.sheet) {
        return Ok(Target {
            path,
            replace: true,
        });
    }
    let message = if written_by_ropa_as_anything(&existing) {
        format!("`{shown}` is a different ropa export (another format or sheet)")
    } else {
        format!("`{shown}` already exists and was not written by ropa export")
    };
    Err(FatalError::new(message)
        .with_help("choose another file with -o, or use --force to replace it"))
}

/// An export written into `activities/` or `processors/`, or over `ropa.toml`, would be read
/// as part of the register next time (or replace it), so it is refused even with `--force`.
fn refuse_inside_register(path: &Path, root: &Path) -> Result<(), FatalError> {
    let (Some(path), Ok(root)) = (absolute(path), std::fs::canonicalize(root)) else {
        return Ok(());
    };
    let inside = path.starts_with(root.join("activities"))
        || path.starts_with(root.join("processors"))
        || path == root.join("ropa.toml");
    if inside {
        return Err(FatalError::new(format!(
            "`{}` is part of the register, so an export must not be written there",
            path.display()
        ))
        .with_help("write the export outside activities/ and processors/, e.g. -o ropa.xlsx"));
    }
    Ok(())
}

/// `path` made absolute through its nearest folder that exists, with links resolved, so it
/// can be compared with the register's folder.
fn absolute(path: &Path) -> Option<PathBuf> {
    let mut existing = path;
    let mut rest = Vec::new();
    loop {
        if let Ok(found) = std::fs::canonicalize(existing) {
            return Some(rest.iter().rev().fold(found, |p: PathBuf, c| p.join(c)));
        }
        rest.push(existing.file_name()?.to_os_string());
        existing = match existing.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
    }
}

/// Flags that only make sense for one format are refused elsewhere, rather than ignored.
fn check_flags(args: &ExportArgs, format: Format) -> Result<(), FatalError> {
    let csv_only = [
        ("--sheet", args.sheet != ExportSheet::Record),
        ("--separator", args.separator != "; "),
        ("--bom", args.bom),
        ("--raw", args.raw),
    ];
    let xlsx_only = [
        ("--with-findings", args.with_findings),
        ("--today", args.today.is_some()),
    ];
    if args.strict && format != Format::Html {
        return Err(
            FatalError::new("--strict applies only to `ropa export html`")
                .with_help("remove --strict, or export html"),
        );
    }
    let misplaced = |flags: &[(&str, bool)], wanted: Format, name: &str| match flags
        .iter()
        .find(|(_, given)| *given)
    {
        Some((flag, _)) if format != wanted => Err(FatalError::new(format!(
            "{flag} applies only to `ropa export {name}`"
        ))
        .with_help(format!("remove {flag}, or export {name}"))),
        _ => Ok(()),
    };
    misplaced(&csv_only, Format::Csv, "csv")?;
    misplaced(&xlsx_only, Format::Xlsx, "xlsx")?;
    if args.today.is_some() && !args.with_findings {
        return Err(FatalError::new("--today only matters with --with-findings")
            .with_help("add --with-findings, or remove --today"));
    }
    Ok(())
}

fn sheet(sheet: ExportSheet) -> Sheet {
    match sheet {
        ExportSheet::Record => Sheet::Record,
        ExportSheet::ProcessorRecord => Sheet::ProcessorRecord,
        ExportSheet::Processors => Sheet::Processors,
        ExportSheet::Retention => Sheet::Retention,
        ExportSheet::Transfers => Sheet::Transfers,
        ExportSheet::Waivers => Sheet::Waivers,
    }
}

/// The lint findings for the exported activities, with ropa.toml's severity overrides.
fn findings_for(
    register: &Register,
    selection: &Selection,
    args: &ExportArgs,
) -> Result<Vec<Diagnostic>, FatalError> {
    let options = LintOptions {
        today: args.today.unwrap_or_else(system_today),
        cli: Overrides::from_flags(&[], &[], &[]).map_err(FatalError::new)?,
    };
    let report = lint(register, &options);
    let selected_files: std::collections::HashSet<_> = selection
        .activities(register)
        .iter()
        .map(|a| a.file)
        .collect();
    let mut findings: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(|d| selection.is_everything() || selected_files.contains(&d.file))
        .collect();
    crate::diag::sort(&mut findings, &register.files);
    Ok(findings)
}

/// What a published page would leave out or get wrong: lint errors in the activities it
/// shows, and the items it shows as "Not recorded".
struct Gaps {
    errors: usize,
    not_recorded: usize,
}

impl Gaps {
    fn warning(&self) -> Option<String> {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match (self.errors, self.not_recorded) {
            (0, 0) => None,
            (errors, 0) => Some(format!(
                "the register has {}",
                plural(errors, "lint error", "lint errors")
            )),
            (0, gaps) => Some(format!(
                "the page shows {} as \"Not recorded\"",
                plural(gaps, "item", "items")
            )),
            (errors, gaps) => Some(format!(
                "the register has {}, and the page shows {} as \"Not recorded\"",
                plural(errors, "lint error", "lint errors"),
                plural(gaps, "item", "items")
            )),
        }
    }
}

fn publishing_gaps(
    register: &Register,
    selection: &Selection,
    args: &ExportArgs,
    page: &[u8],
) -> Result<Gaps, FatalError> {
    let findings = findings_for(register, selection, args)?;
    let errors = findings
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    let page = String::from_utf8_lossy(page);
    Ok(Gaps {
        errors,
        not_recorded: page.matches(">Not recorded<").count(),
    })
}

/// The error when `-o FILE` is missing, with an example for the format asked for.
fn missing_output(format: ExportFormat) -> FatalError {
    let (example, what) = match format {
        ExportFormat::Xlsx => ("ropa export xlsx -o ropa.xlsx", "a workbook"),
        ExportFormat::Csv => ("ropa export csv -o ropa.csv", "a CSV file"),
        ExportFormat::Json => ("ropa export json -o ropa.json", "a JSON file"),
        ExportFormat::Html => ("ropa export html -o ropa.html", "a web page"),
    };
    FatalError::new(format!("say where to write {what} with -o FILE")).with_help(format!(
        "for example `{example}`; `-o -` writes to standard output"
    ))
}

/// The error when `--activity`, with any `--function`, matches nothing. Each `--function`
/// was checked against the register already ([`check_functions`]).
fn nothing_selected(args: &ExportArgs) -> FatalError {
    let filters = if args.functions.is_empty() {
        "the --activity filter"
    } else {
        "the --function and --activity filters"
    };
    FatalError::new(format!("no activity matches {filters} given")).with_help(
        "`ropa list` shows every activity's id and business function; a pattern such as \
         `customer-services/*` matches the ids in one folder",
    )
}
