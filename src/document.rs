//! A parsed TOML file: its JSON form for schema checks and typed deserialisation, and a tree of
//! spans so diagnostics can point at the exact key or value.
// Indexing cannot panic here: spans come from the parser for this very text.
#![allow(clippy::indexing_slicing)]

use std::ops::Range;

use std::borrow::Cow;

use serde_json::{Map, Number, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One step of a path into a document: a table key or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The spans of every key and value of a file, without the values themselves.
///
/// The tree is flat: every node, table entry and list item of the file sits in one list of
/// its kind, and a table or list names the run of the next level that is its own. A file's
/// tree is then five allocations rather than one or two per key (the trees of a register
/// stay in memory while it is checked: 10,000 activities had 360,000 keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    root: Node,
    /// The nodes below the root; a list's items are a run of consecutive nodes.
    nodes: Box<[Node]>,
    /// Every table's entries, each table's a run sorted by position in the file.
    entries: Box<[Entry]>,
    /// The spans of the items of [`Kind::Leaves`] lists, each list's a run.
    items: Box<[Span]>,
    /// The text of every key, one after another; an entry names its part.
    keys: Box<str>,
    /// Where the file holds decimal numbers (TOML floats, including `nan` and `inf`). The
    /// format has no decimal fields, so the loader reports each one where a schema cannot:
    /// `6.0` would pass as a whole number.
    floats: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Node {
    span: Span,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of [`Document::entries`].
    Table(Run),
    /// A run of [`Document::nodes`].
    Array(Run),
    /// A list of plain values (the usual list: purposes, data subjects): a run of
    /// [`Document::items`], each item's span alone.
    Leaves(Run),
    Leaf,
}

/// Positions `start..end` in one of a [`Document`]'s lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    start: u32,
    end: u32,
}

impl Run {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    /// Where the key's text is in [`Document::keys`].
    key: Run,
    key_span: Span,
    /// The value's position in [`Document::nodes`].
    value: u32,
}

/// Where a step into the tree lands: a node, or an item of a [`Kind::Leaves`] list.
#[derive(Clone, Copy)]
enum At<'a> {
    Node(&'a Node),
    Item(Span),
}

impl At<'_> {
    fn span(self) -> Span {
        match self {
            At::Node(node) => node.span,
            At::Item(span) => span,
        }
    }
}

/// A byte range in a file. Files are at most a few MiB (`source::LARGEST_FILE`), so `u32`
/// holds any offset; a larger one is clamped, never wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn of(range: Range<usize>) -> Self {
        let clamp = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Self {
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    fn contains(self, offset: usize) -> bool {
        self.range().contains(&offset)
    }
}

/// A list position as `u32`: a file of at most a few MiB has fewer keys and values than that.
fn position(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// Where a path leads: the key's span (when the last step is a key) and the value's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub key: Option<Range<usize>>,
    pub value: Range<usize>,
}

impl Document {
    /// A document with no keys: what is left once a file's positions are no longer needed.
    pub fn empty() -> Self {
        Self {
            root: Node {
                span: Span::of(0..0),
                kind: Kind::Table(Run { start: 0, end: 0 }),
            },
            nodes: Box::new([]),
            entries: Box::new([]),
            items: Box::new([]),
            keys: Box::from(""),
            floats: Vec::new(),
        }
    }

    fn entries_of(&self, run: Run) -> &[Entry] {
        self.entries.get(run.range()).unwrap_or_default()
    }

    fn key(&self, entry: &Entry) -> &str {
        self.keys.get(entry.key.range()).unwrap_or_default()
    }

    fn node(&self, at: u32) -> Option<&Node> {
        self.nodes.get(at as usize)
    }

