//! Tests of Label Studio JSON: the golden file, the round trip, predictions, relations, UTF-16
//! offsets, the errors, and random texts, spans and notes.

use super::*;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::formats::{docs, Scope};
use crate::domain::files::formats::{Format, Incoming};
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::golden;
use crate::domain::fixtures::{
    formats_workspace, json, registry_workspace, FORMATS_SECOND, FORMATS_TEXT,
};
use crate::domain::model::names::{ArticleId, Label};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;

/// 2026-11-24T10:00:00.000Z.
const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn exported() -> String {
    let body = export(&docs(&registry_workspace(), &Scope::everything()));
    String::from_utf8(body.bytes).unwrap()
}

#[test]
fn export_matches_the_golden_file_byte_for_byte() {
    golden("fixture.label-studio.json", exported().as_bytes());
}

/// Every annotation as (id, article, start, end, label, note), sorted.
fn annotations_of(ws: &Workspace) -> Vec<(String, String, usize, usize, Label, String)> {
    let mut out: Vec<_> = ws
        .all()
        .iter()
        .map(|a| {
            let (id, art) = (a.id.as_str().to_owned(), a.article.as_str().to_owned());
            (
                id,
                art,
                a.span.start(),
                a.span.end(),
                a.label,
                a.note.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The records as (id, article, start, end, label, note), sorted.
fn records_of(incoming: &Incoming) -> Vec<(String, String, usize, usize, Label, String)> {
    let mut out: Vec<_> = incoming
        .records
        .iter()
        .map(|(_, r)| {
            let label = Label::from_names(&r.label, r.kind.as_deref()).unwrap();
            let (id, art) = (r.id.clone(), r.article.clone());
            (id, art, r.start, r.end, label, r.note.clone())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_fixture_survives_export_and_import_with_ids_and_notes() {
    let ws = formats_workspace();
    let incoming = read(&exported(), ws.articles(), &ImportOptions::default(), NOW).unwrap();
    assert_eq!(records_of(&incoming), annotations_of(&ws));
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let (path, msc) = incoming
        .records
        .iter()
        .find(|(_, r)| r.id == "e-msc")
        .unwrap();
    assert_eq!(path, "[0].annotations[0].result[14]");
    assert_eq!(
        msc.note,
        "Held every February, in Munich; see \"MSC\"\nand its report."
    );
    assert_eq!(
        (
            msc.created.to_string().as_str(),
            msc.updated.to_string().as_str()
        ),
        ("2026-11-24T10:00:00.000Z", "2026-11-24T10:00:00.000Z")
    );
}

#[test]
fn an_import_into_the_same_articles_places_every_span_where_it_was() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let plan = plan_import(
        "x.json",
        exported().as_bytes(),
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(plan.format, Format::LabelStudio);
    assert_eq!((plan.total, plan.new), (10, 10));
    assert!(plan.reanchored.is_empty() && plan.not_found.is_empty());
}

#[test]
fn a_task_without_annotations_is_written_with_an_empty_list() {
    let ws = formats_workspace();
    let body = export(&docs(
        &ws,
        &Scope {
            article: Some(ArticleId::from("second")),
            labels: vec![crate::domain::model::names::LabelName::Claim],
        },
    ));
    let value = json(std::str::from_utf8(&body.bytes).unwrap());
    assert_eq!(value[0]["annotations"], json("[]"));
    assert_eq!(value[0]["data"]["title"], json("\"Second “article”\""));
}

/// A file of one task on the second article with these results.
fn task(results: &str) -> String {
    format!(
        "[{{\"id\": 7, \"data\": {{\"text\": \"{FORMATS_SECOND}\"}}, \"annotations\": \
         [{{\"result\": {results}}}]}}]"
    )
}

#[test]
fn utf16_offsets_are_recognised_by_the_span_text_and_converted() {
    let ws = formats_workspace();
    // "Volodymyr Zelensky" is 87..105 in code points but 89..107 in UTF-16 code units: the flag
    // before it is two characters outside the Basic Multilingual Plane.
    let file = format!(
        "[{{\"data\": {{\"text\": {}}}, \"annotations\": [{{\"result\": [{{\"id\": \"z\", \
         \"type\": \"labels\", \"value\": {{\"start\": 89, \"end\": 107, \
         \"text\": \"Volodymyr Zelensky\", \"labels\": [\"PER\"]}}}}]}}]}}]",
        serde_json::Value::from(FORMATS_TEXT)
    );
    let incoming = read(&file, ws.articles(), &ImportOptions::default(), NOW).unwrap();
    let (_, rec) = &incoming.records[0];
    assert_eq!(
        (rec.start, rec.end, rec.exact.as_str()),
        (87, 105, "Volodymyr Zelensky")
    );
    assert_eq!(rec.id, "z");
    assert_eq!(
        incoming.warnings,
        ["[0]: 1 span(s) had offsets counted in UTF-16 code units (as some Label Studio versions \
          write them); converted to characters"]
    );
}

#[test]
fn a_span_whose_text_is_elsewhere_is_found_again_by_the_import() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let file = task(
        r#"[{"id": "k", "type": "labels", "value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["LOC"]}}]"#,
    );
    let incoming = read(&file, ws.articles(), &ImportOptions::default(), NOW).unwrap();
    assert_eq!(incoming.records[0].1.exact, "Kyiv");
    let plan = plan_import(
        "x.json",
        file.as_bytes(),
        &empty,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        plan.reanchored,
        ["[0].annotations[0].result[0]: \"Kyiv\" was at [0, 4), found it at [28, 32)"]
    );
}

#[test]
fn predictions_notes_relations_and_unknown_texts() {
    let ws = formats_workspace();
    let file = format!(
        "[{{\"data\": {{\"text\": \"Not ours.\"}}, \"annotations\": []}}, \
         {{\"data\": {{\"text\": \"{FORMATS_SECOND}\"}}, \"annotations\": [], \"predictions\": \
         [{{\"result\": [\
           {{\"id\": \"n\", \"type\": \"textarea\", \"value\": {{\"text\": [\"first\", \"second\"]}}}}, \
           {{\"id\": \"n\", \"type\": \"labels\", \"value\": {{\"start\": 0, \"end\": 7, \
             \"labels\": [\"GPE\", \"ORG\"]}}}}, \
           {{\"from_id\": \"n\", \"to_id\": \"m\", \"type\": \"relation\"}}, \
           {{\"id\": \"c\", \"type\": \"choices\", \"value\": {{\"choices\": [\"x\"]}}}}, \
           {{\"id\": \"gone\", \"type\": \"textarea\", \"value\": {{\"text\": \"lost\"}}}}\
         ]}}]}}]"
    );
    let incoming = read(&file, ws.articles(), &ImportOptions::default(), NOW).unwrap();
    let got: Vec<(&str, &str, Option<&str>, &str)> = incoming
        .records
        .iter()
        .map(|(p, r)| {
            (
                p.as_str(),
                r.id.as_str(),
                r.kind.as_deref(),
                r.note.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "[1].predictions[0].result[1]",
                "n",
                Some("place"),
                "first\nsecond"
            ),
            (
                "[1].predictions[0].result[1]",
                "label-studio-second-0-7-O",
                Some("organization"),
                ""
            ),
        ]
    );
    assert_eq!(
        incoming.warnings,
        [
            "[1].predictions[0].result[3]: a \"choices\" result is not read (this app reads \
             those from attribution and check); ignored",
            "[1].predictions[0].result[4]: a note for \"gone\", which is no labelled span here; \
             ignored",
            "[1].predictions[0].result[2]: for \"m\", which is no labelled span here; ignored",
        ]
    );
}

fn pair(path: &str, message: &str) -> (String, String) {
    (path.to_owned(), message.to_owned())
}

#[test]
fn broken_files_are_refused_with_the_place_and_the_reason() {
    let ws = formats_workspace();
    let fails = |text: &str| {
        let e = read(text, ws.articles(), &ImportOptions::default(), NOW).unwrap_err();
        (e.path, e.message)
    };
    assert_eq!(
        fails("[{\"data\": }]"),
        pair("line 1, column 11", "expected value")
    );
    assert_eq!(
        fails("\"tasks\""),
        pair(
            "",
            "invalid type: string \"tasks\", expected a Label Studio task: an object with \
             \"data\" and \"annotations\""
        )
    );
    assert_eq!(
        fails("[{\"data\": 5}]"),
        pair(
            "[0].data",
            "invalid type: integer `5`, expected an object of the task's fields, such as \"text\""
        )
    );
    assert_eq!(
        fails("[{\"annotations\": []}]"),
        pair("[0]", "missing field `data`")
    );
    assert_eq!(
        fails(&task(
            r#"[{"type": "labels", "value": {"start": 0, "end": 70, "labels": ["LOC"]}}]"#
        )),
        pair(
            "[0].annotations[0].result[0].value.end",
            "end 70 is past the end of the text (33 characters)"
        )
    );
    assert_eq!(
        fails(&task(
            r#"[{"type": "labels", "value": {"start": 3.5, "end": 7, "labels": ["LOC"]}}]"#
        )),
        pair(
            "[0].annotations[0].result[0].value.start",
            "must be a whole number of characters counted from 0, not 3.5"
        )
    );
    assert_eq!(
        fails(&task(
            r#"[{"type": "labels", "value": {"start": 0, "end": 7, "labels": []}}]"#
        )),
        pair(
            "[0].annotations[0].result[0].value.labels",
            "is empty: give the span's tag, such as [\"PERSON\"]"
        )
    );
    assert_eq!(
        fails(&task(
            r#"[{"value": {"start": 0, "end": 7, "labels": ["LOC"]}}]"#
        )),
        pair("[0].annotations[0].result[0]", "missing field `type`")
    );
    assert_eq!(
        fails(&task(r#"{"start": 0}"#)),
        pair(
            "[0].annotations[0].result",
            "invalid type: map, expected a sequence"
        )
    );
    assert_eq!(
        fails(&task(
            r#"[{"id": true, "type": "labels", "value": {"start": 0, "end": 7, "labels": ["LOC"]}}]"#
        )),
        pair(
            "[0].annotations[0].result[0].id",
            "invalid type: boolean `true`, expected a whole number or a string"
        )
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "label_studio_properties.rs"]
mod properties;

#[path = "label_studio_links.rs"]
mod links;

#[path = "label_studio_fields.rs"]
mod fields;
