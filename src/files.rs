//! The files a register was read from, by number: their paths and texts, so a finding can be
//! shown as `file:line:col` with a snippet. At the bottom of the layers: the model, the loader
//! and the renderers all refer to files through it.

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
}

impl Files {
    pub fn new(root: String) -> Self {
        Self {
            root,
            files: Vec::new(),
        }
    }

    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
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

    pub fn text(&self, id: FileId) -> &str {
        &self.files[id].text
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

fn join_display(root: &str, path: &str) -> String {
    if root.is_empty() || root == "." {
        path.to_string()
    } else {
        format!("{}/{}", root.trim_end_matches('/'), path)
    }
}
