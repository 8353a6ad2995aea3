//! Fields the JSON formats of other tools share, as serde types: a character offset ([`Offset`]) and
//! an id that is a number or a string ([`Id`]); and [`read_file`] and [`read_line`], which read a
//! record type and put a problem at its line, column or JSON path.

use super::{error, FormatError};
use crate::domain::files::json::{from_str, JsonError};
use crate::domain::model::span::Span;
use serde::de::{self, DeserializeOwned, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A character offset: a whole number from 0, written as a plain number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Offset(pub usize);

impl<'de> Deserialize<'de> for Offset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Offset, D::Error> {
        struct Whole;
        impl Visitor<'_> for Whole {
            type Value = Offset;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number of characters counted from 0")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Offset, E> {
                usize::try_from(v)
                    .map(Offset)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Offset, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &self)),
                }
            }
        }
        d.deserialize_u64(Whole)
    }
}

/// An id that is a whole number or a string (doccano's entities, Label Studio's regions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Id {
    /// A whole number from 0, written as a number.
    Number(u64),
    /// A string, or a negative number as its digits.
    Text(String),
}

impl Id {
    /// The id as text, to match ids by: a number and the string of its digits are the same id.
    pub fn key(&self) -> String {
        match self {
            Id::Number(n) => n.to_string(),
            Id::Text(text) => text.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        struct NumberOrText;
        impl Visitor<'_> for NumberOrText {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number or a string")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id::Number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(u64::try_from(v).map_or_else(|_| Id::Text(v.to_string()), Id::Number))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
                Ok(Id::Text(v))
            }
        }
        d.deserialize_any(NumberOrText)
    }
}

/// The span `[start, end)` in a text of `len` code points; a problem is put at `end_path`.
pub fn span(start: usize, end: usize, len: usize, end_path: &str) -> Result<Span, FormatError> {
    Span::within(start, end, len).or_else(|e| error(end_path, e.to_string()))
}

/// Reads the whole of `text` as a `T`. A syntax error is put at its place (`line 2, column 13`), a
/// value of the wrong shape at its JSON path (`[0].data.text`), with serde's reason.
pub fn read_file<T: DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    from_str(text).map_err(|e| problem(e, None))
}

/// Reads the line `number` of a JSON Lines file as a `T`: a problem is put at `line 3, column 7`
/// (syntax) or `line 3: entities[1].label` (shape).
pub fn read_line<T: DeserializeOwned>(line: &str, number: usize) -> Result<T, FormatError> {
    from_str(line).map_err(|e| problem(e, Some(number)))
}

/// The [`FormatError`] of `e`, in a file, or in the line `line` of a JSON Lines file.
pub fn problem(e: JsonError, line: Option<usize>) -> FormatError {
    let path = match line {
        _ if e.syntax => {
            let at = line.map_or(e.line, |n| n + e.line.saturating_sub(1));
            format!("line {at}, column {}", e.column)
        }
        Some(n) if e.path.is_empty() => format!("line {n}"),
        Some(n) => format!("line {n}: {}", e.path),
        None => e.path,
    };
    FormatError {
        path,
        message: e.message,
    }
}

#[cfg(test)]
#[path = "../../tests/formats/fields.rs"]
mod tests;
