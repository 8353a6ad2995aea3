//! Tests of the stamp and of choosing the base: the two tabs' classic races worked by hand.

use super::*;
use crate::domain::files::formats::native::sample::rich_workspace;
use crate::domain::fixtures::ann;
use crate::domain::model::names::{AnnotationId, Label};
use crate::domain::state::sync::merge;
use crate::domain::state::workspace::{Action, Workspace};

fn stamp(rev: &str, seen: &str) -> Stamp {
    Stamp {
        rev: rev.into(),
        seen: seen.into(),
        len: 10,
    }
}

fn snap(ws: &Workspace) -> Rc<Snapshot> {
    Rc::new(Snapshot::of(ws))
}

fn has(s: &Snapshot, id: &str) -> bool {
    s.annotations.contains_key(&AnnotationId::from(id))
}

fn tag(ws: &mut Workspace, id: &str) {
    ws.apply(Action::Annotate(ann(id, "kyiv-post", 0, 4, Label::Claim)))
        .unwrap();
}

#[test]
fn a_stamp_reads_back_and_belongs_only_to_a_state_of_its_length() {
    let s = stamp("a1", "b2");
    assert_eq!(s.encode(), "a1\nb2\n10");
    assert_eq!(Stamp::decode(&s.encode()), Some(s.clone()));
    assert_eq!(
        Stamp::decode("a1\n\n3").map(|s| s.seen),
        Some(String::new())
    );
    for bad in [
        "",
        "a1",
        "a1\nb2",
        "a1\nb2\nten",
        "\nb2\n3",
        "a1\nb2\n3\nmore",
        "a1\nb2\n-1",
    ] {
        assert_eq!(Stamp::decode(bad), None, "{bad:?}");
    }
    assert_eq!(Stamp::of_state(Some("a1\nb2\n10"), "0123456789"), Some(s));
    assert_eq!(Stamp::of_state(Some("a1\nb2\n10"), "012345678"), None);
    assert_eq!(Stamp::of_state(None, "0123456789"), None);
}

#[test]
fn concurrent_writes_from_the_same_state_merge_from_it() {
    // Both tabs start on S0; A tags x and B tags y before either sees the other's write.
    let s0 = rich_workspace();
    let mut a = Lineage::start(Snapshot::of(&s0), Some(stamp("s0", "")), true);
    let mut ws_a = rich_workspace();
    tag(&mut ws_a, "x");
    assert!(!a.is_stored(&Snapshot::of(&ws_a)));
    a.wrote("a1".into(), snap(&ws_a));
    assert!(a.is_stored(&Snapshot::of(&ws_a)));
    let mut ws_b = rich_workspace();
    tag(&mut ws_b, "y");
    // B's write was stamped with what B had read: S0, not A's write.
    let theirs = snap(&ws_b);
    let b_stamp = stamp("b1", "s0");
    assert!(!a.knows(&b_stamp));
    let base = a.base_for(Some(&b_stamp));
    let m = merge(&base, &Snapshot::of(&ws_a), &theirs);
    assert!(
        has(&m.state, "x") && has(&m.state, "y"),
        "neither tag is lost"
    );
    a.read(Some(b_stamp.clone()), theirs);
    assert!(a.knows(&b_stamp));
    assert_eq!(a.seen(), "b1");
    assert!(!a.is_stored(&m.state), "the merge still has to be written");
}

#[test]
fn a_delete_made_after_reading_our_write_merges_from_that_write() {
    // A tags x and writes; B reads it, deletes x, and writes with seen = A's write.
    let s0 = rich_workspace();
    let mut a = Lineage::start(Snapshot::of(&s0), None, false);
    assert_eq!(a.seen(), "");
    let mut ws_a = rich_workspace();
    tag(&mut ws_a, "x");
    a.wrote("a1".into(), snap(&ws_a));
    let b_stamp = stamp("b1", "a1");
    let base = a.base_for(Some(&b_stamp));
    assert!(has(&base, "x"));
    let mut ws_b = ws_a.clone();
    ws_b.apply(Action::Remove { id: "x".into() }).unwrap();
    let m = merge(&base, &Snapshot::of(&ws_a), &Snapshot::of(&ws_b));
    assert!(!has(&m.state, "x"), "the delete is not undone");
    // Without the stamp the last read is the base, which never had x: x's grave keeps it deleted.
    let base = a.base_for(None);
    assert!(!has(&base, "x"));
    let m = merge(&base, &Snapshot::of(&ws_a), &Snapshot::of(&ws_b));
    assert!(!has(&m.state, "x"), "the delete holds whatever the base");
    assert!(a.knows(&stamp("a1", "")), "our own write");
}

#[test]
fn only_writes_since_the_last_read_are_bases_and_the_oldest_go() {
    let s0 = rich_workspace();
    let mut a = Lineage::start(Snapshot::of(&s0), Some(stamp("s0", "")), true);
    let mut ws = rich_workspace();
    for i in 0..=MAX_WRITES {
        tag(&mut ws, &format!("x{i}"));
        a.wrote(format!("a{i}"), snap(&ws));
    }
    assert!(
        !has(&a.base_for(Some(&stamp("b", "a0"))), "x0"),
        "too old: the last read"
    );
    assert!(has(&a.base_for(Some(&stamp("b", "a1"))), "x1"));
    assert!(!has(&a.base_for(Some(&stamp("b", "a1"))), "x2"));
    a.read(Some(stamp("b1", "a1")), snap(&s0));
    assert!(
        !has(&a.base_for(Some(&stamp("b", "a5"))), "x5"),
        "older than the read"
    );
    assert!(a.is_stored(&Snapshot::of(&s0)));
    a.forget_stored();
    assert!(!a.is_stored(&Snapshot::of(&s0)));
}
