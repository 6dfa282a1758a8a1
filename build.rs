//! Puts the git commit into `ropa --version` when ropa is built from a git clone, so a bug
//! report says exactly which code ran. Without git, or outside a clone (a crates.io download),
//! the version is just the package version.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let dir = Path::new(&dir);
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    // Only this crate's own clone: `git` would otherwise find any repository above the folder.
    let commit = if dir.join(".git").exists() {
        commit(dir)
    } else {
        None
    };
    let full = match commit {
        Some(commit) => format!("{version} ({commit})"),
        None => version,
    };
    println!("cargo:rustc-env=ROPA_VERSION={full}");
}

/// The short commit of HEAD, asking cargo to build again when HEAD moves. HEAD's log gains a
/// line on every commit, checkout, reset and merge, whether the branch's ref is a loose file or
/// packed into packed-refs (then `refs/heads/<branch>` does not exist, so watching it alone
/// misses the next commit). Without that log (`core.logAllRefUpdates` off), the branches folder
/// is watched instead: a commit writes its branch's file there. Not both, so commits on other
/// branches do not rebuild ropa.
fn commit(dir: &Path) -> Option<String> {
    let path = |name: &str| git(dir, &["rev-parse", "--git-path", name]).map(|p| dir.join(p));
    let log = path("logs/HEAD").filter(|log| log.exists());
    let moves = log.or_else(|| path("refs/heads"));
    let mut watch = vec![path("HEAD"), moves, path("packed-refs")];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        watch.push(path(&branch));
    }
    for path in watch.into_iter().flatten() {
        // A path that does not exist would make cargo run this script on every build.
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    git(dir, &["rev-parse", "--short", "HEAD"])
}

/// One line of git's output, or `None` when git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}
