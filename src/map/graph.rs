//! The data-flow graph drawn from the register: whose data flows into which activity, to which
//! recipients and processors, and to which countries outside the UK. Nodes sit in columns;
//! every edge goes from one column to a later one, which is what the column layout relies on.
// Indexing cannot panic here: node indexes are handed out by the builder as nodes are pushed.
#![allow(clippy::indexing_slicing)]

use std::collections::HashMap;

use crate::model::{Activity, Loaded, Register};
use crate::vocab::{Adequacy, adequacy_for};

/// Which picture to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// Data subjects → activities → recipients and processors → countries outside the UK.
    Flow,
    /// Activities → processors (with their contract status) → where they work.
    Processor,
    /// Activities → processors working abroad → destinations, with their adequacy status.
    Country,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Subject,
    Activity,
    Recipient,
    Processor,
    Country,
}

impl Kind {
    /// What a node's [`Node::key`] starts with, which makes it unique across kinds.
    fn key_prefix(self) -> &'static str {
        match self {
            Self::Subject => "subject",
            Self::Activity => "activity",
            Self::Recipient => "recipient",
            Self::Processor => "processor",
            Self::Country => "country",
        }
    }

    /// The kind in words, for tables and titles.
    pub fn word(self) -> &'static str {
        match self {
            Self::Subject => "data subjects",
            Self::Activity => "activity",
            Self::Recipient => "recipient",
            Self::Processor => "processor",
            Self::Country => "country",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable and unique: `activity:customer-services/cctv`, `country:US`.
    pub key: String,
    pub kind: Kind,
    pub column: usize,
    pub label: String,
    /// The business function of an activity: its group and colour.
    pub group: Option<String>,
    /// Short facts shown under the label: special category data, contract status, adequacy.
    pub notes: Vec<String>,
    /// A lint finding the node carries (a processor without a contract, a country a transfer
    /// without a mechanism goes to, a processor id with no file).
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// What the flow rests on, e.g. a transfer mechanism.
    pub label: Option<String>,
    /// A lint finding the flow carries, e.g. a transfer without a mechanism.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    pub columns: Vec<&'static str>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// What a node carries when it is made: its column, kind, label and key (unique within its
/// kind: an id, a country code, or a subject's or recipient's words in lower case).
struct NewNode<'a> {
    key: &'a str,
    kind: Kind,
    column: usize,
    label: &'a str,
}

/// A hash map with a fast, fixed hash: the keys are the register's own words, looked up and
/// never listed, so neither the default hash's resistance to crafted keys nor its random
/// seed buys anything here.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

#[derive(Default)]
struct Builder {
    graph: Graph,
    /// Each kind's nodes by key, looked up without making a key string for each mention.
    by_key: FastMap<Kind, FastMap<String, usize>>,
    /// Each flow's place in `graph.edges`, so a flow seen again is found at once.
    edges: FastMap<(usize, usize), usize>,
    /// The last subject or recipient put in lower case, kept to be written over.
    lowered: String,
}

impl Builder {
    /// The node with this key, made on first use (its label is the first spelling seen).
    fn node(&mut self, new: NewNode<'_>) -> usize {
        let nodes = self.by_key.entry(new.kind).or_default();
        if let Some(&at) = nodes.get(new.key) {
            return at;
        }
        let at = self.graph.nodes.len();
        nodes.insert(new.key.to_string(), at);
        self.graph.nodes.push(Node {
            key: format!("{}:{}", new.kind.key_prefix(), new.key),
            kind: new.kind,
            column: new.column,
            label: new.label.trim().to_string(),
            group: None,
            notes: Vec::new(),
            problem: None,
        });
        at
    }

    fn has(&self, kind: Kind, key: &str) -> bool {
        self.by_key
            .get(&kind)
            .is_some_and(|nodes| nodes.contains_key(key))
    }

    /// The node of a subject or recipient, written in words: the same words in other case or
    /// with other spaces around them are one node.
    fn words(&mut self, kind: Kind, column: usize, words: &str) -> usize {
        let mut lowered = std::mem::take(&mut self.lowered);
        lowered.clear();
        let words_trimmed = words.trim();
        if words_trimmed.is_ascii() {
            lowered.push_str(words_trimmed);
            lowered.make_ascii_lowercase();
        } else {
            lowered.push_str(&words_trimmed.to_lowercase());
        }
        let at = self.node(NewNode {
            key: &lowered,
            kind,
            column,
            label: words,
        });
        self.lowered = lowered;
        at
    }

