//! Tests of reading CoNLL / IOB files: the text rebuilt by the spacing rule, documents and sentences,
//! IOB1 and IOBES tags, labels mapped, our own export read back, and broken lines refused.

use super::*;
use crate::domain::files::formats::detect;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::formats::{docs, Format, Incoming, Scope};
use crate::domain::fixtures::formats_workspace;
use crate::domain::model::time::Timestamp;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// The file read against no articles, finished: its articles' texts, and each record's article (by
/// index), text and kind (or label).
fn read_all(file: &str) -> (Vec<String>, Vec<(usize, String, String)>, Incoming) {
    let read = detect::read(
        "x.conll",
        file.as_bytes(),
        &[],
        &ImportOptions::default(),
        NOW,
    );
    let (format, incoming) = read.unwrap();
    assert_eq!(format, Format::Conll);
    let texts: Vec<String> = incoming.articles.iter().map(|a| a.text.clone()).collect();
    let spans = incoming
        .records
        .iter()
        .map(|(_, r)| {
            let at = incoming
                .articles
                .iter()
                .position(|a| a.id.as_str() == r.article);
            let kind = r.kind.clone().unwrap_or_else(|| r.label.clone());
            (at.unwrap(), r.exact.clone(), kind)
        })
        .collect();
    (texts, spans, incoming)
}

#[test]
fn the_text_is_rebuilt_by_the_spacing_rule_and_each_document_is_an_article() {
    let file = "-DOCSTART- -X- O O\n\n\
        Scott NNP B-NP B-PER\nBessent NNP I-NP I-PER\nmet VBD B-VP O\nZelensky NNP B-NP B-PER\n\
        in IN B-PP O\nKyiv NNP B-NP B-LOC\n. . O O\n\n\
        ( ( O O\nHe PRP O O\n's VBZ O O\nin IN O O\nKyiv NNP O B-LOC\n) ) O O\n\n\
        -DOCSTART- -X- O O\n\n\
        Trump\tB-PER\nsaid\tO\nso\tO\n!\tO\n";
    let (texts, spans, _) = read_all(file);
    assert_eq!(
        texts,
        [
            "Scott Bessent met Zelensky in Kyiv.\n(He's in Kyiv)",
            "Trump said so!"
        ]
    );
    assert_eq!(
        spans,
        [
            (0, "Scott Bessent".to_owned(), "person".to_owned()),
            (0, "Zelensky".to_owned(), "person".to_owned()),
            (0, "Kyiv".to_owned(), "place".to_owned()),
            (0, "Kyiv".to_owned(), "place".to_owned()),
            (1, "Trump".to_owned(), "person".to_owned()),
        ]
    );
}

#[test]
fn iob1_and_iobes_tags_start_and_end_spans_and_unmapped_types_are_counted() {
    let file = "New I-LOC\nYork I-LOC\nand O\nParis I-LOC\nLondon B-LOC\nUN S-ORG\n\
        Ana B-PER\nLima E-PER\non O\nMonday B-DATE\n";
    let (texts, spans, incoming) = read_all(file);
    assert_eq!(texts, ["New York and Paris London UN Ana Lima on Monday"]);
    let exact: Vec<&str> = spans.iter().map(|(_, e, _)| e.as_str()).collect();
    assert_eq!(exact, ["New York", "Paris", "London", "UN", "Ana Lima"]);
    let uses = incoming.labels.uses();
    let date = uses.iter().find(|u| u.name == "DATE").unwrap();
    assert_eq!((date.count, date.to), (1, None));
}

#[test]
fn our_export_reads_back_with_every_kept_span_and_its_text() {
    let ws = formats_workspace();
    let body = export(&docs(&ws, &Scope::everything()));
    let text = String::from_utf8(body.bytes.clone()).unwrap();
    let (_, spans, incoming) = read_all(&text);
    let kept = ws.len()
        - body
            .dropped
            .iter()
            .filter(|d| !d.contains("widened"))
            .count();
    assert_eq!(spans.len(), kept, "{:?}", body.dropped);
    // Every span's text is a run of whole tokens of its rebuilt article.
    for (_, record) in &incoming.records {
        let article = incoming
            .articles
            .iter()
            .find(|a| a.id.as_str() == record.article)
            .unwrap();
        assert_eq!(article.slice(record.start, record.end), record.exact);
    }
    // Reading it twice into the workspace it made adds nothing.
    let mut after = crate::domain::state::workspace::Workspace::new(Vec::new());
    let plan = crate::domain::files::import::plan_import(
        "x.conll",
        &body.bytes,
        &after,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    after.apply(plan.action(false)).unwrap();
    let again = crate::domain::files::import::plan_import(
        "x.conll",
        &body.bytes,
        &after,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!((again.new, again.added_articles.len()), (0, 0));
}

#[test]
fn a_line_without_a_tag_or_with_a_broken_tag_is_refused_with_its_line() {
    let fails = |file: &str| {
        let e = read(file, &[], &LabelMap::default(), NOW).unwrap_err();
        (e.path, e.message)
    };
    assert_eq!(
        fails("Kyiv B-LOC\nalone\n"),
        (
            "line 2".to_owned(),
            "\"alone\" has no tag: a CoNLL line is a token and its tag, such as \"Kyiv B-LOC\""
                .to_owned()
        )
    );
    assert_eq!(
        fails("Kyiv X-LOC\n"),
        (
            "line 1".to_owned(),
            "\"X-LOC\" starts with \"X-\"; an IOB tag starts with B-, I-, E- or S-".to_owned()
        )
    );
    assert_eq!(
        fails("Kyiv LOC\n").1,
        "\"LOC\" is not an IOB tag: use O, or B-, I-, E- or S- and a type, such as B-PER"
    );
}