    /// The key's span (for a key) and where `seg` leads from `at`, if it exists.
    fn step<'d>(&'d self, at: At<'d>, seg: Seg<'_>) -> Option<(Option<Span>, At<'d>)> {
        let At::Node(node) = at else {
            return None;
        };
        match (seg, node.kind) {
            (Seg::Key(k), Kind::Table(run)) => {
                let entry = self.entries_of(run).iter().find(|e| self.key(e) == k)?;
                Some((Some(entry.key_span), At::Node(self.node(entry.value)?)))
            }
            (Seg::Index(i), Kind::Array(run)) => {
                let items = self.nodes.get(run.range())?;
                Some((None, At::Node(items.get(i)?)))
            }
            (Seg::Index(i), Kind::Leaves(run)) => {
                let items = self.items.get(run.range())?;
                Some((None, At::Item(*items.get(i)?)))
            }
            _ => None,
        }
    }

    /// Parses TOML text into its span tree and JSON value, for the schema check. The error
    /// carries the parser's message and span.
    pub fn parse(text: &str) -> Result<(Self, Value), toml::de::Error> {
        let root = DeTable::parse(text)?;
        let (doc, _) = Self::of_table(&root, text);
        Ok((doc, json_of(&root, text)))
    }

    /// Parses TOML text into its span tree and the parser's own table, which the model can be
    /// read from directly, without a JSON copy. The flag is true when reading it directly
    /// gives what the JSON route would: no decimal numbers, no multi-line string whose line
    /// breaks need normalising, and no list that might repeat an item (the schema's
    /// `uniqueItems`). When it is false the caller takes the JSON route, whose messages
    /// say exactly what is wrong.
    ///
    /// With [`Positions::Drop`] the document is [`Document::empty`]: the file is only checked
    /// for what the flag needs, at a fraction of the cost of building the tree.
    pub fn parse_direct(
        text: &str,
        positions: Positions,
    ) -> Result<(Self, Spanned<DeTable<'_>>, bool), toml::de::Error> {
        let root = DeTable::parse(text)?;
        let (doc, direct) = match positions {
            Positions::Keep => Self::of_table(&root, text),
            Positions::Drop | Positions::ValuesOnly => {
                (Self::empty(), readable_directly(&root, text))
            }
        };
        Ok((doc, root, direct))
    }

    /// The span tree of a table [`Document::parse_direct`] returned without one.
    pub fn of_parsed(root: &Spanned<DeTable<'_>>, text: &str) -> Self {
        Self::of_table(root, text).0
    }

    fn of_table(root: &Spanned<DeTable<'_>>, text: &str) -> (Self, bool) {
        SCRATCH.with_borrow_mut(|lists| {
            lists.clear();
            let mut tree = Tree {
                spans: Spans::new(text),
                lists,
            };
            let entries = tree.table(root.get_ref());
            let direct = tree.spans.direct();
            let floats = tree.spans.floats;
            let lists = tree.lists;
            let doc = Self {
                root: Node {
                    span: Span::of(root.span()),
                    kind: Kind::Table(entries),
                },
                nodes: Box::from(lists.nodes.as_slice()),
                entries: Box::from(lists.entries.as_slice()),
                items: Box::from(lists.items.as_slice()),
                keys: Box::from(lists.keys.as_str()),
                floats,
            };
            (doc, direct)
        })
    }

    /// The spans of the decimal numbers in the file, in file order.
    pub fn floats(&self) -> &[Range<usize>] {
        &self.floats
    }

    /// The key and value spans at `path`, if every step exists.
    pub fn find(&self, path: &[Seg<'_>]) -> Option<Found> {
        let mut at = At::Node(&self.root);
        let mut key = None;
        for seg in path {
            let (step_key, next) = self.step(at, *seg)?;
            key = step_key.map(Span::range);
            at = next;
        }
        Some(Found {
            key,
            value: at.span().range(),
        })
    }

    /// The best place to point at for `path`: the value if present, else the key of the
    /// deepest step that exists (a missing `law` points at `[lawful_basis]`), else the start
    /// of the file.
    pub fn span_for(&self, path: &[Seg<'_>]) -> Range<usize> {
        if let Some(found) = self.find(path) {
            return found.value;
        }
        self.nearest_existing(path)
    }

    /// The spans of the keys of the table at `path`, by key: one pass for a table whose keys
    /// are all looked up (a file with 100,000 unknown keys), instead of a search for each.
    pub fn key_spans_of_table(
        &self,
        path: &[Seg<'_>],
    ) -> std::collections::HashMap<&str, Range<usize>> {
        let mut at = At::Node(&self.root);
        for seg in path {
            match self.step(at, *seg) {
                Some((_, next)) => at = next,
                None => return Default::default(),
            }
        }
        match at {
            At::Node(Node {
                kind: Kind::Table(run),
                ..
            }) => self
                .entries_of(*run)
                .iter()
                .map(|e| (self.key(e), e.key_span.range()))
                .collect(),
            _ => Default::default(),
        }
    }

    /// The span of the key at `path`, falling back like [`Self::span_for`].
    pub fn key_span_for(&self, path: &[Seg<'_>]) -> Range<usize> {
        match self.find(path) {
            Some(Found { key: Some(key), .. }) => key,
            Some(found) => found.value,
            None => self.nearest_existing(path),
        }
    }

    /// The keys leading to the deepest key or value that holds byte `offset`, joined with
    /// `.` and without array positions (`retention.period`): where a finding is, in words
    /// that do not change when lines are added above it or entries are reordered.
    pub fn key_path_at(&self, offset: usize) -> String {
        let mut keys: Vec<&str> = Vec::new();
        let mut node = &self.root;
        loop {
            let next = match node.kind {
                // A `[table]` or `[[array]]` header's span is the header alone; its keys
                // run on to the next header, so the last one begun before `offset` holds it.
                Kind::Table(run) => {
                    let entries = self.entries_of(run);
                    let value = |e: &Entry| self.node(e.value);
                    entries
                        .iter()
                        .find(|e| {
                            e.key_span.contains(offset)
                                || value(e).is_some_and(|v| v.span.contains(offset))
                                || e.key_span.range().start == offset
                        })
                        .or_else(|| {
                            entries.iter().rev().find(|e| {
                                e.key_span.range().start <= offset
                                    && value(e).is_some_and(|v| v.kind != Kind::Leaf)
                            })
                        })
                        .and_then(|e| {
                            keys.push(self.key(e));
                            value(e)
                        })
                }
                Kind::Array(run) => {
                    let items = self.nodes.get(run.range()).unwrap_or_default();
                    items
                        .iter()
                        .find(|i| i.span.contains(offset))
                        .or_else(|| items.iter().rev().find(|i| i.span.range().start <= offset))
                }
                // An item of a list has no keys below it.
                Kind::Leaves(_) | Kind::Leaf => None,
            };
            match next {
                Some(inner) => node = inner,
                None => return keys.join("."),
            }
        }
    }

    fn nearest_existing(&self, path: &[Seg<'_>]) -> Range<usize> {
        for len in (1..path.len()).rev() {
            if let Some(found) = self.find(&path[..len]) {
                return found.key.unwrap_or(found.value.start..found.value.start);
            }
        }
        0..0
    }
}

/// Whether a loaded file keeps the spans of its keys and values. Only a command that
/// reports lint findings at their place needs them (`lint`, `show`, `diff`, `log`,
/// `export --with-findings`); they are most of
/// the work of loading a file beyond parsing it, and much of its memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Positions {
    Keep,
    /// No positions, but every file's text: lint can still run (the placeholder search reads
    /// the text), and a finding shows the first line of its file.
    Drop,
    /// No positions, and an activity's text only when loading it found a problem, to show
    /// it: for a command that reads only values once the register has loaded (`check`,
    /// `map`, `notice`, most exports). Each text is let go of as soon as its file is read,
    /// so the memory of one is used again for the next.
    ValuesOnly,
}

/// What building the span tree collects beside the spans.
struct Spans<'t> {
    text: &'t str,
    floats: Vec<Range<usize>>,
    /// False once something is found that only the JSON route reads faithfully.
    direct: bool,
}

impl<'t> Spans<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            floats: Vec::new(),
            direct: true,
        }
    }

    /// Notes what one value means for the direct route: a multi-line string whose line
    /// breaks need normalising, a decimal number, a list that might repeat an item. The span
    /// tree and the position-free check share it, so the two cannot disagree.
    fn note(&mut self, value: &Spanned<DeValue<'_>>) {
        match value.get_ref() {
            DeValue::String(s) => {
                if matches!(
                    normalised_string(self.text, s, &value.span()),
                    Cow::Owned(_)
                ) {
                    self.direct = false;
                }
            }
            DeValue::Float(_) => self.floats.push(value.span()),
            DeValue::Array(items) => {
                if !items_are_distinct(items) {
                    self.direct = false;
                }
            }
            DeValue::Integer(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
            DeValue::Table(_) => {}
        }
    }

    fn direct(&self) -> bool {
        self.direct && self.floats.is_empty()
    }
}

