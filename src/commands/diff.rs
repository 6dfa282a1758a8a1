//! `ropa diff`: the register at two revisions compared in words, with the lint findings the
//! change introduced and fixed.
// Indexing cannot panic here: positions come from iterating the same list.
#![allow(clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use super::{Context, Exit};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diag::Diagnostic;
use crate::diff::render::{self, Revision};
use crate::diff::{RegisterDiff, Side, diff};
use crate::git::Repo;
use crate::lint::{LintOptions, Overrides, lint, system_today};
use crate::load::{LoadReport, load};
use crate::source::{DirSource, FatalError};

pub fn run(ctx: &Context, args: &DiffArgs) -> Exit {
    match compare(ctx, args) {
        Ok(text) => match ctx.write_stdout(text.as_bytes(), args.format == DiffFormat::Human) {
            Ok(()) => Exit::Clean,
            Err(e) => ctx.fail(&e),
        },
        Err(e) => ctx.fail(&e),
    }
}

/// One side of the comparison as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    Revision(String),
    WorkingTree,
}

/// The revisions and folder from `ropa diff`'s arguments: a last argument that is a folder
/// is the register; `A..B` names both revisions (an empty side is `HEAD`, as in git).
pub fn parse_args(
    ctx: &Context,
    args: &[String],
) -> Result<(Wanted, Wanted, Option<PathBuf>), FatalError> {
    let mut revs: Vec<&str> = args.iter().map(String::as_str).collect();
    let dir = match revs.last() {
        Some(last) if ctx.resolve(Some(Path::new(last))).is_dir() => {
            let dir = PathBuf::from(*last);
            revs.pop();
            Some(dir)
        }
        _ => None,
    };
    let rev = |r: &str| Wanted::Revision(if r.is_empty() { "HEAD" } else { r }.to_string());
    let sides = match revs.as_slice() {
        [] => (rev("HEAD"), Wanted::WorkingTree),
        [range] if range.contains("..") && !range.contains("...") => {
            let (a, b) = range.split_once("..").unwrap_or((range, ""));
            (rev(a), rev(b))
        }
        [one] => (rev(one), Wanted::WorkingTree),
        [a, b] => (rev(a), rev(b)),
        _ => {
            return Err(FatalError::new(format!(
                "`{}` is not a register folder, and at most two revisions can be compared",
                revs[revs.len() - 1]
            ))
            .with_help("e.g. `ropa diff main HEAD registers/harborough`"));
        }
    };
    Ok((sides.0, sides.1, dir))
}

/// A side loaded and linted.
pub struct Loaded {
    pub revision: Revision,
    pub report: LoadReport,
    pub findings: Vec<Diagnostic>,
}

/// Loads one side: a revision from git's objects, or the folder on disk.
pub fn load_side(
    repo: &Repo,
    root: &Path,
    wanted: &Wanted,
    options: &LintOptions,
) -> Result<Loaded, FatalError> {
    let (revision, report) = match wanted {
        Wanted::Revision(name) => {
            let commit = repo.resolve(name)?;
            let source = repo.source_at(&commit, root.display().to_string())?;
            let report = load(&source)?;
            (
                Revision {
                    name: name.clone(),
                    commit: Some(commit),
                },
                report,
            )
        }
        Wanted::WorkingTree => (Revision::working_tree(), load(&DirSource::new(root))?),
    };
    let mut findings = report.problems.clone();
    findings.extend(lint(&report.register, options).diagnostics);
    Ok(Loaded {
        revision,
        report,
        findings,
    })
}

/// The comparison of two loaded sides.
pub fn compare_sides(old: &Loaded, new: &Loaded) -> RegisterDiff {
    diff(
        &Side {
            register: &old.report.register,
            findings: &old.findings,
        },
        &Side {
            register: &new.report.register,
            findings: &new.findings,
        },
    )
}

fn compare(ctx: &Context, args: &DiffArgs) -> Result<String, FatalError> {
    let (from, to, dir) = parse_args(ctx, &args.args)?;
    let root = ctx.register_root(dir.as_deref())?;
    if !root.is_dir() {
        return Err(
            FatalError::new(format!("`{}` is not a folder", root.display()))
                .with_help("give the register's folder, the one that holds ropa.toml"),
        );
    }
    let repo = Repo::find(&root)?;
    let options = LintOptions {
        today: args.today.unwrap_or_else(system_today),
        cli: Overrides::default(),
    };
    let old = load_side(&repo, &root, &from, &options)?;
    let new = load_side(&repo, &root, &to, &options)?;
    let changes = compare_sides(&old, &new);
    Ok(match args.format {
        DiffFormat::Human => render::human(&changes, &old.revision, &new.revision),
        DiffFormat::Markdown => render::markdown(&changes, &old.revision, &new.revision),
        DiffFormat::Json => render::json(&changes, &old.revision, &new.revision),
    })
}
