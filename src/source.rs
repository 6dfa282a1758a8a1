//! Where register files come from.
//!
//! The loader reads `(path, bytes)` pairs from a [`RegisterSource`], never the disk directly, so a
//! register can equally come from a folder, a git tree (for `diff` and `lint --since`) or a test.

use std::path::{Path, PathBuf};

pub use crate::files::Files;

/// One file of a register as the source holds it.
#[derive(Debug, Clone)]
pub struct SourceEntry {
    /// Path relative to the register root, with `/` separators, e.g. `activities/cctv.toml`.
    pub path: String,
    content: Content,
}

/// A file's bytes, or where to read them.
#[derive(Debug, Clone)]
enum Content {
    /// Read already (a revision's objects, a test's text), or why the file cannot be read.
    Read(Result<Vec<u8>, ReadFailure>),
    /// A file on disk, read by whoever takes the bytes: a folder's files are read on the core
    /// that parses each, so one file's bytes are let go of before the next is read.
    OnDisk(PathBuf),
}

impl SourceEntry {
    /// A file whose bytes (or why they cannot be read) are known.
    pub fn new(path: impl Into<String>, bytes: Result<Vec<u8>, ReadFailure>) -> Self {
        Self {
            path: path.into(),
            content: Content::Read(bytes),
        }
    }

    fn on_disk(path: String, file: PathBuf) -> Self {
        Self {
            path,
            content: Content::OnDisk(file),
        }
    }

    /// True when the source already knows the file is not read as part of the register
    /// (`file-not-read`).
    pub fn is_not_read(&self) -> bool {
        matches!(
            self.content,
            Content::Read(Err(ReadFailure::NotRead { .. }))
        )
    }

    /// Replaces the bytes, for a source that fetches them after listing its files.
    pub fn set_bytes(&mut self, bytes: Vec<u8>) {
        self.content = Content::Read(Ok(bytes));
    }

    /// The path and the file's bytes, reading them now for a file on disk.
    pub fn into_bytes(self) -> (String, Result<Vec<u8>, ReadFailure>) {
        let bytes = match self.content {
            Content::Read(bytes) => bytes,
            Content::OnDisk(file) => read_limited(&file),
        };
        (self.path, bytes)
    }
}

/// Why a register file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadFailure {
    /// The file exists but could not be read (permissions, I/O error); the register is then
    /// only partly checked.
    Unreadable(String),
    /// A symbolic link leads back to one of its own parent folders.
    SymlinkLoop { back_to: String },
    /// ropa will not read the file: a link out of the register or to a file read already, or
    /// a file over the size limit. Reported as unreadable, with what to do.
    Refused { why: String, help: &'static str },
    /// A file under `activities/` or `processors/` that looks meant for the register but is
    /// not read (`cctv.TOML`, `cctv.toml.txt`, a spreadsheet): a warning, with what to do.
    NotRead { help: &'static str },
}

/// Why a file under `activities/` or `processors/` that is not a `.toml` file looks meant to
/// be one, and what to do; `None` for files that plainly are something else.
pub fn not_read_help(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    if lower.ends_with(".toml") {
        Some(
            "ropa reads only names ending in `.toml` in lowercase: rename the file so it ends in `.toml`",
        )
    } else if lower.ends_with(".toml.txt") {
        Some(
            "the editor (Notepad does this) added `.txt`: rename the file so it ends in `.toml`, and in Notepad save with the type \"All files\"",
        )
    } else if [".csv", ".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        Some(
            "a spreadsheet is not part of the register: turn it into activity files with `ropa import FILE --into NEW-FOLDER`, or move it out of this folder",
        )
    } else {
        None
    }
}

