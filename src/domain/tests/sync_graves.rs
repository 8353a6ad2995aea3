//! Tests of the merge's rules with graves, which do not depend on BASE: a delete beats every version
//! changed at or before it and loses to one changed after it, graves merge by union, two different
//! versions go to the later one whichever side merges, and an undone delete comes back everywhere.

use super::*;
use crate::domain::files::formats::native::sample::rich_workspace;
use crate::domain::model::names::AnnotationId;
use crate::domain::state::workspace::{Action, Workspace};

fn has(s: &Snapshot, id: &str) -> bool {
    s.annotations.contains_key(&AnnotationId::from(id))
}

fn note(ws: &mut Workspace, id: &str, at: Timestamp) {
    let text = format!("at {}", at.0);
    ws.apply(Action::SetNote {
        id: id.into(),
        note: text,
        at,
    })
    .unwrap();
}

#[test]
fn a_delete_holds_against_what_it_deleted_whatever_the_base() {
    let kept = rich_workspace();
    let mut deleted = rich_workspace();
    deleted
        .apply(Action::Remove {
            id: "q-short".into(),
        })
        .unwrap();
    let grave = deleted.graves().annotations[&AnnotationId::from("q-short")];
    assert_eq!(grave, deleted.clock());
    let (kept, deleted) = (Snapshot::of(&kept), Snapshot::of(&deleted));
    // The right base (the state both had), one without the annotation, and an empty one.
    for base in [kept.clone(), deleted.clone(), Snapshot::default()] {
        for m in [merge(&base, &kept, &deleted), merge(&base, &deleted, &kept)] {
            assert!(!has(&m.state, "q-short"));
            assert_eq!(
                m.state.graves.annotations[&AnnotationId::from("q-short")],
                grave
            );
        }
    }
}

#[test]
fn a_change_after_the_delete_beats_it_and_its_grave_goes() {
    let mut changed = rich_workspace();
    let mut deleted = rich_workspace();
    deleted
        .apply(Action::Remove {
            id: "q-short".into(),
        })
        .unwrap();
    let grave = deleted.clock();
    note(&mut changed, "q-short", grave);
    let m = merge(
        &Snapshot::default(),
        &Snapshot::of(&changed),
        &Snapshot::of(&deleted),
    );
    assert!(
        !has(&m.state, "q-short"),
        "changed at the delete's time: deleted"
    );
    note(&mut changed, "q-short", Timestamp(grave.0 + 1));
    let (changed, deleted) = (Snapshot::of(&changed), Snapshot::of(&deleted));
    for m in [
        merge(&Snapshot::default(), &changed, &deleted),
        merge(&Snapshot::default(), &deleted, &changed),
    ] {
        assert_eq!(
            m.state.annotations[&AnnotationId::from("q-short")].note,
            format!("at {}", grave.0 + 1)
        );
        assert!(
            m.state.graves.is_empty(),
            "no grave for a record that is there"
        );
    }
}

#[test]
fn graves_of_both_sides_are_kept_and_both_deletes_hold() {
    let mut ours = rich_workspace();
    let mut theirs = rich_workspace();
    ours.apply(Action::Remove {
        id: "q-short".into(),
    })
    .unwrap();
    theirs.apply(Action::Remove { id: "e-msc".into() }).unwrap();
    let m = merge(
        &Snapshot::default(),
        &Snapshot::of(&ours),
        &Snapshot::of(&theirs),
    );
    assert!(!has(&m.state, "q-short") && !has(&m.state, "e-msc"));
    let graves: Vec<&str> = m
        .state
        .graves
        .annotations
        .keys()
        .map(|id| id.as_str())
        .collect();
    assert_eq!(graves, ["e-msc", "q-short"]);
}

#[test]
fn the_later_version_wins_whichever_side_merges() {
    let mut early = rich_workspace();
    let mut late = rich_workspace();
    let t = early.clock();
    note(&mut early, "q-short", Timestamp(t.0 + 5));
    note(&mut late, "q-short", Timestamp(t.0 + 9));
    let (early, late) = (Snapshot::of(&early), Snapshot::of(&late));
    // Even when the base says the later one is the unchanged side (a base the other never had).
    for base in [Snapshot::default(), late.clone(), early.clone()] {
        for m in [merge(&base, &early, &late), merge(&base, &late, &early)] {
            let note = &m.state.annotations[&AnnotationId::from("q-short")].note;
            assert_eq!(note, &format!("at {}", t.0 + 9));
        }
    }
}

#[test]
fn an_undone_delete_comes_back_in_a_tab_that_has_its_grave() {
    let mut a = rich_workspace();
    a.apply(Action::Remove {
        id: "q-short".into(),
    })
    .unwrap();
    // Another tab took the delete, grave and all.
    let mut b = rich_workspace();
    let m = merge(&Snapshot::of(&b), &Snapshot::of(&b), &Snapshot::of(&a));
    b.adopt(&m.state, "changes from another tab");
    assert!(b.annotation(&"q-short".into()).is_none());
    assert!(b
        .graves()
        .annotations
        .contains_key(&AnnotationId::from("q-short")));
    // A undoes the delete: a change after it.
    a.apply(Action::Undo).unwrap();
    assert!(a.graves().is_empty());
    let back = Snapshot::of(&a);
    let m = merge(&Snapshot::default(), &Snapshot::of(&b), &back);
    assert!(has(&m.state, "q-short"), "it comes back in B");
    assert!(m.state.graves.is_empty());
}
