//! Three tabs on one store: a delete in one tab stays deleted in all, whatever order the storage
//! events arrive in (issue 17's "Tabs" bar).

use super::tabs_tests::{Event, Tab};
use super::tests::{tag, Memory};
use super::*;
use crate::domain::state::workspace::Action;

/// The interleaving that brought a deleted annotation back while the merge relied on its BASE alone:
/// A tags x and every tab has it; B deletes x; A merges B's save; C, before it has handled B's save,
/// tags y and saves x with it; C's late event for B's save finds C's own state; A merges C's save.
/// From A's last read (B's save, without x) C's x looked new, so x came back in A, and from A in all.
#[test]
fn a_delete_in_one_of_three_tabs_stays_deleted_when_a_third_tab_saves_before_it_hears_of_it() {
    let store = Memory::default();
    let (mut a, mut b, mut c) = (
        Tab::open(&store, "a"),
        Tab::open(&store, "b"),
        Tab::open(&store, "c"),
    );
    tag(&mut a.session, "x", 0);
    a.autosave();
    assert_eq!(b.event(Some(STATE_KEY)), Event::Merge);
    assert_eq!(c.event(Some(STATE_KEY)), Event::Merge);
    assert!(b.has("x") && c.has("x"));

    b.session
        .apply(SessionAction::Edit(Action::Remove { id: "x".into() }));
    b.autosave();
    assert_eq!(a.event(Some(STATE_KEY)), Event::Merge);
    assert!(!a.has("x"), "the delete reached A");

    // C edits before B's storage event reaches it, so its save still holds x.
    tag(&mut c.session, "y", 10);
    c.autosave();
    assert_eq!(c.event(Some(STATE_KEY)), Event::Nothing, "C's own state");

    for (name, tab) in [("A", &mut a), ("B", &mut b)] {
        assert_eq!(tab.event(Some(STATE_KEY)), Event::Merge, "{name}");
        assert!(tab.has("y"), "{name} has C's edit");
        assert!(!tab.has("x"), "x stays deleted in {name}");
    }
    // Each tab writes what it merged, and the others merge that, until no tab has anything new.
    settle(&mut [&mut a, &mut b, &mut c]);
    for (name, tab) in [("A", &a), ("B", &b), ("C", &c)] {
        assert!(!tab.has("x"), "x stays deleted in {name}");
        assert!(tab.has("y"), "{name} has y");
    }
}

/// Lets every tab save and hear the others' saves, round after round, until a round changes nothing.
pub(super) fn settle(tabs: &mut [&mut Tab]) {
    for _ in 0..20 {
        let mut merged = false;
        for i in 0..tabs.len() {
            tabs[i].autosave();
            for (j, other) in tabs.iter_mut().enumerate() {
                if j != i {
                    merged |= other.event(Some(STATE_KEY)) == Event::Merge;
                }
            }
        }
        if !merged {
            return;
        }
    }
    panic!("the tabs do not settle");
}
