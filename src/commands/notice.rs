//! `ropa notice`: write a privacy notice from the register, and say what it lacks.

use std::io::Write;
use std::path::Path;

use super::output::{Owner, output_target};
use super::{Context, Exit};
use crate::cli::{NoticeArgs, NoticeFormat};
use crate::export::written_by_ropa_as_anything;
use crate::load::Positions;
use crate::model::Register;
use crate::notice::{self, Gap, has_notice};
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &NoticeArgs) -> Exit {
    match write_notice(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn write_notice(ctx: &Context, args: &NoticeArgs) -> Result<Exit, FatalError> {
    let Some(output) = args.output.as_deref() else {
        return Err(
            FatalError::new("say where to write the notice with -o FILE")
                .with_help("e.g. `ropa notice -o privacy-notice.md`, or `-o -` to print it"),
        );
    };
    let root = ctx.register_root(args.register.dir.as_deref())?;
    let loaded = ctx.load_whole(&root, "used for a notice", Positions::ValuesOnly)?;
    // Every problem has been reported; what follows reads only values.
    loaded.register.forget_positions();
    let register = &loaded.register;
    let Some(config) = register.config.as_ref() else {
        return Err(
            FatalError::new("ropa.toml did not load, so the notice has no controller")
                .with_help("`ropa check` says what is wrong with ropa.toml"),
        );
    };
    let selection = super::scope::selection(register, &args.scope)?;
    let chosen = selection.activities(register);
    let (covered, as_processor): (Vec<_>, Vec<_>) =
        chosen.into_iter().partition(|a| has_notice(&a.value));
    if covered.is_empty() {
        return Err(nothing_to_cover(args, as_processor.len()));
    }

    let built = notice::build(register, config, &covered);
    let gaps = built.gaps();
    report(ctx, register, &gaps, &as_processor, args.strict);
    if args.strict && !gaps.is_empty() {
        return Ok(Exit::Problems);
    }
    let bytes = match args.format {
        NoticeFormat::Markdown => notice::markdown::render(&built),
        NoticeFormat::Html => notice::html::render(&built),
    }
    .into_bytes();

    if output == Path::new("-") {
        ctx.write_stdout(&bytes, false)?;
        return Ok(Exit::Clean);
    }
    let is_ours = |existing: &[u8]| match args.format {
        NoticeFormat::Markdown => notice::markdown::is_notice(existing),
        NoticeFormat::Html => notice::html::is_notice(existing),
    };
    let owner = Owner {
        ours: &is_ours,
        another: &|existing| written_by_ropa_as_anything(existing) || notice::is_notice(existing),
        example: "privacy-notice.md",
        what: "a notice",
        command: "ropa notice",
    };
    let target = output_target(&ctx.resolve(Some(output)), &root, args.force, &owner)?;
    crate::fs_util::write_file(&target.path, &bytes, target.replace)?;
    if !ctx.quiet {
        let _ = writeln!(
            ctx.stdout(),
            "wrote the notice for {} to {}",
            crate::view::activities(covered.len()),
            target.path.display()
        );
    }
    Ok(Exit::Clean)
}

/// Says on stderr which items are marked "[not recorded]", in which file and field, and which
/// activities were left out because they are done as a processor.
fn report(
    ctx: &Context,
    register: &Register,
    gaps: &[Gap],
    as_processor: &[&crate::model::Loaded<crate::model::Activity>],
    strict: bool,
) {
    let mut err = ctx.stderr();
    if !gaps.is_empty() {
        let (severity, outcome) = if strict {
            (
                "\x1b[1;31merror\x1b[0m",
                "so nothing was written (--strict)",
            )
        } else {
            (
                "\x1b[1;33mwarning\x1b[0m",
                "marked [not recorded] in the notice",
            )
        };
        let count = match gaps.len() {
            1 => "1 item the notice needs is".to_string(),
            n => format!("{n} items the notice needs are"),
        };
        let _ = writeln!(err, "{severity}: {count} not in the register, {outcome}:");
        for gap in gaps {
            let _ = writeln!(
                err,
                "  {}: `{}`: {} ({}; lint: {})",
                register.files.shown_path(gap.file),
                gap.item.field(),
                gap.item.what(),
                gap.item.article(),
                gap.item.rule()
            );
        }
        let _ = writeln!(
            err,
            "  \x1b[1;36mhelp\x1b[0m: fill them in before you publish; `ropa lint` reports each one and `ropa explain RULE` says how"
        );
    }
    if !as_processor.is_empty() && !ctx.quiet {
        let names: Vec<&str> = as_processor.iter().map(|a| a.id.as_str()).collect();
        let _ = writeln!(
            err,
            "\x1b[1;36mnote\x1b[0m: left out, as done as a processor (the controller it is done for gives the notice): {}",
            names.join(", ")
        );
    }
}

fn nothing_to_cover(args: &NoticeArgs, as_processor: usize) -> FatalError {
    if as_processor > 0 {
        return FatalError::new(
            "every activity chosen is done as a processor, and the controller it is done for gives its notice",
        )
        .with_help("choose activities you are the controller for; `ropa list --role controller` lists them");
    }
    if args.scope.functions.is_empty() && args.scope.activities.is_empty() {
        return FatalError::new("the register has no activities to write a notice for")
            .with_help("add one with `ropa new activity FUNCTION/NAME`");
    }
    FatalError::new("no activity matches the --function and --activity filters given").with_help(
        "`ropa list` shows every activity's id and business function; a pattern such as \
         `customer-services/*` matches the ids in one folder",
    )
}
