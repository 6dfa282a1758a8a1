//! The formatter's promise, checked on every file before it is written: the formatted text
//! holds exactly the same data and exactly the same comments as the original.

use toml_parser::lexer::TokenKind;

/// Why a formatted text cannot be used; `None` when it is safe.
pub fn unsafe_change(original: &str, formatted: &str) -> Option<&'static str> {
    let parse = |text: &str| toml::from_str::<toml::Table>(text).ok();
    match (parse(original), parse(formatted)) {
        (Some(a), Some(b)) if same_table(&a, &b, Breaks::AsLoaded) => {}
        (Some(_), Some(_)) => return Some("the data would change"),
        _ => return Some("the result would not be valid TOML"),
    }
    if comments(original) != comments(formatted) {
        return Some("a comment would be lost or changed");
    }
    None
}

/// Every comment of a text, trimmed, sorted (formatting may move them, never change them).
fn comments(text: &str) -> Vec<&str> {
    let source = toml_parser::Source::new(text);
    let mut found: Vec<&str> = source
        .lex()
        .filter(|token| token.kind() == TokenKind::Comment)
        .filter_map(|token| source.get(token.span()))
        .map(|raw| raw.as_str().trim_end())
        .collect();
    found.sort_unstable();
    found
}

/// How line breaks inside strings are compared.
#[derive(Clone, Copy, PartialEq)]
enum Breaks {
    /// As the loader reads them: CRLF and LF are the same text.
    AsLoaded,
    /// Byte for byte, as another TOML tool may read them.
    Exact,
}

/// Whether two texts hold exactly the same values, line breaks in strings included: `fmt`
/// keeps CRLF line endings where that is what keeps them so.
pub fn identical_values(original: &str, formatted: &str) -> bool {
    let parse = |text: &str| toml::from_str::<toml::Table>(text).ok();
    match (parse(original), parse(formatted)) {
        (Some(a), Some(b)) => same_table(&a, &b, Breaks::Exact),
        _ => false,
    }
}

fn same_table(a: &toml::Table, b: &toml::Table, breaks: Breaks) -> bool {
    a.len() == b.len()
        && a.iter().all(|(key, value)| {
            b.get(key)
                .is_some_and(|other| same_value(value, other, breaks))
        })
}

/// Equality that also holds for NaN, tells -0.0 from 0.0, and takes the line breaks of a
/// multi-line string as the loader does (CRLF and LF are the same text).
fn same_value(a: &toml::Value, b: &toml::Value, breaks: Breaks) -> bool {
    use toml::Value::{Array, Float, String, Table};
    match (a, b) {
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (String(x), String(y)) if breaks == Breaks::AsLoaded => {
            x == y || x.replace("\r\n", "\n") == y.replace("\r\n", "\n")
        }
        (Array(x), Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y, breaks))
        }
        (Table(x), Table(y)) => same_table(x, y, breaks),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::unsafe_change;

    #[test]
    fn catches_changed_data_and_lost_comments() {
        let original = "a = 1 # one\n[t]\nb = nan\n";
        assert_eq!(
            unsafe_change(original, "a = 1  # one\n\n[t]\nb = nan\n"),
            None
        );
        assert_eq!(
            unsafe_change(original, "a = 1\n[t]\nb = nan\n"),
            Some("a comment would be lost or changed")
        );
        assert_eq!(
            unsafe_change(original, "a = 2 # one\n[t]\nb = nan\n"),
            Some("the data would change")
        );
        assert_eq!(
            unsafe_change(original, "a = [ # one\n"),
            Some("the result would not be valid TOML")
        );
        assert_eq!(
            unsafe_change("s = \"# not a comment\"", "s = '# not a comment'"),
            None
        );
    }
}
