//! Tests of importing: round trip, classification, merge and replace, and every refusal's message.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::{ann, json, sample_workspace, CREATED};
use crate::domain::fixtures::{snapshot, untimed};
use crate::domain::model::names::{AnnotationId, EntityKind, Label};
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

fn empty() -> Workspace {
    Workspace::new(bundled_articles().unwrap())
}

/// The sample export as a JSON value, to be edited by a test.
fn sample_file() -> Value {
    json(&export_json(&sample_workspace(), NOW))
}

fn plan(file: &Value, ws: &Workspace) -> Result<ImportPlan, ImportError> {
    plan_text(&file.to_string(), ws)
}

fn plan_text(text: &str, ws: &Workspace) -> Result<ImportPlan, ImportError> {
    plan_import(
        "file.json",
        text.as_bytes(),
        ws,
        &ImportOptions::default(),
        NOW,
    )
}

fn error(file: &Value) -> String {
    plan(file, &empty()).unwrap_err().to_string()
}

#[test]
fn export_then_import_into_an_empty_workspace_gives_the_same_annotations() {
    let original = sample_workspace();
    let mut ws = empty();
    let p = plan_text(&export_json(&original, NOW), &ws).unwrap();
    assert_eq!((p.total, p.new, p.present, p.conflicts), (6, 6, 0, 0));
    assert!(p.reanchored.is_empty() && p.not_found.is_empty() && p.warnings.is_empty());
    assert_eq!(
        p.per_article,
        [
            ("kyiv-post".to_owned(), 2),
            ("munich-dispatch".to_owned(), 4)
        ]
    );
    ws.apply(p.action(false)).unwrap();
    assert_eq!(snapshot(&ws), snapshot(&original));
    // Importing the same file again finds everything present and adds nothing.
    let again = plan_text(&export_json(&original, NOW), &ws).unwrap();
    assert_eq!((again.new, again.present, again.conflicts), (0, 6, 0));
    assert_eq!(
        again.action(false),
        Action::Import {
            articles: Vec::new(),
            entities: Vec::new(),
            annotations: vec![],
            replace: false
        }
    );
}

/// The sample workspace, and a file that differs from it in each way an import can.
fn diverged() -> (Workspace, Value) {
    let mut ws = sample_workspace();
    // Only in the workspace: replace drops it, merge keeps it.
    ws.apply(Action::Annotate(ann(
        "mine",
        "explainer",
        0,
        9,
        Label::Claim,
    )))
    .unwrap();
    let mut file = sample_file();
    let anns = file["annotations"].as_array_mut().unwrap();
    // Same id, other note, updated later than ours: merge takes the file's.
    anns[0]["note"] = Value::from("newer note");
    anns[0]["updated"] = Value::from("2025-03-01T00:00:00Z");
    // Same id, other label, updated earlier than ours: merge keeps ours.
    anns[2]["label"] = Value::from("claim");
    anns[2]["updated"] = Value::from("2025-01-01T00:00:00Z");
    // Another id on the same span and label: present.
    anns[1]["id"] = Value::from("their-msc");
    // Not in the workspace at all: new.
    let mut extra = anns[5].clone();
    extra["id"] = Value::from("e-ukraine-org");
    extra["kind"] = Value::from("organization");
    anns.push(extra);
    (ws, file)
}

#[test]
fn incoming_annotations_are_classified_new_present_or_conflict() {
    let (ws, file) = diverged();
    let p = plan(&file, &ws).unwrap();
    assert_eq!(p.total, 7);
    assert_eq!(
        (p.new, p.present, p.conflicts, p.newer_conflicts),
        (1, 4, 2, 1)
    );
}

#[test]
fn merge_adds_new_ones_and_takes_only_newer_conflicts() {
    let (mut ws, file) = diverged();
    let p = plan(&file, &ws).unwrap();
    ws.apply(p.action(false)).unwrap();
    let note =
        |ws: &Workspace, id: &str| ws.annotation(&AnnotationId::from(id)).unwrap().note.clone();
    assert_eq!(ws.len(), 8);
    assert_eq!(note(&ws, "e-zelensky"), "newer note");
    let kept = ws.annotation(&AnnotationId::from("q-short")).unwrap();
    assert_eq!(kept.label, Label::Quote);
    assert!(ws.annotation(&AnnotationId::from("mine")).is_some());
    assert!(ws.annotation(&AnnotationId::from("their-msc")).is_none());
    assert_eq!(
        ws.annotation(&AnnotationId::from("e-ukraine-org"))
            .unwrap()
            .label,
        Label::Entity(EntityKind::Organization)
    );
    // One undo step takes the whole import back.
    ws.apply(Action::Undo).unwrap();
    assert_eq!(untimed(snapshot(&ws)), untimed(snapshot(&diverged().0)));
}

