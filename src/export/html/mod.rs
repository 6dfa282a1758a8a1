//! The register as one static web page that a council can publish as its Record of Processing
//! Activities.
//!
//! The page is self-contained (an inline stylesheet; no scripts, fonts, images or other files),
//! accessible (one `<h1>`, headings in order, tables with row headers, readable without CSS) and
//! printable. It is built with `maud`, which escapes every value by construction, so nothing
//! from a register file can become markup.
//!
//! It is written for the public, so it shows what Art 30 and a privacy notice tell people —
//! purposes, lawful basis, special category conditions, whose data, which data, recipients,
//! transfers, retention, rights and sources (for processing done for another controller: that
//! controller and what is done for it) — and deliberately leaves out what is internal:
//! owners, links to DPIAs, breach records, legitimate interests assessments, consent records,
//! policy documents and processor contracts, security measures and where data is held,
//! waivers and lint findings.
// Indexing cannot panic here: the slice ends at a position found in the same bytes.
#![allow(clippy::indexing_slicing)]

mod activity;

use maud::{DOCTYPE, Markup, PreEscaped, html};
use rayon::prelude::*;

use super::selection::Selection;
use crate::model::{Activity, Contact, Date, Loaded, Register};

/// The `<meta>` tag that marks a page ropa wrote, so `ropa export` may replace it.
pub const GENERATOR_META: &str = r#"<meta name="generator" content="ropa">"#;

/// The page's stylesheet, inlined so the page needs no other file.
pub const STYLE: &str = include_str!("style.css");

/// Where people can complain about how their data is handled (UK GDPR Art 77).
const ICO_COMPLAINTS: &str = "https://ico.org.uk/make-a-complaint/";

/// The page for the selected activities, as UTF-8 bytes in the pieces it was made in (see
/// [`super::Pieces`]). The same register and selection always give the same bytes: the only
/// date shown is the newest `last_reviewed` of the activities.
pub fn write_html(register: &Register, selection: &Selection) -> super::Pieces {
    Page::new(register, &selection.activities(register)).pieces()
}

/// [`write_html`]'s bytes written to `out` as they are made, a round of activities at a
/// time: the kernel copies each round into the file while the next is made, and only a round
/// is in memory. Returns how many items the page shows as "Not recorded".
pub fn write_html_to<W: std::io::Write + Send>(
    register: &Register,
    selection: &Selection,
    out: &mut W,
) -> std::io::Result<usize> {
    Page::new(register, &selection.activities(register)).write_to(out)
}

/// True when `bytes` are a page this module wrote: its `<head>` holds [`GENERATOR_META`].
pub fn is_export(bytes: &[u8]) -> bool {
    written_by(bytes, GENERATOR_META)
}

/// True when the `<head>` of the page in `bytes` holds `generator`, the `<meta>` tag with
/// which each command marks the pages it writes (and so may replace without `--force`).
pub fn written_by(bytes: &[u8], generator: &str) -> bool {
    let head = match find(bytes, b"</head>") {
        Some(end) => &bytes[..end],
        None => bytes,
    };
    find(head, generator.as_bytes()).is_some()
}

