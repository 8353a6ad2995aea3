//! Storage in a real browser: the workspace survives a save and load, and unreadable saved data is set
//! aside under a key of its own instead of being overwritten.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use news_annotator::domain::files::bundled::bundled_articles;
use news_annotator::domain::files::stored::STORAGE_SCHEMA;
use news_annotator::domain::model::annotation::Annotation;
use news_annotator::domain::model::names::{AnnotationId, Label};
use news_annotator::domain::model::span::Span;
use news_annotator::domain::model::time::Timestamp;
use news_annotator::domain::state::saving::{STATE_KEY, UNREADABLE_PREFIX};
use news_annotator::domain::state::workspace::{Action, Workspace};
use news_annotator::web::saving::{load_session, save};
use news_annotator::web::storage::load;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn a_saved_workspace_loads_back() {
    local_storage().clear().unwrap();
    let mut ws = Workspace::new(bundled_articles().unwrap());
    let article = ws.articles()[1].id.clone();
    ws.apply(Action::Annotate(Annotation {
        id: AnnotationId::from("q1"),
        article: article.clone(),
        span: Span::new(0, 6).unwrap(),
        label: Label::Quote,
        note: "curly “quotes” kept".into(),
        attrs: Default::default(),
        created: Timestamp(1),
        updated: Timestamp(2),
    }))
    .unwrap();
    save(&ws).unwrap();
    let schema = format!("\"schema\":{STORAGE_SCHEMA}");
    assert!(load(STATE_KEY).unwrap().unwrap().contains(&schema));
    let session = load_session();
    let back = session.workspace.annotation(&"q1".into()).unwrap();
    assert_eq!(
        (back.span, back.label, back.note.as_str()),
        (
            Span::new(0, 6).unwrap(),
            Label::Quote,
            "curly “quotes” kept"
        )
    );
    assert!(session.storage_problem.is_none());
}

#[wasm_bindgen_test]
fn unreadable_saved_data_is_kept_under_its_own_key_and_reported() {
    local_storage().clear().unwrap();
    local_storage().set_item(STATE_KEY, "{not json").unwrap();
    let session = load_session();
    let problem = session.storage_problem.expect("the problem is reported");
    let key = problem.kept_under.expect("the data was set aside");
    assert!(key.starts_with(UNREADABLE_PREFIX));
    assert_eq!(load(&key).unwrap().as_deref(), Some("{not json"));
    assert_eq!(&*problem.raw, "{not json");
    assert!(problem.message.contains(&key), "{}", problem.message);
    assert!(session.workspace.is_empty());
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_not_overwritten() {
    local_storage().clear().unwrap();
    let newer = r#"{"schema":99,"annotations":[]}"#;
    local_storage().set_item(STATE_KEY, newer).unwrap();
    let session = load_session();
    let problem = session.storage_problem.unwrap();
    assert!(problem.message.contains("newer"), "{}", problem.message);
    assert_eq!(
        load(&problem.kept_under.unwrap()).unwrap().as_deref(),
        Some(newer)
    );
}
