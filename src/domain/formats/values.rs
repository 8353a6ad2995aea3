//! Reading the values of the JSON formats of other tools (doccano, Label Studio, W3C), each problem
//! put at its JSON path with words a person can act on.

use super::{error, FormatError};
use crate::domain::json::{Number, Value};
use crate::domain::span::Span;

/// A value for messages: scalars as written (cut to 40 characters), `a list`, `an object`.
pub fn shown(value: &Value) -> String {
    const MAX: usize = 40;
    match value {
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
        other => {
            let text = other.to_string();
            if text.chars().count() > MAX {
                let head: String = text.chars().take(MAX - 1).collect();
                format!("{head}…")
            } else {
                text
            }
        }
    }
}

/// The string at `path`, which must be there.
pub fn string<'v>(value: Option<&'v Value>, path: &str) -> Result<&'v str, FormatError> {
    match value {
        Some(Value::String(s)) => Ok(s),
        None => error(path, "missing"),
        Some(other) => error(path, format!("must be a string, not {}", shown(other))),
    }
}

/// The list at `path`.
pub fn list<'v>(value: &'v Value, path: &str) -> Result<&'v [Value], FormatError> {
    match value {
        Value::Array(items) => Ok(items),
        other => error(path, format!("must be a list, not {}", shown(other))),
    }
}

/// The character offset at `path`, which must be there: a whole number from 0.
pub fn offset(value: Option<&Value>, path: &str) -> Result<usize, FormatError> {
    match value {
        Some(Value::Number(Number::U64(n))) => {
            usize::try_from(*n).or_else(|_| error(path, format!("{n} is too large")))
        }
        None => error(
            path,
            "missing: give the offset in characters, counted from 0",
        ),
        Some(other) => error(
            path,
            format!(
                "must be a whole number of characters counted from 0, not {}",
                shown(other)
            ),
        ),
    }
}

/// The span `[start, end)` in a text of `len` code points; a problem is put at `end_path`.
pub fn span(start: usize, end: usize, len: usize, end_path: &str) -> Result<Span, FormatError> {
    Span::within(start, end, len).or_else(|e| error(end_path, e.to_string()))
}
