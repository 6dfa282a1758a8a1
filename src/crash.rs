//! What a DPO sees if ropa has a bug: a short message that says so, names the file being read
//! and the place in ropa's code, and exit code 2 — never a backtrace.
//!
//! The loader marks the file each thread is reading ([`reading`]); the panic hook, which runs
//! on the panicking thread, reads that mark. `main` catches the panic and exits with 2.

use std::cell::RefCell;
use std::io::Write;

thread_local! {
    static READING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Set while [`contained`] runs code that may panic on hostile input (a dependency's
    /// reader): that panic is an error for the caller, not a bug to announce.
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic inside it into `Err` with the panic's message and printing
/// nothing: for a dependency's reader fed a damaged file (calamine on a broken workbook).
pub fn contained<R>(f: impl FnOnce() -> R + std::panic::UnwindSafe) -> Result<R, String> {
    let before = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(f);
    CONTAINED.with(|c| c.set(before));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an unexpected error".to_string())
    })
}

/// Marks `path` as the file this thread is reading until the guard is dropped.
pub fn reading(path: &str) -> Reading {
    let previous = READING.with(|r| r.replace(Some(path.to_string())));
    Reading { previous }
}

/// Restores the previous mark when dropped.
pub struct Reading {
    previous: Option<String>,
}

impl Drop for Reading {
    fn drop(&mut self) {
        let previous = self.previous.take();
        READING.with(|r| *r.borrow_mut() = previous);
    }
}

/// The message for a panic: what happened, the file, where in ropa, what to do.
pub fn message(cause: &str, file: Option<&str>, place: Option<String>) -> String {
    let mut text = String::from(
        "error: ropa stopped because of a bug in ropa (not a problem with your register)\n",
    );
    if let Some(file) = file {
        text.push_str(&format!("  while reading: {file}\n"));
    }
    text.push_str(&format!("  what went wrong: {cause}\n"));
    if let Some(place) = place {
        text.push_str(&format!("  where in ropa: {place}\n"));
    }
    text.push_str(
        "  help: nothing was written; please report this, with the file named above if there is one\n",
    );
    text
}

/// Replaces Rust's panic output with [`message`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        if CONTAINED.with(std::cell::Cell::get) {
            return;
        }
        let cause = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an unexpected error".to_string());
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        let file = READING.with(|r| r.borrow().clone());
        let _ = std::io::stderr().write_all(message(&cause, file.as_deref(), place).as_bytes());
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contained_panic_is_an_error_and_the_flag_is_restored() {
        let result: Result<(), String> = contained(|| panic!("bad cell reference"));
        assert_eq!(result, Err("bad cell reference".to_string()));
        assert!(!CONTAINED.with(std::cell::Cell::get));
        assert_eq!(contained(|| 7), Ok(7));
    }

    #[test]
    fn the_message_names_the_file_and_never_shows_a_backtrace() {
        let _guard = reading("activities/cctv.toml");
        let file = READING.with(|r| r.borrow().clone());
        let text = message(
            "index out of bounds",
            file.as_deref(),
            Some("src/x.rs:3".into()),
        );
        assert!(text.contains("while reading: activities/cctv.toml"));
        assert!(text.contains("a bug in ropa"));
        assert!(!text.contains("backtrace"));
        drop(_guard);
        assert_eq!(READING.with(|r| r.borrow().clone()), None);
    }
}
