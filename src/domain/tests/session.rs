//! Tests of the session: the tagging flow, clicks on overlapping highlights, and imports.

use super::*;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::read_file;
use crate::domain::model::article::Article;
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;

fn session() -> Session {
    Session::new(Workspace::new(vec![
        Article::new("a", "A", "Zelensky said “no” to Bessent.".into()),
        Article::new("b", "B", "Other text".into()),
    ]))
}

fn select(s: &mut Session, start: usize, end: usize) {
    let span = Span::new(start, end).unwrap();
    s.apply(SessionAction::SelectText(Some(Pending {
        span,
        x: 0.0,
        y: 0.0,
    })));
}

fn tag(s: &mut Session, id: &str, label: Label) {
    s.apply(SessionAction::Tag {
        label,
        id: AnnotationId::from(id),
        at: Timestamp(5),
    });
}

#[test]
fn tagging_a_selection_adds_and_selects_the_annotation() {
    let mut s = session();
    select(&mut s, 0, 8);
    tag(&mut s, "x", Label::Entity(EntityKind::Person));
    let a = s.selected_annotation().unwrap();
    assert_eq!(
        (a.id.as_str(), a.article.as_str(), a.span),
        ("x", "a", Span::new(0, 8).unwrap())
    );
    assert!(s.pending.is_none());
    // A second key press without a new selection tags nothing.
    tag(&mut s, "y", Label::Claim);
    assert_eq!(s.workspace.len(), 1);
}

#[test]
fn a_click_on_overlapping_highlights_reaches_each_innermost_first() {
    let mut s = session();
    select(&mut s, 0, 30);
    tag(&mut s, "claim", Label::Claim);
    select(&mut s, 0, 8);
    tag(&mut s, "who", Label::Entity(EntityKind::Person));
    s.apply(SessionAction::ClickAt(Some(3), Timestamp(9)));
    assert_eq!(
        s.here,
        vec![AnnotationId::from("who"), AnnotationId::from("claim")]
    );
    assert_eq!(s.selected, Some("who".into()));
    // Choosing the other one in the panel keeps the list of overlapping annotations.
    s.apply(SessionAction::Select(Some("claim".into())));
    assert_eq!(
        (s.selected.clone(), s.here.len()),
        (Some("claim".into()), 2)
    );
    // Past the person's name only the claim covers the text.
    s.apply(SessionAction::ClickAt(Some(8), Timestamp(9)));
    assert_eq!(s.here, vec![AnnotationId::from("claim")]);
    s.apply(SessionAction::ClickAt(None, Timestamp(9)));
    assert_eq!(s.selected, None);
}

#[test]
fn deleting_the_selected_annotation_closes_it_and_undo_brings_it_back() {
    let mut s = session();
    select(&mut s, 0, 8);
    tag(&mut s, "x", Label::Claim);
    s.apply(SessionAction::Edit(Action::Remove { id: "x".into() }));
    assert!(s.selected.is_none() && s.workspace.is_empty());
    s.apply(SessionAction::Edit(Action::Undo));
    assert!(s.workspace.annotation(&"x".into()).is_some());
}

#[test]
fn a_refused_edit_becomes_an_error_notice() {
    let mut s = session();
    s.apply(SessionAction::Edit(Action::Undo));
    assert_eq!(
        s.notice,
        Some(Notice::Error("Not done: nothing to undo.".into()))
    );
}

#[test]
fn opening_another_article_drops_the_selection() {
    let mut s = session();
    select(&mut s, 0, 8);
    s.apply(SessionAction::Open("b".into()));
    assert_eq!(s.current, ArticleId::from("b"));
    assert!(s.pending.is_none());
    s.apply(SessionAction::Open("nope".into()));
    assert_eq!(s.current, ArticleId::from("b"));
}

#[test]
fn a_read_file_is_previewed_and_changes_nothing_until_confirmed() {
    let mut s = session();
    select(&mut s, 0, 8);
    tag(&mut s, "x", Label::Claim);
    let file = export_json(&s.workspace, Timestamp(0));
    s.apply(SessionAction::Edit(Action::Remove { id: "x".into() }));
    read_file(&mut s, "mine.json", file.into_bytes(), Timestamp(0));
    assert_eq!(s.import.as_ref().unwrap().plan.new, 1);
    assert!(s.workspace.is_empty());
    s.apply(SessionAction::ConfirmImport { replace: false });
    assert!(s.import.is_none());
    assert_eq!(s.workspace.len(), 1);
    assert_eq!(
        s.notice,
        Some(Notice::Info("Merged 1 from mine.json.".into()))
    );
}

