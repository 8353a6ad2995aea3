//! Tests of W3C Web Annotation: the golden file, a lossless round trip, the shapes import accepts
//! (a single annotation, a list, a page, quote-only selectors, foreign IRIs), the errors, and random
//! texts, spans and notes.

use super::*;
use crate::domain::files::formats::Format;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::golden;
use crate::domain::fixtures::records;
use crate::domain::fixtures::{formats_workspace, json, registry_workspace, FORMATS_TEXT};
use crate::domain::model::article::Article;
use crate::domain::state::workspace::Workspace;
use std::rc::Rc;

/// 2026-11-24T10:00:00.000Z.
const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// An import time other than the export time, to tell them apart.
const LATER: Timestamp = Timestamp(1_800_000_000_000);

fn exported() -> String {
    let body = export(&docs(&registry_workspace(), &Scope::everything()), NOW);
    String::from_utf8(body.bytes).unwrap()
}

#[test]
fn export_matches_the_golden_file_byte_for_byte() {
    golden("fixture.w3c.jsonld", exported().as_bytes());
}

#[test]
fn everything_survives_export_and_import() {
    let ws = registry_workspace();
    let incoming = read(&exported(), ws.articles(), LATER).unwrap();
    let got: Vec<_> = incoming.records.iter().map(|(_, r)| r.clone()).collect();
    // Ids, notes, times, exact text and context, links, claim attributes and registry references:
    // the very records of the app's own format.
    assert_eq!(got, records(&ws));
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    // The fixture article's eight annotations and three links come before the second article's.
    assert_eq!(incoming.records[9].0, "first.items[12]");
}

#[test]
fn an_import_into_the_same_articles_places_every_span_where_it_was() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let plan = plan_import(
        "x.jsonld",
        exported().as_bytes(),
        &empty,
        &Default::default(),
        LATER,
    )
    .unwrap();
    assert_eq!(plan.format, Format::W3c);
    assert_eq!((plan.total, plan.new), (10, 10));
    assert!(plan.reanchored.is_empty() && plan.not_found.is_empty());
    // Into the workspace the file was made from (registry references count as content).
    let plan = plan_import(
        "x.jsonld",
        exported().as_bytes(),
        &registry_workspace(),
        &Default::default(),
        LATER,
    )
    .unwrap();
    assert_eq!(plan.present, 10);
}

#[test]
fn the_collection_counts_and_dates_what_it_holds() {
    let value = json(&exported());
    assert_eq!(
        value["@context"],
        json("\"http://www.w3.org/ns/anno.jsonld\"")
    );
    assert_eq!(value["generated"], json("\"2026-11-24T10:00:00.000Z\""));
    // Ten annotations and three links.
    assert_eq!(value["total"], json("13"));
    let msc = &value["first"]["items"][7];
    assert_eq!(msc["id"], json("\"urn:news-annotator:annotation:e-msc\""));
    assert_eq!(
        msc["body"][2],
        json(
            r#"{"type": "TextualBody", "purpose": "commenting",
                "value": "Held every February, in Munich; see \"MSC\"\nand its report.",
                "format": "text/plain"}"#
        )
    );
    // Positions count code points: the flag before the span is two, the emoji one (in UTF-16
    // code units they would be four and two, and the span would start at 228).
    assert_eq!(
        msc["target"]["selector"][1],
        json(r#"{"type": "TextPositionSelector", "start": 225, "end": 251}"#)
    );
}

/// The app's fixture articles.
fn articles() -> Vec<Rc<Article>> {
    formats_workspace().articles().to_vec()
}

#[test]
fn a_single_annotation_with_a_quote_only_a_foreign_iri_and_a_string_body() {
    let value = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "body": "PERSON",
            "target": {"source": "https://example.org/articles/fixture",
                       "selector": {"type": "TextQuoteSelector", "exact": "Zelensky",
                                    "prefix": "historic”. ", "suffix": "’s"}}}"#;
    let incoming = read(value, &articles(), LATER).unwrap();
    let [(path, rec)] = incoming.records.as_slice() else {
        panic!("{incoming:?}")
    };
    assert_eq!(path, "the annotation");
    // "Zelensky" is in the text twice; the context picks the second, in "Zelensky’s office".
    assert_eq!((rec.start, rec.end), (191, 199));
    assert_eq!(
        crate::domain::model::text::slice_chars(FORMATS_TEXT, 191, 199),
        "Zelensky"
    );
    assert_eq!(
        (rec.label.as_str(), rec.kind.as_deref()),
        ("entity", Some("person"))
    );
    assert_eq!(rec.id, "w3c-fixture-191-199-P");
    assert_eq!(
        (
            rec.created.to_string().as_str(),
            rec.updated.to_string().as_str()
        ),
        ("2027-01-15T08:00:00.000Z", "2027-01-15T08:00:00.000Z")
    );
}

