//! The command line, described once with clap's derive types. Help text, completions and the
//! man page all come from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::engine::ArgValueCompleter;

use crate::complete::{RuleName, activity_folders};

use crate::diag::ColorChoice;

/// The version `--version` prints: the package version, then the git commit when built from a
/// clone (set by build.rs).
pub const VERSION: &str = env!("ROPA_VERSION");

/// The heading of the options every command takes, so each command's own options come first.
const GLOBAL: &str = "Global options";

/// Keep a UK GDPR Record of Processing Activities (Article 30) as TOML files in git, and
/// check it against the UK GDPR with named, explained rules.
#[derive(Debug, Parser)]
#[command(name = "ropa", version = VERSION, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  ropa init my-register --name \"Harborough District Council\"\n  \
ropa new activity customer-services/call-recording\n  ropa lint\n\n\
Exit codes: 0 no problems, 1 problems found, 2 the command could not run.\n\
Docs: see README.md, or `ropa <command> --help`."
)]
pub struct Cli {
    /// Run in DIR instead of the current folder: paths given to commands are relative to it,
    /// and the search for ropa.toml starts there.
    #[arg(short = 'C', long = "directory", global = true, value_name = "DIR", value_hint = ValueHint::DirPath, help_heading = GLOBAL)]
    pub directory: Option<PathBuf>,

    /// When to use colours: auto colours a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, help_heading = GLOBAL)]
    pub color: ColorChoice,

    /// Print only what was asked for: findings, not summaries or next steps.
    #[arg(short, long, global = true, conflicts_with = "verbose", help_heading = GLOBAL)]
    pub quiet: bool,

