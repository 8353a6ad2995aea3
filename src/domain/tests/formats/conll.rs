//! Tests of the CoNLL export: a golden file, a small reader that rebuilds the kept spans from the
//! tokens and tags, one layer as the rule says, and every dropped or widened span listed.

use super::*;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::files::formats::{tags, tokens};
use crate::domain::fixtures::golden;
use crate::domain::fixtures::{ann, formats_workspace};
use crate::domain::model::annotation::Annotation;
use crate::domain::state::workspace::Workspace;

fn all(ws: &Workspace) -> Vec<Doc> {
    docs(ws, &Scope::everything())
}

/// A sentence as read: `(token, tag)` lines.
type Sentence = Vec<(String, String)>;

/// Reads the file as a strict CoNLL reader would: documents (each starting with the `-DOCSTART-` line
/// and a blank line) of sentences (ended by a blank line) of lines with exactly two fields.
fn read(file: &str) -> Vec<Vec<Sentence>> {
    assert!(
        file.is_empty() || file.ends_with("\n\n"),
        "the file ends with a blank line"
    );
    let mut docs: Vec<Vec<Sentence>> = Vec::new();
    let mut sentence: Sentence = Vec::new();
    let mut after_docstart = false;
    for line in file.lines() {
        if line == DOCSTART {
            assert!(sentence.is_empty(), "a document starts after a blank line");
            docs.push(Vec::new());
            after_docstart = true;
        } else if line.is_empty() {
            if !after_docstart {
                assert!(!sentence.is_empty(), "no empty sentences");
                docs.last_mut()
                    .expect("a document")
                    .push(std::mem::take(&mut sentence));
            }
            after_docstart = false;
        } else {
            assert!(!after_docstart, "a blank line follows -DOCSTART-");
            let fields: Vec<&str> = line.split(' ').collect();
            assert_eq!(fields.len(), 2, "two fields: {line:?}");
            assert_eq!(line.split_whitespace().count(), 2, "{line:?}");
            sentence.push((fields[0].to_owned(), fields[1].to_owned()));
        }
    }
    assert!(
        sentence.is_empty(),
        "the last sentence ends with a blank line"
    );
    docs
}

/// The spans a document's tags mark, as `(start, end, tag)` code points of `text`, found by walking the
/// text token by token; checks that the tokens are the text's non-whitespace in order and that every
/// `I-` continues a span of the same tag within one sentence.
fn spans_of(text: &str, sentences: &[Sentence]) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for sentence in sentences {
        let mut open: Option<String> = None;
        for (token, tag) in sentence {
            while at < chars.len() && tokens::is_space(chars[at]) {
                at += 1;
            }
            let len = token.chars().count();
            let found: String = chars[at..(at + len).min(chars.len())].iter().collect();
            assert_eq!(&found, token, "token at code point {at}");
            let (start, end) = (at, at + len);
            at = end;
            if let Some(name) = tag.strip_prefix("B-") {
                spans.push((start, end, name.to_owned()));
                open = Some(name.to_owned());
            } else if let Some(name) = tag.strip_prefix("I-") {
                assert_eq!(open.as_deref(), Some(name), "I-{name} continues a span");
                spans.last_mut().unwrap().1 = end;
            } else {
                assert_eq!(tag, "O");
                open = None;
            }
        }
    }
    assert!(
        chars[at..].iter().all(|c| tokens::is_space(*c)),
        "every token written"
    );
    spans
}

