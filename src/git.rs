//! A register as it was at a git revision, read from git's objects by running the `git`
//! command: `rev-parse` to name the commit, `ls-tree` to list its files and one
//! `cat-file --batch` to read them all. Nothing here checks anything out or writes the index
//! (`GIT_OPTIONAL_LOCKS=0` stops even the optional index refresh), so the working tree a DPO
//! is editing is never touched.
//!
//! The `git` command, rather than a Rust implementation of git, because a register that has a
//! history is a git clone, so `git` is already there; it keeps the build small on two cores,
//! and it reads every repository format git itself reads.
// Indexing cannot panic here: entry indexes are recorded as the entries are pushed.
#![allow(clippy::indexing_slicing)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::source::{FatalError, ReadFailure, RegisterSource, SourceEntry, register_file};

/// The git repository a register folder is in.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The repository's top folder.
    top: PathBuf,
    /// The register folder inside it, `/`-separated and ending in `/` (`""` at the top).
    prefix: String,
}

/// One commit in a register's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    /// The first parent, `None` for the first commit.
    pub parent: Option<String>,
    /// The author date, YYYY-MM-DD.
    pub date: String,
    pub author: String,
    pub subject: String,
}

impl Repo {
    /// The repository holding `register` (a folder that exists).
    pub fn find(register: &Path) -> Result<Repo, FatalError> {
        if !register.is_dir() {
            return Err(
                FatalError::new(format!("`{}` is not a folder", register.display()))
                    .with_help("give the register's folder, the one that holds ropa.toml"),
            );
        }
        let out = git(register, &["rev-parse", "--show-toplevel", "--show-prefix"])
            .map_err(|e| e.with_help("install git, or run ropa where the `git` command works"))?;
        if !out.status.success() {
            return Err(FatalError::new(format!(
                "`{}` is not in a git repository, so it has no history to compare",
                register.display()
            ))
            .with_help(
                "keep the register in git (`git init`, then commit it), or give the folder of a \
                 register that is in a git clone",
            ));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next().unwrap_or_default());
        let prefix = lines.next().unwrap_or_default().to_string();
        Ok(Repo { top, prefix })
    }

    /// The register folder inside the repository (`""` at its top, else ending in `/`).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The commit `rev` names. A revision git does not know is an error that says what to
    /// do, and in a shallow clone (CI's default) that more history must be fetched.
    pub fn resolve(&self, rev: &str) -> Result<String, FatalError> {
        let wanted = format!("{rev}^{{commit}}");
        let out = git(&self.top, &["rev-parse", "--verify", "--quiet", &wanted])?;
        if out.status.success() {
            return Ok(String::from_utf8_lossy(&out.stdout).trim().to_string());
        }
        let shallow = git(&self.top, &["rev-parse", "--is-shallow-repository"])
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "true");
        let error = FatalError::new(format!("`{rev}` is not a revision of this git repository"));
        Err(if shallow {
            error.with_help(
                "this is a shallow clone, so older commits are not here: fetch the history \
                 (`git fetch --unshallow`, or in GitHub Actions `fetch-depth: 0` on \
                 actions/checkout; in GitLab CI `GIT_DEPTH: 0`)",
            )
        } else {
            error.with_help(
                "give a commit, branch or tag, e.g. `HEAD~1`, `main` or `origin/main`; \
                 `git log --oneline` lists the commits",
            )
        })
    }

    /// The register's files at `commit`, as a source the loader reads like a folder; an
    /// error that says so when the register is not in that commit.
    pub fn source_at(&self, commit: &str, display: String) -> Result<GitSource, FatalError> {
        self.source_if_present(commit, display)?.ok_or_else(|| {
            FatalError::new(format!(
                "the register is not in revision {}: it has no `{}ropa.toml`",
                short(commit),
                self.prefix
            ))
            .with_help(
                "give a revision made after the register was added (`git log --oneline -- \
                 ropa.toml` lists them)",
            )
        })
    }

    /// The register's files at `commit`, or `None` when the register is not in it (a commit
    /// from before it was added). Other failures are errors.
    pub fn source_if_present(
        &self,
        commit: &str,
        display: String,
    ) -> Result<Option<GitSource>, FatalError> {
        let listing = git(
            &self.top,
            &[
                "ls-tree",
                "-r",
                "-z",
                "--full-tree",
                commit,
                "--",
                &self.pathspec(),
            ],
        )?;
        if !listing.status.success() {
            return Err(git_failed("ls-tree", &listing.stderr));
        }
        let (mut entries, wanted) = parse_listing(&listing.stdout, &self.prefix);
        if !entries.iter().any(|e| e.path == "ropa.toml") {
            return Ok(None);
        }
        let blobs = self.read_blobs(wanted.iter().map(|(_, id)| id.as_str()))?;
        for ((index, _), bytes) in wanted.into_iter().zip(blobs) {
            entries[index].set_bytes(bytes);
        }
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Some(GitSource { display, entries }))
    }

    /// The commits that changed the register (or only `paths` inside it), newest first.
    pub fn log(&self, paths: &[String], max: Option<usize>) -> Result<Vec<Commit>, FatalError> {
        // Fields end in a unit separator and commits in a record separator, which no name or
        // subject line contains.
        let mut args = vec![
            "log".to_string(),
            "--format=%H\x1f%P\x1f%ad\x1f%an\x1f%s\x1e".into(),
            "--date=short".into(),
        ];
        if let Some(max) = max {
            args.push(format!("--max-count={max}"));
        }
        args.push("--".into());
        if paths.is_empty() {
            args.push(self.pathspec());
        } else {
            args.extend(
                paths
                    .iter()
                    .map(|p| format!(":(top,literal){}{p}", self.prefix)),
            );
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = git(&self.top, &args)?;
        if !out.status.success() {
            let text = String::from_utf8_lossy(&out.stderr);
            if text.contains("does not have any commits") {
                return Ok(Vec::new());
            }
            return Err(git_failed("log", &out.stderr));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        Ok(text
            .split('\x1e')
            .filter_map(|record| {
                let mut fields = record.trim_start_matches('\n').split('\x1f');
                let id = fields.next().filter(|id| !id.is_empty())?.to_string();
                let parent = fields
                    .next()
                    .and_then(|p| p.split(' ').next())
                    .filter(|p| !p.is_empty())
                    .map(str::to_string);
                Some(Commit {
                    id,
                    parent,
                    date: fields.next().unwrap_or_default().to_string(),
                    author: fields.next().unwrap_or_default().to_string(),
                    subject: fields.next().unwrap_or_default().to_string(),
                })
            })
            .collect())
    }

    /// The register folder as a pathspec from the repository's top, read literally.
    fn pathspec(&self) -> String {
        if self.prefix.is_empty() {
            ":(top)".to_string()
        } else {
            format!(":(top,literal){}", self.prefix)
        }
    }

    /// The contents of the blobs, in order, from one `git cat-file --batch`.
    fn read_blobs<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<Vec<Vec<u8>>, FatalError> {
        let request: String = ids.map(|id| format!("{id}\n")).collect();
        if request.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = command(&self.top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| not_run(&e))?;
        let mut stdin = child.stdin.take();
        // Written from another thread, so a full pipe on either side cannot stall both.
        let writer = std::thread::spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(request.as_bytes());
            }
        });
        let reader = BufReader::new(child.stdout.take().ok_or_else(|| not_run(&"no output"))?);
        let blobs = parse_batch(reader);
        let _ = writer.join();
        let _ = child.wait();
        blobs
    }
}

