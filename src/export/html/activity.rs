//! One activity on the published page: its name, description and a table of what the public
//! is told about it, with every value worded by [`crate::describe`].

use maud::{Markup, html};

use super::{NL, NOT_RECORDED, Text, text, titled_link, web_link};
use crate::describe;
use crate::model::{Activity, LawfulBasis, Loaded, Register};
use crate::vocab::{Article6Basis, Role};

/// What a cell says when a list was recorded as empty (`[]`).
const NONE: &str = "None";

/// The page anchor of an activity: `activity-` and its id with `/` as `--` (ids never hold
/// `--`, so two activities never share an anchor).
pub(super) fn anchor(activity: &Loaded<Activity>) -> String {
    format!("activity-{}", activity.id.replace('/', "--"))
}

/// The activity as an `<article>` with an `<h3>` and a table of row headers and values.
pub(super) fn section(register: &Register, activity: &Loaded<Activity>) -> Markup {
    let a = &activity.value;
    html! {
        article.activity id=(Text(&anchor(activity))) { (NL)
            h3 { (Text(&a.name)) } (NL)
            @if let Some(description) = text(a.description.as_deref()) {
                p { (Text(description)) } (NL)
            }
            table.details { (NL)
                @for (label, value) in rows(register, a) {
                    tr { th scope="row" { (Text(label)) } td { (value) } } (NL)
                }
            } (NL)
        }
    }
}

/// The table's rows, in the order a reader asks: why, on what basis, whose data and what,
/// from where, to whom, where abroad, for how long, and what they can do about it.
fn rows(register: &Register, a: &Activity) -> Vec<(&'static str, Markup)> {
    if a.role() == Role::Processor {
        return processor_rows(a);
    }
    let basis = a.lawful_basis.clone().unwrap_or_default();
    let mut rows = Vec::new();
    if let Some(joint) = joint_controller(a) {
        rows.push(("Our role", joint));
    }
    rows.push(("Why we use the data", list(a.purposes.as_deref())));
    rows.push(("Lawful basis", lawful_basis(&basis)));
    if let Some(special) = special_categories(a) {
        rows.push(("Special category and criminal offence data", special));
    }
    let conditions = describe::article9(&basis);
    if !conditions.is_empty() {
        rows.push((
            "Conditions for special category and criminal offence data",
            list(Some(&conditions)),
        ));
    }
    let schedule1 = describe::schedule1(&basis);
    if !schedule1.is_empty() {
        rows.push((
            "Data Protection Act 2018 Schedule 1 conditions",
            list(Some(&schedule1)),
        ));
    }
    rows.push(("Whose data we use", list(a.data_subjects.as_deref())));
    rows.push(("What data we use", list(a.personal_data.as_deref())));
    rows.push(("Where the data comes from", list(a.sources.as_deref())));
    rows.push((
        "Who we share it with",
        list(describe::recipients(register, a).as_deref()),
    ));
    rows.push(("Transfers outside the UK", transfers(a)));
    let retention = a
        .retention
        .as_ref()
        .map(|r| r.iter().map(describe::retention).collect::<Vec<_>>());
    rows.push(("How long we keep it", list(retention.as_deref())));
    if let Some(automated) = &a.automated_decision_making
        && let Some(used) = automated.used
    {
        let details = text(automated.details.as_deref()).filter(|_| used);
        rows.push((
            "Automated decision-making",
            html! { (describe::yes_no(used)) @if let Some(d) = details { ": " (d) } },
        ));
    }
    let rights = describe::rights(a);
    rows.push((
        "Your rights",
        list((!rights.is_empty()).then_some(rights.as_slice())),
    ));
    rows.extend(privacy_notice(a));
    rows
}

/// Processing done for another controller (Art 30(2)): that controller decides the purposes,
/// lawful basis and retention and answers for people's rights, so the page says who it is,
/// what is done for it, and where the data goes.
fn processor_rows(a: &Activity) -> Vec<(&'static str, Markup)> {
    let controllers: Vec<_> = a.controllers.iter().flatten().collect();
    let mut rows = vec![(
        "Our role",
        html! {
            "We process this data on behalf of another organisation, which decides why and how "
            "it is used and answers for your rights over it."
        },
    )];
    for c in controllers {
        rows.push((
            "On behalf of",
            html! { (describe::controller_acted_for(c)) },
        ));
        if let Some(processing) = c.processing.as_deref() {
            rows.push(("What we do for them", list(Some(processing))));
        }
    }
    rows.push(("Transfers outside the UK", transfers(a)));
    rows.extend(privacy_notice(a));
    rows
}

