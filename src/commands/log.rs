//! `ropa log`: who changed the register (or one activity or processor), when, and what —
//! each commit's changes in the words of `ropa diff`.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Serialize;

use super::{Context, Exit};
use crate::cli::{DiffFormat, LogArgs};
use crate::diff::render::{change_line, heading};
use crate::diff::{ItemDiff, RegisterDiff, Side, diff};
use crate::git::{Commit, Repo, short};
use crate::load::load;
use crate::model::Register;
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &LogArgs) -> Exit {
    match history(ctx, args) {
        Ok(text) => match ctx.write_stdout(text.as_bytes(), args.format == DiffFormat::Human) {
            Ok(()) => Exit::Clean,
            Err(e) => ctx.fail(&e),
        },
        Err(e) => ctx.fail(&e),
    }
}

/// What the log is of.
enum Subject {
    Register,
    Activity(String),
    Processor(String),
}

impl Subject {
    fn from_args(args: &LogArgs) -> Result<Subject, FatalError> {
        Ok(match (args.id.as_deref(), args.processor_id.as_deref()) {
            (None, _) => Subject::Register,
            (Some("processor"), Some(id)) => Subject::Processor(id.to_string()),
            (Some("processor"), None) => {
                return Err(
                    FatalError::new("`ropa log processor` needs the processor's id")
                        .with_help("e.g. `ropa log processor capita`"),
                );
            }
            (Some(id), None) => Subject::Activity(id.trim_end_matches(".toml").to_string()),
            (Some(_), Some(extra)) => {
                return Err(
                    FatalError::new(format!("unexpected `{extra}` after the id"))
                        .with_help("give one activity id, or `processor` and a processor's id"),
                );
            }
        })
    }

    /// The file inside the register whose history is wanted.
    fn path(&self) -> Option<String> {
        match self {
            Subject::Register => None,
            Subject::Activity(id) => Some(format!("activities/{id}.toml")),
            Subject::Processor(id) => Some(format!("processors/{id}.toml")),
        }
    }

    /// The part of a commit's changes about this subject.
    fn keep(&self, mut changes: RegisterDiff) -> RegisterDiff {
        fn is(id: &str, item: &ItemDiff) -> bool {
            item.id == id || item.from.as_deref() == Some(id)
        }
        match self {
            Subject::Register => {}
            Subject::Activity(id) => {
                changes.settings.clear();
                changes.processors.clear();
                changes.activities.retain(|item| is(id, item));
            }
            Subject::Processor(id) => {
                changes.settings.clear();
                changes.activities.clear();
                changes.processors.retain(|item| is(id, item));
            }
        }
        changes
    }
}

/// One commit and what it changed.
#[derive(Serialize)]
struct Entry {
    commit: String,
    date: String,
    author: String,
    subject: String,
    settings: Vec<crate::diff::Change>,
    activities: Vec<ItemDiff>,
    processors: Vec<ItemDiff>,
}

fn history(ctx: &Context, args: &LogArgs) -> Result<String, FatalError> {
    let subject = Subject::from_args(args)?;
    let root = ctx.register_root(args.register.as_deref())?;
    let repo = Repo::find(&root)?;
    let paths: Vec<String> = subject.path().into_iter().collect();
    let commits = repo.log(&paths, args.max_count)?;
    // Each revision is loaded once: a commit's parent is usually the next commit listed.
    let mut loaded: HashMap<String, Rc<Register>> = HashMap::new();
    let mut register_at = |commit: &str| -> Result<Rc<Register>, FatalError> {
        if let Some(register) = loaded.get(commit) {
            return Ok(Rc::clone(register));
        }
        // Before the register was added, there was none: everything in it is new.
        let register = Rc::new(
            match repo.source_if_present(commit, root.display().to_string())? {
                Some(source) => load(&source)?.register,
                None => Register::default(),
            },
        );
        loaded.insert(commit.to_string(), Rc::clone(&register));
        Ok(register)
    };
    let mut entries = Vec::new();
    for commit in &commits {
        let after = register_at(&commit.id)?;
        let before = match &commit.parent {
            Some(parent) => register_at(parent)?,
            None => Rc::new(Register::default()),
        };
        let side = |register| Side {
            register,
            findings: &[],
        };
        let changes = subject.keep(diff(&side(&before), &side(&after)));
        entries.push(entry(commit, changes));
    }
    Ok(match args.format {
        DiffFormat::Json => {
            let mut text = serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".into());
            text.push('\n');
            text
        }
        DiffFormat::Human => human(&entries),
        DiffFormat::Markdown => markdown(&entries),
    })
}

fn entry(commit: &Commit, changes: RegisterDiff) -> Entry {
    Entry {
        commit: commit.id.clone(),
        date: commit.date.clone(),
        author: commit.author.clone(),
        subject: commit.subject.clone(),
        settings: changes.settings,
        activities: changes.activities,
        processors: changes.processors,
    }
}

/// The lines of one commit's changes; a field's change is indented under its item.
fn lines(entry: &Entry) -> Vec<String> {
    let mut out: Vec<String> = entry
        .settings
        .iter()
        .map(|c| format!("ropa.toml: {}", change_line(c)))
        .collect();
    let kinds = [("", &entry.activities), ("processor ", &entry.processors)];
    for (kind, items) in kinds {
        for item in items {
            out.push(format!("{kind}{}", heading(item, false)));
            out.extend(
                item.changes
                    .iter()
                    .map(|c| format!("    {}", change_line(c))),
            );
        }
    }
    if out.is_empty() {
        out.push("no change to what the register records (comments or layout only)".into());
    }
    out
}

fn human(entries: &[Entry]) -> String {
    if entries.is_empty() {
        return "No commits have changed it.\n".into();
    }
    let mut out = String::new();
    for entry in entries {
        out.push_str(&format!(
            "{}  {}  {}  {}\n",
            entry.date,
            short(&entry.commit),
            entry.author,
            entry.subject
        ));
        for line in lines(entry) {
            out.push_str(&format!("    {line}\n"));
        }
        out.push('\n');
    }
    out
}

fn markdown(entries: &[Entry]) -> String {
    let mut out = String::from("### Register history\n");
    if entries.is_empty() {
        out.push_str("\nNo commits have changed it.\n");
    }
    for entry in entries {
        out.push_str(&format!(
            "\n**{}** `{}` {} — {}\n\n",
            entry.date,
            short(&entry.commit),
            entry.author.replace('|', "\\|"),
            entry.subject.replace('|', "\\|")
        ));
        for line in lines(entry) {
            let depth = line.len() - line.trim_start().len();
            let indent = if depth > 0 { "  " } else { "" };
            out.push_str(&format!("{indent}- {}\n", line.trim_start()));
        }
    }
    out
}
