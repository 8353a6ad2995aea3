//! Tests of the export file: its shape, the download name, and the version 1 golden file, which was
//! written by the app before version 2 and must keep loading.

use super::*;
use crate::domain::files::formats::{file_name, Format};
use crate::domain::fixtures::{json, sample_workspace};
use serde_json::Value;

/// 2026-11-24T10:00:00.000Z.
const EXPORTED: Timestamp = Timestamp(1_795_514_400_000);

/// An export of the sample workspace in version 1. Never edit it: it stands for users' files.
const V1: &str = include_str!("../../../tests/fixtures/native-export.json");

#[test]
fn the_version_1_file_reads_as_the_same_records_with_no_entries_or_articles() {
    assert!(V1.contains("\"version\": 1,"));
    let ws = sample_workspace();
    let incoming = read(V1, ws.articles()).unwrap();
    let today = read(&export_json(&ws, EXPORTED), ws.articles()).unwrap();
    // Version 2 of the same workspace (which has no attributes, entries or own articles) holds the same
    // records, in the same places.
    assert_eq!(incoming.records, today.records);
    assert_eq!(incoming.records.len(), 6);
    assert_eq!(incoming.records[3].0, "annotations[3]");
    assert!(incoming.entities.is_empty() && incoming.articles.is_empty());
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
}

#[test]
fn a_version_1_file_has_no_fields_of_version_2() {
    let articles = sample_workspace().articles().to_vec();
    let mut file = json(V1);
    file["entities"] = Value::Array(Vec::new());
    let err = read(&file.to_string(), &articles).unwrap_err();
    assert_eq!(err.path, "entities");
    assert!(err.message.starts_with("unknown field `entities`, expected one of `format`, `version`, `exported`, `offsets`, `articles`, `annotations`"), "{err}");
    let mut file = json(V1);
    file["articles"][0]["own"] = Value::Bool(true);
    let err = read(&file.to_string(), &articles).unwrap_err();
    assert_eq!(err.path, "articles[0].own");
    assert!(err.message.starts_with("unknown field `own`"), "{err}");
}

#[test]
fn export_lists_every_article_and_annotations_in_text_order() {
    let ws = sample_workspace();
    let file = read_file(&export_json(&ws, EXPORTED)).unwrap();
    assert_eq!((file.format.as_str(), file.version), (FORMAT, 2));
    assert_eq!(file.exported.to_string(), "2026-11-24T10:00:00.000Z");
    assert_eq!(file.offsets, OFFSETS);
    assert_eq!(file.articles.len(), ws.articles().len());
    assert_eq!(
        (file.articles[0].id.as_str(), file.articles[0].length),
        ("kyiv-post", 4016)
    );
    assert!(file.articles.iter().all(|a| !a.own && a.text.is_none()));
    assert!(file.entities.is_empty());
    let ids: Vec<&str> = file.annotations.iter().map(|r| r.id.as_str()).collect();
    // The claim and the entity nested in it share a start: the outer span comes first.
    assert_eq!(
        ids,
        [
            "e-zelensky",
            "e-msc",
            "q-short",
            "q-ministers",
            "c-reserves",
            "e-ukraine"
        ]
    );
    let nested = &file.annotations[5];
    assert_eq!(
        (nested.kind.as_deref(), nested.exact.as_str()),
        (Some("place"), "Ukraine")
    );
    assert_eq!(nested.suffix, " possesses substantial reserves ");
    assert_eq!(file.annotations[2].kind, None);
}

#[test]
fn export_is_indented_with_two_spaces_and_ends_with_a_newline() {
    let json = export_json(&Workspace::new(Vec::new()), EXPORTED);
    assert_eq!(
        json,
        "{\n  \"format\": \"news-annotator\",\n  \"version\": 2,\n  \
         \"exported\": \"2026-11-24T10:00:00.000Z\",\n  \
         \"offsets\": \"unicode-code-points, end-exclusive\",\n  \
         \"articles\": [],\n  \"entities\": [],\n  \"annotations\": []\n}\n"
    );
}

#[test]
fn file_name_is_the_utc_date() {
    assert_eq!(
        file_name(Format::Native, EXPORTED),
        "news-annotations-2026-11-24.json"
    );
    // 23:59:59.999 UTC is still the same day.
    assert_eq!(
        file_name(Format::Native, Timestamp(1_795_564_799_999)),
        "news-annotations-2026-11-24.json"
    );
}
