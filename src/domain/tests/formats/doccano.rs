//! Tests of doccano JSONL: the golden file, the round trip, both import shapes, the errors, and
//! random texts and spans.

use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::golden;
use crate::domain::fixtures::{
    formats_workspace, registry_workspace, FORMATS_SECOND, FORMATS_TEXT,
};
use crate::domain::model::names::ArticleId;
use crate::domain::state::workspace::Workspace;

/// 2026-11-24T10:00:00.000Z.
const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn exported() -> String {
    let body = export(&docs(&registry_workspace(), &Scope::everything()));
    String::from_utf8(body.bytes).unwrap()
}

#[test]
fn export_matches_the_golden_file_byte_for_byte() {
    golden("fixture.doccano.jsonl", exported().as_bytes());
}

/// Every annotation as (article, start, end, label).
fn spans_of(ws: &Workspace) -> Vec<(String, usize, usize, Label)> {
    ws.all()
        .iter()
        .map(|a| {
            let art = a.article.as_str().to_owned();
            (art, a.span.start(), a.span.end(), a.label)
        })
        .collect()
}

/// The records' (article, start, end, label), sorted.
fn spans_read(incoming: &Incoming) -> Vec<(String, usize, usize, Label)> {
    let mut out: Vec<_> = incoming
        .records
        .iter()
        .map(|(_, r)| {
            let label = Label::from_names(&r.label, r.kind.as_deref()).unwrap();
            (r.article.clone(), r.start, r.end, label)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_fixture_survives_export_and_import() {
    let ws = formats_workspace();
    let incoming = read(&exported(), ws.articles(), &LabelMap::default(), NOW).unwrap();
    let mut expected = spans_of(&ws);
    expected.sort();
    assert_eq!(spans_read(&incoming), expected);
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let (path, first) = &incoming.records[0];
    assert_eq!(path, "line 1: entities[0]");
    assert_eq!(first.id, "doccano-fixture-3-7-L");
    assert_eq!((first.exact.as_str(), first.note.as_str()), ("Kyiv", ""));
    assert_eq!(first.created, NOW);
    assert_eq!(first.updated, NOW);
    assert_eq!(incoming.records[8].0, "line 2: entities[0]");
}

#[test]
fn an_import_into_the_same_articles_places_every_span_where_it_was() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let plan = plan_import(
        "x.doccano.jsonl",
        exported().as_bytes(),
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(plan.format, Format::Doccano);
    assert_eq!((plan.total, plan.new), (10, 10));
    assert!(plan.reanchored.is_empty() && plan.not_found.is_empty());
    // A second import of the same file adds nothing: the generated ids are the same.
    let plan = plan_import(
        "x.doccano.jsonl",
        exported().as_bytes(),
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(plan.present, 10);
}

#[test]
fn the_sequence_labelling_shape_is_read_and_found_by_its_text() {
    let ws = formats_workspace();
    let line = format!(
        "{{\"text\": \"{FORMATS_SECOND}\", \"label\": [[0, 7, \"GPE\"], [10, 20, \"org\"]], \
         \"meta\": {{\"x\": 1}}}}"
    );
    let incoming = read(
        &format!("\n{line}\r\n\n"),
        ws.articles(),
        &LabelMap::default(),
        NOW,
    )
    .unwrap();
    let got: Vec<(&str, &str, Option<&str>, &str)> = incoming
        .records
        .iter()
        .map(|(p, r)| {
            (
                p.as_str(),
                r.article.as_str(),
                r.kind.as_deref(),
                r.exact.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("line 2: label[0]", "second", Some("place"), "Ukraine"),
            (
                "line 2: label[1]",
                "second",
                Some("organization"),
                "parliament"
            ),
        ]
    );
}

#[test]
fn a_line_about_an_unknown_text_becomes_an_article_and_an_unmapped_label_is_counted() {
    let ws = formats_workspace();
    let text = format!(
        "{{\"text\": \"Something else.\", \"entities\": [{{\"start_offset\": 0, \
         \"end_offset\": 9, \"label\": \"NOPE\"}}]}}\n\
         {{\"text\": \"{FORMATS_SECOND}\", \"entities\": [], \"relations\": [{{\"id\": 1, \
         \"from_id\": 1, \"to_id\": 2, \"type\": \"said_by\"}}]}}\n"
    );
    let incoming = read(&text, ws.articles(), &LabelMap::default(), NOW).unwrap();
    assert!(incoming.records.is_empty());
    let uses = incoming.labels.uses();
    assert_eq!(
        (uses[0].name.as_str(), uses[0].count, uses[0].to),
        ("NOPE", 1, None)
    );
    let incoming = incoming.finish();
    assert_eq!(incoming.articles.len(), 1);
    assert_eq!(incoming.articles[0].text, "Something else.");
    assert_eq!(incoming.articles[0].title, "Something else.");
    assert_eq!(
        incoming.warnings,
        ["line 2: relations[0].from_id: 1 is no entity of this line; the relation is skipped",]
    );
}

#[test]
fn the_article_key_wins_over_the_text_and_the_import_re_anchors() {
    let ws = formats_workspace();
    // The file's copy of the text has a word more at the front: its offsets are off by 4 for
    // ours, and the import finds "Ukraine" again by its text.
    let line = format!(
        "{{\"text\": \"Now {FORMATS_SECOND}\", \"article\": \"second\", \"entities\": \
         [{{\"start_offset\": 4, \"end_offset\": 11, \"label\": \"LOC\"}}]}}"
    );
    let incoming = read(&line, ws.articles(), &LabelMap::default(), NOW).unwrap();
    let (_, rec) = &incoming.records[0];
    assert_eq!(
        (rec.article.as_str(), rec.exact.as_str()),
        ("second", "Ukraine")
    );
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let plan = plan_import(
        "x.jsonl",
        line.as_bytes(),
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        plan.reanchored,
        ["line 1: entities[0]: \"Ukraine\" was at [4, 11), found it at [0, 7)"]
    );
}

/// The error for a file with this one line about the second article.
fn fails(entities: &str) -> (String, String) {
    let ws = formats_workspace();
    let line = format!("{{\"text\": \"{FORMATS_SECOND}\", \"entities\": {entities}}}");
    let e = read(&line, ws.articles(), &LabelMap::default(), NOW).unwrap_err();
    (e.path, e.message)
}

fn pair(path: &str, message: &str) -> (String, String) {
    (path.to_owned(), message.to_owned())
}

#[test]
fn broken_lines_are_refused_with_the_place_and_the_reason() {
    assert_eq!(
        fails(
            r#"[{"start_offset": 0, "end_offset": 7, "label": "LOC"}, {"start_offset": 28, "end_offset": 34, "label": "LOC"}]"#
        ),
        pair(
            "line 1: entities[1].end_offset",
            "end 34 is past the end of the text (33 characters)"
        )
    );
    assert_eq!(
        fails(r#"[{"start_offset": "0", "end_offset": 7, "label": "LOC"}]"#),
        pair(
            "line 1: entities[0].start_offset",
            "invalid type: string \"0\", expected a whole number of characters counted from 0"
        )
    );
    assert_eq!(
        fails(r#"[{"start_offset": 7, "end_offset": 7, "label": "LOC"}]"#),
        pair(
            "line 1: entities[0].end_offset",
            "end 7 must be greater than start 7"
        )
    );
    assert_eq!(
        fails(r#"[{"start_offset": 0, "end_offset": 7}]"#),
        pair("line 1: entities[0]", "missing field `label`")
    );
    assert_eq!(
        fails(
            r#"[{"start_offset": 0, "end_offset": 123456789012345678901234567890123456789012345678901234567890, "label": "LOC"}]"#
        ),
        pair(
            "line 1: entities[0].end_offset",
            "invalid type: floating point `1.2345678901234567e+59`, expected a whole number of \
             characters counted from 0"
        )
    );
    assert_eq!(
        fails(r#"{"start_offset": 0}"#),
        pair("line 1: entities", "invalid type: map, expected a sequence")
    );
    assert_eq!(
        fails(r#"[[0, 7, "LOC"]]"#),
        pair(
            "line 1: entities[0]",
            "invalid type: sequence, expected an object with \"start_offset\", \"end_offset\" \
             and \"label\""
        )
    );
}

#[test]
fn broken_files_are_refused_with_the_line_and_the_reason() {
    let ws = formats_workspace();
    let fails = |text: &str| {
        let e = read(text, ws.articles(), &LabelMap::default(), NOW).unwrap_err();
        (e.path, e.message)
    };
    let good = format!("{{\"text\": \"{FORMATS_SECOND}\", \"entities\": []}}");
    assert_eq!(
        fails(&format!("{good}\n\n{{\"text\": \"x\", \"entities\": [}}\n")),
        pair("line 3, column 28", "expected value")
    );
    assert_eq!(
        fails(&format!("{good}\n[1, 2]\n")),
        pair(
            "line 2",
            "invalid type: sequence, expected a JSON object with \"text\" and \"entities\""
        )
    );
    assert_eq!(
        fails("{\"entities\": []}\n{}\n"),
        pair("line 1", "missing field `text`")
    );
    assert_eq!(
        fails(&format!(
            "{{\"text\": \"{FORMATS_SECOND}\", \"label\": [[0, 7]]}}"
        )),
        pair(
            "line 1: label[0]",
            "invalid length 2, expected [start, end, \"TAG\"]"
        )
    );
    assert_eq!(
        fails(&format!(
            "{{\"text\": \"{FORMATS_SECOND}\", \"label\": [[0, 7, \"LOC\", 0.9]]}}"
        )),
        pair(
            "line 1: label[0]",
            "invalid length 4, expected [start, end, \"TAG\"]"
        )
    );
    assert_eq!(
        fails(&format!(
            "{{\"text\": \"{FORMATS_SECOND}\", \"label\": [\"POSITIVE\"]}}"
        )),
        pair(
            "line 1: label[0]",
            "invalid type: string \"POSITIVE\", expected [start, end, \"TAG\"]"
        )
    );
    assert_eq!(
        fails(&format!(
            "{{\"text\": \"{FORMATS_SECOND}\", \"label\": [[-1, 7, \"LOC\"]]}}"
        )),
        pair(
            "line 1: label[0][0]",
            "invalid value: integer `-1`, expected a whole number of characters counted from 0"
        )
    );
    assert_eq!(
        fails(&format!(
            "{{\"text\": \"{FORMATS_SECOND}\", \"label\": [[0, 7, 3]]}}"
        )),
        pair(
            "line 1: label[0][2]",
            "invalid type: integer `3`, expected a string"
        )
    );
}

#[test]
fn offsets_count_code_points_after_a_flag_and_an_emoji() {
    let ws = formats_workspace();
    let body = export(&docs(
        &ws,
        &Scope {
            article: Some(ArticleId::from("fixture")),
            labels: vec![crate::domain::model::names::LabelName::Entity],
        },
    ));
    let text = String::from_utf8(body.bytes).unwrap();
    // "Volodymyr Zelensky" starts at code point 87 (UTF-16 would say 89: the flag is two
    // surrogate pairs).
    assert!(text.contains(r#"{"id":2,"label":"PERSON","start_offset":87,"end_offset":105}"#));
    assert_eq!(
        crate::domain::model::text::slice_chars(FORMATS_TEXT, 87, 105),
        "Volodymyr Zelensky"
    );
    assert!(body.dropped.is_empty());
    assert_eq!(body.preview.lines().count(), 1);
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "doccano_properties.rs"]
mod properties;

#[path = "doccano_links.rs"]
mod links;
