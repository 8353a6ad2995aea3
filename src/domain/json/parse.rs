//! Parsing JSON text into a [`Value`], with serde_json's messages and positions.

use super::read::Step;
use super::{Value, MAX_DEPTH};
use std::fmt;

mod scalars;

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
pub(super) fn line_column(text: &[u8], at: usize) -> (usize, usize) {
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
}

/// The byte offset just past the value at `steps` in `text` (the last member with a repeated key, as
/// [`Value::get`] finds), found by parsing again; `None` if the text has no such value.
pub(super) fn end_of(text: &str, steps: &[Step]) -> Option<usize> {
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
