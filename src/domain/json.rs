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

use std::fmt::{self, Write as _};

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

// ---------------------------------------------------------------------------------------------------
// Writing

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
fn write_string(out: &mut String, s: &str) {
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

// ---------------------------------------------------------------------------------------------------
// Parsing

/// Why text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong, such as `expected value` or `EOF while parsing a string`.
    pub message: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// The column in bytes: 0 at the start of the line, else the count up to the character in question.
    pub column: usize,
}

/// As serde_json wrote it: `expected value at line 2 column 13`.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_OBJECT: &str = "EOF while parsing an object";
const INVALID_NUMBER: &str = "invalid number";
const INVALID_ESCAPE: &str = "invalid escape";
const UNPAIRED_SURROGATE: &str = "unpaired surrogate in \\u escape";
const NOT_A_KEY: &str = "key must be a string";
const TOO_DEEP: &str = "arrays and objects nested more than 128 deep";

/// Parses JSON text into a value.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser::new(text);
    let value = p.value()?;
    match p.skip_whitespace() {
        Some(_) => Err(p.peek_error("trailing characters")),
        None => Ok(value),
    }
}

/// Line and column of byte offset `at` of `text`, as [`SyntaxError`] counts them.
fn line_column(text: &[u8], at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// How many arrays and objects are open.
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            i: 0,
            depth: 0,
        }
    }

    fn error_at(&self, at: usize, message: &'static str) -> SyntaxError {
        let (line, column) = line_column(self.bytes, at);
        SyntaxError {
            message,
            line,
            column,
        }
    }

    /// An error about what was just read.
    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_at(self.i, message)
    }

    /// An error about the next byte, not yet read.
    fn peek_error(&self, message: &'static str) -> SyntaxError {
        self.error_at((self.i + 1).min(self.bytes.len()), message)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// Reads `b` if it comes next.
    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.i += 1;
        }
        found
    }

    /// Skips whitespace; the next byte, if any.
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        let Some(b) = self.skip_whitespace() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match b {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' => {
                self.enter()?;
                let mut items = Vec::new();
                let mut first = true;
                while self.next_item(&mut first)? {
                    items.push(self.value()?);
                }
                self.depth -= 1;
                Ok(Value::Array(items))
            }
            b'{' => {
                self.enter()?;
                let mut members = Vec::new();
                let mut first = true;
                while let Some(key) = self.next_key(&mut first)? {
                    let value = self.value()?;
                    members.push((key, value));
                }
                self.depth -= 1;
                Ok(Value::Object(members))
            }
            _ => Err(self.peek_error("expected value")),
        }
    }

    /// Reads the `[` or `{` that comes next, refusing one level too many.
    fn enter(&mut self) -> Result<(), SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.peek_error(TOO_DEEP));
        }
        self.depth += 1;
        self.i += 1;
        Ok(())
    }

    /// Reads `word` (`null`, `true`, `false`), whose first byte is next.
    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, SyntaxError> {
        self.i += 1;
        for expected in word.iter().skip(1) {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != *expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// In an array whose `[` was read: moves to the next item and says whether there is one, or reads
    /// the `]`. `first` is true before the first item.
    fn next_item(&mut self, first: &mut bool) -> Result<bool, SyntaxError> {
        match self.skip_whitespace() {
            None => Err(self.peek_error("EOF while parsing a list")),
            Some(b']') => {
                self.i += 1;
                Ok(false)
            }
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(b',') => {
                self.i += 1;
                match self.skip_whitespace() {
                    Some(b']') => Err(self.peek_error("trailing comma")),
                    _ => Ok(true),
                }
            }
            Some(_) => Err(self.peek_error("expected `,` or `]`")),
        }
    }

    /// In an object whose `{` was read: reads the next key and its `:`, or the `}` (then `None`).
    /// `first` is true before the first member.
    fn next_key(&mut self, first: &mut bool) -> Result<Option<String>, SyntaxError> {
        match self.skip_whitespace() {
            None => return Err(self.peek_error(EOF_OBJECT)),
            Some(b'}') => {
                self.i += 1;
                return Ok(None);
            }
            Some(b) if *first => {
                *first = false;
                if b != b'"' {
                    return Err(self.peek_error(NOT_A_KEY));
                }
            }
            Some(b',') => {
                self.i += 1;
                match self.skip_whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error("trailing comma")),
                    Some(_) => return Err(self.peek_error(NOT_A_KEY)),
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => return Err(self.peek_error("expected `,` or `}`")),
        }
        self.i += 1;
        let key = self.string()?;
        match self.skip_whitespace() {
            Some(b':') => self.i += 1,
            Some(_) => return Err(self.peek_error("expected `:`")),
            None => return Err(self.peek_error(EOF_OBJECT)),
        }
        Ok(Some(key))
    }

    /// Skips digits; how many there were.
    fn digits(&mut self) -> usize {
        let from = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - from
    }

    /// The bytes from `from` to the current position.
    fn since(&self, from: usize) -> &'a [u8] {
        self.bytes.get(from..self.i).unwrap_or_default()
    }

    /// A number, whose first byte (`-` or a digit) is next.
    fn number(&mut self) -> Result<Number, SyntaxError> {
        let start = self.i;
        let negative = self.eat(b'-');
        let int_start = self.i;
        match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        let int_digits = self.since(int_start);
        let mut fraction: &[u8] = &[];
        if self.eat(b'.') {
            let from = self.i;
            if self.digits() == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
            fraction = self.since(from);
        }
        let mut exponent: Option<i64> = None;
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let negative_exponent = self.eat(b'-');
            if !negative_exponent {
                self.eat(b'+');
            }
            let from = self.i;
            if self.digits() == 0 {
                return Err(match self.next() {
                    None => self.error(EOF_VALUE),
                    Some(_) => self.error(INVALID_NUMBER),
                });
            }
            let magnitude = self.since(from).iter().fold(0_i64, |n, d| {
                n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
            });
            exponent = Some(if negative_exponent {
                -magnitude
            } else {
                magnitude
            });
        }
        // Only ASCII was read, so these are character boundaries.
        let text = self.text.get(start..self.i).unwrap_or_default();
        if fraction.is_empty() && exponent.is_none() {
            if negative {
                if let Some(n) = text.parse::<i64>().ok().filter(|n| *n < 0) {
                    return Ok(Number::I64(n));
                }
            } else if let Ok(n) = text.parse::<u64>() {
                return Ok(Number::U64(n));
            }
        }
        if beyond_f64(int_digits, fraction, exponent.unwrap_or(0)) {
            return Err(self.error("number out of range"));
        }
        Ok(Number::Other(text.to_owned()))
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes up to the next quote, backslash or control character.
            let rest = self.bytes.get(self.i..).unwrap_or_default();
            let run = rest
                .iter()
                .position(|&b| matches!(b, b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(rest.len());
            // The run ends at an ASCII byte or at the end, so both ends are character boundaries.
            out.push_str(self.text.get(self.i..self.i + run).unwrap_or_default());
            self.i += run;
            match self.next() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of an escape whose backslash was read.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        Ok(match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            Some(_) => return Err(self.error(INVALID_ESCAPE)),
        })
    }

    /// The four hex digits of a `\u` escape. Errors are placed after all four, as serde_json placed them.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.bytes.get(self.i..self.i + 4) else {
            self.i = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        let mut n = 0;
        for &b in digits {
            let Some(digit) = char::from(b).to_digit(16) else {
                return Err(self.error(INVALID_ESCAPE));
            };
            n = n * 16 + digit;
        }
        Ok(n)
    }

    /// The character of a `\u` escape whose `\u` was read, and of the low surrogate's escape after a
    /// high surrogate.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let n = self.hex4()?;
        let code = match n {
            0xD800..=0xDBFF => {
                if self.peek().is_none() {
                    return Err(self.error(EOF_STRING));
                }
                if !(self.eat(b'\\') && self.eat(b'u')) {
                    return Err(self.error(UNPAIRED_SURROGATE));
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(UNPAIRED_SURROGATE));
                }
                0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error(UNPAIRED_SURROGATE)),
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.error(INVALID_ESCAPE))
    }
}

