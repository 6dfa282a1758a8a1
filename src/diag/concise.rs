//! The concise format: one line per finding, `file:line:col: severity[code]: message`.

use super::{Diagnostic, human::location};
use crate::files::Files;

pub fn render_concise(diagnostics: &[Diagnostic], files: &Files) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{}: {}[{}]: {}\n",
            location(d, files),
            d.severity.as_str(),
            d.code,
            d.message
        ));
    }
    out
}
