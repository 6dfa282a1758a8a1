//! One module per subcommand. Each returns an [`Exit`] code; `main` only maps it to the process.

mod check;
mod explain;
mod fmt;
mod init;
mod lint;
mod new;
mod rules;
mod schema;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command};
use crate::diag::ColorChoice;
use crate::source::FatalError;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Exit {
    /// Ran and found no errors.
    Clean = 0,
    /// Ran and found errors in the register.
    Problems = 1,
    /// Could not run: bad arguments, missing or unreadable register.
    Failure = 2,
}

/// Options every command shares.
pub struct Context {
    /// `-C DIR`, or the current folder.
    pub base: PathBuf,
    pub color: ColorChoice,
}

impl Context {
    /// A path given on the command line, relative to `-C`.
    pub fn resolve(&self, path: Option<&Path>) -> PathBuf {
        match path {
            Some(p) if self.base == Path::new(".") => p.to_path_buf(),
            Some(p) => self.base.join(p),
            None => self.base.clone(),
        }
    }

    pub fn stdout(&self) -> anstream::AutoStream<std::io::Stdout> {
        anstream::AutoStream::new(std::io::stdout(), self.color.to_anstream())
    }

    pub fn stderr(&self) -> anstream::AutoStream<std::io::Stderr> {
        anstream::AutoStream::new(std::io::stderr(), self.color.to_anstream())
    }

    /// The exit code after a command has reported on a register: 2 when some files could not be
    /// read (the register was not fully checked), 1 when there are errors, else 0.
    pub fn finish(&self, incomplete: bool, counts: crate::diag::Counts) -> Exit {
        if incomplete {
            let _ = writeln!(
                self.stderr(),
                "error: some files could not be read, so the register was not fully checked"
            );
            Exit::Failure
        } else if counts.errors > 0 {
            Exit::Problems
        } else {
            Exit::Clean
        }
    }

    /// Prints a fatal error and its help to stderr and returns exit code 2.
    pub fn fail(&self, error: &FatalError) -> Exit {
        let mut err = self.stderr();
        let _ = writeln!(err, "\x1b[1;31merror\x1b[0m: {}", error.message);
        if let Some(help) = &error.help {
            let _ = writeln!(err, "  \x1b[1;36mhelp\x1b[0m: {help}");
        }
        Exit::Failure
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Exit {
    let ctx = Context {
        base: cli.directory.unwrap_or_else(|| PathBuf::from(".")),
        color: cli.color,
    };
    match cli.command {
        Command::Check(args) => check::run(&ctx, &args),
        Command::Lint(args) => lint::run(&ctx, &args),
        Command::Rules(args) => rules::run(&ctx, &args),
        Command::Explain(args) => explain::run(&ctx, &args),
        Command::Init(args) => init::run(&ctx, &args),
        Command::New(args) => new::run(&ctx, &args),
        Command::Schema(args) => schema::run(&ctx, &args),
        Command::Fmt(args) => fmt::run(&ctx, &args),
    }
}
