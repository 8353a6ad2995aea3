//! Tests of `find`.

use super::*;

/// The hits as `(start, end)` pairs.
fn pairs(text: &str, query: &str, options: FindOptions) -> Vec<(usize, usize)> {
    find_all(text, query, options)
        .into_iter()
        .map(|s| (s.start(), s.end()))
        .collect()
}

/// The text of a span, by code points (for the property test, which runs natively only).
#[cfg(not(target_arch = "wasm32"))]
fn cut(text: &str, span: Span) -> String {
    text.chars().skip(span.start()).take(span.len()).collect()
}

const ANY: FindOptions = FindOptions {
    match_case: false,
    whole_word: false,
};
const CASE: FindOptions = FindOptions {
    match_case: true,
    whole_word: false,
};
const WORD: FindOptions = FindOptions {
    match_case: false,
    whole_word: true,
};

#[test]
fn case_is_ignored_unless_asked_for() {
    let text = "Kyiv, KYIV and kyiv";
    assert_eq!(pairs(text, "kyiv", ANY), [(0, 4), (6, 10), (15, 19)]);
    assert_eq!(pairs(text, "KyIv", ANY).len(), 3);
    assert_eq!(pairs(text, "kyiv", CASE), [(15, 19)]);
    assert_eq!(pairs(text, "Kyiv", CASE), [(0, 4)]);
}

#[test]
fn whole_word_skips_hits_inside_words() {
    let text = "art, Art_s, party, (art) martial art";
    assert_eq!(pairs(text, "art", ANY).len(), 6);
    assert_eq!(pairs(text, "art", WORD), [(0, 3), (20, 23), (33, 36)]);
    // Digits and `_` are word characters; punctuation and spaces are not.
    assert!(pairs("art2 _art", "art", WORD).is_empty());
    assert_eq!(pairs("«art»", "art", WORD), [(1, 4)]);
}

#[test]
fn whole_word_tries_the_next_candidate_after_a_refused_one() {
    // "aa" at 0 is inside "aaa"; the one at 4 stands alone.
    assert_eq!(pairs("aaa aa", "aa", WORD), [(4, 6)]);
}

#[test]
fn offsets_are_code_points_after_emoji_and_cjk() {
    let text = "🇺🇦 🙂 中文 Kyiv";
    // The flag is two code points, the smile one.
    assert_eq!(pairs(text, "kyiv", ANY), [(8, 12)]);
    assert_eq!(pairs(text, "中文", WORD), [(5, 7)]);
    assert_eq!(pairs(text, "🙂", ANY), [(3, 4)]);
    assert_eq!(pairs(text, "🇦", ANY), [(1, 2)]);
}

#[test]
fn cyrillic_and_greek_case_fold() {
    let text = "Київ, КИЇВ, київ; ΣΟΦΙΑ σοφια";
    assert_eq!(pairs(text, "київ", ANY), [(0, 4), (6, 10), (12, 16)]);
    assert_eq!(pairs(text, "КИЇВ", CASE), [(6, 10)]);
    assert_eq!(pairs(text, "σοφια", ANY), [(18, 23), (24, 29)]);
}

#[test]
fn a_hit_never_cuts_a_combining_accent_from_its_letter() {
    // "cafe\u{301}" shows as "café": "cafe" is not in it, but "cafe\u{301}" is.
    let text = "cafe\u{301} cafe";
    assert_eq!(pairs(text, "cafe", ANY), [(6, 10)]);
    assert_eq!(pairs(text, "CAFE\u{301}", ANY), [(0, 5)]);
    // Offsets after the accent count it as one code point.
    assert_eq!(pairs("e\u{301}e\u{301} x", "x", ANY), [(5, 6)]);
    // A precomposed é is a different code point: no normalisation.
    assert!(pairs(text, "café", ANY).is_empty());
}

#[test]
fn overlapping_candidates_give_the_leftmost_non_overlapping_hits() {
    assert_eq!(pairs("aaaa", "aa", ANY), [(0, 2), (2, 4)]);
    assert_eq!(pairs("aaaaa", "aa", ANY), [(0, 2), (2, 4)]);
    assert_eq!(pairs("abababa", "aba", ANY), [(0, 3), (4, 7)]);
}

#[test]
fn empty_blank_and_too_long_queries_find_nothing() {
    assert!(pairs("some text", "", ANY).is_empty());
    assert!(pairs("some  text", "  ", ANY).is_empty());
    assert!(pairs("some\ttext", "\t", ANY).is_empty());
    assert!(pairs("short", "much longer query", ANY).is_empty());
    assert!(pairs("", "x", ANY).is_empty());
    // A query with spaces around a word keeps them.
    assert_eq!(pairs("a b a", " b ", ANY), [(1, 4)]);
}

#[test]
fn hits_stop_at_max_hits() {
    let text = "x ".repeat(MAX_HITS + 50);
    let hits = find_all(&text, "x", ANY);
    assert_eq!(hits.len(), MAX_HITS);
    assert_eq!(hits.last().map(|s| s.start()), Some(2 * (MAX_HITS - 1)));
}

#[test]
fn the_search_is_linear_in_a_worst_case_for_naive_scanning() {
    // "aaa…ab" in "aaa…a": a naive scan compares ~200 million code points here.
    let text = "a".repeat(200_000);
    let query = format!("{}b", "a".repeat(999));
    crate::domain::timing::within("find in the worst case for a naive scan", 10.0, || {
        assert!(find_all(&text, &query, ANY).is_empty());
        assert_eq!(find_all(&text, &query[..1000 - 1], ANY).len(), 200);
    });
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Texts from a few pieces, so queries from the same pieces are often found.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "A", "b", " ", "_", "é", "e\u{301}", "Ї", "ї", "🙂", "中", "\n", "Σ", "σ", "ß",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn hits_are_the_query_sorted_and_disjoint(
            text in prop::collection::vec(piece(), 0..60),
            query in prop::collection::vec(piece(), 1..4),
            match_case: bool,
            whole_word: bool,
        ) {
            let text = text.concat();
            let query = query.concat();
            let options = FindOptions { match_case, whole_word };
            let hits = find_all(&text, &query, options);
            let fold = |s: &str| -> Vec<char> {
                s.chars().map(|c| c.to_lowercase().next().unwrap()).collect()
            };
            for hit in &hits {
                let found = cut(&text, *hit);
                if match_case {
                    prop_assert_eq!(&found, &query);
                } else {
                    prop_assert_eq!(fold(&found), fold(&query));
                }
            }
            for pair in hits.windows(2) {
                prop_assert!(pair[0].end() <= pair[1].start(), "{:?}", pair);
            }
            if query.trim().is_empty() {
                prop_assert!(hits.is_empty());
            }
        }
    }
}
