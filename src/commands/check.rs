//! `ropa check`: load the register and report every problem with its files.

use super::{Context, Exit};
use crate::cli::RegisterArg;
use crate::diag::{Counts, render_human, render_summary};
use crate::load::{Positions, load_with};
use crate::source::DirSource;

pub fn run(ctx: &Context, args: &RegisterArg) -> Exit {
    let report = match ctx
        .register_root(args.dir.as_deref())
        // Problems with the files are located without the positions of every value.
        .and_then(|root| load_with(&DirSource::new(root), Positions::ValuesOnly))
    {
        Ok(report) => super::kept_until_exit(report),
        Err(e) => return ctx.fail(&e),
    };
    ctx.info_loaded(&report.register);
    // Rule names in ropa.toml's [lint] are part of the file: a misspelt one is a problem
    // `check` reports, as `lint` does.
    let (_, unknown_rules) = crate::lint::Overrides::from_register(&report.register);
    report.problems.extend(unknown_rules);
    crate::diag::sort(&mut report.problems, &report.register.files);
    let files = &report.register.files;
    let mut text = render_human(&report.problems, files, ctx.stdout_coloured());
    let counts = Counts::of(&report.problems);
    if ctx.quiet {
        if let Err(e) = ctx.write_stdout(text.as_bytes(), true) {
            return ctx.fail(&e);
        }
        return ctx.finish(report.incomplete, counts);
    }
    // Files reported as not read (`file-not-read`) were not checked.
    let not_read = report
        .problems
        .iter()
        .filter(|p| p.code == "file-not-read")
        .count();
    let checked = files.len() - not_read;
    let what = format!(
        "in {checked} file{} checked",
        if checked == 1 { "" } else { "s" }
    );
    text.push_str(&render_summary(counts, &what));
    text.push('\n');
    if let Err(e) = ctx.write_stdout(text.as_bytes(), true) {
        return ctx.fail(&e);
    }
    ctx.finish(report.incomplete, counts)
}
