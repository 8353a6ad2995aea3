//! Context around a span, and finding a span again from its text when the offsets no longer fit.
//!
//! The idea follows Hypothesis's anchoring: trust the position first and verify it against the stored
//! text (`exact`); if that fails, search the text for `exact` and let the stored context (`prefix`,
//! `suffix`) pick the right occurrence. The search is exact, not fuzzy: a changed quote is reported as
//! not found rather than guessed at.

use crate::domain::model::article::Article;
use crate::domain::model::span::Span;

/// How many code points of context are kept on each side of a span.
pub const CONTEXT_CHARS: usize = 32;

/// Up to [`CONTEXT_CHARS`] code points before the span (the prefix) and after it (the suffix).
pub fn context(article: &Article, span: Span) -> (String, String) {
    let prefix = article.slice(span.start().saturating_sub(CONTEXT_CHARS), span.start());
    let suffix = article.slice(span.end(), span.end().saturating_add(CONTEXT_CHARS));
    (prefix.to_owned(), suffix.to_owned())
}

/// Where a stored span was found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchoring {
    /// The text at the stored offsets is the stored text.
    Exact(Span),
    /// The stored text was found at other offsets.
    Moved(Span),
    /// The stored text is nowhere in the text (or was empty).
    NotFound,
}

/// Finds `exact` in `text`: at `[hint_start, hint_end)` if it is there, else at the occurrence whose
/// surroundings best match `prefix` and `suffix`, ties going to the occurrence nearest `hint_start`.
///
/// Checking the hint is quick at any offset; the search, needed only when the text moved, runs in time
/// linear in the text plus, per occurrence, the length of the context compared.
pub fn anchor(
    article: &Article,
    hint_start: usize,
    hint_end: usize,
    exact: &str,
    prefix: &str,
    suffix: &str,
) -> Anchoring {
    if exact.is_empty() {
        return Anchoring::NotFound;
    }
    if let Some(span) = at_hint(article, hint_start, hint_end, exact) {
        return Anchoring::Exact(span);
    }
    let text = article.text.as_str();
    let exact_chars = exact.chars().count();
    // (score, distance to the hint, start); the smallest (-score, distance) wins.
    let mut best: Option<(usize, usize, usize)> = None;
    for (byte, start) in occurrences(text, exact) {
        let before = text.get(..byte).unwrap_or_default();
        let after = text.get(byte + exact.len()..).unwrap_or_default();
        let score = common_suffix(before, prefix) + common_prefix(after, suffix);
        let distance = start.abs_diff(hint_start);
        let better = best.is_none_or(|(s, d, _)| score > s || (score == s && distance < d));
        if better {
            best = Some((score, distance, start));
        }
    }
    best.and_then(|(_, _, start)| Span::new(start, start + exact_chars).ok())
        .map_or(Anchoring::NotFound, Anchoring::Moved)
}

/// The span `[start, end)` if it lies inside the article and holds exactly `exact`.
fn at_hint(article: &Article, start: usize, end: usize, exact: &str) -> Option<Span> {
    let span = Span::within(start, end, article.char_len).ok()?;
    (article.slice(start, end) == exact).then_some(span)
}

/// Every occurrence of the non-empty `needle`, overlapping ones included, as (byte, code point) starts.
///
/// Code point offsets are counted incrementally from the previous occurrence, so the whole walk is linear.
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    let (mut counted_byte, mut counted_chars) = (0, 0);
    std::iter::from_fn(move || {
        let found = from + text.get(from..)?.find(needle)?;
        counted_chars += text.get(counted_byte..found)?.chars().count();
        counted_byte = found;
        from = found + step;
        Some((found, counted_chars))
    })
}

/// How many code points at the end of `a` and `b` agree.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many code points at the start of `a` and `b` agree.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
#[path = "../tests/anchoring.rs"]
mod tests;
