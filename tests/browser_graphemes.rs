//! The browser's `Intl.Segmenter` (what the app uses) finds the same grapheme clusters as the native
//! rule that the domain tests use (`unicode-segmentation`, compiled into this test only).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use news_annotator::domain::model::text::{char_len, normalize_selection, slice_chars, Graphemes};
use news_annotator::web::graphemes::BrowserGraphemes;
use wasm_bindgen_test::*;

#[path = "../src/domain/tests/uax29.rs"]
mod uax29;

use uax29::Uax29;

wasm_bindgen_test_configure!(run_in_browser);

/// A flag, a ZWJ family, a combining accent, Hangul syllables and conjoining jamo, and CRLF.
const TEXT: &str = "Flag 🇺🇦🇩🇪, family 👨\u{200d}👩\u{200d}👧\u{200d}👦, Cafe\u{301}; 한국어 \u{1100}\u{1161}\u{11a8}\r\nend";

/// The clusters of `text`, in order, as `graphemes` finds them.
fn clusters(text: &str, graphemes: &impl Graphemes) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < char_len(text) {
        let (start, end) = graphemes.cluster_at(text, at);
        assert_eq!(start, at, "a cluster starts where the previous one ended");
        out.push(slice_chars(text, start, end).to_owned());
        at = end;
    }
    out
}

#[wasm_bindgen_test]
fn intl_segmenter_finds_the_expected_clusters() {
    let found = clusters(TEXT, &BrowserGraphemes);
    for expected in [
        "🇺🇦",
        "🇩🇪",
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "e\u{301}",
        "한",
        "\u{1100}\u{1161}\u{11a8}",
        "\r\n",
    ] {
        assert!(
            found.iter().any(|c| c == expected),
            "{expected:?} in {found:?}"
        );
    }
    assert_eq!(found.concat(), TEXT);
}

#[wasm_bindgen_test]
fn intl_segmenter_agrees_with_the_native_rule_at_every_code_point() {
    for at in 0..char_len(TEXT) {
        assert_eq!(
            BrowserGraphemes.cluster_at(TEXT, at),
            Uax29.cluster_at(TEXT, at),
            "cluster at {at}"
        );
    }
}

#[wasm_bindgen_test]
fn every_selection_normalises_the_same_in_the_browser_and_natively() {
    let len = char_len(TEXT);
    for a in 0..=len {
        for b in a..=len {
            assert_eq!(
                normalize_selection(TEXT, a, b, &BrowserGraphemes),
                normalize_selection(TEXT, a, b, &Uax29),
                "selection {a}..{b}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_long_line_without_plain_text_normalises_the_same() {
    // No two ASCII characters side by side, so the windows stop at their reach, not at a sure boundary.
    let text = "Кафе\u{301} 🇺🇦 👩\u{200d}💻 한국어 ".repeat(300);
    let len = char_len(&text);
    for a in (0..len).step_by(11) {
        let b = (a + 17).min(len);
        assert_eq!(
            normalize_selection(&text, a, b, &BrowserGraphemes),
            normalize_selection(&text, a, b, &Uax29),
            "selection {a}..{b}"
        );
    }
}