/// The `<head>` of every page ropa writes (this export, the map, the notice): UTF-8, a
/// viewport for phones, the command's `generator` tag, the title, and the stylesheet inlined
/// with the page's `extra_style` after it.
pub fn head(generator: &str, title: &str, extra_style: &str) -> Markup {
    html! {
        head { (NL)
            meta charset="utf-8"; (NL)
            meta name="viewport" content="width=device-width, initial-scale=1"; (NL)
            (PreEscaped(generator)) (NL)
            title { (title) } (NL)
            style { (NL) (PreEscaped(STYLE)) (PreEscaped(extra_style)) } (NL)
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A newline between block elements, so the page reads and diffs line by line.
const NL: PreEscaped<&str> = PreEscaped("\n");

/// A page about to be made: its skeleton around the groups, and the groups.
struct Page<'a> {
    register: &'a Register,
    activities: &'a [&'a Loaded<Activity>],
    groups: Vec<Group<'a>>,
    map_title: String,
    /// The skeleton, split where the groups and the map go.
    before: String,
    after: String,
}

/// One piece of the page between the skeleton's two halves.
enum Part<'p, 'a> {
    GroupOpen(&'p Group<'a>),
    Activity(&'a Loaded<Activity>),
    GroupClose,
}

/// Pieces (nearly all of them activities) made before any is written, when the page is
/// written as it is made: a few megabytes.
const PARTS_PER_ROUND: usize = 512;

impl<'a> Page<'a> {
    fn new(register: &'a Register, activities: &'a [&'a Loaded<Activity>]) -> Self {
        let config = register.config.as_ref().map(|c| &c.value);
        let controller = config.map_or("", |c| c.controller.name.trim());
        let title = if controller.is_empty() {
            "Record of processing activities".to_string()
        } else {
            format!("{controller}: record of processing activities")
        };
        let groups = group_by_function(activities);
        let map_title = format!(
            "Data-flow map: {}",
            if controller.is_empty() {
                "the register"
            } else {
                controller
            }
        );
        let skeleton = skeleton(register, activities, &groups, controller, &title);
        // maud escapes `<` in every value from the register, so the mark is found only where
        // it was put, once.
        let (before, after) = skeleton
            .split_once(GROUPS_GO_HERE)
            .unwrap_or((&skeleton, ""));
        Page {
            register,
            activities,
            before: before.to_string(),
            after: after.to_string(),
            groups,
            map_title,
        }
    }

    /// The groups' pieces in page order: each group's opening, its activities, its end.
    fn parts(&self) -> Vec<Part<'_, 'a>> {
        let mut parts = Vec::with_capacity(self.activities.len() + 2 * self.groups.len());
        for group in &self.groups {
            parts.push(Part::GroupOpen(group));
            parts.extend(group.activities.iter().map(|a| Part::Activity(a)));
            parts.push(Part::GroupClose);
        }
        parts
    }

    fn make(&self, part: &Part<'_, 'a>) -> Vec<u8> {
        match part {
            Part::GroupOpen(group) => group_open(group),
            Part::Activity(a) => line(activity::section(self.register, a)),
            Part::GroupClose => GROUP_CLOSE.as_bytes().to_vec(),
        }
    }

    fn map(&self) -> Vec<Vec<u8>> {
        let mut map = crate::map::html_section(self.register, self.activities, &self.map_title);
        map.push(b"\n".to_vec());
        map
    }

    /// The whole page in pieces. Most of it is the activities' sections and the map: the
    /// sections are made on every core, and the map beside them. The page is kept in those
    /// pieces, in order, so tens of megabytes are not copied once more into one string
    /// before they are written.
    fn pieces(&self) -> super::Pieces {
        let parts = self.parts();
        let (sections, map) = rayon::join(
            || parts.par_iter().map(|p| self.make(p)).collect::<Vec<_>>(),
            || self.map(),
        );
        let mut pieces = vec![self.before.as_bytes().to_vec()];
        pieces.extend(sections);
        pieces.extend(map);
        pieces.push(self.after.as_bytes().to_vec());
        pieces
    }

    /// The same bytes as [`Page::pieces`], written as they are made; the map is made beside
    /// the sections, and written after them.
    fn write_to<W: std::io::Write + Send>(&self, out: &mut W) -> std::io::Result<usize> {
        let not_recorded = std::sync::atomic::AtomicUsize::new(0);
        let counted = |piece: Vec<u8>| {
            let found = not_recorded_in_piece(&piece);
            not_recorded.fetch_add(found, std::sync::atomic::Ordering::Relaxed);
            piece
        };
        let parts = self.parts();
        out.write_all(self.before.as_bytes())?;
        let (written, map) = rayon::join(
            || {
                crate::fs_util::write_in_rounds(out, &parts, PARTS_PER_ROUND, |_, round, _| {
                    round.par_iter().map(|p| counted(self.make(p))).collect()
                })
            },
            || self.map(),
        );
        written?;
        crate::fs_util::write_all_pieces(out, &map)?;
        out.write_all(self.after.as_bytes())?;
        out.flush()?;
        Ok(not_recorded.into_inner()
            + not_recorded_in(&map)
            + not_recorded_in_piece(self.before.as_bytes())
            + not_recorded_in_piece(self.after.as_bytes()))
    }
}

/// How many items pieces of a page show as "Not recorded". No item is split between two
/// pieces: a piece is whole elements.
pub fn not_recorded_in<P: AsRef<[u8]> + Sync>(pieces: &[P]) -> usize {
    pieces
        .par_iter()
        .map(|piece| not_recorded_in_piece(piece.as_ref()))
        .sum()
}

/// How many items one piece of a page shows as "Not recorded", as its markup has them
/// (`>Not recorded<`), found with one searcher made once.
fn not_recorded_in_piece(piece: &[u8]) -> usize {
    static MARK: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| {
            memchr::memmem::Finder::new(format!(">{NOT_RECORDED}<").as_bytes()).into_owned()
        });
    MARK.find_iter(piece).count()
}

/// The page around the groups of activities and the map, which go at [`GROUPS_GO_HERE`].
fn skeleton(
    register: &Register,
    activities: &[&Loaded<Activity>],
    groups: &[Group<'_>],
    controller: &str,
    title: &str,
) -> String {
    html! {
        (DOCTYPE) (NL)
        html lang="en-GB" { (NL)
        (head(GENERATOR_META, title, "")) (NL)
        body { (NL)
            header { (NL)
                h1 { (title) } (NL)
                p {
                    "This is the record of the personal data "
                    @if controller.is_empty() { "we process" } @else { (controller) " processes" }
                    ", kept under Article 30 of the UK General Data Protection Regulation: why "
                    "we use it, the law that allows it, whose data it is, who we share it with, "
                    "how long we keep it and the rights you have."
                } (NL)
                @if let Some(date) = newest_review(activities) {
                    p { "Most recent review of an activity: " (long_date(date)) "." } (NL)
                }
            } (NL)
            (contents(groups)) (NL)
            main { (NL)
                (contacts(register)) (NL)
                (PreEscaped(GROUPS_GO_HERE))
                (rights()) (NL)
            } (NL)
            footer { (NL)
                p { "Published from the register with ropa." } (NL)
            } (NL)
        } (NL)
        } (NL)
    }
    .into_string()
}

/// Where the groups of activities and the map go in the page's skeleton: markup no register
/// value can produce, since maud escapes `<` in values.
const GROUPS_GO_HERE: &str = "<ropa-groups-go-here>";

/// The end of a group's `<section>`, and the newline after it.
const GROUP_CLOSE: &str = "</section>\n";

/// The start of a group's `<section>`: its heading, up to the activities' sections.
fn group_open(group: &Group<'_>) -> Vec<u8> {
    let whole = html! {
        section aria-labelledby=(group.anchor) { (NL)
            h2 id=(group.anchor) { (group.title) } (NL)
        }
    }
    .into_string();
    let open = whole.strip_suffix("</section>").unwrap_or(&whole);
    open.as_bytes().to_vec()
}

/// A block of markup and the newline after it, as bytes (the string's own buffer).
fn line(markup: Markup) -> Vec<u8> {
    let mut text = markup.into_string();
    text.push('\n');
    text.into_bytes()
}

/// The activities of one business function, in register order.
struct Group<'a> {
    title: String,
    anchor: String,
    activities: Vec<&'a Loaded<Activity>>,
}

/// Title of the group of activities that record no business function.
const NO_FUNCTION: &str = "Other activities";

/// Activities grouped by business function (compared without regard to case or surrounding
/// space, as `--function` is), functions in alphabetical order, unnamed last. Each group is
/// found by its key, not by a search of the groups, so many functions cost no more.
fn group_by_function<'a>(activities: &[&'a Loaded<Activity>]) -> Vec<Group<'a>> {
    // Keyed (no name?, name in lower case): named functions sort first, alphabetically.
    let mut keyed: std::collections::BTreeMap<(bool, String), Group<'a>> = Default::default();
    for a in activities {
        let name = a
            .value
            .business_function
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty());
        let key = (
            name.is_none(),
            name.map(str::to_lowercase).unwrap_or_default(),
        );
        keyed
            .entry(key)
            .or_insert_with(|| Group {
                title: name.unwrap_or(NO_FUNCTION).to_string(),
                anchor: String::new(),
                activities: Vec::new(),
            })
            .activities
            .push(a);
    }
    let mut anchors = Anchors::default();
    keyed
        .into_values()
        .map(|mut group| {
            group.anchor = anchors.unique(&group.title);
            group
        })
        .collect()
}

