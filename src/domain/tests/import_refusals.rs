//! Tests of the messages an import refuses with: each names the field, the path or the place.

use super::*;

#[test]
fn an_end_past_the_article_names_the_field_and_the_length() {
    let file = json(
        r#"{
        "format": "news-annotator", "version": 1, "exported": "2026-11-24T10:00:00Z",
        "offsets": "unicode-code-points, end-exclusive", "articles": [],
        "annotations": [{
            "id": "x", "article": "kyiv-post", "label": "claim", "start": 4000, "end": 5012,
            "exact": "whatever", "created": "2025-02-15T08:00:00Z", "updated": "2025-02-15T08:00:00Z"
        }]
    }"#,
    );
    assert_eq!(
        error(&file),
        "annotations[0].end: 5012 is past the end of article \"kyiv-post\" (4016 characters)"
    );
}

#[test]
fn type_errors_name_the_json_path() {
    let mut file = sample_file();
    file["annotations"][3]["end"] = Value::from("x");
    assert_eq!(
        error(&file),
        "annotations[3].end: invalid type: string \"x\", expected usize at line 1 column 2085"
    );
    let mut file = sample_file();
    file["annotations"][1]["colour"] = Value::from("red");
    assert!(
        error(&file).starts_with("annotations[1].colour: unknown field `colour`"),
        "{}",
        error(&file)
    );
    let mut file = sample_file();
    file["annotations"][0]
        .as_object_mut()
        .unwrap()
        .retain(|key, _| key != "exact");
    assert_eq!(
        error(&file),
        "annotations[0]: missing field `exact` at line 1 column 1288"
    );
}

#[test]
fn not_json_gives_line_and_column() {
    let err = plan_text("{\n  \"format\": ?", &empty()).unwrap_err();
    assert_eq!(err.path, "line 2, column 13");
    assert_eq!(err.to_string(), "line 2, column 13: expected value");
    assert_eq!(
        plan_text(" \n", &empty()).unwrap_err().to_string(),
        "the file is empty"
    );
}

#[test]
fn other_formats_and_newer_versions_are_refused_plainly() {
    assert_eq!(
        error(&json(r#"[{"text": "x", "label": []}]"#)),
        "this JSON is not a format this app reads (News Annotator, W3C Web Annotation, Label \
         Studio, doccano)"
    );
    assert_eq!(error(&json(r#"{"annotations": []}"#)), error(&json("[]")));
    assert_eq!(
        error(&json(r#"{"format": "label-studio"}"#)),
        "this is not a News Annotator file: its \"format\" is \"label-studio\", not \"news-annotator\""
    );
    let mut file = sample_file();
    file["version"] = Value::from(3_u64);
    file["brand_new_field"] = Value::from(true);
    assert_eq!(
        error(&file),
        "this file was written by a newer version (3); this app reads version 2"
    );
    file["version"] = Value::from(0_u64);
    assert_eq!(error(&file), "brand_new_field: unknown field `brand_new_field`, expected one of `format`, `version`, `exported`, `offsets`, `articles`, `entities`, `annotations` at line 1 column 3110");
    file.as_object_mut()
        .unwrap()
        .retain(|key, _| key != "brand_new_field");
    assert_eq!(
        error(&file),
        "version: version 0 is not one this app reads (it reads 1 to 2)"
    );
    file["version"] = Value::from(2_u64);
    file["offsets"] = Value::from("utf-16-code-units");
    assert!(error(&file).starts_with("offsets: offsets counted as \"utf-16-code-units\""));
}

#[test]
fn unknown_articles_and_repeated_ids_are_refused() {
    let mut file = sample_file();
    file["annotations"][4]["article"] = Value::from("bbc");
    assert_eq!(
        error(&file),
        "annotations[4].article: unknown article \"bbc\""
    );
    let mut file = sample_file();
    file["annotations"][4]["id"] = Value::from("e-msc");
    assert_eq!(
        error(&file),
        "annotations[4].id: the id \"e-msc\" is used twice (first at annotations[1])"
    );
}
