//! Tests of Label Studio JSON: the golden file, the round trip, predictions, relations, UTF-16
//! offsets, the errors, and random texts, spans and notes.

use super::*;
use crate::domain::annotation::Label;
use crate::domain::article::ArticleId;
use crate::domain::fixtures::golden;
use crate::domain::fixtures::{formats_workspace, json, FORMATS_SECOND, FORMATS_TEXT};
use crate::domain::formats::{docs, Scope};
use crate::domain::import::plan_import;
use crate::domain::workspace::Workspace;

/// 2026-11-24T10:00:00.000Z.
const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn exported() -> String {
    let body = export(&docs(&formats_workspace(), &Scope::everything()));
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
    let incoming = read(&exported(), ws.articles(), NOW).unwrap();
    assert_eq!(records_of(&incoming), annotations_of(&ws));
    assert!(incoming.warnings.is_empty(), "{:?}", incoming.warnings);
    let (path, msc) = incoming
        .records
        .iter()
        .find(|(_, r)| r.id == "e-msc")
        .unwrap();
    assert_eq!(path, "[0].annotations[0].result[8]");
    assert_eq!(
        msc.note,
        "Held every February, in Munich; see \"MSC\"\nand its report."
    );
    assert_eq!(
        (msc.created.as_str(), msc.updated.as_str()),
        ("2026-11-24T10:00:00.000Z", "2026-11-24T10:00:00.000Z")
    );
}

