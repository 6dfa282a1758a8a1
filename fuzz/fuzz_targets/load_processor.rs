#![no_main]
//! A processor file from arbitrary bytes, with an activity that uses it.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::load_and_use(vec![
        ("processors/p.toml".into(), data.to_vec()),
        (
            "activities/a.toml".into(),
            b"name = \"A\"\nprocessors = [\"p\"]\n".to_vec(),
        ),
    ]);
});
