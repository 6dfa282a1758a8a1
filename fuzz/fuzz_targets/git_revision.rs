#![no_main]
//! The git-revision loader's readers of `git ls-tree -z` and `git cat-file --batch` output,
//! on arbitrary bytes, and the register they make: never a panic.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xff).unwrap_or(data.len());
    let (listing, batch) = data.split_at(split);
    let (mut entries, wanted) = ropa::git::parse_listing(listing, "");
    let Ok(blobs) = ropa::git::parse_batch(batch.get(1..).unwrap_or_default()) else {
        return;
    };
    for ((index, _), bytes) in wanted.into_iter().zip(blobs) {
        if let Some(entry) = entries.get_mut(index) {
            entry.set_bytes(bytes);
        }
    }
    let files = entries
        .into_iter()
        .filter_map(|e| match e.into_bytes() {
            (path, Ok(b)) => Some((path, b)),
            (_, Err(_)) => None,
        })
        .collect();
    common::load_and_use(files);
});
