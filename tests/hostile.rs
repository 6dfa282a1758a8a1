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
    let child = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // The output is read while the command runs, so a large one cannot fill the pipe.
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    match receive.recv_timeout(limit) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("`ropa {}` did not finish within {limit:?}", args.join(" "));
        }
    }
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

/// A register with one activity file, `activities/<name>`, holding `text`.
fn register_with(name: &str, text: impl AsRef<[u8]>) -> tempfile::TempDir {
    let dir = register_dir();
    std::fs::write(dir.path().join("activities").join(name), text).unwrap();
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

/// `new` and `init` never write through a link that leads out of the register, and a failed
/// `init` leaves nothing behind, so the next one can run.
#[cfg(unix)]
#[test]
fn nothing_is_written_outside_the_register_through_a_link() {
    let dir = register_dir();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("activities/ext")).unwrap();
    let out = ropa_within(
        dir.path(),
        &["new", "activity", "ext/x"],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("leads outside the register"));
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);

    let fresh = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), fresh.path().join("schema")).unwrap();
    let out = ropa_within(
        fresh.path(),
        &["init", ".", "--name", "Test Council", "--public-authority"],
        Duration::from_secs(10),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_dir(outside.path()).unwrap().count(),
        0,
        "no schema written outside"
    );
    let left: Vec<String> = std::fs::read_dir(fresh.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        ["schema"],
        "a failed init leaves only what was there: {left:?}"
    );
}

/// A write that fails half way (here: over a file-size limit, as on a full disk) leaves the
/// previous file exactly as it was and no temporary file behind.
#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
    let dir = register_with(
        "a.toml",
        format!(
            "name = \"A\"\npurposes = [{}]\n",
            (0..200)
                .map(|i| format!("\"Purpose {i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    // The JSON document and the web page are both written as they are made.
    for (format, file, previous) in [
        ("json", "out.json", "{\"format\": \"ropa-register-export\"}"),
        (
            "html",
            "out.html",
            "<html><head><meta name=\"generator\" content=\"ropa\"></head></html>",
        ),
    ] {
        let out = dir.path().join(file);
        std::fs::write(&out, previous).unwrap();
        // 1 KiB at most per file; SIGXFSZ ignored, so the write fails instead of killing ropa.
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .args([
                "-c",
                &format!("trap '' XFSZ; ulimit -f 2; exec \"$0\" export {format} -o {file}"),
                env!("CARGO_BIN_EXE_ropa"),
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&status.stderr);
        assert_eq!(status.status.code(), Some(2), "{format}: {stderr}");
        assert!(stderr.contains("cannot write"), "{format}: {stderr}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            previous,
            "{format}: the previous file is intact"
        );
        let temporary: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".ropa-"))
            .collect();
        assert!(temporary.is_empty(), "{format}: {temporary:?}");
    }

    // fmt: the file that cannot be written is named and left as it was; the others are done.
    std::fs::write(dir.path().join("activities/b.toml"), "name='B'\n").unwrap();
    let big_before = std::fs::read(dir.path().join("activities/a.toml")).unwrap();
    let fmt = std::process::Command::new("sh")
        .current_dir(dir.path())
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 2; exec \"$0\" fmt --color never",
            env!("CARGO_BIN_EXE_ropa"),
        ])
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&fmt.stdout),
        String::from_utf8_lossy(&fmt.stderr)
    );
    assert_eq!(fmt.status.code(), Some(2), "{all}");
    assert!(all.contains("activities/a.toml"), "{all}");
    assert_eq!(
        std::fs::read(dir.path().join("activities/a.toml")).unwrap(),
        big_before
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("activities/b.toml")).unwrap(),
        "name = \"B\"\n"
    );
}

/// Text a spreadsheet would run as a formula stays text in the workbook: written as strings,
/// with no formula in any sheet.
#[test]
fn formula_text_in_the_register_stays_text_in_the_workbook() {
    let dir = register_with(
        "a.toml",
        "name = \"=HYPERLINK(\\\"http://evil.example\\\",\\\"Click\\\")\"\npurposes = [\"+1+1\", \"@SUM(A1)\", \"-2+3\"]\n",
    );
    let out = ropa_within(
        dir.path(),
        &["export", "xlsx", "-o", "ropa.xlsx"],
        Duration::from_secs(20),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::File::open(dir.path().join("ropa.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut sheets = 0;
    // The sheets are written in constant memory, with each string in its cell.
    let mut strings = String::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        if name.starts_with("xl/worksheets/") {
            sheets += 1;
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "a formula in {name}"
            );
            strings.push_str(&xml);
        }
    }
    assert!(sheets > 0);
    assert!(strings.contains("=HYPERLINK("), "the text is kept, as text");
    assert!(strings.contains("@SUM(A1)"));
    assert!(strings.contains("t=\"inlineStr\""));
}

/// A folder named ropa.toml is said to be one, wherever ropa is run from.
#[test]
fn a_folder_named_ropa_toml_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ropa.toml")).unwrap();
    for args in [&["check"][..], &["check", "."]] {
        let out = ropa_within(dir.path(), args, Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("ropa.toml` is a folder"), "{stderr}");
    }
}

