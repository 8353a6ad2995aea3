//! A small JSON reader and writer for the app's own files: the export file, the saved state, the seed
//! manifest and the benchmark fixtures. It replaces serde, serde_json and serde_path_to_error, which
//! cost the download about 22 KB brotli, and keeps the messages people and tests knew from them.
//!
//! - [`parse`] reads text into a [`Value`]. A [`SyntaxError`] says what is wrong and where, by line and
//!   column, in serde_json's words (`expected value at line 2 column 13`).
//! - [`FieldReader`] and the readers [`string`], [`integer`] and [`array`] turn a `Value` into typed
//!   records. A [`ReadError`] names the JSON path of the bad value (`annotations[3].end`) and words
//!   the problem as serde did (``invalid type: string "x", expected usize``); [`ReadError::message_in`]
//!   adds where that value ends in the text (for a missing field, where its object ends).
//! - [`Writer`] writes JSON text, compact or indented by two spaces, byte for byte as serde_json did.
//!
//! The rules, for any input:
//! - Objects keep their members in document order. [`parse`] keeps a repeated key twice,
//!   [`Value::get`] finds the last one, and [`FieldReader`] refuses it as a `duplicate field`.
//! - An integer (no fraction or exponent) that fits `u64` or `i64` is kept exactly. Any other number,
//!   such as `1.5`, `2e3`, `-0` or an integer past 64 bits, is kept as written ([`Number::Other`]) and
//!   written back unchanged, so no number is ever rounded. A number of magnitude 1.7976931348623158e308
//!   or more (infinity as an `f64`) is refused as `number out of range`.
//! - Strings must escape control characters. A `\u` escape of a UTF-16 surrogate must be a high one
//!   followed at once by a `\u` escape of a low one; an unpaired surrogate is refused.
//! - Arrays and objects nest at most [`MAX_DEPTH`] deep, so no input can overflow the stack.
//! - Nothing follows the value but whitespace.
//! - Lines count from 1. A column counts the bytes of its line up to and including the character in
//!   question (0 before the first), as serde_json counted.
//!
//! Parsing, reading and writing take time linear in the size of the text, and nothing here panics.

mod parse;
mod peek;
mod read;
mod serde_io;
mod timestamps;
mod write;

pub use peek::{kind_of, peek, Envelope, Peeked};
pub use serde_io::{from_str, to_compact, to_pretty, JsonError};
pub use timestamps::millis;

pub use parse::{parse, SyntaxError};
pub use read::{array, integer, read_text, string, FieldReader, Integer, Path, ReadError, Step};
pub use write::{Scalar, Writer};

use std::fmt;

/// How deep arrays and objects may nest; one more level is a syntax error.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in document order.
    Object(Vec<(String, Value)>),
}

/// A JSON number: 64-bit integers exactly, anything else as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    /// An integer from 0 to `u64::MAX`.
    U64(u64),
    /// An integer from `i64::MIN` to -1.
    I64(i64),
    /// Any other number, exactly as written (valid JSON number syntax): a fraction, an exponent, `-0`,
    /// or an integer past 64 bits.
    Other(String),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::U64(n) => write!(f, "{n}"),
            Number::I64(n) => write!(f, "{n}"),
            Number::Other(text) => f.write_str(text),
        }
    }
}

impl Value {
    /// The member `key` of an object (the last one, if the key is repeated); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value as a `u64`, if it is an integer in that range.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::U64(n)) => Some(*n),
            _ => None,
        }
    }

    /// The items of an array value.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The items of an array value, to change.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object value, to change.
    pub fn as_object_mut(&mut self) -> Option<&mut Vec<(String, Value)>> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The value as JSON text indented by two spaces, as `serde_json::to_string_pretty` wrote it.
    pub fn to_string_pretty(&self) -> String {
        let mut w = Writer::pretty();
        w.value(self);
        w.finish()
    }
}

/// The value as compact JSON text (`to_string`), as serde_json wrote it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = Writer::compact();
        w.value(self);
        f.write_str(&w.finish())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number::U64(n))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        match u64::try_from(n) {
            Ok(n) => Value::Number(Number::U64(n)),
            Err(_) => Value::Number(Number::I64(n)),
        }
    }
}

#[cfg(test)]
#[path = "../tests/json.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/fuzz_json.rs"]
mod fuzz;