/// What a register source does with the file at `path` (relative to the register root,
/// `/`-separated): `Some(Ok(()))` reads it, `Some(Err(…))` reports it as not read, `None`
/// passes over it. Every source (folder, git revision, memory) asks this one question, so a
/// revision loads exactly as the folder does.
pub fn register_file(path: &str) -> Option<Result<(), ReadFailure>> {
    if path == "ropa.toml" {
        return Some(Ok(()));
    }
    let (top, rest) = path.split_once('/')?;
    let (folders, name) = match rest.rsplit_once('/') {
        Some((folders, name)) => (Some(folders), name),
        None => (None, rest),
    };
    // Hidden folders (`.git`, an editor's `.backup/`) and hidden files are never part of it;
    // but a hidden `.toml` file (`.toml`, `..toml`, `.cctv.toml`) is named, not passed over.
    let hidden_folder = folders.is_some_and(|f| f.split('/').any(|p| p.starts_with('.')));
    if !matches!(top, "activities" | "processors") || hidden_folder {
        return None;
    }
    if name.starts_with('.') {
        return name.ends_with(".toml").then_some(Err(ReadFailure::NotRead {
            help: "a name that starts with `.` is hidden, so the file is not read: rename it, e.g. `cctv.toml`",
        }));
    }
    if name.ends_with(".toml") {
        Some(Ok(()))
    } else {
        not_read_help(name).map(|help| Err(ReadFailure::NotRead { help }))
    }
}

/// A problem that stops a register from being read at all (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FatalError {
    pub message: String,
    pub help: Option<String>,
}

impl FatalError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl std::fmt::Display for FatalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A provider of register files.
pub trait RegisterSource {
    /// How to name the register in messages, e.g. the folder as the user typed it.
    fn display_root(&self) -> String;
    /// Every register file: `ropa.toml`, `activities/**/*.toml`, `processors/**/*.toml`, sorted
    /// by path. Unreadable files are entries with an error, not a failure of the whole call.
    fn entries(&self) -> Result<Vec<SourceEntry>, FatalError>;
}

/// A register folder on disk.
pub struct DirSource {
    root: PathBuf,
}

impl DirSource {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The register files under `sub`. Symbolic links are followed only to files and folders
    /// inside the register; one that leads outside it is reported, never read, so no command
    /// shows bytes of a file outside the register. Each real file and folder is visited once,
    /// so links that fan out cannot multiply the work.
    fn walk(&self, sub: &str, out: &mut Vec<(String, Result<PathBuf, ReadFailure>)>) {
        let first_of_walk = out.len();
        // The files are sorted by path afterwards, so folders are read in the order the file
        // system gives (sorting each folder's names costs a fifth of the walk). Only a walk
        // through a link depends on its order, since the first name of a file or folder is the
        // one read: such a walk is made again, in order of name.
        if self.walk_in(sub, out, false) {
            out.truncate(first_of_walk);
            self.walk_in(sub, out, true);
            // Without a link, each file is reached by one path only; with one, a file may be
            // reached twice, and the files are compared by their real paths.
            if let Some(this_walk) = out.get_mut(first_of_walk..) {
                refuse_second_names(this_walk);
            }
        }
    }

