//! The `lf_line_ends` export option: an article's text with LF line ends, and its offsets.
//!
//! brat's server reads a `.txt` with Python's universal newlines, so that each CR LF (and each lone
//! CR) is one LF to it; offsets written for the exact text then shift by one after every CR LF. With
//! the option, the `.txt` is written with LF line ends and the offsets count code points of that text.
//! Reading such a `.txt` beside the article it came from (the same text but for its line ends) puts
//! the annotations back at the article's own offsets.

use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::anchoring::CONTEXT_CHARS;
use crate::domain::model::article::Article;

/// A text with its line ends turned into LF, and where the CR of each CR LF was.
pub(super) struct LfText {
    /// The text: every CR LF and every lone CR is an LF.
    pub text: String,
    /// The code-point positions, in the original text, of the CRs that were dropped (those of CR LF
    /// pairs), in order.
    dropped: Vec<usize>,
}

impl LfText {
    /// `text` with LF line ends.
    pub fn of(text: &str) -> LfText {
        let mut out = String::with_capacity(text.len());
        let mut dropped = Vec::new();
        let mut chars = text.chars().enumerate().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => dropped.push(at),
                '\r' => out.push('\n'),
                c => out.push(c),
            }
        }
        LfText { text: out, dropped }
    }

    /// The text unchanged, for an export that keeps the exact text.
    pub fn exact(text: &str) -> LfText {
        LfText {
            text: text.to_owned(),
            dropped: Vec::new(),
        }
    }

    /// The code-point offset in this text of `offset` in the original: less one for each dropped CR
    /// before it.
    pub fn offset(&self, offset: usize) -> usize {
        offset - self.dropped.partition_point(|&cr| cr < offset)
    }

    /// The offset in the original text of `offset` in this one: more one for each dropped CR whose
    /// LF is before it (so a span ending just before a line end ends before its CR).
    pub fn original(&self, offset: usize) -> usize {
        // The k-th dropped CR's LF is at `dropped[k] - k` here, which never decreases with k.
        let (mut low, mut high) = (0, self.dropped.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.dropped.get(mid).is_some_and(|&cr| cr - mid < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        offset + low
    }

    /// Moves records read against `lf` (this text, as an article) onto `article`, the original:
    /// their offsets, context, and the text they mark when it was taken from `lf`.
    pub fn restore<'a>(
        &self,
        records: impl Iterator<Item = &'a mut AnnotationRecord>,
        lf: &Article,
        article: &Article,
    ) {
        for r in records {
            let (start, end) = (self.original(r.start), self.original(r.end));
            if r.exact == lf.slice(r.start, r.end) {
                article.slice(start, end).clone_into(&mut r.exact);
            }
            r.prefix = article
                .slice(start.saturating_sub(CONTEXT_CHARS), start)
                .to_owned();
            r.suffix = article
                .slice(end, end.saturating_add(CONTEXT_CHARS))
                .to_owned();
            (r.start, r.end) = (start, end);
        }
    }
}
