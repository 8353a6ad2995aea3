//! Finding a string in an article's text: every non-overlapping occurrence, as code point spans, for
//! "find and tag".
//!
//! The text is read into a `Vec<char>` once and searched with Knuth–Morris–Pratt, so the time is linear
//! in the text and the query whatever they hold (no `aaaa…b` worst case). Without `match_case`, both
//! sides are compared by simple lowercase, one code point to one code point, so the offsets of a hit
//! are exactly those of the original text. There is no Unicode normalisation: a precomposed `é` does
//! not find `e` followed by a combining accent.

use crate::domain::model::span::Span;

/// The most hits [`find_all`] returns. A one-letter query in a 1 MB text could otherwise give about a
/// million spans, far more than anyone can review or tag; the search stops at this many.
pub const MAX_HITS: usize = 10_000;

/// How to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FindOptions {
    /// Letters must have the same case as in the query.
    pub match_case: bool,
    /// A hit must not have a word character (letter, digit, `_`, or a combining mark after it) right
    /// before or after it.
    pub whole_word: bool,
}

/// Every non-overlapping occurrence of `query` in `text`, left to right, as code point spans, at most
/// [`MAX_HITS`]. An empty or whitespace-only query gives no hits.
///
/// Without `options.match_case`, letters compare by the first code point of their lowercase (so `Σ`
/// finds `σ`, and offsets stay exact). A hit is never followed by a combining mark, a zero-width joiner
/// or a variation selector: that would cut a character (as it shows) in two. With `options.whole_word`,
/// the code points right before and after a hit must not be word characters ([`is_word_char`]).
/// Of overlapping candidates, the leftmost wins (`aa` in `aaaa` gives two hits).
pub fn find_all(text: &str, query: &str, options: FindOptions) -> Vec<Span> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let fold = |c: char| if options.match_case { c } else { lower(c) };
    let needle: Vec<char> = query.chars().map(fold).collect();
    let hay: Vec<char> = text.chars().map(fold).collect();
    let table = failure_table(&needle);
    let m = needle.len();
    let mut hits = Vec::new();
    // Where the last accepted hit ends: candidates starting before it overlap it.
    let mut taken_to = 0;
    // How many code points of the needle match the text before `i`.
    let mut matched = 0;
    for (i, &c) in hay.iter().enumerate() {
        while matched > 0 && needle.get(matched) != Some(&c) {
            matched = table.get(matched - 1).copied().unwrap_or(0);
        }
        if needle.get(matched) == Some(&c) {
            matched += 1;
        }
        if matched < m {
            continue;
        }
        let end = i + 1;
        let start = end - m;
        matched = table.get(m - 1).copied().unwrap_or(0);
        if start < taken_to || !fits(&hay, start, end, options.whole_word) {
            continue;
        }
        if let Ok(span) = Span::new(start, end) {
            hits.push(span);
            taken_to = end;
            if hits.len() == MAX_HITS {
                break;
            }
        }
    }
    hits
}

/// Whether `c` counts as part of a word for `whole_word`: a letter or digit (`char::is_alphanumeric`),
/// `_` or another connector punctuation, or a combining mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '_' | '\u{203F}' | '\u{2040}' | '\u{FE33}' | '\u{FF3F}')
        || joins(c)
}

/// The code point compared when case does not matter: the first of its lowercase.
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Whether `c` attaches to the code point before it: combining marks (the common blocks), the zero-width
/// joiner, variation selectors and emoji skin tones.
fn joins(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Whether a candidate `[start, end)` of `hay` is a hit: it does not cut a character in two and, for
/// whole words, has no word character on either side.
fn fits(hay: &[char], start: usize, end: usize, whole_word: bool) -> bool {
    let after = hay.get(end).copied();
    if after.is_some_and(joins) {
        return false;
    }
    if !whole_word {
        return true;
    }
    let before = start.checked_sub(1).and_then(|i| hay.get(i)).copied();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Knuth–Morris–Pratt: for each prefix `needle[..=i]`, the length of its longest proper prefix that is
/// also its suffix.
fn failure_table(needle: &[char]) -> Vec<usize> {
    let mut table = vec![0; needle.len()];
    let mut k = 0;
    for (i, &c) in needle.iter().enumerate().skip(1) {
        while k > 0 && needle.get(k) != Some(&c) {
            k = table.get(k - 1).copied().unwrap_or(0);
        }
        if needle.get(k) == Some(&c) {
            k += 1;
        }
        if let Some(slot) = table.get_mut(i) {
            *slot = k;
        }
    }
    table
}

#[cfg(test)]
#[path = "../tests/find.rs"]
mod tests;
