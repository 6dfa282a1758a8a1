//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, which show
//! as annotations on the pull request's changed files.

use super::{Diagnostic, Severity, file_line_col};
use crate::files::Files;

pub fn render_github(diagnostics: &[Diagnostic], files: &Files) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let start = file_line_col(files, d.file, d.span.start);
        let end = file_line_col(files, d.file, d.span.end);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&files.shown_path(d.file)),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!("ropa {}", d.code)),
            escape_data(&message),
        ));
    }
    out
}

/// Escapes a message as the workflow command syntax requires.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value, which may not contain `:` or `,` either.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_newlines_percent_and_separators() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
