//! What a JSON file looks like from outside, read without keeping its content: whether it is a list,
//! an object or a plain value, the keys an object has among those that tell formats apart, and its
//! `type`. Reading a [`Shape`] skips every other value unread, so a large file costs no memory.

use super::shapes::{plain_values, Loose, LooseVisitor, OneOrMany};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The keys a [`Shape`] notes: the ones that tell the formats apart.
pub const KEYS: [&str; 10] = [
    "format", "@context", "type", "data", "text", "entities", "label", "labels", "spans", "tokens",
];

/// The outside of a JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A list, with the shape of its first item (`None` when empty).
    List(Option<Box<Shape>>),
    /// An object.
    Object(Keys),
    /// Anything else.
    Plain(Loose),
}

/// What an object shows of itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    /// The keys it has among [`KEYS`].
    pub keys: Vec<&'static str>,
    /// Its `type`, if it has one.
    pub kind: Option<OneOrMany<Loose>>,
}

impl Shape {
    /// The first item of a list, or the value itself otherwise.
    pub fn first(&self) -> Option<&Shape> {
        match self {
            Shape::List(first) => first.as_deref(),
            other => Some(other),
        }
    }

    /// Whether it is an object with `key`, one of [`KEYS`].
    pub fn has(&self, key: &str) -> bool {
        matches!(self, Shape::Object(keys) if keys.keys.contains(&key))
    }

    /// Its `type` if it is an object that has one.
    pub fn kind(&self) -> Option<&OneOrMany<Loose>> {
        match self {
            Shape::Object(keys) => keys.kind.as_ref(),
            _ => None,
        }
    }
}

/// Whether a `type` is `name` or a list that holds it.
pub fn is_a(kind: Option<&OneOrMany<Loose>>, name: &str) -> bool {
    kind.is_some_and(|k| k.as_slice().iter().any(|t| t.text() == Some(name)))
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shape, D::Error> {
        d.deserialize_any(ShapeVisitor)
    }
}

/// Reads a list's first item and an object's keys and `type`; skips the rest.
struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    plain_values!(Shape, Shape::Plain);
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        let first = seq.next_element::<Shape>()?.map(Box::new);
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Shape::List(first))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut keys = Keys::default();
        while let Some(key) = map.next_key::<String>()? {
            if key == "type" {
                keys.kind = Some(map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            if let Some(known) = KEYS.iter().find(|k| **k == key) {
                keys.keys.push(known);
            }
        }
        Ok(Shape::Object(keys))
    }
}

#[cfg(test)]
#[path = "../../tests/formats/sniff.rs"]
mod tests;
