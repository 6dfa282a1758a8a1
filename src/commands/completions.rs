//! `ropa completions <shell>`: the completion script for one shell, generated from the clap
//! definitions in src/cli.rs (the copies in completions/ are checked by tests/completions.rs).

use clap::CommandFactory;

use super::{Context, Exit};
use crate::cli::{Cli, CompletionsArgs};

pub fn run(ctx: &Context, args: &CompletionsArgs) -> Exit {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "ropa", &mut script);
    match ctx.write_stdout(&script, false) {
        Ok(()) => Exit::Clean,
        Err(e) => ctx.fail(&e),
    }
}
