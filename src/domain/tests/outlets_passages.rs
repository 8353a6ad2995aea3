//! Tests of `outlets::passages`: quotations found in the text, and tagged quotes taking their place.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::fixtures::ann;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::state::workspace::Action;

/// The texts of `spans` in `text`.
fn texts(text: &str, spans: &[Span]) -> Vec<String> {
    spans
        .iter()
        .map(|s| text.chars().skip(s.start()).take(s.len()).collect())
        .collect()
}

#[test]
fn curly_straight_and_mixed_marks_each_close_a_quotation() {
    let text = "He said “we will sign it soon” and \"we will not sign it,\" and \"they are under pressure here.” Done.";
    assert_eq!(
        texts(text, &quoted_spans(text)),
        [
            "we will sign it soon",
            "we will not sign it,",
            "they are under pressure here."
        ]
    );
}

#[test]
fn short_quotations_and_ones_left_open_at_the_end_of_the_line_are_left_out() {
    let text = "A “short-sighted” view, “very good” talks.\n“When we look at the details, there is nothing\nand then \"one two three four\"";
    assert_eq!(texts(text, &quoted_spans(text)), ["one two three four"]);
    // A closing mark with nothing open is ignored; an opening “ inside an open quotation restarts it.
    let text = "x” then “a b “c d e f” end";
    assert_eq!(texts(text, &quoted_spans(text)), ["c d e f"]);
}

#[test]
fn spans_are_code_points_without_the_spaces_inside_the_marks() {
    let text = "Київ: “  Subsoil belongs to Ukrainians  ” — official";
    let spans = quoted_spans(text);
    assert_eq!(spans, [Span::new(9, 38).unwrap()]);
    assert_eq!(texts(text, &spans), ["Subsoil belongs to Ukrainians"]);
}

#[test]
fn the_quotations_of_munich_dispatch_are_found() {
    let ws = Workspace::new(bundled_articles().unwrap());
    let article = ws.article(&"munich-dispatch".into()).unwrap();
    let found: Vec<String> = passages(&ws, article).into_iter().map(|p| p.text).collect();
    assert_eq!(
        found,
        [
            "I didn’t let the ministers sign a relevant agreement because in my view it is not ready to protect us, our interest.",
            "For me, it is crucial to connect some kind of security guarantees with investment,",
            "Subsoil belongs to Ukrainians under the Constitution.",
        ]
    );
}

#[test]
fn a_tagged_quote_over_a_found_passage_is_the_one_passage_and_short_tagged_quotes_count() {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    // "For me, it is crucial … investment" without the comma, and the two words "short-sighted".
    ws.apply(Action::Annotate(ann(
        "q1",
        "munich-dispatch",
        1298,
        1379,
        Label::Quote,
    )))
    .unwrap();
    ws.apply(Action::Annotate(ann(
        "q2",
        "munich-dispatch",
        630,
        643,
        Label::Quote,
    )))
    .unwrap();
    let article = ws.article(&"munich-dispatch".into()).unwrap();
    let list = passages(&ws, article);
    let shown: Vec<(&str, Option<&str>)> = list
        .iter()
        .map(|p| (p.text.as_str(), p.tagged.as_ref().map(|id| id.as_str())))
        .collect();
    assert_eq!(
        shown,
        [
            ("short-sighted", Some("q2")),
            ("I didn’t let the ministers sign a relevant agreement because in my view it is not ready to protect us, our interest.", None),
            ("For me, it is crucial to connect some kind of security guarantees with investment", Some("q1")),
            ("Subsoil belongs to Ukrainians under the Constitution.", None),
        ]
    );
    assert!(list.iter().all(|p| p.article.as_str() == "munich-dispatch"));
    assert_eq!(list[2].span, Span::new(1298, 1379).unwrap());
}

#[test]
fn a_long_article_gives_at_most_the_cap() {
    let text = "“one two three four” ".repeat(MAX_PASSAGES + 100);
    assert_eq!(quoted_spans(&text).len(), MAX_PASSAGES);
    let ws = Workspace::new(vec![Article::new("long", "Long", text)]);
    let found = crate::domain::timing::within("passages of a long article", 2.0, || {
        passages(&ws, &ws.articles()[0])
    });
    assert_eq!(found.len(), MAX_PASSAGES);
}

#[test]
fn word_count_skips_pieces_that_are_only_punctuation() {
    assert_eq!(word_count("we — will, “sign” …"), 3);
}
