//! The usual finding drawn without colour, byte for byte as `annotate-snippets` draws it, at a
//! small part of the cost: one mark on one short line of plain ASCII. Drawing each finding
//! with the general renderer was the largest part of `ropa lint`'s own work on a large register
//! (about 56,000 instructions a finding, against about 5,000 here, finding its line included);
//! anything outside this shape is left to it, and a test compares the two on every shape this
//! one draws.

/// The finding's mark on its line: where it starts and how long it is, in bytes of the line.
pub struct Mark<'a> {
    pub start: usize,
    pub len: usize,
    pub label: Option<&'a str>,
}

/// What the title says: `error[code]: message`.
pub struct Title<'a> {
    pub level: &'a str,
    pub code: &'a str,
    pub message: &'a str,
}

/// The longest line drawn here: a longer one may be cut to the terminal's width.
const MOST_COLUMNS: usize = 100;

/// The finding drawn as `annotate-snippets`' plain renderer draws it, or `None` when it is not
/// of the shape drawn here: `line` (without its line break) is printable ASCII of at most
/// [`MOST_COLUMNS`] characters, the mark covers at least one character of it, and neither the
/// path nor any text has a line break or other control character.
pub fn render(
    title: &Title<'_>,
    path: &str,
    line_number: usize,
    line: &str,
    mark: &Mark<'_>,
    help: Option<&str>,
) -> Option<String> {
    let printable = |text: &str| text.bytes().all(|b| (b' '..=b'~').contains(&b));
    // No line break, tab or other control character, which the renderer may draw its own way.
    let no_controls = |text: &str| !text.chars().any(char::is_control);
    let fits = line.len() <= MOST_COLUMNS
        && printable(line)
        && mark.len > 0
        && mark.start.checked_add(mark.len)? <= line.len()
        && no_controls(path)
        && no_controls(title.message)
        && printable(title.code)
        && mark.label.is_none_or(|l| no_controls(l) && !l.is_empty())
        && help.is_none_or(no_controls);
    if !fits || line_number == 0 {
        return None;
    }
    let number = line_number.to_string();
    let pad = " ".repeat(number.len());
    let mut out = String::with_capacity(256 + line.len() * 2 + title.message.len());
    let column = mark.start + 1;
    out.push_str(title.level);
    out.push('[');
    out.push_str(title.code);
    out.push_str("]: ");
    out.push_str(title.message);
    out.push('\n');
    for piece in [
        &pad,
        "--> ",
        path,
        ":",
        &number,
        ":",
        &column.to_string(),
        "\n",
    ] {
        out.push_str(piece);
    }
    for piece in [&pad, " |\n", &number, " | ", line, "\n", &pad, " | "] {
        out.push_str(piece);
    }
    out.extend(std::iter::repeat_n(' ', mark.start));
    out.extend(std::iter::repeat_n('^', mark.len));
    if let Some(label) = mark.label {
        out.push(' ');
        out.push_str(label);
    }
    // A help line comes after one more empty gutter line; without one the drawing ends here.
    if let Some(help) = help {
        for piece in ["\n", &pad, " |\n", &pad, " = help: ", help] {
            out.push_str(piece);
        }
    }
    Some(out)
}
