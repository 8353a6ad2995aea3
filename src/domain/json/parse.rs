//! Parsing JSON text into a [`Value`], with serde_json's messages and positions.

use super::read::Step;
use super::{Number, Value, MAX_DEPTH};
use std::fmt;

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
