//! Tests of W3C annotations that carry their source text (issue 16): the text becomes an own article
//! (once per text), or goes on the article that has it; broken sources are refused with their path;
//! an export of own articles carries their texts and comes back whole into an empty workspace.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::texts::text_id;
use crate::domain::files::formats::{FormatError, ImportOptions, Incoming};
use crate::domain::fixtures::{ann, FORMATS_SECOND};
use crate::domain::model::annotation::Annotation as Marked;
use crate::domain::model::names::{AnnotationId, EntityKind, Label};
use crate::domain::state::workspace::Action;
use serde_json::Value;

/// A text with non-ASCII quotes and an emoji: "Kyiv" is at [34, 38) in code points, [35, 39) in
/// UTF-16 code units.
const TEXT: &str = "„Zelensky“ met Scott Bessent 🙂 in Kyiv.\nThe deal was “historic”.";

/// A target on `source` (JSON) selecting `start..end` by position.
fn at_position(source: &str, start: usize, end: usize) -> String {
    format!(
        r#"{{"source": {source}, "selector": {{"type": "TextPositionSelector", "start": {start}, "end": {end}}}}}"#
    )
}

/// An annotation with this body and target (both JSON).
fn item(body: &str, target: &str) -> String {
    format!(r#"{{"type": "Annotation", "body": {body}, "target": {target}}}"#)
}

/// `TEXT` as an embedded source with this id and title keys (JSON members, may be empty).
fn embedded(members: &str) -> String {
    let value = serde_json::to_string(TEXT).unwrap();
    format!(r#"{{{members} "type": "Text", "format": "text/plain", "value": {value}}}"#)
}

/// Reads the list of `items` against the bundled articles.
fn read_list(items: &[String]) -> Result<Incoming, FormatError> {
    let bundled: Vec<Rc<Article>> = bundled_articles()
        .unwrap()
        .into_iter()
        .map(Rc::new)
        .collect();
    read(&format!("[{}]", items.join(", ")), &bundled, LATER).map(Incoming::finish)
}

#[test]
fn an_embedded_text_becomes_an_own_article_with_spans_at_code_point_offsets() {
    let source = embedded(r#""id": "https://example.org/doc/1", "title": "Kyiv talks","#);
    let incoming = read_list(&[
        // The text named by its IRI only, before it is given, and after it by a quote.
        item(
            "\"GPE\"",
            &at_position("\"https://example.org/doc/1\"", 34, 38),
        ),
        item("\"PERSON\"", &at_position(&source, 1, 9)),
        item(
            "\"claim\"",
            r#"{"source": "https://example.org/doc/1",
                "selector": {"type": "TextQuoteSelector", "exact": "historic"}}"#,
        ),
    ])
    .unwrap();
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let [article] = incoming.articles.as_slice() else {
        panic!("{:?}", incoming.articles)
    };
    assert_eq!(article.id.as_str(), text_id(TEXT));
    assert_eq!(
        (article.title.as_str(), article.text.as_str()),
        ("Kyiv talks", TEXT)
    );
    assert!(article.is_own());
    let spans: Vec<_> = incoming
        .records
        .iter()
        .map(|(_, r)| (r.article.as_str(), r.start, r.end, r.exact.as_str()))
        .collect();
    let id = article.id.as_str();
    assert_eq!(
        spans,
        [
            (id, 34, 38, "Kyiv"),
            (id, 1, 9, "Zelensky"),
            (id, 54, 62, "historic")
        ]
    );
}

#[test]
fn the_same_text_in_many_annotations_is_one_article_titled_by_its_first_line_if_untitled() {
    let incoming = read_list(&[
        item("\"PERSON\"", &at_position(&embedded(""), 15, 28)),
        item(
            "\"GPE\"",
            &at_position(&embedded(r#""id": "urn:x:a","#), 34, 38),
        ),
        item(
            "\"claim\"",
            &at_position(&embedded(r#""id": "urn:x:b","#), 41, 63),
        ),
    ])
    .unwrap();
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let [article] = incoming.articles.as_slice() else {
        panic!("{:?}", incoming.articles)
    };
    assert_eq!(article.title, "„Zelensky“ met Scott Bessent 🙂 in Kyiv.");
    assert_eq!(incoming.records.len(), 3);
    assert!(incoming
        .records
        .iter()
        .all(|(_, r)| r.article == article.id.as_str()));
    // `name` or `label` titles a source too.
    let named = embedded(r#""label": "From a label","#);
    let incoming = read_list(&[item("\"PERSON\"", &at_position(&named, 15, 28))]).unwrap();
    assert_eq!(incoming.articles[0].title, "From a label");
}

#[test]
fn an_embedded_text_the_app_has_puts_the_annotations_on_that_article() {
    let bundled = bundled_articles().unwrap();
    let seed = &bundled[0];
    let value = serde_json::to_string(&seed.text).unwrap();
    let source = format!(r#"{{"id": "https://example.org/copy", "value": {value}}}"#);
    let incoming = read_list(&[item("\"claim\"", &at_position(&source, 0, 5))]).unwrap();
    assert!(incoming.articles.is_empty(), "{:?}", incoming.articles);
    assert_eq!(incoming.records[0].1.article, seed.id.as_str());
    assert_eq!(incoming.records[0].1.exact, seed.slice(0, 5));
}

#[test]
fn a_broken_embedded_source_is_refused_with_its_path() {
    let refused = |items: &[String]| {
        let e = read_list(items).unwrap_err();
        format!("{}: {}", e.path, e.message)
    };
    let target = at_position(r#"{"id": "urn:x:1", "value": 42}"#, 0, 1);
    assert_eq!(
        refused(&[item("\"claim\"", &target)]),
        "[0].target.source.value: must be a string, not 42"
    );
    let target = at_position(r#"{"type": "Text"}"#, 0, 1);
    assert_eq!(
        refused(&[item("\"claim\"", &target)]),
        "[0].target.source: names no text: give its IRI as \"id\", or the whole text as \"value\""
    );
    // Offsets past the end of the file's own text: an error, even with a quote to fall back on.
    let target = format!(
        r#"{{"source": {}, "selector": [{{"type": "TextPositionSelector", "start": 60, "end": 65}},
                                      {{"type": "TextQuoteSelector", "exact": "Kyiv"}}]}}"#,
        embedded("")
    );
    let message = refused(&[item("\"claim\"", &target)]);
    assert!(
        message.starts_with("[0].target.selector[0].end: "),
        "{message}"
    );
    // One IRI, two texts.
    let other = r#"{"id": "urn:x:1", "value": "Another text."}"#;
    assert_eq!(
        refused(&[
            item(
                "\"claim\"",
                &at_position(&embedded(r#""id": "urn:x:1","#), 0, 5)
            ),
            item("\"claim\"", &at_position(other, 0, 5)),
        ]),
        "[1].target.source.value: differs from the text given for \"urn:x:1\" elsewhere in \
         the file: one IRI names one text"
    );
    // A blank text is skipped with a warning, as any corpus text is.
    let blank = at_position(r#"{"value": "   "}"#, 0, 1);
    let incoming = read_list(&[item("\"claim\"", &blank)]).unwrap();
    assert!(incoming.records.is_empty() && incoming.articles.is_empty());
    assert_eq!(
        incoming.warnings,
        ["[0].target.source.value: its text has no text; skipped"]
    );
}

/// The bundled articles with two own ones and their annotations, links among them, and one span on
/// a bundled article.
fn own_workspace() -> Workspace {
    let bundled = bundled_articles().unwrap();
    let seed = bundled[0].id.as_str().to_owned();
    let mut ws = Workspace::new(bundled);
    let person = Label::Entity(EntityKind::Person);
    let mut quote = ann("q", "own-1", 0, 39, Label::Quote);
    quote.attrs.source = Some(AnnotationId::from("e-zelensky"));
    quote.note = "Said „in Kyiv“ 🙂".into();
    let mut claim = ann("c", "own-1", 41, 63, Label::Claim);
    claim.attrs.source = Some(AnnotationId::from("q"));
    let annotations: Vec<Marked> = vec![
        ann("e-zelensky", "own-1", 1, 9, person),
        quote,
        ann("e-bessent", "own-1", 15, 28, person),
        claim,
        ann("e-second", "own-2", 0, 7, Label::Entity(EntityKind::Place)),
        ann("e-seed", &seed, 0, 5, Label::Claim),
    ];
    ws.apply(Action::Import {
        articles: vec![
            Article::own("own-1", "Talks in Kyiv", TEXT.to_owned(), NOW),
            Article::own("own-2", "Second", FORMATS_SECOND.to_owned(), NOW),
        ],
        entities: Vec::new(),
        annotations,
        replace: false,
    })
    .unwrap();
    ws
}

#[test]
fn the_export_carries_each_own_articles_text_once_and_no_bundled_text() {
    let ws = own_workspace();
    let body = export(&docs(&ws, &Scope::everything()), NOW);
    let file: Value = serde_json::from_slice(&body.bytes).unwrap();
    let items = file["first"]["items"].as_array().unwrap();
    let sources: Vec<&Value> = items
        .iter()
        .filter_map(|i| i["target"].get("source"))
        .collect();
    let carried: Vec<&Value> = sources.iter().filter(|s| s.is_object()).copied().collect();
    assert_eq!(
        carried,
        [
            &json(&format!(
                r#"{{"id": "urn:news-annotator:article:own-1", "type": "Text",
                    "format": "text/plain", "title": "Talks in Kyiv", "value": {}}}"#,
                serde_json::to_string(TEXT).unwrap()
            )),
            &json(&format!(
                r#"{{"id": "urn:news-annotator:article:own-2", "type": "Text",
                    "format": "text/plain", "title": "Second", "value": {}}}"#,
                serde_json::to_string(FORMATS_SECOND).unwrap()
            )),
        ]
    );
    // The bundled article and the own article's other spans are named by IRI only.
    assert_eq!(sources.len() - carried.len(), 4);
}

#[test]
fn an_export_of_own_articles_comes_back_whole_into_an_empty_workspace() {
    let ws = own_workspace();
    let body = export(&docs(&ws, &Scope::everything()), NOW);
    let empty = Workspace::new(bundled_articles().unwrap());
    let plan = plan_import(
        "x.w3c.jsonld",
        &body.bytes,
        &empty,
        &ImportOptions::default(),
        LATER,
    )
    .unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    assert_eq!(plan.added_articles.len(), 2);
    let mut after = empty.clone();
    after.apply(plan.action(false)).unwrap();
    for own in ws.articles().iter().filter(|a| a.is_own()) {
        let back = after.articles().iter().find(|a| a.text == own.text);
        let back =
            back.unwrap_or_else(|| panic!("no article with the text of {}", own.id.as_str()));
        assert_eq!(back.title, own.title);
        let strip = |a: &Marked| Marked {
            article: own.id.clone(),
            ..a.clone()
        };
        let want: Vec<Marked> = ws.in_article(&own.id).iter().map(|a| strip(a)).collect();
        let got: Vec<Marked> = after
            .in_article(&back.id)
            .iter()
            .map(|a| strip(a))
            .collect();
        // Spans, labels, notes, times and links (each annotation's source).
        assert_eq!(got, want, "{}", own.id.as_str());
    }
    assert_eq!(after.len(), ws.len());
    // Imported again, into the workspace it made: nothing new.
    let again = plan_import(
        "x.w3c.jsonld",
        &body.bytes,
        &after,
        &ImportOptions::default(),
        LATER,
    )
    .unwrap();
    assert_eq!((again.new, again.added_articles.len()), (0, 0));
}

#[test]
fn na_convert_takes_the_texts_from_a_w3c_file_without_articles() {
    use crate::domain::files::batch::{convert, Input};
    use crate::domain::files::formats::{ExportOptions, Format};
    let source = embedded(r#""id": "https://example.org/doc/1","#);
    let file = format!(
        "[{}, {}]",
        item("\"PERSON\"", &at_position(&source, 1, 9)),
        item(
            "\"GPE\"",
            &at_position("\"https://example.org/doc/1\"", 34, 38)
        )
    );
    let input = Input {
        name: "corpus.w3c.jsonld".into(),
        bytes: file.into_bytes(),
    };
    let articles = bundled_articles().unwrap();
    let options = ExportOptions::default();
    let labels = ImportOptions::default();
    let report = convert(&[input], &articles, &labels, Format::Native, options, NOW);
    assert_eq!(report.failed, 0, "{:?}", report.lines);
    let [out] = &report.outputs[..] else {
        panic!("not one output: {:?}", report.lines)
    };
    let native: Value = serde_json::from_slice(&out.bytes).unwrap();
    let with_text: Vec<&Value> = native["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["text"].is_string())
        .collect();
    assert_eq!(with_text.len(), 1);
    assert_eq!(with_text[0]["text"], TEXT);
    assert_eq!(with_text[0]["id"].as_str(), Some(text_id(TEXT).as_str()));
    let spans: Vec<(u64, u64)> = native["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(spans, [(1, 9), (34, 38)]);
}

#[test]
fn a_public_corpus_exported_as_w3c_comes_back_with_its_texts_and_spans() {
    let corpus = include_bytes!("../../../../tests/fixtures/corpus/news-tutorial.doccano.jsonl");
    let empty = Workspace::new(bundled_articles().unwrap());
    let labels = ImportOptions::default();
    let plan = plan_import("c.doccano.jsonl", corpus, &empty, &labels, NOW).unwrap();
    let mut ws = empty.clone();
    ws.apply(plan.action(false)).unwrap();
    let body = export(&docs(&ws, &Scope::everything()), NOW);
    let plan = plan_import("c.w3c.jsonld", &body.bytes, &empty, &labels, LATER).unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    // The nine texts with spans of a mapped type, and their 95 spans.
    assert_eq!((plan.added_articles.len(), plan.new), (9, 95));
    let mut back = empty.clone();
    back.apply(plan.action(false)).unwrap();
    let spans = |ws: &Workspace| {
        let mut out: Vec<(String, usize, usize, Label)> = Vec::new();
        for a in ws.articles().iter().filter(|a| a.is_own()) {
            let each = ws.in_article(&a.id);
            out.extend(
                each.iter()
                    .map(|m| (a.sha256().to_owned(), m.span.start(), m.span.end(), m.label)),
            );
        }
        out.sort();
        out
    };
    assert_eq!(spans(&back), spans(&ws));
    assert_eq!(spans(&back).len(), 95);
}