/// The anchors given so far, and for each base the last number tried after it.
#[derive(Default)]
struct Anchors {
    used: std::collections::HashSet<String>,
    last_number: std::collections::HashMap<String, usize>,
}

impl Anchors {
    /// `function-<name as an id>`, with `-2`, `-3`… when two names make the same anchor.
    fn unique(&mut self, title: &str) -> String {
        let segment = crate::model::suggest_id_segment(title);
        let base = if segment.is_empty() {
            "function".to_string()
        } else {
            format!("function-{segment}")
        };
        let mut anchor = base.clone();
        // Every number below the last one tried for this base is taken already.
        let n = self.last_number.entry(base.clone()).or_insert(1);
        if *n > 1 {
            anchor = format!("{base}-{n}");
        }
        while self.used.contains(&anchor) {
            *n += 1;
            anchor = format!("{base}-{n}");
        }
        self.used.insert(anchor.clone());
        anchor
    }
}

/// The newest `last_reviewed` of the activities shown: the page's only date.
fn newest_review(activities: &[&Loaded<Activity>]) -> Option<Date> {
    activities
        .iter()
        .filter_map(|a| a.value.last_reviewed)
        .max()
}

/// "1 March 2026", in a `<time>` element carrying the ISO date.
fn long_date(date: Date) -> Markup {
    html! { time datetime=(date) { (date.0.strftime("%-d %B %Y")) } }
}

