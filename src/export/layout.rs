//! Column widths for a terminal table: who gets how much of the line when the table is too
//! wide. comfy-table shares the width out evenly; this gives each column its longest word
//! first and the rest by its spreadsheet width, so ids and short words stay whole.

use super::table::Table;

/// What the layout needs to know of a column, in characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// The longest line: the width the column needs not to wrap.
    natural: u16,
    /// The longest word: below this, words are cut.
    word: u16,
    /// The column's spreadsheet width, used as its share of any spare room.
    weight: f64,
}

/// The measures of each column of a table, its heading included.
pub fn measure(table: &Table) -> Vec<Measure> {
    let len = |text: &str| u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    table
        .headings
        .iter()
        .enumerate()
        .map(|(index, heading)| {
            let texts: Vec<String> = std::iter::once(heading.heading.to_string())
                .chain(table.rows.iter().map(|row| row[index].joined("\n")))
                .collect();
            let natural = texts.iter().flat_map(|t| t.lines()).map(len).max();
            let word = texts
                .iter()
                .flat_map(|t| t.split_whitespace())
                .map(len)
                .max();
            Measure {
                natural: natural.unwrap_or(0).max(1),
                word: word.unwrap_or(0).max(1),
                weight: heading.width.max(1.0),
            }
        })
        .collect()
}

/// Content widths that fit the table in `width`, or `None` when it fits as it is. Each column
/// first gets room for its longest word (when even that is too much, the widest columns give
/// way first); the rest goes a character at a time to the column that is narrowest for its
/// spreadsheet width, none wider than it needs.
pub fn fit(columns: &[Measure], width: u16) -> Option<Vec<u16>> {
    let n = u16::try_from(columns.len()).ok()?;
    // A border before each column and after the last, and a space either side of each cell.
    let room = width.saturating_sub(n + 1 + 2 * n);
    let natural: u32 = columns.iter().map(|c| u32::from(c.natural)).sum();
    if natural <= u32::from(room) || n == 0 {
        return None;
    }
    let floors: Vec<u16> = columns.iter().map(|c| c.word.min(c.natural)).collect();
    let mut widths = if floors.iter().map(|&f| u32::from(f)).sum::<u32>() > u32::from(room) {
        level_off(&floors, room)
    } else {
        floors
    };
    let used: u32 = widths.iter().map(|&w| u32::from(w)).sum();
    for _ in used..u32::from(room) {
        let share = |i: usize| f64::from(widths[i]) / columns[i].weight;
        let narrowest = (0..columns.len())
            .filter(|&i| widths[i] < columns[i].natural)
            .min_by(|&a, &b| share(a).total_cmp(&share(b)));
        let Some(i) = narrowest else { break };
        widths[i] += 1;
    }
    Some(widths)
}

/// The widths capped at the highest level that makes them fit in `room`, so wide columns are
/// cut before narrow ones (at least one character each).
fn level_off(widths: &[u16], room: u16) -> Vec<u16> {
    let fits = |level: u16| {
        widths.iter().map(|&w| u32::from(w.min(level))).sum::<u32>() <= u32::from(room)
    };
    let top = widths.iter().copied().max().unwrap_or(1);
    let level = (1..=top).rev().find(|&l| fits(l)).unwrap_or(1);
    let mut levelled: Vec<u16> = widths.iter().map(|&w| w.min(level).max(1)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_get_their_longest_word_then_a_share_of_the_rest() {
        let m = |natural, word, weight| Measure {
            natural,
            word,
            weight,
        };
        // Fits as it is: no constraint.
        assert_eq!(fit(&[m(10, 5, 1.0), m(10, 5, 1.0)], 40), None);
        // 30 characters of room: floors 5 + 5, the 20 spare split 3 to 1, capped at natural.
        let widths = fit(&[m(100, 5, 30.0), m(8, 5, 10.0)], 37).unwrap();
        assert_eq!(widths, [22, 8]);
        // Too narrow for the longest words: the widest give way first, then the spare goes out.
        let widths = fit(&[m(50, 30, 1.0), m(50, 6, 1.0), m(50, 30, 1.0)], 45).unwrap();
        assert_eq!(widths, [15, 6, 14]);
    }
}
