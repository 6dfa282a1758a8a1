//! `ropa lint`: everything `check` does, plus the UK GDPR rules.
// Indexing cannot panic here: indexes come from enumerating the same findings.
#![allow(clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Exit};
use crate::cli::{LintArgs, LintFormat};
use crate::diag::{
    Counts, Diagnostic, JsonFinding, SarifRule, render_concise, render_github, render_gitlab,
    render_human, render_json, render_sarif, render_summary,
};
use crate::lint::baseline::{Known, may_write_baseline, read_baseline};
use crate::lint::fingerprint::fingerprints;
use crate::lint::{LintOptions, Overrides, RULES, lint, system_today};
use crate::load::{LOAD_CHECKS, load};
use crate::source::{DirSource, FatalError};

pub fn run(ctx: &Context, args: &LintArgs) -> Exit {
    let cli = match Overrides::from_flags(&args.deny, &args.warn, &args.allow) {
        Ok(cli) => cli,
        Err(message) => {
            return ctx.fail(&FatalError::new(message).with_help("`ropa rules` lists every rule"));
        }
    };
    let (dir, named_files) = match split_paths(ctx, &args.paths) {
        Ok(split) => split,
        Err(e) => return ctx.fail(&e),
    };
    let root = match dir {
        Some(dir) => dir,
        None => match ctx.register_root(None) {
            Ok(root) => root,
            Err(e) => return ctx.fail(&e),
        },
    };
    let loaded = match load(&DirSource::new(root.clone())) {
        Ok(loaded) => super::kept_until_exit(loaded),
        Err(e) => return ctx.fail(&e),
    };
    ctx.info_loaded(&loaded.register);
    let options = LintOptions {
        today: args.today.unwrap_or_else(system_today),
        cli,
    };
    // Kept until exit, as the register is (see `kept_until_exit`).
    let report = std::mem::ManuallyDrop::new(lint(&loaded.register, &options));
    // GitHub reads annotation and SARIF paths from the workspace root, wherever ropa ran.
    if matches!(args.format, LintFormat::Github | LintFormat::Sarif)
        && let Some(register) = crate::diag::register_in_github_workspace(&root)
    {
        loaded.register.files.set_display_root(register);
    }
    let files = &loaded.register.files;

    let shown = match shown_files(&loaded.register, &root, &named_files, &args.functions) {
        Ok(shown) => shown,
        Err(e) => return ctx.fail(&e),
    };
    let keep = |d: &Diagnostic| shown.as_ref().is_none_or(|s| s.contains(&d.file));
    let mut all: Vec<Diagnostic> = loaded
        .problems
        .iter()
        .filter(|d| keep(d))
        .cloned()
        .collect();
    all.extend(report.diagnostics.iter().filter(|d| keep(d)).cloned());
    crate::diag::sort(&mut all, files);
    // A finding's fingerprint tells it from the same finding elsewhere: it is needed to compare
    // with a baseline or an earlier revision, and for the JSON and GitLab formats, and is made
    // only then (for 4,000 findings it was 2% of `ropa lint`'s time, on one core).
    let needs_prints = args.write_baseline.is_some()
        || args.since.is_some()
        || args.baseline.is_some()
        || matches!(args.format, LintFormat::Json | LintFormat::Gitlab);
    let mut prints = if needs_prints {
        fingerprints(&all, &loaded.register)
    } else {
        Vec::new()
    };
    if let Some(path) = &args.write_baseline {
        let path = ctx.resolve(Some(path));
        return match write_baseline(&path, &all, &prints, files) {
            Ok(()) => {
                if !ctx.quiet {
                    let _ = writeln!(
                        ctx.stderr(),
                        "wrote {} finding{} to the baseline {}: `ropa lint --baseline {}` now shows only new ones",
                        all.len(),
                        if all.len() == 1 { "" } else { "s" },
                        path.display(),
                        path.display()
                    );
                }
                Exit::Clean
            }
            Err(e) => ctx.fail(&e),
        };
    }
    let known = match known_findings(ctx, &root, args, &options) {
        Ok(known) => known,
        Err(e) => return ctx.fail(&e),
    };
    let prints_of_everything = if known.is_some() {
        prints.clone()
    } else {
        Vec::new()
    };
    let mut hidden = 0;
    if let Some((known, _)) = &known {
        let before = all.len();
        let kept: Vec<(Diagnostic, String)> = all
            .into_iter()
            .zip(prints)
            .filter(|(_, print)| !known.prints.contains(print))
            .collect();
        hidden = before - kept.len();
        (all, prints) = kept.into_iter().unzip();
    }
    let waived: Vec<(&Diagnostic, &str)> = if args.show_waived || args.format == LintFormat::Sarif {
        report
            .waived
            .iter()
            .filter(|w| keep(&w.diagnostic))
            .map(|w| (&w.diagnostic, w.reason.as_str()))
            .collect()
    } else {
        Vec::new()
    };

    let counts = Counts::of(&all);
    let activities = loaded.register.activities.len();
    let plural = |n: usize| if n == 1 { "y" } else { "ies" };
    let scope = match &shown {
        None => format!("in {activities} activit{}", plural(activities)),
        Some(files) => {
            let named = loaded
                .register
                .activities
                .iter()
                .filter(|a| files.contains(&a.file))
                .count();
            format!("in {named} of {activities} activit{}", plural(activities))
        }
    };
    let mut summary = render_summary(counts, &scope);
    let waived_count = report.waived.iter().filter(|w| keep(&w.diagnostic)).count();
    if waived_count > 0 {
        summary.push_str(&format!(" ({waived_count} waived)"));
    }
    if let Some((_, against)) = &known {
        summary.push_str(&format!(
            "; {hidden} existing finding{} not shown (already in {against})",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    summary.push('\n');
    if ctx.quiet {
        summary.clear();
    }

    let text = match args.format {
        LintFormat::Human => {
            let mut text = render_human(&all, files, ctx.stdout_coloured());
            text.push_str(&render_waived_human(&waived, files));
            text.push_str(&summary);
            text
        }
        LintFormat::Concise => {
            let mut text = render_concise(&all, files);
            for (d, reason) in &waived {
                text.push_str(&format!(
                    "{}: waived[{}]: {} (reason: {reason})\n",
                    crate::diag::location(d, files),
                    d.code,
                    d.message
                ));
            }
            text.push_str(&summary);
            text
        }
        LintFormat::Json => render_json(&json_findings(&all, &prints, &waived, &loaded.register)),
        LintFormat::Sarif => render_sarif(&sarif_rules(), &all, &waived, files),
        LintFormat::Github => render_github(&all, files),
        LintFormat::Gitlab => {
            render_gitlab(&all, &prints, files, gitlab_register(ctx, &root).as_deref())
        }
    };
    if let Err(e) = ctx.write_stdout(text.as_bytes(), true) {
        return ctx.fail(&e);
    }
    if let Some((known, against)) = &known
        && shown.is_none()
        && !ctx.quiet
    {
        report_fixed(ctx, known, &prints_of_everything, against);
    }

    ctx.finish(loaded.incomplete, counts)
}

/// The findings already known to `--since REV` (the register linted as it was there) or
/// `--baseline FILE`, with how to name them in the summary.
fn known_findings(
    ctx: &Context,
    root: &Path,
    args: &LintArgs,
    options: &LintOptions,
) -> Result<Option<(Known, String)>, FatalError> {
    if let Some(rev) = &args.since {
        let repo = crate::git::Repo::find(root)?;
        let commit = repo.resolve(rev)?;
        let source = repo.source_at(&commit, root.display().to_string())?;
        let old = load(&source)?;
        let old_report = lint(&old.register, options);
        let mut findings = old.problems.clone();
        findings.extend(old_report.diagnostics);
        let prints = fingerprints(&findings, &old.register);
        ctx.info(format_args!(
            "{} findings in {rev} ({})",
            prints.len(),
            crate::git::short(&commit)
        ));
        return Ok(Some((Known::from_prints(prints), rev.clone())));
    }
    if let Some(path) = &args.baseline {
        let path = ctx.resolve(Some(path));
        let known = read_baseline(&path)?;
        return Ok(Some((known, format!("the baseline {}", path.display()))));
    }
    Ok(None)
}

/// Baseline findings no longer found, on stderr, so the baseline can shrink.
fn report_fixed(ctx: &Context, known: &Known, current: &[String], against: &str) {
    let fixed = known.fixed(current);
    if fixed.is_empty() {
        return;
    }
    let mut err = ctx.stderr();
    let _ = writeln!(
        err,
        "fixed: {} finding{} in {against} {} no longer found:",
        fixed.len(),
        if fixed.len() == 1 { "" } else { "s" },
        if fixed.len() == 1 { "is" } else { "are" }
    );
    for entry in fixed {
        let _ = writeln!(err, "  {}[{}]: {}", entry.file, entry.rule, entry.message);
    }
    let _ = writeln!(
        err,
        "  \x1b[1;36mhelp\x1b[0m: write the baseline again (`ropa lint --write-baseline FILE`) to drop them"
    );
}

/// The findings as `--format json` writes them: active ones, then waived ones.
fn json_findings(
    active: &[Diagnostic],
    prints: &[String],
    waived: &[(&Diagnostic, &str)],
    register: &crate::model::Register,
) -> Vec<JsonFinding> {
    let files = &register.files;
    let waived_diagnostics: Vec<Diagnostic> = waived.iter().map(|(d, _)| (*d).clone()).collect();
    let waived_prints = fingerprints(&waived_diagnostics, register);
    active
        .iter()
        .zip(prints)
        .map(|(d, print)| JsonFinding::new(d, files, None, print.clone()))
        .chain(
            waived
                .iter()
                .zip(waived_prints)
                .map(|((d, reason), print)| JsonFinding::new(d, files, Some(reason), print)),
        )
        .collect()
}

/// Writes every current finding as the baseline (atomically; only over a baseline).
fn write_baseline(
    path: &Path,
    all: &[Diagnostic],
    prints: &[String],
    files: &crate::source::Files,
) -> Result<(), FatalError> {
    may_write_baseline(path)?;
    let findings: Vec<JsonFinding> = all
        .iter()
        .zip(prints)
        .map(|(d, print)| JsonFinding::new(d, files, None, print.clone()))
        .collect();
    crate::fs_util::write_file(path, render_json(&findings).as_bytes(), true)
}

/// The register folder and the files named on the command line: one folder, or files that
/// are all in one register (found from the first file's folder).
fn split_paths(
    ctx: &Context,
    paths: &[PathBuf],
) -> Result<(Option<PathBuf>, Vec<PathBuf>), FatalError> {
    let resolved: Vec<PathBuf> = paths.iter().map(|p| ctx.resolve(Some(p))).collect();
    match resolved.as_slice() {
        [] => Ok((None, Vec::new())),
        [one] if one.is_dir() => Ok((Some(ctx.register_root(Some(&paths[0]))?), Vec::new())),
        files => {
            if let Some(dir) = files.iter().find(|f| f.is_dir()) {
                return Err(FatalError::new(format!(
                    "`{}` is a folder: give either one register folder or register files",
                    dir.display()
                ))
                .with_help("e.g. `ropa lint my-register`, or `ropa lint activities/cctv.toml activities/calls.toml`"));
            }
            if let Some(missing) = files.iter().find(|f| !f.is_file()) {
                return Err(
                    FatalError::new(format!("`{}` does not exist", missing.display()))
                        .with_help("give the path of a register file, as `ropa lint` prints it"),
                );
            }
            let folder = match files[0].parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let root = crate::discover::find_register(&folder)?.root;
            ctx.info(format_args!("using the register in {}", root.display()));
            Ok((Some(root), files.to_vec()))
        }
    }
}

/// The files whose findings are shown, when files or business functions were named; `None`
/// shows every finding.
fn shown_files(
    register: &crate::model::Register,
    root: &Path,
    named: &[PathBuf],
    functions: &[String],
) -> Result<Option<std::collections::HashSet<crate::diag::FileId>>, FatalError> {
    use std::collections::HashSet;
    if named.is_empty() && functions.is_empty() {
        return Ok(None);
    }
    let files = &register.files;
    let all: HashSet<crate::diag::FileId> = (0..files.len()).collect();
    let by_file = if named.is_empty() {
        all.clone()
    } else {
        // Each register file once by its real path, so `./a.toml`, `../x/a.toml` and a
        // symbolic link all name the same file.
        let by_path: std::collections::HashMap<PathBuf, crate::diag::FileId> = (0..files.len())
            .filter_map(|id| Some((root.join(files.path(id)).canonicalize().ok()?, id)))
            .collect();
        let mut found = HashSet::new();
        for file in named {
            let id = file
                .canonicalize()
                .ok()
                .and_then(|c| by_path.get(&c).copied());
            let Some(id) = id else {
                return Err(FatalError::new(format!(
                    "`{}` is not one of the register's files (ropa.toml, activities/…, processors/…)",
                    file.display()
                ))
                .with_help(format!("the register is `{}`", root.display())));
            };
            found.insert(id);
        }
        found
    };
    let by_function = if functions.is_empty() {
        all
    } else {
        crate::export::selection::check_functions(register, functions)?;
        let wanted: Vec<String> = functions.iter().map(|f| f.trim().to_lowercase()).collect();
        register
            .activities
            .iter()
            .filter(|a| {
                a.value
                    .business_function
                    .as_deref()
                    .is_some_and(|f| wanted.contains(&f.trim().to_lowercase()))
            })
            .map(|a| a.file)
            .collect()
    };
    Ok(Some(by_file.intersection(&by_function).copied().collect()))
}

/// The register's path in the GitLab project, warning when there is none and the paths shown
/// to the user (`../activities/…`, `/home/…`) would not lead GitLab to the files.
fn gitlab_register(ctx: &Context, root: &Path) -> Option<String> {
    let register = crate::diag::register_in_project(root);
    let outside = root.is_absolute() || root.starts_with("..");
    if register.is_none() && outside {
        let _ = writeln!(
            ctx.stderr(),
            "\x1b[1;33mwarning\x1b[0m: the register `{}` is not inside the project folder \
             (CI_PROJECT_DIR, or the git clone holding it), so GitLab may not find the files \
             this report names\n  \x1b[1;36mhelp\x1b[0m: run ropa from the project's root folder",
            root.display()
        );
    }
    register
}

/// Waived findings in the human format: each with its place and the waiver's reason.
fn render_waived_human(waived: &[(&Diagnostic, &str)], files: &crate::source::Files) -> String {
    let mut out = String::new();
    for (d, reason) in waived {
        out.push_str(&format!(
            "waived[{}]: {}\n --> {}\n  = reason: {reason}\n\n",
            d.code,
            d.message,
            crate::diag::location(d, files)
        ));
    }
    out
}

/// SARIF metadata for every rule and load check, from their one tables.
fn sarif_rules() -> Vec<SarifRule<'static>> {
    let mut rules: Vec<SarifRule<'static>> = RULES
        .iter()
        .map(|r| SarifRule {
            id: r.name,
            summary: r.summary,
            explanation: r.explanation,
            severity: r.severity,
        })
        .collect();
    rules.extend(LOAD_CHECKS.iter().map(|(id, summary)| SarifRule {
        id,
        summary,
        explanation: summary,
        severity: crate::diag::Severity::Error,
    }));
    rules
}