    /// One walk of `sub`, its folders in order of name when `in_order`; true when it went
    /// through a symbolic link.
    fn walk_in(
        &self,
        sub: &str,
        out: &mut Vec<(String, Result<PathBuf, ReadFailure>)>,
        in_order: bool,
    ) -> bool {
        let dir = self.root.join(sub);
        if !dir.exists() {
            return false;
        }
        let Ok(root) = std::fs::canonicalize(&self.root) else {
            return false;
        };
        let mut folders_seen = std::collections::HashSet::new();
        let mut through_a_link = false;
        let mut walker = walkdir::WalkDir::new(&dir).follow_links(true);
        if in_order {
            walker = walker.sort_by_file_name();
        }
        let mut walker = walker.into_iter();
        while let Some(entry) = walker.next() {
            let e = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err
                        .path()
                        .map(|p| relative(&self.root, p))
                        .unwrap_or_else(|| sub.to_string());
                    // A loop is met through a link: the walk is made again in order.
                    through_a_link |= err.loop_ancestor().is_some();
                    let why = match (err.loop_ancestor(), err.io_error()) {
                        (Some(ancestor), _) => ReadFailure::SymlinkLoop {
                            back_to: relative(&self.root, ancestor),
                        },
                        (None, Some(io)) => ReadFailure::Unreadable(io.to_string()),
                        (None, None) => ReadFailure::Unreadable(err.to_string()),
                    };
                    out.push((path, Err(why)));
                    continue;
                }
            };
            let is_dir = e.file_type().is_dir();
            // Hidden folders are not walked; hidden files are left to `register_file`.
            if is_dir && e.depth() > 0 && e.file_name().as_encoded_bytes().starts_with(b".") {
                walker.skip_current_dir();
                continue;
            }
            let rel = relative(&self.root, e.path());
            if e.path_is_symlink() {
                through_a_link = true;
                let real = match std::fs::canonicalize(e.path()) {
                    Ok(real) => real,
                    Err(err) => {
                        out.push((rel, Err(ReadFailure::Unreadable(err.to_string()))));
                        continue;
                    }
                };
                if !real.starts_with(&root) {
                    if is_dir {
                        walker.skip_current_dir();
                    }
                    out.push((rel, Err(outside_the_register(is_dir, &real))));
                    continue;
                }
            }
            if is_dir {
                // A folder is resolved once, so a link to a folder walked already is not
                // walked again.
                let real = std::fs::canonicalize(e.path()).unwrap_or_else(|_| e.path().into());
                if !folders_seen.insert(real) {
                    walker.skip_current_dir();
                }
                continue;
            }
            if !e.file_type().is_file() {
                // A pipe, socket or device named like a register file would block or mislead a read.
                if register_file(&rel).is_some() {
                    out.push((
                        rel,
                        Err(ReadFailure::Refused {
                            why: "it is not a regular file (a named pipe, socket or device)".into(),
                            help: "remove it: register files are plain text files",
                        }),
                    ));
                }
                continue;
            }
            match register_file(&rel) {
                Some(Ok(())) => out.push((rel, Ok(e.into_path()))),
                Some(Err(failure)) => out.push((rel, Err(failure))),
                None => {}
            }
        }
        through_a_link
    }
}

/// Refuses each file that is another name (a link) for a file found earlier in the walk, so
/// each real file is read once.
fn refuse_second_names(found: &mut [(String, Result<PathBuf, ReadFailure>)]) {
    let mut first_names: std::collections::HashMap<PathBuf, String> =
        std::collections::HashMap::new();
    for (rel, file) in found {
        let Ok(path) = file else { continue };
        let Ok(real) = std::fs::canonicalize(&*path) else {
            continue;
        };
        match first_names.get(&real) {
            Some(first) => {
                *file = Err(ReadFailure::Refused {
                    why: format!(
                        "it is another name (a link) for `{first}`, which is read already"
                    ),
                    help: "remove the link: each file is part of the register once",
                });
            }
            None => {
                first_names.insert(real, rel.clone());
            }
        }
    }
}

/// Why a link that leads out of the register is not followed.
fn outside_the_register(is_dir: bool, real: &Path) -> ReadFailure {
    let what = if is_dir { "folder" } else { "file" };
    ReadFailure::Refused {
        why: format!(
            "it is a symbolic link to a {what} outside the register (`{}`), and ropa reads only files inside the register",
            crate::files::printable(&real.display().to_string())
        ),
        help: "copy what it links to into the register, or remove the link",
    }
}

