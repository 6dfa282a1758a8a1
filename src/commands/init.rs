//! `ropa init`: create a register folder with settings, folders and editor schemas.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::InitArgs;
use crate::fs_util::{create_dir, write_file};
use crate::schema::editor_files;
use crate::source::FatalError;

const ROPA_TOML: &str = include_str!("../templates/ropa.toml");

pub fn run(ctx: &Context, args: &InitArgs) -> Exit {
    let root = ctx.resolve(args.dir.as_deref());
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
    let mut files = vec![(
        "ropa.toml".to_string(),
        ROPA_TOML.replace("{{name}}", &name),
    )];
    files.extend(editor_files());
    let result = (|| {
        for dir in ["activities", "processors"] {
            create_dir(&root.join(dir))?;
        }
        for (path, text) in &files {
            write_file(&root.join(path), text.as_bytes(), args.force)?;
        }
        Ok::<(), FatalError>(())
    })();
    if let Err(e) = result {
        return ctx.fail(&e);
    }
    if ctx.quiet {
        return Exit::Clean;
    }
    let _ = writeln!(
        ctx.stdout(),
        "Created a register in {}\n\nNext:\n  edit ropa.toml (organisation, DPO)\n  ropa new activity <id>    add a processing activity\n  ropa check                check the files",
        root.display()
    );
    Exit::Clean
}
