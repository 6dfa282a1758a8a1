//! A notice as one self-contained web page: the HTML export's stylesheet inlined, no scripts,
//! headings in order, readable without CSS and printable. Built with `maud`, which escapes
//! every value, so nothing from the register can become markup.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::doc::{Block, Line, Notice, Span};
use crate::export::html::{Text, head, written_by};

/// The `<meta>` tag that marks a notice page ropa wrote (the HTML export has its own).
pub const NOTICE_META: &str = r#"<meta name="generator" content="ropa notice">"#;
use crate::vocab::wording::{NOT_RECORDED, sentence};

/// A newline between block elements, so the page reads and diffs line by line.
const NL: PreEscaped<&str> = PreEscaped("\n");

pub fn render(notice: &Notice) -> String {
    let title = super::doc::plain(&notice.title);
    html! {
        (DOCTYPE) (NL)
        html lang="en-GB" { (NL)
        (head(NOTICE_META, &title, "")) (NL)
        body { (NL)
            header { h1 { (line(&notice.title)) } } (NL)
            nav aria-labelledby="contents" { (NL)
                h2 id="contents" { "Contents" } (NL)
                ol { (NL)
                    @for s in &notice.sections {
                        li { a href={ "#" (s.id) } { (s.heading) } } (NL)
                    }
                } (NL)
            } (NL)
            main { (NL)
                @for s in &notice.sections {
                    section aria-labelledby=(s.id) { (NL)
                        h2 id=(s.id) { (s.heading) } (NL)
                        @for block in &s.blocks { (render_block(block)) (NL) }
                    } (NL)
                }
            } (NL)
            footer { p { (sentence::FOOTER) } } (NL)
        } (NL)
        } (NL)
    }
    .into_string()
}

fn render_block(block: &Block) -> Markup {
    html! {
        @match block {
            Block::Subheading(text) => h3 { (line(text)) },
            Block::Paragraph(text) => p { (line(text)) },
            Block::List(items) => ul { @for item in items { (NL) li { (line(item)) } } (NL) },
            Block::Terms(terms) => dl.terms {
                @for (term, explanation) in terms { (NL) dt { (line(term)) } dd { (line(explanation)) } }
                (NL)
            },
            Block::Table { headings, rows } => table.details { (NL)
                thead { tr { @for h in headings { th scope="col" { (h) } } } } (NL)
                tbody {
                    @for row in rows { (NL)
                        tr {
                            @for (i, cell) in row.iter().enumerate() {
                                @if i == 0 { th scope="row" { (line(cell)) } } @else { td { (line(cell)) } }
                            }
                        }
                    }
                    (NL)
                }
            },
        }
    }
}

fn line(spans: &Line) -> Markup {
    html! {
        @for span in spans {
            @match span {
                Span::Legal(text) => (Text(text.as_ref())),
                Span::Field { text, .. } => (Text(text)),
                Span::Missing(_) => strong.missing { (NOT_RECORDED) },
            }
        }
    }
}

/// True when `bytes` are a notice page this module wrote: its `<head>` holds [`NOTICE_META`].
pub fn is_notice(bytes: &[u8]) -> bool {
    written_by(bytes, NOTICE_META)
}
