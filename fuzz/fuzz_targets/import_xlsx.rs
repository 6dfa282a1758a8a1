#![no_main]
//! `ropa import` of a workbook from arbitrary bytes: reading and mapping never panic.

use libfuzzer_sys::fuzz_target;
use ropa::import::{ImportOptions, plan};

fuzz_target!(|data: &[u8]| {
    // ropa's own panic hook, as the binary has: a panic that ropa contains (calamine on a
    // damaged workbook) is then an error, as users see it; any other still aborts the run.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(ropa::crash::install);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("ropa.xlsx");
    std::fs::write(&file, data).expect("the file is written");
    let _ = plan(&ImportOptions {
        file,
        into: dir.path().join("register"),
        sheet: None,
        force: false,
    });
});
