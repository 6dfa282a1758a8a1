//! The order of keys in each register file, read from the model types themselves.
//!
//! serde's derive hands every struct's field names, in declaration order, to
//! `Deserializer::deserialize_struct`. [`Shape::of`] runs a model type's `Deserialize` against a
//! deserializer that only records those names and follows each field into its own type (through
//! `Option`, `Vec` and newtypes), so the formatter's key order can never drift from the model
//! (which is also the order of the format guide).
// Indexing cannot panic here: the index is checked against the length just before.
#![allow(clippy::indexing_slicing)]

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess};

/// The known keys of one table, in order, each with the shape of its own table (for fields that
/// hold a table or a list of tables).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Shape {
    fields: Vec<(&'static str, Option<Shape>)>,
}

impl Shape {
    /// The shape of a model type, e.g. `Shape::of::<Activity>()`.
    pub fn of<T: DeserializeOwned>() -> Self {
        let recorder = RefCell::new(Recorder::default());
        // Each failed run marks one more leaf field to step over, so this ends; the bound is a
        // guard against a model type whose Deserialize misbehaves.
        for _ in 0..10_000 {
            match T::deserialize(Capture {
                recorder: &recorder,
                parent: None,
            }) {
                Err(Stop { claimed: true }) => continue,
                _ => break,
            }
        }
        let recorder = recorder.into_inner();
        recorder
            .root
            .map(|root| recorder.build(root, 0))
            .unwrap_or_default()
    }

    /// The field names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|(name, _)| *name)
    }

    /// Where `key` comes in the order, or `None` for a key the model does not know.
    pub fn rank(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|(name, _)| *name == key)
    }

    /// The shape of the table (or of each table in the list) that `key` holds.
    pub fn child(&self, key: &str) -> Option<&Shape> {
        self.fields
            .iter()
            .find(|(name, _)| *name == key)
            .and_then(|(_, shape)| shape.as_ref())
    }
}

/// What the capturing runs have learnt so far.
#[derive(Default)]
struct Recorder {
    root: Option<&'static str>,
    /// Struct name → its field names.
    structs: HashMap<&'static str, &'static [&'static str]>,
    /// (struct, field) → the struct the field holds.
    links: HashMap<(&'static str, &'static str), &'static str>,
    /// Fields already followed to a leaf (a string, number, date, slug…): not visited again.
    done: HashSet<(&'static str, &'static str)>,
}

impl Recorder {
    fn build(&self, name: &'static str, depth: usize) -> Shape {
        let fields = self.structs.get(name).copied().unwrap_or_default();
        Shape {
            fields: fields
                .iter()
                .map(|field| {
                    let child = self
                        .links
                        .get(&(name, *field))
                        .filter(|_| depth < 16)
                        .map(|child| self.build(child, depth + 1));
                    (*field, child)
                })
                .collect(),
        }
    }
}

/// Ends a run. `claimed` once a struct has recorded which of its fields ended it.
#[derive(Debug)]
struct Stop {
    claimed: bool,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("shape capture reached a leaf")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop { claimed: false }
    }
}

/// A deserializer with no data: it records structs and stops at anything else.
#[derive(Clone, Copy)]
struct Capture<'r> {
    recorder: &'r RefCell<Recorder>,
    parent: Option<(&'static str, &'static str)>,
}

impl<'de> de::Deserializer<'de> for Capture<'_> {
    type Error = Stop;

    fn deserialize_any<V: de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop { claimed: false })
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_seq(OneItem(Some(self)))
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        let remaining = {
            let mut rec = self.recorder.borrow_mut();
            rec.structs.insert(name, fields);
            match self.parent {
                Some(link) => {
                    rec.links.insert(link, name);
                }
                None => rec.root = rec.root.or(Some(name)),
            }
            fields
                .iter()
                .copied()
                .filter(|f| !rec.done.contains(&(name, *f)))
                .collect()
        };
        visitor.visit_map(Fields {
            recorder: self.recorder,
            name,
            remaining,
            next: 0,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct tuple tuple_struct map enum identifier ignored_any
    }
}

/// A list of one item, so a `Vec<T>` field leads into `T`.
struct OneItem<'r>(Option<Capture<'r>>);

impl<'de> SeqAccess<'de> for OneItem<'_> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        self.0.take().map(|c| seed.deserialize(c)).transpose()
    }
}

/// A struct's fields as map keys, each value leading into the field's type.
struct Fields<'r> {
    recorder: &'r RefCell<Recorder>,
    name: &'static str,
    remaining: Vec<&'static str>,
    next: usize,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        let Some(field) = self.remaining.get(self.next) else {
            return Ok(None);
        };
        let key: StrDeserializer<'_, Stop> = field.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        let field = self.remaining[self.next];
        self.next += 1;
        seed.deserialize(Capture {
            recorder: self.recorder,
            parent: Some((self.name, field)),
        })
        .map_err(|mut stop| {
            if !stop.claimed {
                self.recorder.borrow_mut().done.insert((self.name, field));
                stop.claimed = true;
            }
            stop
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Shape;
    use crate::model::{Activity, Config, Processor};

    #[test]
    fn activity_keys_follow_the_model_and_nested_tables_are_followed() {
        let shape = Shape::of::<Activity>();
        let keys: Vec<_> = shape.keys().collect();
        assert_eq!(keys[..3], ["name", "business_function", "role"]);
        assert_eq!(keys.last(), Some(&"waivers"));
        assert_eq!(shape.rank("purposes"), Some(7));
        assert_eq!(shape.rank("no-such-key"), None);
        let basis: Vec<_> = shape.child("lawful_basis").unwrap().keys().collect();
        assert_eq!(basis[0], "article6");
        assert_eq!(basis.last(), Some(&"official_authority"));
        let retention: Vec<_> = shape.child("retention").unwrap().keys().collect();
        assert_eq!(retention, ["data", "period", "trigger", "action", "reason"]);
        assert_eq!(
            shape.child("waivers").unwrap().keys().collect::<Vec<_>>(),
            ["rule", "reason"]
        );
        assert!(
            shape.child("purposes").is_none(),
            "a list of text is a leaf"
        );
    }

    #[test]
    fn register_and_processor_shapes() {
        let config = Shape::of::<Config>();
        assert_eq!(
            config.keys().collect::<Vec<_>>(),
            ["controller", "dpo", "representative", "review", "lint"]
        );
        assert_eq!(config.child("dpo"), config.child("representative"));
        assert_eq!(
            config.child("controller").unwrap().keys().last(),
            Some("fewer_than_250_staff")
        );
        assert_eq!(
            config.child("lint").unwrap().keys().collect::<Vec<_>>(),
            ["deny", "warn", "allow"]
        );
        let processor = Shape::of::<Processor>();
        assert_eq!(processor.keys().next(), Some("name"));
        assert_eq!(processor.keys().count(), 9);
    }
}
