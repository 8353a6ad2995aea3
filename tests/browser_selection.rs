//! DOM selections become the right code point offsets, on a really rendered article, with curly quotes,
//! an emoji, a flag, a combining accent and CRLF line breaks.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "browser/support.rs"]
mod support;

use news_annotator::domain::model::text::{normalize_selection, slice_chars};
use news_annotator::web::graphemes::BrowserGraphemes;
use news_annotator::web::selection::{boundary_to_offset, selection_offsets};
use support::{point, render, select};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "He said “🇺🇦 Kyïv 😀 stays” — Cafe\u{301} crowd.\r\nNext line: done";

fn chars_before(needle: &str) -> usize {
    TEXT[..TEXT.find(needle).unwrap()].chars().count()
}

#[wasm_bindgen_test]
async fn a_selection_inside_one_line_counts_code_points() {
    let article = render(TEXT, vec![]).await;
    // From the flag to the end of "stays": the emoji and the flag are two UTF-16 units per code point.
    select(point(&article, "🇺🇦", 0), point(&article, "stays", 5));
    let (a, b) = selection_offsets(&article, TEXT.chars().count()).unwrap();
    assert_eq!((a, b), (chars_before("🇺🇦"), chars_before("stays") + 5));
    assert_eq!(slice_chars(TEXT, a, b), "🇺🇦 Kyïv 😀 stays");
}

#[wasm_bindgen_test]
async fn a_selection_across_a_crlf_line_break_keeps_both_characters() {
    let article = render(TEXT, vec![]).await;
    select(point(&article, "crowd", 0), point(&article, "Next", 4));
    let (a, b) = selection_offsets(&article, TEXT.chars().count()).unwrap();
    assert_eq!(slice_chars(TEXT, a, b), "crowd.\r\nNext");
}

#[wasm_bindgen_test]
async fn a_selection_that_cuts_a_flag_or_an_accent_snaps_to_whole_characters() {
    let article = render(TEXT, vec![]).await;
    // Start between the two regional indicators, end between "e" and its combining accent.
    select(point(&article, "🇺🇦", 1), point(&article, "Cafe\u{301}", 4));
    let (a, b) = selection_offsets(&article, TEXT.chars().count()).unwrap();
    let (start, end) = normalize_selection(TEXT, a, b, &BrowserGraphemes).unwrap();
    assert_eq!(
        slice_chars(TEXT, start, end),
        "🇺🇦 Kyïv 😀 stays” — Cafe\u{301}"
    );
}

#[wasm_bindgen_test]
async fn element_boundaries_and_points_outside_resolve_to_line_edges() {
    let article = render(TEXT, vec![]).await;
    let second_line = article.query_selector("p:nth-of-type(2)").unwrap().unwrap();
    let len = TEXT.chars().count();
    assert_eq!(
        boundary_to_offset(&article, &second_line, 0, len),
        Some(chars_before("Next"))
    );
    assert_eq!(
        boundary_to_offset(&article, &second_line, 1, len),
        Some(len)
    );
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let after = body
        .append_child(
            &web_sys::window()
                .unwrap()
                .document()
                .unwrap()
                .create_element("p")
                .unwrap(),
        )
        .unwrap();
    assert_eq!(boundary_to_offset(&article, &after, 0, len), Some(len));
}