    fn edge(&mut self, from: usize, to: usize, label: Option<String>, problem: Option<String>) {
        match self.edges.entry((from, to)) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(self.graph.edges.len());
                self.graph.edges.push(Edge {
                    from,
                    to,
                    label,
                    problem,
                });
            }
            // The same flow twice, once without a mechanism: the problem is what matters.
            std::collections::hash_map::Entry::Occupied(at) => {
                if let (Some(problem), Some(edge)) = (problem, self.graph.edges.get_mut(*at.get()))
                {
                    edge.problem = Some(problem);
                }
            }
        }
    }

    fn activity(&mut self, a: &Loaded<Activity>, column: usize) -> usize {
        let at = self.node(NewNode {
            key: &a.id,
            kind: Kind::Activity,
            column,
            label: &a.value.name,
        });
        let node = &mut self.graph.nodes[at];
        node.group = a
            .value
            .business_function
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string);
        let special: Vec<&str> = a
            .value
            .special_categories()
            .iter()
            .map(|c| c.label())
            .collect();
        if !special.is_empty() && node.notes.is_empty() {
            node.notes
                .push(format!("Special category data: {}", special.join(", ")));
        }
        if a.value.criminal_offence_data == Some(true) {
            node.notes.push("Criminal offence data".to_string());
        }
        at
    }

    /// The processor node for an id, with its contract status; a problem when the id has no
    /// file or the processor has no contract (the findings `unknown-processor` and
    /// `processor-contract-missing`).
    fn processor(&mut self, register: &Register, id: &str, column: usize) -> usize {
        let found = register.processor(id);
        let label = found.map_or(id, |p| p.value.name.as_str());
        let fresh = !self.has(Kind::Processor, id);
        let at = self.node(NewNode {
            key: id,
            kind: Kind::Processor,
            column,
            label,
        });
        if fresh {
            let node = &mut self.graph.nodes[at];
            match found {
                None => node.problem = Some(format!("no file processors/{id}.toml")),
                Some(p) => {
                    if let Some(service) =
                        p.value.service.as_deref().filter(|s| !s.trim().is_empty())
                    {
                        node.notes.push(service.trim().to_string());
                    }
                    if p.value.has_contract() {
                        node.notes.push("Contract recorded".to_string());
                    } else {
                        node.problem = Some("no contract recorded".to_string());
                    }
                }
            }
        }
        at
    }

    fn country(&mut self, code: &str, column: usize) -> usize {
        let name = crate::describe::country(code);
        let fresh = !self.has(Kind::Country, code);
        let at = self.node(NewNode {
            key: code,
            kind: Kind::Country,
            column,
            label: &name,
        });
        if fresh {
            let note = match adequacy_for(code) {
                Adequacy::Domestic => "The UK: no transfer".to_string(),
                Adequacy::Full => "UK adequacy regulations cover it".to_string(),
                Adequacy::Partial(scope) => format!("UK adequacy covers only {scope}"),
                Adequacy::None => "No UK adequacy regulations".to_string(),
            };
            self.graph.nodes[at].notes.push(note);
        }
        at
    }

    /// The transfers an activity records, as edges to their countries; one without a
    /// mechanism is a problem (`transfer-mechanism-missing`), and so is its country.
    fn transfers(&mut self, a: &Loaded<Activity>, from: usize, column: usize) {
        for t in a.value.transfers.iter().flatten() {
            let to = match t.country.as_ref().map(|c| c.0.as_str()) {
                Some("GB") => continue,
                Some(code) => self.country(code, column),
                // `transfer-destination-missing`: the flow is drawn, to a box that says so.
                None => {
                    let at = self.node(NewNode {
                        key: "?",
                        kind: Kind::Country,
                        column,
                        label: "Country not recorded",
                    });
                    self.graph.nodes[at].problem =
                        Some("a transfer does not name its country".to_string());
                    at
                }
            };
            match t.mechanism {
                Some(m) => self.edge(from, to, Some(m.label().to_string()), None),
                None => {
                    self.edge(from, to, None, Some("no transfer mechanism".to_string()));
                    self.graph.nodes[to].problem =
                        Some("a transfer here has no mechanism".to_string());
                }
            }
        }
    }

    /// Where a processor and its sub-processors work, as edges to those countries.
    fn processor_countries(
        &mut self,
        register: &Register,
        id: &str,
        from: usize,
        column: usize,
        with_uk: bool,
    ) {
        let Some(p) = register.processor(id) else {
            return;
        };
        for code in p.value.countries.iter().flatten() {
            if with_uk || code.0 != "GB" {
                let to = self.country(&code.0, column);
                self.edge(from, to, Some("where it works".to_string()), None);
            }
        }
        for sub in p.value.sub_processors.iter().flatten() {
            for code in sub.countries() {
                if with_uk || code.0 != "GB" {
                    let to = self.country(&code.0, column);
                    self.edge(
                        from,
                        to,
                        Some(format!("sub-processor {}", sub.name())),
                        None,
                    );
                }
            }
        }
    }
}

