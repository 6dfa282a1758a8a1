//! Country codes beyond their shape: the schema checks two capital letters, this checks that
//! they name a country. `UK` and `EU` are what people write, and neither is an ISO 3166-1 code
//! (the UK is `GB`; the EU is not a country), so each gets its own help.

use serde_json::Value;

use crate::diag::Diagnostic;
use crate::document::{Document, Seg};
use crate::schema::FileKind;
use crate::vocab::not_a_country_code;

/// True when `code` passes both the schema's pattern and [`check`]: what the model read
/// straight from the parser must hold to skip them.
pub fn is_known_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && not_a_country_code(code).is_none()
        && isocountry::CountryCode::for_alpha2(code).is_ok()
}

/// The problems with the country codes of one file (file 0, set by the caller).
pub fn check(kind: FileKind, doc: &Document, json: &Value) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut code_at = |code: &str, path: &[Seg<'_>]| {
        let help = match not_a_country_code(code) {
            Some(help) => help,
            None if isocountry::CountryCode::for_alpha2(code).is_ok() => return,
            None => "use the two-letter ISO 3166-1 code of the country, e.g. `US`, `IE` or `IN` (`ropa list --country` accepts country names too)".to_string(),
        };
        out.push(
            Diagnostic::error(
                "invalid-value",
                0,
                doc.span_for(path),
                format!("`{code}` is not an ISO 3166-1 country code"),
            )
            .with_help(help),
        );
    };
    match kind {
        FileKind::Activity => {
            let transfers = json.get("transfers").and_then(Value::as_array);
            for (i, transfer) in transfers.into_iter().flatten().enumerate() {
                if let Some(code) = transfer.get("country").and_then(Value::as_str) {
                    code_at(
                        code,
                        &[Seg::Key("transfers"), Seg::Index(i), Seg::Key("country")],
                    );
                }
            }
        }
        FileKind::Processor => {
            let countries = json.get("countries").and_then(Value::as_array);
            for (i, code) in countries.into_iter().flatten().enumerate() {
                if let Some(code) = code.as_str() {
                    code_at(code, &[Seg::Key("countries"), Seg::Index(i)]);
                }
            }
            // A sub-processor written as a table says where it works too.
            let subs = json.get("sub_processors").and_then(Value::as_array);
            for (i, sub) in subs.into_iter().flatten().enumerate() {
                let codes = sub.get("countries").and_then(Value::as_array);
                for (j, code) in codes.into_iter().flatten().enumerate() {
                    if let Some(code) = code.as_str() {
                        let path = [
                            Seg::Key("sub_processors"),
                            Seg::Index(i),
                            Seg::Key("countries"),
                            Seg::Index(j),
                        ];
                        code_at(code, &path);
                    }
                }
            }
        }
        FileKind::Register => {}
    }
    out
}