/// What the export must keep and drop, computed plainly from the tokens: spans widened to tokens, by
/// start and longer first, kept when they share no token with a kept one.
fn reference(doc: &Doc) -> (Vec<(usize, usize, String)>, Vec<&Annotation>) {
    let toks = tokenize(&doc.article.text);
    let mut sorted: Vec<&Annotation> = doc.annotations.iter().map(|a| &**a).collect();
    sorted.sort_by_key(|a| (a.span.start(), std::cmp::Reverse(a.span.end())));
    let mut kept: Vec<(usize, usize, String)> = Vec::new();
    let mut dropped = Vec::new();
    for a in sorted {
        let covered: Vec<&Token> = toks
            .iter()
            .filter(|t| t.start < a.span.end() && a.span.start() < t.end)
            .collect();
        let (Some(first), Some(last)) = (covered.first(), covered.last()) else {
            continue;
        };
        let (start, end) = (first.start, last.end);
        if kept.iter().any(|k| k.0 < end && start < k.1) {
            dropped.push(a);
        } else {
            kept.push((start, end, tags::tag(a.label).to_owned()));
        }
    }
    (kept, dropped)
}

/// Checks a whole export: the reader rebuilds exactly the reference's kept spans, and the dropped list
/// holds exactly one overlap line per reference-dropped span.
fn check(docs: &[Doc], body: &Body) {
    let file = std::str::from_utf8(&body.bytes).unwrap();
    let read = read(file);
    assert_eq!(read.len(), docs.len());
    let mut overlap_lines = Vec::new();
    for (doc, sentences) in docs.iter().zip(&read) {
        let (kept, dropped) = reference(doc);
        assert_eq!(spans_of(&doc.article.text, sentences), kept);
        overlap_lines.extend(
            dropped
                .iter()
                .map(|a| format!("{} overlaps ", describe(doc, a))),
        );
    }
    let listed: Vec<&String> = body
        .dropped
        .iter()
        .filter(|l| l.contains(" overlaps "))
        .collect();
    assert_eq!(listed.len(), overlap_lines.len(), "{:?}", body.dropped);
    for (line, start) in listed.iter().zip(&overlap_lines) {
        assert!(
            line.starts_with(start.as_str()),
            "{line} should start with {start}"
        );
    }
}

#[test]
fn export_matches_the_golden_file_and_rebuilds_the_kept_spans() {
    let ws = formats_workspace();
    let docs = all(&ws);
    let body = export(&docs);
    golden("fixture.conll", &body.bytes);
    check(&docs, &body);
    let file = std::str::from_utf8(&body.bytes).unwrap();
    let read = read(file);
    let texts: Vec<String> = docs
        .iter()
        .zip(&read)
        .flat_map(|(doc, s)| {
            spans_of(&doc.article.text, s)
                .into_iter()
                .map(|(start, end, tag)| format!("{tag} {}", doc.article.slice(start, end)))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        texts,
        [
            "LOC Kyiv",
            "QUOTE “For me, it is crucial to connect security guarantees with investment,”",
            "PERSON Volodymyr Zelensky",
            "CLAIM Scott Bessent, the US Treasury Secretary, called the deal “historic”",
            "MISC Munich Security Conference",
            "LOC Ukraine",
            "LOC Kyiv",
        ]
    );
    assert_eq!(
        body.dropped,
        [
            "fixture: PERSON \"Scott Bessent\" (121–134) overlaps CLAIM (121–189)",
            "fixture: ORG \"US Treasury\" (140–151) overlaps CLAIM (121–189)",
            "fixture: CLAIM \"the deal “historic”…\" (170–219) overlaps CLAIM (121–189)",
        ]
    );
    // Four sentences in the first article, one in the second.
    assert_eq!(read.iter().map(Vec::len).collect::<Vec<_>>(), [4, 1]);
    assert!(
        file.starts_with("-DOCSTART- -X- O O\n\n🇺🇦 O\nKyiv B-LOC\n— O\n“ B-QUOTE\nFor I-QUOTE\n")
    );
}

/// A workspace of one article with these spans.
fn one(text: &str, spans: Vec<Annotation>) -> Workspace {
    let mut ws = Workspace::new(vec![crate::domain::model::article::Article::new(
        "a",
        "A",
        text.to_owned(),
    )]);
    ws.apply(crate::domain::state::workspace::Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations: spans,
        replace: false,
    })
    .unwrap();
    ws
}

