//! `ropa notice`: a privacy notice (UK GDPR Arts 13 and 14) written from the register, so the
//! notice and the record cannot disagree.
//!
//! [`items`] says what a notice must hold and what the register lacks (lint shares it),
//! [`build`] turns activities into a [`doc::Notice`] whose every span names its source, and
//! [`markdown`] and [`html`] only lay that document out.

pub mod build;
pub mod doc;
pub mod html;
pub mod items;
pub mod markdown;

pub use build::build;
pub use doc::{Gap, Notice};
pub use items::{Item, activity_gaps, has_notice, register_gaps};

/// True when `bytes` are a notice `ropa notice` wrote, in either format, so it may be replaced.
pub fn is_notice(bytes: &[u8]) -> bool {
    markdown::is_notice(bytes) || html::is_notice(bytes)
}
