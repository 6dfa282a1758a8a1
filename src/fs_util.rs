//! Writing files safely: atomically (temp file + rename) and never over a user's file unless
//! asked to.

use std::io::Write;
use std::path::Path;

use crate::source::FatalError;

/// Writes `bytes` to `path` atomically. Without `overwrite`, an existing file is an error and
/// is left untouched, even if it appears while writing.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FatalError> {
    if !overwrite && path.exists() {
        return Err(FatalError::new(format!("`{}` already exists", path.display()))
            .with_help("use --force to replace it"));
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
    let mut tmp = tempfile::Builder::new()
        .prefix(".ropa-")
        .suffix(".tmp")
        .permissions(permissions_for(path))
        .tempfile_in(dir)
        .map_err(cannot)?;
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

/// Creates a folder and its parents.
pub fn create_dir(path: &Path) -> Result<(), FatalError> {
    std::fs::create_dir_all(path).map_err(|e| {
        FatalError::new(format!("cannot create folder `{}`: {e}", path.display()))
    })
}

/// The mode for a written file: an existing file keeps its own; a new one gets the usual
/// read-write for the owner and read for others, less the user's umask (temp files default to
/// owner-only, which would surprise a user sharing the register).
fn permissions_for(path: &Path) -> std::fs::Permissions {
    if let Ok(meta) = std::fs::metadata(path) {
        return meta.permissions();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o666)
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(".").map(|m| m.permissions()).unwrap_or_else(|_| unreachable_permissions())
    }
}

#[cfg(not(unix))]
fn unreachable_permissions() -> std::fs::Permissions {
    // Only reached on non-Unix systems where even "." has no metadata; fall back to a temp file's.
    tempfile::tempfile().and_then(|f| f.metadata()).map(|m| m.permissions()).expect("a temp file")
}
