//! `ropa init`: create a register folder with settings, folders and editor schemas.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::InitArgs;
use crate::fs_util::create_dir;
use crate::schema::editor_files;
use crate::source::FatalError;

const ROPA_TOML: &str = include_str!("../templates/ropa.toml");

pub fn run(ctx: &Context, args: &InitArgs) -> Exit {
    let root = ctx.resolve(args.dir.as_deref());
    if let Some(outer) = enclosing_register(&root) {
        return ctx.fail(
            &FatalError::new(format!(
                "`{}` is inside the register in `{}`",
                root.display(),
                outer.display()
            ))
            .with_help("a register cannot hold another one: run `ropa init NEW-FOLDER` outside it, or `ropa new activity ID` to add to this one"),
        );
    }
    if root.join("ropa.toml").exists() && !args.force {
        return ctx.fail(
            &FatalError::new(format!(
                "`{}` already holds a register (it has a ropa.toml)",
                root.display()
            ))
            .with_help("use --force to rewrite ropa.toml, .taplo.toml and schema/ (activities and processors are kept)"),
        );
    }
    let name = args.name.as_deref().unwrap_or("Your organisation");
    let name = name.replace('\\', "\\\\").replace('"', "\\\"");
    let public = args.public_authority;
    let (value, pad) = if public {
        ("true", "       ")
    } else {
        ("false", "      ")
    };
    let files = vec![(
        "ropa.toml".to_string(),
        ROPA_TOML
            .replace("{{name}}", &name)
            .replace("{{public_authority}}", value)
            .replace("{{pad}}", pad),
    )];
    // ropa.toml last: the folder becomes a register only once everything else is written.
    let files: Vec<(String, String)> = editor_files().into_iter().chain(files).collect();
    // All or nothing: what this run created is removed again if any write fails.
    let mut created_dirs = Vec::new();
    let mut written = Vec::new();
    let result = (|| {
        for dir in ["activities", "processors", "schema"] {
            let path = root.join(dir);
            if !path.exists() {
                created_dirs.push(path.clone());
                if dir != "schema" {
                    create_dir(&path)?;
                }
            }
        }
        for (path, text) in &files {
            let target = root.join(path);
            let existed = target.exists();
            crate::fs_util::write_inside(&root, path, text.as_bytes(), args.force)?;
            if !existed {
                written.push(target);
            }
        }
        Ok::<(), FatalError>(())
    })();
    if let Err(e) = result {
        for file in written.iter().rev() {
            let _ = std::fs::remove_file(file);
        }
        for dir in created_dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        return ctx.fail(&e);
    }
    if ctx.quiet {
        return Exit::Clean;
    }
    let _ = writeln!(
        ctx.stdout(),
        "Created a register in {}\n\n{}\n\nNext:\n  edit ropa.toml (organisation, DPO)\n  ropa new activity <id>    add a processing activity\n  ropa check                check the files",
        root.display(),
        public_authority_note(public)
    );
    Exit::Clean
}

/// The register that `dir` would be inside: the nearest folder above it holding ropa.toml.
fn enclosing_register(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    // `..` is worked out from the text: `ropa init ../new` inside a register is beside it.
    crate::fs_util::lexically_absolute(dir)
        .ancestors()
        .skip(1)
        .find(|folder| folder.join("ropa.toml").is_file())
        .map(std::path::Path::to_path_buf)
}

/// What the public-authority setting changes, so the choice made without a question is seen.
fn public_authority_note(public: bool) -> &'static str {
    if public {
        "The organisation is recorded as a public authority (public_authority = true in ropa.toml):\n\
the rules require a DPO (dpo-missing is an error), and report legitimate interests and consent\n\
relied on for public tasks (legitimate-interests-by-public-authority,\n\
consent-by-public-authority). If it is not one, set public_authority = false."
    } else {
        "The organisation is recorded as not a public authority (public_authority = false in\n\
ropa.toml). Councils and other public bodies are: set it to true (or run `ropa init\n\
--public-authority`), so the rules require a DPO and check the bases relied on for public tasks."
    }
}