#[test]
fn a_broken_file_is_refused_with_its_name_and_nothing_changes() {
    let mut s = session();
    select(&mut s, 0, 8);
    tag(&mut s, "x", Label::Claim);
    read_file(&mut s, "broken.json", b"{not json".to_vec(), Timestamp(0));
    assert!(s.import.is_none());
    assert_eq!(s.workspace.len(), 1);
    match &s.notice {
        Some(Notice::Error(text)) => {
            assert!(text.starts_with("broken.json was not loaded: "), "{text}")
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn a_cancelled_read_ignores_the_late_plan_and_changes_nothing() {
    let mut s = session();
    select(&mut s, 0, 8);
    tag(&mut s, "x", Label::Claim);
    let file = export_json(&s.workspace, Timestamp(0));
    s.apply(SessionAction::Edit(Action::Remove { id: "x".into() }));
    s.apply(SessionAction::ReadFile {
        file_name: "mine.json".into(),
        content: crate::domain::offload::FileContent::Bytes(file.clone().into_bytes()),
        at: Timestamp(0),
    });
    let reading = s.reading.front().cloned().unwrap();
    assert_eq!(reading.content.size(), file.len());
    assert!(
        s.import.is_none(),
        "nothing is offered before the worker answers"
    );
    s.apply(SessionAction::CancelRead);
    assert!(s.reading.is_empty());
    let plan = crate::domain::files::import::plan_import(
        "mine.json",
        file.as_bytes(),
        &s.workspace,
        &ImportOptions::default(),
        Timestamp(0),
    );
    s.apply(SessionAction::Read {
        file_name: "mine.json".into(),
        read: crate::domain::offload::FileRead::Import(
            plan.map(Box::new).map_err(|e| e.to_string()),
        ),
    });
    assert!(s.import.is_none(), "the late answer was taken");
    assert!(s.workspace.is_empty());
    assert_eq!(s.notice, None);
}

#[test]
fn an_added_article_opens_with_its_annotations_and_a_taken_id_is_refused() {
    let mut s = session();
    let article = Article::new("mine", "Mine", "My own text".into());
    let mut a = Annotation::clone(&crate::domain::fixtures::ann(
        "m1",
        "mine",
        0,
        2,
        Label::Claim,
    ));
    a.article = ArticleId::from("mine");
    s.apply(SessionAction::AddArticle {
        article,
        annotations: vec![a],
    });
    assert_eq!(s.current, ArticleId::from("mine"));
    assert_eq!(s.workspace.counts(&"mine".into()), [1, 0, 0]);
    s.apply(SessionAction::AddArticle {
        article: Article::new("a", "again", "x".into()),
        annotations: vec![],
    });
    assert!(
        matches!(&s.notice, Some(Notice::Error(t)) if t.contains("an article \"a\" exists already"))
    );
    assert_eq!(s.current, ArticleId::from("mine"));
}

#[test]
fn undoing_the_open_own_article_shows_the_first_article() {
    let mut s = Session::new(Workspace::new(vec![Article::new("a", "A", "Alpha".into())]));
    let own = Article::own("own-1", "Mine", "Привет".into(), Timestamp(5));
    s.apply(SessionAction::Edit(Action::AddArticle(own)));
    s.apply(SessionAction::Open("own-1".into()));
    assert_eq!(s.current, "own-1".into());
    s.apply(SessionAction::Edit(Action::Undo));
    assert!(s.workspace.article(&"own-1".into()).is_none());
    assert_eq!(s.current, "a".into(), "the article shown exists");
    s.apply(SessionAction::Edit(Action::Redo));
    s.apply(SessionAction::Open("own-1".into()));
    s.apply(SessionAction::Edit(Action::RemoveArticle {
        id: "own-1".into(),
    }));
    assert_eq!(s.current, "a".into());
}

#[test]
fn the_browsers_copies_of_waiting_files_are_listed_until_they_leave_the_line() {
    use crate::domain::offload::FileContent;
    let mut s = session();
    let read = |file_name: &str, content: FileContent| SessionAction::ReadFile {
        file_name: file_name.into(),
        content,
        at: Timestamp(0),
    };
    s.apply(read(
        "big.json",
        FileContent::Kept {
            url: "blob:http://127.0.0.1/1".into(),
            size: 50,
        },
    ));
    s.apply(read("small.json", FileContent::Bytes(b"{}".to_vec())));
    assert_eq!(s.kept_files(), ["blob:http://127.0.0.1/1"]);
    s.apply(SessionAction::CancelRead);
    assert!(s.kept_files().is_empty());
}