    /// Also say on stderr which register folder was used and how many files were read.
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that every file of a register can be read and matches the format.
    #[command(
        after_help = "Examples:\n  ropa check registers/bolsover\n  ropa check                     (in any folder inside a register)"
    )]
    Check(RegisterArg),
    /// Check the register against the UK GDPR rules (and everything `check` does).
    #[command(
        after_help = "Examples:\n  ropa lint registers/bolsover\n  ropa lint --format github -D warnings\n  ropa lint --format sarif > ropa.sarif\n  ropa lint --format gitlab > gl-code-quality-report.json\n  ropa lint -q --format concise -A review-date-missing\n\n\
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
    /// Write the register as a spreadsheet in the ICO template's layout, CSV, JSON or a web page.
    #[command(
        after_help = "Examples:\n  ropa export xlsx registers/bolsover -o ropa.xlsx\n  \
ropa export csv --sheet retention -o - > retention.csv\n  \
ropa export json --function \"Customer Services\" -o register.json\n  \
ropa export html registers/bolsover -o ropa.html\n\n\
An existing output file is replaced only with --force, or when ropa export wrote it.\n\
Exports run on registers with lint findings; a register that does not load exits with 2."
    )]
    Export(ExportArgs),
    /// Write a privacy notice (UK GDPR Arts 13 and 14) from the register, as Markdown or a web
    /// page, so the notice says exactly what the record holds.
    #[command(
        after_help = "Examples:\n  ropa notice registers/bolsover -o privacy-notice.md\n  \
ropa notice --function \"Customer Services\" --format html -o customer-services.html\n  \
ropa notice --activity 'customer-services/cctv' -o -\n\n\
Items the register does not hold are marked [not recorded] and listed on stderr with the file\n\
and field to fill in; `ropa lint` reports the same gaps. With --strict nothing is written while\n\
any item is missing. Activities done as a processor are left out: the controller they are done\n\
for gives the notice.\n\
Exit codes: 0 written, 1 --strict and items are missing, 2 could not run."
    )]
    Notice(NoticeArgs),
    /// Draw the data-flow map: whose data flows into which activity, to which recipients and
    /// processors, and to which countries, with the problems lint finds marked on it.
    #[command(
        after_help = "Examples:\n  ropa map registers/customer-services-council -o map.svg\n  \
ropa map --format html -o map.html\n  \
ropa map --by processor --format mermaid -o -\n  \
ropa map --by country --function \"Customer Services\" --format dot -o map.dot\n\n\
svg and html are drawn by ropa itself, offline; mermaid renders in GitHub and GitLab Markdown;\n\
dot is for Graphviz. The same register always gives the same bytes.\n\
Exit codes: 0 written, 2 could not run."
    )]
    Map(MapArgs),
    /// Turn a spreadsheet ROPA (the ICO template, your own variant of it, or a ropa export)
    /// into a register.
    #[command(
        after_help = "Examples:\n  ropa import ropa.xlsx --into my-register\n  \
ropa import ropa.xlsx --dry-run --report import-report.json\n  \
ropa import ropa.csv --into my-register --force      (add to an existing register)\n  \
ropa import council.xlsx --sheet \"ROPA 2025\" --into my-register\n\n\
Every non-empty cell is mapped to a field, kept word for word (in notes, or the nearest text\n\
field), or skipped with a reason; --report FILE lists each one. Nothing is written until the\n\
whole import has succeeded, and no existing file is ever replaced."
    )]
    Import(ImportArgs),
    /// List activities as a table, filtered and sorted: which use a processor, which rely on
    /// consent, which fail lint.
    #[command(
        after_help = "Examples:\n  ropa list registers/customer-services-council --processor capita\n  \
ropa list --basis consent --sort name\n  \
ropa list --special health --failing\n  \
ropa list --overdue --format csv > overdue.csv\n\n\
Filters combine: an activity is listed when it meets every filter given; repeating a filter\n\
(--basis consent --basis contract) lists activities that meet any of its values."
    )]
    List(ListArgs),
    /// Show one activity, or one processor, as a card with its lint findings.
    #[command(
        override_usage = "ropa show [OPTIONS] <ID>\n       ropa show [OPTIONS] processor <ID>",
        after_help = "Examples:\n  ropa show customer-services/call-recording\n  \
ropa show --register registers/customer-services-council processor capita\n\n\
An id that is not in the register exits with 2 and names the nearest ids."
    )]
    Show(ShowArgs),
    /// Summarise the register: how complete each Art 30 item is, bases, special categories,
    /// processors, transfers, overdue reviews, DPIAs and lint totals.
    #[command(
        after_help = "Examples:\n  ropa summary registers/oadby-wigston\n  ropa summary --format json > summary.json"
    )]
    Summary(SummaryArgs),
    /// Print the JSON Schema of a register file, or write all of them to a folder.
    #[command(after_help = "Examples:\n  ropa schema activity\n  ropa schema --write schema")]
    Schema(SchemaArgs),
    /// Print the shell completion script for SHELL (see the README for where to put it).
    #[command(
        after_help = "Examples:\n  ropa completions bash > ~/.local/share/bash-completion/completions/ropa\n  ropa completions zsh > ~/.zfunc/_ropa\n  ropa completions fish > ~/.config/fish/completions/ropa.fish\n\n\
Dynamic completion, which also offers the register's activity folders, asks ropa itself:\n  source <(COMPLETE=bash ropa)"
    )]
    Completions(CompletionsArgs),
    /// Print ropa's manual page (roff), covering every command.
    #[command(
        after_help = "Examples:\n  ropa man | man -l -\n  ropa man > ~/.local/share/man/man1/ropa.1"
    )]
    Man,
    /// Rewrite every register file in the canonical layout: keys in the format's order, lists of
    /// several items one item per line, "..." strings, `key = value` spacing. Keeps every comment
    /// and value.
    #[command(
        after_help = "Examples:\n  ropa fmt registers/bolsover\n  ropa fmt --check\n\n\
Exit codes: 0 done (or nothing to do; with --check: every file is formatted), 1 with --check:\n\
some file would change, 2 some file could not be read or parsed (it is left unchanged)."
    )]
    Fmt(FmtArgs),
    /// Compare the register at two git revisions, in words: activities and processors added,
    /// removed, moved and changed field by field, the settings, and the lint findings the
    /// change introduced and fixed.
    #[command(
        override_usage = "ropa diff [OPTIONS] [REV_A] [REV_B] [DIR]",
        after_help = "Examples:\n  ropa diff                      (HEAD against the working tree)\n  \
ropa diff main                 (main against the working tree)\n  \
ropa diff v1.0 v2.0 registers/harborough\n  \
ropa diff origin/main..HEAD --format markdown > comment.md\n\n\
Revisions are read from git's objects: nothing is checked out, and the working tree and index\n\
are left untouched. Re-ordered lists, comments, formatting and whitespace are not changes.\n\
Exit codes: 0 compared (whatever changed), 2 a revision is unknown, the folder is not in a\n\
git repository, or the register does not exist at a revision."
    )]
    Diff(DiffArgs),
    /// The register's history, or one activity's or processor's: each commit that changed it,
    /// with its date, author and the changes in words.
    #[command(
        after_help = "Examples:\n  ropa log\n  ropa log customer-services/call-recording\n  \
ropa log processor capita --register registers/customer-services-council\n  ropa log -n 5"
    )]
    Log(LogArgs),
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Up to two revisions (a commit, branch or tag; `A..B` for both) and then the register
    /// folder [default: HEAD against the working tree, the register found from the current
    /// folder]
    #[arg(value_name = "REV|DIR", num_args = 0..=3)]
    pub args: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// The date review and contract findings are checked against, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
}

