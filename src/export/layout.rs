//! Column widths for a terminal table, and the wrapping of cells to them. comfy-table shares
//! the width out evenly and cuts words anywhere; this gives each column room for its heading's
//! longest word and its cells' longest pieces first (ids break after `/` and `-`, so
//! `customer-services/call-recording` needs only `customer-`), then the rest by its
//! spreadsheet width. When even that is too wide, the columns with the longest pieces give
//! way first, and headings stay whole where the width allows.
// Indexing cannot panic here: columns, widths and measures are built one per heading, so they share indexes.
#![allow(clippy::indexing_slicing)]

use rayon::prelude::*;

use super::table::Table;

/// What the layout needs to know of a column, in characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// The longest line: the width the column needs not to wrap.
    natural: u16,
    /// The longest word of the heading: below this, the heading is cut.
    heading: u16,
    /// The longest piece of any line, heading included: below this, words are cut.
    word: u16,
    /// The column's spreadsheet width, used as its share of any spare room.
    weight: f64,
}

fn len(text: &str) -> u16 {
    u16::try_from(text.chars().count()).unwrap_or(u16::MAX)
}

/// The pieces a line may be broken into: words, split again after a `/` or `-` inside them
/// (but not inside a web address). Each piece says whether a space came before it.
fn pieces(line: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for (index, word) in line.split(' ').enumerate() {
        let mut spaced = index > 0;
        let mut start = 0;
        // A web address stays whole, so it can be copied from the terminal.
        let breakable = !word.contains("://");
        for (at, c) in word.char_indices().filter(|_| breakable) {
            let end = at + c.len_utf8();
            if matches!(c, '/' | '-') && end < word.len() && at > start {
                out.push((spaced, &word[start..end]));
                spaced = false;
                start = end;
            }
        }
        if start < word.len() {
            out.push((spaced, &word[start..]));
        }
    }
    out
}

/// The key of the column that is never wrapped while the table can fit it: an id is what a
/// reader copies into `ropa show`, so it stays on one line.
pub const WHOLE_KEY: &str = "id";

/// Narrower than this (or than its heading's longest word, if longer), a column's text is
/// hard to read: `ropa list` leaves a column out rather than squeeze it below.
pub const READABLE: u16 = 10;

impl Measure {
    /// The width this column needs to be readable: its whole longest line for the id column,
    /// otherwise [`READABLE`] or its heading's longest word, but never more than it needs.
    fn readable(&self, whole: bool) -> u16 {
        if whole {
            self.natural
        } else {
            self.natural.min(self.heading.max(READABLE))
        }
    }
}

/// Whether the columns fit in `width` with the id whole and every other column readable.
pub fn fits_readably(table: &Table, width: u16) -> bool {
    let columns = measure(table);
    let n = u32::try_from(columns.len()).unwrap_or(u32::MAX);
    let room = u32::from(width).saturating_sub(3 * n + 1);
    let wanted: u32 = table
        .headings
        .iter()
        .zip(&columns)
        .map(|(heading, m)| u32::from(m.readable(heading.key == WHOLE_KEY)))
        .sum();
    wanted <= room
}

/// The measures of each column of a table, its heading included. The id column's longest
/// line is its longest word, so the layout breaks it only when nothing else can give way.
/// The cells are measured where they are, on every core: a copy of each column's text,
/// measured on one core, was a fifth of `ropa list` at 10,000 activities.
pub fn measure(table: &Table) -> Vec<Measure> {
    // The longest line and the longest piece of a text.
    let longest = |text: &str| {
        let line = text.lines().map(len).max();
        let piece = text
            .lines()
            .flat_map(pieces)
            .map(|(_, piece)| len(piece))
            .max();
        (line, piece)
    };
    let longer =
        |a: (Option<u16>, Option<u16>), b: (Option<u16>, Option<u16>)| (a.0.max(b.0), a.1.max(b.1));
    table
        .headings
        .iter()
        .enumerate()
        .map(|(index, heading)| {
            let (natural, word) = table
                .rows
                .par_iter()
                .map(|row| longest(&row[index].joined("\n")))
                .reduce(|| longest(heading.heading), longer);
            let head = heading.heading.split_whitespace().map(len).max();
            // The id's whole line counts as one word and as its heading's, so it gives way last.
            let (word, head) = if heading.key == WHOLE_KEY {
                (natural, natural)
            } else {
                (word, head)
            };
            Measure {
                natural: natural.unwrap_or(0).max(1),
                heading: head.unwrap_or(0).max(1),
                word: word.unwrap_or(0).max(1),
                weight: heading.width.max(1.0),
            }
        })
        .collect()
}

/// Content widths that fit the table in `width`, or `None` when it fits as it is. Each column
/// first gets room for its longest piece; when that is too much, the columns with the longest
/// pieces are cut first, down to their heading's longest word (and below it only when the
/// headings alone do not fit). The rest goes a character at a time to the column that is
/// narrowest for its spreadsheet width, none wider than it needs.
pub fn fit(columns: &[Measure], width: u16) -> Option<Vec<u16>> {
    let n = u16::try_from(columns.len()).ok()?;
    // A border before each column and after the last, and a space either side of each cell.
    let room = width.saturating_sub(n + 1 + 2 * n);
    let natural: u32 = columns.iter().map(|c| u32::from(c.natural)).sum();
    if natural <= u32::from(room) || n == 0 {
        return None;
    }
    let sum = |widths: &[u16]| widths.iter().map(|&w| u32::from(w)).sum::<u32>();
    let floors: Vec<u16> = columns.iter().map(|c| c.word.min(c.natural)).collect();
    let headings: Vec<u16> = columns
        .iter()
        .zip(&floors)
        .map(|(c, &floor)| c.heading.min(floor))
        .collect();
    let mut widths = if sum(&floors) <= u32::from(room) {
        floors
    } else if sum(&headings) <= u32::from(room) {
        level_off(&floors, &headings, room)
    } else {
        level_off(&headings, &vec![1; headings.len()], room)
    };
    for _ in sum(&widths)..u32::from(room) {
        let share = |i: usize| f64::from(widths[i]) / columns[i].weight;
        let narrowest = (0..columns.len())
            .filter(|&i| widths[i] < columns[i].natural)
            .min_by(|&a, &b| share(a).total_cmp(&share(b)));
        let Some(i) = narrowest else { break };
        widths[i] += 1;
    }
    Some(widths)
}

