//! A column layout for the data-flow graph, written for its shape: every edge goes from one
//! column to a later one, so a Sankey-like drawing in columns reads left to right without the
//! crossings and detours a general graph layout gives. Nodes are stacked in their column with
//! wrapped labels (so no two boxes overlap by construction); activities are grouped by business
//! function; every other column is ordered by the mean height of its neighbours in the columns
//! already placed, which keeps most lines short and level.
//!
//! Coordinates are whole pixels, so the drawing is the same bytes every time.
// Indexing cannot panic here: node and column indexes come from the graph the layout is made for.
#![allow(clippy::indexing_slicing)]

use std::collections::BTreeMap;

use super::graph::{Graph, Kind};

pub const MARGIN: u32 = 24;
pub const BOX_W: u32 = 240;
pub const GAP_X: u32 = 140;
pub const GAP_Y: u32 = 10;
pub const PAD: u32 = 7;
pub const LINE: u32 = 16;
pub const HEADER_H: u32 = 40;
pub const GROUP_H: u32 = 24;
pub const LEGEND_ROW: u32 = 22;
/// Characters per line: at 12px a character is about 7px wide, and a box is 240px.
pub const WRAP: usize = 31;

/// A rectangle in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// The middle of its left or right side, where lines meet it.
    pub fn left(&self) -> (u32, u32) {
        (self.x, self.y + self.h / 2)
    }

    pub fn right(&self) -> (u32, u32) {
        (self.x + self.w, self.y + self.h / 2)
    }
}

/// What a line of text in a box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Label,
    Note,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub rect: Rect,
    pub lines: Vec<(Style, String)>,
}

/// A business function's heading over its activities, with its colour's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLabel {
    pub rect: Rect,
    pub text: String,
    pub colour: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// Each column's title and its box.
    pub headers: Vec<(String, Rect)>,
    /// One per graph node, in the graph's order.
    pub nodes: Vec<Placed>,
    pub groups: Vec<GroupLabel>,
    /// The colour index of each business function (in alphabetical order), for the legend.
    pub colours: BTreeMap<String, usize>,
    /// Where the legend starts.
    pub legend: Rect,
    /// The legend's rows, each a box.
    pub legend_rows: Vec<Rect>,
}

impl Layout {
    /// Every box drawn with text in it, to check that none overlaps another.
    pub fn text_boxes(&self) -> Vec<Rect> {
        let mut boxes: Vec<Rect> = self.headers.iter().map(|(_, r)| *r).collect();
        boxes.extend(self.nodes.iter().map(|n| n.rect));
        boxes.extend(self.groups.iter().map(|g| g.rect));
        boxes.extend(self.legend_rows.iter().copied());
        boxes
    }
}

/// `text` broken into lines of at most `width` characters, at spaces where it can be and
/// inside a word only when the word alone is longer.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn column_x(column: usize) -> u32 {
    MARGIN + u32::try_from(column).unwrap_or(u32::MAX / 2) * (BOX_W + GAP_X)
}

/// The lines a node's box shows: its label, its notes, and its problem.
fn lines_of(graph: &Graph, at: usize) -> Vec<(Style, String)> {
    let node = &graph.nodes[at];
    let mut lines: Vec<(Style, String)> = wrap(&node.label, WRAP)
        .into_iter()
        .map(|l| (Style::Label, l))
        .collect();
    for note in &node.notes {
        lines.extend(wrap(note, WRAP + 4).into_iter().map(|l| (Style::Note, l)));
    }
    if let Some(problem) = &node.problem {
        let text = format!("Problem: {problem}");
        lines.extend(
            wrap(&text, WRAP + 4)
                .into_iter()
                .map(|l| (Style::Problem, l)),
        );
    }
    lines
}

fn height_of(lines: &[(Style, String)]) -> u32 {
    2 * PAD + LINE * u32::try_from(lines.len()).unwrap_or(1000)
}

/// The legend's rows: one per business function shown, and the fixed explanations.
pub fn legend_texts(layout_colours: &BTreeMap<String, usize>) -> Vec<String> {
    let mut rows = vec![
        "Key".to_string(),
        "Lines run from left to right: whose data, the activity, who receives it, where it goes."
            .to_string(),
        "A dashed red box or line is a problem that ropa lint reports; its words say which."
            .to_string(),
    ];
    rows.extend(
        layout_colours
            .keys()
            .map(|f| format!("Business function: {f}")),
    );
    rows
}

