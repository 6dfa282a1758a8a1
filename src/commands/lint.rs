//! `ropa lint`: everything `check` does, plus the UK GDPR rules.

use std::io::Write;
use std::path::Path;

use super::{Context, Exit};
use crate::cli::{LintArgs, LintFormat};
use crate::diag::{
    Counts, Diagnostic, SarifRule, render_concise, render_github, render_gitlab, render_human,
    render_json, render_sarif, render_summary,
};
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
    let root = match ctx.register_root(args.register.dir.as_deref()) {
        Ok(root) => root,
        Err(e) => return ctx.fail(&e),
    };
    let loaded = match load(&DirSource::new(root.clone())) {
        Ok(loaded) => loaded,
        Err(e) => return ctx.fail(&e),
    };
    ctx.info_loaded(&loaded.register);
    let options = LintOptions {
        today: args.today.unwrap_or_else(system_today),
        cli,
    };
    let report = lint(&loaded.register, &options);
    let mut loaded = loaded;
    // GitHub reads annotation and SARIF paths from the workspace root, wherever ropa ran.
    if matches!(args.format, LintFormat::Github | LintFormat::Sarif)
        && let Some(register) = crate::diag::register_in_github_workspace(&root)
    {
        loaded.register.files.set_display_root(register);
    }
    let files = &loaded.register.files;

    let mut all: Vec<Diagnostic> = loaded.problems.clone();
    all.extend(report.diagnostics.iter().cloned());
    crate::diag::sort(&mut all, files);
    let waived: Vec<(&Diagnostic, &str)> = if args.show_waived || args.format == LintFormat::Sarif {
        report
            .waived
            .iter()
            .map(|w| (&w.diagnostic, w.reason.as_str()))
            .collect()
    } else {
        Vec::new()
    };

    let counts = Counts::of(&all);
    let activities = loaded.register.activities.len();
    let mut summary = render_summary(
        counts,
        &format!(
            "in {activities} activit{}",
            if activities == 1 { "y" } else { "ies" }
        ),
    );
    if !report.waived.is_empty() {
        summary.push_str(&format!(" ({} waived)", report.waived.len()));
    }
    summary.push('\n');
    if ctx.quiet {
        summary.clear();
    }

    let text = match args.format {
        LintFormat::Human => {
            let mut text = render_human(&all, files);
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
        LintFormat::Json => render_json(&all, &waived, files),
        LintFormat::Sarif => render_sarif(&sarif_rules(), &all, &waived, files),
        LintFormat::Github => render_github(&all, files),
        LintFormat::Gitlab => render_gitlab(&all, files, gitlab_register(ctx, &root).as_deref()),
    };
    let _ = ctx.stdout().write_all(text.as_bytes());

    ctx.finish(loaded.incomplete, counts)
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
