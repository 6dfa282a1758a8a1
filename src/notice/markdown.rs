//! A notice as Markdown for a council's web content system: ATX headings, bulleted lists,
//! pipe tables. Text from the register is escaped so it cannot become markup.

use super::doc::{Block, Line, Notice, Span};
use crate::vocab::wording::NOT_RECORDED;

/// The first line of every notice ropa writes, so it may replace its own file later.
pub const MARKER: &str =
    "<!-- Written by `ropa notice` from the register: change the register, not this file. -->";

pub fn render(notice: &Notice) -> String {
    let mut out = String::new();
    out.push_str(MARKER);
    out.push_str("\n\n# ");
    out.push_str(&line(&notice.title));
    out.push('\n');
    for section in &notice.sections {
        out.push_str("\n## ");
        out.push_str(section.heading);
        out.push('\n');
        for block in &section.blocks {
            out.push('\n');
            render_block(&mut out, block);
        }
    }
    out.push_str("\n---\n\n");
    out.push_str(crate::vocab::wording::sentence::FOOTER);
    out.push('\n');
    out
}

fn render_block(out: &mut String, block: &Block) {
    match block {
        Block::Subheading(text) => {
            out.push_str("### ");
            out.push_str(&line(text));
            out.push('\n');
        }
        Block::Paragraph(text) => {
            out.push_str(&line(text));
            out.push('\n');
        }
        Block::List(items) => {
            for item in items {
                out.push_str("- ");
                out.push_str(&line(item));
                out.push('\n');
            }
        }
        Block::Terms(terms) => {
            // Each term is a paragraph of its own: a list here would run into the list before.
            for (n, (term, explanation)) in terms.iter().enumerate() {
                if n > 0 {
                    out.push('\n');
                }
                out.push_str("**");
                out.push_str(line(term).trim_end());
                out.push_str("**  \n");
                out.push_str(&line(explanation));
                out.push('\n');
            }
        }
        Block::Table { headings, rows } => {
            out.push_str("| ");
            out.push_str(&headings.join(" | "));
            out.push_str(" |\n|");
            out.push_str(&"---|".repeat(headings.len()));
            out.push('\n');
            for row in rows {
                out.push('|');
                for cell in row {
                    out.push(' ');
                    out.push_str(&line(cell).replace('|', "\\|"));
                    out.push_str(" |");
                }
                out.push('\n');
            }
        }
    }
}

fn line(spans: &Line) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Legal(text) => text.to_string(),
            Span::Field { text, .. } => escape(text),
            Span::Missing(_) => format!("**{NOT_RECORDED}**"),
        })
        .collect()
}

/// Register text shown literally: Markdown's punctuation is escaped, and line breaks become
/// spaces so a value cannot end a list item or start a heading.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// True when `bytes` are a notice this module wrote.
pub fn is_notice(bytes: &[u8]) -> bool {
    bytes.starts_with(MARKER.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_text_cannot_become_markup() {
        assert_eq!(
            escape("*bold* [link](x) <b>\n# heading"),
            "\\*bold\\* \\[link\\](x) \\<b\\> \\# heading"
        );
    }
}