/// The flag of [`Document::parse_direct`] without building the tree: every value noted.
fn readable_directly(root: &Spanned<DeTable<'_>>, text: &str) -> bool {
    fn walk(value: &Spanned<DeValue<'_>>, ctx: &mut Spans<'_>) {
        ctx.note(value);
        match value.get_ref() {
            DeValue::Array(items) => items.iter().for_each(|item| walk(item, ctx)),
            DeValue::Table(table) => table.values().for_each(|value| walk(value, ctx)),
            _ => {}
        }
    }
    let mut ctx = Spans::new(text);
    root.get_ref()
        .values()
        .for_each(|value| walk(value, &mut ctx));
    ctx.direct()
}

/// A [`Document`]'s lists as they are built.
#[derive(Default)]
struct Lists {
    nodes: Vec<Node>,
    entries: Vec<Entry>,
    items: Vec<Span>,
    keys: String,
}

impl Lists {
    fn clear(&mut self) {
        self.nodes.clear();
        self.entries.clear();
        self.items.clear();
        self.keys.clear();
    }
}

thread_local! {
    /// The lists of the last tree built on this thread: the next tree is built in them and
    /// copied out at its size, so no list of the thousands of trees grows step by step.
    static SCRATCH: std::cell::RefCell<Lists> = std::cell::RefCell::default();
}

