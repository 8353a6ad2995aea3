//! Tests of the label mapping in the session: a label mapped otherwise in the import dialog reads the
//! file again with it, the dialog's file stays kept meanwhile, and later imports use the choice.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::import::plan_import;
use crate::domain::fixtures::{read_file, settle};
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::time::Timestamp;
use crate::domain::offload::FileContent;
use crate::domain::offload::FileRead;

const T: Timestamp = Timestamp(1_764_064_800_000);
const CORPUS: &str =
    r#"{"text": "Ana paid 5 dollars.", "label": [[0, 3, "Person"], [9, 18, "Money"]]}"#;
const OTHER: Option<Label> = Some(Label::Entity(EntityKind::Other));

fn session() -> Session {
    Session::new(Workspace::new(bundled_articles().unwrap()))
}

/// What the pending import makes of the label `name`, and how many annotations it adds.
fn planned(s: &Session, name: &str) -> (Option<Label>, usize) {
    let plan = &s.import.as_ref().expect("an import is offered").plan;
    let used = plan.labels.iter().find(|u| u.name == name).unwrap();
    (used.to, plan.new)
}

#[test]
fn mapping_a_label_in_the_dialog_reads_the_file_again_and_later_imports_keep_the_choice() {
    let mut s = session();
    read_file(&mut s, "corpus.jsonl", CORPUS.as_bytes().to_vec(), T);
    assert_eq!(planned(&s, "Money"), (None, 1));
    assert!(!s.rereading());

    s.apply(SessionAction::MapLabel {
        name: "Money".into(),
        to: OTHER,
    });
    assert!(
        s.rereading(),
        "the plan is out of date until the worker answers"
    );
    assert_eq!(s.labels_revision, 1, "the choice is to be saved");
    settle(&mut s);
    assert!(!s.rereading());
    assert_eq!(planned(&s, "Money"), (OTHER, 2));

    s.apply(SessionAction::CancelImport);
    read_file(&mut s, "again.jsonl", CORPUS.as_bytes().to_vec(), T);
    assert_eq!(planned(&s, "Money"), (OTHER, 2), "the next import uses it");
}

#[test]
fn the_browser_keeps_the_dialog_s_file_until_the_dialog_closes() {
    let mut s = session();
    let url = "blob:http://127.0.0.1/corpus".to_owned();
    let content = FileContent::Kept {
        url: url.clone(),
        size: CORPUS.len(),
    };
    s.apply(SessionAction::ReadFile {
        file_name: "corpus.jsonl".into(),
        content,
        at: T,
    });
    let plan = plan_import(
        "corpus.jsonl",
        CORPUS.as_bytes(),
        &s.workspace,
        &ImportOptions::default(),
        T,
    );
    s.apply(SessionAction::Read {
        file_name: "corpus.jsonl".into(),
        read: FileRead::Import(Ok(Box::new(plan.unwrap()))),
    });
    assert!(s.reading.is_empty());
    assert_eq!(s.kept_files(), std::slice::from_ref(&url));
    s.apply(SessionAction::MapLabel {
        name: "Money".into(),
        to: OTHER,
    });
    assert_eq!(
        s.kept_files(),
        [url.clone(), url],
        "waiting and in the dialog"
    );
    s.apply(SessionAction::CancelRead);
    s.apply(SessionAction::CancelImport);
    assert!(s.kept_files().is_empty());
}

/// Label Studio tasks whose `summary` and `body` both hold the span `Ada`.
const TWO_FIELDS: &str = r#"[{"data": {"summary": "Ada met Bob.", "body": "Ada met Bob in Kyiv."},
    "annotations": [{"result": [{"type": "labels",
    "value": {"start": 0, "end": 3, "text": "Ada", "labels": ["PER"]}}]}]}]"#;

/// The pending import's chosen text field, the fields it offers, and the characters of the one
/// article it adds.
fn text_field(s: &Session) -> (Option<String>, Vec<String>, String) {
    let import = s.import.as_ref().expect("an import is offered");
    let added = import.plan.added_articles.join("");
    let size = added.rsplit(", ").next().unwrap_or_default().to_owned();
    (
        import.text_field.clone(),
        import.plan.text_fields.clone(),
        size,
    )
}

#[test]
fn picking_a_text_field_reads_the_file_again_with_it_and_a_mapped_label_keeps_it() {
    let fields = vec!["summary".to_owned(), "body".to_owned()];
    let mut s = session();
    read_file(&mut s, "tasks.json", TWO_FIELDS.as_bytes().to_vec(), T);
    assert_eq!(
        text_field(&s),
        (None, fields.clone(), "12 characters)".to_owned())
    );
    s.apply(SessionAction::PickTextField("body".into()));
    assert!(s.rereading());
    settle(&mut s);
    let body = (Some("body".to_owned()), fields, "20 characters)".to_owned());
    assert_eq!(text_field(&s), body);
    s.apply(SessionAction::MapLabel {
        name: "PER".into(),
        to: OTHER,
    });
    settle(&mut s);
    assert_eq!(text_field(&s), body, "read again with the field chosen");
    assert_eq!(planned(&s, "PER"), (OTHER, 1));
}
