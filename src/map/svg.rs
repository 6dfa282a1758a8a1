//! The map as SVG, drawn by ropa itself: real text, a `<title>` on every box and line, colour
//! backed by words (a problem is dashed and says what it is), whole-pixel coordinates so the
//! same register gives the same bytes.
// Indexing cannot panic here: edges and placed boxes index the nodes of the same graph.
#![allow(clippy::indexing_slicing)]

use std::fmt::Write;

use super::graph::Graph;
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
const PROBLEM: &str = "#c0392b";
const EDGE: &str = "#8a9298";

pub fn colour(index: usize) -> (&'static str, &'static str) {
    PALETTE
        .get(index % PALETTE.len().max(1))
        .copied()
        .unwrap_or(PLAIN)
}

/// Text made safe for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
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

pub fn render(graph: &Graph, layout: &Layout, title: &str) -> String {
    // Room for the whole drawing, from what a flow and a box take (about 150 and 350 bytes):
    // at 10,000 activities it is megabytes, and growing it by doubling copied it each time.
    let mut out = String::with_capacity(graph.edges.len() * 150 + graph.nodes.len() * 350);
    let (w, h) = (layout.width, layout.height);
    let activities = graph
        .nodes
        .iter()
        .filter(|n| n.kind == super::graph::Kind::Activity)
        .count();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="map-title map-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(out, r#"<title id="map-title">{}</title>"#, escape(title));
    let _ = writeln!(
        out,
        r#"<desc id="map-desc">{activities} activities, {} boxes and {} flows, in columns: {}.</desc>"#,
        graph.nodes.len(),
        graph.edges.len(),
        escape(&graph.columns.join(", "))
    );
    let _ = writeln!(out, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
    for (text, r) in &layout.headers {
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{}" font-size="15" font-weight="700" fill="#0b0c0c">{}</text>"##,
            r.x,
            r.y + 18,
            escape(text)
        );
    }
    out.push_str("<g fill=\"none\" stroke-width=\"1.5\">\n");
    for e in &graph.edges {
        let (from, to) = (&layout.nodes[e.from].rect, &layout.nodes[e.to].rect);
        let ((x1, y1), (x2, y2)) = (from.right(), to.left());
        let bend = (x2.saturating_sub(x1)) / 2;
        let style = if e.problem.is_some() {
            format!(r#"stroke="{PROBLEM}" stroke-width="2.5" stroke-dasharray="6 4""#)
        } else {
            format!(r#"stroke="{EDGE}""#)
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
        let _ = writeln!(
            out,
            r#"<path d="M{x1} {y1} C{} {y1} {} {y2} {x2} {y2}" {style}><title>{}</title></path>"#,
            x1 + bend,
            x2 - bend,
            escape(&what)
        );
    }
    out.push_str("</g>\n");
    for g in &layout.groups {
        let (fill, border) = if g.colour == usize::MAX {
            PLAIN
        } else {
            colour(g.colour)
        };
        let _ = writeln!(
            out,
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
    for (at, placed) in layout.nodes.iter().enumerate() {
        let node = &graph.nodes[at];
        let (fill, border) = node
            .group
            .as_ref()
            .and_then(|g| layout.colours.get(g))
            .map_or(PLAIN, |&i| colour(i));
        let stroke = if node.problem.is_some() {
            format!(r#"stroke="{PROBLEM}" stroke-width="2.5" stroke-dasharray="6 4""#)
        } else {
            format!(r#"stroke="{border}""#)
        };
        let r = &placed.rect;
        let _ = write!(
            out,
            r#"<g><title>{}</title><rect {} rx="4" fill="{fill}" {stroke}/>"#,
            escape(&node_title(graph, at)),
            rect_attrs(r)
        );
        for (i, (style, text)) in placed.lines.iter().enumerate() {
            let y = r.y + PAD + LINE * u32::try_from(i).unwrap_or(0) + 12;
            let look = match style {
                Style::Label => r##"font-weight="600" fill="#0b0c0c""##.to_string(),
                Style::Note => r##"font-size="11" fill="#383f43""##.to_string(),
                Style::Problem => format!(r#"font-size="11" font-weight="700" fill="{PROBLEM}""#),
            };
            let _ = write!(
                out,
                r#"<text x="{}" y="{y}" {look}>{}</text>"#,
                r.x + PAD,
                escape(text)
            );
        }
        out.push_str("</g>\n");
    }
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
