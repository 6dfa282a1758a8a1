//! `ropa export`: write the register as XLSX, CSV, JSON or HTML.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::{Context, Exit};
use crate::cli::{ExportArgs, ExportFormat, ExportSheet};
use crate::diag::Diagnostic;
use crate::export::selection::check_functions;
use crate::export::{Format, Request, Selection, Sheet, csv::CsvOptions, render, written_by_ropa};
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
    let to_stdout = args.output == Path::new("-");
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

    let what = format!(
        "{} activit{}",
        chosen.len(),
        if chosen.len() == 1 { "y" } else { "ies" }
    );
    if to_stdout {
        std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| FatalError::new(format!("could not write to standard output: {e}")))?;
        return Ok(Exit::Clean);
    }
    let path = ctx.resolve(Some(&args.output));
    let replace = args.force || replaceable(&path, &request)?;
    crate::fs_util::write_file(&path, &bytes, replace)?;
    if !ctx.quiet {
        let _ = writeln!(ctx.stdout(), "wrote {what} to {}", path.display());
    }
    Ok(Exit::Clean)
}

/// Whether an existing file may be replaced without `--force`: only one ropa export wrote.
fn replaceable(path: &Path, request: &Request<'_>) -> Result<bool, FatalError> {
    match std::fs::read(path) {
        Ok(existing) if written_by_ropa(&existing, request) => Ok(true),
        Ok(_) => Err(FatalError::new(format!(
            "`{}` already exists and was not written by ropa export",
            path.display()
        ))
        .with_help("choose another file with -o, or use --force to replace it")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) if path.is_dir() => Err(FatalError::new(format!(
            "`{}` is a folder: {e}",
            path.display()
        ))
        .with_help("give a file name, e.g. -o ropa.xlsx")),
        Err(e) => Err(FatalError::new(format!(
            "cannot read `{}` to check who wrote it: {e}",
            path.display()
        ))
        .with_help("choose another file with -o, or use --force to replace it")),
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
    let selected_files: Vec<_> = selection
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
