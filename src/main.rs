#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use ropa::cli::Cli;

// mimalloc: loading allocates many small strings on both cores; the system allocator's locking
// and fragmentation cost about a fifth of lint time on large registers (benches/lint.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // With COMPLETE=<shell> set, print that shell's completion hook or answer a completion
    // request (rule names, activity folders) and exit; otherwise do nothing.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let cli = Cli::parse();
    ropa::crash::install();
    // A panic is a bug: the hook has said so, naming the file; the exit code is "could not run".
    match std::panic::catch_unwind(|| ropa::commands::run(cli)) {
        Ok(code) => ExitCode::from(code as u8),
        Err(_) => ExitCode::from(ropa::commands::Exit::Failure as u8),
    }
}