fn transfers(a: &Activity) -> Markup {
    let transfers = a
        .transfers
        .as_ref()
        .map(|t| t.iter().map(describe::transfer).collect::<Vec<_>>());
    list(transfers.as_deref())
}

fn privacy_notice(a: &Activity) -> Option<(&'static str, Markup)> {
    text(a.privacy_notice.as_deref()).map(|notice| {
        (
            "Privacy notice",
            titled_link(notice, Some("Read the privacy notice")),
        )
    })
}

/// The other controller, for a joint-controller activity (Art 26); `None` otherwise.
fn joint_controller(a: &Activity) -> Option<Markup> {
    if a.role() != Role::JointController {
        return None;
    }
    let joint = a
        .joint_controller
        .as_ref()
        .map(describe::joint_controller)
        .unwrap_or_default();
    Some(html! {
        p { "We are a joint controller: we decide with another organisation how the data is used." }
        @if !joint.is_empty() {
            p { "The other controller:" }
            ul { @for line in &joint { li { (web_link(line)) } } }
        }
    })
}

/// Each Article 6 basis as a plain sentence ("It is needed for a task we carry out in the
/// public interest…") over its legal wording with the article point and the law behind it.
fn lawful_basis(basis: &LawfulBasis) -> Markup {
    if basis.article6.is_empty() {
        return missing();
    }
    let legal = describe::article6(basis);
    let interests = text(basis.legitimate_interests.as_deref())
        .filter(|_| basis.article6.contains(&Article6Basis::LegitimateInterests));
    html! {
        ul.bases {
            @for (b, wording) in basis.article6.iter().zip(&legal) {
                li {
                    (sentence(b.plain_english())) " "
                    span.law { (Text(wording)) }
                }
            }
        }
        @if let Some(interests) = interests {
            p { "The legitimate interest: " (interests) }
        }
    }
}

/// The special categories recorded and criminal offence data, when either was recorded.
fn special_categories(a: &Activity) -> Option<Markup> {
    let criminal = a.criminal_offence_data == Some(true);
    if a.special_category_data.is_none() && !criminal {
        return None;
    }
    let mut items: Vec<String> = a
        .special_categories()
        .iter()
        .map(|c| c.label().to_string())
        .collect();
    if criminal {
        items.push("Criminal offence data".to_string());
    }
    Some(list(Some(&items)))
}

/// A list cell: not recorded, "None" for `[]`, one item as text, several as a bulleted list.
fn list<T: AsRef<str>>(items: Option<&[T]>) -> Markup {
    html! {
        @match items {
            None => (missing()),
            Some([]) => (NONE),
            Some([one]) => (Text(one.as_ref())),
            Some(many) => ul { @for item in many { li { (Text(item.as_ref())) } } },
        }
    }
}

fn missing() -> Markup {
    html! { span.missing { (NOT_RECORDED) } }
}

/// A clause as a sentence: "the law requires us to do it" → "The law requires us to do it."
fn sentence(clause: &str) -> String {
    let mut chars = clause.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_tell_none_from_not_recorded() {
        assert_eq!(
            list::<String>(None).into_string(),
            r#"<span class="missing">Not recorded</span>"#
        );
        assert_eq!(list::<String>(Some(&[])).into_string(), "None");
        assert_eq!(list(Some(&["a<b"])).into_string(), "a&lt;b");
        assert_eq!(
            list(Some(&["a", "b & c"])).into_string(),
            "<ul><li>a</li><li>b &amp; c</li></ul>"
        );
    }

    #[test]
    fn bases_read_as_sentences_with_their_law() {
        let basis = LawfulBasis {
            article6: vec![Article6Basis::PublicTask],
            law: Some("Local Government Act 1972 s.111".into()),
            ..LawfulBasis::default()
        };
        assert_eq!(
            lawful_basis(&basis).into_string(),
            "<ul class=\"bases\"><li>It is needed for a task we carry out in the public interest \
             or under official authority. <span class=\"law\">Public task (Art 6(1)(e)) — Local \
             Government Act 1972 s.111</span></li></ul>"
        );
    }
}