/// Large and deep inputs, made at test time: each is read or refused in bounded time, with a
/// located message, never a crash.
#[test]
fn deep_long_and_many_inputs_finish_in_bounded_time() {
    let limit = Duration::from_secs(60);
    // 10,000 nested arrays.
    let dir = register_dir();
    let deep = format!(
        "name = \"A\"\npurposes = {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(dir.path().join("activities/deep.toml"), deep).unwrap();
    let out = ropa_within(dir.path(), &["check"], limit);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("activities/deep.toml:2:"));

    // A 5 MB string and a 100,000-item list: read, and reported only for what is wrong.
    let dir = register_dir();
    let long = format!("name = \"{}\"\n", "x".repeat(5_000_000));
    std::fs::write(dir.path().join("activities/long.toml"), long).unwrap();
    let items: Vec<String> = (0..100_000).map(|i| format!("\"Purpose {i}\"")).collect();
    let many = format!("name = \"Many\"\npurposes = [{}]\n", items.join(", "));
    std::fs::write(dir.path().join("activities/many.toml"), many).unwrap();
    let out = ropa_within(dir.path(), &["check"], limit);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = ropa_within(dir.path(), &["list", "--format", "csv"], limit);
    assert_eq!(out.status.code(), Some(0));

    // 20,000 tiny files.
    let dir = register_dir();
    for i in 0..20_000 {
        std::fs::write(
            dir.path().join(format!("activities/a{i}.toml")),
            "name = \"A\"\n",
        )
        .unwrap();
    }
    let out = ropa_within(dir.path(), &["check"], limit);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("in 20001 files checked"));
}

/// Inputs that used to take time growing with the square of their size: each now finishes in
/// about the time of reading it, under the harness's limit and a memory ceiling, with every
/// error where it belongs.
#[test]
fn inputs_that_were_quadratic_finish_in_bounded_time_and_memory() {
    // At most 4 GiB of address space and 60 s (`timeout` exits 124, which fails the test).
    let run = |dir: &std::path::Path, args: &str| {
        std::process::Command::new("sh")
            .current_dir(dir)
            .args([
                "-c",
                &format!("ulimit -v 4194304; exec timeout 60 \"$0\" {args}"),
                env!("CARGO_BIN_EXE_ropa"),
            ])
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    // Keys 10,000 levels deep, as dotted keys and as a table header: located on line 2.
    for (name, text) in [
        (
            "dotted",
            format!("name = \"A\"\n{}b = 1\n", "a.".repeat(10_000)),
        ),
        (
            "header",
            format!("name = \"A\"\n[{}b]\nc = 1\n", "a.".repeat(10_000)),
        ),
    ] {
        let dir = register_with(&format!("{name}.toml"), text);
        let out = run(dir.path(), "check");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(
            stdout.contains(&format!("activities/{name}.toml:2:1")),
            "{stdout}"
        );
        assert!(stdout.contains("nested too deeply"), "{stdout}");
    }
    // 20,000 unknown keys in one file: each reported at its line.
    let keys: String = (0..20_000)
        .map(|i| format!("unknown_key_{i} = 1\n"))
        .collect();
    let dir = register_with("a.toml", format!("name = \"A\"\n{keys}"));
    let started = std::time::Instant::now();
    let out = run(dir.path(), "check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("activities/a.toml:20001:1"),
        "the last key is located"
    );
    assert_eq!(stdout.matches("error[unknown-key]").count(), 20_000);
    eprintln!("20,000 unknown keys: {:?}", started.elapsed());
    // 20,000 retention tables: fmt --check reads them as formatted.
    let tables: String = (0..20_000)
        .map(|i| format!("\n[[retention]]\ndata = \"Records {i}\"\nperiod = \"6 years\"\n"))
        .collect();
    let dir = register_with("a.toml", format!("name = \"A\"\n{tables}"));
    let started = std::time::Instant::now();
    let out = run(dir.path(), "fmt --check");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    eprintln!("20,000 retention tables: {:?}", started.elapsed());
    // 1,000 unknown processor ids on one line.
    let ids: Vec<String> = (0..1_000).map(|i| format!("\"missing-{i}\"")).collect();
    let dir = register_with(
        "a.toml",
        format!("name = \"A\"\nprocessors = [{}]\n", ids.join(", ")),
    );
    let out = run(dir.path(), "lint");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout.matches("error[unknown-processor]").count(), 1_000);
    // A finding far along the line is shown from just before it, at its real column.
    let line = format!("processors = [{}]", ids.join(", "));
    let column = line.find("\"missing-999\"").unwrap() + 1;
    let report = stdout
        .split("\n\n")
        .find(|r| r.contains("`missing-999`"))
        .unwrap();
    assert!(
        report.contains(&format!("activities/a.toml:2:{column}\n")),
        "{report}"
    );
    assert!(report.contains("2 | \u{2026}"), "{report}");
}

