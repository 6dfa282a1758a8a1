//! The human format: each problem with a source snippet, `file:line:col`, and a help line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use rayon::prelude::*;

use super::{Counts, Diagnostic, Severity, file_line_col, plain_snippet};
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
    // twentieth of `ropa lint`'s time on one core), then joined in order. Plain text in the
    // usual shape is drawn directly, as the renderer would draw it.
    let rendered: Vec<String> = diagnostics
        .par_iter()
        .map(|d| {
            let direct = if coloured {
                None
            } else {
                render_plain(d, files)
            };
            direct.unwrap_or_else(|| render_one(&renderer, d, files))
        })
        .collect();
    rendered.concat()
}

/// One finding on one short line, drawn by [`plain_snippet`] when it is of the shape drawn
/// there; the same text as [`render_one`] with the plain renderer.
fn render_plain(d: &Diagnostic, files: &Files) -> Option<String> {
    let text = files.text(d.file);
    if text.is_empty() {
        return None;
    }
    let span = clamp(d.span.clone(), text);
    let line = files.line_index(d.file, span.start);
    let range = files.line_range(d.file, line);
    let mark = plain_snippet::Mark {
        start: span.start.checked_sub(range.start)?,
        len: span.len(),
        label: d.label.as_deref(),
    };
    let title = plain_snippet::Title {
        level: d.severity.as_str(),
        code: d.code,
        message: &d.message,
    };
    let path = files.shown_path(d.file);
    let drawn = plain_snippet::render(
        &title,
        &path,
        line + 1,
        text.get(range)?,
        &mark,
        d.help.as_deref(),
    )?;
    Some(drawn + "\n\n")
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A file whose line `before + 1` is `line`, and a finding on part of it.
    fn finding(
        before: usize,
        line: &str,
        span: std::ops::Range<usize>,
        label: Option<&str>,
        help: Option<&str>,
    ) -> (Files, Diagnostic) {
        let mut files = Files::new("reg".into());
        let text = format!("{}{line}\nafter = 1\n", "x = 1\n".repeat(before));
        let file = files.add("activities/a.toml".into(), text);
        let at = before * "x = 1\n".len();
        let mut d = Diagnostic::error(
            "some-rule",
            file,
            at + span.start..at + span.end,
            "it is wrong",
        );
        d.label = label.map(str::to_string);
        d.help = help.map(str::to_string);
        (files, d)
    }

    fn both(files: &Files, d: &Diagnostic) -> (Option<String>, String) {
        (
            render_plain(d, files),
            render_one(&Renderer::plain(), d, files),
        )
    }

    #[test]
    fn the_usual_finding_is_drawn_directly_as_the_renderer_draws_it() {
        for before in [0, 8, 9, 98, 99, 12_345] {
            let (files, d) = finding(
                before,
                "last_reviewed = 2023-03-15",
                16..26,
                None,
                Some("review it"),
            );
            let (direct, general) = both(&files, &d);
            assert_eq!(
                direct.as_deref(),
                Some(general.as_str()),
                "line {}",
                before + 1
            );
        }
        let (files, mut d) = finding(0, "name = \"A\"", 0..4, Some("here"), None);
        d.severity = Severity::Warning;
        let (direct, general) = both(&files, &d);
        assert_eq!(direct.as_deref(), Some(general.as_str()));
    }

    #[test]
    fn findings_of_other_shapes_are_left_to_the_renderer() {
        for (line, span) in [
            ("name = \"Caf\u{e9}\"", 7..13),
            ("purposes = [\"a\",\t\"b\"]", 12..15),
            ("x = 1", 0..0),
            (&*format!("x = \"{}\"", "y".repeat(200)), 0..1),
        ] {
            let (files, d) = finding(3, line, span, None, None);
            assert_eq!(render_plain(&d, &files), None, "{line:?}");
        }
        let (files, d) = finding(3, "x = 1", 0..9, None, None);
        assert_eq!(render_plain(&d, &files), None, "a span past the line's end");
        let (files, mut d) = finding(3, "x = 1", 0..1, None, Some("see\tthis"));
        assert_eq!(render_plain(&d, &files), None, "a tab in the help");
        d.help = None;
        d.message = "two\nlines".into();
        assert_eq!(
            render_plain(&d, &files),
            None,
            "a line break in the message"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Wherever the direct drawing is used, it is the renderer's text exactly.
        #[test]
        fn direct_drawing_is_the_renderers(
            before in prop_oneof![0usize..12, 90usize..110, 9_990usize..10_010],
            line in "[ -~]{0,120}",
            start in 0usize..120,
            len in 0usize..100,
            label in proptest::option::of("[ -~]{0,80}|\\PC{0,20}"),
            help in proptest::option::of("[ -~]{0,60}|\\PC{0,40}"),
            message in "[ -~]{1,60}|\\PC{1,40}",
        ) {
            let end = (start + len).min(line.len() + 1);
            let start = start.min(end);
            let (files, mut d) = finding(before, &line, start..end, label.as_deref(), help.as_deref());
            d.message = message;
            let (direct, general) = both(&files, &d);
            if let Some(direct) = direct {
                prop_assert_eq!(direct, general);
            }
        }
    }
}