/// How `ropa diff` and `ropa log` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text for a terminal.
    Human,
    /// Markdown, ready to post as a pull-request comment: a table per changed activity.
    Markdown,
    /// JSON (schema/diff.schema.json).
    Json,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// An activity's id, or `processor` and a processor's id [default: the whole register]
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// The processor's id, after `processor`.
    #[arg(value_name = "PROCESSOR_ID", hide = true)]
    pub processor_id: Option<String>,
    /// The register folder [default: found by looking in the current folder, then each folder
    /// above it]
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub register: Option<PathBuf>,
    /// Show at most this many commits, newest first.
    #[arg(short = 'n', long = "max-count", value_name = "N")]
    pub max_count: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The register folder a command works on.
#[derive(Debug, Args)]
pub struct RegisterArg {
    /// The register folder, the one holding ropa.toml [default: found by looking in the current
    /// folder, then each folder above it]
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The register folder [default: found from the current folder], or register files
    /// (`activities/x.toml` …): the whole register is linted, but only the findings in those
    /// files are shown and counted, for editors and pre-commit.
    #[arg(value_name = "DIR|FILE", value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Show only the findings of this business function's activities (repeat for several).
    #[arg(long = "function", value_name = "NAME")]
    pub functions: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Report RULE as an error; `-D warnings` makes every warning an error.
    #[arg(short = 'D', long = "deny", value_name = "RULE", value_parser = RuleName { warnings: true }, hide_possible_values = true)]
    pub deny: Vec<String>,
    /// Report RULE as a warning.
    #[arg(short = 'W', long = "warn", value_name = "RULE", value_parser = RuleName { warnings: false }, hide_possible_values = true)]
    pub warn: Vec<String>,
    /// Do not report RULE; `-A warnings` reports errors only.
    #[arg(short = 'A', long = "allow", value_name = "RULE", value_parser = RuleName { warnings: true }, hide_possible_values = true)]
    pub allow: Vec<String>,
    /// The date to check review and contract dates against, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
    /// Also list findings silenced by waivers, with their reasons.
    #[arg(long)]
    pub show_waived: bool,
    /// Show only findings that are new since this git revision (a commit, branch or tag, e.g.
    /// origin/main): the register as it was there is linted too, and findings in both are
    /// not shown.
    #[arg(long, value_name = "REV", conflicts_with = "baseline")]
    pub since: Option<String>,
    /// Show only findings that are not in this baseline file (written by --write-baseline);
    /// baseline findings no longer found are reported as fixed.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub baseline: Option<PathBuf>,
    /// Write every current finding to FILE as the baseline, then exit 0. An existing file is
    /// replaced only if it is a baseline.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with_all = ["since", "baseline"])]
    pub write_baseline: Option<PathBuf>,
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
    /// GitLab Code Quality report (JSON), for the merge request widget.
    Gitlab,
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
    /// Markdown tables, as in the README.
    Markdown,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's name, e.g. retention-vague.
    #[arg(value_name = "RULE", value_parser = RuleName { warnings: false }, hide_possible_values = true)]
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the register [default: the current folder]
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
    /// The organisation's name, written into ropa.toml.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Overwrite the files init writes, even when a register is already there.
    #[arg(long)]
    pub force: bool,
    /// The organisation is a public authority (councils and other public bodies are): a DPO
    /// is required and the rules for public tasks apply.
    #[arg(long, conflicts_with = "no_public_authority")]
    pub public_authority: bool,
    /// The organisation is not a public authority (the default).
    #[arg(long)]
    pub no_public_authority: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// Its id: for an activity a path such as customer-services/call-recording, for a processor
    /// a single name such as rostrvm (lowercase a-z, 0-9 and -).
    #[arg(value_name = "ID", add = ArgValueCompleter::new(activity_folders))]
    pub id: String,
    /// The register folder [default: found by looking in the current folder, then each folder
    /// above it]
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
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
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath, conflicts_with = "kind")]
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
    /// The output of `ropa lint --format json`
    LintOutput,
    /// The output of `ropa export json`
    Export,
    /// The report of `ropa import --report FILE`
    ImportReport,
    /// The output of `ropa diff --format json`
    Diff,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx, .xlsm, .xls, .ods, or .csv (comma, semicolon or tab separated;
    /// UTF-8 or Windows-1252).
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: PathBuf,
    /// The register folder to create [default: a folder named after FILE, e.g. ropa.xlsx →
    /// ropa].
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub into: Option<PathBuf>,
    /// The sheet that holds the record, when ropa picks the wrong one.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Read the spreadsheet and report what would be imported, but write no register files.
    #[arg(long)]
    pub dry_run: bool,
    /// Add to a folder that already holds files (an existing register): imported files are
    /// added, nothing there is replaced or deleted.
    #[arg(long)]
    pub force: bool,
    /// Also write the report of every cell, as JSON (schema/import-report.schema.json).
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub report: Option<PathBuf>,
    /// The date the lint counts at the end are worked out for (YYYY-MM-DD; default today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
}

