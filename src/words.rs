//! Small helpers for writing findings in plain English.

/// A label for the middle of a sentence: "The right to erasure" → "the right to erasure".
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Items joined as a sentence: "a", "a or b", "a, b or c".
pub fn join_words(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {conjunction} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(lowercase_first("Public task"), "public task");
        assert_eq!(join_words(&["a".into()], "and"), "a");
        assert_eq!(
            join_words(&["a".into(), "b".into(), "c".into()], "or"),
            "a, b or c"
        );
    }
}
