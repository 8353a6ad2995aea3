//! Reading and writing the app's files with serde: [`from_str`] reads any serde type and reports a
//! [`JsonError`] that names the JSON path of the bad value, the reason and the place in the text.

use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use std::fmt;

/// What is wrong with a JSON text, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// The JSON path of the bad value, such as `annotations[3].end`; empty for the whole document or
    /// a syntax error.
    pub path: String,
    /// The reason, in serde's words, without the place: ``invalid type: string "x", expected usize``.
    pub message: String,
    /// The line of the place in the text, from 1; 0 when the error has no place.
    pub line: usize,
    /// The column of the place, counting bytes of its line from 1.
    pub column: usize,
    /// Whether the text is not JSON at all (rather than JSON of the wrong shape).
    pub syntax: bool,
}

impl JsonError {
    /// An error of our own about the value at `path`, with no place in the text.
    pub fn custom(path: impl Into<String>, message: impl Into<String>) -> JsonError {
        JsonError {
            path: path.into(),
            message: message.into(),
            line: 0,
            column: 0,
            syntax: false,
        }
    }

    /// The reason followed by its place, as serde_json words it: `expected value at line 2 column 13`.
    pub fn message_with_place(&self) -> String {
        if self.line == 0 {
            self.message.clone()
        } else {
            format!(
                "{} at line {} column {}",
                self.message, self.line, self.column
            )
        }
    }

    fn from_serde(path: String, error: &serde_json::Error) -> JsonError {
        let full = error.to_string();
        let place = format!(" at line {} column {}", error.line(), error.column());
        let message = full.strip_suffix(&place).unwrap_or(&full).to_owned();
        let syntax = matches!(error.classify(), Category::Syntax | Category::Eof);
        JsonError {
            path: if syntax { String::new() } else { path },
            message,
            line: error.line(),
            column: error.column(),
            syntax,
        }
    }
}

/// `path: message at line L column C`, or the message alone for the whole document.
impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message_with_place())
        } else {
            write!(f, "{}: {}", self.path, self.message_with_place())
        }
    }
}

/// Reads `text` as a `T`: the whole text must be one JSON value of `T`'s shape, with nothing after it
/// but whitespace. `T` may borrow strings from `text`.
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        JsonError::from_serde(path, e.inner())
    })?;
    de.end()
        .map_err(|e| JsonError::from_serde(String::new(), &e))?;
    Ok(value)
}

/// `value` as compact JSON text.
pub fn to_compact<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| unreachable!("our types always serialize: {e}"))
}

/// `value` as a file of JSON text indented by two spaces, ending with a line end.
pub fn to_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| unreachable!("our types always serialize: {e}"));
    text.push('\n');
    text
}

#[cfg(test)]
#[path = "../../tests/json_serde.rs"]
mod tests;