#[test]
fn a_list_of_annotations_and_a_page_with_bodies_of_every_shape() {
    let item = r#"{"id": "https://hypothes.is/a/abc", "type": "Annotation",
        "created": "2025-02-14T09:30:00Z",
        "body": [{"type": "TextualBody", "value": "entity"},
                 {"type": "TextualBody", "purpose": "tagging", "value": "organization"},
                 {"type": "TextualBody", "purpose": "commenting", "value": "a note"},
                 {"type": "SpecificResource", "source": "http://www.wikidata.org/entity/Q1"}],
        "target": [{"source": "urn:news-annotator:article:fixture",
                    "selector": [{"type": "RangeSelector"},
                                 {"type": "TextPositionSelector", "start": 140, "end": 151}]}]}"#;
    for (file, path) in [
        (format!("[{item}]"), "[0]"),
        (
            format!("{{\"type\": \"AnnotationPage\", \"items\": [{item}]}}"),
            "items[0]",
        ),
    ] {
        let incoming = read(&file, &articles(), LATER).unwrap();
        let (p, rec) = &incoming.records[0];
        assert_eq!(p, path);
        assert_eq!(rec.id, "https://hypothes.is/a/abc");
        assert_eq!(
            (rec.start, rec.end, rec.exact.as_str()),
            (140, 151, "US Treasury")
        );
        assert_eq!(rec.kind.as_deref(), Some("organization"));
        assert_eq!(rec.note, "a note");
        // No "modified": it was not changed since it was made.
        assert_eq!(rec.created.to_string(), "2025-02-14T09:30:00.000Z");
        assert_eq!(rec.updated.to_string(), "2025-02-14T09:30:00.000Z");
    }
}

#[test]
fn annotations_this_app_cannot_place_are_skipped_with_a_warning() {
    let value = r#"[{"body": "claim", "target": {"source": "urn:news-annotator:article:elsewhere",
                                       "selector": {"type": "TextPositionSelector", "start": 0, "end": 4}}},
            {"body": "claim", "target": "urn:news-annotator:article:fixture"},
            {"body": "claim", "target": {"source": "urn:news-annotator:article:fixture",
                                       "selector": {"type": "TextQuoteSelector", "exact": "Odesa"}}},
            {"body": "claim", "target": {"source": "urn:news-annotator:article:fixture",
                                       "selector": {"type": "CssSelector", "value": "p"}}}]"#;
    let incoming = read(value, &articles(), LATER).unwrap();
    assert!(incoming.records.is_empty());
    assert_eq!(
        incoming.warnings,
        [
            "[0].target.source: \"urn:news-annotator:article:elsewhere\" is not one of this \
             app's articles, nor a text this file carries; skipped",
            "[1].target: names the whole of \"urn:news-annotator:article:fixture\", not a part \
             of its text; skipped",
            "[2].target.selector: \"Odesa\" is not in article \"fixture\"; skipped",
            "[3].target.selector: has no TextPositionSelector or TextQuoteSelector saying which \
             text it marks; skipped",
        ]
    );
}

#[test]
fn a_quote_that_moved_is_found_again_by_the_import() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let file = r#"{"type": "Annotation", "body": "LOC",
        "target": {"source": "urn:news-annotator:article:second",
                   "selector": [{"type": "TextPositionSelector", "start": 1, "end": 5},
                                {"type": "TextQuoteSelector", "exact": "Kyiv", "prefix": "met in "}]}}"#;
    let plan = plan_import(
        "x.jsonld",
        file.as_bytes(),
        &empty,
        &Default::default(),
        LATER,
    )
    .unwrap();
    assert_eq!(
        plan.reanchored,
        ["the annotation: \"Kyiv\" was at [1, 5), found it at [28, 32)"]
    );
    // Positions past the end of our text: the quote alone says where.
    let far = file.replace("\"start\": 1, \"end\": 5", "\"start\": 100, \"end\": 104");
    let incoming = read(&far, &articles(), LATER).unwrap();
    assert_eq!(
        (incoming.records[0].1.start, incoming.records[0].1.end),
        (28, 32)
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "w3c_properties.rs"]
mod properties;

#[path = "w3c_links.rs"]
mod links;

#[path = "w3c_errors.rs"]
mod errors;

#[path = "w3c_texts.rs"]
mod texts;
