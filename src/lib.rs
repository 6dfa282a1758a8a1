//! `ropa` keeps a UK GDPR Record of Processing Activities as TOML files in git and checks it.
//! The binary is a thin layer over this library.

// No panics by construction (issue 17): no unwrap, expect or panic in ropa's own code, and
// indexing only where a module argues why it cannot fail.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod cli;
pub mod commands;
pub mod complete;
pub mod crash;
pub mod describe;
pub mod diag;
pub mod diff;
pub mod discover;
pub mod document;
pub mod export;
pub mod files;
pub mod fmt;
pub mod fs_util;
pub mod git;
pub mod import;
pub mod lint;
pub mod load;
pub mod map;
pub mod model;
pub mod notice;
pub mod schema;
pub mod source;
pub mod view;
pub mod vocab;
pub mod words;
