//! Tests of the live region's messages (`session/announce.rs`).

use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, EntityKind, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Notice, Pending, Session, SessionAction};
use crate::domain::state::workspace::{Action, Workspace};

const TEXT: &str =
    "Bessent argued that the presence of Americans alone would ensure the location of \
                    mineral deposits was enough to stop Moscow.";

fn session() -> Session {
    Session::new(Workspace::new(vec![Article::new("a", "A", TEXT.into())]))
}

fn tag(s: &mut Session, id: &str, start: usize, end: usize, label: Label) {
    s.apply(SessionAction::SelectText(Some(Pending {
        span: Span::new(start, end).unwrap(),
        x: 0.0,
        y: 0.0,
    })));
    s.apply(SessionAction::Tag {
        label,
        id: AnnotationId::from(id),
        at: Timestamp(5),
    });
}

/// The announcement's text and serial.
fn said(s: &Session) -> (String, u64) {
    let a = s.announcement.clone().expect("an announcement");
    (a.text, a.serial)
}

#[test]
fn nothing_is_said_before_anything_happens() {
    let mut s = session();
    assert_eq!(s.announcement, None);
    s.apply(SessionAction::SelectText(None));
    s.apply(SessionAction::Select(None));
    assert_eq!(s.announcement, None);
}

#[test]
fn tagging_says_the_label_and_the_first_words() {
    let mut s = session();
    tag(&mut s, "c", 0, TEXT.len(), Label::Claim);
    assert_eq!(
        said(&s),
        (
            "Claim added: “Bessent argued that the presence of Americans alone would…”".into(),
            1
        )
    );
    tag(&mut s, "p", 0, 7, Label::Entity(EntityKind::Person));
    assert_eq!(said(&s), ("Person added: “Bessent”".into(), 2));
    // Selecting, opening the detail or a tag with no selection says nothing new.
    s.apply(SessionAction::Select(Some(AnnotationId::from("c"))));
    s.apply(SessionAction::Tag {
        label: Label::Quote,
        id: AnnotationId::from("q"),
        at: Timestamp(6),
    });
    assert_eq!(said(&s).1, 2);
}

#[test]
fn delete_relabel_undo_and_redo_are_said_and_the_same_words_twice_are_said_twice() {
    let mut s = session();
    let at = TEXT.find("Moscow").unwrap(); // ASCII: bytes are code points
    tag(&mut s, "p", at, at + 6, Label::Entity(EntityKind::Person));
    s.apply(SessionAction::Edit(Action::Relabel {
        id: AnnotationId::from("p"),
        label: Label::Entity(EntityKind::Place),
        at: Timestamp(6),
    }));
    assert_eq!(said(&s), ("Relabelled as Place: “Moscow”".into(), 2));
    s.apply(SessionAction::Edit(Action::Remove {
        id: AnnotationId::from("p"),
    }));
    assert_eq!(said(&s), ("Place deleted: “Moscow”".into(), 3));
    s.apply(SessionAction::Edit(Action::Undo));
    assert_eq!(said(&s), ("Undone: delete entity".into(), 4));
    s.apply(SessionAction::Edit(Action::Redo));
    assert_eq!(said(&s), ("Redone: delete entity".into(), 5));
    s.apply(SessionAction::Edit(Action::Undo));
    assert_eq!(said(&s), ("Undone: delete entity".into(), 6));
    // Nothing left to redo after another edit: a redo changes nothing and says nothing (its error
    // notice is an alert).
    tag(&mut s, "q", 0, 7, Label::Quote);
    s.apply(SessionAction::Edit(Action::Redo));
    assert_eq!(said(&s), ("Quote added: “Bessent”".into(), 7));
}

#[test]
fn notices_are_said_even_when_the_words_repeat() {
    let mut s = session();
    s.apply(SessionAction::Notify(Notice::Info("Saved.".into())));
    assert_eq!(said(&s), ("Saved.".into(), 1));
    s.apply(SessionAction::Notify(Notice::Info("Saved.".into())));
    assert_eq!(said(&s), ("Saved.".into(), 2));
    // Dismissing says nothing.
    s.apply(SessionAction::Dismiss);
    assert_eq!(said(&s).1, 2);
    // An action that leaves the notice as it was does not say it again.
    s.apply(SessionAction::Notify(Notice::Info("Merged.".into())));
    s.apply(SessionAction::Select(None));
    assert_eq!(said(&s), ("Merged.".into(), 3));
    // A refused edit's error is an alert of its own: the live region does not say it a second time.
    s.apply(SessionAction::Edit(Action::Remove {
        id: AnnotationId::from("nobody"),
    }));
    assert!(matches!(&s.notice, Some(Notice::Error(e)) if e.starts_with("Not done: ")));
    assert_eq!(said(&s), ("Merged.".into(), 3));
}

#[test]
fn an_edit_and_the_notice_it_sets_are_said_together() {
    let mut s = session();
    tag(&mut s, "p", 0, 7, Label::Entity(EntityKind::Person));
    tag(&mut s, "q", 8, 20, Label::Quote);
    s.apply(SessionAction::Link {
        id: AnnotationId::from("q"),
        source: Some(AnnotationId::from("p")),
        at: Timestamp(7),
    });
    s.apply(SessionAction::Edit(Action::Remove {
        id: AnnotationId::from("p"),
    }));
    let (text, _) = said(&s);
    assert!(
        text.starts_with("Person deleted: “Bessent” ")
            && text.len() > "Person deleted: “Bessent” ".len(),
        "the deletion and the notice naming the cut link: {text}"
    );
}
