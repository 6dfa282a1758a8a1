//! "Did you mean …?" for misspelt keys and slugs.

/// The candidate closest to `input`, if one is close enough to be a likely typo.
///
/// Case, `_`, spaces and `-` are ignored first (`Public Task` and `public_task` both find
/// `public-task`); then the closest by edit distance is offered if it is similar enough.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wanted = normalise(input);
    let mut best: Option<(&str, f64)> = None;
    for candidate in candidates {
        let norm = normalise(candidate);
        if norm == wanted {
            return Some(candidate);
        }
        let score = strsim::normalized_damerau_levenshtein(&wanted, &norm);
        let prefix = !wanted.is_empty() && (norm.starts_with(&wanted) || wanted.starts_with(&norm));
        let score = if prefix { score.max(0.8) } else { score };
        if score >= 0.7 && best.is_none_or(|(_, s)| score > s) {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

fn normalise(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn finds_spelling_variants_and_typos() {
        let slugs = ["public-task", "legal-obligation", "consent"];
        assert_eq!(did_you_mean("public_task", slugs), Some("public-task"));
        assert_eq!(did_you_mean("Public Task", slugs), Some("public-task"));
        assert_eq!(did_you_mean("concent", slugs), Some("consent"));
        assert_eq!(did_you_mean("marketing", slugs), None);
        assert_eq!(
            did_you_mean("purpose", ["purposes", "name"]),
            Some("purposes")
        );
    }
}
