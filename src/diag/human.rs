//! The human format: each problem with a source snippet, `file:line:col`, and a help line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use rayon::prelude::*;

use super::{Counts, Diagnostic, Severity, file_line_col};
use crate::files::Files;

/// When to colour output: `auto` colours a terminal unless `NO_COLOR` is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// The matching `anstream` choice, which also honours `NO_COLOR` and `CLICOLOR_FORCE`.
    pub fn to_anstream(self) -> anstream::ColorChoice {
        match self {
            Self::Auto => anstream::ColorChoice::Auto,
            Self::Always => anstream::ColorChoice::Always,
            Self::Never => anstream::ColorChoice::Never,
        }
    }
}

/// Renders diagnostics with their snippets, coloured or not. Plain text is what CI reads:
/// colouring it only for the codes to be taken out again cost a tenth of the rendering.
pub fn render_human(diagnostics: &[Diagnostic], files: &Files, coloured: bool) -> String {
    let renderer = if coloured {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Each finding is rendered on its own (in parallel: a large register's findings took a
    // twentieth of `ropa lint`'s time on one core), then joined in order.
    let rendered: Vec<String> = diagnostics
        .par_iter()
        .map(|d| render_one(&renderer, d, files))
        .collect();
    rendered.concat()
}

/// One finding with its snippet.
fn render_one(renderer: &Renderer, d: &Diagnostic, files: &Files) -> String {
    let path = files.shown_path(d.file);
    let text = files.text(d.file);
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code);
    let mut column_fix = None;
    let mut group = if text.is_empty() {
        title.element(Origin::path(path.as_str()).line(1).char_column(1))
    } else {
        // Only the lines the finding is on are given to the renderer, so a file with
        // thousands of findings is not gone through once for each.
        let span = clamp(d.span.clone(), text);
        let first = files.line_index(d.file, span.start);
        let last = files.line_index(d.file, span.end.saturating_sub(1).max(span.start));
        let lines = files.line_range(d.file, first).start..files.line_range(d.file, last).end;
        // The renderer counts columns from the start of the text it is given, so the text
        // starts where the line does; a very long line is cut after the finding.
        let end = ceil_boundary(text, span.end.max(span.start + 1).saturating_add(CONTEXT));
        let end = end.clamp(lines.start, lines.end);
        if span.start - lines.start > LONG_LEAD {
            // Far along a long line: measuring the line up to the finding, once per finding,
            // made 5,000 findings on one 70 KB line take seconds. The line is shown from a
            // little before the finding, after an ellipsis, and the column the renderer
            // counts in that cut line is put right after rendering (see below).
            let cut = floor_boundary(text, span.start - CONTEXT_BEFORE);
            let shown = format!("{ELLIPSIS}{}", text.get(cut..end).unwrap_or_default());
            let at = span.start - cut + ELLIPSIS.len();
            let local = at..(span.end.min(end) - cut + ELLIPSIS.len()).max(at);
            let counted = shown.get(..at).map_or(0, |s| s.chars().count()) + 1;
            let lc = super::file_line_col(files, d.file, span.start);
            column_fix = Some((
                format!("{path}:{}:{counted}", lc.line),
                format!("{path}:{}:{}", lc.line, lc.column),
            ));
            title.element(
                Snippet::source(shown)
                    .line_start(first + 1)
                    .path(path.as_str())
                    .annotation(annotated(local, d)),
            )
        } else {
            let shown = lines.start..end;
            let local = span.start - shown.start..span.end.min(shown.end) - shown.start;
            title.element(
                Snippet::source(text.get(shown).unwrap_or_default())
                    .line_start(first + 1)
                    .path(path.as_str())
                    .annotation(annotated(local, d)),
            )
        }
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    let mut out = renderer.render(&report);
    if let Some((counted, real)) = column_fix {
        // The `-->` line is the first place the location appears.
        out = out.replacen(&counted, &real, 1);
    }
    out.push_str("\n\n");
    out
}

/// How much of a line is given to the renderer after the finding, in bytes; it shows less.
const CONTEXT: usize = 400;

/// A finding this many bytes into its line is shown from [`CONTEXT_BEFORE`] bytes before it,
/// after an ellipsis.
const LONG_LEAD: usize = 240;
const CONTEXT_BEFORE: usize = 80;
const ELLIPSIS: &str = "\u{2026}";

/// The finding's mark under the snippet, with its label.
fn annotated<'a>(
    local: std::ops::Range<usize>,
    d: &'a Diagnostic,
) -> annotate_snippets::Annotation<'a> {
    let annotation = AnnotationKind::Primary.span(local);
    match &d.label {
        Some(label) => annotation.label(label.as_str()),
        None => annotation,
    }
}

fn floor_boundary(text: &str, i: usize) -> usize {
    super::floor_char_boundary(text, i.min(text.len()))
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Keeps a span inside the text and on character boundaries, so rendering never panics.
fn clamp(span: std::ops::Range<usize>, text: &str) -> std::ops::Range<usize> {
    let start = floor_boundary(text, span.start);
    start..floor_boundary(text, span.end).max(start)
}

/// The one-line summary after the findings, e.g. `2 errors, 1 warning in 14 files`.
pub fn render_summary(counts: Counts, what: &str) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {} {what}",
        plural(counts.errors, "error"),
        plural(counts.warnings, "warning")
    )
}

/// `file:line:col` for a diagnostic.
pub fn location(d: &Diagnostic, files: &Files) -> String {
    let lc = file_line_col(files, d.file, d.span.start);
    format!("{}:{}:{}", files.shown_path(d.file), lc.line, lc.column)
}
