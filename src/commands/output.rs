//! Where a command writes its output file: never into the register, never over a folder or a
//! device, and over an existing file only when this command wrote it or `--force` is given.

use std::path::{Path, PathBuf};

use crate::source::FatalError;

/// Which files a command may replace without `--force`, and how to name things in messages.
/// Both tests are given the start of the existing file (see [`start_of`]).
pub struct Owner<'a> {
    /// True for a file this command wrote in the format asked for.
    pub ours: &'a dyn Fn(&[u8]) -> bool,
    /// True for a file ropa wrote some other way (another command, format or sheet).
    pub another: &'a dyn Fn(&[u8]) -> bool,
    /// An example file name for the help, e.g. `ropa.xlsx`.
    pub example: &'a str,
    /// What is written, e.g. "an export".
    pub what: &'a str,
    /// The command that writes it, e.g. "ropa export".
    pub command: &'a str,
}

/// Where a command's output file is written, and whether a file already there may be replaced.
pub struct Target {
    /// The file itself: a symbolic link is followed, so the link stays a link.
    pub path: PathBuf,
    pub replace: bool,
}

/// Decides where the output goes, refusing what must not be replaced: a file in the register
/// (it would stop the register loading), a folder, a device or pipe (even with `--force`), a
/// read-only file or one this command did not write (without `--force`).
pub fn output_target(
    path: &Path,
    root: &Path,
    force: bool,
    owner: &Owner<'_>,
) -> Result<Target, FatalError> {
    let shown = path.display();
    let metadata = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(FatalError::new(format!("cannot check `{shown}`: {e}"))
                .with_help("choose another file with -o"));
        }
        Ok(m) => Some(m),
    };
    let path = match &metadata {
        Some(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|_| {
            FatalError::new(format!(
                "`{shown}` is a symbolic link to a file that does not exist"
            ))
            .with_help("choose another file with -o, or remove the link")
        })?,
        _ => path.to_path_buf(),
    };
    refuse_inside_register(&path, root, owner)?;
    let existing = metadata.and_then(|_| std::fs::metadata(&path).ok());
    let Some(metadata) = existing else {
        return Ok(Target {
            path,
            replace: false,
        });
    };
    if metadata.is_dir() {
        return Err(FatalError::new(format!("`{shown}` is a folder"))
            .with_help(format!("give a file name, e.g. -o {}", owner.example)));
    }
    if !metadata.is_file() {
        return Err(FatalError::new(format!(
            "`{shown}` is not a regular file (a device, pipe or socket), so it is not replaced"
        ))
        .with_help("write to standard output with -o -, or give a file name"));
    }
    if force {
        return Ok(Target {
            path,
            replace: true,
        });
    }
    if metadata.permissions().readonly() {
        return Err(FatalError::new(format!("`{shown}` is read-only"))
            .with_help("use --force to replace it anyway, or choose another file with -o"));
    }
    let existing = start_of(&path).map_err(|e| {
        FatalError::new(format!("cannot read `{shown}` to check who wrote it: {e}"))
            .with_help("choose another file with -o, or use --force to replace it")
    })?;
    if (owner.ours)(&existing) {
        return Ok(Target {
            path,
            replace: true,
        });
    }
    let message = if (owner.another)(&existing) {
        format!("`{shown}` is a different file written by ropa (another command, format or sheet)")
    } else {
        format!(
            "`{shown}` already exists and was not written by {}",
            owner.command
        )
    };
    Err(FatalError::new(message)
        .with_help("choose another file with -o, or use --force to replace it"))
}

/// How much of an existing file is read to tell who wrote it: each text file ropa writes says
/// so in its first lines. Reading all of it doubled the memory a large web page's export took.
const START_READ: u64 = 1 << 20;

/// The start of a file, or all of it when it is a ZIP archive (a workbook), whose table of
/// contents is at its end.
fn start_of(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut start = Vec::new();
    (&mut file).take(START_READ).read_to_end(&mut start)?;
    if start.starts_with(b"PK\x03\x04") {
        file.read_to_end(&mut start)?;
    }
    Ok(start)
}

/// A file written into `activities/` or `processors/`, or over `ropa.toml`, would be read
/// as part of the register next time (or replace it), so it is refused even with `--force`.
fn refuse_inside_register(path: &Path, root: &Path, owner: &Owner<'_>) -> Result<(), FatalError> {
    let (Some(path), Ok(root)) = (absolute(path), std::fs::canonicalize(root)) else {
        return Ok(());
    };
    let inside = path.starts_with(root.join("activities"))
        || path.starts_with(root.join("processors"))
        || path == root.join("ropa.toml");
    if inside {
        return Err(FatalError::new(format!(
            "`{}` is part of the register, so {} must not be written there",
            path.display(),
            owner.what
        ))
        .with_help(format!(
            "write it outside activities/ and processors/, e.g. -o {}",
            owner.example
        )));
    }
    Ok(())
}

/// `path` made absolute through its nearest folder that exists, with links resolved, so it
/// can be compared with the register's folder.
fn absolute(path: &Path) -> Option<PathBuf> {
    let mut existing = path;
    let mut rest = Vec::new();
    loop {
        if let Ok(found) = std::fs::canonicalize(existing) {
            return Some(rest.iter().rev().fold(found, |p: PathBuf, c| p.join(c)));
        }
        rest.push(existing.file_name()?.to_os_string());
        existing = match existing.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_start_of_a_text_file_is_read_and_all_of_a_zip_archive() {
        let dir = tempfile::tempdir().unwrap();
        let size = usize::try_from(START_READ).unwrap() * 2;
        let text = dir.path().join("page.html");
        std::fs::write(&text, vec![b'x'; size]).unwrap();
        assert_eq!(start_of(&text).unwrap().len(), size / 2);
        let zip = dir.path().join("book.xlsx");
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.resize(size, 0);
        std::fs::write(&zip, &bytes).unwrap();
        assert_eq!(start_of(&zip).unwrap(), bytes);
        let small = dir.path().join("small.csv");
        std::fs::write(&small, "a,b\n").unwrap();
        assert_eq!(start_of(&small).unwrap(), b"a,b\n");
    }
}
