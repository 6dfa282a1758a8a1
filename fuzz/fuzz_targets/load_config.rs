#![no_main]
//! `ropa.toml` from arbitrary bytes, with one activity.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::load_and_use(vec![
        ("ropa.toml".into(), data.to_vec()),
        ("activities/a.toml".into(), b"name = \"A\"\n".to_vec()),
    ]);
});
