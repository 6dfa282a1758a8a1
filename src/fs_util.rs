//! Writing files safely: atomically (temp file + rename) and never over a user's file unless
//! asked to.

use std::io::Write;
use std::path::Path;

use crate::source::FatalError;

/// Writes `bytes` to `path` atomically. Without `overwrite`, an existing file is an error and
/// is left untouched, even if it appears while writing.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FatalError> {
    if !overwrite && path.exists() {
        return Err(
            FatalError::new(format!("`{}` already exists", path.display()))
                .with_help("use --force to replace it"),
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let cannot = |e: std::io::Error| {
        FatalError::new(format!("cannot write `{}`: {e}", path.display()))
            .with_help("check the folder exists and that you may write to it")
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ropa-").suffix(".tmp");
    #[cfg(unix)]
    {
        // A new file gets rw-r--r-- less the umask (applied by open); temp files would
        // otherwise be owner-only.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(cannot)?;
    if let Ok(existing) = std::fs::metadata(path) {
        // A replaced file keeps its own mode.
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(cannot)?;
    }
    tmp.write_all(bytes).map_err(cannot)?;
    tmp.as_file().sync_all().map_err(cannot)?;
    if overwrite {
        tmp.persist(path).map_err(|e| cannot(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                FatalError::new(format!("`{}` already exists", path.display()))
                    .with_help("use --force to replace it")
            } else {
                cannot(e.error)
            }
        })?;
    }
    Ok(())
}

/// Writes `rel` inside the register at `root` as [`write_file`] does, refusing when a symbolic
/// link (on the file or on a folder on the way) would take the write outside the register.
pub fn write_inside(
    root: &Path,
    rel: &str,
    bytes: &[u8],
    overwrite: bool,
) -> Result<(), FatalError> {
    let path = root.join(rel);
    check_inside(root, &path)?;
    write_file(&path, bytes, overwrite)
}

/// Fails when `path` (or the nearest folder of it that exists) resolves outside `root`.
pub fn check_inside(root: &Path, path: &Path) -> Result<(), FatalError> {
    let Ok(root_real) = std::fs::canonicalize(root) else {
        return Ok(());
    };
    let mut existing = path;
    loop {
        if std::fs::symlink_metadata(existing).is_ok() {
            break;
        }
        match existing.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => existing = parent,
            _ => return Ok(()),
        }
    }
    let real = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    if real.starts_with(&root_real) {
        return Ok(());
    }
    Err(FatalError::new(format!(
        "`{}` leads outside the register (to `{}`) through a symbolic link, so nothing was written there",
        path.display(),
        real.display()
    ))
    .with_help("remove the link, or give a path inside the register"))
}

/// Creates a folder and its parents.
pub fn create_dir(path: &Path) -> Result<(), FatalError> {
    std::fs::create_dir_all(path)
        .map_err(|e| FatalError::new(format!("cannot create folder `{}`: {e}", path.display())))
}

/// `path` made absolute with `.` and `..` worked out from the text, so `../new` seen from
/// inside a register is not taken to be inside it.
pub fn lexically_absolute(path: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = std::path::PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
