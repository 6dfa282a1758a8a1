//! `ropa list`: the activities that match the filters, as a table, CSV or JSON.

use super::{Context, Exit};
use crate::cli::{ListArgs, ListFilters, ListFormat};
use crate::export::csv::{CsvOptions, write_csv};
use crate::export::layout::wrap;
use crate::export::selection::{check_processor, parse_country, parse_slug};
use crate::export::table_json::table_json;
use crate::export::terminal::{output_width, render_table_with};
use crate::export::{Criteria, Selection};
use crate::lint::system_today;
use crate::load::Positions;
use crate::model::{Date, Register};
use crate::source::FatalError;
use crate::view::{Findings, activities, list};
use crate::vocab::{SpecialCategory, Vocabulary};

pub fn run(ctx: &Context, args: &ListArgs) -> Exit {
    match list(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn list(ctx: &Context, args: &ListArgs) -> Result<Exit, FatalError> {
    special_swallowed_dir(ctx, args)?;
    let root = ctx.register_root(args.register.dir.as_deref())?;
    let loaded = ctx.load_whole(&root, "listed", Positions::Drop)?;
    let register = &loaded.register;
    let today = args.today.unwrap_or_else(system_today);
    let findings = Findings::of(register, today);
    let selection = selection(register, &args.filters, today, &findings)?;
    selection.check_patterns(register)?;
    let chosen = selection.activities(register);
    let mut table = list::table(register, &chosen, &findings);
    if let Some(column) = &args.sort {
        list::sort(&mut table, column)?;
    }
    if !args.columns.is_empty() {
        table = list::choose(&table, &args.columns)?;
    }
    // Without colour the table is written plain, with no codes to take out.
    let coloured = ctx.stdout_coloured();
    let bytes = match args.format {
        ListFormat::Csv => write_csv(table, &CsvOptions::default()),
        ListFormat::Json => table_json(&table),
        ListFormat::Table => {
            let total = register.activities.len();
            let width = output_width();
            let (table, left_out) = if args.columns.is_empty() {
                list::fit_to(table, width)
            } else {
                (table, Vec::new())
            };
            let mut text = if table.rows.is_empty() {
                String::new()
            } else {
                render_table_with(&table, width, coloured)
            };
            if !ctx.quiet && !left_out.is_empty() {
                let note = format!(
                    "Left out to fit {width} characters: {}. Widen the window or choose \
                     columns with --columns.",
                    left_out.join(", ")
                );
                text.push_str(&wrap(&note, width));
                text.push('\n');
            }
            if !ctx.quiet {
                text.push_str(&if selection.is_everything() {
                    format!("{}\n", activities(total))
                } else {
                    format!("{} of {} match\n", chosen.len(), activities(total))
                });
            }
            text.into_bytes()
        }
    };
    ctx.write_stdout(&bytes, args.format == ListFormat::Table && coloured)?;
    Ok(Exit::Clean)
}

/// `ropa list --special registers/x` reads the folder as the category: say so plainly.
fn special_swallowed_dir(ctx: &Context, args: &ListArgs) -> Result<(), FatalError> {
    let Some(dir) = args.filters.special.iter().flatten().find(|value| {
        <SpecialCategory as Vocabulary>::from_slug(value).is_none()
            && ctx
                .resolve(Some(std::path::Path::new(value.as_str())))
                .is_dir()
    }) else {
        return Ok(());
    };
    Err(FatalError::new(format!(
        "`--special` took the folder `{dir}` as a special category"
    ))
    .with_help(format!(
        "put the folder first, `ropa list {dir} --special`, or give the category as \
                 `--special=health`"
    )))
}

/// The selection the filters describe, each value checked against the register or its list.
fn selection(
    register: &Register,
    filters: &ListFilters,
    today: Date,
    findings: &Findings,
) -> Result<Selection, FatalError> {
    let selection = super::scope::selection(register, &filters.scope)?;
    let criteria = Criteria {
        bases: slugs("--basis", &filters.bases)?,
        special: filters
            .special
            .as_deref()
            .map(|cats| slugs("--special", cats))
            .transpose()?,
        criminal: filters.criminal,
        processors: filters
            .processors
            .iter()
            .map(|p| check_processor(register, p))
            .collect::<Result<_, _>>()?,
        countries: filters
            .countries
            .iter()
            .map(|c| parse_country(register, c))
            .collect::<Result<_, _>>()?,
        roles: slugs("--role", &filters.roles)?,
        text: words("--text", &filters.text)?,
        data_subjects: words("--data-subject", &filters.data_subjects)?,
        personal_data: words("--data", &filters.personal_data)?,
        overdue_on: filters.overdue.then_some(today),
        only_files: filters.failing.then(|| findings.failing_files()),
    };
    Ok(selection.with_criteria(criteria))
}

/// The words given to `flag`, in lower case. A blank one would match every activity, so it
/// is refused.
fn words(flag: &str, given: &[String]) -> Result<Vec<String>, FatalError> {
    given
        .iter()
        .map(|text| {
            let word = text.trim().to_lowercase();
            if word.is_empty() {
                return Err(
                    FatalError::new(format!("{flag} needs a word to look for")).with_help(format!(
                        "give a word to look for, e.g. `{flag} {}`",
                        match flag {
                            "--data-subject" => "tenants",
                            "--data" => "bank",
                            _ => "cctv",
                        }
                    )),
                );
            }
            Ok(word)
        })
        .collect()
}

fn slugs<V: Vocabulary>(flag: &str, values: &[String]) -> Result<Vec<V>, FatalError> {
    values.iter().map(|v| parse_slug(flag, v)).collect()
}
