#![no_main]
//! An activity file from arbitrary bytes: loading never panics, and whatever loads can be
//! linted, exported, mapped and put in a notice.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    common::load_and_use(vec![("activities/a/b.toml".into(), data.to_vec())]);
});
