//! Writing files safely: atomically (temp file + rename) and never over a user's file unless
//! asked to.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tempfile::NamedTempFile;

use crate::source::FatalError;

/// Writes `bytes` to `path` atomically. Without `overwrite`, an existing file is an error and
/// is left untouched, even if it appears while writing.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FatalError> {
    write_file_with(path, overwrite, |file| file.write_all(bytes))
}

/// [`write_file`] for bytes written as they are made (an export made on several cores):
/// `write` writes them all to the file it is given, a temporary file that becomes `path`
/// only once all are written.
pub fn write_file_with(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut SmallWrites<&mut std::fs::File>) -> std::io::Result<()>,
) -> Result<(), FatalError> {
    if !overwrite && path.exists() {
        return Err(already_exists(path));
    }
    let tmp = temp_beside(path, write)?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| cannot_write(path, e))?;
    put_in_place(tmp, path, overwrite)
}

/// Replaces many files, each atomically, at the cost of one flush of the disk instead of one
/// per file (which made `ropa fmt` of 10,000 files take 18 s). Every temporary file is written
/// first, on more threads than cores since the work is waiting on the disk; then the disk is
/// flushed once; then each temporary file is renamed over its file. A crash or a full disk
/// leaves each file either as it was or as it is meant to be, never half-written, and a file
/// that fails leaves no temporary file behind. The results are in the order of `files`.
pub fn replace_files(files: &[(PathBuf, Vec<u8>)]) -> Vec<Result<(), FatalError>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(IO_THREADS)
        .build();
    let run = |work: &(dyn Fn() -> Vec<Result<(), FatalError>> + Sync)| match &pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };
    run(&|| {
        let written: Vec<Result<Written, FatalError>> = files
            .par_iter()
            .map(|(path, bytes)| written_and_closed(path, bytes))
            .collect();
        let flushed = flush(&written, files);
        written
            .into_par_iter()
            .zip(flushed)
            .zip(files.par_iter())
            .map(|((written, flushed), (path, _))| {
                let written = written?;
                flushed?; // dropping the temporary path removes the file
                written
                    .temp
                    .persist(path)
                    .map_err(|e| cannot_write(path, e.error))
            })
            .collect()
    })
}

/// How many files are written at once: enough to keep the disk's queue full.
const IO_THREADS: usize = 8;

/// A temporary file written and closed (so 50,000 of them do not hold 50,000 open files),
/// and the file system it is on.
struct Written {
    temp: tempfile::TempPath,
    device: u64,
}

fn written_and_closed(path: &Path, bytes: &[u8]) -> Result<Written, FatalError> {
    let tmp = temp_beside(path, |file| file.write_all(bytes))?;
    #[cfg(unix)]
    let device = {
        use std::os::unix::fs::MetadataExt;
        tmp.as_file().metadata().map(|m| m.dev()).unwrap_or(0)
    };
    #[cfg(not(unix))]
    let device = 0;
    // Where there is no syncfs, each file is flushed before it is closed.
    #[cfg(not(target_os = "linux"))]
    tmp.as_file()
        .sync_all()
        .map_err(|e| cannot_write(path, e))?;
    Ok(Written {
        temp: tmp.into_temp_path(),
        device,
    })
}

/// Makes the written temporary files durable: on Linux one `syncfs` per file system they are
/// on (opening one of its temporary files for it); elsewhere each was flushed when written. A
/// file that could not be made durable is not put in place.
fn flush(
    written: &[Result<Written, FatalError>],
    files: &[(PathBuf, Vec<u8>)],
) -> Vec<Result<(), FatalError>> {
    let mut synced: std::collections::HashMap<u64, Result<(), String>> = Default::default();
    written
        .iter()
        .zip(files)
        .map(|(written, (path, _))| {
            let Ok(written) = written else { return Ok(()) };
            let outcome = synced
                .entry(written.device)
                .or_insert_with(|| sync_file_system(&written.temp));
            outcome.clone().map_err(|e| {
                FatalError::new(format!("cannot write `{}`: {e}", path.display()))
                    .with_help("check there is space on the disk; the file was left as it was")
            })
        })
        .collect()
}

/// Makes everything written so far to the file system that holds `folder` durable: on Linux
/// one `syncfs`. For a command that writes many new files into a temporary folder and then
/// renames the folder into place (`import`), so the rename never shows files not yet on the
/// disk. Elsewhere each such file is flushed as it is written ([`write_new_durably`]).
pub fn flush_file_system(folder: &Path) -> Result<(), FatalError> {
    sync_file_system(folder).map_err(|e| {
        FatalError::new(format!("cannot write to `{}`: {e}", folder.display()))
            .with_help("check there is space on the disk; nothing was put in place")
    })
}

/// Writes a new file that [`flush_file_system`] will make durable (on Linux); elsewhere it
/// is flushed here, before it is closed.
pub fn write_new_durably(path: &Path, bytes: &[u8]) -> Result<(), FatalError> {
    let mut file = std::fs::File::create(path).map_err(|e| cannot_write(path, e))?;
    file.write_all(bytes).map_err(|e| cannot_write(path, e))?;
    #[cfg(not(target_os = "linux"))]
    file.sync_all().map_err(|e| cannot_write(path, e))?;
    Ok(())
}

