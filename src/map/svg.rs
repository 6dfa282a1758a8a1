//! The map as SVG, drawn by ropa itself: real text, a `<title>` on every box and line, colour
//! backed by words (a problem is dashed and says what it is), whole-pixel coordinates so the
//! same register gives the same bytes.
// Indexing cannot panic here: edges and placed boxes index the nodes of the same graph.
#![allow(clippy::indexing_slicing)]

use std::fmt::Write;

use rayon::prelude::*;

use super::graph::{Edge, Graph};
use super::layout::{LINE, Layout, PAD, Rect, Style, legend_texts};

/// Fills and borders for business functions: light fills under black text (contrast well
/// above WCAG AA), borders dark enough to see; the function's name is always written too.
const PALETTE: [(&str, &str); 8] = [
    ("#e8f1fa", "#1d70b8"),
    ("#e9f5ec", "#00703c"),
    ("#fdf0e6", "#b35900"),
    ("#f3ebf8", "#4c2c92"),
    ("#e6f4f4", "#28726e"),
    ("#fbe9ef", "#a4134f"),
    ("#f2f2f2", "#505a5f"),
    ("#fdf7e0", "#7a5c00"),
];
const PLAIN: (&str, &str) = ("#ffffff", "#505a5f");
/// How a line or box with a problem is drawn: red (#c0392b), thicker and dashed; a flow
/// without one is grey.
const PROBLEM_STROKE: &str = r##"stroke="#c0392b" stroke-width="2.5" stroke-dasharray="6 4""##;
const EDGE_STROKE: &str = r##"stroke="#8a9298""##;
const PROBLEM_TEXT: &str = r##"font-size="11" font-weight="700" fill="#c0392b""##;

pub fn colour(index: usize) -> (&'static str, &'static str) {
    PALETTE
        .get(index % PALETTE.len().max(1))
        .copied()
        .unwrap_or(PLAIN)
}

/// Text made safe for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`], written at the end of `out`: the runs between characters that need escaping
/// are copied whole (the drawing's text is most of its bytes).
pub fn escape_into(out: &mut String, text: &str) {
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let with = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            c if c.is_control() => " ",
            _ => continue,
        };
        out.push_str(text.get(start..at).unwrap_or_default());
        out.push_str(with);
        start = at + c.len_utf8();
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

fn rect_attrs(r: &Rect) -> String {
    format!(
        r#"x="{}" y="{}" width="{}" height="{}""#,
        r.x, r.y, r.w, r.h
    )
}

/// A node's title: its label, kind and notes, for screen readers and on hover.
fn node_title(graph: &Graph, at: usize) -> String {
    let node = &graph.nodes[at];
    let mut title = format!("{} ({})", node.label, node.kind.word());
    if let Some(group) = &node.group {
        let _ = write!(title, ", {group}");
    }
    for note in &node.notes {
        let _ = write!(title, ". {note}");
    }
    if let Some(problem) = &node.problem {
        let _ = write!(title, ". Problem: {problem}");
    }
    title
}

/// The drawing as one string (`ropa map --format svg` and the map's own page).
pub fn render(graph: &Graph, layout: &Layout, title: &str) -> String {
    render_in_pieces(graph, layout, title).concat()
}

/// Flows or boxes drawn together on one thread.
const FLOWS_PER_PIECE: usize = 1024;
const BOXES_PER_PIECE: usize = 256;