/// Whether the processor works anywhere outside the UK, itself or through a sub-processor.
fn works_abroad(register: &Register, id: &str) -> bool {
    register
        .processor(id)
        .is_some_and(|p| p.value.all_countries().iter().any(|c| *c != "GB"))
}

/// The graph of the chosen activities.
pub fn build(register: &Register, activities: &[&Loaded<Activity>], by: By) -> Graph {
    let mut b = Builder::default();
    match by {
        By::Flow => {
            b.graph.columns = vec!["Whose data", "Activities", "Shared with", "Outside the UK"];
            for a in activities {
                let at = b.activity(a, 1);
                for subject in a
                    .value
                    .data_subjects
                    .iter()
                    .flatten()
                    .filter(|s| !s.trim().is_empty())
                {
                    let from = b.words(Kind::Subject, 0, subject);
                    b.edge(from, at, None, None);
                }
                for recipient in a
                    .value
                    .recipients
                    .iter()
                    .flatten()
                    .filter(|r| !r.trim().is_empty())
                {
                    let to = b.words(Kind::Recipient, 2, recipient);
                    b.edge(at, to, None, None);
                }
                for id in a.value.processors.iter().flatten() {
                    let to = b.processor(register, &id.0, 2);
                    b.edge(at, to, None, None);
                    b.processor_countries(register, &id.0, to, 3, false);
                }
                b.transfers(a, at, 3);
            }
        }
        By::Processor => {
            b.graph.columns = vec!["Activities", "Processors", "Where they work"];
            for a in activities {
                let ids: Vec<&str> = a.value.processor_ids().collect();
                if ids.is_empty() {
                    continue;
                }
                let at = b.activity(a, 0);
                for id in ids {
                    let to = b.processor(register, id, 1);
                    b.edge(at, to, None, None);
                    b.processor_countries(register, id, to, 2, true);
                }
            }
        }
        By::Country => {
            b.graph.columns = vec!["Activities", "Processors working abroad", "Destinations"];
            for a in activities {
                let abroad: Vec<&str> = a
                    .value
                    .processor_ids()
                    .filter(|id| works_abroad(register, id))
                    .collect();
                let transfers = a
                    .value
                    .transfers
                    .iter()
                    .flatten()
                    .any(|t| t.country.as_ref().is_none_or(|c| c.0 != "GB"));
                if abroad.is_empty() && !transfers {
                    continue;
                }
                let at = b.activity(a, 0);
                b.transfers(a, at, 2);
                for id in abroad {
                    let to = b.processor(register, id, 1);
                    b.edge(at, to, None, None);
                    b.processor_countries(register, id, to, 2, false);
                }
            }
        }
    }
    b.graph
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A subject or recipient written in other case or with spaces around it is the same box,
    /// labelled as first written, in ASCII or not; other words are another box.
    #[test]
    fn the_same_words_in_other_case_are_one_node() {
        let texts = [
            ("ropa.toml", "[controller]\nname = \"C\"\n"),
            (
                "activities/a.toml",
                "name = \"A\"\ndata_subjects = [\"Residents\", \"Élèves\"]\nrecipients = [\"Police\"]\n",
            ),
            (
                "activities/b.toml",
                "name = \"B\"\ndata_subjects = [\" residents \", \"ÉLÈVES\", \"Staff\"]\nrecipients = [\"POLICE\", \"Police Scotland\"]\n",
            ),
        ];
        let register = crate::load::load(&crate::source::MemorySource::from_texts("reg", &texts))
            .unwrap()
            .register;
        let activities: Vec<_> = register.activities.iter().collect();
        let graph = build(&register, &activities, By::Flow);
        let nodes: Vec<(&str, &str)> = graph
            .nodes
            .iter()
            .map(|n| (n.key.as_str(), n.label.as_str()))
            .collect();
        assert_eq!(
            nodes,
            [
                ("activity:a", "A"),
                ("subject:residents", "Residents"),
                ("subject:élèves", "Élèves"),
                ("recipient:police", "Police"),
                ("activity:b", "B"),
                ("subject:staff", "Staff"),
                ("recipient:police scotland", "Police Scotland"),
            ]
        );
        assert_eq!(graph.edges.len(), 8);
    }
}
