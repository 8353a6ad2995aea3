//! Tests of a merge from another tab entering the session: one undo step, a notice, and the open
//! article and selection kept while they exist.

use crate::domain::files::formats::native::sample::{rich_workspace, OWN};
use crate::domain::fixtures::ann;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityKind, Label};
use crate::domain::state::session::{Notice, Session, SessionAction};
use crate::domain::state::sync::merge;
use crate::domain::state::workspace::Snapshot;
use crate::domain::state::workspace::{Action, Workspace};
use std::rc::Rc;

fn from(base: &Workspace, theirs: &Workspace) -> SessionAction {
    SessionAction::FromOtherTab {
        base: Rc::new(Snapshot::of(base)),
        theirs: Rc::new(Snapshot::of(theirs)),
    }
}

#[test]
fn another_tabs_changes_arrive_as_one_undo_step_with_a_notice() {
    let base = rich_workspace();
    let mut theirs = rich_workspace();
    theirs
        .apply(Action::Annotate(ann("t1", "kyiv-post", 0, 4, Label::Claim)))
        .unwrap();
    theirs.apply(Action::Remove { id: "e-msc".into() }).unwrap();
    let mut s = Session::new(rich_workspace());
    s.apply(SessionAction::Open("kyiv-post".into()));
    s.apply(SessionAction::Select(Some("e-zelensky".into())));
    s.apply(from(&base, &theirs));
    assert!(s.workspace.annotation(&"t1".into()).is_some());
    assert!(s.workspace.annotation(&"e-msc".into()).is_none());
    assert_eq!(
        s.current,
        ArticleId::from("kyiv-post"),
        "the open article stays"
    );
    assert_eq!(
        s.selected,
        Some(AnnotationId::from("e-zelensky")),
        "so does the selection"
    );
    assert_eq!(
        s.notice,
        Some(Notice::Info(
            "Updated with 2 changes saved in another tab (Undo takes them back).".into()
        ))
    );
    assert_eq!(s.workspace.next_undo(), Some("changes from another tab"));
    s.apply(SessionAction::Edit(Action::Undo));
    assert!(s.workspace.annotation(&"t1".into()).is_none());
    assert!(s.workspace.annotation(&"e-msc".into()).is_some());
    // The same state again changes nothing and says nothing.
    s.apply(SessionAction::Edit(Action::Redo));
    s.notice = None;
    let revision = s.workspace.revision();
    s.apply(from(&base, &theirs));
    assert_eq!(s.workspace.revision(), revision);
    assert_eq!(s.notice, None);
}

#[test]
fn a_selection_or_article_deleted_in_the_other_tab_lets_go() {
    let base = rich_workspace();
    let mut theirs = rich_workspace();
    theirs
        .apply(Action::RemoveArticle { id: OWN.into() })
        .unwrap();
    let mut s = Session::new(rich_workspace());
    s.apply(SessionAction::Open(OWN.into()));
    s.apply(SessionAction::Select(Some("o-quote".into())));
    s.apply(from(&base, &theirs));
    assert!(s.workspace.article(&OWN.into()).is_none());
    assert_eq!(s.selected, None);
    assert_eq!(
        s.current,
        s.workspace.articles()[0].id,
        "the first article opens"
    );
}

#[test]
fn what_no_longer_fits_is_named_in_the_notice() {
    let base = rich_workspace();
    let mut theirs = rich_workspace();
    theirs
        .apply(Action::Remove {
            id: "o-olena".into(),
        })
        .unwrap();
    let mut s = Session::new(rich_workspace());
    let quote = ann("q-new", OWN, 6, 15, Label::Quote);
    s.apply(SessionAction::Edit(Action::Annotate(quote)));
    s.apply(SessionAction::Edit(Action::SetSource {
        id: "q-new".into(),
        source: Some("o-olena".into()),
        at: crate::domain::fixtures::CREATED,
    }));
    s.apply(from(&base, &theirs));
    let Some(Notice::Info(text)) = &s.notice else {
        panic!("{:?}", s.notice)
    };
    assert!(
        text.ends_with(
            "What no longer fit: annotation \"q-new\": a link that no longer fits was cut."
        ),
        "{text}"
    );
    assert_eq!(
        s.workspace
            .annotation(&"q-new".into())
            .unwrap()
            .attrs
            .source,
        None
    );
}

#[test]
fn adopting_a_merge_is_one_undo_step_that_writes_only_what_differs() {
    let (base, mut ours, mut theirs) = (
        Snapshot::of(&rich_workspace()),
        rich_workspace(),
        rich_workspace(),
    );
    ours.apply(Action::Annotate(ann(
        "ours-new",
        "kyiv-post",
        0,
        4,
        Label::Entity(EntityKind::Person),
    )))
    .unwrap();
    theirs
        .apply(Action::Annotate(ann(
            "theirs-new",
            "kyiv-post",
            5,
            9,
            Label::Claim,
        )))
        .unwrap();
    theirs
        .apply(Action::SetNote {
            id: "q-short".into(),
            note: "theirs".into(),
            at: crate::domain::fixtures::CREATED,
        })
        .unwrap();
    let m = merge(&base, &Snapshot::of(&ours), &Snapshot::of(&theirs));
    let before = Snapshot::of(&ours);
    let revision = ours.revision();
    assert_eq!(ours.adopt(&m.state, "changes from another tab"), 2);
    assert_eq!(Snapshot::of(&ours), m.state);
    assert!(ours.revision() > revision);
    assert_eq!(ours.next_undo(), Some("changes from another tab"));
    assert_eq!(ours.adopt(&m.state, "again"), 0, "nothing left to write");
    assert_eq!(ours.next_undo(), Some("changes from another tab"));
    ours.apply(Action::Undo).unwrap();
    // Undoing the merge deletes theirs' addition here, so it has a grave now.
    let undone = Snapshot::of(&ours);
    assert_eq!(
        undone
            .graves
            .annotations
            .keys()
            .map(|id| id.as_str())
            .collect::<Vec<_>>(),
        ["theirs-new"]
    );
    // The records are as before, those written back changed now (undo is a change).
    let untimed = |s: &Snapshot| {
        let annotations = s
            .annotations
            .values()
            .map(|a| (a.id.clone(), Annotation::clone(a)));
        (
            s.articles.clone(),
            s.entities.clone(),
            crate::domain::fixtures::untimed(annotations.collect()),
        )
    };
    assert_eq!(untimed(&undone), untimed(&before));
    assert_eq!(ours.next_undo(), Some("add entity"));
}