/// Files the fuzzers found crashing ropa, each now read to a plain error (`tests/hostile/
/// fuzz-crashes/<target>-<what>.<ext>`): no panic message, exit 2.
#[test]
fn files_the_fuzzers_found_are_plain_errors() {
    let crashes =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/fuzz-crashes");
    let mut seen = 0;
    for entry in std::fs::read_dir(&crashes).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(target) = name.split('-').next() else {
            continue;
        };
        let dir = tempfile::tempdir().unwrap();
        let out = match target {
            "import_xlsx" | "import_csv" => {
                let copy = dir.path().join(if target == "import_csv" {
                    "in.csv"
                } else {
                    "in.xlsx"
                });
                std::fs::copy(&path, &copy).unwrap();
                ropa_within(
                    dir.path(),
                    &[
                        "import",
                        copy.to_str().unwrap(),
                        "--into",
                        "out",
                        "--dry-run",
                    ],
                    Duration::from_secs(20),
                )
            }
            other => panic!("no runner for crashes of the `{other}` target ({name})"),
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("a bug in ropa"), "{name}: {stderr}");
        assert!(matches!(out.status.code(), Some(0 | 2)), "{name}: {stderr}");
        seen += 1;
    }
    assert!(seen > 0);
}

/// `ropa fmt` killed while it writes: every file is as it was or as it is meant to be, the
/// register still loads, and the next `ropa fmt` finishes the job and removes what the killed
/// one left (hidden temporary files, which no command reads).
#[test]
fn fmt_killed_mid_write_leaves_every_file_old_or_new() {
    use std::process::{Command, Stdio};
    let dir = register_dir();
    let activities = dir.path().join("activities");
    let mut before = Vec::new();
    for i in 0..3000 {
        let folder = activities.join(format!("f{}", i % 10));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("a{i}.toml"));
        // Not in fmt's layout: no spaces around `=`, a list on one line.
        let text = format!(
            "name='Activity {i}'\npurposes=['One','Two']\npersonal_data=['Name','Address','Email address']\n"
        );
        std::fs::write(&path, &text).unwrap();
        let formatted = ropa::fmt::format_text(ropa::schema::FileKind::Activity, &text).unwrap();
        before.push((path, text, formatted));
    }
    let temporary = |root: &std::path::Path| -> Vec<std::path::PathBuf> {
        walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".ropa-"))
            .map(|e| e.into_path())
            .collect()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["fmt", "-q"])
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it is writing: when its first temporary file appears (or it has finished).
    let started = std::time::Instant::now();
    while temporary(dir.path()).is_empty()
        && child.try_wait().unwrap().is_none()
        && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    child.wait().unwrap();

    let (mut old, mut new) = (0, 0);
    for (path, text, formatted) in &before {
        let now = std::fs::read_to_string(path).unwrap();
        if &now == text {
            old += 1;
        } else {
            assert_eq!(&now, formatted, "{} is half-written", path.display());
            new += 1;
        }
    }
    let left = temporary(dir.path());
    eprintln!(
        "killed: {old} files old, {new} new, {} temporary files left",
        left.len()
    );
    let check = ropa_within(dir.path(), &["check"], Duration::from_secs(60));
    assert_eq!(check.status.code(), Some(0), "{check:?}");

    // Abandoned for over a minute, as they would be by the time anyone runs fmt again.
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for file in &left {
        let f = std::fs::File::options().append(true).open(file).unwrap();
        f.set_modified(hour_ago).unwrap();
    }
    let again = ropa_within(dir.path(), &["fmt"], Duration::from_secs(60));
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    if !left.is_empty() {
        assert!(
            String::from_utf8_lossy(&again.stderr).contains("left by an interrupted ropa command"),
            "{again:?}"
        );
    }
    assert!(temporary(dir.path()).is_empty());
    for (path, _, formatted) in &before {
        assert_eq!(&std::fs::read_to_string(path).unwrap(), formatted);
    }
}

/// `ropa fmt` of more changed files than it may have open at once: each temporary file is
/// closed once written, so 2,000 files are formatted with at most 128 open.
#[test]
fn fmt_of_many_files_stays_within_the_open_file_limit() {
    let dir = register_dir();
    for i in 0..2000 {
        std::fs::write(
            dir.path().join(format!("activities/a{i}.toml")),
            format!("name='Activity {i}'\n"),
        )
        .unwrap();
    }
    let out = std::process::Command::new("sh")
        .current_dir(dir.path())
        .args([
            "-c",
            "ulimit -n 128; exec timeout 60 \"$0\" fmt -q",
            env!("CARGO_BIN_EXE_ropa"),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for i in [0, 999, 1999] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(format!("activities/a{i}.toml"))).unwrap(),
            format!("name = \"Activity {i}\"\n")
        );
    }
}
