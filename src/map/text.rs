//! The map as text for other tools: Mermaid (renders in GitHub and GitLab Markdown) and
//! Graphviz DOT. Both list the columns as groups, every node with its label and facts, and
//! every flow; a problem is a dashed line with its words.
// Indexing cannot panic here: node indexes come from enumerating the same graph.
#![allow(clippy::indexing_slicing)]

use std::fmt::Write;

use super::graph::Graph;

/// The first lines of the files ropa writes, so it may replace them later.
pub const MERMAID_MARKER: &str = "%% Written by `ropa map` from the register.";
pub const DOT_MARKER: &str = "// Written by `ropa map` from the register.";

/// A node's label with its notes and problem, one per line (`sep` joins the lines).
fn full_label(graph: &Graph, at: usize, sep: &str, escape: fn(&str) -> String) -> String {
    let node = &graph.nodes[at];
    let mut parts = vec![escape(&node.label)];
    parts.extend(node.notes.iter().map(|n| escape(n)));
    if let Some(problem) = &node.problem {
        parts.push(escape(&format!("Problem: {problem}")));
    }
    parts.join(sep)
}

/// Mermaid text inside a quoted label: quotes and markup characters become entity codes.
pub fn mermaid_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn mermaid(graph: &Graph) -> String {
    let mut out = format!("{MERMAID_MARKER}\nflowchart LR\n");
    for (column, title) in graph.columns.iter().enumerate() {
        if !graph.nodes.iter().any(|n| n.column == column) {
            continue;
        }
        let _ = writeln!(out, "  subgraph c{column}[\"{}\"]", mermaid_escape(title));
        for (at, node) in graph
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.column == column)
        {
            let _ = writeln!(
                out,
                "    n{at}[\"{}\"]",
                full_label(graph, at, "<br/>", mermaid_escape)
            );
            if node.problem.is_some() {
                let _ = writeln!(out, "    class n{at} problem");
            }
        }
        out.push_str("  end\n");
    }
    for e in &graph.edges {
        let words = match (&e.problem, &e.label) {
            (Some(p), _) => Some(format!("Problem: {p}")),
            (None, Some(l)) => Some(l.clone()),
            (None, None) => None,
        };
        let arrow = if e.problem.is_some() { "-.->" } else { "-->" };
        match words {
            Some(w) => {
                let _ = writeln!(
                    out,
                    "  n{} {arrow}|\"{}\"| n{}",
                    e.from,
                    mermaid_escape(&w),
                    e.to
                );
            }
            None => {
                let _ = writeln!(out, "  n{} {arrow} n{}", e.from, e.to);
            }
        }
    }
    out.push_str("  classDef problem stroke:#c0392b,stroke-width:3px,stroke-dasharray:6 4\n");
    out
}

/// DOT text inside a quoted string.
pub fn dot_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn dot(graph: &Graph, title: &str) -> String {
    let mut out = format!("{DOT_MARKER}\ndigraph ropa_map {{\n");
    let _ = writeln!(out, "  label=\"{}\";", dot_escape(title));
    out.push_str("  labelloc=t;\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    for (column, title) in graph.columns.iter().enumerate() {
        if !graph.nodes.iter().any(|n| n.column == column) {
            continue;
        }
        let _ = writeln!(out, "  subgraph cluster_{column} {{");
        let _ = writeln!(out, "    label=\"{}\";", dot_escape(title));
        for (at, node) in graph
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.column == column)
        {
            let problem = if node.problem.is_some() {
                ", color=\"#c0392b\", style=\"rounded,dashed\", penwidth=2"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    n{at} [label=\"{}\"{problem}];",
                full_label(graph, at, "\\n", dot_escape)
            );
        }
        out.push_str("  }\n");
    }
    for e in &graph.edges {
        let mut attrs = Vec::new();
        if let Some(p) = &e.problem {
            attrs.push(format!(
                "label=\"{}\"",
                dot_escape(&format!("Problem: {p}"))
            ));
            attrs.push("style=dashed, color=\"#c0392b\"".to_string());
        } else if let Some(l) = &e.label {
            attrs.push(format!("label=\"{}\"", dot_escape(l)));
        }
        if attrs.is_empty() {
            let _ = writeln!(out, "  n{} -> n{};", e.from, e.to);
        } else {
            let _ = writeln!(out, "  n{} -> n{} [{}];", e.from, e.to, attrs.join(", "));
        }
    }
    out.push_str("}\n");
    out
}
