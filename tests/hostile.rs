//! The hostile-input corpus: registers a careless editor, a broken export or an attacker might
//! produce, each with its exact expected output (file:line:col, message) and exit code, in
//! `tests/hostile/*.toml` (the command), `.stdout`, `.stderr` and `.in/` (the register).
//! Every case must also finish within the harness's time limit.
//!
//! After a deliberate change of a message: `TRYCMD=overwrite cargo test --test hostile`.

use std::time::Duration;

#[test]
fn hostile_registers_fail_as_documented_in_bounded_time() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(20))
        .case("tests/hostile/*.toml");
}

/// Runs ropa and waits at most `limit`, killing it after: a hang fails the test instead of
/// stalling the suite.
fn ropa_within(dir: &std::path::Path, args: &[&str], limit: Duration) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("`ropa {}` did not finish within {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn register_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("activities")).unwrap();
    std::fs::write(
        dir.path().join("ropa.toml"),
        "[controller]\nname = \"Test Council\"\nemail = \"dpo@example.gov.uk\"\n",
    )
    .unwrap();
    dir
}

/// A 1 GiB file (sparse, so the test is quick) is refused before it is read.
#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let dir = register_dir();
    let huge = std::fs::File::create(dir.path().join("activities/huge.toml")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let out = ropa_within(dir.path(), &["check"], Duration::from_secs(10));
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unread file: the register is not fully checked"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "cannot read this file: it is 1024.0 MiB, and a register file may be at most 10 MiB"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("activities/huge.toml"), "{stdout}");
}

/// A FIFO named like an activity would block a read forever: it is not a file, so it is not read.
#[cfg(unix)]
#[test]
fn a_fifo_in_activities_does_not_hang() {
    let dir = register_dir();
    let fifo = dir.path().join("activities/pipe.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = ropa_within(dir.path(), &["check"], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("activities/pipe.toml") && stdout.contains("it is not a regular file"),
        "{stdout}"
    );
}