/// Whether the number with these integer and fraction digits and this exponent has a magnitude of
/// 1.7976931348623158e308 or more, which is infinity as an `f64`.
fn beyond_f64(int_digits: &[u8], fraction: &[u8], exponent: i64) -> bool {
    const LIMIT: &[u8] = b"17976931348623158";
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let leading_zeros = |d: &[u8]| d.iter().take_while(|&&b| b == b'0').count();
    let int_zeros = leading_zeros(int_digits);
    // The value is 0.DIGITS × 10^scale, the first of DIGITS not zero.
    let (digits, scale): (Vec<u8>, i64) = if int_zeros < int_digits.len() {
        let significant = int_digits.get(int_zeros..).unwrap_or_default();
        (
            significant.iter().chain(fraction).copied().collect(),
            count(significant.len()),
        )
    } else {
        let zeros = leading_zeros(fraction);
        let significant = fraction.get(zeros..).unwrap_or_default();
        (significant.to_vec(), -count(zeros))
    };
    if digits.is_empty() {
        return false;
    }
    match scale.saturating_add(exponent) {
        e if e > 309 => true,
        309 => {
            let end = digits.iter().rposition(|&b| b != b'0').map_or(0, |p| p + 1);
            digits.get(..end).unwrap_or_default() >= LIMIT
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------------
// Reading typed records

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

/// The byte offset just past the value at `steps` in `text` (the last member with a repeated key, as
/// [`Value::get`] finds), found by parsing again; `None` if the text has no such value.
fn end_of(text: &str, steps: &[Step]) -> Option<usize> {
    let mut p = Parser::new(text);
    for step in steps {
        let open = p.skip_whitespace()?;
        let mut first = true;
        match (step, open) {
            (Step::Key(key), b'{') => {
                p.enter().ok()?;
                // Where the value of the last member with this key starts.
                let mut found = None;
                while let Some(k) = p.next_key(&mut first).ok()? {
                    if k == *key {
                        found = Some(p.i);
                    }
                    p.value().ok()?;
                }
                p.i = found?;
            }
            (Step::Index(index), b'[') => {
                p.enter().ok()?;
                for _ in 0..*index {
                    if !p.next_item(&mut first).ok()? {
                        return None;
                    }
                    p.value().ok()?;
                }
                if !p.next_item(&mut first).ok()? {
                    return None;
                }
            }
            _ => return None,
        }
    }
    p.value().ok()?;
    Some(p.i)
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
#[path = "tests/json.rs"]
mod tests;