/// Which activities a command covers: `--function` and `--activity`, the same for `export`,
/// `list`, `map` and `notice`.
#[derive(Debug, Args)]
pub struct ActivityScope {
    /// Only activities of this business function (repeat for several).
    #[arg(long = "function", value_name = "NAME")]
    pub functions: Vec<String>,
    /// Only activities whose id matches this pattern, e.g. 'customer-services/*' (repeat for
    /// several).
    #[arg(long = "activity", value_name = "GLOB")]
    pub activities: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    #[command(flatten)]
    pub scope: ActivityScope,
    /// What the map is arranged by.
    #[arg(long, value_enum, default_value_t = MapBy::Flow)]
    pub by: MapBy,
    /// The file format.
    #[arg(long, value_enum, default_value_t = MapFormat::Svg)]
    pub format: MapFormat,
    /// Where to write the map (required); `-` writes to standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Replace FILE even if ropa map did not write it.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapBy {
    /// Data subjects → activities → recipients and processors → countries outside the UK.
    Flow,
    /// Each processor with the activities that feed it, its contract and where it works.
    Processor,
    /// Each destination outside the UK with its adequacy status, and what sends data there.
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapFormat {
    /// A drawing (scalable vector graphics).
    Svg,
    /// A web page with the drawing, its key and a table of every flow.
    Html,
    /// Mermaid, for GitHub and GitLab Markdown.
    Mermaid,
    /// Graphviz DOT.
    Dot,
}

#[derive(Debug, Args)]
pub struct NoticeArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    #[command(flatten)]
    pub scope: ActivityScope,
    /// The file format.
    #[arg(long, value_enum, default_value_t = NoticeFormat::Markdown)]
    pub format: NoticeFormat,
    /// Where to write the notice (required); `-` writes to standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Replace FILE even if ropa notice did not write it.
    #[arg(long)]
    pub force: bool,
    /// Fail (exit 1, nothing written) when any item of the notice is not recorded.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    /// Markdown, for a web content system.
    Markdown,
    /// One self-contained web page.
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file format.
    #[arg(value_enum)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub register: RegisterArg,
    /// Where to write the export (required); `-` writes to standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Replace FILE even if ropa export did not write it.
    #[arg(long)]
    pub force: bool,
    /// HTML: fail (exit 1, nothing written) when the register has lint errors or the page
    /// would show items as "Not recorded".
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub scope: ActivityScope,
    /// CSV: which sheet of the workbook to write.
    #[arg(long, value_enum, default_value_t = ExportSheet::Record)]
    pub sheet: ExportSheet,
    /// CSV: what joins several items in one cell.
    #[arg(long, value_name = "TEXT", default_value = "; ")]
    pub separator: String,
    /// CSV: start with a byte order mark so Excel reads the file as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// CSV: do not neutralise cells that a spreadsheet would run as formulas.
    #[arg(long)]
    pub raw: bool,
    /// XLSX: add a sheet of lint findings.
    #[arg(long)]
    pub with_findings: bool,
    /// XLSX with --with-findings: the date to check review dates against, YYYY-MM-DD
    /// [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// An Excel workbook laid out like the ICO controller documentation template.
    Xlsx,
    /// One sheet as CSV (RFC 4180, UTF-8).
    Csv,
    /// The whole register as one JSON document (schema/export.schema.json).
    Json,
    /// One self-contained web page to publish as the council's record (no internal links).
    Html,
}

