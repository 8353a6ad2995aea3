//! Reading typed records from a [`Value`], with the JSON path of every problem.

use super::parse::{end_of, line_column, parse};
use super::write::write_string;
use super::{Number, Value};
use std::fmt::{self, Write as _};

/// Where a value is in a document, as a chain from the root such as `annotations[3].end`. It is built
/// on the stack while reading and turned into [`Step`]s only for an error.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The whole document.
    Root,
    /// The member `key` of the object at the path.
    Key(&'a Path<'a>, &'a str),
    /// The item at an index of the array at the path.
    Index(&'a Path<'a>, usize),
}

/// One step of a path from the root of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Into the member of an object with this key.
    Key(String),
    /// Into the item of an array at this index.
    Index(usize),
}

impl Path<'_> {
    fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    steps.push(Step::Key((*key).to_owned()));
                    at = parent;
                }
                Path::Index(parent, index) => {
                    steps.push(Step::Index(*index));
                    at = parent;
                }
            }
        }
        steps.reverse();
        steps
    }
}

/// A value of the wrong type or range, or a missing or unknown field, found while reading a parsed
/// document into typed records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// Where the value is; empty for the whole document.
    pub steps: Vec<Step>,
    /// What is wrong, in serde's words, such as ``invalid type: string "x", expected usize``.
    pub message: String,
}

impl ReadError {
    /// The error `message` about the value at `path`.
    pub fn new(path: &Path<'_>, message: String) -> ReadError {
        ReadError {
            steps: path.steps(),
            message,
        }
    }

    /// The path as serde_path_to_error wrote it: `annotations[3].end`, `[0].id`; empty for the whole
    /// document.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.steps {
            match step {
                Step::Key(key) if out.is_empty() => out.push_str(key),
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Step::Index(index) => {
                    let _ = write!(out, "[{index}]");
                }
            }
        }
        out
    }

    /// The message with the place of the value in `text`, the document it was parsed from, as
    /// serde_json wrote it: ``invalid type: string "0", expected usize at line 1 column 54``. The
    /// place is the end of the value (for a missing field, the end of its object).
    pub fn message_in(&self, text: &str) -> String {
        match end_of(text, &self.steps) {
            Some(at) => {
                let (line, column) = line_column(text.as_bytes(), at);
                format!("{} at line {line} column {column}", self.message)
            }
            None => self.message.clone(),
        }
    }
}

/// `path: message`, or the message alone for the whole document.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.steps.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path(), self.message)
        }
    }
}

/// How serde named a value in `invalid type` messages.
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(Number::Other(text)) if !is_integer(text) => {
            format!("floating point `{text}`")
        }
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => {
            let mut quoted = String::from("string ");
            write_string(&mut quoted, s);
            quoted
        }
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// Whether number text has no fraction and no exponent.
fn is_integer(text: &str) -> bool {
    !text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
}

fn invalid_type(path: &Path<'_>, value: &Value, expected: &str) -> ReadError {
    ReadError::new(
        path,
        format!("invalid type: {}, expected {expected}", unexpected(value)),
    )
}

/// A string value, taken out of the document (which keeps an empty string in its place).
pub fn string(value: &mut Value, path: &Path<'_>) -> Result<String, ReadError> {
    match value {
        Value::String(s) => Ok(std::mem::take(s)),
        other => Err(invalid_type(path, other, "a string")),
    }
}

/// An integer type that [`integer`] reads, with the name serde gave it in messages.
pub trait Integer: Sized + TryFrom<u64> + TryFrom<i64> {
    /// Such as `usize`.
    const NAME: &'static str;
}

impl Integer for usize {
    const NAME: &'static str = "usize";
}

impl Integer for u32 {
    const NAME: &'static str = "u32";
}

impl Integer for u64 {
    const NAME: &'static str = "u64";
}

impl Integer for i64 {
    const NAME: &'static str = "i64";
}

/// An integer value that fits `T`. A number with a fraction or exponent is of the wrong type; an
/// integer outside `T`'s range, such as `-1` for `usize`, is an invalid value.
pub fn integer<T: Integer>(value: &mut Value, path: &Path<'_>) -> Result<T, ReadError> {
    let Value::Number(n) = &*value else {
        return Err(invalid_type(path, value, T::NAME));
    };
    let fits = match n {
        Number::U64(u) => T::try_from(*u).ok(),
        Number::I64(i) => T::try_from(*i).ok(),
        Number::Other(text) if text == "-0" => T::try_from(0_u64).ok(),
        Number::Other(_) => None,
    };
    match fits {
        Some(v) => Ok(v),
        None => match n {
            Number::Other(text) if !is_integer(text) => Err(invalid_type(path, value, T::NAME)),
            _ => Err(ReadError::new(
                path,
                format!("invalid value: integer `{n}`, expected {}", T::NAME),
            )),
        },
    }
}

