//! Reading the model straight from the parser's table, without the JSON copy and schema
//! check: the route every well-formed file takes. It must accept exactly what the schema
//! route accepts and give the same model; wherever it is unsure it declines, and the
//! caller takes the schema route, whose messages say what is wrong. Debug builds (every test
//! and fuzz run) take both routes for each file and check that they agree.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::DeTable;

use super::countries::is_known_code;
use crate::model::{Activity, Processor, SubProcessor, is_id_segment};

/// What the schema checks that the model's types do not: the shape of processor ids and
/// country codes (and, in `countries`, that a code names a country).
pub trait SchemaExtras {
    fn passes_schema_extras(&self) -> bool;
}

impl SchemaExtras for Activity {
    fn passes_schema_extras(&self) -> bool {
        let ids = self
            .processors
            .iter()
            .flatten()
            .all(|p| is_id_segment(&p.0));
        let countries = self
            .transfers
            .iter()
            .flatten()
            .filter_map(|t| t.country.as_ref())
            .all(|c| is_known_code(&c.0));
        ids && countries
    }
}

impl SchemaExtras for Processor {
    fn passes_schema_extras(&self) -> bool {
        let own = self.countries.iter().flatten();
        let subs = self
            .sub_processors
            .iter()
            .flatten()
            .filter_map(|s| match s {
                SubProcessor::Name(_) => None,
                SubProcessor::Detailed(d) => d.countries.as_ref(),
            })
            .flatten();
        own.chain(subs).all(|c| is_known_code(&c.0))
    }
}

/// The model, if the table reads into it and passes what the schema adds; `None` sends the
/// file down the schema route.
pub fn read<T: DeserializeOwned + SchemaExtras>(table: Spanned<DeTable<'_>>) -> Option<T> {
    let value = T::deserialize(toml::de::Deserializer::from(table)).ok()?;
    value.passes_schema_extras().then_some(value)
}