fn contents(groups: &[Group<'_>]) -> Markup {
    html! {
        nav aria-labelledby="contents" { (NL)
            h2 id="contents" { "Contents" } (NL)
            ol { (NL)
                li { a href="#contact" { "Contact us" } } (NL)
                @for group in groups {
                    li { (NL)
                        a href={ "#" (group.anchor) } { (group.title) } (NL)
                        ol { (NL)
                            @for a in &group.activities {
                                li { a href={ "#" (activity::anchor(a)) } { (a.value.name) } } (NL)
                            }
                        } (NL)
                    } (NL)
                }
                li { a href="#map" { "Data-flow map" } } (NL)
                li { a href="#rights" { "Your rights" } } (NL)
            } (NL)
        }
    }
}

fn contacts(register: &Register) -> Markup {
    let config = register.config.as_ref().map(|c| &c.value);
    let controller = config.map(|c| c.controller.to_contact());
    let ico = config.and_then(|c| text(c.controller.ico_registration.as_deref()));
    let dpo = config.and_then(|c| c.dpo.as_ref());
    let representative = config.and_then(|c| c.representative.as_ref());
    html! {
        section aria-labelledby="contact" { (NL)
            h2 id="contact" { "Contact us" } (NL)
            h3 id="controller" { "Data controller" } (NL)
            @match &controller {
                Some(c) => (contact_table(c, ico)),
                None => p { (NOT_RECORDED) },
            } (NL)
            h3 id="dpo" { "Data protection officer" } (NL)
            @match dpo {
                Some(dpo) => (contact_table(dpo, None)),
                None => p { "No data protection officer is recorded." },
            } (NL)
            @if let Some(rep) = representative {
                h3 id="representative" { "UK representative" } (NL)
                (contact_table(rep, None)) (NL)
            }
        }
    }
}

/// A contact as a table of row headers and values; e-mail addresses become mailto links.
fn contact_table(contact: &Contact, ico_registration: Option<&str>) -> Markup {
    html! {
        table.details { (NL)
            @if let Some(name) = text(contact.name.as_deref()) {
                tr { th scope="row" { "Name" } td { (name) } } (NL)
            }
            @if let Some(address) = text(contact.address.as_deref()) {
                tr { th scope="row" { "Address" } td { (address) } } (NL)
            }
            @if let Some(email) = text(contact.email.as_deref()) {
                tr { th scope="row" { "Email" } td { (email_link(email)) } } (NL)
            }
            @if let Some(phone) = text(contact.phone.as_deref()) {
                tr { th scope="row" { "Telephone" } td { (phone) } } (NL)
            }
            @if let Some(number) = ico_registration {
                tr { th scope="row" { "ICO registration number" } td { (number) } } (NL)
            }
        }
    }
}

fn rights() -> Markup {
    html! {
        section aria-labelledby="rights" { (NL)
            h2 id="rights" { "Your rights" } (NL)
            p {
                "Each activity above lists the rights you have over the data it uses. To use any "
                "of them, or to ask about how your data is handled, contact the "
                a href="#dpo" { "data protection officer" } "."
            } (NL)
            p {
                "If you are unhappy with how your data has been handled, you can complain to the "
                (titled_link(ICO_COMPLAINTS, Some("Information Commissioner's Office")))
                "."
            } (NL)
        }
    }
}

/// What a table cell says when the register holds nothing for it.
const NOT_RECORDED: &str = "Not recorded";

/// Register text in the page, escaped as maud escapes a `&str` (`&`, `<`, `>` and `"`) but a
/// run at a time: maud pushes each byte on its own, and the page's text is most of its bytes.
pub struct Text<'a>(pub &'a str);

