//! The loose shapes other tools' JSON takes, as serde types: a value read only when it is of the
//! kind wanted ([`Loose`]), one value or a list of them ([`OneOrMany`]), and an object or a plain
//! value in its place ([`ObjectOr`]). Each keeps the JSON path of a bad value inside it, so a
//! message still names where it is.

use serde::de::value::{
    BoolDeserializer, F64Deserializer, I64Deserializer, MapAccessDeserializer, StrDeserializer,
    StringDeserializer, U64Deserializer, UnitDeserializer,
};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// A value a format reads only when it is a string or a whole number; anything else is kept as a
/// message shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loose {
    /// A string.
    Text(String),
    /// A whole number from 0.
    Whole(u64),
    /// Any other value as shown in a message: `-3`, `3.5`, `true`, `null`, `a list`, `an object`.
    Other(String),
}

impl Loose {
    /// The string, if it is one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Loose::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The value for a message: as written in JSON, cut to 40 characters.
    pub fn shown(&self) -> String {
        const MAX: usize = 40;
        let text = match self {
            Loose::Text(text) => serde_json::to_string(text).unwrap_or_default(),
            Loose::Whole(n) => n.to_string(),
            Loose::Other(shown) => shown.clone(),
        };
        if text.chars().count() > MAX {
            let head: String = text.chars().take(MAX - 1).collect();
            format!("{head}…")
        } else {
            text
        }
    }
}

impl From<&str> for Loose {
    fn from(text: &str) -> Loose {
        Loose::Text(text.to_owned())
    }
}

/// Reads any value, keeping strings and whole numbers; lists and objects are skipped unread.
pub(super) struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Other(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(u64::try_from(v).map_or_else(|_| Loose::Other(v.to_string()), Loose::Whole))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Whole(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Other(serde_json::to_string(&v).unwrap_or_default()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other("null".into()))
    }
    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Other("a list".into()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other("an object".into()))
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

/// Written as the string or number it holds; any other value (never written) as null.
impl Serialize for Loose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Loose::Text(text) => s.serialize_str(text),
            Loose::Whole(n) => s.serialize_u64(*n),
            Loose::Other(_) => s.serialize_unit(),
        }
    }
}

/// For `#[serde(default, deserialize_with = "text_or_none")]`: the string, or `None` for any other
/// value, which the reader ignores.
pub fn text_or_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Loose::deserialize(d)? {
        Loose::Text(text) => Some(text),
        _ => None,
    })
}

/// For `#[serde(default, deserialize_with = "text_or_empty")]`: the string, or empty for any other
/// value.
pub fn text_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_or_none(d).map(Option::unwrap_or_default)
}

/// One value, or a list of them (JSON-LD's way with `body`, `target`, `type`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OneOrMany<T> {
    /// A single value in place of the list.
    One(T),
    /// A list.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values.
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(items) => items,
        }
    }

    /// Each value with its JSON path: `path` for a single value, `path[i]` for a list's items.
    pub fn each(&self, path: &str) -> Vec<(String, &T)> {
        match self {
            OneOrMany::One(one) => vec![(path.to_owned(), one)],
            OneOrMany::Many(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("{path}[{i}]"), item))
                .collect(),
        }
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            OneOrMany::One(one) => one.serialize(s),
            OneOrMany::Many(items) => items.serialize(s),
        }
    }
}

/// Hands a value that is not a list to `T`'s own reading, so its messages stay `T`'s.
struct OneOrManyVisitor<T>(PhantomData<T>);

/// `T` read from a plain value given to a visitor.
macro_rules! forward {
    ($($method:ident($ty:ty) => $de:ident),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<OneOrMany<T>, E> {
            T::deserialize($de::<E>::new(v)).map(OneOrMany::One)
        }
    )*};
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
    type Value = OneOrMany<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("one value or a list")
    }
    forward! {
        visit_bool(bool) => BoolDeserializer,
        visit_i64(i64) => I64Deserializer,
        visit_u64(u64) => U64Deserializer,
        visit_f64(f64) => F64Deserializer,
        visit_str(&str) => StrDeserializer,
        visit_string(String) => StringDeserializer,
    }
    fn visit_unit<E: de::Error>(self) -> Result<OneOrMany<T>, E> {
        T::deserialize(UnitDeserializer::<E>::new()).map(OneOrMany::One)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(OneOrMany::Many(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OneOrMany<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(OneOrMany::One)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OneOrMany<T>, D::Error> {
        d.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

/// An object of type `T`, or a plain value where another tool puts one (an IRI string in place of
/// a W3C target, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ObjectOr<T> {
    /// An object.
    Object(T),
    /// Anything else.
    Plain(Loose),
}

impl<T: Serialize> Serialize for ObjectOr<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ObjectOr::Object(object) => object.serialize(s),
            ObjectOr::Plain(plain) => plain.serialize(s),
        }
    }
}

/// The visitor methods of every plain value (not a list or an object): each is read as [`Loose`] and
/// wrapped by `$wrap` into `$out`.
macro_rules! plain_values {
    ($out:ty, $wrap:expr) => {
        plain_values!($out, $wrap; visit_bool(bool), visit_i64(i64), visit_u64(u64),
            visit_f64(f64), visit_str(&str), visit_string(String));
        fn visit_unit<E: de::Error>(self) -> Result<$out, E> {
            LooseVisitor.visit_unit().map($wrap)
        }
    };
    ($out:ty, $wrap:expr; $($method:ident($ty:ty)),*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<$out, E> {
            LooseVisitor.$method(v).map($wrap)
        }
    )*};
}
pub(super) use plain_values;

/// Reads an object as `T` and anything else as [`Loose`].
struct ObjectOrVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectOrVisitor<T> {
    type Value = ObjectOr<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    plain_values!(ObjectOr<T>, ObjectOr::Plain);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ObjectOr<T>, A::Error> {
        LooseVisitor.visit_seq(seq).map(ObjectOr::Plain)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ObjectOr<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(ObjectOr::Object)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ObjectOr<T>, D::Error> {
        d.deserialize_any(ObjectOrVisitor(PhantomData))
    }
}

#[cfg(test)]
#[path = "../../tests/formats/shapes.rs"]
mod tests;
