//! Tests of the saved state: the schema 1 fixture, round trips, warnings, and every decode error.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::fixtures::snapshot;
use crate::domain::fixtures::{json, sample_workspace};
use crate::domain::model::names::{AnnotationId, EntityKind, Label};
use crate::domain::model::time::Timestamp;
use serde_json::Value;

/// A state saved by schema 1. Never edit it: it stands for what users' browsers hold.
const STORED_V1: &str = include_str!("../../../tests/fixtures/stored-v1.json");

fn load(text: &str) -> Result<Restored, DecodeError> {
    decode(text, bundled_articles().unwrap())
}

#[test]
fn the_schema_1_fixture_decodes_forever() {
    let restored = load(STORED_V1).unwrap();
    assert_eq!(restored.warnings, Vec::<String>::new());
    assert_eq!(restored.reanchored, Vec::<String>::new());
    let ws = restored.workspace;
    let all = ws.all();
    let got: Vec<(&str, Label, usize, usize)> = all
        .iter()
        .map(|a| (a.id.as_str(), a.label, a.span.start(), a.span.end()))
        .collect();
    assert_eq!(
        got,
        [
            ("s1-bessent", Label::Entity(EntityKind::Person), 270, 283),
            ("s1-didnt-let", Label::Quote, 706, 824),
            ("s1-seventeen", Label::Claim, 1327, 1488),
        ]
    );
    let quote = ws.annotation(&AnnotationId::from("s1-didnt-let")).unwrap();
    let text = ws.article(&quote.article).unwrap();
    assert!(text.slice(706, 824).starts_with("“I didn’t let"));
    assert_eq!(quote.note, "");
    let claim = ws.annotation(&AnnotationId::from("s1-seventeen")).unwrap();
    assert_eq!(
        claim.updated,
        Timestamp::parse("2025-02-15T08:02:00Z").unwrap()
    );
    let person = ws.annotation(&AnnotationId::from("s1-bessent")).unwrap();
    assert_eq!(person.updated.to_string(), "2025-02-15T08:05:30.250Z");
}

#[test]
fn encode_then_decode_restores_every_annotation() {
    let ws = sample_workspace();
    let text = encode(&ws);
    assert!(
        text.starts_with(
            "{\"schema\":4,\"articles\":[],\"entities\":[],\"annotations\":[{\"id\":\"e-zelensky\",\"article\":\"kyiv-post\",\
             \"label\":\"entity\",\"kind\":\"person\",\"start\":20,\"end\":38,\"exact\":\"Volodymyr Zelensky\",\
             \"created\":1739606400000,\"updated\":1739606400000}"
        ),
        "{text}"
    );
    let restored = load(&text).unwrap();
    assert!(restored.warnings.is_empty(), "{:?}", restored.warnings);
    assert_eq!(snapshot(&restored.workspace), snapshot(&ws));
    // Restoring is not an undoable change.
    assert_eq!(restored.workspace.next_undo(), None);
}

#[test]
fn unplaceable_annotations_are_dropped_with_a_warning_each_and_moved_ones_kept() {
    let mut state = json(STORED_V1);
    let anns = state["annotations"].as_array_mut().unwrap();
    let mut moved = anns[0].clone();
    moved["id"] = Value::from("moved");
    moved["start"] = Value::from(100_u64);
    moved["end"] = Value::from(113_u64);
    let mut past_end = anns[0].clone();
    past_end["id"] = Value::from("past-end");
    past_end["end"] = Value::from(9999_u64);
    let mut gone = anns[0].clone();
    gone["id"] = Value::from("gone");
    gone["exact"] = Value::from("Janet Yellen");
    let mut unknown = anns[0].clone();
    unknown["id"] = Value::from("unknown");
    unknown["article"] = Value::from("bbc");
    let repeated = anns[1].clone();
    anns.extend([moved, past_end, gone, unknown, repeated]);
    let restored = load(&state.to_string()).unwrap();
    assert_eq!(
        restored.reanchored,
        ["annotations[3]: \"Scott Bessent\" was at [100, 113), found it at [270, 283)"]
    );
    assert_eq!(
        restored.warnings,
        [
            "annotations[4].end: 9999 is past the end of article \"explainer\" (6218 characters); \
             this annotation was dropped",
            "annotations[5]: \"Janet Yellen\" is not in article \"explainer\" any more; skipped",
            "annotations[6].article: unknown article \"bbc\"; this annotation was dropped",
            "annotation \"s1-didnt-let\": an annotation \"s1-didnt-let\" exists already; this copy \
             was dropped",
        ]
    );
    assert_eq!(restored.workspace.len(), 4);
}

#[test]
fn every_decode_error_says_what_is_wrong() {
    let cases: [(&str, DecodeError, &str); 9] = [
        (
            "{\"schema\": 1,",
            DecodeError::NotJson("line 1, column 13: EOF while parsing a value".into()),
            "the saved state is not JSON: line 1, column 13: EOF while parsing a value",
        ),
        (
            "[]",
            DecodeError::NoSchema,
            "the saved state has no \"schema\" field, so it is not ours",
        ),
        ("{\"annotations\": []}", DecodeError::NoSchema, ""),
        (
            "{\"schema\": \"1\"}",
            DecodeError::BadSchema("\"1\"".into()),
            "the saved state's \"schema\" is \"1\", not a schema number",
        ),
        ("{\"schema\": 0}", DecodeError::BadSchema("0".into()), ""),
        (
            "{\"schema\": 1.5}",
            DecodeError::BadSchema("1.5".into()),
            "",
        ),
        (
            "{\"schema\": 5, \"whatever\": {}}",
            DecodeError::Newer(5),
            "saved by a newer version of the app (schema 5); this version reads schema 4",
        ),
        (
            "{\"schema\": 1, \"annotations\": [{\"id\": \"x\", \"start\": \"0\"}]}",
            DecodeError::Invalid {
                path: "annotations[0].start".into(),
                message: "invalid type: string \"0\", expected usize at line 1 column 54".into(),
            },
            "the saved state is invalid at annotations[0].start: invalid type: string \"0\", \
             expected usize at line 1 column 54",
        ),
        (
            "{\"schema\": 1}",
            DecodeError::Invalid {
                path: String::new(),
                message: "missing field `annotations` at line 1 column 13".into(),
            },
            "the saved state is invalid: missing field `annotations` at line 1 column 13",
        ),
    ];
    for (text, expected, message) in cases {
        let err = load(text).unwrap_err();
        assert_eq!(err, expected, "{text}");
        if !message.is_empty() {
            assert_eq!(err.to_string(), message);
        }
    }
}

#[test]
fn a_schema_1_record_with_a_bad_time_is_dropped_with_a_line_not_lost_silently() {
    let mut v1 = json(STORED_V1);
    v1["annotations"][1]["updated"] = Value::from("yesterday");
    let restored = load(&v1.to_string()).unwrap();
    assert_eq!(restored.workspace.len(), 2);
    assert_eq!(restored.warnings.len(), 1);
    assert!(
        restored.warnings[0].starts_with("annotations[1]: \"yesterday\" is not a date-time"),
        "{:?}",
        restored.warnings
    );
}