/// `path` below `root`, with `/` between its parts.
fn relative(root: &Path, path: &Path) -> String {
    // The walk joins plain names to the root, so on Unix the path is the root's bytes, `/`,
    // and the relative path already in this form: found without parsing either path.
    #[cfg(unix)]
    if let Some(rest) = path
        .as_os_str()
        .as_encoded_bytes()
        .strip_prefix(root.as_os_str().as_encoded_bytes())
        .and_then(|rest| rest.strip_prefix(b"/"))
        && let Ok(text) = std::str::from_utf8(rest)
        && !text.split('/').any(|part| matches!(part, "" | "." | ".."))
    {
        return text.to_string();
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    #[cfg(unix)]
    if let Some(text) = rel.to_str()
        && !text.starts_with("./")
        && !text.contains("//")
        && !text.contains("/./")
    {
        return text.to_string();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl RegisterSource for DirSource {
    fn display_root(&self) -> String {
        self.root.display().to_string()
    }

    fn entries(&self) -> Result<Vec<SourceEntry>, FatalError> {
        let root = &self.root;
        if !root.is_dir() {
            return Err(
                FatalError::new(format!("`{}` is not a folder", root.display()))
                    .with_help("give the path of a register folder, the one that holds ropa.toml"),
            );
        }
        let settings = root.join("ropa.toml");
        if let Ok(meta) = std::fs::metadata(&settings)
            && !meta.is_file()
        {
            let what = if meta.is_dir() {
                "a folder"
            } else {
                "not a regular file (a pipe, socket or device)"
            };
            return Err(FatalError::new(format!(
                "`{}` is {what}, so the register's settings cannot be read",
                settings.display()
            ))
            .with_help("ropa.toml must be a plain text file: remove or rename what is there, then `ropa init`"));
        }
        if !settings.is_file() {
            return Err(FatalError::new(format!(
                "`{}` has no ropa.toml, so it is not a register",
                root.display()
            ))
            .with_help(
                "run `ropa init` to create a register here, or give the path of an existing one",
            ));
        }
        let mut found = vec![("ropa.toml".to_string(), Ok(root.join("ropa.toml")))];
        self.walk("activities", &mut found);
        self.walk("processors", &mut found);
        found.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(found
            .into_iter()
            .map(|(path, file)| match file {
                Ok(file) => SourceEntry::on_disk(path, file),
                Err(failure) => SourceEntry::new(path, Err(failure)),
            })
            .collect())
    }
}

/// The largest register file ropa reads: one activity or processor is a few kilobytes, and a
/// larger file (a pasted log, a disk image) would only cost time and memory.
pub const LARGEST_FILE: u64 = 10 * 1024 * 1024;

/// Why a file over [`LARGEST_FILE`] is not read.
pub fn too_large(bytes: u64) -> ReadFailure {
    let mib = bytes as f64 / (1024.0 * 1024.0);
    ReadFailure::Refused {
        why: format!(
            "it is {mib:.1} MiB, and a register file may be at most {} MiB (one activity or processor is a few KB)",
            LARGEST_FILE / (1024 * 1024)
        ),
        help: "a register file holds one activity or processor: move this file out of the register",
    }
}

/// A file's bytes, refused before reading when it is larger than [`LARGEST_FILE`] (and never
/// more than that read, should it grow meanwhile).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| ReadFailure::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > LARGEST_FILE {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(LARGEST_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > LARGEST_FILE {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Register files held in memory, for tests and for registers read from git objects.
pub struct MemorySource {
    pub root: String,
    pub files: Vec<(String, Vec<u8>)>,
}

impl MemorySource {
    /// A register from (path, text) pairs, as tests write them.
    pub fn from_texts<P: AsRef<str>, T: AsRef<str>>(root: &str, files: &[(P, T)]) -> Self {
        MemorySource {
            root: root.to_string(),
            files: files
                .iter()
                .map(|(path, text)| (path.as_ref().to_string(), text.as_ref().as_bytes().to_vec()))
                .collect(),
        }
    }
}

impl RegisterSource for MemorySource {
    fn display_root(&self) -> String {
        self.root.clone()
    }

    fn entries(&self) -> Result<Vec<SourceEntry>, FatalError> {
        if !self.files.iter().any(|(p, _)| p == "ropa.toml") {
            return Err(FatalError::new(format!(
                "`{}` has no ropa.toml, so it is not a register",
                self.root
            )));
        }
        let mut entries: Vec<SourceEntry> = self
            .files
            .iter()
            .filter_map(|(path, bytes)| {
                Some(SourceEntry::new(
                    path.clone(),
                    register_file(path)?.map(|()| bytes.clone()),
                ))
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::relative;

    #[test]
    fn relative_paths_are_slash_separated_below_the_root_however_the_root_is_written() {
        let cases = [
            ("reg", "reg/activities/cctv.toml"),
            ("reg/", "reg/activities/cctv.toml"),
            ("./reg", "./reg/activities/cctv.toml"),
            ("/srv/reg", "/srv/reg/activities/cctv.toml"),
            ("reg", "reg/./activities//cctv.toml"),
        ];
        for (root, path) in cases {
            assert_eq!(
                relative(Path::new(root), Path::new(path)),
                "activities/cctv.toml",
                "{root} {path}"
            );
        }
        assert_eq!(
            relative(Path::new("reg"), Path::new("reg/activities/a/b.toml")),
            "activities/a/b.toml"
        );
    }
}
