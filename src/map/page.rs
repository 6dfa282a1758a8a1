//! The map as a web page: the SVG inline, the key in words, and every flow as a table for
//! screen readers. No scripts; the HTML export's stylesheet.
// Indexing cannot panic here: edges name nodes of the same graph.
#![allow(clippy::indexing_slicing)]

use maud::{DOCTYPE, Markup, PreEscaped, html};
use rayon::prelude::*;

use super::graph::Graph;
use super::layout::{Layout, legend_texts};
use crate::export::html::{Text, head, written_by};

/// The `<meta>` tag that marks a map page ropa wrote.
pub const MAP_META: &str = r#"<meta name="generator" content="ropa map">"#;

const NL: PreEscaped<&str> = PreEscaped("\n");

/// The map as a web page.
pub fn render(graph: &Graph, layout: &Layout, title: &str) -> String {
    String::from_utf8(render_in_pieces(graph, layout, title).concat()).unwrap_or_default()
}

/// [`render`]'s bytes in the pieces they are made in, to be written as they are: the drawing
/// and the table are not copied into the page.
pub fn render_in_pieces(graph: &Graph, layout: &Layout, title: &str) -> Vec<Vec<u8>> {
    let svg = super::svg::render_in_pieces(graph, layout, title);
    let skeleton = html! {
        (DOCTYPE) (NL)
        html lang="en-GB" { (NL)
        (head(MAP_META, title, "body { max-width: none; }\n")) (NL)
        body { (NL)
            header { h1 { (title) } } (NL)
            main { (NL)
                (PreEscaped(SECTION_GOES_HERE))
            } (NL)
        } (NL)
        } (NL)
    }
    .into_string();
    // maud escapes `<` in every value, so the mark is found only where it was put.
    let (before, after) = skeleton
        .split_once(SECTION_GOES_HERE)
        .unwrap_or((&skeleton, ""));
    let mut pieces = vec![before.as_bytes().to_vec()];
    pieces.extend(section_in_pieces(graph, layout, svg));
    pieces.push(after.as_bytes().to_vec());
    pieces
}

/// Where the map's section goes in its own page: markup no value can produce.
const SECTION_GOES_HERE: &str = "<ropa-section-goes-here>";

/// The map's section, in pieces, in order: the drawing (in `svg`'s pieces), its key and its
/// table; the HTML export includes it too. The drawing is not copied into the page, and the
/// table's rows (one per flow: tens of thousands at 10,000 activities) are written on every
/// core. Copying megabytes of drawing and table into a string that grows by doubling was
/// most of the map's share of the web page.
pub fn section_in_pieces(graph: &Graph, layout: &Layout, svg: Vec<String>) -> Vec<Vec<u8>> {
    let skeleton = html! {
        section aria-labelledby="map" { (NL)
            h2 id="map" { "Data-flow map" } (NL)
            div.map { (PreEscaped(SVG_GOES_HERE)) } (NL)
            h3 { "Key" } (NL)
            ul { @for text in legend_texts(&layout.colours).iter().skip(1) { li { (text) } (NL) } } (NL)
            h3 { "Every flow in the map" } (NL)
            table.details { (NL)
                thead { tr { th scope="col" { "From" } th scope="col" { "To" } th scope="col" { "What it rests on" } } } (NL)
                tbody { (PreEscaped(ROWS_GO_HERE)) (NL) }
            } (NL)
        }
    }
    .into_string();
    // maud escapes `<` in every value, so each mark is found only where it was put.
    let (before_svg, rest) = skeleton
        .split_once(SVG_GOES_HERE)
        .unwrap_or((&skeleton, ""));
    let (before_rows, after_rows) = rest.split_once(ROWS_GO_HERE).unwrap_or((rest, ""));
    let mut pieces = vec![before_svg.as_bytes().to_vec()];
    pieces.extend(svg.into_iter().map(String::into_bytes));
    pieces.push(before_rows.as_bytes().to_vec());
    pieces.par_extend(
        graph
            .edges
            .par_chunks(FLOWS_PER_PIECE)
            .map(|edges| rows(graph, edges).into_string().into_bytes()),
    );
    pieces.push(after_rows.as_bytes().to_vec());
    pieces
}

/// Where the drawing and the table's rows go in the section: markup no value can produce.
const SVG_GOES_HERE: &str = "<ropa-map-goes-here>";
const ROWS_GO_HERE: &str = "<ropa-rows-go-here>";

/// Rows of the table written together on one thread.
const FLOWS_PER_PIECE: usize = 1024;

/// The table's row for each of `edges`, each after a line break.
fn rows(graph: &Graph, edges: &[super::graph::Edge]) -> Markup {
    html! {
        @for e in edges { (NL)
            @let (from, to) = (&graph.nodes[e.from], &graph.nodes[e.to]);
            tr {
                th scope="row" { (Text(&from.label)) " (" (from.kind.word()) ")" }
                td { (Text(&to.label)) " (" (to.kind.word()) ")" }
                td {
                    @if let Some(p) = &e.problem { strong { "Problem: " (Text(p)) } }
                    @else if let Some(l) = &e.label { (Text(l)) }
                    @if let Some(p) = &to.problem { " " strong { "Problem: " (Text(p)) } }
                }
            }
        }
    }
}

/// True when `bytes` are a map page this module wrote.
pub fn is_map_page(bytes: &[u8]) -> bool {
    written_by(bytes, MAP_META)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::layout::layout;

    /// A map with more flows than one piece of rows holds: the pieces join into the section
    /// with every row once, in the order of the flows.
    #[test]
    fn the_rows_of_a_large_map_are_written_in_pieces_in_order() {
        let graph = super::super::large_flow_graph(700);
        assert!(
            graph.edges.len() > 2 * FLOWS_PER_PIECE,
            "{} flows",
            graph.edges.len()
        );
        let layout = layout(&graph);
        let pieces = section_in_pieces(&graph, &layout, vec!["<svg/>".to_string()]);
        let rows_at_once = rows(&graph, &graph.edges).into_string();
        let joined = String::from_utf8(pieces.concat()).unwrap();
        assert!(joined.contains("<div class=\"map\"><svg/></div>"));
        assert!(joined.contains(&format!("<tbody>{rows_at_once}\n</tbody>")));
        assert_eq!(joined.matches("<tr>").count(), graph.edges.len() + 1);
        assert!(!joined.contains("<ropa-"));
    }
}