impl maud::Render for Text<'_> {
    fn render_to(&self, out: &mut String) {
        let text = self.0;
        let mut start = 0;
        for (at, byte) in text.bytes().enumerate() {
            let with = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => continue,
            };
            // The bytes escaped are ASCII, so `at` is always a character boundary.
            out.push_str(text.get(start..at).unwrap_or_default());
            out.push_str(with);
            start = at + 1;
        }
        out.push_str(text.get(start..).unwrap_or_default());
    }
}

/// Trimmed text, or `None` when absent or blank.
fn text(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// An e-mail address as a mailto link, or as text when it does not look like one.
fn email_link(email: &str) -> Markup {
    let looks_like_address = email.contains('@') && !email.contains(char::is_whitespace);
    html! {
        @if looks_like_address { a href={ "mailto:" (email) } { (email) } } @else { (email) }
    }
}

/// A web address as a link showing the address; see [`titled_link`].
fn web_link(value: &str) -> Markup {
    titled_link(value, None)
}

/// A web address as a link, with `title` as its text (printed with the address after it) or
/// the address itself. Anything else (including `javascript:` or a file path) stays text, so a
/// register value can never make the page run code or point at an internal share.
fn titled_link(value: &str, title: Option<&str>) -> Markup {
    let lower = value.to_ascii_lowercase();
    let is_web = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !value.contains(char::is_whitespace);
    html! {
        @if !is_web {
            (value)
        } @else if let Some(title) = title {
            a href=(value) { (title) }
        } @else {
            a.url href=(value) { (value) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Register text is escaped exactly as maud escapes a string: the same bytes.
        #[test]
        fn text_is_escaped_as_maud_escapes_it(value in "[a-z&<>\"' é€\u{1F600}\u{0}\n]{0,40}") {
            let ours = html! { p { (Text(&value)) } }.into_string();
            let mauds = html! { p { (value) } }.into_string();
            proptest::prop_assert_eq!(ours, mauds);
        }
    }

    #[test]
    fn text_escapes_at_either_end_and_keeps_other_characters() {
        assert_eq!(
            html! { (Text("<a & \"é\">")) }.into_string(),
            "&lt;a &amp; &quot;é&quot;&gt;"
        );
        assert_eq!(html! { (Text("")) }.into_string(), "");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_link("https://example.org/a?b=1&c=2").into_string(),
            r#"<a class="url" href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>"#
        );
        assert_eq!(
            titled_link("HTTPS://example.org", Some("Read it")).into_string(),
            r#"<a href="HTTPS://example.org">Read it</a>"#
        );
        assert_eq!(
            web_link("javascript:alert(1)").into_string(),
            "javascript:alert(1)"
        );
        assert_eq!(
            email_link("dpo@example.org").into_string(),
            r#"<a href="mailto:dpo@example.org">dpo@example.org</a>"#
        );
        assert_eq!(
            email_link("ask at reception").into_string(),
            "ask at reception"
        );
    }

    #[test]
    fn anchors_are_unique() {
        let mut anchors = Anchors::default();
        assert_eq!(
            anchors.unique("Customer Services"),
            "function-customer-services"
        );
        assert_eq!(
            anchors.unique("Customer services!"),
            "function-customer-services-2"
        );
        // A name whose own anchor is one already numbered for another name.
        assert_eq!(
            anchors.unique("Customer services 2"),
            "function-customer-services-2-2"
        );
        assert_eq!(
            anchors.unique("Customer services?"),
            "function-customer-services-3"
        );
        assert_eq!(anchors.unique("—"), "function");
        assert_eq!(anchors.unique("…"), "function-2");
    }

    /// Written as it is made, a round at a time, the page has the bytes it has made whole,
    /// and the same count of items shown as "Not recorded".
    #[test]
    fn the_page_written_as_it_is_made_is_the_page_made_whole() {
        let mut files = vec![(
            "ropa.toml".to_string(),
            "[controller]\nname = \"C & Co\"\n".to_string(),
        )];
        for i in 0..(PARTS_PER_ROUND * 2 + 7) {
            let function = ["Waste", "Housing", ""][i % 3];
            files.push((
                format!("activities/a-{i:04}.toml"),
                format!(
                    "name = \"A {i} <b>\"\nbusiness_function = \"{function}\"\npurposes = [\"P {i}\"]\n"
                ),
            ));
        }
        let register = crate::load::load(&crate::source::MemorySource::from_texts("reg", &files))
            .unwrap()
            .register;
        register.build_index();
        let whole = write_html(&register, &Selection::default());
        let mut written = Vec::new();
        let shown = write_html_to(&register, &Selection::default(), &mut written).unwrap();
        assert_eq!(written, whole.concat());
        assert_eq!(shown, not_recorded_in(&whole));
        assert!(shown > PARTS_PER_ROUND * 2, "{shown} items not recorded");
    }

    #[test]
    fn many_functions_are_grouped_in_order_with_unnamed_last() {
        let activity = |id: usize, function: Option<&str>| Loaded {
            id: format!("a{id}"),
            file: 0,
            doc: crate::document::Document::empty(),
            value: Box::new(Activity {
                business_function: function.map(str::to_string),
                ..Activity::default()
            }),
        };
        let loaded = [
            activity(0, Some("Waste")),
            activity(1, None),
            activity(2, Some(" housing ")),
            activity(3, Some("Housing")),
            activity(4, Some("")),
            activity(5, Some("Benefits")),
        ];
        let refs: Vec<&Loaded<Activity>> = loaded.iter().collect();
        let groups = group_by_function(&refs);
        let shape: Vec<(&str, &str, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                let ids = g.activities.iter().map(|a| a.id.as_str()).collect();
                (g.title.as_str(), g.anchor.as_str(), ids)
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("Benefits", "function-benefits", vec!["a5"]),
                ("housing", "function-housing", vec!["a2", "a3"]),
                ("Waste", "function-waste", vec!["a0"]),
                (NO_FUNCTION, "function-other-activities", vec!["a1", "a4"]),
            ]
        );
    }

    #[test]
    fn recognises_its_own_pages_only() {
        assert!(is_export(
            b"<!DOCTYPE html><html><head><meta name=\"generator\" content=\"ropa\"></head>"
        ));
        assert!(!is_export(
            b"<html><head></head><body><meta name=\"generator\" content=\"ropa\"></body>"
        ));
        assert!(!is_export(b"<html><head><title>Mine</title></head></html>"));
    }
}
