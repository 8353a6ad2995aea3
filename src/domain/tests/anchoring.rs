//! Tests of `anchoring`.

use super::*;
use crate::domain::model::text::slice_chars;

fn art(text: &str) -> Article {
    Article::new("t", "T", text.to_owned())
}

fn span(start: usize, end: usize) -> Span {
    Span::new(start, end).unwrap()
}

#[test]
fn context_is_cut_at_the_text_ends_and_at_32_code_points() {
    let text = "Zelensky said “no” to Bessent.";
    assert_eq!(
        context(&art(text), span(15, 17)),
        ("Zelensky said “".into(), "” to Bessent.".into())
    );
    let long = "x".repeat(40) + "MID" + &"y".repeat(40);
    let (prefix, suffix) = context(&art(&long), span(40, 43));
    assert_eq!((prefix.len(), suffix.len()), (32, 32));
    assert!(prefix.chars().all(|c| c == 'x') && suffix.chars().all(|c| c == 'y'));
}

#[test]
fn exact_hit_at_the_hint() {
    let text = "The minister said the deal was short-sighted.";
    assert_eq!(
        anchor(&art(text), 31, 44, "short-sighted", "", ""),
        Anchoring::Exact(span(31, 44))
    );
}

#[test]
fn moved_when_text_before_it_grew() {
    let old = "He called it short-sighted.";
    let new = "On Friday, he called it short-sighted.";
    let (prefix, suffix) = context(&art(old), span(13, 26));
    assert_eq!(
        anchor(&art(new), 13, 26, "short-sighted", &prefix, &suffix),
        Anchoring::Moved(span(24, 37))
    );
}

#[test]
fn context_picks_between_two_occurrences() {
    let text = "Vance met Zelensky. Later, Rubio met Zelensky again.";
    // The second "Zelensky" (37..45), remembered with its context but a stale hint near the first.
    let found = anchor(&art(text), 10, 17, "Zelensky", "Rubio met ", " again.");
    assert_eq!(found, Anchoring::Moved(span(37, 45)));
    // Without context, the occurrence nearest the hint wins.
    assert_eq!(
        anchor(&art(text), 30, 38, "Zelensky", "", ""),
        Anchoring::Moved(span(37, 45))
    );
    assert_eq!(
        anchor(&art(text), 0, 3, "Zelensky", "", ""),
        Anchoring::Moved(span(10, 18))
    );
}

#[test]
fn not_found_and_empty_exact() {
    let text = "Nothing to see.";
    assert_eq!(
        anchor(&art(text), 0, 4, "Trump", "", ""),
        Anchoring::NotFound
    );
    assert_eq!(anchor(&art(text), 0, 0, "", "", ""), Anchoring::NotFound);
    assert_eq!(anchor(&art(""), 0, 1, "x", "", ""), Anchoring::NotFound);
}

#[test]
fn a_hint_past_the_end_is_not_an_exact_hit() {
    // Clamping the hint to the text would make [0, 9) look like "abc"; it must not.
    assert_eq!(
        anchor(&art("abc"), 0, 9, "abc", "", ""),
        Anchoring::Moved(span(0, 3))
    );
    assert_eq!(
        anchor(&art("abc"), 5, 9, "abc", "", ""),
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
        anchor(&art(text), 23, 31, "“Merkel”", "later ", " again"),
        Anchoring::Moved(span(24, 32))
    );
    assert_eq!(
        anchor(&art(text), 0, 0, "“Merkel”", "😀 ", ""),
        Anchoring::Moved(span(41, 49))
    );
    assert_eq!(
        anchor(&art(text), 41, 49, "“Merkel”", "", ""),
        Anchoring::Exact(span(41, 49))
    );
}

#[test]
fn overlapping_occurrences_are_all_seen() {
    let starts: Vec<usize> = occurrences("aaaa", "aa").map(|(_, c)| c).collect();
    assert_eq!(starts, [0, 1, 2]);
    assert_eq!(
        anchor(&art("ha ha haha"), 0, 0, "haha", "ha ha ", ""),
        Anchoring::Moved(span(6, 10))
    );
}