/// An array value, each item read by `read`.
pub fn array<T>(
    value: &mut Value,
    path: &Path<'_>,
    mut read: impl FnMut(&mut Value, &Path<'_>) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    let Value::Array(items) = value else {
        return Err(invalid_type(path, value, "a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter_mut().enumerate() {
        out.push(read(item, &Path::Index(path, index))?);
    }
    Ok(out)
}

/// Reads the members of one JSON object into a record, as serde's derive did.
///
/// Fields are read with [`FieldReader::required`], [`FieldReader::or_default`] and
/// [`FieldReader::optional`]; then [`FieldReader::finish`] reports the first problem in document order
/// (an unknown field, if refused, a repeated field, or a bad value), else the first missing required
/// field in the order they were read.
#[derive(Debug)]
pub struct FieldReader<'a> {
    members: &'a mut [(String, Value)],
    path: &'a Path<'a>,
    /// The first problem so far in document order: the index of its member, and the error.
    problem: Option<(usize, ReadError)>,
    /// The first required field found missing.
    missing: Option<&'static str>,
}

impl<'a> FieldReader<'a> {
    /// Starts reading `value`, which must be an object with no keys but `names`. `what` names the
    /// record in messages, such as `struct AnnotationRecord`.
    pub fn new(
        value: &'a mut Value,
        path: &'a Path<'a>,
        what: &str,
        names: &[&str],
    ) -> Result<FieldReader<'a>, ReadError> {
        FieldReader::open(value, path, what, names, true)
    }

    /// Like [`FieldReader::new`], but keys other than `names` are skipped unread.
    pub fn lenient(
        value: &'a mut Value,
        path: &'a Path<'a>,
        what: &str,
        names: &[&str],
    ) -> Result<FieldReader<'a>, ReadError> {
        FieldReader::open(value, path, what, names, false)
    }

    fn open(
        value: &'a mut Value,
        path: &'a Path<'a>,
        what: &str,
        names: &[&str],
        strict: bool,
    ) -> Result<FieldReader<'a>, ReadError> {
        let Value::Object(members) = value else {
            return Err(invalid_type(path, value, what));
        };
        let mut problem = None;
        // Names seen so far, one bit each (names past the 64th are not checked for repeats).
        let mut seen: u64 = 0;
        for (index, (key, _)) in members.iter().enumerate() {
            let message = match names.iter().position(|n| n == key) {
                Some(n) => {
                    let bit = u32::try_from(n)
                        .ok()
                        .and_then(|n| 1_u64.checked_shl(n))
                        .unwrap_or(0);
                    if seen & bit == 0 {
                        seen |= bit;
                        continue;
                    }
                    format!("duplicate field `{key}`")
                }
                None if !strict => continue,
                None => unknown_field(key, names),
            };
            problem = Some((index, ReadError::new(&Path::Key(path, key), message)));
            break;
        }
        Ok(FieldReader {
            members,
            path,
            problem,
            missing: None,
        })
    }

    /// Reads the field `name` with `read`; `None` if it is absent. A bad value is noted and read as
    /// `T::default()`; so is a field after the first problem, which is not read at all.
    fn read<T: Default>(
        &mut self,
        name: &'static str,
        read: impl FnOnce(&mut Value, &Path<'_>) -> Result<T, ReadError>,
    ) -> Option<T> {
        let (index, (_, value)) = self
            .members
            .iter_mut()
            .enumerate()
            .find(|(_, (key, _))| key == name)?;
        if self.problem.as_ref().is_some_and(|(at, _)| *at < index) {
            return Some(T::default());
        }
        Some(
            read(value, &Path::Key(self.path, name)).unwrap_or_else(|e| {
                // Any problem noted so far comes later in the document than this one.
                self.problem = Some((index, e));
                T::default()
            }),
        )
    }

    /// Reads the field `name` with `read`; if it is absent, [`FieldReader::finish`] says so.
    pub fn required<T: Default>(
        &mut self,
        name: &'static str,
        read: impl FnOnce(&mut Value, &Path<'_>) -> Result<T, ReadError>,
    ) -> T {
        self.read(name, read).unwrap_or_else(|| {
            self.missing.get_or_insert(name);
            T::default()
        })
    }

    /// Reads the field `name` with `read`, or gives `T::default()` if it is absent.
    pub fn or_default<T: Default>(
        &mut self,
        name: &'static str,
        read: impl FnOnce(&mut Value, &Path<'_>) -> Result<T, ReadError>,
    ) -> T {
        self.read(name, read).unwrap_or_default()
    }

    /// Reads the field `name` with `read`; `None` if it is absent or null.
    pub fn optional<T>(
        &mut self,
        name: &'static str,
        read: impl FnOnce(&mut Value, &Path<'_>) -> Result<T, ReadError>,
    ) -> Option<T> {
        self.read(name, |value, path| match value {
            Value::Null => Ok(None),
            _ => read(value, path).map(Some),
        })
        .flatten()
    }

    /// The record read, or the first problem found.
    pub fn finish<T>(self, record: T) -> Result<T, ReadError> {
        if let Some((_, e)) = self.problem {
            return Err(e);
        }
        match self.missing {
            Some(name) => Err(ReadError::new(self.path, format!("missing field `{name}`"))),
            None => Ok(record),
        }
    }
}

/// serde's message for a key that is not one of `names`.
fn unknown_field(key: &str, names: &[&str]) -> String {
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let expected = match listed.as_slice() {
        [] => "there are no fields".to_owned(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        _ => format!("expected one of {}", listed.join(", ")),
    };
    format!("unknown field `{key}`, {expected}")
}

/// Parses `text` and reads the whole document with `read`. Any error is one line: the syntax error,
/// or `path: message at line L column C`.
pub fn read_text<T>(
    text: &str,
    read: impl FnOnce(&mut Value, &Path<'_>) -> Result<T, ReadError>,
) -> Result<T, String> {
    let mut value = parse(text).map_err(|e| e.to_string())?;
    read(&mut value, &Path::Root).map_err(|e| {
        let message = e.message_in(text);
        if e.steps.is_empty() {
            message
        } else {
            format!("{}: {message}", e.path())
        }
    })
}

#[cfg(test)]
#[path = "../tests/json_read.rs"]
mod tests;
