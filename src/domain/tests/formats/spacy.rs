//! Tests of the spaCy exports: golden files, offsets that select each span's text, the one layer of the
//! tuples and what they drop.

use super::*;
use crate::domain::files::formats::tags;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::fixtures::golden;
use crate::domain::fixtures::{formats_workspace, json};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::text::slice_chars;
use crate::domain::state::workspace::Workspace;
use serde_json::Value;

fn all(ws: &Workspace) -> Vec<Doc> {
    docs(ws, &Scope::everything())
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
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

/// The spans of the reference one-layer rule, computed plainly: by start, longer first, kept when they
/// overlap nothing kept. Returns (kept, dropped).
fn reference_layer(
    annotations: &[std::rc::Rc<Annotation>],
) -> (Vec<&Annotation>, Vec<&Annotation>) {
    let mut sorted: Vec<&Annotation> = annotations.iter().map(|a| &**a).collect();
    sorted.sort_by_key(|a| (a.span.start(), std::cmp::Reverse(a.span.end())));
    let (mut kept, mut dropped): (Vec<&Annotation>, Vec<&Annotation>) = (vec![], vec![]);
    for a in sorted {
        if kept.iter().any(|k| k.span.overlaps(a.span)) {
            dropped.push(a);
        } else {
            kept.push(a);
        }
    }
    (kept, dropped)
}

/// Checks a JSONL export against the docs: every span's offsets select its annotation's text.
fn check_jsonl(docs: &[Doc], body: &Body) {
    let lines: Vec<&str> = text(&body.bytes).lines().collect();
    assert_eq!(lines.len(), docs.len());
    for (doc, line) in docs.iter().zip(lines) {
        let v = json(line);
        assert_eq!(string(&v["text"]), doc.article.text);
        assert_eq!(string(&v["meta"]["article"]), doc.article.id.as_str());
        assert_eq!(string(&v["meta"]["title"]), doc.article.title);
        let spans = v["spans"].as_array().unwrap();
        assert_eq!(spans.len(), doc.annotations.len());
        for (a, s) in doc.annotations.iter().zip(spans) {
            let (start, end) = (num(&s["start"]), num(&s["end"]));
            assert_eq!(
                slice_chars(&doc.article.text, start, end),
                doc.article.slice(a.span.start(), a.span.end())
            );
            assert_eq!(string(&s["label"]), tags::tag(a.label));
        }
    }
    assert!(body.dropped.is_empty());
}

/// Checks a tuples export: one layer as the reference rule keeps it, offsets that select the text, and
/// a dropped line for exactly each span left out.
fn check_tuples(docs: &[Doc], body: &Body) {
    let v = json(text(&body.bytes));
    let tuples = v.as_array().unwrap();
    assert_eq!(tuples.len(), docs.len());
    let mut expected_dropped = Vec::new();
    for (doc, tuple) in docs.iter().zip(tuples) {
        assert_eq!(string(&tuple[0]), doc.article.text);
        let (kept, dropped) = reference_layer(&doc.annotations);
        let entities = tuple[1]["entities"].as_array().unwrap();
        assert_eq!(entities.len(), kept.len());
        for (a, e) in kept.iter().zip(entities) {
            let (start, end) = (num(&e[0]), num(&e[1]));
            assert_eq!((start, end), (a.span.start(), a.span.end()));
            assert_eq!(
                slice_chars(string(&tuple[0]), start, end),
                doc.article.slice(a.span.start(), a.span.end())
            );
            assert_eq!(string(&e[2]), tags::tag(a.label));
        }
        for w in entities.windows(2) {
            assert!(num(&w[0][1]) <= num(&w[1][0]), "entities overlap");
        }
        expected_dropped.extend(
            dropped
                .iter()
                .map(|a| format!("{} overlaps ", super::super::conll::describe(doc, a))),
        );
    }
    assert_eq!(
        body.dropped.len(),
        expected_dropped.len(),
        "{:?}",
        body.dropped
    );
    for (line, start) in body.dropped.iter().zip(&expected_dropped) {
        assert!(line.starts_with(start), "{line} should start with {start}");
    }
}

#[test]
fn jsonl_matches_the_golden_file_and_selects_every_span() {
    let docs = all(&formats_workspace());
    let body = export_jsonl(&docs);
    golden("fixture.spacy.jsonl", &body.bytes);
    check_jsonl(&docs, &body);
    let first = json(text(&body.bytes).lines().next().unwrap());
    // All eight spans of the first article, nested and crossing ones too.
    assert_eq!(first["spans"].as_array().unwrap().len(), 8);
    assert_eq!(
        first["spans"][0].to_string(),
        r#"{"start":3,"end":7,"label":"LOC"}"#
    );
}

#[test]
fn tuples_match_the_golden_file_and_keep_one_layer() {
    let docs = all(&formats_workspace());
    let body = export_tuples(&docs);
    golden("fixture.spacy-tuples.json", &body.bytes);
    check_tuples(&docs, &body);
    assert_eq!(
        body.dropped,
        [
            "fixture: PERSON \"Scott Bessent\" (121–134) overlaps CLAIM (121–189)",
            "fixture: ORG \"US Treasury\" (140–151) overlaps CLAIM (121–189)",
            "fixture: CLAIM \"the deal “historic”…\" (170–219) overlaps CLAIM (121–189)",
        ]
    );
    let v = json(text(&body.bytes));
    assert_eq!(v[0][1]["entities"][3].to_string(), r#"[121,189,"CLAIM"]"#);
    assert_eq!(v[1][1]["entities"].as_array().unwrap().len(), 2);
}

#[test]
fn an_empty_export_is_still_valid_json() {
    assert_eq!(text(&export_tuples(&[]).bytes), "[]\n");
    assert_eq!(text(&export_jsonl(&[]).bytes), "");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::domain::files::formats::tokens::tests::properties::workspace;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn jsonl_offsets_select_every_span(ws in workspace(false)) {
            let docs = all(&ws);
            check_jsonl(&docs, &export_jsonl(&docs));
        }

        #[test]
        fn tuples_keep_one_layer_and_drop_exactly_the_overlapping(ws in workspace(false)) {
            let docs = all(&ws);
            check_tuples(&docs, &export_tuples(&docs));
        }
    }
}
