//! Finding the untagged places in a text where a known entity may be mentioned.

use super::fold::{core, fold};
use super::word_match;
use crate::domain::model::span::Span;

/// One whitespace-separated token of a text, with its core (the word without its punctuation and
/// possessive) in code points.
struct Token {
    /// Whether exactly one space (U+0020) separates it from the token before.
    after_one_space: bool,
    /// Whether the core begins the token (no punctuation before it).
    bare_start: bool,
    /// Whether the core ends the token (no punctuation or possessive after it).
    bare_end: bool,
    /// The core's code point range.
    start: usize,
    end: usize,
    /// Whether the core starts with an uppercase letter and is alike to one of the words.
    alike: bool,
}

/// In `text`, the runs of consecutive capitalised words (a word starting with an uppercase letter,
/// joined by single spaces, with no punctuation between them) in which every word is alike
/// (fold-equal, or the Spelling or Shortened rules of [`likeness`](super::likeness) on single
/// words) to one of `words` (already folded): the untagged places where a known entity may be
/// mentioned. Returns code point spans, end exclusive, in text order. Surrounding punctuation and a
/// possessive 's are not part of a span.
pub fn alike_runs(text: &str, words: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let mut open = false;
    for token in tokens(text, words) {
        let joins = token.alike && open && token.after_one_space && token.bare_start;
        match (run, joins) {
            (Some((start, _)), true) => run = Some((start, token.end)),
            _ => {
                spans.extend(run.and_then(|(s, e)| Span::new(s, e).ok()));
                run = token.alike.then_some((token.start, token.end));
            }
        }
        open = token.alike && token.bare_end;
    }
    spans.extend(run.and_then(|(s, e)| Span::new(s, e).ok()));
    spans
}

/// The tokens of `text`, each judged against `words`.
fn tokens(text: &str, words: &[String]) -> Vec<Token> {
    let mut out = Vec::new();
    // (byte start, code point start) of the token being read.
    let mut current: Option<(usize, usize)> = None;
    // The whitespace since the last token: how many code points, and whether all are spaces.
    let mut gap = (0, true);
    let ends = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    for (count, (byte, c)) in ends.enumerate() {
        if c.is_whitespace() {
            if let Some((start_byte, start)) = current.take() {
                let raw = text.get(start_byte..byte).unwrap_or_default();
                out.push(token(raw, start, gap == (1, true), words));
                gap = (0, true);
            }
            gap = (gap.0 + 1, gap.1 && c == ' ');
        } else if current.is_none() {
            current = Some((byte, count));
        }
    }
    out
}

/// The token `raw`, starting at code point `start`.
fn token(raw: &str, start: usize, after_one_space: bool, words: &[String]) -> Token {
    let (core_start, core_end) = core(raw);
    let word = raw.get(core_start..core_end).unwrap_or_default();
    let before = raw.get(..core_start).unwrap_or_default().chars().count();
    let len = word.chars().count();
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let alike = capital && {
        let folded = fold(word);
        words.iter().any(|w| word_match(&folded, w).is_some())
    };
    Token {
        after_one_space,
        bare_start: core_start == 0,
        bare_end: core_end == raw.len(),
        start: start + before,
        end: start + before + len,
        alike,
    }
}
