//! Overlapping and nested spans render as flat pieces that each keep every covering annotation.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "browser/support.rs"]
mod support;

use news_annotator::domain::model::names::{EntityKind, Label};
use support::{ann, element, render, render_selected};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn nested_and_crossing_spans_are_all_visible_and_distinguishable() {
    let text = "Zelensky said the deal was “colonial” today.";
    let annotations = vec![
        ann("claim", 0, 37, Label::Claim),
        ann("who", 0, 8, Label::Entity(EntityKind::Person)),
        ann("quote", 27, 44, Label::Quote),
    ];
    let article = render(text, annotations).await;
    let segs = article.query_selector_all(".seg").unwrap();
    // Text no annotation covers is bare text; every highlighted stretch is one piece.
    let pieces: Vec<(String, String, String)> = (0..segs.length())
        .map(|i| {
            let el = element(segs.item(i).unwrap());
            (
                el.text_content().unwrap(),
                el.class_name(),
                el.get_attribute("data-s").unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("Zelensky", "seg hl claim entity", "0"),
        (" said the deal was ", "seg hl claim", "8"),
        ("“colonial”", "seg hl claim quote", "27"),
        (" today.", "seg hl quote", "37"),
    ];
    assert_eq!(pieces.len(), expected.len(), "{pieces:?}");
    for (got, want) in pieces.iter().zip(expected) {
        assert_eq!((got.0.as_str(), got.1.as_str(), got.2.as_str()), want);
    }
    // The whole text is there once, unchanged: markers are CSS pseudo-elements, not text.
    assert_eq!(article.text_content().unwrap(), text);
    // Where annotations start, a letter marks them (a cue besides colour).
    let first = element(segs.item(0).unwrap());
    assert_eq!(first.get_attribute("data-mark").as_deref(), Some("CP"));
}

#[wasm_bindgen_test]
async fn every_line_keeps_its_text_and_offsets_even_when_empty() {
    let text = "One.\n\nBonus video:\n";
    let article = render(text, vec![ann("x", 0, 4, Label::Claim)]).await;
    let lines = article.query_selector_all("p.para").unwrap();
    let got: Vec<(String, String, String)> = (0..lines.length())
        .map(|i| {
            let el = element(lines.item(i).unwrap());
            (
                el.text_content().unwrap(),
                el.get_attribute("data-start").unwrap(),
                el.get_attribute("data-end").unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = [
        ("One.", "0", "4"),
        ("", "5", "5"),
        ("Bonus video:", "6", "18"),
        ("", "19", "19"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
async fn the_selected_annotation_is_outlined_on_every_piece_it_covers() {
    let text = "Zelensky said the deal was colonial.";
    let annotations = vec![
        ann("claim", 0, 36, Label::Claim),
        ann("who", 0, 8, Label::Entity(EntityKind::Person)),
    ];
    let article = render_selected(text, annotations, Some("claim")).await;
    let outlined = article.query_selector_all(".seg.selected").unwrap();
    let texts: Vec<String> = (0..outlined.length())
        .map(|i| outlined.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(texts, ["Zelensky", " said the deal was colonial."]);
}
