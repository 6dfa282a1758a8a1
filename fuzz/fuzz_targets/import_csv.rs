#![no_main]
//! `ropa import` of a CSV file from arbitrary bytes: reading and mapping never panic.

use libfuzzer_sys::fuzz_target;
use ropa::import::{ImportOptions, plan};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("ropa.csv");
    std::fs::write(&file, data).expect("the file is written");
    let _ = plan(&ImportOptions {
        file,
        into: dir.path().join("register"),
        sheet: None,
        force: false,
    });
});
