//! Tests of the workspace reducer: every action, its undo and redo, and refusals that change nothing.

use super::*;
use crate::domain::fixtures::{ann, snapshot, untimed, CREATED};
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::rendering::segments::by_paragraph;

fn ws() -> Workspace {
    Workspace::new(vec![
        Article::new(
            "a",
            "A",
            "Zelensky said “no” to Bessent.\nSecond line.".into(),
        ),
        Article::new("b", "B", "Other text".into()),
    ])
}

fn ids(ws: &Workspace, article: &str) -> Vec<String> {
    ws.in_article(&ArticleId::from(article))
        .iter()
        .map(|a| a.id.as_str().to_owned())
        .collect()
}

#[test]
fn annotations_are_listed_in_text_order_outer_first() {
    let mut w = ws();
    w.apply(Action::Annotate(ann("x", "a", 14, 18, Label::Quote)))
        .unwrap();
    w.apply(Action::Annotate(ann("y", "a", 0, 30, Label::Claim)))
        .unwrap();
    w.apply(Action::Annotate(ann(
        "z",
        "a",
        0,
        8,
        Label::Entity(EntityKind::Person),
    )))
    .unwrap();
    assert_eq!(ids(&w, "a"), ["y", "z", "x"]);
    assert_eq!(w.counts(&ArticleId::from("a")), [1, 1, 1]);
    assert_eq!(w.counts(&ArticleId::from("b")), [0, 0, 0]);
}

#[test]
fn has_span_matches_span_and_label_whatever_the_id() {
    let mut w = ws();
    w.apply(Action::Annotate(ann("y", "a", 0, 30, Label::Claim)))
        .unwrap();
    w.apply(Action::Annotate(ann("z", "a", 0, 8, Label::Quote)))
        .unwrap();
    let a = ArticleId::from("a");
    let span = |s, e| Span::new(s, e).unwrap();
    assert!(w.has_span(&a, span(0, 8), Label::Quote));
    assert!(w.has_span(&a, span(0, 30), Label::Claim));
    assert!(!w.has_span(&a, span(0, 8), Label::Claim));
    assert!(!w.has_span(&a, span(0, 9), Label::Quote));
    assert!(!w.has_span(&ArticleId::from("b"), span(0, 8), Label::Quote));
}

#[test]
fn undo_and_redo_every_kind_of_change() {
    let mut w = ws();
    let empty = snapshot(&w);
    w.apply(Action::Annotate(ann("x", "a", 0, 8, Label::Claim)))
        .unwrap();
    let added = snapshot(&w);
    w.apply(Action::Relabel {
        id: "x".into(),
        label: Label::Entity(EntityKind::Person),
        at: Timestamp(2000),
    })
    .unwrap();
    let relabelled = snapshot(&w);
    assert_eq!(
        relabelled[&AnnotationId::from("x")].updated,
        Timestamp(2000)
    );
    w.apply(Action::SetNote {
        id: "x".into(),
        note: "spelled Zelenskyy elsewhere".into(),
        at: Timestamp(9000),
    })
    .unwrap();
    let noted = snapshot(&w);
    w.apply(Action::Remove { id: "x".into() }).unwrap();
    assert!(w.is_empty());
    assert_eq!(w.next_undo(), Some("delete entity"));

    // Undoing the delete is a change after it: "x" comes back with a time past its grave, which holds
    // the latest time the workspace had seen.
    let grave = w.graves().annotations[&AnnotationId::from("x")];
    assert_eq!(grave, CREATED.max(Timestamp(9000)));
    w.apply(Action::Undo).unwrap();
    assert_eq!(
        snapshot(&w)[&AnnotationId::from("x")].updated,
        Timestamp(grave.0 + 1)
    );
    assert!(w.graves().is_empty(), "its grave goes");
    assert_eq!(untimed(snapshot(&w)), untimed(noted.clone()));
    for expected in [&relabelled, &added, &empty] {
        w.apply(Action::Undo).unwrap();
        assert_eq!(untimed(snapshot(&w)), untimed(expected.clone()));
    }
    assert_eq!(w.apply(Action::Undo), Err(ActionError::NothingToUndo));
    for expected in [&added, &relabelled, &noted] {
        w.apply(Action::Redo).unwrap();
        assert_eq!(untimed(snapshot(&w)), untimed(expected.clone()));
    }
    assert_eq!(ids(&w, "a"), ["x"]);
}

#[test]
fn a_new_change_clears_redo() {
    let mut w = ws();
    w.apply(Action::Annotate(ann("x", "a", 0, 8, Label::Claim)))
        .unwrap();
    w.apply(Action::Undo).unwrap();
    w.apply(Action::Annotate(ann("y", "a", 0, 8, Label::Quote)))
        .unwrap();
    assert_eq!(w.apply(Action::Redo), Err(ActionError::NothingToRedo));
}

