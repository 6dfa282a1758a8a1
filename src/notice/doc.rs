//! A privacy notice as a document: sections of paragraphs, lists, terms and tables, each made
//! of spans that say where their words come from. The renderers only lay these out, so every
//! word of a notice can be traced to a register field or to the fixed wording.

use std::borrow::Cow;

use super::items::Item;
use crate::diag::FileId;

/// Where a value in the notice was read: a file of the register and the JSON pointer of the
/// value in that file's model (`/purposes/0`, `/controller/name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: FileId,
    pub pointer: String,
}

/// An item the register does not hold, in the file that should hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    pub file: FileId,
    pub item: Item,
}

/// A run of text in the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Fixed wording from [`crate::vocab::wording`].
    Legal(Cow<'static, str>),
    /// A value from the register, as written (a country code is shown with its name).
    Field { text: String, origin: Origin },
    /// Shown as "[not recorded]".
    Missing(Gap),
}

/// One line of text: spans shown one after another.
pub type Line = Vec<Span>;

/// A block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading under the section's, for one activity or one topic.
    Subheading(Line),
    Paragraph(Line),
    /// A bulleted list.
    List(Vec<Line>),
    /// Terms, each with its explanation.
    Terms(Vec<(Line, Line)>),
    /// A table with a heading row; the first cell of each row heads the row.
    Table {
        headings: Vec<&'static str>,
        rows: Vec<Vec<Line>>,
    },
}

/// A section of the notice under one of the fixed headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    /// The anchor of the section in the HTML page.
    pub id: &'static str,
    pub blocks: Vec<Block>,
}

/// A whole notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: Line,
    pub sections: Vec<Section>,
}

impl Notice {
    /// Every span, in reading order.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        self.title.iter().chain(
            self.sections
                .iter()
                .flat_map(|s| s.blocks.iter().flat_map(block_spans)),
        )
    }

    /// The items the register lacks, each once, in file order.
    pub fn gaps(&self) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = self
            .spans()
            .filter_map(|s| match s {
                Span::Missing(gap) => Some(*gap),
                _ => None,
            })
            .collect();
        gaps.sort();
        gaps.dedup();
        gaps
    }
}

fn block_spans(block: &Block) -> Box<dyn Iterator<Item = &Span> + '_> {
    match block {
        Block::Subheading(line) | Block::Paragraph(line) => Box::new(line.iter()),
        Block::List(lines) => Box::new(lines.iter().flatten()),
        Block::Terms(terms) => Box::new(terms.iter().flat_map(|(t, d)| t.iter().chain(d))),
        Block::Table { rows, .. } => Box::new(rows.iter().flatten().flatten()),
    }
}

/// The plain text of a line, as the markdown and HTML show it.
pub fn plain(line: &[Span]) -> String {
    line.iter()
        .map(|span| match span {
            Span::Legal(text) => text.as_ref(),
            Span::Field { text, .. } => text.as_str(),
            Span::Missing(_) => crate::vocab::wording::NOT_RECORDED,
        })
        .collect()
}
