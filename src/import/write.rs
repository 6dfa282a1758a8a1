//! The imported register as files: each one written from the model in `ropa fmt`'s layout
//! with its `#:schema` line, all into a temporary folder that is moved into place only once
//! every file is written, so a failed import leaves nothing half-written.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::schema::FileKind;
use crate::source::FatalError;

/// The keys whose values are dates: written as bare TOML dates, not strings.
pub const DATE_KEYS: &[&str] = &["last_reviewed", "next_review", "contract_expires"];

/// A register file's text from its model value, in `ropa fmt`'s layout, after `header`
/// (the `#:schema` line and any comments).
pub fn file_text<T: Serialize>(
    kind: FileKind,
    value: &T,
    header: &str,
) -> Result<String, FatalError> {
    let json = serde_json::to_value(value).map_err(bug)?;
    let mut doc = DocumentMut::new();
    if let Value::Object(map) = json {
        for (key, value) in map {
            if let Some(item) = item(&key, &value) {
                doc.insert(&key, item);
            }
        }
    }
    Ok(format!(
        "{header}{}",
        crate::fmt::format_built(kind, &mut doc)
    ))
}

fn bug(e: impl std::fmt::Display) -> FatalError {
    FatalError::new(format!("could not write the imported register: {e}"))
        .with_help("this is a bug in ropa; please report it with the spreadsheet that caused it")
}

fn item(key: &str, value: &Value) -> Option<Item> {
    Some(match value {
        Value::Null => return None,
        Value::Object(map) => Item::Table(table(map)),
        Value::Array(list) if !list.is_empty() && list.iter().all(Value::is_object) => {
            let mut array = ArrayOfTables::new();
            for entry in list {
                if let Value::Object(map) = entry {
                    array.push(table(map));
                }
            }
            Item::ArrayOfTables(array)
        }
        other => Item::Value(scalar(key, other)?),
    })
}

fn table(map: &serde_json::Map<String, Value>) -> Table {
    let mut table = Table::new();
    for (key, value) in map {
        if let Some(item) = item(key, value) {
            table.insert(key, item);
        }
    }
    table
}

fn scalar(key: &str, value: &Value) -> Option<toml_edit::Value> {
    Some(match value {
        Value::Bool(b) => toml_edit::Value::from(*b),
        Value::Number(n) => toml_edit::Value::from(n.as_i64()?),
        Value::String(s) if DATE_KEYS.contains(&key) => match s.parse::<toml_edit::Datetime>() {
            Ok(date) => toml_edit::Value::from(date),
            Err(_) => toml_edit::Value::from(s.as_str()),
        },
        Value::String(s) => toml_edit::Value::from(s.as_str()),
        Value::Array(list) => {
            let mut array = toml_edit::Array::new();
            for entry in list {
                array.push(scalar(key, entry)?);
            }
            toml_edit::Value::Array(array)
        }
        Value::Null | Value::Object(_) => return None,
    })
}

/// The `#:schema` line of a file at `path` in the register.
pub fn schema_line(path: &str, kind: FileKind) -> String {
    let depth = path.matches('/').count();
    format!(
        "#:schema {}schema/{}\n",
        "../".repeat(depth),
        kind.schema_file()
    )
}

/// Files prepared in a temporary folder beside the target, then moved into it.
pub struct Staging {
    dir: tempfile::TempDir,
}

