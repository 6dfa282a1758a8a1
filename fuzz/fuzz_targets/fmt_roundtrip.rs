#![no_main]
//! `ropa fmt` on arbitrary text: when it formats a file, the result parses, holds the same
//! values as the loader reads them, and formatting it again changes nothing.

use libfuzzer_sys::fuzz_target;
use ropa::document::Document;
use ropa::fmt::format_text;
use ropa::schema::FileKind;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in [FileKind::Activity, FileKind::Register, FileKind::Processor] {
        let Ok(formatted) = format_text(kind, text) else {
            continue;
        };
        let before = Document::parse(text).map(|(_, json)| json);
        let after = Document::parse(&formatted).map(|(_, json)| json);
        match (before, after) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "fmt changed the data"),
            (Ok(_), Err(e)) => panic!("fmt wrote invalid TOML: {e}"),
            _ => {}
        }
        let again = format_text(kind, &formatted).expect("formatted text formats again");
        assert_eq!(again, formatted, "fmt is not idempotent");
    }
});
