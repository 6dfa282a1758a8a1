//! The JSON Schemas of the register files, generated from the model types.
//!
//! The files in `schema/` are this module's output, committed so editors can use them; a test
//! fails when they are stale (`cargo run -- schema --write schema` regenerates them).
// Indexing cannot panic here: one cell per file kind, indexed by the kind.
#![allow(clippy::indexing_slicing)]

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::{Activity, Config, Processor};

/// The kinds of register file, each with its own schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Register,
    Activity,
    Processor,
}

impl FileKind {
    pub const ALL: [FileKind; 3] = [FileKind::Register, FileKind::Activity, FileKind::Processor];

    /// The schema's file name in `schema/`.
    pub fn schema_file(self) -> &'static str {
        match self {
            Self::Register => "register.schema.json",
            Self::Activity => "activity.schema.json",
            Self::Processor => "processor.schema.json",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Register => "ropa register settings (ropa.toml)",
            Self::Activity => "ropa processing activity (activities/**/*.toml)",
            Self::Processor => "ropa processor (processors/*.toml)",
        }
    }
}

/// The schema of one kind of file, as JSON (draft-07, subschemas inlined so that every error
/// path can be followed through `properties` and `items` without resolving references).
pub fn schema_for(kind: FileKind) -> Value {
    let generator = SchemaSettings::draft07()
        .with(|s| {
            s.inline_subschemas = true;
        })
        .into_generator();
    let schema = match kind {
        FileKind::Register => generator.into_root_schema_for::<Config>(),
        FileKind::Activity => generator.into_root_schema_for::<Activity>(),
        FileKind::Processor => generator.into_root_schema_for::<Processor>(),
    };
    let mut value = schema.to_value();
    tidy(&mut value);
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), Value::String(kind.title().into()));
        map.remove("definitions");
    }
    value
}

/// Makes the generated schema fit TOML and editors: TOML has no null, so `Option` fields lose
/// their `null` type; and every closed list's description ends with the meaning of each value,
/// so hovering over a field in an editor explains what may be written there.
fn tidy(value: &mut Value) {
    let Value::Object(map) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(tidy);
        }
        return;
    };
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            map.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(options)) = map.get_mut("enum") {
        options.retain(|o| !o.is_null());
        let written: Vec<String> = options
            .iter()
            .map(|o| o.as_str().map_or_else(|| o.to_string(), str::to_string))
            .collect();
        if let Some(vocab) = crate::vocab::vocab_with_values(&written) {
            let meanings: Vec<String> = vocab
                .values
                .iter()
                .map(|(v, label)| format!("`{v}`: {label}"))
                .collect();
            let lead = map
                .get("description")
                .and_then(Value::as_str)
                .map(|d| {
                    d.split(" One of: ")
                        .next()
                        .unwrap_or(d)
                        .trim_end()
                        .to_string()
                })
                .unwrap_or_else(|| format!("{}.", vocab.what));
            map.insert(
                "description".into(),
                Value::String(format!("{lead} One of: {}.", meanings.join("; "))),
            );
        }
    }
    map.values_mut().for_each(tidy);
}

/// The schema as the pretty-printed text committed in `schema/`.
pub fn schema_text(kind: FileKind) -> String {
    let mut text = serde_json::to_string_pretty(&schema_for(kind)).unwrap_or_default();
    text.push('\n');
    text
}

/// A compiled validator and the schema it came from, built once per process.
pub struct CompiledSchema {
    pub schema: Value,
    pub validator: jsonschema::Validator,
}

/// The compiled schema for a kind of file.
pub fn compiled(kind: FileKind) -> &'static CompiledSchema {
    static CELLS: [OnceLock<CompiledSchema>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = match kind {
        FileKind::Register => 0,
        FileKind::Activity => 1,
        FileKind::Processor => 2,
    };
    CELLS[index].get_or_init(|| {
        let schema = schema_for(kind);
        // The schemas are generated from ropa's own types, and every test compiles them.
        #[allow(clippy::panic)]
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("the built-in {kind:?} schema does not compile: {e}"));
        CompiledSchema { schema, validator }
    })
}

/// The schema of `ropa lint --format json`, as committed in `schema/lint-output.schema.json`.
pub fn lint_output_schema_text() -> String {
    let mut text =
        serde_json::to_string_pretty(&crate::diag::json_output_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of one of ropa's JSON outputs, built like the register files' schemas, so a
/// field described there is described the same way here.
fn output_schema<T: schemars::JsonSchema>() -> Value {
    let generator = SchemaSettings::draft07()
        .with(|s| {
            s.inline_subschemas = true;
        })
        .into_generator();
    let mut value = generator.into_root_schema_for::<T>().to_value();
    tidy(&mut value);
    if let Value::Object(map) = &mut value {
        map.remove("definitions");
    }
    value
}

/// The schema of `ropa export json`, as committed in `schema/export.schema.json`.
pub fn export_schema() -> Value {
    output_schema::<crate::export::json::RegisterExport>()
}

/// The schema of `ropa import --report FILE`, as committed in `schema/import-report.schema.json`.
pub fn import_report_schema() -> Value {
    output_schema::<crate::import::report::Report>()
}

/// The schema of `ropa diff --format json`, as committed in `schema/diff.schema.json`.
pub fn diff_schema() -> Value {
    output_schema::<crate::diff::render::DiffDocument<'static>>()
}

/// The schemas of ropa's own outputs, by file name, as `ropa schema --write` writes them.
pub fn output_schema_texts() -> Vec<(&'static str, String)> {
    let pretty = |value: &Value| {
        let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        ("lint-output.schema.json", lint_output_schema_text()),
        ("export.schema.json", pretty(&export_schema())),
        ("import-report.schema.json", pretty(&import_report_schema())),
        ("diff.schema.json", pretty(&diff_schema())),
    ]
}

/// The Taplo settings `ropa init` and `ropa import` write, so editors validate the files.
pub const TAPLO_TOML: &str = include_str!("templates/taplo.toml");

/// The files that let editors check a register offline: `.taplo.toml` and the schemas in
/// `schema/`, as (path in the register, text).
pub fn editor_files() -> Vec<(String, String)> {
    let mut files = vec![(".taplo.toml".to_string(), TAPLO_TOML.to_string())];
    for kind in FileKind::ALL {
        files.push((format!("schema/{}", kind.schema_file()), schema_text(kind)));
    }
    files
}
