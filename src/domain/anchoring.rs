//! Context around a span, and finding a span again from its text when the offsets no longer fit.
//!
//! The idea follows Hypothesis's anchoring: trust the position first and verify it against the stored
//! text (`exact`); if that fails, search the text for `exact` and let the stored context (`prefix`,
//! `suffix`) pick the right occurrence. The search is exact, not fuzzy: a changed quote is reported as
//! not found rather than guessed at.

use super::span::Span;
use super::text::slice_chars;

/// How many code points of context are kept on each side of a span.
pub const CONTEXT_CHARS: usize = 32;

/// Up to [`CONTEXT_CHARS`] code points before the span (the prefix) and after it (the suffix).
pub fn context(text: &str, span: Span) -> (String, String) {
    let prefix = slice_chars(
        text,
        span.start().saturating_sub(CONTEXT_CHARS),
        span.start(),
    );
    let suffix = slice_chars(text, span.end(), span.end().saturating_add(CONTEXT_CHARS));
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
/// Runs in time linear in the text plus, per occurrence, the length of the context compared.
pub fn anchor(
    text: &str,
    hint_start: usize,
    hint_end: usize,
    exact: &str,
    prefix: &str,
    suffix: &str,
) -> Anchoring {
    if exact.is_empty() {
        return Anchoring::NotFound;
    }
    if let Some(span) = at_hint(text, hint_start, hint_end, exact) {
        return Anchoring::Exact(span);
    }
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

/// The span `[start, end)` if it lies inside `text` and holds exactly `exact`.
fn at_hint(text: &str, start: usize, end: usize, exact: &str) -> Option<Span> {
    let span = Span::new(start, end).ok()?;
    let mut bounds = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .skip(start);
    let from = bounds.next()?;
    let to = bounds.nth(end - start - 1)?;
    (text.get(from..to)? == exact).then_some(span)
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
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span::new(start, end).unwrap()
    }

    #[test]
    fn context_is_cut_at_the_text_ends_and_at_32_code_points() {
        let text = "Zelensky said “no” to Bessent.";
        assert_eq!(
            context(text, span(15, 17)),
            ("Zelensky said “".into(), "” to Bessent.".into())
        );
        let long = "x".repeat(40) + "MID" + &"y".repeat(40);
        let (prefix, suffix) = context(&long, span(40, 43));
        assert_eq!((prefix.len(), suffix.len()), (32, 32));
        assert!(prefix.chars().all(|c| c == 'x') && suffix.chars().all(|c| c == 'y'));
    }

    #[test]
    fn exact_hit_at_the_hint() {
        let text = "The minister said the deal was short-sighted.";
        assert_eq!(
            anchor(text, 31, 44, "short-sighted", "", ""),
            Anchoring::Exact(span(31, 44))
        );
    }

    #[test]
    fn moved_when_text_before_it_grew() {
        let old = "He called it short-sighted.";
        let new = "On Friday, he called it short-sighted.";
        let (prefix, suffix) = context(old, span(13, 26));
        assert_eq!(
            anchor(new, 13, 26, "short-sighted", &prefix, &suffix),
            Anchoring::Moved(span(24, 37))
        );
    }

    #[test]
    fn context_picks_between_two_occurrences() {
        let text = "Vance met Zelensky. Later, Rubio met Zelensky again.";
        // The second "Zelensky" (37..45), remembered with its context but a stale hint near the first.
        let found = anchor(text, 10, 17, "Zelensky", "Rubio met ", " again.");
        assert_eq!(found, Anchoring::Moved(span(37, 45)));
        // Without context, the occurrence nearest the hint wins.
        assert_eq!(
            anchor(text, 30, 38, "Zelensky", "", ""),
            Anchoring::Moved(span(37, 45))
        );
        assert_eq!(
            anchor(text, 0, 3, "Zelensky", "", ""),
            Anchoring::Moved(span(10, 18))
        );
    }

    #[test]
    fn not_found_and_empty_exact() {
        let text = "Nothing to see.";
        assert_eq!(anchor(text, 0, 4, "Trump", "", ""), Anchoring::NotFound);
        assert_eq!(anchor(text, 0, 0, "", "", ""), Anchoring::NotFound);
        assert_eq!(anchor("", 0, 1, "x", "", ""), Anchoring::NotFound);
    }

    #[test]
    fn a_hint_past_the_end_is_not_an_exact_hit() {
        // Clamping the hint to the text would make [0, 9) look like "abc"; it must not.
        assert_eq!(
            anchor("abc", 0, 9, "abc", "", ""),
            Anchoring::Moved(span(0, 3))
        );
        assert_eq!(
            anchor("abc", 5, 9, "abc", "", ""),
            Anchoring::Moved(span(0, 3))
        );
    }

    #[test]
    fn non_ascii_offsets_are_code_points() {
        // "🇩🇪" is two code points and eight bytes; the curly quotes are three bytes each.
        let text = "🇩🇪 “Merkel” said; later “Merkel” again 😀 “Merkel”.";
        let starts: Vec<usize> = occurrences(text, "“Merkel”").map(|(_, c)| c).collect();
        assert_eq!(starts, [3, 24, 41]);
        assert_eq!(slice_chars(text, 24, 32), "“Merkel”");
        assert_eq!(
            anchor(text, 23, 31, "“Merkel”", "later ", " again"),
            Anchoring::Moved(span(24, 32))
        );
        assert_eq!(
            anchor(text, 0, 0, "“Merkel”", "😀 ", ""),
            Anchoring::Moved(span(41, 49))
        );
        assert_eq!(
            anchor(text, 41, 49, "“Merkel”", "", ""),
            Anchoring::Exact(span(41, 49))
        );
    }

    #[test]
    fn overlapping_occurrences_are_all_seen() {
        let starts: Vec<usize> = occurrences("aaaa", "aa").map(|(_, c)| c).collect();
        assert_eq!(starts, [0, 1, 2]);
        assert_eq!(
            anchor("ha ha haha", 0, 0, "haha", "ha ha ", ""),
            Anchoring::Moved(span(6, 10))
        );
    }
}
