//! Moving the caret by word.
//!
//! A word is a run of letters and digits in any script, taken a user-perceived character at a time (so
//! a letter with a combining accent counts as a letter). An apostrophe between two letters (`don't`,
//! `l’homme`) and a point or comma between two digits (`3.5`, `1,000`) stay inside the word. Chinese
//! and Japanese characters are written without spaces, so each one is a word of its own. Everything
//! else (spaces, punctuation, emoji, line breaks) lies between words.

use super::{grapheme_after, grapheme_before};
use crate::domain::model::article::Article;
use crate::domain::model::text::Graphemes;

/// What a user-perceived character is, for finding words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A letter of an alphabet or syllabary written with spaces.
    Letter,
    /// A digit.
    Digit,
    /// A Chinese character, or Japanese kana: a word by itself.
    Ideograph,
    /// `'` or `’`: inside a word between two letters.
    Apostrophe,
    /// `.` or `,`: inside a number between two digits.
    NumberMark,
    /// Anything else: between words.
    Other,
}

/// Whether `ch` is a CJK ideograph or Japanese kana.
fn is_ideograph(ch: char) -> bool {
    matches!(u32::from(ch),
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B | 0x3040..=0x30FF
        | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9D
        | 0x20000..=0x3FFFF)
}

/// The kind of the character that starts a grapheme cluster.
fn kind(ch: char) -> Kind {
    if is_ideograph(ch) {
        Kind::Ideograph
    } else if ch.is_alphabetic() {
        Kind::Letter
    } else if ch.is_numeric() {
        Kind::Digit
    } else if ch == '\'' || ch == '\u{2019}' {
        Kind::Apostrophe
    } else if ch == '.' || ch == ',' {
        Kind::NumberMark
    } else {
        Kind::Other
    }
}

/// The kind a mark must have on both sides to stay inside a word, if `mark` is such a mark.
fn joins(mark: Kind) -> Option<Kind> {
    match mark {
        Kind::Apostrophe => Some(Kind::Letter),
        Kind::NumberMark => Some(Kind::Digit),
        _ => None,
    }
}

/// Walks from `pos` with `next` (one grapheme cluster on or back: where it ends up and its first
/// character) over anything between words, then over one word; returns where the word ends.
fn word_edge(pos: usize, next: impl Fn(usize) -> Option<(usize, char)>) -> usize {
    let mut at = pos;
    let mut last = loop {
        let Some((to, ch)) = next(at) else {
            return at;
        };
        at = to;
        match kind(ch) {
            Kind::Ideograph => return at,
            k @ (Kind::Letter | Kind::Digit) => break k,
            _ => {}
        }
    };
    loop {
        let Some((to, ch)) = next(at) else {
            return at;
        };
        let k = kind(ch);
        if matches!(k, Kind::Letter | Kind::Digit) {
            (at, last) = (to, k);
            continue;
        }
        let Some(needed) = joins(k).filter(|&needed| needed == last) else {
            return at;
        };
        match next(to) {
            Some((beyond, ch)) if kind(ch) == needed => at = beyond,
            _ => return at,
        }
    }
}

/// The end of the word at or after `pos` (past anything between words first).
pub fn next_word(article: &Article, pos: usize, graphemes: &impl Graphemes) -> usize {
    word_edge(pos, |at| grapheme_after(article, at, graphemes))
}

/// The start of the word at or before `pos` (past anything between words first).
pub fn prev_word(article: &Article, pos: usize, graphemes: &impl Graphemes) -> usize {
    word_edge(pos, |at| grapheme_before(article, at, graphemes))
}