#[test]
fn an_import_into_the_same_articles_places_every_span_where_it_was() {
    let ws = formats_workspace();
    let empty = Workspace::new(ws.articles().iter().map(|a| (**a).clone()).collect());
    let plan = plan_import("x.json", exported().as_bytes(), &empty, NOW).unwrap();
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
            labels: vec![crate::domain::annotation::LabelName::Claim],
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
        crate::domain::json::Value::from(FORMATS_TEXT)
    );
    let incoming = read(&file, ws.articles(), NOW).unwrap();
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
    let incoming = read(&file, ws.articles(), NOW).unwrap();
    assert_eq!(incoming.records[0].1.exact, "Kyiv");
    let plan = plan_import("x.json", file.as_bytes(), &empty, NOW).unwrap();
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
    let incoming = read(&file, ws.articles(), NOW).unwrap();
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
            "[0]: its text is not one of this app's articles; skipped",
            "[1].predictions[0].result[3]: a \"choices\" result is not read; ignored",
            "[1].predictions[0].result[4]: a note for \"gone\", which is no labelled span here; \
             ignored",
            "[1]: 1 relation(s) not imported; relations come in a later version",
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
        let e = read(text, ws.articles(), NOW).unwrap_err();
        (e.path, e.message)
    };
    assert_eq!(
        fails("[{\"data\": }]"),
        pair("line 1, column 11", "expected value")
    );
    assert_eq!(
        fails("\"tasks\""),
        pair("", "a Label Studio file is a list of tasks, not \"tasks\"")
    );
    assert_eq!(
        fails("[{\"data\": {\"text\": 5}}]"),
        pair("[0].data.text", "must be a string, not 5")
    );
    assert_eq!(
        fails("[{\"annotations\": []}]"),
        pair("[0].data", "missing: a task keeps its text in data.text")
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
            r#"[{"type": "labels", "value": {"start": 0, "end": 7, "labels": ["Country"]}}]"#
        )),
        pair(
            "[0].annotations[0].result[0].value.labels[0]",
            "\"Country\" is not a label this app reads (CLAIM, QUOTE, PERSON, ORG, LOC, MISC, or \
             PER, ORGANIZATION, LOCATION, PLACE, GPE, OTHER)"
        )
    );
    assert_eq!(
        fails(&task(
            r#"[{"value": {"start": 0, "end": 7, "labels": ["LOC"]}}]"#
        )),
        pair("[0].annotations[0].result[0].type", "missing")
    );
    assert_eq!(
        fails(&task(r#"{"start": 0}"#)),
        pair("[0].annotations[0].result", "must be a list, not an object")
    );
    assert_eq!(
        fails(&task(
            r#"[{"id": true, "type": "labels", "value": {"start": 0, "end": 7, "labels": ["LOC"]}}]"#
        )),
        pair(
            "[0].annotations[0].result[0].id",
            "must be a string, not true"
        )
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::domain::annotation::{Annotation, AnnotationId, EntityKind};
    use crate::domain::json::Value;
    use crate::domain::span::Span;
    use crate::domain::workspace::Action;
    use proptest::prelude::*;

    /// Pieces of text: ASCII, a flag, emoji, a combining accent, CJK, curly quotes, both line ends.
    const PIECES: [&str; 15] = [
        "a", "Kyiv", " ", ", ", "🙂", "🇺🇦", "e\u{301}", "中文", "“", "”", "’", "\n", "\r\n", "—",
        "\"",
    ];

    const LABELS: [Label; 6] = [
        Label::Claim,
        Label::Quote,
        Label::Entity(EntityKind::Person),
        Label::Entity(EntityKind::Organization),
        Label::Entity(EntityKind::Place),
        Label::Entity(EntityKind::Other),
    ];

    fn piece_text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..max)
            .prop_map(|pieces| pieces.concat())
    }

    /// A random text and spans in it: (start, end, label index, note).
    #[allow(clippy::type_complexity)]
    fn text_and_spans() -> impl Strategy<Value = (String, Vec<(usize, usize, usize, String)>)> {
        piece_text(40)
            .prop_filter("not empty", |t| !t.is_empty())
            .prop_flat_map(|text| {
                let len = text.chars().count();
                let span = (0..len, 1..=len, 0..LABELS.len(), piece_text(4))
                    .prop_map(|(a, b, l, note)| (a.min(b - 1), a.max(b - 1) + 1, l, note));
                (Just(text), prop::collection::vec(span, 0..8))
            })
    }

    /// A workspace of one article `a` with these spans and notes.
    fn workspace(text: &str, spans: &[(usize, usize, usize, String)]) -> Workspace {
        let mut ws = Workspace::new(vec![Article::new("a", "T", text.to_owned())]);
        let annotations = spans
            .iter()
            .enumerate()
            .map(|(i, (start, end, l, note))| Annotation {
                id: AnnotationId::from(format!("x{i}").as_str()),
                article: ArticleId::from("a"),
                span: Span::new(*start, *end).unwrap(),
                label: LABELS[*l],
                note: note.clone(),
                created: Timestamp(0),
                updated: Timestamp(0),
            })
            .collect();
        ws.apply(Action::Import {
            annotations,
            replace: false,
        })
        .unwrap();
        ws
    }

    /// Random JSON with the keys Label Studio files use, numbers of any size, and nesting.
    fn value() -> impl Strategy<Value = Value> {
        let number = prop_oneof![
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (0..40_u64).prop_map(Value::from),
            Just(crate::domain::fixtures::json("1e308")),
            Just(crate::domain::fixtures::json(
                "123456789012345678901234567890"
            )),
        ];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            number,
            prop::sample::select(vec!["labels", "textarea", "relation", "LOC", "Kyiv", ""])
                .prop_map(Value::from),
            Just(Value::from(FORMATS_SECOND)),
        ];
        let keys = prop::sample::select(vec![
            "data",
            "text",
            "article",
            "annotations",
            "predictions",
            "result",
            "id",
            "type",
            "value",
            "start",
            "end",
            "labels",
        ]);
        leaf.prop_recursive(8, 64, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((keys.clone().prop_map(str::to_owned), inner), 0..6)
                    .prop_map(Value::Object),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn random_spans_and_notes_survive_export_and_import((text, spans) in text_and_spans()) {
            let ws = workspace(&text, &spans);
            let body = export(&docs(&ws, &Scope::everything()));
            let file = String::from_utf8(body.bytes).unwrap();
            // Each span's text is what its offsets select.
            let value = json(&file);
            if let Some(group) = value[0]["annotations"].as_array().and_then(|g| g.first()) {
                for r in group["result"].as_array().unwrap() {
                    if r["type"] == Value::from("labels") {
                        let v = &r["value"];
                        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
                        let cut = crate::domain::text::slice_chars(&text, s as usize, e as usize);
                        prop_assert_eq!(&v["text"], &Value::from(cut));
                    }
                }
            }
            let incoming = read(&file, ws.articles(), NOW).unwrap();
            prop_assert_eq!(records_of(&incoming), annotations_of(&ws));
            prop_assert!(incoming.warnings.is_empty());
        }

        #[test]
        fn any_text_is_read_or_refused_without_panicking(text in any::<String>()) {
            let ws = formats_workspace();
            let _ = read(&text, ws.articles(), NOW);
        }

        #[test]
        fn any_json_is_read_or_refused_without_panicking(v in value(), depth in 0..200_usize) {
            let ws = formats_workspace();
            let _ = read(&v.to_string(), ws.articles(), NOW);
            let tasks = format!(
                "[{{\"data\": {{\"text\": \"{FORMATS_SECOND}\"}}, \"annotations\": [{{\"result\": \
                 [{{\"type\": \"labels\", \"value\": {v}}}, {v}]}}, {v}]}}, {v}]"
            );
            let _ = read(&tasks, ws.articles(), NOW);
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let _ = read(&nested, ws.articles(), NOW);
        }
    }
}
