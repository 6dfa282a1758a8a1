//! The files a register was read from, by number: their paths and texts, so a finding can be
//! shown as `file:line:col` with a snippet. At the bottom of the layers: the model, the loader
//! and the renderers all refer to files through it.
// Indexing cannot panic here: a FileId is only ever made by `Files::add` for this same list.
#![allow(clippy::indexing_slicing)]

/// Index of a file in the register's [`Files`].
pub type FileId = usize;

/// The files of a register, for turning diagnostics into `file:line:col` and snippets.
#[derive(Debug, Clone, Default)]
pub struct Files {
    root: String,
    files: Vec<SourceFile>,
}

/// One file's path and text (empty when it could not be read or decoded).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    /// Where each line starts, worked out the first time a position in the file is asked for,
    /// so locating many findings in one large file costs one pass over it, not one each.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl Files {
    pub fn new(root: String) -> Self {
        Self {
            root,
            files: Vec::new(),
        }
    }

    /// Makes room for `more` files, so adding them does not copy the list as it grows.
    pub fn reserve(&mut self, more: usize) {
        self.files.reserve(more);
    }

    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(SourceFile {
            path,
            text,
            line_starts: std::sync::OnceLock::new(),
        });
        self.files.len() - 1
    }

    /// The path relative to the register root.
    pub fn path(&self, id: FileId) -> &str {
        &self.files[id].path
    }

    /// Names the register's folder differently in paths shown from now on, e.g. from the
    /// root of a CI workspace rather than from where ropa was run.
    pub fn set_display_root(&mut self, root: String) {
        self.root = root;
    }

    /// The path as the user reaches it: the root they named joined with the relative path.
    pub fn display_path(&self, id: FileId) -> String {
        join_display(&self.root, self.path(id))
    }

    /// [`Self::display_path`] made safe for a terminal or a CI log: control characters
    /// (escape sequences, bell, line breaks) and the Unicode marks that reverse text are
    /// written as `\u{…}`, so a file name cannot forge output. Machine formats use the path as
    /// it is.
    pub fn shown_path(&self, id: FileId) -> String {
        printable(&self.display_path(id))
    }

    pub fn text(&self, id: FileId) -> &str {
        &self.files[id].text
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    fn line_starts(&self, id: FileId) -> &[usize] {
        let file = &self.files[id];
        file.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(file.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The line (counting from 0) that byte `offset` of the file is on.
    pub fn line_index(&self, id: FileId, offset: usize) -> usize {
        self.line_starts(id)
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The bytes of line `line` (counting from 0), without its line break.
    pub fn line_range(&self, id: FileId, line: usize) -> std::ops::Range<usize> {
        let starts = self.line_starts(id);
        let text = self.text(id);
        let start = starts.get(line).copied().unwrap_or(text.len());
        let end = starts.get(line + 1).map_or(text.len(), |&next| next - 1);
        start..end.max(start)
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Lets go of every file's text, keeping the paths. For a command that has reported every
    /// problem and now only reads values; positions in these files can no longer be shown.
    pub fn forget_texts(&mut self) {
        use rayon::prelude::*;
        self.files.par_iter_mut().for_each(|file| {
            file.text = String::new();
            file.line_starts = std::sync::OnceLock::new();
        });
    }
}

fn join_display(root: &str, path: &str) -> String {
    if root.is_empty() || root == "." {
        path.to_string()
    } else {
        format!("{}/{}", root.trim_end_matches('/'), path)
    }
}

/// `text` with control characters and bidirectional-override marks escaped as `\u{…}`.
pub fn printable(text: &str) -> String {
    let risky = |c: char| {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    };
    if !text.chars().any(risky) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if risky(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn names_that_could_forge_terminal_output_are_escaped() {
        assert_eq!(printable("activities/cctv.toml"), "activities/cctv.toml");
        assert_eq!(
            printable("a\u{1b}[2Jb\u{7}\nc"),
            "a\\u{1b}[2Jb\\u{7}\\u{a}c"
        );
        assert_eq!(printable("x\u{202e}lmth.toml"), "x\\u{202e}lmth.toml");
    }
}