#[test]
fn a_span_inside_tokens_is_widened_and_listed() {
    use crate::domain::model::names::{EntityKind, Label};
    let person = Label::Entity(EntityKind::Person);
    // "elensk" inside "Zelensky’s", and a span of only a space.
    let ws = one(
        "Zelensky’s office. Ok",
        vec![
            ann("p", "a", 1, 7, person),
            ann("s", "a", 18, 19, Label::Claim),
        ],
    );
    let body = export(&all(&ws));
    assert_eq!(
        std::str::from_utf8(&body.bytes).unwrap(),
        "-DOCSTART- -X- O O\n\nZelensky B-PERSON\n’s O\noffice O\n. O\n\nOk O\n\n"
    );
    assert_eq!(
        body.dropped,
        [
            "a: CLAIM \" \" (18–19) is only whitespace: no token to tag",
            "widened to whole tokens: a: PERSON \"elensk\" (1–7) → (0–8)",
        ]
    );
}

#[test]
fn spans_that_share_a_token_only_after_widening_keep_one() {
    use crate::domain::model::names::{EntityKind, Label};
    let place = Label::Entity(EntityKind::Place);
    let ws = one(
        "Ukraine met",
        vec![
            ann("x", "a", 0, 3, place),
            ann("y", "a", 4, 11, Label::Claim),
        ],
    );
    let docs = all(&ws);
    let body = export(&docs);
    check(&docs, &body);
    assert_eq!(
        std::str::from_utf8(&body.bytes).unwrap(),
        "-DOCSTART- -X- O O\n\nUkraine B-LOC\nmet O\n\n"
    );
    assert_eq!(
        body.dropped,
        [
            "widened to whole tokens: a: LOC \"Ukr\" (0–3) → (0–7)",
            "a: CLAIM \"ine met\" (4–11) overlaps LOC (0–3)",
        ]
    );
}

#[test]
fn a_span_across_sentences_keeps_them_together() {
    use crate::domain::model::names::Label;
    let ws = one(
        "He said: “Go. Now.” Then.\nNext",
        vec![ann("q", "a", 9, 19, Label::Quote)],
    );
    let body = export(&all(&ws));
    let file = std::str::from_utf8(&body.bytes).unwrap();
    assert_eq!(
        file,
        "-DOCSTART- -X- O O\n\nHe O\nsaid O\n: O\n“ B-QUOTE\nGo I-QUOTE\n. I-QUOTE\nNow I-QUOTE\n. I-QUOTE\n” I-QUOTE\n\nThen O\n. O\n\nNext O\n\n"
    );
}

#[test]
fn an_article_without_tokens_is_a_document_line_alone() {
    let ws = one(" \n ", vec![]);
    let body = export(&all(&ws));
    assert_eq!(
        std::str::from_utf8(&body.bytes).unwrap(),
        "-DOCSTART- -X- O O\n\n"
    );
    assert_eq!(read("-DOCSTART- -X- O O\n\n").len(), 1);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::domain::files::formats::tokens::tests::properties::workspace;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Spans on token boundaries: the file rebuilds exactly the kept spans, and the dropped list is
        /// exactly the overlapping ones, nothing widened.
        #[test]
        fn aligned_spans_rebuild_and_only_overlaps_are_dropped(ws in workspace(true)) {
            let docs = all(&ws);
            let body = export(&docs);
            check(&docs, &body);
            prop_assert!(body.dropped.iter().all(|l| l.contains(" overlaps ")), "{:?}", body.dropped);
        }

        /// Any spans: the file is well formed and rebuilds the reference layer of widened spans.
        #[test]
        fn any_spans_give_a_well_formed_file(ws in workspace(false)) {
            let docs = all(&ws);
            check(&docs, &export(&docs));
        }
    }
}
