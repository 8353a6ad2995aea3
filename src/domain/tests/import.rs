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

#[path = "import_refusals.rs"]
mod refusals;

#[cfg(all(not(target_arch = "wasm32"), target_os = "linux"))]
#[path = "fuzz_big.rs"]
mod big;
