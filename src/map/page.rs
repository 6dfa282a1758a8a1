//! The map as a web page: the SVG inline, the key in words, and every flow as a table for
//! screen readers. No scripts; the HTML export's stylesheet.
// Indexing cannot panic here: edges name nodes of the same graph.
#![allow(clippy::indexing_slicing)]

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::graph::Graph;
use super::layout::{Layout, legend_texts};
use crate::export::html::{head, written_by};

/// The `<meta>` tag that marks a map page ropa wrote.
pub const MAP_META: &str = r#"<meta name="generator" content="ropa map">"#;

const NL: PreEscaped<&str> = PreEscaped("\n");

pub fn render(graph: &Graph, layout: &Layout, title: &str) -> String {
    let svg = super::svg::render(graph, layout, title);
    html! {
        (DOCTYPE) (NL)
        html lang="en-GB" { (NL)
        (head(MAP_META, title, "body { max-width: none; }\n")) (NL)
        body { (NL)
            header { h1 { (title) } } (NL)
            main { (NL)
                (section(graph, layout, &svg))
            } (NL)
        } (NL)
        } (NL)
    }
    .into_string()
}

/// The map's section: the drawing, its key and its table. The HTML export includes it too.
pub fn section(graph: &Graph, layout: &Layout, svg: &str) -> Markup {
    html! {
        section aria-labelledby="map" { (NL)
            h2 id="map" { "Data-flow map" } (NL)
            div.map { (PreEscaped(svg)) } (NL)
            h3 { "Key" } (NL)
            ul { @for text in legend_texts(&layout.colours).iter().skip(1) { li { (text) } (NL) } } (NL)
            h3 { "Every flow in the map" } (NL)
            (table(graph)) (NL)
        }
    }
}

fn table(graph: &Graph) -> Markup {
    html! {
        table.details { (NL)
            thead { tr { th scope="col" { "From" } th scope="col" { "To" } th scope="col" { "What it rests on" } } } (NL)
            tbody {
                @for e in &graph.edges { (NL)
                    @let (from, to) = (&graph.nodes[e.from], &graph.nodes[e.to]);
                    tr {
                        th scope="row" { (from.label) " (" (from.kind.word()) ")" }
                        td { (to.label) " (" (to.kind.word()) ")" }
                        td {
                            @if let Some(p) = &e.problem { strong { "Problem: " (p) } }
                            @else if let Some(l) = &e.label { (l) }
                            @if let Some(p) = &to.problem { " " strong { "Problem: " (p) } }
                        }
                    }
                }
                (NL)
            }
        }
    }
}

/// True when `bytes` are a map page this module wrote.
pub fn is_map_page(bytes: &[u8]) -> bool {
    written_by(bytes, MAP_META)
}
