//! `ropa summary`: coverage and counts across the register, as tables or JSON.

use super::{Context, Exit};
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::export::terminal::output_width;
use crate::lint::system_today;
use crate::load::Positions;
use crate::source::FatalError;
use crate::view::{Findings, summary};

pub fn run(ctx: &Context, args: &SummaryArgs) -> Exit {
    match summarise(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn summarise(ctx: &Context, args: &SummaryArgs) -> Result<Exit, FatalError> {
    let root = ctx.register_root(args.register.dir.as_deref())?;
    let loaded = ctx.load_whole(&root, "summarised", Positions::Drop)?;
    let register = &loaded.register;
    let today = args.today.unwrap_or_else(system_today);
    let findings = Findings::of(register, today);
    let summary = summary::summarise(register, &findings, today);
    let bytes = match args.format {
        SummaryFormat::Table => summary.to_text(output_width()).into_bytes(),
        SummaryFormat::Json => summary.to_json(),
    };
    ctx.write_stdout(&bytes, args.format == SummaryFormat::Table)?;
    Ok(Exit::Clean)
}
