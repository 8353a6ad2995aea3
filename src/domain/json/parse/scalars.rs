//! The scalars of JSON text: numbers and strings, with their escapes.

use super::{
    Parser, SyntaxError, EOF_STRING, EOF_VALUE, INVALID_ESCAPE, INVALID_NUMBER, UNPAIRED_SURROGATE,
};
use crate::domain::json::Number;

impl<'a> Parser<'a> {
    /// Skips digits; how many there were.
    pub(super) fn digits(&mut self) -> usize {
        let from = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - from
    }

    /// The bytes from `from` to the current position.
    pub(super) fn since(&self, from: usize) -> &'a [u8] {
        self.bytes.get(from..self.i).unwrap_or_default()
    }

    /// A number, whose first byte (`-` or a digit) is next.
    pub(super) fn number(&mut self) -> Result<Number, SyntaxError> {
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
    pub(super) fn string(&mut self) -> Result<String, SyntaxError> {
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
