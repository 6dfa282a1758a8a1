//! One module per subcommand. Each returns an [`Exit`] code; `main` only maps it to the process.

mod check;
mod completions;
mod diff;
mod explain;
mod export;
mod fmt;
mod import;
mod init;
mod lint;
mod list;
mod log;
mod man;
mod map;
mod new;
mod notice;
mod output;
mod rules;
mod schema;
mod scope;
mod show;
mod summary;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command};
use crate::diag::{ColorChoice, Counts, render_human};
use crate::fs_util::SmallWrites;
use crate::load::{LoadReport, Positions, load_with};
use crate::source::{DirSource, FatalError};

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
    /// `--quiet`: print only what was asked for (findings, files), no summaries or next steps.
    pub quiet: bool,
    /// `--verbose`: say on stderr which register was used and what was read.
    pub verbose: bool,
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

    /// The register folder a command works on: `dir` as given (relative to `-C`) when the user
    /// named one, else the nearest folder at or above `-C DIR` (or the current folder) holding a
    /// `ropa.toml`. Every command that reads a register calls this, so they all find it alike.
    ///
    /// The error (no register found) says where the search looked and how to fix it; pass it to
    /// [`Context::fail`].
    pub fn register_root(&self, dir: Option<&Path>) -> Result<PathBuf, FatalError> {
        let (root, how) = match dir {
            Some(dir) => (self.resolve(Some(dir)), String::new()),
            None => {
                let found = crate::discover::find_register(&self.base)?;
                let how = match found.levels_up {
                    0 => String::new(),
                    1 => format!(" (found 1 folder up from {})", self.base.display()),
                    n => format!(" (found {n} folders up from {})", self.base.display()),
                };
                (found.root, how)
            }
        };
        self.info(format_args!(
            "using the register in {}{how}",
            root.display()
        ));
        Ok(root)
    }

    /// A progress note on stderr, shown only with `--verbose`.
    pub fn info(&self, message: std::fmt::Arguments) {
        if self.verbose {
            let _ = writeln!(self.stderr(), "\x1b[1;36mnote\x1b[0m: {message}");
        }
    }

    /// With `--verbose`, how many files a command read.
    pub fn info_loaded(&self, register: &crate::model::Register) {
        let (activities, processors) = (register.activities.len(), register.processors.len());
        self.info(format_args!(
            "read {} files: {activities} activit{}, {processors} processor{}",
            register.files.len(),
            if activities == 1 { "y" } else { "ies" },
            if processors == 1 { "" } else { "s" }
        ));
    }

    pub fn stdout(&self) -> anstream::AutoStream<std::io::Stdout> {
        anstream::AutoStream::new(std::io::stdout(), self.color.to_anstream())
    }

    pub fn stderr(&self) -> anstream::AutoStream<std::io::Stderr> {
        anstream::AutoStream::new(std::io::stderr(), self.color.to_anstream())
    }

    /// Whether what is written to standard output keeps its colours.
    pub fn stdout_coloured(&self) -> bool {
        self.stdout().current_choice() != anstream::ColorChoice::Never
    }

    /// Whether what is written to standard error keeps its colours.
    pub fn stderr_coloured(&self) -> bool {
        self.stderr().current_choice() != anstream::ColorChoice::Never
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

    /// Loads the register in `root` for a command that reads it whole (export, list, show,
    /// summary). A register with load problems is refused: its problems go to stderr and the
    /// error says it was not `done` ("exported", "listed"), since files that did not load
    /// would be missing from the output. `positions` are kept only by a command that shows
    /// lint findings at their place (`show`, `export --with-findings`).
    pub fn load_whole(
        &self,
        root: &Path,
        done: &str,
        positions: Positions,
    ) -> Result<&'static mut LoadReport, FatalError> {
        let loaded = kept_until_exit(load_with(&DirSource::new(root), positions)?);
        self.info_loaded(&loaded.register);
        if Counts::of(&loaded.problems).errors > 0 || loaded.incomplete {
            let _ = write!(
                self.stderr(),
                "{}",
                render_human(
                    &loaded.problems,
                    &loaded.register.files,
                    self.stderr_coloured()
                )
            );
            return Err(FatalError::new(format!(
                "the register in `{}` has problems that stop it loading, so it was not {done}",
                root.display()
            ))
            .with_help("fix the problems above (`ropa check` lists them), then try again"));
        }
        Ok(loaded)
    }

    /// Writes a command's output: text for people through the colour-aware stream, CSV and
    /// JSON byte for byte. A reader that stops early (`| head`) is not an error.
    pub fn write_stdout(&self, bytes: &[u8], for_people: bool) -> Result<(), FatalError> {
        // Standard output may be a file: written in calls it takes quickly (see SmallWrites).
        let plain = |bytes: &[u8]| SmallWrites(std::io::stdout().lock()).write_all(bytes);
        let written = if for_people && self.stdout_coloured() {
            self.stdout().write_all(bytes)
        } else if for_people {
            // Colour off: the escape codes are taken out of the whole text at once, and it is
            // written at once. Through the stream, each piece between two codes was a write
            // of its own (28,822 write calls for 4,098 findings).
            plain(&anstream::adapter::strip_bytes(bytes).into_vec())
        } else {
            plain(bytes)
        };
        stdout_written(written)
    }

    /// Writes an export to standard output with `write`; a reader that stops early is not
    /// an error.
    pub fn write_stdout_with(
        &self,
        write: impl FnOnce(&mut SmallWrites<std::io::Stdout>) -> std::io::Result<()>,
    ) -> Result<(), FatalError> {
        let mut stdout = SmallWrites(std::io::stdout());
        let written = write(&mut stdout).and_then(|()| stdout.flush());
        stdout_written(written)
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

/// The outcome of a write to standard output: a reader that stopped reading (`| head`) is
/// not a failure.
fn stdout_written(written: std::io::Result<()>) -> Result<(), FatalError> {
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(FatalError::new(format!(
            "could not write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Exit {
    let ctx = Context {
        base: cli.directory.unwrap_or_else(|| PathBuf::from(".")),
        color: cli.color,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Check(args) => check::run(&ctx, &args),
        Command::Lint(args) => lint::run(&ctx, &args),
        Command::Rules(args) => rules::run(&ctx, &args),
        Command::Explain(args) => explain::run(&ctx, &args),
        Command::Init(args) => init::run(&ctx, &args),
        Command::New(args) => new::run(&ctx, &args),
        Command::Export(args) => export::run(&ctx, &args),
        Command::Notice(args) => notice::run(&ctx, &args),
        Command::Map(args) => map::run(&ctx, &args),
        Command::Import(args) => import::run(&ctx, &args),
        Command::Schema(args) => schema::run(&ctx, &args),
        Command::Completions(args) => completions::run(&ctx, &args),
        Command::Man => man::run(&ctx),
        Command::Fmt(args) => fmt::run(&ctx, &args),
        Command::List(args) => list::run(&ctx, &args),
        Command::Show(args) => show::run(&ctx, &args),
        Command::Summary(args) => summary::run(&ctx, &args),
        Command::Diff(args) => diff::run(&ctx, &args),
        Command::Log(args) => log::run(&ctx, &args),
    }
}

/// A loaded register the command uses until the process ends, deliberately never freed:
/// freeing 10,000 activities piece by piece cost about 7% of `ropa lint`'s time, and the
/// operating system takes the memory back at exit anyway.
pub fn kept_until_exit(report: LoadReport) -> &'static mut LoadReport {
    Box::leak(Box::new(report))
}
