//! The JSON Schemas in `schema/` are generated from the model; they must be current.

use ropa::schema::{FileKind, schema_text};

#[test]
fn committed_schemas_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    for kind in FileKind::ALL {
        let path = dir.join(kind.schema_file());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == schema_text(kind),
            "{} is stale: run `cargo run -- schema --write schema` and commit the result",
            path.display()
        );
    }
    for (name, text) in ropa::schema::output_schema_texts() {
        let path = dir.join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{} is stale: run `cargo run -- schema --write schema` and commit the result",
            path.display()
        );
    }
}

#[test]
fn schemas_are_draft07_with_a_description_on_every_property() {
    fn walk(value: &serde_json::Value, at: &str) {
        if let Some(props) = value.get("properties").and_then(|p| p.as_object()) {
            for (name, prop) in props {
                let here = format!("{at}.{name}");
                assert!(
                    prop.get("description").is_some(),
                    "{here} has no description"
                );
                walk(prop, &here);
                if let Some(items) = prop.get("items") {
                    walk(items, &here);
                }
            }
        }
    }
    for kind in FileKind::ALL {
        let schema = ropa::schema::schema_for(kind);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        walk(&schema, kind.schema_file());
        assert!(!schema.to_string().contains("null"), "TOML has no null");
    }
}

#[test]
fn closed_lists_are_enums_whose_descriptions_explain_each_value() {
    let schema = ropa::schema::schema_for(FileKind::Activity);
    let article6 = &schema["properties"]["lawful_basis"]["properties"]["article6"]["items"];
    assert_eq!(article6["enum"][4], "public-task");
    let description = article6["description"].as_str().unwrap();
    assert!(
        description.contains("`public-task`: Public task"),
        "{description}"
    );
    let mechanism = &schema["properties"]["transfers"]["items"]["properties"]["mechanism"];
    assert!(
        mechanism["description"]
            .as_str()
            .unwrap()
            .starts_with("The transfer mechanism")
    );
    assert!(
        mechanism["description"]
            .as_str()
            .unwrap()
            .contains("`idta`")
    );
}

#[test]
fn ropa_schema_prints_each_output_schema_as_committed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (kind, file) in [
        ("lint-output", "lint-output.schema.json"),
        ("export", "export.schema.json"),
        ("import-report", "import-report.schema.json"),
        ("activity", "activity.schema.json"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["schema", kind])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{kind}");
        let committed = std::fs::read(root.join("schema").join(file)).unwrap();
        assert!(
            out.stdout == committed,
            "ropa schema {kind} differs from schema/{file}"
        );
    }
}
