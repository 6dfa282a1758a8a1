//! Comment blocks: the whitespace and `# …` lines toml_edit keeps around keys, values and
//! table headers ("decor"). The formatter reads them into lines, tidies them (no indentation or
//! trailing spaces, at most one blank line in a row) and writes them back; it never drops one.

use toml_edit::{Decor, RawString};

/// One line of a comment block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Blank,
    /// A comment, `#` included, without surrounding whitespace.
    Comment(String),
}

/// Where a block may keep blank lines at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// No blank line before the first comment (the first line of a table, or of the file).
    Strip,
    /// At most one, kept when the author left one (it groups keys).
    Keep,
}

/// The decor text as toml_edit holds it after parsing (empty when it has none).
pub fn raw(decor: Option<&RawString>) -> &str {
    decor.and_then(RawString::as_str).unwrap_or("")
}

/// Sets `decor` to `prefix` and `suffix`, leaving it as it is when it holds them already:
/// most decor of a formatted file is right as it is, and setting it makes new strings.
pub fn set_decor(decor: &mut Decor, prefix: &str, suffix: &str) {
    let holds =
        |part: Option<&RawString>, text: &str| part.and_then(RawString::as_str) == Some(text);
    if !(holds(decor.prefix(), prefix) && holds(decor.suffix(), suffix)) {
        *decor = Decor::new(prefix.to_string(), suffix.to_string());
    }
}

/// The lines of a block such as a key's prefix (`"\n# about name\n"`). The text after the last
/// newline is the indentation before the key: a line only if it holds a comment.
pub fn lines(text: &str) -> Vec<Line> {
    // Decor holds only whitespace and comments, so a block without `#` is blank lines alone
    // (most blocks: `fmt` reads thousands in each file).
    if !text.contains('#') {
        return vec![Line::Blank; text.matches('\n').count()];
    }
    let last = text.matches('\n').count();
    text.split('\n')
        .enumerate()
        .filter_map(|(i, segment)| {
            let t = segment.trim();
            if !t.is_empty() {
                Some(Line::Comment(t.to_string()))
            } else if i < last {
                Some(Line::Blank)
            } else {
                None
            }
        })
        .collect()
}

/// Only the comments of a block, for places where blank lines are not kept (inside lists).
pub fn comments(text: &str) -> Vec<String> {
    if !text.contains('#') {
        return Vec::new();
    }
    lines(text)
        .into_iter()
        .filter_map(|line| match line {
            Line::Comment(c) => Some(c),
            Line::Blank => None,
        })
        .collect()
}

/// A comment on the same line as what comes before the block (`"a", # this`), and the lines
/// after it.
pub fn split_first_line(text: &str) -> (Option<String>, Vec<String>) {
    if !text.contains('#') {
        return (None, Vec::new());
    }
    match text.split_once('\n') {
        Some((first, rest)) => (comment_in(first), comments(rest)),
        None => (comment_in(text), Vec::new()),
    }
}

/// The comment in a piece of one line, if any.
pub fn comment_in(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The suffix that puts a trailing comment one space after a value or header.
pub fn trailing(comment: Option<String>) -> String {
    comment.map(|c| format!(" {c}")).unwrap_or_default()
}

/// A value's or header's end-of-line comment, with the spaces before it as written (so aligned
/// comments stay aligned; at least one space).
pub fn end_of_line(suffix: &str) -> String {
    let Some(hash) = suffix.find('#') else {
        return String::new();
    };
    let gap = match &suffix[..hash] {
        "" => " ",
        gap => gap,
    };
    format!("{gap}{}", suffix[hash..].trim_end())
}

/// Writes a block back: one line each, blank lines collapsed, no indentation.
pub fn render(lines: &[Line], lead: Lead) -> String {
    let mut out = String::new();
    let mut last_blank = lead == Lead::Strip;
    for line in lines {
        match line {
            Line::Blank if last_blank => {}
            Line::Blank => {
                out.push('\n');
                last_blank = true;
            }
            Line::Comment(c) => {
                out.push_str(c);
                out.push('\n');
                last_blank = false;
            }
        }
    }
    out
}

/// Splits the block above the first entry of a file into the file's header, which stays at the
/// top whatever moves, and the part that belongs to the entry. The header is everything up to
/// the last blank line; without a blank line, only leading `#:` directives (`#:schema …`).
pub fn split_header(lines: Vec<Line>) -> (Vec<Line>, Vec<Line>) {
    let cut = match lines.iter().rposition(|l| *l == Line::Blank) {
        Some(blank) => blank + 1,
        None => lines
            .iter()
            .take_while(|l| matches!(l, Line::Comment(c) if c.starts_with("#:")))
            .count(),
    };
    let mut header = lines;
    let rest = header.split_off(cut);
    if !header.iter().any(|l| matches!(l, Line::Comment(_))) {
        header.clear();
    }
    (header, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> Line {
        Line::Comment(text.into())
    }

    /// Blocks without a comment (most of them) are read the quick way: blank lines only.
    #[test]
    fn blocks_without_comments_are_only_blank_lines() {
        assert_eq!(lines(""), []);
        assert_eq!(lines("    "), []);
        assert_eq!(lines("\n  \n\t"), [Line::Blank, Line::Blank]);
        assert_eq!(comments("\n    "), Vec::<String>::new());
        assert_eq!(split_first_line("  \n    "), (None, Vec::new()));
        assert_eq!(
            split_first_line(" # same\n  # below\n    "),
            (Some("# same".to_string()), vec!["# below".to_string()])
        );
    }

    #[test]
    fn blocks_are_tidied_but_every_comment_is_kept() {
        let block = lines("\n\n   # one   \n\t#two\n\n\n# three\n  ");
        assert_eq!(
            block,
            [
                Line::Blank,
                Line::Blank,
                c("# one"),
                c("#two"),
                Line::Blank,
                Line::Blank,
                c("# three")
            ]
        );
        assert_eq!(render(&block, Lead::Keep), "\n# one\n#two\n\n# three\n");
        assert_eq!(render(&block, Lead::Strip), "# one\n#two\n\n# three\n");
        assert_eq!(lines("# at end of file"), [c("# at end of file")]);
        assert_eq!(lines(""), []);
    }

    #[test]
    fn same_line_comments() {
        assert_eq!(
            split_first_line(" # after a\n  # before b\n  "),
            (Some("# after a".into()), vec!["# before b".into()])
        );
        assert_eq!(split_first_line("\n  "), (None, vec![]));
        assert_eq!(trailing(comment_in("   # note ")), " # note");
        assert_eq!(end_of_line("      # aligned "), "      # aligned");
        assert_eq!(end_of_line("# tight"), " # tight");
        assert_eq!(end_of_line("  "), "");
    }

    #[test]
    fn the_header_is_what_precedes_the_last_blank_line_or_a_directive() {
        let (header, rest) = split_header(lines("# Council\n\n# about name\n"));
        assert_eq!(header, [c("# Council"), Line::Blank]);
        assert_eq!(rest, [c("# about name")]);
        let (header, rest) = split_header(lines("#:schema x.json\n# about name\n"));
        assert_eq!(header, [c("#:schema x.json")]);
        assert_eq!(rest, [c("# about name")]);
        let (header, rest) = split_header(lines("# about name\n"));
        assert!(header.is_empty());
        assert_eq!(rest, [c("# about name")]);
        let (header, rest) = split_header(lines("\n\n# about name\n"));
        assert!(header.is_empty());
        assert_eq!(rest, [c("# about name")]);
    }
}
