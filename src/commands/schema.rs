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
    let output = |file: &str| {
        output_schema_texts()
            .into_iter()
            .find(|(name, _)| *name == file)
            .map(|(_, text)| text)
            .unwrap_or_default()
    };
    let text = match args.kind {
        Some(SchemaKind::Register) => schema_text(FileKind::Register),
        Some(SchemaKind::Activity) => schema_text(FileKind::Activity),
        Some(SchemaKind::Processor) => schema_text(FileKind::Processor),
        Some(SchemaKind::LintOutput) => output("lint-output.schema.json"),
        Some(SchemaKind::Export) => output("export.schema.json"),
        Some(SchemaKind::ImportReport) => output("import-report.schema.json"),
        Some(SchemaKind::Diff) => output("diff.schema.json"),
        None => {
            return ctx.fail(
                &FatalError::new("name a schema, or give --write DIR")
                    .with_help("e.g. `ropa schema activity`, `ropa schema lint-output`, or `ropa schema --write schema`"),
            );
        }
    };
    let _ = write!(ctx.stdout(), "{text}");
    Exit::Clean
}