/// The sheets `--sheet` can choose for CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportSheet {
    /// The ICO template's 30 columns, one row per controller activity.
    Record,
    /// Activities carried out as a processor for other controllers (Art 30(2)).
    ProcessorRecord,
    /// Processors and other recipient organisations.
    Processors,
    /// One row per retention rule.
    Retention,
    /// One row per transfer outside the UK.
    Transfers,
    /// One row per waiver: the rule, the reason and the activity.
    Waivers,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    /// Change nothing: print a diff of each file that would change, and exit 1 if any would.
    #[arg(long)]
    pub check: bool,
}

/// The filters of `ropa list`. Each is checked against the register or its closed lists, so a
/// typo is an error with a suggestion rather than an empty list.
#[derive(Debug, Args)]
pub struct ListFilters {
    #[command(flatten)]
    pub scope: ActivityScope,
    /// Only activities relying on this Article 6 basis, e.g. consent or public-task.
    #[arg(long = "basis", value_name = "SLUG")]
    pub bases: Vec<String>,
    /// Only activities with special category data; with a value, of that category, e.g.
    /// health. Put DIR before it, or write --special=health.
    #[arg(long, value_name = "CATEGORY", num_args = 0..=1)]
    pub special: Option<Vec<String>>,
    /// Only activities with criminal offence data (Art 10).
    #[arg(long)]
    pub criminal: bool,
    /// Only activities that use this processor (its id, or its name).
    #[arg(long = "processor", value_name = "ID")]
    pub processors: Vec<String>,
    /// Only activities whose data goes to this country (ISO code, e.g. US): a transfer there
    /// is recorded, or one of its processors (or their sub-processors) works there.
    #[arg(long = "country", value_name = "CODE")]
    pub countries: Vec<String>,
    /// Only activities with this role: controller, joint-controller or processor.
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Only activities whose review date has passed (as `review-overdue` finds).
    #[arg(long)]
    pub overdue: bool,
    /// Only activities with lint errors.
    #[arg(long)]
    pub failing: bool,
    /// Only activities with this word in any of their text: name, description, purposes, data
    /// subjects, personal data, sources, recipients, notes … (any case).
    #[arg(long, value_name = "WORD")]
    pub text: Vec<String>,
    /// Only activities with this word in a category of data subjects (any case).
    #[arg(long = "data-subject", value_name = "WORD")]
    pub data_subjects: Vec<String>,
    /// Only activities with this word in a category of personal data (any case).
    #[arg(long = "data", value_name = "WORD")]
    pub personal_data: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    #[command(flatten)]
    pub filters: ListFilters,
    /// Sort by a column, named by its key (id, name, business_function, article6,
    /// special_category, processors, retention, errors, warnings), its heading, or a word of
    /// one heading such as `basis` [default: id]
    #[arg(long, value_name = "COLUMN")]
    pub sort: Option<String>,
    /// Show only these columns, in this order, named as for --sort, e.g. `--columns
    /// id,name,retention`. Without it a narrow terminal leaves columns out to keep ids whole,
    /// and says which.
    #[arg(long, value_name = "COLUMN,...", value_delimiter = ',')]
    pub columns: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// The date for --overdue and the lint counts, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table fitted to the terminal (or to COLUMNS, else 100 characters, when piped).
    Table,
    /// CSV, as `ropa export csv` writes it.
    Csv,
    /// A JSON array with one object per activity.
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The activity's id, e.g. customer-services/call-recording; or `processor`, then the
    /// processor's id.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The processor's id, after `processor`.
    #[arg(value_name = "PROCESSOR_ID", hide = true)]
    pub processor_id: Option<String>,
    /// The register folder [default: found by looking in the current folder, then each folder
    /// above it]
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub register: Option<PathBuf>,
    /// The date for review and contract status and lint findings, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub register: RegisterArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
    /// The date for overdue reviews, contract status and lint totals, YYYY-MM-DD
    /// [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Tables fitted to the terminal (or to COLUMNS, else 100 characters, when piped).
    Table,
    /// One JSON document for dashboards.
    Json,
}
