//! `--function` and `--activity`: which activities `export`, `list`, `map` and `notice` cover.

use crate::cli::ActivityScope;
use crate::export::Selection;
use crate::export::selection::check_functions;
use crate::model::Register;
use crate::source::FatalError;

/// The activities the flags choose. Each `--function` must name a business function of the
/// register: a misspelt one is an error that offers the nearest, not an empty output.
pub fn selection(register: &Register, scope: &ActivityScope) -> Result<Selection, FatalError> {
    let selection = Selection::new(&scope.functions, &scope.activities)?;
    check_functions(register, &scope.functions)?;
    Ok(selection)
}

/// The error when `--activity`, with any `--function`, matches nothing. Each `--function`
/// was checked against the register already ([`selection`]).
pub fn nothing_selected(scope: &ActivityScope) -> FatalError {
    let filters = if scope.functions.is_empty() {
        "the --activity filter"
    } else {
        "the --function and --activity filters"
    };
    FatalError::new(format!("no activity matches {filters} given")).with_help(
        "`ropa list` shows every activity's id and business function; a pattern such as \
         `customer-services/*` matches the ids in one folder",
    )
}
