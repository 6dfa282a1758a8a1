//! Taplo, the engine behind most TOML editor plugins, accepts every example register's files
//! with the committed schemas. Needs the `taplo` CLI (`pip install taplo`); CI sets
//! ROPA_REQUIRE_TAPLO=1 so that a missing taplo fails instead of skipping.

use std::path::Path;
use std::process::Command;

mod common;

fn taplo_available() -> bool {
    let found = Command::new("taplo").arg("--version").output().is_ok();
    if !found && std::env::var_os("ROPA_REQUIRE_TAPLO").is_some() {
        panic!("taplo is required (ROPA_REQUIRE_TAPLO is set) but not on PATH: pip install taplo");
    }
    if !found {
        eprintln!("skipped: taplo is not installed (pip install taplo)");
    }
    found
}

fn toml_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|x| x == "toml") {
            out.push(entry.path().display().to_string());
        }
    }
    out
}

fn taplo_check(schema: &str, files: &[String]) -> std::process::Output {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(schema);
    Command::new("taplo")
        .arg("check")
        .arg("--schema")
        .arg(format!("file://{}", schema.display()))
        .args(files)
        .env("RUST_LOG", "error")
        .output()
        .unwrap()
}

#[test]
fn taplo_accepts_every_example_register_file() {
    if !taplo_available() {
        return;
    }
    for name in common::EXAMPLES {
        let root = common::example(name);
        let checks = [
            (
                "register.schema.json",
                vec![root.join("ropa.toml").display().to_string()],
            ),
            ("activity.schema.json", toml_files(&root.join("activities"))),
            (
                "processor.schema.json",
                toml_files(&root.join("processors")),
            ),
        ];
        for (schema, files) in checks {
            if files.is_empty() {
                continue;
            }
            let out = taplo_check(schema, &files);
            assert!(
                out.status.success(),
                "taplo rejected {name} with {schema}:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn taplo_rejects_what_ropa_rejects() {
    if !taplo_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "name = \"A\"\n[lawful_basis]\narticle6 = [\"public_task\"]\n",
    )
    .unwrap();
    let out = taplo_check("activity.schema.json", &[file.display().to_string()]);
    assert!(!out.status.success());
}