#[test]
fn typing_a_note_undoes_as_one_step() {
    let mut w = ws();
    w.apply(Action::Annotate(ann("x", "a", 0, 8, Label::Claim)))
        .unwrap();
    for (i, note) in ["s", "so", "sou", "sour", "source"].iter().enumerate() {
        let at = Timestamp(10_000 + 300 * i as i64);
        w.apply(Action::SetNote {
            id: "x".into(),
            note: (*note).into(),
            at,
        })
        .unwrap();
    }
    // After a pause, a new step begins.
    w.apply(Action::SetNote {
        id: "x".into(),
        note: "source?".into(),
        at: Timestamp(20_000),
    })
    .unwrap();
    w.apply(Action::Undo).unwrap();
    assert_eq!(w.annotation(&"x".into()).unwrap().note, "source");
    w.apply(Action::Undo).unwrap();
    assert_eq!(w.annotation(&"x".into()).unwrap().note, "");
}

#[test]
fn refused_actions_change_nothing() {
    let mut w = ws();
    w.apply(Action::Annotate(ann("x", "a", 0, 8, Label::Claim)))
        .unwrap();
    let before = (snapshot(&w), w.revision());
    let len = w.article(&"a".into()).unwrap().char_len;
    assert_eq!(
        w.apply(Action::Annotate(ann("y", "a", 5, len + 1, Label::Claim))),
        Err(ActionError::OutOfBounds {
            article: "a".into(),
            span: Span::new(5, len + 1).unwrap(),
            len
        })
    );
    assert_eq!(
        w.apply(Action::Annotate(ann("x", "a", 0, 3, Label::Claim))),
        Err(ActionError::DuplicateId("x".into()))
    );
    assert_eq!(
        w.apply(Action::Annotate(ann("z", "nope", 0, 3, Label::Claim))),
        Err(ActionError::UnknownArticle("nope".into()))
    );
    assert_eq!(
        w.apply(Action::Remove { id: "q".into() }),
        Err(ActionError::UnknownAnnotation("q".into()))
    );
    let bad_import = Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations: vec![
            ann("n", "a", 0, 2, Label::Claim),
            ann("n", "b", 0, 2, Label::Claim),
        ],
        replace: true,
    };
    assert_eq!(
        w.apply(bad_import),
        Err(ActionError::DuplicateId("n".into()))
    );
    assert_eq!((snapshot(&w), w.revision()), before);
}

#[test]
fn replace_import_is_one_undoable_step() {
    let mut w = ws();
    w.apply(Action::Annotate(ann("x", "a", 0, 8, Label::Claim)))
        .unwrap();
    w.apply(Action::Annotate(ann("y", "b", 0, 5, Label::Quote)))
        .unwrap();
    let before = snapshot(&w);
    w.apply(Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations: vec![
            ann("y", "b", 1, 5, Label::Claim),
            ann("z", "a", 9, 12, Label::Quote),
        ],
        replace: true,
    })
    .unwrap();
    assert_eq!(ids(&w, "a"), ["z"]);
    assert_eq!(
        w.annotation(&"y".into()).unwrap().span,
        Span::new(1, 5).unwrap()
    );
    assert_eq!(ids(&w, "b"), ["y"]);
    w.apply(Action::Undo).unwrap();
    assert_eq!(untimed(snapshot(&w)), untimed(before));
    assert_eq!(ids(&w, "b"), ["y"]);
}

#[test]
fn restore_returns_what_does_not_fit() {
    let articles = vec![Article::new("a", "A", "short".into())];
    let restored = Workspace::restore(
        articles,
        Vec::new(),
        vec![
            ann("x", "a", 0, 5, Label::Claim),
            ann("y", "a", 0, 6, Label::Claim),
            ann("x", "a", 1, 2, Label::Claim),
        ],
    );
    let (w, rejected) = (restored.workspace, restored.dropped);
    assert_eq!(w.len(), 1);
    assert_eq!(rejected.len(), 2);
    assert!(rejected[0]
        .1
        .to_string()
        .contains("past the end of article \"a\" (5 characters)"));
}

#[test]
fn paragraphs_get_the_spans_that_touch_them() {
    let w = {
        let mut w = ws();
        w.apply(Action::Annotate(ann("x", "a", 0, 8, Label::Claim)))
            .unwrap();
        w.apply(Action::Annotate(ann("y", "a", 25, 38, Label::Quote)))
            .unwrap();
        w
    };
    let article = w.article(&"a".into()).unwrap();
    let split = by_paragraph(article, &w.in_article(&"a".into()));
    let names: Vec<Vec<&str>> = split
        .iter()
        .map(|p| p.iter().map(|a| a.id.as_str()).collect())
        .collect();
    assert_eq!(names, vec![vec!["x", "y"], vec!["y"]]);
}
