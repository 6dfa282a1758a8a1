//! A finding's fingerprint: what makes it the same finding in two states of the register, so
//! `lint --since`, `lint --baseline`, `diff` and GitLab's Code Quality widget can tell a new
//! finding from an old one. It is made of the rule, the file (which is the activity's or
//! processor's id), the keys leading to the place found (`retention.period`) and the message,
//! which carries the value the finding is about — never the line or column, so lines added
//! above a finding, or entries reordered, leave it the same.

use std::collections::HashMap;

use crate::diag::{Diagnostic, FileId};
use crate::document::Document;
use crate::model::Register;

/// The fingerprints of `diagnostics`, in their order. Two identical findings in one place get
/// different fingerprints (a count of the earlier ones is part of it), so each is unique.
pub fn fingerprints(diagnostics: &[Diagnostic], register: &Register) -> Vec<String> {
    fingerprints_renamed(diagnostics, register, &HashMap::new())
}

/// The fingerprints as if each file in `renamed` (path inside the register → new path) had
/// its new path, so the findings of a moved activity match its findings before the move.
pub fn fingerprints_renamed(
    diagnostics: &[Diagnostic],
    register: &Register,
    renamed: &HashMap<String, String>,
) -> Vec<String> {
    let docs = documents(register);
    let mut seen: HashMap<(FileId, &str, String, &str), usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let place = docs
                .get(&d.file)
                .map(|doc| doc.key_path_at(d.span.start))
                .unwrap_or_default();
            let repeat = seen
                .entry((d.file, d.code, place.clone(), d.message.as_str()))
                .or_default();
            let path = register.files.path(d.file);
            let path = renamed.get(path).map_or(path, String::as_str);
            let print = fnv128(&[d.code, path, &place, &d.message, &repeat.to_string()]);
            *repeat += 1;
            print
        })
        .collect()
}

/// Each loaded file's span tree, by file.
fn documents(register: &Register) -> HashMap<FileId, &Document> {
    let config = register.config.iter().map(|c| (c.file, &c.doc));
    let activities = register.activities.iter().map(|a| (a.file, &a.doc));
    let processors = register.processors.iter().map(|p| (p.file, &p.doc));
    config.chain(activities).chain(processors).collect()
}

/// 128-bit FNV-1a of the parts (each ended by a NUL byte), as 32 hex digits: stable across
/// runs, platforms and Rust versions, unlike `std`'s hasher.
pub fn fnv128(parts: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::source::MemorySource;

    const CONFIG: &str = "[controller]\nname = \"Council\"\n";

    fn prints(activity: &str) -> Vec<String> {
        let source = MemorySource::from_texts(
            "r",
            &[("ropa.toml", CONFIG), ("activities/a.toml", activity)],
        );
        let loaded = load(&source).unwrap();
        let doc = &loaded.register.activities[0].doc;
        let at = |needle: &str| activity.find(needle).unwrap();
        let diagnostics = vec![
            Diagnostic::error("r1", 1, at("\"1 year\"")..at("\"1 year\"") + 8, "vague"),
            Diagnostic::error("r1", 1, at("\"1 year\"")..at("\"1 year\"") + 8, "vague"),
        ];
        assert_eq!(
            doc.key_path_at(diagnostics[0].span.start),
            "retention.period"
        );
        fingerprints(&diagnostics, &loaded.register)
    }

    #[test]
    fn lines_added_above_leave_a_fingerprint_unchanged() {
        let before = prints("name = \"A\"\n\n[[retention]]\nperiod = \"1 year\"\n");
        let after = prints(
            "# A comment\nname = \"A\"\npurposes = [\"x\"]\n\n[[retention]]\ndata = \"d\"\nperiod = \"1 year\"\n",
        );
        assert_eq!(before, after);
        assert_ne!(before[0], before[1], "each identical finding is unique");
    }

    #[test]
    fn fingerprints_are_fixed_values() {
        // The FNV-1a offset basis: nothing hashed.
        assert_eq!(fnv128(&[]), "6c62272e07bb014262b821756295c58d");
        assert_ne!(fnv128(&["ab", "c"]), fnv128(&["a", "bc"]));
    }
}
