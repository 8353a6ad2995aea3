//! Tests of what imports keep in storage: the label mapping across visits, and an import tried in
//! storage before it is carried out.

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

/// A corpus of `texts` texts of about 2,000 characters each, one labelled span each, as doccano JSONL.
fn corpus(texts: usize) -> String {
    (0..texts)
        .map(|i| {
            let text = format!("Text {i}: Ana met Bea in Kyiv. ").repeat(70);
            format!("{{\"text\": \"{text}\", \"label\": [[0, 4, \"Person\"]]}}\n")
        })
        .collect()
}

#[test]
fn an_import_too_large_for_storage_is_refused_with_the_sizes_and_changes_nothing() {
    use crate::domain::fixtures::read_file;
    let store = Memory::default();
    let (mut session, _) = load_session(&mut store.clone(), NOW);
    store.put(STATE_KEY, "{\"kept\":1}");
    read_file(&mut session, "corpus.jsonl", corpus(40).into_bytes(), NOW);
    assert_eq!(
        session.import.as_ref().unwrap().plan.added_articles.len(),
        40
    );
    store.limit(Some(store.used().unwrap() + 20_000));
    let before = session.workspace.clone();

    let refused = try_importing(&mut store.clone(), &session, false)
        .unwrap_err()
        .message;
    assert!(
        refused
            .starts_with("This browser's storage is full: your work with this import would take"),
        "{refused}"
    );
    assert!(refused.contains("Nothing was imported"), "{refused}");
    assert_eq!(
        store.get(STATE_KEY).as_deref(),
        Some("{\"kept\":1}"),
        "untouched"
    );
    assert_eq!(session.workspace.len(), before.len());
    assert!(
        session.import.is_some(),
        "the dialog stays, to choose again"
    );

    store.limit(None);
    assert_eq!(
        try_importing(&mut store.clone(), &session, false),
        Ok(Trial::Saved)
    );
    let saved = store.get(STATE_KEY).unwrap();
    assert!(
        saved.contains("Text 39: Ana met Bea"),
        "the trial holds the corpus"
    );
}

#[test]
fn a_refused_corpus_offers_the_first_texts_that_fit_and_they_do() {
    use crate::domain::fixtures::read_file;
    let store = Memory::default();
    let (mut session, _) = load_session(&mut store.clone(), NOW);
    read_file(&mut session, "corpus.jsonl", corpus(40).into_bytes(), NOW);
    store.limit(Some(store.used().unwrap() + 20_000));

    let refused = try_importing(&mut store.clone(), &session, false).unwrap_err();
    let fitting = refused.fitting.expect("a part fits");
    assert!(
        (5..=9).contains(&fitting),
        "about 2,300 units a text: {fitting}"
    );
    session.apply(SessionAction::RefuseImport(refused));
    assert!(session.import_refused.is_some());

    session.apply(SessionAction::KeepFirstTexts(fitting));
    assert!(session.import_refused.is_none(), "the refusal is answered");
    let plan = &session.import.as_ref().unwrap().plan;
    assert_eq!(
        (plan.added_count(), plan.new, plan.total),
        (fitting, fitting, fitting)
    );
    assert!(
        plan.warnings.iter().any(|w| w.contains(&format!(
            "only the first {fitting} of the 40 texts it brings are imported"
        )) && w.contains(&format!(
            "the other {} texts and their {} annotation(s)",
            40 - fitting,
            40 - fitting
        ))),
        "{:?}",
        plan.warnings
    );
    assert_eq!(
        try_importing(&mut store.clone(), &session, false),
        Ok(Trial::Saved),
        "the part offered fits"
    );
    let saved = store.get(STATE_KEY).unwrap();
    assert!(saved.contains(&format!("Text {}: Ana", fitting - 1)));
    assert!(!saved.contains(&format!("Text {fitting}: Ana")));

    session.apply(SessionAction::ConfirmImport { replace: false });
    assert_eq!(
        session.workspace.len(),
        fitting,
        "one span a text, each imported"
    );
}

#[test]
fn no_part_is_offered_when_not_even_the_first_text_fits() {
    use crate::domain::fixtures::read_file;
    let store = Memory::default();
    let (mut session, _) = load_session(&mut store.clone(), NOW);
    read_file(&mut session, "corpus.jsonl", corpus(3).into_bytes(), NOW);
    store.limit(Some(store.used().unwrap() + 1_000));
    let refused = try_importing(&mut store.clone(), &session, false).unwrap_err();
    assert_eq!(refused.fitting, None);
}
