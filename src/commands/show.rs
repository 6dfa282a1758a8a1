//! `ropa show <id>` and `ropa show processor <id>`: one record as a card.

use super::{Context, Exit};
use crate::cli::ShowArgs;
use crate::export::terminal::output_width;
use crate::lint::system_today;
use crate::load::did_you_mean;
use crate::model::Register;
use crate::source::FatalError;
use crate::view::{Findings, card};

pub fn run(ctx: &Context, args: &ShowArgs) -> Exit {
    match show(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn show(ctx: &Context, args: &ShowArgs) -> Result<Exit, FatalError> {
    let root = ctx.register_root(args.register.as_deref())?;
    let loaded = ctx.load_whole(&root, "shown")?;
    let register = &loaded.register;
    let today = args.today.unwrap_or_else(system_today);
    let findings = Findings::of(register, today);
    let width = output_width();
    let text = match (args.id.as_str(), args.processor_id.as_deref()) {
        ("processor", Some(id)) => {
            let processor = register
                .processor(id)
                .ok_or_else(|| unknown_processor(register, id))?;
            card::processor(register, processor, &findings, today, width)
        }
        (first, Some(second)) => {
            return Err(FatalError::new(format!(
                "`ropa show` takes one activity id, but was given `{first}` and `{second}`"
            ))
            .with_help("to show a processor, write `ropa show processor <ID>`"));
        }
        (id, None) => {
            let id = activity_id(id);
            let activity = register
                .activities
                .iter()
                .find(|a| a.id == id)
                .ok_or_else(|| unknown_activity(register, id))?;
            card::activity(register, activity, &findings, today, width)
        }
    };
    ctx.write_stdout(text.as_bytes(), true)?;
    Ok(Exit::Clean)
}

/// An activity id, also accepted as its file's path (`activities/x/y.toml`), as lint prints it.
fn activity_id(given: &str) -> &str {
    let id = given.trim();
    let id = id.strip_prefix("activities/").unwrap_or(id);
    id.strip_suffix(".toml").unwrap_or(id)
}

/// Up to five ids near `given`: the closest spelling, then ids containing it or ending in it.
fn nearest<'a>(given: &str, ids: &[&'a str]) -> Vec<&'a str> {
    let wanted = given.trim().to_lowercase();
    let mut found: Vec<&str> = did_you_mean(&wanted, ids.iter().copied())
        .into_iter()
        .collect();
    let last_segment = |id: &str| id.rsplit('/').next().unwrap_or(id).to_string();
    for id in ids {
        let close = did_you_mean(&wanted, [last_segment(id).as_str()]).is_some();
        if !wanted.is_empty() && (id.contains(wanted.as_str()) || close) && !found.contains(id) {
            found.push(id);
        }
    }
    found.truncate(5);
    found
}

fn suggestion(nearest: &[&str], list_command: &str) -> String {
    match nearest {
        [] => format!("`{list_command}` shows every id"),
        [one] => format!("did you mean `{one}`? `{list_command}` shows every id"),
        many => format!(
            "the nearest ids: {}; `{list_command}` shows every id",
            many.iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn unknown_activity(register: &Register, id: &str) -> FatalError {
    let error = FatalError::new(format!("no activity `{id}` in this register"));
    if register.processor(id).is_some() {
        return error.with_help(format!("`{id}` is a processor: `ropa show processor {id}`"));
    }
    let ids: Vec<&str> = register.activities.iter().map(|a| a.id.as_str()).collect();
    error.with_help(suggestion(&nearest(id, &ids), "ropa list"))
}

fn unknown_processor(register: &Register, id: &str) -> FatalError {
    let ids: Vec<&str> = register.processors.iter().map(|p| p.id.as_str()).collect();
    let help = if ids.is_empty() {
        "this register has no files in processors/".to_string()
    } else {
        suggestion(&nearest(id, &ids), "ropa summary")
    };
    FatalError::new(format!("no processor `{id}` in this register")).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ids_by_spelling_and_by_last_segment() {
        let ids = [
            "customer-services/call-recording",
            "customer-services/enquiries",
            "council-wide/service-delivery",
        ];
        assert_eq!(
            nearest("call-recording", &ids),
            ["customer-services/call-recording"]
        );
        assert_eq!(
            nearest("customer-services/enquires", &ids),
            ["customer-services/enquiries"]
        );
        assert_eq!(
            nearest("customer-services", &ids),
            [
                "customer-services/call-recording",
                "customer-services/enquiries"
            ]
        );
        assert!(nearest("payroll", &ids).is_empty());
        assert_eq!(activity_id("activities/a/b.toml"), "a/b");
    }
}
