//! Tests of the Prodigy export: a golden file, tokens that select their text, and spans whose offsets and
//! token indices cover the annotation's text (widened to whole tokens, and then said so).

use super::*;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::files::formats::{tags, tokens};
use crate::domain::fixtures::golden;
use crate::domain::fixtures::{ann, formats_workspace, json};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::text::slice_chars;
use crate::domain::state::workspace::{Action, Workspace};
use serde_json::Value;

fn all(ws: &Workspace) -> Vec<Doc> {
    docs(ws, &Scope::everything())
}

fn num(v: &Value) -> usize {
    v.as_u64().unwrap() as usize
}

fn string(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        other => panic!("not a string: {other}"),
    }
}

/// Checks an export: tokens select their text with the right `ws` and ids; each span's offsets are its
/// tokens' and cover the annotation; the widened and whitespace-only ones are listed.
fn check(docs: &[Doc], body: &Body) {
    let file = std::str::from_utf8(&body.bytes).unwrap();
    let lines: Vec<&str> = file.lines().collect();
    assert_eq!(lines.len(), docs.len());
    let mut expected_dropped = 0;
    for (doc, line) in docs.iter().zip(lines) {
        let v = json(line);
        let text = string(&v["text"]);
        assert_eq!(text, doc.article.text);
        assert_eq!(string(&v["meta"]["article"]), doc.article.id.as_str());
        let toks = v["tokens"].as_array().unwrap();
        for (i, t) in toks.iter().enumerate() {
            let (start, end) = (num(&t["start"]), num(&t["end"]));
            assert_eq!(slice_chars(text, start, end), string(&t["text"]));
            assert_eq!(num(&t["id"]), i);
            let next = text.chars().nth(end);
            assert_eq!(t["ws"], Value::Bool(next.is_some_and(tokens::is_space)));
        }
        let spans = v["spans"].as_array().unwrap();
        let mut spans = spans.iter();
        for a in &doc.annotations {
            let exact = doc.article.slice(a.span.start(), a.span.end());
            if exact.chars().all(tokens::is_space) {
                expected_dropped += 1;
                continue;
            }
            let s = spans
                .next()
                .expect("a span for each annotation with a word");
            let (start, end) = (num(&s["start"]), num(&s["end"]));
            let (first, last) = (num(&s["token_start"]), num(&s["token_end"]));
            assert!(first <= last);
            assert_eq!(num(&toks[first]["start"]), start);
            assert_eq!(num(&toks[last]["end"]), end);
            // The tokens hold every code point of the annotation but whitespace at its ends.
            let (lead, trail) = (
                exact.chars().take_while(|c| tokens::is_space(*c)).count(),
                exact
                    .chars()
                    .rev()
                    .take_while(|c| tokens::is_space(*c))
                    .count(),
            );
            assert!(start <= a.span.start() + lead && a.span.end() - trail <= end);
            assert!(slice_chars(text, start, end).contains(exact.trim_matches(tokens::is_space)));
            // The first and last tokens touch the annotation: widened no further than needed.
            assert!(num(&toks[first]["end"]) > a.span.start());
            assert!(num(&toks[last]["start"]) < a.span.end());
            assert_eq!(string(&s["label"]), tags::tag(a.label));
            if (start, end) != (a.span.start(), a.span.end()) {
                expected_dropped += 1;
            }
        }
        assert!(spans.next().is_none());
    }
    assert_eq!(body.dropped.len(), expected_dropped, "{:?}", body.dropped);
}

#[test]
fn export_matches_the_golden_file_and_spans_fit_the_tokens() {
    let docs = all(&formats_workspace());
    let body = export(&docs);
    golden("fixture.prodigy.jsonl", &body.bytes);
    check(&docs, &body);
    // Every fixture span is on token boundaries, and overlapping ones are all kept.
    assert!(body.dropped.is_empty());
    let first = json(
        std::str::from_utf8(&body.bytes)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    );
    assert_eq!(first["spans"].as_array().unwrap().len(), 8);
    assert_eq!(
        first["tokens"][1].to_string(),
        r#"{"text":"Kyiv","start":3,"end":7,"id":1,"ws":true}"#
    );
    assert_eq!(
        first["spans"][0].to_string(),
        r#"{"start":3,"end":7,"token_start":1,"token_end":1,"label":"LOC"}"#
    );
}

#[test]
fn a_span_inside_words_is_widened_and_said_so() {
    let person = Label::Entity(EntityKind::Person);
    let mut ws = Workspace::new(vec![crate::domain::model::article::Article::new(
        "a",
        "A",
        "Volodymyr Zelensky’s office".to_owned(),
    )]);
    let spans: Vec<Annotation> = vec![
        ann("p", "a", 3, 15, person),
        ann("w", "a", 9, 10, Label::Claim),
    ];
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations: spans,
        replace: false,
    })
    .unwrap();
    let docs = all(&ws);
    let body = export(&docs);
    check(&docs, &body);
    let v = json(std::str::from_utf8(&body.bytes).unwrap().trim_end());
    assert_eq!(
        v["spans"].to_string(),
        r#"[{"start":0,"end":18,"token_start":0,"token_end":1,"label":"PERSON"}]"#
    );
    assert_eq!(
        body.dropped,
        [
            "widened to whole tokens: a: PERSON \"odymyr Zelen\" (3–15) → (0–18)",
            "a: CLAIM \" \" (9–10) is only whitespace: no token to mark",
        ]
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::domain::files::formats::tokens::tests::properties::workspace;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn spans_cover_their_text_on_token_boundaries(ws in workspace(false)) {
            let docs = all(&ws);
            check(&docs, &export(&docs));
        }

        #[test]
        fn aligned_spans_are_written_as_they_are(ws in workspace(true)) {
            let docs = all(&ws);
            let body = export(&docs);
            check(&docs, &body);
            prop_assert!(body.dropped.is_empty());
        }
    }
}