/// A tree being built: what is collected beside the spans, and the lists.
struct Tree<'t, 'l> {
    spans: Spans<'t>,
    lists: &'l mut Lists,
}

impl Tree<'_, '_> {
    /// Adds a table's entries, in file order, and everything below them; returns their run.
    fn table(&mut self, table: &DeTable<'_>) -> Run {
        let mut pairs: Vec<_> = table.iter().collect();
        pairs.sort_by_key(|(key, _)| key.span().start);
        let start = self.lists.entries.len();
        for (key, _) in &pairs {
            let key_start = self.lists.keys.len();
            self.lists.keys.push_str(key.get_ref());
            self.lists.entries.push(Entry {
                key: Run {
                    start: position(key_start),
                    end: position(self.lists.keys.len()),
                },
                key_span: Span::of(key.span()),
                value: u32::MAX,
            });
        }
        for (at, (_, value)) in pairs.iter().enumerate() {
            let node = self.node(value);
            let index = position(self.lists.nodes.len());
            self.lists.nodes.push(node);
            if let Some(entry) = self.lists.entries.get_mut(start + at) {
                entry.value = index;
            }
        }
        Run {
            start: position(start),
            end: position(start + pairs.len()),
        }
    }

    /// The node of one value, with everything below it added to the lists.
    fn node(&mut self, value: &Spanned<DeValue<'_>>) -> Node {
        self.spans.note(value);
        let span = Span::of(value.span());
        let kind = match value.get_ref() {
            DeValue::String(_)
            | DeValue::Float(_)
            | DeValue::Integer(_)
            | DeValue::Boolean(_)
            | DeValue::Datetime(_) => Kind::Leaf,
            // The usual list, of plain values: their spans straight away, without a node each.
            DeValue::Array(items) if items.iter().all(|item| is_plain(item.get_ref())) => {
                let start = self.lists.items.len();
                for item in items {
                    self.spans.note(item);
                    self.lists.items.push(Span::of(item.span()));
                }
                Kind::Leaves(Run {
                    start: position(start),
                    end: position(self.lists.items.len()),
                })
            }
            DeValue::Array(items) => {
                // The items are a run of nodes: their places are taken before the nodes below
                // them are added.
                let start = self.lists.nodes.len();
                let placeholder = Node {
                    span,
                    kind: Kind::Leaf,
                };
                self.lists
                    .nodes
                    .extend(std::iter::repeat_n(placeholder, items.len()));
                for (at, item) in items.iter().enumerate() {
                    let node = self.node(item);
                    if let Some(slot) = self.lists.nodes.get_mut(start + at) {
                        *slot = node;
                    }
                }
                Kind::Array(Run {
                    start: position(start),
                    end: position(start + items.len()),
                })
            }
            DeValue::Table(t) => Kind::Table(self.table(t)),
        };
        Node { span, kind }
    }
}

