//! Quotation marks: pairing them in every common typography (“ ” " " « » „ “ ‚ ‘ ‘ ’ ‹ ›), across a
//! hard line wrap, and proposing the words between them as quotes when they are more than a scare quote.

use super::names::People;
use super::speakers::{speaker_of_quote, Speaker};
use super::text::{at, part, Doc};
use super::{Suggestion, SuggestionKind};
use crate::domain::model::names::Label;
use crate::domain::model::span::Span;

/// Fewer words than this in quotation marks are a scare quote or a title, not a quote.
pub(super) const QUOTE_WORDS: usize = 4;

/// A line longer than this is a paragraph, so a quote left open at its end is not wrapped onto the next.
const WRAPPED_LINE: usize = 90;

/// One region in quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Quoted {
    /// Where the opening mark is.
    pub open: usize,
    /// The quoted words: first code point.
    pub start: usize,
    /// The quoted words: one past the last code point (trailing spaces and commas left out).
    pub end: usize,
    /// Where the closing mark is; `None` when the quote runs to the end of its paragraph unclosed.
    pub close: Option<usize>,
    /// How many words it holds.
    pub words: usize,
}

impl Quoted {
    /// The position of the closing mark, or of the end of the words when there is none.
    pub fn close_mark(&self) -> usize {
        self.close.unwrap_or(self.end)
    }

    /// Whether `text` is a mark that may open a quote.
    pub fn is_open_mark(text: &str) -> bool {
        matches!(text, "“" | "„" | "«" | "\"" | "‘" | "‚" | "‹")
    }
}

/// The marks that close a quote opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '"' => &['"', '”'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '‹' => &['›'],
        _ => &[],
    }
}

fn single(c: char) -> bool {
    matches!(c, '‘' | '‚' | '’' | '‹' | '›')
}

fn opens_at(chars: &[char], i: usize) -> bool {
    let c = at(chars, i);
    if closers(c).is_empty() {
        return false;
    }
    let before = i.checked_sub(1).map(|p| at(chars, p));
    let after = chars.get(i + 1).copied();
    let free_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/:".contains(b));
    let word_after = after.is_some_and(|a| !a.is_whitespace());
    match c {
        '"' | '‘' | '‚' | '‹' => free_before && word_after,
        '»' => free_before && after.is_some_and(char::is_alphabetic),
        '«' => after.is_some(),
        _ => word_after,
    }
}

fn closes_at(chars: &[char], k: usize, open: char) -> bool {
    let c = at(chars, k);
    if !closers(open).contains(&c) {
        return false;
    }
    let after = chars.get(k + 1).copied();
    match c {
        '"' | '’' => after.is_none_or(|a| !a.is_alphanumeric()),
        _ => true,
    }
}

/// Every region in quotation marks, in order; a region does not nest in another.
pub(super) fn find_quoted(chars: &[char]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !opens_at(chars, i) {
            i += 1;
            continue;
        }
        let open = at(chars, i);
        let (end, close) = scan(chars, i, open);
        if single(open) && close.is_none() {
            i += 1;
            continue;
        }
        out.push(region(chars, i, end, close));
        i = close.map_or(end, |c| c + 1).max(i + 1);
    }
    out
}

/// Where the quote opened at `i` ends: (end of its words, closing mark).
fn scan(chars: &[char], i: usize, open: char) -> (usize, Option<usize>) {
    let line_start = part(chars, 0, i)
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |p| p + 1);
    let mut breaks = 0;
    let mut k = i + 1;
    while k < chars.len() {
        let c = at(chars, k);
        if closes_at(chars, k, open) {
            return (k, Some(k));
        }
        if c == '\n' {
            let line = part(chars, line_start, k).len();
            let rest = part(chars, k + 1, chars.len())
                .iter()
                .position(|c| !c.is_whitespace());
            let next = rest.map(|r| at(chars, k + 1 + r));
            let blank = part(chars, k + 1, k + 1 + rest.unwrap_or(0)).contains(&'\n');
            breaks += 1;
            // A wrapped line continues the quote; a paragraph ends it, and so does a paragraph that
            // opens with a mark again (a quote that goes on over paragraphs).
            if single(open)
                || line > WRAPPED_LINE
                || blank
                || breaks > 3
                || next.is_some_and(|n| !closers(n).is_empty() && !closers(open).contains(&n))
            {
                return (first_break(chars, i), None);
            }
        }
        k += 1;
    }
    (chars.len(), None)
}

fn first_break(chars: &[char], i: usize) -> usize {
    part(chars, i, chars.len())
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |p| i + p)
}

fn region(chars: &[char], open: usize, end: usize, close: Option<usize>) -> Quoted {
    let mut start = open + 1;
    let mut end = end;
    while start < end && at(chars, start).is_whitespace() {
        start += 1;
    }
    while end > start
        && (at(chars, end - 1).is_whitespace() || matches!(at(chars, end - 1), ',' | ':' | ';'))
    {
        end -= 1;
    }
    let words = part(chars, start, end)
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count();
    Quoted {
        open,
        start,
        end,
        close,
        words,
    }
}

/// The quotes of `doc`: every region of at least [`QUOTE_WORDS`] words, with its speaker.
pub(super) fn suggest(doc: &Doc, people: &People) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut previous: Option<(usize, Speaker)> = None;
    for (index, q) in doc.quoted.iter().enumerate() {
        let found = speaker_of_quote(doc, people, index, previous.as_ref());
        previous = Some((index, found.clone()));
        // A short quote counts when a speech verb follows it at once ("We're still talking," he said).
        let framed = q.close.is_some_and(|c| {
            let inner: String = doc.cut(q.end, c).iter().collect();
            inner.contains(',')
                || doc.cut(q.start, c).ends_with(&['?'])
                || doc.cut(q.start, c).ends_with(&['!'])
        });
        if q.words == 0 || (q.words < QUOTE_WORDS && !(framed && found.direct)) {
            continue;
        }
        let Ok(span) = Span::new(q.start, q.end) else {
            continue;
        };
        let marks = if q.words < QUOTE_WORDS {
            "a short quote in quotation marks"
        } else if q.close.is_some() {
            "in quotation marks"
        } else {
            "after an opening quotation mark, to the paragraph's end"
        };
        out.push(Suggestion {
            kind: SuggestionKind::Quote,
            span,
            label: Label::Quote,
            reason: format!("{marks}{}", found.why),
            speaker: found.span,
            entity: None,
        });
    }
    out
}
