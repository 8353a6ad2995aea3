//! A validated, non-empty range of code points.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A non-empty range `[start, end)` of Unicode code points in an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    start: usize,
    end: usize,
}

/// Why a pair of offsets is not a span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpanError {
    /// The end does not come after the start.
    Empty {
        /// The start offset given.
        start: usize,
        /// The end offset given.
        end: usize,
    },
    /// The end lies past the end of the text.
    PastEnd {
        /// The end offset given.
        end: usize,
        /// The text's length in code points.
        len: usize,
    },
}

impl fmt::Display for SpanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanError::Empty { start, end } => {
                write!(f, "end {end} must be greater than start {start}")
            }
            SpanError::PastEnd { end, len } => {
                write!(
                    f,
                    "end {end} is past the end of the text ({len} characters)"
                )
            }
        }
    }
}

impl Span {
    /// A span `[start, end)`; `end` must be greater than `start`.
    pub fn new(start: usize, end: usize) -> Result<Span, SpanError> {
        if end <= start {
            return Err(SpanError::Empty { start, end });
        }
        Ok(Span { start, end })
    }

    /// A span that must also fit inside a text of `len` code points.
    pub fn within(start: usize, end: usize, len: usize) -> Result<Span, SpanError> {
        let span = Span::new(start, end)?;
        if end > len {
            return Err(SpanError::PastEnd { end, len });
        }
        Ok(span)
    }

    /// First code point of the span.
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last code point of the span.
    pub fn end(self) -> usize {
        self.end
    }

    /// Number of code points covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Always false: a span is never empty. Present for clippy's `len_without_is_empty`.
    pub fn is_empty(self) -> bool {
        false
    }

    /// Whether the code point at `pos` is inside the span.
    pub fn contains(self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// Whether the two spans share at least one code point.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {})", self.start, self.end)
    }
}

#[cfg(test)]
#[path = "../tests/span.rs"]
mod tests;
