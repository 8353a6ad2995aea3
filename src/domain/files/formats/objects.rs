//! Records that must be JSON objects. serde's derived structs also read a list, field by field in
//! order, so `[1, 2]` in place of a doccano line would be read as one and refused for its first item.
//! [`Object`] and the `deserialize_with` helpers here read only objects and refuse anything else
//! with the record's own `expecting`: ``invalid type: sequence, expected a JSON object with "text"
//! and "entities"``.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// A `T` read only from a JSON object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Object<T>, D::Error> {
        d.deserialize_any(ObjectVisitor(PhantomData))
    }
}

/// Written as the `T` it holds.
impl<T: Serialize> Serialize for Object<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// For `#[serde(deserialize_with = "object")]`: a `T` read only from an object.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Object::deserialize(d).map(|o| o.0)
}

/// For `#[serde(default, deserialize_with = "some_object")]`: null or an object.
pub fn some_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Object<T>>::deserialize(d)?.map(|o| o.0))
}

/// For `#[serde(deserialize_with = "objects")]`: a list of objects.
pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Vec::<Object<T>>::deserialize(d)?
        .into_iter()
        .map(|o| o.0)
        .collect())
}

/// For `#[serde(default, deserialize_with = "some_objects")]`: null or a list of objects.
pub fn some_objects<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<Object<T>>>::deserialize(d)?
        .map(|items| items.into_iter().map(|o| o.0).collect()))
}

/// Reads a map as `T`; hands any other value to `T` as a [`Refuse`], so that `T` words the error.
struct ObjectVisitor<T>(PhantomData<T>);

/// `T`'s refusal of a value of the wrong kind.
fn refused<'de, T: Deserialize<'de>, E: de::Error>(
    unexpected: Unexpected<'_>,
) -> Result<Object<T>, E> {
    T::deserialize(Refuse::<E>(unexpected, PhantomData)).map(Object)
}

/// Visitor methods that refuse a plain value.
macro_rules! refuse {
    ($($method:ident($ty:ty) => $variant:ident),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Object<T>, E> {
            refused(Unexpected::$variant(v))
        }
    )*};
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Object<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    refuse! {
        visit_bool(bool) => Bool,
        visit_i64(i64) => Signed,
        visit_u64(u64) => Unsigned,
        visit_f64(f64) => Float,
        visit_str(&str) => Str,
    }
    fn visit_unit<E: de::Error>(self) -> Result<Object<T>, E> {
        refused(Unexpected::Unit)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Object<T>, A::Error> {
        refused(Unexpected::Seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Object)
    }
}

/// A deserializer that refuses whatever is asked of it: the value it stands for is of the wrong
/// kind, and the visitor's `expecting` says what was wanted.
struct Refuse<'a, E>(Unexpected<'a>, PhantomData<E>);

impl<'de, E: de::Error> Deserializer<'de> for Refuse<'_, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        Err(E::invalid_type(self.0, &visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}
