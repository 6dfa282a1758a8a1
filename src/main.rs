use std::process::ExitCode;

use clap::Parser;
use ropa::cli::Cli;

// mimalloc: loading allocates many small strings on both cores; the system allocator's locking
// and fragmentation cost about a fifth of lint time on large registers (benches/lint.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = ropa::commands::run(cli);
    ExitCode::from(code as u8)
}
