//! Finding the register a command works on: the nearest folder at or above the starting folder
//! that holds a `ropa.toml`, as cargo finds `Cargo.toml`. So `ropa lint` works from any folder
//! inside a register.

use std::path::{Component, Path, PathBuf};

use crate::source::FatalError;

/// The file that marks a register's root folder.
pub const MARKER: &str = "ropa.toml";

/// A register found by walking up from a starting folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The register folder, relative to the start when it can be (`.`, `../..`,
    /// `registers/bolsover`), so paths in messages are short and clickable from where ropa ran.
    pub root: PathBuf,
    /// How many folders above the start it is (0: the start itself).
    pub levels_up: usize,
}

/// Walks up from `start` to the nearest folder holding `ropa.toml`.
///
/// The error names the folder the walk started in and the filesystem root it stopped at, and
/// says how to create a register or point ropa at one.
pub fn find_register(start: &Path) -> Result<Found, FatalError> {
    // A folder or pipe named ropa.toml is a broken register here, not a reason to look above:
    // loading it says what is wrong.
    if start.join(MARKER).is_file() || std::fs::symlink_metadata(start.join(MARKER)).is_ok() {
        return Ok(Found {
            root: start.to_path_buf(),
            levels_up: 0,
        });
    }
    let absolute = start.canonicalize().map_err(|e| {
        FatalError::new(format!(
            "cannot look for a register in `{}`: {e}",
            start.display()
        ))
        .with_help("give an existing folder with -C DIR")
    })?;
    for (levels_up, folder) in absolute.ancestors().enumerate().skip(1) {
        if folder.join(MARKER).is_file() {
            return Ok(Found {
                root: short_path(start, levels_up, folder),
                levels_up,
            });
        }
    }
    let top = absolute.ancestors().last().unwrap_or(&absolute);
    // In a folder named activities/ or processors/ the register's ropa.toml is missing or
    // elsewhere: a new register here would be one inside the other.
    let in_register_folder = absolute.ancestors().any(|f| {
        f.file_name()
            .is_some_and(|n| n == "activities" || n == "processors")
    });
    let help = if in_register_folder {
        "this folder is inside an `activities/` or `processors/` folder: run ropa from the register folder that holds them (it needs a ropa.toml), or give it: `ropa <command> DIR`, or `ropa -C DIR <command>`"
    } else {
        "run `ropa init` to create a register here, or give the register folder: \
         `ropa <command> DIR`, or `ropa -C DIR <command>`"
    };
    Err(FatalError::new(format!(
        "no ropa.toml in `{}` or any folder above it (looked up to `{}`)",
        absolute.display(),
        top.display()
    ))
    .with_help(help))
}

/// `start` followed by `levels_up` parent steps, written as briefly as possible
/// (`a/b/c` up 2 is `a`, `.` up 2 is `../..`), or `absolute` when a symbolic link makes the
/// short form lead somewhere else.
fn short_path(start: &Path, levels_up: usize, absolute: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    let steps = start
        .components()
        .chain(std::iter::repeat_n(Component::ParentDir, levels_up));
    for part in steps {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let short: PathBuf = if parts.is_empty() {
        PathBuf::from(".")
    } else {
        parts.iter().collect()
    };
    match short.canonicalize() {
        Ok(real) if real == absolute => short,
        _ => absolute.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_register_above_and_names_it_briefly() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("reg");
        std::fs::create_dir_all(root.join("activities/a/b")).unwrap();
        std::fs::write(root.join(MARKER), "").unwrap();

        let found = find_register(&root.join("activities/a/b")).unwrap();
        assert_eq!(found.levels_up, 3);
        assert_eq!(found.root, root);
        assert_eq!(find_register(&root).unwrap().levels_up, 0);
    }

    #[test]
    fn short_paths_drop_steps_lexically() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(base.join("a/b/c")).unwrap();
        assert_eq!(
            short_path(&base.join("a/b/c"), 2, &base.join("a")),
            base.join("a")
        );
        // A form that does not lead to the folder found falls back to its absolute path.
        assert_eq!(short_path(Path::new("a/b"), 1, &base), base);
    }

    #[test]
    fn not_found_says_where_it_looked_and_how_to_fix() {
        let dir = tempfile::tempdir().unwrap();
        let error = find_register(dir.path()).unwrap_err();
        let start = dir.path().canonicalize().unwrap();
        assert!(
            error.message.starts_with(&format!(
                "no ropa.toml in `{}` or any folder above it",
                start.display()
            )),
            "{}",
            error.message
        );
        assert!(error.help.unwrap().contains("ropa init"));
    }
}
