//! Tests of the label mapping kept across visits.

use super::tests::{Memory, NOW};
use super::*;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::model::names::Label;
use std::collections::BTreeMap;

#[test]
fn the_label_mapping_is_saved_and_loaded_on_the_next_visit() {
    let mut store = Memory::default();
    let (mut session, _) = load_session(&mut store, NOW);
    assert_eq!(session.labels, LabelMap::default());
    session.labels = LabelMap(BTreeMap::from([
        ("Money".to_owned(), None),
        ("Report".to_owned(), Some(Label::Claim)),
    ]));
    assert!(save_labels(&mut store, &session).is_none());
    let (next, _) = load_session(&mut store, NOW);
    assert_eq!(next.labels, session.labels);
}

#[test]
fn an_unreadable_mapping_is_set_aside_and_the_defaults_apply() {
    let mut store = Memory::default();
    store.put(LABELS_KEY, "{\"Money\": 3}");
    let (session, _) = load_session(&mut store, NOW);
    assert_eq!(session.labels, LabelMap::default());
    let Some(Notice::Error(message)) = &session.notice else {
        panic!("no notice: {:?}", session.notice);
    };
    assert!(
        message.starts_with("The saved label mapping could not be read"),
        "{message}"
    );
    let kept = format!("{UNREADABLE_PREFIX}{NOW}");
    assert_eq!(store.get(&kept).as_deref(), Some("{\"Money\": 3}"));
}
