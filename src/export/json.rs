//! The whole register as one JSON document, for other tools to read. Its schema is
//! `schema/export.schema.json`, generated from these types.

use std::io::Write;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use super::selection::Selection;
use crate::describe;
use crate::model::{Activity, Contact, Controller, Date, Loaded, Processor, Register};
use crate::vocab::{Right, Role};

/// What `format` says, so a reader can tell a ropa export from any other JSON.
pub const FORMAT_NAME: &str = "ropa-register-export";
/// Raised when a field changes meaning or is removed; adding fields keeps the version.
pub const FORMAT_VERSION: u32 = 1;

/// A register exported as JSON.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[schemars(title = "ropa register export (ropa export json)")]
pub struct RegisterExport<'a> {
    /// Always `ropa-register-export`.
    pub format: String,
    /// The version of this document's layout; it changes only when a field changes meaning.
    pub format_version: u32,
    /// The ropa version that wrote the document.
    pub generator: String,
    /// The organisation keeping the record (Art 30(1)(a)), from ropa.toml.
    pub controller: Controller,
    /// The data protection officer, from ropa.toml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Contact>,
    /// The UK representative (Art 27), from ropa.toml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<Contact>,
    /// How often activities are reviewed, in months.
    pub review_interval_months: u32,
    /// The date of the UK adequacy list the `derived` transfer values were worked out with.
    pub adequacy_as_of: String,
    /// Every exported activity, sorted by id.
    pub activities: Vec<ExportedActivity<'a>>,
    /// The processors and other recipient organisations, sorted by id.
    pub processors: Vec<ExportedProcessor<'a>>,
}

/// An activity: its id and file, every field as recorded, and the values ropa derives from them.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExportedActivity<'a> {
    /// The activity's id: its path under activities/ without `.toml`.
    pub id: &'a str,
    /// The file it was read from, relative to the register folder.
    pub file: &'a str,
    #[serde(flatten)]
    pub record: &'a Activity,
    /// Values worked out from the record, as the spreadsheet and web page show them.
    pub derived: DerivedValues,
}

/// Values derived from an activity's record by the same code that fills the spreadsheet.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DerivedValues {
    /// The role, `controller` when not recorded.
    pub role: Role,
    /// The rights available to individuals: `rights` when recorded, else from the lawful basis.
    pub rights_available: Vec<Right>,
    /// When the activity is due for review: `next_review`, else `last_reviewed` plus the interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_due: Option<Date>,
    /// The Article 6 bases in words, e.g. "Public task (Art 6(1)(e)) — Local Government Act 1972 s.111".
    pub article6: Vec<String>,
    /// The Article 9 conditions in words, with their points.
    pub article9: Vec<String>,
    /// The DPA 2018 Schedule 1 paragraphs with their names.
    pub schedule1: Vec<String>,
    /// Each retention entry as a sentence.
    pub retention: Vec<String>,
    /// Each transfer as "country — recipient: mechanism".
    pub transfers: Vec<String>,
}

/// A processor: its id and file, every field as recorded, and the activities that use it.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ExportedProcessor<'a> {
    /// The processor's id: its file name without `.toml`.
    pub id: &'a str,
    /// The file it was read from, relative to the register folder.
    pub file: &'a str,
    #[serde(flatten)]
    pub record: &'a Processor,
    /// The ids of the exported activities that name this processor.
    pub used_by: Vec<&'a str>,
}

/// Builds the export document for the selected activities.
pub fn export<'a>(register: &'a Register, selection: &Selection) -> RegisterExport<'a> {
    let config = register.config.as_ref().map(|c| &c.value);
    let activities = selection.activities(register);
    let chosen = activities.iter().map(|a| a.file).collect();
    let processors = selection
        .processors(register, &activities)
        .into_iter()
        .map(|p| ExportedProcessor {
            id: &p.id,
            file: register.files.path(p.file),
            record: &p.value,
            used_by: super::selection::users_among(register, &chosen, &p.id)
                .into_iter()
                .map(|a| a.id.as_str())
                .collect(),
        })
        .collect();
    RegisterExport {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        generator: format!("ropa {}", env!("CARGO_PKG_VERSION")),
        controller: config.map(|c| c.controller.clone()).unwrap_or_default(),
        dpo: config.and_then(|c| c.dpo.clone()),
        representative: config.and_then(|c| c.representative.clone()),
        review_interval_months: register.review_interval_months(),
        adequacy_as_of: crate::vocab::ADEQUACY_AS_OF.to_string(),
        activities: activities
            .par_iter()
            .map(|a| exported_activity(register, a))
            .collect(),
        processors,
    }
}