/// A value that is a leaf of the tree: neither a list nor a table.
fn is_plain(value: &DeValue<'_>) -> bool {
    !matches!(value, DeValue::Array(_) | DeValue::Table(_))
}

/// A string's value, with the line breaks of a multi-line string as `\n`: TOML lets a
/// parser normalise them, and ropa does, so a file saved with Windows line endings holds
/// the same text as one saved with Unix ones (and `fmt`, which writes `\n`, keeps it).
fn normalised_string<'v>(text: &str, value: &'v str, span: &Range<usize>) -> Cow<'v, str> {
    let raw = text.get(span.clone()).unwrap_or_default();
    let multi_line = raw.starts_with("\"\"\"") || raw.starts_with("'''");
    // A `\r` written as an escape is data, so such a string is left exactly as parsed.
    if multi_line && value.contains('\r') && !raw.contains("\\r") {
        Cow::Owned(value.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(value)
    }
}

/// True when no two items of a list can be the same value as JSON sees it (`0x16` and `22`
/// are one number). Answers false when unsure: a decimal, or lists of tables too large to
/// compare pairwise, send the file down the JSON route, which decides exactly.
fn items_are_distinct(items: &[Spanned<DeValue<'_>>]) -> bool {
    if items.len() < 2 {
        return true;
    }
    fn text<'a>(item: &'a Spanned<DeValue<'_>>) -> Option<&'a str> {
        match item.get_ref() {
            DeValue::String(s) => Some(s),
            _ => None,
        }
    }
    if items.iter().all(|i| text(i).is_some()) {
        // A short list of text (most lists): compared pair by pair, with nothing to allocate.
        const MOST_PAIRED: usize = 16;
        if items.len() <= MOST_PAIRED {
            return items
                .iter()
                .enumerate()
                .all(|(at, a)| items[at + 1..].iter().all(|b| text(a) != text(b)));
        }
        // A longer one: each text hashed once, where sorting compared each many times.
        let mut seen: std::collections::HashSet<&str, foldhash::fast::FixedState> =
            std::collections::HashSet::with_capacity_and_hasher(items.len(), Default::default());
        return items
            .iter()
            .all(|i| seen.insert(text(i).unwrap_or_default()));
    }
    let scalars: Option<Vec<Scalar<'_>>> = items.iter().map(|i| Scalar::of(i.get_ref())).collect();
    if let Some(mut scalars) = scalars {
        scalars.sort_unstable();
        return scalars.windows(2).all(|w| w[0] != w[1]);
    }
    const MOST_COMPARED: usize = 64;
    if items.len() > MOST_COMPARED {
        return false;
    }
    items.iter().enumerate().all(|(i, a)| {
        items[i + 1..]
            .iter()
            .all(|b| !maybe_same(a.get_ref(), b.get_ref()))
    })
}

/// A list item that is a single value, in a form where equal means equal as JSON.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Scalar<'a> {
    Text(&'a str),
    Whole(i128),
    Bool(bool),
    Datetime(String),
}

impl<'a> Scalar<'a> {
    fn of(value: &'a DeValue<'_>) -> Option<Self> {
        match value {
            DeValue::String(s) => Some(Scalar::Text(s)),
            DeValue::Integer(i) => whole_number(i.as_str(), i.radix()).map(Scalar::Whole),
            DeValue::Boolean(b) => Some(Scalar::Bool(*b)),
            DeValue::Datetime(d) => Some(Scalar::Datetime(d.to_string())),
            DeValue::Float(_) | DeValue::Array(_) | DeValue::Table(_) => None,
        }
    }
}

/// Whether two values might be equal as JSON; true when unsure.
fn maybe_same(a: &DeValue<'_>, b: &DeValue<'_>) -> bool {
    const MOST_KEYS: usize = 64;
    match (a, b) {
        (DeValue::Array(a), DeValue::Array(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b.iter())
                    .all(|(x, y)| maybe_same(x.get_ref(), y.get_ref()))
        }
        (DeValue::Table(a), DeValue::Table(b)) => {
            a.len() == b.len()
                && (a.len() > MOST_KEYS
                    || a.iter().all(|(key, x)| {
                        b.iter().any(|(other, y)| {
                            other.get_ref() == key.get_ref() && maybe_same(x.get_ref(), y.get_ref())
                        })
                    }))
        }
        (DeValue::Float(_), _) | (_, DeValue::Float(_)) => true,
        (DeValue::Array(_) | DeValue::Table(_), _) | (_, DeValue::Array(_) | DeValue::Table(_)) => {
            false
        }
        _ => match (Scalar::of(a), Scalar::of(b)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        },
    }
}

/// The JSON value of a table [`Document::parse_direct`] returned, for the schema check.
pub fn json_of(root: &Spanned<DeTable<'_>>, text: &str) -> Value {
    json_of_table(root.get_ref(), text)
}

fn json_of_table(table: &DeTable<'_>, text: &str) -> Value {
    let map: Map<String, Value> = table
        .iter()
        .map(|(key, value)| (key.get_ref().to_string(), json_of_value(value, text)))
        .collect();
    Value::Object(map)
}

fn json_of_value(value: &Spanned<DeValue<'_>>, text: &str) -> Value {
    match value.get_ref() {
        DeValue::String(s) => Value::String(normalised_string(text, s, &value.span()).into_owned()),
        DeValue::Integer(i) => integer_to_json(i.as_str(), i.radix()),
        DeValue::Float(f) => float_to_json(f.as_str()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => {
            Value::Array(items.iter().map(|item| json_of_value(item, text)).collect())
        }
        DeValue::Table(t) => json_of_table(t, text),
    }
}

/// A whole number from the parser's digits and radix, if it fits in 128 bits.
fn whole_number(text: &str, radix: u32) -> Option<i128> {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let (negative, unsigned) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.trim_start_matches('+')),
    };
    let prefix = match radix {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => "",
    };
    let digits = unsigned.strip_prefix(prefix).unwrap_or(unsigned);
    let n = i128::from_str_radix(digits, radix).ok()?;
    Some(if negative { -n } else { n })
}