/// The widths capped at the highest level that makes them fit in `room`, but none below its
/// minimum, so the widest columns are cut first and only down to their minimum.
fn level_off(widths: &[u16], minimums: &[u16], room: u16) -> Vec<u16> {
    let capped = |level: u16| -> Vec<u16> {
        widths
            .iter()
            .zip(minimums)
            .map(|(&w, &min)| w.min(level).max(min).max(1))
            .collect()
    };
    let fits =
        |level: u16| capped(level).iter().map(|&w| u32::from(w)).sum::<u32>() <= u32::from(room);
    let top = widths.iter().copied().max().unwrap_or(1);
    let level = (1..=top).rev().find(|&l| fits(l)).unwrap_or(1);
    let mut levelled = capped(level);
    // What is left over goes back, a character each, to the columns that were cut.
    let mut spare = room.saturating_sub(levelled.iter().sum());
    for (width, &wanted) in levelled.iter_mut().zip(widths) {
        if spare > 0 && *width < wanted {
            *width += 1;
            spare -= 1;
        }
    }
    levelled
}

/// The text wrapped to `width` characters a line: lines break at spaces and after a `/` or
/// `-` inside a word, and a piece longer than the width starts a line and is cut.
pub fn wrap(text: &str, width: u16) -> String {
    let width = usize::from(width.max(1));
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for (spaced, piece) in pieces(line) {
            let joined = current.chars().count()
                + usize::from(spaced && !current.is_empty())
                + piece.chars().count();
            if current.is_empty() || joined <= width {
                if spaced && !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(piece);
            } else {
                out.push(std::mem::take(&mut current));
                current.push_str(piece);
            }
            // A piece too long for a line of its own is cut.
            while current.chars().count() > width {
                let cut: String = current.chars().take(width).collect();
                current = current.chars().skip(width).collect();
                out.push(cut);
            }
        }
        out.push(current);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_break_after_slashes_but_web_addresses_stay_whole() {
        let texts = |line| -> Vec<&str> { pieces(line).into_iter().map(|(_, p)| p).collect() };
        assert_eq!(
            texts("customer-services/call"),
            ["customer-", "services/", "call"]
        );
        assert_eq!(
            texts("see https://example.gov.uk/a-b.pdf"),
            ["see", "https://example.gov.uk/a-b.pdf"]
        );
    }

    fn m(natural: u16, word: u16, weight: f64) -> Measure {
        Measure {
            natural,
            heading: 1,
            word,
            weight,
        }
    }

    #[test]
    fn columns_get_their_longest_word_then_a_share_of_the_rest() {
        // Fits as it is: no constraint.
        assert_eq!(fit(&[m(10, 5, 1.0), m(10, 5, 1.0)], 40), None);
        // 30 characters of room: floors 5 + 5, the 20 spare split 3 to 1, capped at natural.
        let widths = fit(&[m(100, 5, 30.0), m(8, 5, 10.0)], 37).unwrap();
        assert_eq!(widths, [22, 8]);
        // Too narrow for the longest words: the widest give way first, then the spare goes out.
        let widths = fit(&[m(50, 30, 1.0), m(50, 6, 1.0), m(50, 30, 1.0)], 45).unwrap();
        assert_eq!(widths, [15, 6, 14]);
    }

    #[test]
    fn headings_stay_whole_while_long_cell_words_give_way() {
        let with_heading = |heading, word| Measure {
            natural: 40,
            heading,
            word,
            weight: 1.0,
        };
        // Room 30 (3 columns: 10 of borders and padding at width 40). The 20-character word
        // is cut to what the headings leave: 10, 10 and 10.
        let widths = fit(
            &[
                with_heading(10, 10),
                with_heading(10, 10),
                with_heading(2, 20),
            ],
            40,
        )
        .unwrap();
        assert_eq!(widths, [10, 10, 10]);
        // Headings too wide for the room: they are cut, the widest first.
        let widths = fit(&[with_heading(20, 20), with_heading(5, 5)], 27).unwrap();
        assert_eq!(widths, [15, 5]);
    }

    #[test]
    fn ids_break_after_slashes_and_hyphens() {
        assert_eq!(
            wrap("customer-services/call-recording", 10),
            "customer-\nservices/\ncall-\nrecording"
        );
        assert_eq!(
            wrap("customer-services/call-recording", 18),
            "customer-services/\ncall-recording"
        );
        assert_eq!(wrap("Lawful basis (Art 6)", 12), "Lawful basis\n(Art 6)");
        // A piece longer than the line is cut; lines already short are kept.
        assert_eq!(
            wrap("to unsubscribing, then", 6),
            "to\nunsubs\ncribin\ng,\nthen"
        );
        assert_eq!(wrap("a\n\nb", 5), "a\n\nb");
        assert_eq!(wrap("-1 x-", 5), "-1 x-");
    }
}