#[cfg(target_os = "linux")]
fn sync_file_system(on: &Path) -> Result<(), String> {
    let file = std::fs::File::open(on).map_err(|e| e.to_string())?;
    rustix::fs::syncfs(&file).map_err(|e| e.to_string())
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system(_on: &Path) -> Result<(), String> {
    Ok(())
}

/// `bytes` in a new temporary file in `path`'s folder (created if need be), with the mode the
/// file has or a new file gets. Not yet flushed to the disk.
fn temp_beside(
    path: &Path,
    write: impl FnOnce(&mut SmallWrites<&mut std::fs::File>) -> std::io::Result<()>,
) -> Result<NamedTempFile, FatalError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let cannot = |e| cannot_write(path, e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(".tmp");
    #[cfg(unix)]
    {
        // A new file gets rw-r--r-- less the umask (applied by open); temp files would
        // otherwise be owner-only.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The folder usually exists: create it only when it does not.
    let mut tmp = match builder.tempfile_in(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(cannot)?;
            builder.tempfile_in(dir)
        }
        other => other,
    }
    .map_err(cannot)?;
    if let Ok(existing) = std::fs::metadata(path) {
        // A replaced file keeps its own mode.
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(cannot)?;
    }
    write(&mut SmallWrites(tmp.as_file_mut())).map_err(cannot)?;
    Ok(tmp)
}

/// A writer that hands on at most [`MOST_PER_CALL`] bytes a system call. On Linux 6.18 with
/// ext4 here, a write that covers a whole 2 MiB-aligned stretch of a file cost about 8 ms more
/// (most likely the kernel finding a 2 MiB page for its cache in fragmented memory): 21 MiB
/// took 64-100 ms to write in one call, and 6-11 ms in calls of 1 MiB (or of 2 MiB less
/// 4 KiB). Smaller calls cost nothing measurable: a round of a web page is one call of about
/// 1.3 MB either way.
pub struct SmallWrites<W>(pub W);

/// Less than the 2 MiB-aligned stretch a slow call covers (see [`SmallWrites`]).
pub const MOST_PER_CALL: usize = 1 << 20;

impl<W: Write> Write for SmallWrites<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes.get(..MOST_PER_CALL).unwrap_or(bytes))
    }

    /// The first pieces that fit in one call together, or part of the first when it alone
    /// is too large.
    fn write_vectored(&mut self, pieces: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
        let mut total = 0;
        let fitting = pieces
            .iter()
            .take_while(|p| {
                total += p.len();
                total <= MOST_PER_CALL
            })
            .count();
        match pieces.first() {
            Some(first) if fitting == 0 => self.write(first),
            _ => self
                .0
                .write_vectored(pieces.get(..fitting).unwrap_or(pieces)),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The most pieces handed to one `writev`: Linux takes at most 1,024.
const PIECES_PER_WRITE: usize = 1024;

/// Writes every piece, in order, with one `writev` for up to 1,024 pieces: a web page is
/// one piece per activity, and one write each was 10,000 system calls.
pub fn write_all_pieces<P: AsRef<[u8]>>(
    out: &mut (impl Write + ?Sized),
    pieces: &[P],
) -> std::io::Result<()> {
    for batch in pieces.chunks(PIECES_PER_WRITE) {
        let mut slices: Vec<std::io::IoSlice<'_>> = batch
            .iter()
            .map(|p| std::io::IoSlice::new(p.as_ref()))
            .collect();
        let mut rest = &mut slices[..];
        std::io::IoSlice::advance_slices(&mut rest, 0);
        while !rest.is_empty() {
            match out.write_vectored(rest) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(n) => std::io::IoSlice::advance_slices(&mut rest, n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Writes what `make` makes of `items`, a round of `per_round` at a time: each round is
/// written (the kernel copying it, on this core) while the next is made on the others, so
/// the copying overlaps the making and only two rounds are in memory. `make` is given the
/// round's number, its items, and the buffers of the round before, written, to use again.
pub fn write_in_rounds<T: Sync, W: Write + Send>(
    out: &mut W,
    items: &[T],
    per_round: usize,
    make: impl Fn(usize, &[T], Vec<Vec<u8>>) -> Vec<Vec<u8>> + Sync,
) -> std::io::Result<()> {
    let mut made: Vec<Vec<u8>> = Vec::new();
    let mut spare: Vec<Vec<u8>> = Vec::new();
    for (round, round_items) in items.chunks(per_round.max(1)).enumerate() {
        let (written, next) = rayon::join(
            || write_all_pieces(out, &made),
            || make(round, round_items, std::mem::take(&mut spare)),
        );
        written?;
        spare = std::mem::replace(&mut made, next);
    }
    write_all_pieces(out, &made)
}

/// The start of every temporary file's name; files starting with `.` are never read as part
/// of a register.
pub const TEMP_PREFIX: &str = ".ropa-";

/// Removes the temporary files an interrupted (killed) ropa left in the register's folders,
/// and says which were removed. Only files named as ropa names them and untouched for a
/// minute are removed, so another ropa writing at this moment keeps its own.
pub fn remove_abandoned_temp_files(root: &Path) -> Vec<PathBuf> {
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    walkdir::WalkDir::new(root)
        .max_depth(MAX_REGISTER_DEPTH)
        .into_iter()
        // Hidden folders (`.git` above all) hold no register files, so none of ropa's.
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir() && e.file_name().to_string_lossy().starts_with('.'))
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp")
        })
        .filter(|e| {
            e.metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .is_some_and(|t| t < minute_ago)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .map(|e| e.into_path())
        .collect()
}

/// How deep below the register's root its files can be (activities/<folder>/<…>/<file>).
const MAX_REGISTER_DEPTH: usize = 32;

/// Renames the temporary file over `path` (or, without `overwrite`, only if `path` does not
/// exist); dropping it on failure removes it.
fn put_in_place(tmp: NamedTempFile, path: &Path, overwrite: bool) -> Result<(), FatalError> {
    if overwrite {
        tmp.persist(path).map_err(|e| cannot_write(path, e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                already_exists(path)
            } else {
                cannot_write(path, e.error)
            }
        })?;
    }
    Ok(())
}

fn already_exists(path: &Path) -> FatalError {
    FatalError::new(format!("`{}` already exists", path.display()))
        .with_help("use --force to replace it")
}

fn cannot_write(path: &Path, e: std::io::Error) -> FatalError {
    FatalError::new(format!("cannot write `{}`: {e}", path.display()))
        .with_help("check the folder exists and that you may write to it")
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that takes at most `most` bytes a call, as a pipe or a full disk may.
    struct Trickle {
        most: usize,
        got: Vec<u8>,
        calls: usize,
    }

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.write_vectored(&[std::io::IoSlice::new(buf)])
        }

        fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
            self.calls += 1;
            let mut left = self.most;
            for buf in bufs {
                let take = buf.len().min(left);
                self.got.extend_from_slice(&buf[..take]);
                left -= take;
                if left == 0 {
                    break;
                }
            }
            Ok(self.most - left)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn pieces_are_written_whole_and_in_order_through_short_writes() {
        let pieces: Vec<Vec<u8>> = (0..3000)
            .map(|i| format!("<p>{i}</p>\n").into_bytes())
            .chain([Vec::new(), b"end".to_vec()])
            .collect();
        let whole = pieces.concat();
        for most in [1, 7, 4096, usize::MAX / 2] {
            let mut out = Trickle {
                most,
                got: Vec::new(),
                calls: 0,
            };
            write_all_pieces(&mut out, &pieces).unwrap();
            assert_eq!(out.got, whole, "at most {most} bytes a write");
            if most > whole.len() {
                // One call for each 1,024 pieces, not one per piece.
                assert_eq!(out.calls, pieces.len().div_ceil(PIECES_PER_WRITE));
            }
        }
    }

    /// A writer that notes the size of every call it is given, and takes it all.
    #[derive(Default)]
    struct Calls {
        sizes: Vec<usize>,
        got: Vec<u8>,
    }

    impl Write for Calls {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.sizes.push(buf.len());
            self.got.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
            let size = bufs.iter().map(|b| b.len()).sum();
            self.sizes.push(size);
            bufs.iter().for_each(|b| self.got.extend_from_slice(b));
            Ok(size)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn large_writes_reach_the_file_in_calls_of_at_most_a_mebibyte() {
        let big = |n: usize, b: u8| vec![b; n];
        let pieces = vec![
            big(3 * MOST_PER_CALL + 5, b'a'),
            big(10, b'b'),
            big(MOST_PER_CALL, b'c'),
            big(MOST_PER_CALL / 2, b'd'),
            big(MOST_PER_CALL / 2 + 1, b'e'),
        ];
        let whole = pieces.concat();
        let mut pieces_out = SmallWrites(Calls::default());
        write_all_pieces(&mut pieces_out, &pieces).unwrap();
        let mut whole_out = SmallWrites(Calls::default());
        whole_out.write_all(&whole).unwrap();
        for out in [pieces_out.0, whole_out.0] {
            assert_eq!(out.got, whole);
            assert!(
                out.sizes.iter().all(|&s| s > 0 && s <= MOST_PER_CALL),
                "{:?}",
                out.sizes
            );
            assert!(
                out.sizes.len() <= whole.len().div_ceil(MOST_PER_CALL) + 3,
                "{:?}",
                out.sizes
            );
        }
    }

    #[test]
    fn a_writer_that_takes_nothing_is_an_error_not_a_hang() {
        let mut out = Trickle {
            most: 0,
            got: Vec::new(),
            calls: 0,
        };
        let e = write_all_pieces(&mut out, &[b"x"]).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::WriteZero);
    }
}
