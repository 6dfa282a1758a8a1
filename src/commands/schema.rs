//! `ropa schema`: print or write the JSON Schemas of the register files.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::{SchemaArgs, SchemaKind};
use crate::fs_util::write_file;
use crate::schema::{FileKind, output_schema_texts, schema_text};
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &SchemaArgs) -> Exit {
    if let Some(dir) = &args.write {
        let dir = ctx.resolve(Some(dir));
        let mut outputs: Vec<(&str, String)> = FileKind::ALL
            .iter()
            .map(|kind| (kind.schema_file(), schema_text(*kind)))
            .collect();
        outputs.extend(output_schema_texts());
        for (name, text) in &outputs {
            if let Err(e) = write_file(&dir.join(name), text.as_bytes(), true) {
                return ctx.fail(&e);
            }
        }
        if ctx.quiet {
            return Exit::Clean;
        }
        let _ = writeln!(
            ctx.stdout(),
            "wrote {} schemas to {}",
            outputs.len(),
            dir.display()
        );
        return Exit::Clean;
    }
    let kind = match args.kind {
        Some(SchemaKind::Register) => FileKind::Register,
        Some(SchemaKind::Activity) => FileKind::Activity,
        Some(SchemaKind::Processor) => FileKind::Processor,
        None => return ctx.fail(&FatalError::new("name a schema, or give --write DIR")),
    };
    let _ = write!(ctx.stdout(), "{}", schema_text(kind));
    Exit::Clean
}