pub fn layout(graph: &Graph) -> Layout {
    let columns = graph.columns.len();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for (at, node) in graph.nodes.iter().enumerate() {
        if let Some(column) = members.get_mut(node.column) {
            column.push(at);
        }
    }
    let mut colours = BTreeMap::new();
    for node in &graph.nodes {
        if let Some(group) = &node.group {
            let next = colours.len();
            colours.entry(group.clone()).or_insert(next);
        }
    }
    // Colour indices in alphabetical order of function, so they do not depend on file order.
    for (index, value) in colours.values_mut().enumerate() {
        *value = index;
    }

    let lines: Vec<Vec<(Style, String)>> = (0..graph.nodes.len())
        .map(|at| lines_of(graph, at))
        .collect();
    let mut rects: Vec<Option<Rect>> = vec![None; graph.nodes.len()];
    let mut groups = Vec::new();
    let mut bottom = vec![HEADER_H + MARGIN; columns];

    // Neighbours on each side, for ordering by the mean height of the placed ones.
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); graph.nodes.len()];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); graph.nodes.len()];
    for e in &graph.edges {
        after[e.from].push(e.to);
        before[e.to].push(e.from);
    }

    // The activities' column first, grouped by function; then the columns after it, left to
    // right; then the columns before it, right to left.
    let anchor = members
        .iter()
        .position(|m| m.iter().any(|&n| graph.nodes[n].kind == Kind::Activity))
        .unwrap_or(0);
    let mut order: Vec<usize> = vec![anchor];
    order.extend(anchor + 1..columns);
    order.extend((0..anchor).rev());

    for column in order {
        let mut nodes = std::mem::take(&mut members[column]);
        if column == anchor {
            nodes.sort_by_cached_key(|&n| {
                let node = &graph.nodes[n];
                (
                    node.group.is_none(),
                    node.group.as_deref().map(str::to_lowercase),
                    node.label.to_lowercase(),
                    node.key.clone(),
                )
            });
        } else {
            let neighbours = if column > anchor { &before } else { &after };
            nodes.sort_by_cached_key(|&n| {
                let placed: Vec<u64> = neighbours[n]
                    .iter()
                    .filter_map(|&m| rects[m])
                    .map(|r| u64::from(r.y) * 2 + u64::from(r.h))
                    .collect();
                let mean = if placed.is_empty() {
                    u64::MAX
                } else {
                    placed.iter().sum::<u64>() / placed.len() as u64
                };
                (
                    mean,
                    graph.nodes[n].label.to_lowercase(),
                    graph.nodes[n].key.clone(),
                )
            });
        }
        let x = column_x(column);
        let mut y = bottom[column];
        let mut current_group: Option<Option<&str>> = None;
        for n in nodes {
            let node = &graph.nodes[n];
            if column == anchor && node.kind == Kind::Activity {
                let group = node.group.as_deref();
                if current_group != Some(group) {
                    current_group = Some(group);
                    let text = group.unwrap_or("No business function recorded").to_string();
                    let colour = group
                        .and_then(|g| colours.get(g).copied())
                        .unwrap_or(usize::MAX);
                    groups.push(GroupLabel {
                        rect: Rect {
                            x,
                            y,
                            w: BOX_W,
                            h: GROUP_H - 4,
                        },
                        text,
                        colour,
                    });
                    y += GROUP_H;
                }
            }
            let h = height_of(&lines[n]);
            rects[n] = Some(Rect { x, y, w: BOX_W, h });
            y += h + GAP_Y;
        }
        bottom[column] = y;
    }

    let width = column_x(columns.max(1)) - GAP_X + MARGIN;
    let headers = graph
        .columns
        .iter()
        .enumerate()
        .map(|(i, title)| {
            (
                (*title).to_string(),
                Rect {
                    x: column_x(i),
                    y: MARGIN,
                    w: BOX_W,
                    h: HEADER_H - 12,
                },
            )
        })
        .collect();
    let legend_top = bottom.iter().copied().max().unwrap_or(HEADER_H + MARGIN) + 2 * GAP_Y;
    let legend_rows: Vec<Rect> = (0..legend_texts(&colours).len())
        .map(|i| Rect {
            x: MARGIN,
            y: legend_top + u32::try_from(i).unwrap_or(0) * LEGEND_ROW,
            w: width - 2 * MARGIN,
            h: LEGEND_ROW - 4,
        })
        .collect();
    let legend_height = u32::try_from(legend_rows.len()).unwrap_or(0) * LEGEND_ROW;
    Layout {
        width,
        height: legend_top + legend_height + MARGIN,
        headers,
        nodes: rects
            .into_iter()
            .zip(lines)
            .map(|(rect, lines)| Placed {
                rect: rect.unwrap_or(Rect {
                    x: 0,
                    y: 0,
                    w: 0,
                    h: 0,
                }),
                lines,
            })
            .collect(),
        groups,
        colours,
        legend: Rect {
            x: MARGIN,
            y: legend_top,
            w: width - 2 * MARGIN,
            h: legend_height,
        },
        legend_rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_wrap_at_spaces_and_very_long_words_are_cut() {
        assert_eq!(
            wrap("Contact centre enquiries and service requests", 20),
            ["Contact centre", "enquiries and", "service requests"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
    }
}
