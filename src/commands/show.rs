//! `ropa show <id>` and `ropa show processor <id>`: one record as a card.
// Indexing cannot panic here: the index is checked against the list just before.
#![allow(clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use super::{Context, Exit};
use crate::cli::ShowArgs;
use crate::export::terminal::output_width;
use crate::lint::system_today;
use crate::load::{Positions, did_you_mean};
use crate::model::Register;
use crate::source::FatalError;
use crate::view::{Findings, activities, card};

pub fn run(ctx: &Context, args: &ShowArgs) -> Exit {
    match show(ctx, args) {
        Ok(exit) => exit,
        Err(e) => ctx.fail(&e),
    }
}

fn show(ctx: &Context, args: &ShowArgs) -> Result<Exit, FatalError> {
    if args.id.trim().is_empty() {
        return Err(
            FatalError::new("`ropa show` needs an activity id").with_help(
                "e.g. `ropa show customer-services/call-recording`; `ropa list` shows every id",
            ),
        );
    }
    let file = activity_file(ctx, &args.id);
    let root = match (&args.register, &file) {
        // A file named by its path says which register it is in.
        (None, Some(file)) => {
            // `cctv.toml` given in its own folder has an empty parent: that folder is `.`.
            let folder = match file.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            crate::discover::find_register(folder)?.root
        }
        (dir, _) => ctx.register_root(dir.as_deref())?,
    };
    let loaded = ctx.load_whole(&root, "shown", Positions::Keep)?;
    let register = &loaded.register;
    let today = args.today.unwrap_or_else(system_today);
    let findings = Findings::of(register, today);
    let width = output_width();
    let text = match (args.id.as_str(), args.processor_id.as_deref()) {
        ("processor", Some(id)) if id.trim().is_empty() => return Err(no_processor_id(register)),
        ("processor", Some(id)) => {
            let processor = register
                .processor(id.trim())
                .ok_or_else(|| unknown_processor(register, id.trim()))?;
            card::processor(register, processor, &findings, today, width)
        }
        ("processor", None) if !register.activities.iter().any(|a| a.id == "processor") => {
            return Err(no_processor_id(register));
        }
        (first, Some(second)) => {
            return Err(FatalError::new(format!(
                "`ropa show` takes one activity id, but was given `{first}` and `{second}`"
            ))
            .with_help("to show a processor, write `ropa show processor <ID>`"));
        }
        (given, None) => {
            let id = match &file {
                Some(file) => id_of_file(&root, file, given)?,
                None => activity_id(given).to_string(),
            };
            let id = id.as_str();
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

/// The file an id names when it is written as a path (it ends in `.toml` or has an
/// `activities/` folder in it) and that file exists, relative to the current folder (or
/// `-C DIR`) as `ropa lint` prints it.
fn activity_file(ctx: &Context, given: &str) -> Option<PathBuf> {
    let given = given.trim();
    let looks_like_path = given.ends_with(".toml")
        || given.starts_with("activities/")
        || given.contains("/activities/");
    let path = ctx.resolve(Some(Path::new(given)));
    (looks_like_path && path.is_file()).then_some(path)
}

/// The id of an activity file: its path inside `<root>/activities/`, without `.toml`.
fn id_of_file(root: &Path, file: &Path, given: &str) -> Result<String, FatalError> {
    let not_in = || {
        FatalError::new(format!(
            "`{given}` is not in the activities/ folder of the register in {}",
            root.display()
        ))
        .with_help(
            "give the activity's id as `ropa list` shows it, or the register that holds the \
             file with --register DIR",
        )
    };
    let (Ok(file), Ok(activities)) = (file.canonicalize(), root.join("activities").canonicalize())
    else {
        return Err(not_in());
    };
    let inside = file.strip_prefix(&activities).map_err(|_| not_in())?;
    let parts: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let id = parts.join("/");
    Ok(id.strip_suffix(".toml").unwrap_or(&id).to_string())
}

/// An activity id, also accepted as its file's path inside the register
/// (`activities/x/y.toml`).
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

/// `ropa show processor` without an id: ask for one, listing them.
fn no_processor_id(register: &Register) -> FatalError {
    let ids: Vec<&str> = register.processors.iter().map(|p| p.id.as_str()).collect();
    let help = if ids.is_empty() {
        "this register has no files in processors/".to_string()
    } else {
        format!(
            "e.g. `ropa show processor {}`; processor ids: {}",
            ids[0],
            ids.join(", ")
        )
    };
    FatalError::new("`ropa show processor` needs the processor's id").with_help(help)
}

fn unknown_processor(register: &Register, id: &str) -> FatalError {
    let users: Vec<&str> = register.users_of(id).map(|a| a.id.as_str()).collect();
    if !users.is_empty() {
        return FatalError::new(format!(
            "processor `{id}` has no file in processors/ (named by {}: {})",
            activities(users.len()),
            users.join(", ")
        ))
        .with_help(format!(
            "create processors/{id}.toml with `ropa new processor {id}`, or correct the id in \
             those activities"
        ));
    }
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

    fn register() -> Register {
        let files = [
            ("ropa.toml", "[controller]\nname = \"Test Council\"\n"),
            (
                "activities/a/one.toml",
                "name = \"One\"\nprocessors = [\"ghost\"]\n",
            ),
            (
                "activities/two.toml",
                "name = \"Two\"\nprocessors = [\"ghost\"]\n",
            ),
            ("processors/mailer.toml", "name = \"Mailer Inc\"\n"),
        ];
        crate::load::load(&crate::source::MemorySource::from_texts("reg", &files))
            .unwrap()
            .register
    }

    #[test]
    fn a_processor_named_by_activities_but_without_a_file_says_so() {
        let err = unknown_processor(&register(), "ghost");
        assert_eq!(
            err.message,
            "processor `ghost` has no file in processors/ (named by 2 activities: a/one, two)"
        );
        assert_eq!(
            err.help.as_deref(),
            Some(
                "create processors/ghost.toml with `ropa new processor ghost`, or correct the id \
                 in those activities"
            )
        );
        let err = unknown_processor(&register(), "mailr");
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `mailer`? `ropa summary` shows every id")
        );
        let err = no_processor_id(&register());
        assert_eq!(
            err.message,
            "`ropa show processor` needs the processor's id"
        );
    }

    #[test]
    fn a_file_path_gives_the_id_inside_activities() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/glance-register");
        let file = root.join("activities/human-resources/../human-resources/parish-payroll.toml");
        assert_eq!(
            id_of_file(&root, &file, "x").unwrap(),
            "human-resources/parish-payroll"
        );
        let outside = root.join("ropa.toml");
        let err = id_of_file(&root, &outside, "ropa.toml").unwrap_err();
        assert!(
            err.message
                .starts_with("`ropa.toml` is not in the activities/ folder")
        );
    }
}