fn exported_activity<'a>(
    register: &'a Register,
    activity: &'a Loaded<Activity>,
) -> ExportedActivity<'a> {
    let a = &activity.value;
    let basis = a.lawful_basis.clone().unwrap_or_default();
    ExportedActivity {
        id: &activity.id,
        file: register.files.path(activity.file),
        record: a,
        derived: DerivedValues {
            role: a.role(),
            rights_available: a.rights_available(),
            review_due: a.review_due(register.review_interval_months()),
            article6: describe::article6(&basis),
            article9: describe::article9(&basis),
            schedule1: describe::schedule1(&basis),
            retention: a
                .retention
                .iter()
                .flatten()
                .map(describe::retention)
                .collect(),
            transfers: a
                .transfers
                .iter()
                .flatten()
                .map(describe::transfer)
                .collect(),
        },
    }
}

/// Writes the document to `out` as pretty-printed JSON with a final newline, keys in the
/// order above. The two lists are most of the document, so their items are made on every
/// core, a round of them at a time, each round written while the next is made; the bytes
/// are those serde_json's pretty printer gives for the whole document (a test checks). The
/// buffers of one round are used again for the next, so memory for the export's bytes is
/// taken once for a round, not once for the whole export.
pub fn write_json_to<W: Write + Send>(
    mut document: RegisterExport<'_>,
    out: &mut W,
    items_per_round: usize,
) -> std::io::Result<()> {
    let activities = std::mem::take(&mut document.activities);
    let processors = std::mem::take(&mut document.processors);
    // The lists are the last two fields, so the rest ends with them, empty.
    const EMPTY_LISTS: &[u8] = b"[],\n  \"processors\": []\n}";
    let head = serde_json::to_vec_pretty(&document).unwrap_or_default();
    let Some(head) = head.strip_suffix(EMPTY_LISTS) else {
        document.activities = activities;
        document.processors = processors;
        let mut bytes = serde_json::to_vec_pretty(&document).unwrap_or_default();
        bytes.push(b'\n');
        return out.write_all(&bytes);
    };
    out.write_all(head)?;
    write_list_in_document(&activities, out, items_per_round)?;
    out.write_all(b",\n  \"processors\": ")?;
    write_list_in_document(&processors, out, items_per_round)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Items written together on one thread.
const ITEMS_PER_PIECE: usize = 64;

/// Items made before any is written: 32 pieces, a few megabytes.
pub const ITEMS_PER_ROUND: usize = ITEMS_PER_PIECE * 32;

/// A list that is a field of the document, as the pretty printer writes it there: `[]`, or
/// each item on its own lines, indented two levels.
fn write_list_in_document<T: Serialize + Sync, W: Write + Send>(
    items: &[T],
    out: &mut W,
    items_per_round: usize,
) -> std::io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    crate::fs_util::write_in_rounds(out, items, items_per_round, |round, items, spare| {
        make_round(items, round == 0, spare)
    })?;
    out.write_all(b"\n  ]")
}

/// One round of a list's items, in pieces made on every core, in `buffers` (cleared first,
/// more added if needed).
fn make_round<T: Serialize + Sync>(
    items: &[T],
    first_round: bool,
    mut buffers: Vec<Vec<u8>>,
) -> Vec<Vec<u8>> {
    let pieces = items.len().div_ceil(ITEMS_PER_PIECE);
    buffers.resize_with(pieces, Vec::new);
    buffers
        .par_iter_mut()
        .zip(items.par_chunks(ITEMS_PER_PIECE))
        .enumerate()
        .for_each(|(at, (out, piece))| {
            out.clear();
            for (i, item) in piece.iter().enumerate() {
                // The first item has no comma before it.
                let first = first_round && at == 0 && i == 0;
                out.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                // Straight into the piece, two levels in, as the document's printer puts it.
                let mut printer = serde_json::Serializer::with_formatter(&mut *out, Nested::at(2));
                let _ = item.serialize(&mut printer);
                if i == 0 && out.capacity() < out.len() * piece.len() {
                    // Room for the rest, guessed from the first: growing a buffer of a
                    // few hundred kilobytes by doubling copies it into fresh memory.
                    out.reserve(out.len() * (piece.len() - 1) * 5 / 4);
                }
            }
        });
    buffers
}