#[test]
fn replace_makes_the_file_the_only_truth() {
    let (mut ws, file) = diverged();
    ws.apply(plan(&file, &ws).unwrap().action(true)).unwrap();
    let mut ids: Vec<String> = ws.all().iter().map(|a| a.id.as_str().to_owned()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "c-reserves",
            "e-ukraine",
            "e-ukraine-org",
            "e-zelensky",
            "q-ministers",
            "q-short",
            "their-msc"
        ]
    );
    assert_eq!(
        ws.annotation(&AnnotationId::from("q-short")).unwrap().label,
        Label::Claim
    );
}

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

#[test]
fn moved_text_is_re_anchored_and_missing_text_skipped_with_a_line_each() {
    let mut file = sample_file();
    // Offsets shifted by 3, as if the text had changed; the context still finds the quote.
    file["annotations"][2]["start"] = Value::from(632_u64);
    file["annotations"][2]["end"] = Value::from(648_u64);
    file["annotations"][4]["exact"] = Value::from("Ukraine owns no minerals at all.");
    file["articles"][1]["sha256"] = Value::from("0".repeat(64));
    let mut ws = empty();
    let p = plan(&file, &ws).unwrap();
    assert_eq!((p.total, p.new), (6, 5));
    assert_eq!(
        p.reanchored,
        ["annotations[2]: \"“short-sighted.”\" was at [632, 648), found it at [629, 645)"]
    );
    assert_eq!(
        p.not_found,
        ["annotations[4]: \"Ukraine owns no minerals at all.\" is not in article \"munich-dispatch\" any more; skipped"]
    );
    assert_eq!(p.warnings.len(), 1);
    assert!(p.warnings[0].starts_with("articles[1]: the text of \"munich-dispatch\" differs"));
    ws.apply(p.action(true)).unwrap();
    let q = ws.annotation(&AnnotationId::from("q-short")).unwrap();
    assert_eq!(
        (q.span.start(), q.span.end(), q.created),
        (629, 645, CREATED)
    );
    assert!(ws.annotation(&AnnotationId::from("c-reserves")).is_none());
}

/// Every format's export of the fixture, as a loaded file would be.
fn exported(format: crate::domain::files::formats::Format) -> Vec<u8> {
    use crate::domain::files::formats::{docs, export, Scope};
    use crate::domain::fixtures::formats_workspace;
    export(
        format,
        &docs(&formats_workspace(), &Scope::everything()),
        NOW,
    )
    .bytes
}

#[test]
fn each_importable_format_is_detected_and_loads_every_annotation_it_holds() {
    use crate::domain::files::formats::Format;
    use crate::domain::fixtures::{formats_workspace, FORMATS_SECOND, FORMATS_TEXT};
    use crate::domain::model::article::Article;
    let empty = Workspace::new(vec![
        Article::new("fixture", "Formats fixture", FORMATS_TEXT.to_owned()),
        Article::new("second", "Second “article”", FORMATS_SECOND.to_owned()),
    ]);
    let want: Vec<_> = formats_workspace()
        .all()
        .iter()
        .map(|a| (a.article.clone(), a.span, a.label))
        .collect();
    for format in Format::ALL.into_iter().filter(|f| f.imports()) {
        let name = format!("file{}", format.extension());
        let plan = plan_import(
            &name,
            &exported(format),
            &empty,
            &ImportOptions::default(),
            NOW,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", format.key()));
        assert_eq!(plan.format, format);
        assert_eq!((plan.total, plan.new), (10, 10), "{}", format.key());
        let mut ws = empty.clone();
        ws.apply(plan.action(false)).unwrap();
        let mut got: Vec<_> = ws
            .all()
            .iter()
            .map(|a| (a.article.clone(), a.span, a.label))
            .collect();
        let mut want = want.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{}", format.key());
    }
}

#[test]
fn export_only_formats_and_strangers_are_refused_by_name() {
    use crate::domain::files::formats::Format;
    for (format, name) in [
        (Format::SpacyTuples, "spaCy training tuples (JSON)"),
        (Format::Csv, "CSV spreadsheet"),
    ] {
        let err = plan_import(
            "x",
            &exported(format),
            &empty(),
            &ImportOptions::default(),
            NOW,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "this looks like {name}, which this app exports but cannot import; import the \
                 same annotations as News Annotator JSON, W3C, doccano, Label Studio or brat"
            ),
            "{}",
            format.key()
        );
    }
    let err = plan_import(
        "x.json",
        b"\xff\xfe{}",
        &empty(),
        &ImportOptions::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "byte 0: the file is not UTF-8 text; save it as UTF-8 and load it again"
    );
    let line = r#"{"article": "kyiv-post", "text": "…", "entities": [{"id": 1, "label": "CLAIM", "start_offset": 0, "end_offset": 99999}]}"#;
    let err = plan_import(
        "x.jsonl",
        format!("\n{line}\n").as_bytes(),
        &empty(),
        &ImportOptions::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2: entities[0].end_offset: end 99999 is past the end of the text (1 characters)"
    );
}

#[path = "import_many.rs"]
mod many;

#[cfg(all(not(target_arch = "wasm32"), target_os = "linux"))]
#[path = "fuzz_big.rs"]
mod big;
