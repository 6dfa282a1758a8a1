//! `ropa export`: write the register as XLSX, CSV, JSON or HTML.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::output::{Owner, output_target};
use super::{Context, Exit};
use crate::cli::{ExportArgs, ExportFormat, ExportSheet};
use crate::diag::Diagnostic;
use crate::export::html::not_recorded_in;
use crate::export::{
    Format, Request, Selection, Sheet, csv::CsvOptions, render, write_html_to, written_by_ropa,
    written_by_ropa_as_anything,
};
use crate::lint::{LintOptions, Overrides, lint, system_today};
use crate::load::Positions;
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
    // Only findings listed in the workbook need their places; the web page counts errors,
    // and lint reads the texts; the other exports read only values.
    let positions = if args.with_findings {
        Positions::Keep
    } else if format == Format::Html {
        Positions::Drop
    } else {
        Positions::ValuesOnly
    };
    let loaded = ctx.load_whole(&root, "exported", positions)?;

    let selection = super::scope::selection(&loaded.register, &args.scope)?;
    let chosen = selection.activities(&loaded.register).len();
    if chosen == 0 && !selection.is_everything() {
        return Err(super::scope::nothing_selected(&args.scope));
    }
    let findings = if args.with_findings {
        Some(findings_for(&loaded.register, &selection, args)?)
    } else {
        None
    };
    let lint_errors = if format == Format::Html {
        lint_errors(&loaded.register, &selection, args)?
    } else {
        0
    };
    if findings.is_none() {
        // Every problem has been counted; what follows reads only values.
        loaded.register.forget_positions();
    }
    let register = &loaded.register;
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
    let activities = crate::view::activities(chosen);
    let what = match (format, request.sheet) {
        (Format::Csv, sheet) if sheet != Sheet::Record => {
            format!("the {} sheet for {activities}", sheet.name())
        }
        _ => activities,
    };
    let owner = Owner {
        ours: &|existing| written_by_ropa(existing, request.format, request.sheet),
        another: &|existing| {
            written_by_ropa_as_anything(existing) || crate::notice::is_notice(existing)
        },
        example: "ropa.xlsx",
        what: "an export",
        command: "ropa export",
    };
    let wrote = |path: &Path| {
        if !ctx.quiet {
            let _ = writeln!(ctx.stdout(), "wrote {what} to {}", path.display());
        }
    };
    // A web page goes into its file as it is made, and what it shows as "Not recorded" is
    // told after. With --strict nothing may be written when the page has gaps, and standard
    // output cannot be taken back: there the page is made whole first.
    if format == Format::Html && !args.strict && !to_stdout {
        let target = output_target(&ctx.resolve(Some(output)), &root, args.force, &owner)?;
        let mut not_recorded = 0;
        crate::fs_util::write_file_with(&target.path, target.replace, |file| {
            not_recorded = write_html_to(register, &request.selection, file)?;
            Ok(())
        })?;
        report_gaps(ctx, false, lint_errors, not_recorded);
        wrote(&target.path);
        return Ok(Exit::Clean);
    }
    let made = render(register, &request)?;
    if let (Format::Html, Some(pieces)) = (format, made.pieces()) {
        let refused = report_gaps(ctx, args.strict, lint_errors, not_recorded_in(pieces));
        if refused {
            return Ok(Exit::Problems);
        }
    }
    if to_stdout {
        ctx.write_stdout_with(|out| made.write_to(out))?;
        return Ok(Exit::Clean);
    }
    let target = output_target(&ctx.resolve(Some(output)), &root, args.force, &owner)?;
    crate::fs_util::write_file_with(&target.path, target.replace, |file| made.write_to(file))?;
    wrote(&target.path);
    Ok(Exit::Clean)
}

/// Says what a web page leaves out, as a warning, or with --strict as an error; true when
/// --strict refuses the page.
fn report_gaps(ctx: &Context, strict: bool, errors: usize, not_recorded: usize) -> bool {
    let Some(warning) = (Gaps {
        errors,
        not_recorded,
    })
    .warning() else {
        return false;
    };
    let mut err = ctx.stderr();
    let severity = if strict {
        "\x1b[1;31merror\x1b[0m"
    } else {
        "\x1b[1;33mwarning\x1b[0m"
    };
    let _ = writeln!(err, "{severity}: {warning}");
    if strict {
        let _ = writeln!(
            err,
            "  \x1b[1;36mhelp\x1b[0m: nothing was written (--strict); `ropa lint` lists the errors and `ropa show ID` the gaps of each activity"
        );
    } else {
        let _ = writeln!(
            err,
            "  \x1b[1;36mhelp\x1b[0m: check them before you publish the page: `ropa lint` lists the errors; --strict makes this an error"
        );
    }
    strict
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
    let findings: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(|d| selection.is_everything() || selected_files.contains(&d.file))
        .collect();
    // lint sorts its findings; keeping some keeps their order.
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

/// The lint errors in the activities a published page would show.
fn lint_errors(
    register: &Register,
    selection: &Selection,
    args: &ExportArgs,
) -> Result<usize, FatalError> {
    Ok(findings_for(register, selection, args)?
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count())
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