/// serde_json's pretty printer (two spaces a level) started `depth` levels in, so an item of
/// a list in the document is written as the printer of the whole document would write it
/// there, with no second pass to indent it.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Self {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> std::io::Result<()> {
        (0..self.depth).try_for_each(|_| out.write_all(b"  "))
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }

    fn next_line<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }
}

/// The same calls as `serde_json::ser::PrettyFormatter`'s, with its depth where it starts.
impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.next_line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.next_line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// True when `bytes` look like a document this module wrote.
pub fn is_export(bytes: &[u8]) -> bool {
    use serde::Deserializer as _;
    let mut format = None;
    // Only the value of `format` is read, so the start of a large document is enough; what
    // follows it (or the error where the bytes given end) is not looked at.
    let _ = serde_json::Deserializer::from_slice(bytes).deserialize_map(FormatField(&mut format));
    format.as_deref() == Some(FORMAT_NAME)
}

/// Reads a JSON object's keys in order up to `format`, and keeps its value when it is a string.
struct FormatField<'a>(&'a mut Option<String>);

impl<'de> serde::de::Visitor<'de> for FormatField<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "format" {
                *self.0 = map.next_value::<String>().ok();
                return Ok(());
            }
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemorySource;

    #[test]
    fn an_export_is_told_by_its_format_even_from_its_first_bytes() {
        let export = b"{\n  \"format\": \"ropa-register-export\",\n  \"format_version\": 1,\n  \"activities\": [";
        assert!(is_export(export), "the start of a document");
        assert!(is_export(b"{\"format\":\"ropa-register-export\"}"));
        assert!(is_export(
            b"{\"generator\": {\"a\": [1]}, \"format\": \"ropa-register-export\"}"
        ));
        for other in [
            &b"{\"format\": \"something-else\"}"[..],
            b"{\"format\": 5}",
            b"{\"name\": \"format\"}",
            b"[\"format\", \"ropa-register-export\"]",
            b"a DPO's own notes",
            b"",
        ] {
            assert!(!is_export(other), "{}", String::from_utf8_lossy(other));
        }
    }

    #[test]
    fn lists_written_in_pieces_are_the_pretty_printers_bytes() {
        let mut files: Vec<(String, String)> = vec![(
            "ropa.toml".into(),
            "[controller]\nname = \"Example Council\"\n".into(),
        )];
        files.push((
            "processors/mailer.toml".into(),
            "name = \"Mailer Ltd\"\ncountries = [\"US\"]\n".into(),
        ));
        // More activities than one piece holds, with text the printer must escape.
        for i in 0..(ITEMS_PER_PIECE * 3 + 3) {
            files.push((
                format!("activities/a-{i}.toml"),
                format!(
                    "name = \"Activity {i}\"\npurposes = [\"Line one\\nline \\\"two\\\"\", \"\\t{i}\"]\nprocessors = [\"mailer\"]\n"
                ),
            ));
        }
        let report = crate::load::load(&MemorySource::from_texts("reg", &files)).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let register = &report.register;
        let selection = Selection::default();
        let mut whole = serde_json::to_vec_pretty(&export(register, &selection)).unwrap();
        whole.push(b'\n');
        // Rounds of one piece, of a piece and a bit, and of everything at once.
        for per_round in [ITEMS_PER_PIECE, ITEMS_PER_PIECE + 1, 1, ITEMS_PER_ROUND] {
            let mut written = Vec::new();
            write_json_to(export(register, &selection), &mut written, per_round).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                String::from_utf8(whole.clone()).unwrap(),
                "{per_round} items a round"
            );
        }

        let empty = crate::load::load(&MemorySource::from_texts("reg", &files[..1])).unwrap();
        let mut whole = serde_json::to_vec_pretty(&export(&empty.register, &selection)).unwrap();
        whole.push(b'\n');
        let mut written = Vec::new();
        write_json_to(
            export(&empty.register, &selection),
            &mut written,
            ITEMS_PER_ROUND,
        )
        .unwrap();
        assert_eq!(written, whole);
    }
}