/// The integer's value, from the parser's digits and radix. The parser gives the digits
/// without any `0x`, `0o` or `0b` prefix; a prefix is removed only when it is there.
fn integer_to_json(text: &str, radix: u32) -> Value {
    match whole_number(text, radix) {
        Some(n) => match i64::try_from(n) {
            Ok(n) => Value::Number(Number::from(n)),
            Err(_) => out_of_range(n > 0),
        },
        None => out_of_range(!text.starts_with('-')),
    }
}

/// A number too large for any field: kept a number (never text, never a paragraph), so the
/// schema reports it as out of range.
fn out_of_range(positive: bool) -> Value {
    Value::Number(Number::from(if positive { i64::MAX } else { i64::MIN }))
}

/// A decimal number as JSON: `nan`, `inf` and numbers too large for a float stay numbers
/// (the largest float, with their sign), so none of them can pass as text.
fn float_to_json(text: &str) -> Value {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let value = cleaned.parse::<f64>().unwrap_or(f64::NAN);
    let finite = if value.is_finite() {
        value
    } else if value.is_sign_negative() {
        f64::MIN
    } else {
        f64::MAX
    };
    Number::from_f64(finite).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "name = \"CCTV\"\npurposes = [\"a\", \"b\"]\n\n[lawful_basis]\narticle6 = [\"public-task\"]\n\n[[retention]]\nperiod = \"30 days\"\n";

    #[test]
    fn finds_keys_values_and_array_items() {
        let (doc, json) = Document::parse(TEXT).unwrap();
        assert_eq!(json["purposes"][1], "b");
        let found = doc.find(&[Seg::Key("purposes"), Seg::Index(1)]).unwrap();
        assert_eq!(&TEXT[found.value], "\"b\"");
        let found = doc
            .find(&[Seg::Key("lawful_basis"), Seg::Key("article6")])
            .unwrap();
        assert_eq!(&TEXT[found.key.unwrap()], "article6");
        let span = doc.span_for(&[Seg::Key("retention"), Seg::Index(0), Seg::Key("period")]);
        assert_eq!(&TEXT[span], "\"30 days\"");
    }

    #[test]
    fn nested_lists_and_tables_find_their_own_items_in_the_flat_tree() {
        // Lists of lists and of tables, tables in lists and lists in tables: each level's
        // items are runs in the same flat lists, so every path must still land on its own.
        let text = "deep = [[[\"a\"], [\"b\"]], [[\"c\"]]]\n\
                    rows = [{ k = \"x\", v = [1, 2] }, { k = \"y\", v = [[3], 4] }]\n\
                    \n\
                    [[retention]]\n\
                    period = \"30 days\"\n\
                    [retention.review]\n\
                    by = \"dpo\"\n\
                    \n\
                    [[retention]]\n\
                    period = \"6 years\"\n";
        let (doc, _) = Document::parse(text).unwrap();
        let value = |path: &[Seg<'_>]| doc.find(path).map(|f| &text[f.value]);
        use Seg::{Index as I, Key as K};
        assert_eq!(value(&[K("deep"), I(0), I(1), I(0)]), Some("\"b\""));
        assert_eq!(value(&[K("deep"), I(1), I(0), I(0)]), Some("\"c\""));
        assert_eq!(value(&[K("deep"), I(1), I(1)]), None);
        assert_eq!(value(&[K("rows"), I(0), K("v"), I(1)]), Some("2"));
        assert_eq!(value(&[K("rows"), I(1), K("k")]), Some("\"y\""));
        assert_eq!(value(&[K("rows"), I(1), K("v"), I(0), I(0)]), Some("3"));
        assert_eq!(value(&[K("rows"), I(1), K("v"), I(1)]), Some("4"));
        assert_eq!(
            value(&[K("retention"), I(0), K("review"), K("by")]),
            Some("\"dpo\"")
        );
        assert_eq!(
            value(&[K("retention"), I(1), K("period")]),
            Some("\"6 years\"")
        );
        assert_eq!(value(&[K("retention"), I(1), K("review")]), None);
        let keys = doc.key_spans_of_table(&[K("rows"), I(1)]);
        assert_eq!(&text[keys["v"].clone()], "v");
        assert_eq!(
            doc.key_path_at(text.find("\"dpo\"").unwrap()),
            "retention.review.by"
        );
        assert_eq!(
            doc.key_path_at(text.find("\"6 years\"").unwrap()),
            "retention.period"
        );
    }

    #[test]
    fn items_of_plain_and_mixed_lists_are_found_and_nothing_lies_below_a_plain_item() {
        let text = "plain = [\"a\", 2]\nmixed = [\"a\", [\"b\"]]\nempty = []\n";
        let (doc, _) = Document::parse(text).unwrap();
        let value = |path: &[Seg<'_>]| doc.find(path).map(|f| &text[f.value]);
        assert_eq!(value(&[Seg::Key("plain"), Seg::Index(1)]), Some("2"));
        assert_eq!(value(&[Seg::Key("plain"), Seg::Index(2)]), None);
        assert_eq!(
            value(&[Seg::Key("plain"), Seg::Index(0), Seg::Index(0)]),
            None
        );
        assert_eq!(
            value(&[Seg::Key("mixed"), Seg::Index(1), Seg::Index(0)]),
            Some("\"b\"")
        );
        assert_eq!(value(&[Seg::Key("empty"), Seg::Index(0)]), None);
        assert_eq!(doc.key_path_at(text.find("2]").unwrap()), "plain");
        // A key asked for below a plain item points at the start of the item.
        let start = text.find("\"a\"").unwrap();
        let span = doc.key_span_for(&[Seg::Key("plain"), Seg::Index(0), Seg::Key("x")]);
        assert_eq!(span, start..start);
    }

    #[test]
    fn key_paths_name_where_an_offset_is_without_array_positions() {
        let (doc, _) = Document::parse(TEXT).unwrap();
        let at = |needle: &str| doc.key_path_at(TEXT.find(needle).unwrap());
        assert_eq!(at("\"CCTV\""), "name");
        assert_eq!(at("\"b\""), "purposes");
        assert_eq!(at("article6"), "lawful_basis.article6");
        assert_eq!(at("\"30 days\""), "retention.period");
        assert_eq!(doc.key_path_at(0), "name");
    }

    #[test]
    fn missing_paths_point_at_the_nearest_existing_key() {
        let (doc, _) = Document::parse(TEXT).unwrap();
        let span = doc.span_for(&[Seg::Key("lawful_basis"), Seg::Key("law")]);
        assert_eq!(&TEXT[span], "lawful_basis");
        assert_eq!(doc.span_for(&[Seg::Key("owner")]), 0..0);
    }

    #[test]
    fn integers_in_other_radixes_and_huge_ones_do_not_panic() {
        assert_eq!(integer_to_json("0x1F", 16), Value::from(31));
        assert_eq!(integer_to_json("1F", 16), Value::from(31));
        assert_eq!(integer_to_json("-1_000", 10), Value::from(-1000));
        assert_eq!(
            integer_to_json("99999999999999999999", 10),
            Value::from(i64::MAX)
        );
    }

    /// The values are the parser's, whatever the radix: a hostile-input run found `0b10110`
    /// read as 6 when the prefix was cut twice.
    #[test]
    fn integers_are_read_as_the_file_writes_them() {
        let (_, json) = Document::parse("a = [0b10110, 0x6, 0o7, 0xff, -12, +3, 1_000]\n").unwrap();
        assert_eq!(json["a"], serde_json::json!([22, 6, 7, 255, -12, 3, 1000]));
    }

    #[test]
    fn decimals_are_noted_and_never_become_text() {
        let text = "a = 6.0\nb = nan\nc = [inf, -inf]\nd = 1e400\n";
        let (doc, json) = Document::parse(text).unwrap();
        assert_eq!(doc.floats().len(), 5);
        for key in ["b", "d"] {
            assert!(json[key].is_number(), "{key}: {}", json[key]);
        }
        assert!(json["c"][1].as_f64().unwrap() < 0.0);
    }

    #[test]
    fn line_breaks_of_multi_line_strings_are_lf() {
        let (_, json) =
            Document::parse("a = \"\"\"\r\none\ntwo\r\n\"\"\"\nb = \"x\\r\\ny\"\n").unwrap();
        assert_eq!(json["a"], "one\ntwo\n");
        assert_eq!(json["b"], "x\r\ny", "an escaped CR is data");
    }
}