impl Staging {
    /// A temporary folder in the target's parent, so moving it is a rename on one disk.
    pub fn beside(target: &Path) -> Result<Self, FatalError> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| {
            FatalError::new(format!("cannot create folder `{}`: {e}", parent.display()))
        })?;
        let dir = tempfile::Builder::new()
            .prefix(".ropa-import-")
            .tempdir_in(&parent)
            .map_err(|e| {
                FatalError::new(format!(
                    "cannot make a temporary folder in `{}`: {e}",
                    parent.display()
                ))
                .with_help("check that you may write to that folder")
            })?;
        Ok(Staging { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Creates a folder (and its parents) in the staged register.
    pub fn create_dir(&self, path: &str) -> Result<(), FatalError> {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(&full).map_err(|e| cannot_write(&full, e))
    }

    /// Writes one file; its folder must exist ([`Staging::create_dir`]). It is durable once
    /// [`Staging::flush`] has run.
    pub fn write(&self, path: &str, text: &str) -> Result<(), FatalError> {
        crate::fs_util::write_new_durably(&self.dir.path().join(path), text.as_bytes())
    }

    /// Puts every staged file on the disk, so a crash after [`Staging::commit`] cannot leave
    /// a register of empty or half-written files.
    pub fn flush(&self) -> Result<(), FatalError> {
        crate::fs_util::flush_file_system(self.dir.path())
    }

    /// Moves the files into `target`. A target that does not exist (or is an empty folder)
    /// becomes the staged folder in one rename; otherwise each file is linked into place
    /// without replacing any file there.
    pub fn commit(self, target: &Path, files: &[String]) -> Result<(), FatalError> {
        let empty = target
            .read_dir()
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !target.exists() || empty {
            if empty {
                std::fs::remove_dir(target).map_err(|e| cannot_move(target, e))?;
            }
            let staged = self.dir.keep();
            return std::fs::rename(&staged, target).map_err(|e| {
                let _ = std::fs::remove_dir_all(&staged);
                cannot_move(target, e)
            });
        }
        for path in files {
            let from = self.dir.path().join(path);
            let to = target.join(path);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(|e| cannot_move(&to, e))?;
            }
            // A hard link never replaces a file that is already there.
            std::fs::hard_link(&from, &to).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    FatalError::new(format!(
                        "`{}` already exists and was left as it is",
                        to.display()
                    ))
                    .with_help(
                        "the files imported before it are in place; import again into a new folder",
                    )
                } else {
                    cannot_move(&to, e)
                }
            })?;
        }
        Ok(())
    }
}

fn cannot_write(path: &Path, e: std::io::Error) -> FatalError {
    FatalError::new(format!("cannot write `{}`: {e}", path.display()))
        .with_help("check there is space on the disk and that you may write there")
}

fn cannot_move(target: &Path, e: std::io::Error) -> FatalError {
    FatalError::new(format!(
        "cannot move the imported files into `{}`: {e}",
        target.display()
    ))
    .with_help("check that you may write to that folder; nothing of the import was left there")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Date, Retention};

    #[test]
    fn a_model_value_becomes_a_formatted_file() {
        let activity = Activity {
            name: "Call recording".into(),
            last_reviewed: Date::parse("2026-03-01"),
            purposes: Some(vec!["Training".into(), "Complaints".into()]),
            retention: Some(vec![Retention {
                data: Some("Recordings".into()),
                period: Some("6 months".into()),
                ..Retention::default()
            }]),
            ..Activity::default()
        };
        let text = file_text(
            FileKind::Activity,
            &activity,
            "#:schema ../schema/activity.schema.json\n",
        )
        .unwrap();
        assert_eq!(
            text,
            "#:schema ../schema/activity.schema.json\nname = \"Call recording\"\nlast_reviewed = 2026-03-01\npurposes = [\n    \"Training\",\n    \"Complaints\",\n]\n\n[[retention]]\ndata = \"Recordings\"\nperiod = \"6 months\"\n"
        );
    }

    #[test]
    fn every_date_field_of_the_schema_is_written_as_a_date() {
        for kind in FileKind::ALL {
            let schema = crate::schema::schema_text(kind);
            let json: serde_json::Value = serde_json::from_str(&schema).unwrap();
            let mut dates = Vec::new();
            collect_date_keys(&json, &json, &mut dates);
            for key in dates {
                assert!(
                    DATE_KEYS.contains(&key.as_str()),
                    "{key} is a date in the {kind:?} schema"
                );
            }
        }
    }

    fn collect_date_keys(root: &Value, value: &Value, out: &mut Vec<String>) {
        if let Some(props) = value.get("properties").and_then(Value::as_object) {
            for (key, prop) in props {
                let target = match prop.get("$ref").and_then(Value::as_str) {
                    Some(r) => r
                        .strip_prefix("#/definitions/")
                        .and_then(|n| root["definitions"].get(n))
                        .unwrap_or(prop),
                    None => prop,
                };
                let text = prop.to_string();
                if target.get("format").and_then(Value::as_str) == Some("date")
                    || text.contains("#/definitions/Date")
                {
                    out.push(key.clone());
                }
            }
        }
        if let Some(defs) = value.get("definitions").and_then(Value::as_object) {
            for def in defs.values() {
                collect_date_keys(root, def, out);
            }
        }
    }
}
