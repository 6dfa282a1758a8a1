//! The command line, described once with clap's derive types. Help text, completions and the
//! man page all come from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diag::ColorChoice;

/// Keep a UK GDPR Record of Processing Activities (Article 30) as TOML files in git,
/// check it, and export it.
#[derive(Debug, Parser)]
#[command(name = "ropa", version, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 no problems, 1 problems found, 2 the command could not run.\n\
Docs: see README.md, or `ropa <command> --help`."
)]
pub struct Cli {
    /// Run in DIR instead of the current folder (paths given to commands are relative to it).
    #[arg(short = 'C', long = "directory", global = true, value_name = "DIR")]
    pub directory: Option<PathBuf>,

    /// When to use colours: auto colours a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that every file of a register can be read and matches the format.
    #[command(after_help = "Example:\n  ropa check registers/bolsover")]
    Check(RegisterArg),
    /// Create a new register: ropa.toml, activities/, processors/ and editor schemas.
    #[command(
        after_help = "Example:\n  ropa init my-register --name \"Harborough District Council\""
    )]
    Init(InitArgs),
    /// Add an activity or processor file from a commented template.
    #[command(
        after_help = "Examples:\n  ropa new activity customer-services/call-recording\n  ropa new processor rostrvm"
    )]
    New(NewArgs),
    /// Print the JSON Schema of a register file, or write all of them to a folder.
    #[command(after_help = "Examples:\n  ropa schema activity\n  ropa schema --write schema")]
    Schema(SchemaArgs),
}

/// The register folder a command works on.
#[derive(Debug, Args)]
pub struct RegisterArg {
    /// The register folder, the one holding ropa.toml [default: the current folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the register [default: the current folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The organisation's name, written into ropa.toml.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Overwrite the files init writes, even when a register is already there.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// Its id: for an activity a path such as customer-services/call-recording, for a processor
    /// a single name such as rostrvm (lowercase a-z, 0-9 and -).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The register folder [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub register: Option<PathBuf>,
    /// Overwrite the file if it already exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    /// A processing activity: activities/<id>.toml
    Activity,
    /// A processor or other recipient organisation: processors/<id>.toml
    Processor,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum, required_unless_present = "write")]
    pub kind: Option<SchemaKind>,
    /// Write all schemas into this folder instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "kind")]
    pub write: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// ropa.toml
    Register,
    /// activities/**/*.toml
    Activity,
    /// processors/*.toml
    Processor,
}
