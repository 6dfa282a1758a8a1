//! `ropa schema`: print or write the JSON Schemas of the register files.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::{SchemaArgs, SchemaKind};
use crate::fs_util::write_file;
use crate::schema::{FileKind, schema_text};
use crate::source::FatalError;

pub fn run(ctx: &Context, args: &SchemaArgs) -> Exit {
    if let Some(dir) = &args.write {
        let dir = ctx.resolve(Some(dir));
        for kind in FileKind::ALL {
            let path = dir.join(kind.schema_file());
            if let Err(e) = write_file(&path, schema_text(kind).as_bytes(), true) {
                return ctx.fail(&e);
            }
        }
        let _ = writeln!(ctx.stdout(), "wrote 3 schemas to {}", dir.display());
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
