//! Writing JSON text, compact or indented, byte for byte as serde_json wrote it.

use super::{Number, Value};
use std::fmt::Write as _;

/// Writes JSON text into a string, compact or indented, exactly as serde_json wrote it.
///
/// Call the methods in document order: `begin_object`, then `key` and a value for each member, then
/// `end_object`; arrays alike. [`Writer::field`] writes a key and a scalar value at once.
#[derive(Debug)]
pub struct Writer {
    out: String,
    pretty: bool,
    /// How many arrays and objects are open.
    depth: usize,
    /// Nothing is written yet in the innermost open array or object.
    empty: bool,
    /// A key was just written, so the next value follows it on the same line.
    after_key: bool,
}

impl Writer {
    /// A writer of compact JSON: no whitespace at all.
    pub fn compact() -> Writer {
        Writer {
            out: String::new(),
            pretty: false,
            depth: 0,
            empty: true,
            after_key: false,
        }
    }

    /// A writer of JSON indented by two spaces, `": "` after keys, empty arrays and objects as `[]`, `{}`.
    pub fn pretty() -> Writer {
        Writer {
            pretty: true,
            ..Writer::compact()
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Starts an object.
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// Ends the innermost object.
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// Starts an array.
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// Ends the innermost array.
    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Writes the key of the next member of the innermost object; its value comes next.
    pub fn key(&mut self, key: &str) {
        self.separate();
        write_string(&mut self.out, key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
    }

    /// Writes a member of the innermost object whose value is a scalar.
    pub fn field<T: Scalar + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write(self);
    }

    /// Writes a string.
    pub fn string(&mut self, s: &str) {
        self.before_value();
        write_string(&mut self.out, s);
    }

    /// Writes a number.
    pub fn number(&mut self, n: &Number) {
        self.before_value();
        // Writing into a String cannot fail.
        let _ = write!(self.out, "{n}");
    }

    /// Writes `true`, `false` or `null`.
    fn word(&mut self, word: &str) {
        self.before_value();
        self.out.push_str(word);
    }

    /// Writes any value.
    pub fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.word("null"),
            Value::Bool(b) => b.write(self),
            Value::Number(n) => self.number(n),
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.begin_array();
                for item in items {
                    self.value(item);
                }
                self.end_array();
            }
            Value::Object(members) => {
                self.begin_object();
                for (key, item) in members {
                    self.key(key);
                    self.value(item);
                }
                self.end_object();
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.before_value();
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// What comes before a value: nothing after a key or at the top, else a separator.
    fn before_value(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else if self.depth > 0 {
            self.separate();
        }
    }

    /// A comma unless this is the first item, then the new line of the item.
    fn separate(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }
}

/// A value that [`Writer::field`] writes: strings, integers, booleans, and `Option`s of them (`None` is
/// `null`).
pub trait Scalar {
    /// Writes the value as the next value of `w`.
    fn write(&self, w: &mut Writer);
}

impl Scalar for str {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl Scalar for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl Scalar for bool {
    fn write(&self, w: &mut Writer) {
        w.word(if *self { "true" } else { "false" });
    }
}

impl Scalar for u64 {
    fn write(&self, w: &mut Writer) {
        w.number(&Number::U64(*self));
    }
}

impl Scalar for u32 {
    fn write(&self, w: &mut Writer) {
        u64::from(*self).write(w);
    }
}

impl Scalar for usize {
    fn write(&self, w: &mut Writer) {
        // usize is at most 64 bits on every target Rust supports.
        u64::try_from(*self).unwrap_or(u64::MAX).write(w);
    }
}

impl Scalar for i64 {
    fn write(&self, w: &mut Writer) {
        match u64::try_from(*self) {
            Ok(n) => w.number(&Number::U64(n)),
            Err(_) => w.number(&Number::I64(*self)),
        }
    }
}

impl<T: Scalar + ?Sized> Scalar for &T {
    fn write(&self, w: &mut Writer) {
        (**self).write(w);
    }
}

impl<T: Scalar> Scalar for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write(w),
            None => w.word("null"),
        }
    }
}

/// Writes `s` as a JSON string, escaping as serde_json did: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`,
/// other control characters as `\u00XX`; everything else, non-ASCII too, as it is.
pub(super) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut plain_from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both ends are character boundaries.
        out.push_str(s.get(plain_from..i).unwrap_or_default());
        plain_from = i + 1;
        if escape.is_empty() {
            let hex = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0');
            out.push_str("\\u00");
            out.push(hex(b >> 4));
            out.push(hex(b & 0xf));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(s.get(plain_from..).unwrap_or_default());
    out.push('"');
}