/// [`render`]'s text in pieces, in order. The flows and boxes (tens of thousands at 10,000
/// activities) are drawn on every core: drawn on one, they were the long end of the web page's
/// map, which the page's other sections had finished long before.
pub fn render_in_pieces(graph: &Graph, layout: &Layout, title: &str) -> Vec<String> {
    let mut head = String::new();
    let (w, h) = (layout.width, layout.height);
    let activities = graph
        .nodes
        .iter()
        .filter(|n| n.kind == super::graph::Kind::Activity)
        .count();
    let _ = writeln!(
        head,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="map-title map-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(head, r#"<title id="map-title">{}</title>"#, escape(title));
    let _ = writeln!(
        head,
        r#"<desc id="map-desc">{activities} activities, {} boxes and {} flows, in columns: {}.</desc>"#,
        graph.nodes.len(),
        graph.edges.len(),
        escape(&graph.columns.join(", "))
    );
    let _ = writeln!(head, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
    for (text, r) in &layout.headers {
        let _ = writeln!(
            head,
            r##"<text x="{}" y="{}" font-size="15" font-weight="700" fill="#0b0c0c">{}</text>"##,
            r.x,
            r.y + 18,
            escape(text)
        );
    }
    head.push_str("<g fill=\"none\" stroke-width=\"1.5\">\n");
    let mut pieces = vec![head];
    // Room for each piece from what a flow and a box take (about 150 and 350 bytes), so no
    // piece is copied as it grows.
    pieces.par_extend(graph.edges.par_chunks(FLOWS_PER_PIECE).map(|edges| {
        let mut out = String::with_capacity(edges.len() * 150);
        edges.iter().for_each(|e| flow(&mut out, graph, layout, e));
        out
    }));
    let mut middle = String::from("</g>\n");
    for g in &layout.groups {
        let (fill, border) = if g.colour == usize::MAX {
            PLAIN
        } else {
            colour(g.colour)
        };
        let _ = writeln!(
            middle,
            r##"<g><rect {} fill="{fill}" stroke="{border}"/><rect x="{}" y="{}" width="5" height="{}" fill="{border}"/><text x="{}" y="{}" font-weight="700" fill="#0b0c0c">{}</text></g>"##,
            rect_attrs(&g.rect),
            g.rect.x,
            g.rect.y,
            g.rect.h,
            g.rect.x + 12,
            g.rect.y + 14,
            escape(&g.text)
        );
    }
    pieces.push(middle);
    let starts: Vec<usize> = (0..layout.nodes.len()).step_by(BOXES_PER_PIECE).collect();
    pieces.par_extend(starts.into_par_iter().map(|start| {
        let end = (start + BOXES_PER_PIECE).min(layout.nodes.len());
        let mut out = String::with_capacity((end - start) * 350);
        (start..end).for_each(|at| placed_box(&mut out, graph, layout, at));
        out
    }));
    pieces.push(legend(layout));
    pieces
}

/// One flow: a curve from the right of one box to the left of the other, with its title.
fn flow(out: &mut String, graph: &Graph, layout: &Layout, e: &Edge) {
    let (from, to) = (&layout.nodes[e.from].rect, &layout.nodes[e.to].rect);
    let ((x1, y1), (x2, y2)) = (from.right(), to.left());
    let bend = (x2.saturating_sub(x1)) / 2;
    let style = if e.problem.is_some() {
        PROBLEM_STROKE
    } else {
        EDGE_STROKE
    };
    let mut what = format!(
        "{} → {}",
        graph.nodes[e.from].label, graph.nodes[e.to].label
    );
    if let Some(label) = &e.label {
        let _ = write!(what, ": {label}");
    }
    if let Some(problem) = &e.problem {
        let _ = write!(what, ". Problem: {problem}");
    }
    let _ = write!(
        out,
        r#"<path d="M{x1} {y1} C{} {y1} {} {y2} {x2} {y2}" {style}><title>"#,
        x1 + bend,
        x2 - bend,
    );
    escape_into(out, &what);
    out.push_str("</title></path>\n");
}

/// One placed box: its title, its rectangle and its lines of text.
fn placed_box(out: &mut String, graph: &Graph, layout: &Layout, at: usize) {
    let node = &graph.nodes[at];
    let placed = &layout.nodes[at];
    let (fill, border) = node
        .group
        .as_ref()
        .and_then(|g| layout.colours.get(g))
        .map_or(PLAIN, |&i| colour(i));
    let r = &placed.rect;
    out.push_str("<g><title>");
    escape_into(out, &node_title(graph, at));
    let _ = write!(
        out,
        r#"</title><rect {} rx="4" fill="{fill}" "#,
        rect_attrs(r)
    );
    if node.problem.is_some() {
        out.push_str(PROBLEM_STROKE);
    } else {
        let _ = write!(out, r#"stroke="{border}""#);
    }
    out.push_str("/>");
    for (i, (style, text)) in placed.lines.iter().enumerate() {
        let y = r.y + PAD + LINE * u32::try_from(i).unwrap_or(0) + 12;
        let look = match style {
            Style::Label => r##"font-weight="600" fill="#0b0c0c""##,
            Style::Note => r##"font-size="11" fill="#383f43""##,
            Style::Problem => PROBLEM_TEXT,
        };
        let _ = write!(out, r#"<text x="{}" y="{y}" {look}>"#, r.x + PAD);
        escape_into(out, text);
        out.push_str("</text>");
    }
    out.push_str("</g>\n");
}

/// The key under the drawing, and the drawing's end.
fn legend(layout: &Layout) -> String {
    let mut out = String::new();
    for (row, text) in layout.legend_rows.iter().zip(legend_texts(&layout.colours)) {
        let function = text.strip_prefix("Business function: ");
        let swatch = function
            .and_then(|f| layout.colours.get(f))
            .map(|&i| colour(i));
        let mut x = row.x;
        if let Some((fill, border)) = swatch {
            let _ = write!(
                out,
                r#"<rect x="{x}" y="{}" width="14" height="14" fill="{fill}" stroke="{border}"/>"#,
                row.y + 2
            );
            x += 22;
        }
        let weight = if text == "Key" {
            r#" font-weight="700""#
        } else {
            ""
        };
        let _ = writeln!(
            out,
            r##"<text x="{x}" y="{}" fill="#0b0c0c"{weight}>{}</text>"##,
            row.y + 13,
            escape(&text)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::layout::layout;

    #[test]
    fn escaping_replaces_markup_and_control_characters_and_keeps_the_rest() {
        assert_eq!(
            escape("a&b<c>d\"e'f\u{0}g\u{85}h\ti é€"),
            "a&amp;b&lt;c&gt;d&quot;e&apos;f g h i é€"
        );
        assert_eq!(escape("<"), "&lt;");
        assert_eq!(escape(""), "");
        let mut out = String::from("x");
        escape_into(&mut out, "plain");
        assert_eq!(out, "xplain");
    }

    /// Drawn in pieces on several threads, every flow and box is in the drawing once, in the
    /// graph's order, between the drawing's start and its key.
    #[test]
    fn a_large_drawing_has_every_flow_and_box_once_in_order() {
        let graph = super::super::large_flow_graph(700);
        assert!(graph.edges.len() > 2 * FLOWS_PER_PIECE);
        assert!(graph.nodes.len() > 2 * BOXES_PER_PIECE);
        let layout = layout(&graph);
        let svg = render(&graph, &layout, "Map");
        assert!(svg.starts_with("<svg "));
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<path ").count(), graph.edges.len());
        let mut from = 0;
        for e in &graph.edges {
            let title = format!(
                "<title>{}</title>",
                escape(&format!(
                    "{} → {}",
                    graph.nodes[e.from].label, graph.nodes[e.to].label
                ))
            );
            let at = svg[from..]
                .find(&title)
                .expect("each flow, after the one before");
            from += at + title.len();
        }
        let mut from = 0;
        for at in 0..graph.nodes.len() {
            let title = format!("<g><title>{}</title>", escape(&node_title(&graph, at)));
            let found = svg[from..]
                .find(&title)
                .expect("each box, after the one before");
            from += found + title.len();
        }
        assert!(svg[from..].contains(">Key</text>"));
    }
}
