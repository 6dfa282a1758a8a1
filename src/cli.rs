//! The command line, described once with clap's derive types. Help text, completions and the
//! man page all come from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diag::ColorChoice;

/// Keep a UK GDPR Record of Processing Activities (Article 30) as TOML files in git, and
/// check it against the UK GDPR with named, explained rules.
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
    /// Check the register against the UK GDPR rules (and everything `check` does).
    #[command(
        after_help = "Examples:\n  ropa lint registers/bolsover\n  ropa lint --format github -D warnings\n  ropa lint --format sarif > ropa.sarif\n\n\
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run."
    )]
    Lint(LintArgs),
    /// List every lint rule with its default severity and summary.
    #[command(after_help = "Examples:\n  ropa rules\n  ropa rules --format json")]
    Rules(RulesArgs),
    /// Explain one lint rule: why it matters, its legal source, and examples.
    #[command(after_help = "Example:\n  ropa explain retention-vague")]
    Explain(ExplainArgs),
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
    /// Rewrite every register file in the canonical layout: keys in the format's order, lists of
    /// several items one item per line, "..." strings, `key = value` spacing. Keeps every comment
    /// and value.
    #[command(
        after_help = "Examples:\n  ropa fmt registers/bolsover\n  ropa fmt --check\n\n\
Exit codes: 0 done (or nothing to do; with --check: every file is formatted), 1 with --check:\n\
some file would change, 2 some file could not be read or parsed (it is left unchanged)."
    )]
    Fmt(FmtArgs),
}

/// The register folder a command works on.
#[derive(Debug, Args)]
pub struct RegisterArg {
    /// The register folder, the one holding ropa.toml [default: the current folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Report RULE as an error; `-D warnings` makes every warning an error.
    #[arg(short = 'D', long = "deny", value_name = "RULE")]
    pub deny: Vec<String>,
    /// Report RULE as a warning.
    #[arg(short = 'W', long = "warn", value_name = "RULE")]
    pub warn: Vec<String>,
    /// Do not report RULE; `-A warnings` reports errors only.
    #[arg(short = 'A', long = "allow", value_name = "RULE")]
    pub allow: Vec<String>,
    /// The date to check review and contract dates against, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
    /// Also list findings silenced by waivers, with their reasons.
    #[arg(long)]
    pub show_waived: bool,
}

fn parse_date(text: &str) -> Result<crate::model::Date, String> {
    crate::model::Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

/// How `ropa lint` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Source snippets with file:line:col, rule name and help (colour on a terminal).
    Human,
    /// One line per finding: file:line:col: severity[rule]: message
    Concise,
    /// A JSON array of findings (schema/lint-output.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations on pull requests.
    Github,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A table grouped by topic.
    Text,
    /// A JSON array of {name, severity, group, summary, source}.
    Json,
    /// A Markdown list, as in the README.
    Markdown,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's name, e.g. retention-vague.
    #[arg(value_name = "RULE")]
    pub rule: String,
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

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    /// Change nothing: print a diff of each file that would change, and exit 1 if any would.
    #[arg(long)]
    pub check: bool,
}
