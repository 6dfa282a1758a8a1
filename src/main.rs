use std::process::ExitCode;

use clap::Parser;
use ropa::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = ropa::commands::run(cli);
    ExitCode::from(code as u8)
}
