//! `ropa map`: the data-flow map auditors ask for, drawn from the register.
//!
//! [`graph`] builds the nodes and edges (the same findings as lint mark the problems),
//! [`layout`] places them in columns, and [`svg`], [`page`] and [`text`] write them out.

pub mod graph;
pub mod layout;
pub mod page;
pub mod svg;
pub mod text;

pub use graph::{By, Graph, build};
pub use layout::layout;

/// The first line of every SVG ropa map writes, so it may replace its own file.
pub const SVG_MARKER: &str = "<!-- Written by `ropa map` from the register. -->";

/// The map as an SVG file: the marker comment, then the drawing.
pub fn svg_file(graph: &Graph, title: &str) -> String {
    String::from_utf8(svg_file_in_pieces(graph, title).concat()).unwrap_or_default()
}

/// [`svg_file`]'s bytes in the pieces the drawing is made in, to be written as they are:
/// joined, the drawing of 50,000 activities (65 MB) was copied twice more before it was
/// written.
pub fn svg_file_in_pieces(graph: &Graph, title: &str) -> Vec<Vec<u8>> {
    let mut pieces = vec![format!("{SVG_MARKER}\n").into_bytes()];
    pieces.extend(
        svg::render_in_pieces(graph, &layout(graph), title)
            .into_iter()
            .map(String::into_bytes),
    );
    pieces
}

/// The flow map's section of a web page (`ropa export html` includes it), in pieces.
pub fn html_section(
    register: &crate::model::Register,
    activities: &[&crate::model::Loaded<crate::model::Activity>],
    title: &str,
) -> Vec<Vec<u8>> {
    let graph = build(register, activities, By::Flow);
    let layout = layout(&graph);
    let svg = svg::render_in_pieces(&graph, &layout, title);
    page::section_in_pieces(&graph, &layout, svg)
}

/// True when `bytes` are a file `ropa map` wrote, in any format.
pub fn is_map(bytes: &[u8]) -> bool {
    bytes.starts_with(SVG_MARKER.as_bytes())
        || bytes.starts_with(text::MERMAID_MARKER.as_bytes())
        || bytes.starts_with(text::DOT_MARKER.as_bytes())
        || page::is_map_page(bytes)
}

/// The flow graph of `count` activities, each with a subject and a recipient of its own
/// beside shared ones: a map large enough to be drawn and written in several pieces.
#[cfg(test)]
fn large_flow_graph(count: usize) -> Graph {
    let mut files = vec![(
        "ropa.toml".to_string(),
        "[controller]\nname = \"C\"\n".to_string(),
    )];
    for i in 0..count {
        files.push((
            format!("activities/a-{i:03}.toml"),
            format!(
                "name = \"A {i}\"\ndata_subjects = [\"Residents\", \"Staff {i}\"]\nrecipients = [\"Police\", \"Agency {i}\"]\n"
            ),
        ));
    }
    let register = crate::load::load(&crate::source::MemorySource::from_texts("reg", &files))
        .unwrap()
        .register;
    let activities: Vec<_> = register.activities.iter().collect();
    build(&register, &activities, By::Flow)
}