/// The register's entries in the output of `git ls-tree -r -z`, and the blobs to read for
/// them (entry index, object id). A link is an entry that cannot be read: a revision's links
/// are not followed.
pub fn parse_listing(stdout: &[u8], prefix: &str) -> (Vec<SourceEntry>, Vec<(usize, String)>) {
    let mut wanted = Vec::new();
    let mut entries = Vec::new();
    for record in stdout.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let record = String::from_utf8_lossy(record);
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let Some(relative) = path.strip_prefix(prefix) else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (mode, kind, object) = (meta.next(), meta.next(), meta.next());
        let Some(read) = register_file(relative) else {
            continue;
        };
        let bytes = match (read, mode, kind) {
            (Err(failure), _, _) => Err(failure),
            (Ok(()), Some("120000"), _) => Err(ReadFailure::Unreadable(
                "it is a symbolic link, and a revision's links are not followed".into(),
            )),
            (Ok(()), _, Some("blob")) => {
                wanted.push((entries.len(), object.unwrap_or_default().to_string()));
                Ok(Vec::new())
            }
            _ => continue,
        };
        entries.push(SourceEntry::new(relative, bytes));
    }
    (entries, wanted)
}

/// The largest object read from a revision: a register file is small, and a size in git's
/// output is never trusted with more memory than this.
const LARGEST_OBJECT: usize = 64 * 1024 * 1024;

/// The objects in the output of `git cat-file --batch`, in order: each a header line
/// `<id> <type> <size>`, the bytes and a newline.
pub fn parse_batch(mut reader: impl BufRead) -> Result<Vec<Vec<u8>>, FatalError> {
    let mut blobs = Vec::new();
    let mut header = String::new();
    loop {
        header.clear();
        if reader.read_line(&mut header).map_err(|e| not_run(&e))? == 0 {
            break;
        }
        let size: usize = header
            .trim_end()
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .filter(|&size| size <= LARGEST_OBJECT)
            .ok_or_else(|| {
                FatalError::new(format!("git could not read an object: {}", header.trim()))
            })?;
        let mut blob = vec![0; size];
        reader.read_exact(&mut blob).map_err(|e| not_run(&e))?;
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline).map_err(|e| not_run(&e))?;
        blobs.push(blob);
    }
    Ok(blobs)
}

/// A register read from one revision: every entry already in memory.
pub struct GitSource {
    display: String,
    entries: Vec<SourceEntry>,
}

impl RegisterSource for GitSource {
    fn display_root(&self) -> String {
        self.display.clone()
    }

    fn entries(&self) -> Result<Vec<SourceEntry>, FatalError> {
        Ok(self.entries.clone())
    }
}

/// A commit id shortened for messages.
pub fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

/// `git` run in `dir` for a read-only command, with its output.
fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, FatalError> {
    command(dir).args(args).output().map_err(|e| not_run(&e))
}

fn command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .args(["-c", "core.quotepath=off", "--no-pager"])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    command
}

fn not_run(error: &dyn std::fmt::Display) -> FatalError {
    FatalError::new(format!("could not run git: {error}"))
        .with_help("ropa reads the register's history with the `git` command; install git")
}

fn git_failed(what: &str, stderr: &[u8]) -> FatalError {
    FatalError::new(format!(
        "git {what} failed: {}",
        String::from_utf8_lossy(stderr).trim()
    ))
}
