//! A first look at a JSON file: the few top-level fields that say what it is, read before its whole
//! shape so that a file of another kind or a newer version hears that, not a list of missing fields.

use super::{from_str, JsonError};
use serde::Deserialize;
use serde_json::Value;

/// The fields that say what a file is; every other field is skipped unread.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Envelope {
    /// `format`: whose file it is.
    pub format: Option<Value>,
    /// `version`: the file version.
    pub version: Option<Value>,
    /// `schema`: the saved state's version.
    pub schema: Option<Value>,
    /// `id`: the exercise's id.
    pub id: Option<Value>,
    /// `key`: present in a teacher's copy of an exercise.
    pub key: Option<Value>,
}

impl Envelope {
    /// `format` when it is a string.
    pub fn format(&self) -> Option<&str> {
        self.format.as_ref().and_then(Value::as_str)
    }

    /// `version` when it is a whole number.
    pub fn version(&self) -> Option<u64> {
        self.version.as_ref().and_then(Value::as_u64)
    }
}

/// What a JSON text holds at its top level.
#[derive(Clone, Debug)]
pub enum Peeked {
    /// An object, with the fields that say what it is.
    Object(Box<Envelope>),
    /// Another value, named as [`kind_of`] names it.
    Other(&'static str),
}

/// Looks at `text`'s top level; a syntax error anywhere in the text is an error.
pub fn peek(text: &str) -> Result<Peeked, JsonError> {
    if text.trim_start().starts_with('{') {
        from_str(text).map(|e| Peeked::Object(Box::new(e)))
    } else {
        from_str::<Value>(text).map(|v| Peeked::Other(kind_of(&v)))
    }
}

/// How a value is named in messages: `a string`, `a list`.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
