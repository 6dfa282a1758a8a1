//! `ropa new activity|processor <id>`: write a commented template for a new file.

use std::io::Write;

use super::{Context, Exit};
use crate::cli::{NewArgs, NewKind};
use crate::model::{is_id_segment, suggest_id_segment};
use crate::source::FatalError;

const ACTIVITY: &str = include_str!("../templates/activity.toml");
const PROCESSOR: &str = include_str!("../templates/processor.toml");

pub fn run(ctx: &Context, args: &NewArgs) -> Exit {
    let root = match ctx.register_root(args.register.as_deref()) {
        Ok(root) => root,
        Err(e) => return ctx.fail(&e),
    };
    if !root.join("ropa.toml").is_file() {
        return ctx.fail(
            &FatalError::new(format!(
                "`{}` is not a register (no ropa.toml)",
                root.display()
            ))
            .with_help(
                "give --register the folder that holds ropa.toml, or create one with `ropa init`",
            ),
        );
    }
    let id = match validate_id(args.kind, &args.id) {
        Ok(id) => id,
        Err(e) => return ctx.fail(&e),
    };
    let (folder, template) = match args.kind {
        NewKind::Activity => ("activities", ACTIVITY),
        NewKind::Processor => ("processors", PROCESSOR),
    };
    let rel = format!("{folder}/{id}.toml");
    let depth = rel.matches('/').count();
    let schema = format!("{}schema/activity.schema.json", "../".repeat(depth));
    let text = template
        .replace("{{schema}}", &schema)
        .replace("{{name}}", &title_from_id(&id));
    if let Err(e) = crate::fs_util::write_inside(&root, &rel, text.as_bytes(), args.force) {
        return ctx.fail(&e);
    }
    if !ctx.quiet {
        let _ = writeln!(ctx.stdout(), "Created {}", root.join(&rel).display());
    }
    Exit::Clean
}

/// Checks an id typed on the command line: slug segments only, so it can never name a path
/// outside the register.
fn validate_id(kind: NewKind, raw: &str) -> Result<String, FatalError> {
    let id = raw.strip_suffix(".toml").unwrap_or(raw);
    // `ropa new activity activities/hr/payroll` names the file's path: the id is the part
    // after `activities/`, so the file is not put in activities/activities/.
    let folder = match kind {
        NewKind::Activity => "activities/",
        NewKind::Processor => "processors/",
    };
    let id = id.strip_prefix("./").unwrap_or(id);
    let id = id.strip_prefix(folder).unwrap_or(id);
    let segments: Vec<&str> = id.split('/').collect();
    if kind == NewKind::Processor && segments.len() > 1 {
        return Err(FatalError::new(format!(
            "`{raw}` is not a valid processor id: it cannot contain `/`"
        ))
        .with_help("a processor id is one name such as `rostrvm`"));
    }
    if let Some(bad) = segments.iter().find(|s| !is_id_segment(s)) {
        let suggestion: Vec<String> = segments
            .iter()
            .map(|s| suggest_id_segment(s))
            .filter(|s| !s.is_empty())
            .collect();
        let mut error = FatalError::new(format!(
            "`{raw}` is not a valid id: `{bad}` must be lowercase letters, digits and single hyphens"
        ));
        if !suggestion.is_empty() {
            error = error.with_help(format!("try `{}`", suggestion.join("/")));
        }
        return Err(error);
    }
    Ok(id.to_string())
}

/// "call-recording" → "Call recording", a starting name the user will edit.
fn title_from_id(id: &str) -> String {
    let last = id.rsplit('/').next().unwrap_or(id).replace('-', " ");
    let mut chars = last.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_escape_the_register() {
        for bad in ["../x", "/etc/passwd", "a//b", "A", "a b", "a/../b", ""] {
            assert!(validate_id(NewKind::Activity, bad).is_err(), "{bad}");
        }
        assert!(validate_id(NewKind::Processor, "a/b").is_err());
        assert_eq!(
            validate_id(NewKind::Activity, "cs/calls.toml").unwrap(),
            "cs/calls"
        );
        assert_eq!(title_from_id("cs/call-recording"), "Call recording");
        assert_eq!(
            validate_id(NewKind::Activity, "activities/hr/payroll").unwrap(),
            "hr/payroll"
        );
        assert_eq!(
            validate_id(NewKind::Processor, "processors/capita.toml").unwrap(),
            "capita"
        );
    }
}
