//! `ropa man`: one manual page for ropa and every command, generated from the clap definitions
//! in src/cli.rs (the copy in completions/ropa.1 is checked by tests/completions.rs).

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::Man;

use super::{Context, Exit};
use crate::cli::Cli;

pub fn run(ctx: &Context) -> Exit {
    match ctx.write_stdout(&page(), false) {
        Ok(()) => Exit::Clean,
        Err(e) => ctx.fail(&e),
    }
}

/// The page: ropa's own sections, then a section per command (`ROPA CHECK`, …) holding that
/// command's synopsis, description, options and examples, so `man ropa` is the whole manual.
/// The version is the package version without the git commit, so the page only changes when
/// the command line does.
fn page() -> Vec<u8> {
    let mut cmd = Cli::command()
        .version(env!("CARGO_PKG_VERSION"))
        .disable_help_subcommand(true);
    cmd.build();
    let main = Man::new(cmd.clone());
    let mut out = Vec::new();
    let sections = [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
        Man::render_extra_section,
    ];
    for render in sections {
        let _ = render(&main, &mut out);
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("ROPA {}", sub.get_name().to_uppercase());
        let _ = writeln!(out, ".SH \"{name}\"");
        // The options every command shares are described once, in ropa's own OPTIONS.
        let sub = sub.clone().mut_args(|a| {
            if a.is_global_set() || a.get_id() == "help" {
                a.hide(true)
            } else {
                a
            }
        });
        let man = Man::new(sub.clone());
        let mut text = Vec::new();
        let _ = man.render_synopsis_section(&mut text);
        let _ = man.render_description_section(&mut text);
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            let _ = man.render_options_section(&mut text);
        }
        if sub.get_after_help().is_some() {
            let _ = man.render_extra_section(&mut text);
        }
        // The command's own sections become subsections of its section.
        for line in String::from_utf8_lossy(&text).lines() {
            match line.strip_prefix(".SH ") {
                Some(heading) => writeln!(out, ".SS {heading}"),
                None => writeln!(out, "{line}"),
            }
            .ok();
        }
    }
    let _ = main.render_version_section(&mut out);
    tidy(&String::from_utf8_lossy(&out)).into_bytes()
}

/// Each rendered section starts with the same two-line string definition; keep the first.
/// clap_mangen calls the after-help text EXTRA; here it holds examples and exit codes.
fn tidy(page: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for line in page.lines() {
        let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if preamble && !seen.insert(line) {
            continue;
        }
        let line = match line {
            ".SH EXTRA" => ".SH NOTES",
            ".SS EXTRA" => ".SS NOTES",
            other => other,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}
