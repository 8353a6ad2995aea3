//! Tests of two tabs on one store: each tab's save reaches the other as a storage event and is merged
//! from the right base; the tabs converge without writing back and forth.

use super::tests::{tag, Memory, NOW};
use super::*;
use crate::domain::state::sync::Stamp;
use crate::domain::state::workspace::Action;

/// One tab of the app: its session, what it knows of the saved state, and its handle on the store.
pub(super) struct Tab {
    pub(super) session: Session,
    saves: Saves,
    store: Memory,
}

impl Tab {
    /// A tab opened on `store`, which names its revisions `name`.
    pub(super) fn open(store: &Memory, name: &'static str) -> Tab {
        let mut store = store.tab(name);
        let (session, saves) = load_session(&mut store, NOW);
        Tab {
            session,
            saves,
            store,
        }
    }

    /// Autosaves, as after the next paint; the save must work.
    pub(super) fn autosave(&mut self) {
        let report = self.saves.autosave(&mut self.store, &self.session);
        assert!(report.is_none(), "the save works: {report:?}");
    }

    /// What the tab makes of an event for `key` (see [`Event`]); applies it to its session.
    pub(super) fn event(&mut self, key: Option<&str>) -> Event {
        let Some(action) = self.saves.on_storage_event(&self.store, key) else {
            return Event::Nothing;
        };
        let event = match &action {
            SessionAction::FromOtherTab { .. } => Event::Merge,
            SessionAction::Notify(Notice::Error(text)) => Event::Error(text.clone()),
            other => panic!("{other:?}"),
        };
        self.session.apply(action);
        event
    }

    /// Whether the tab's workspace has the annotation `id`.
    pub(super) fn has(&self, id: &str) -> bool {
        self.session.workspace.annotation(&id.into()).is_some()
    }
}

/// What a tab made of a storage event.
#[derive(Debug, PartialEq)]
pub(super) enum Event {
    /// Nothing to do.
    Nothing,
    /// It merged another tab's state.
    Merge,
    /// It told the person this.
    Error(String),
}

#[test]
fn a_save_in_one_tab_is_merged_into_the_other_which_does_not_write_it_back() {
    let store = Memory::default();
    let (mut a, mut b) = (Tab::open(&store, "a"), Tab::open(&store, "b"));
    tag(&mut a.session, "x", 0);
    a.autosave();
    assert_eq!(b.event(Some(STATE_KEY)), Event::Merge);
    assert!(b.has("x"));
    assert!(
        matches!(&b.session.notice, Some(Notice::Info(t)) if t.starts_with("Updated with 1 change saved in another tab")),
        "{:?}",
        b.session.notice
    );
    let writes = store.writes();
    b.autosave();
    assert_eq!(
        store.writes(),
        writes,
        "storage holds the merged state already"
    );
    // The stamp's event of the same save, and a repeat, change nothing.
    assert_eq!(b.event(Some(STAMP_KEY)), Event::Nothing);
    assert_eq!(b.event(Some(STATE_KEY)), Event::Nothing);
}

#[test]
fn both_tabs_change_at_once_and_converge_on_both_changes() {
    let store = Memory::default();
    let (mut a, mut b) = (Tab::open(&store, "a"), Tab::open(&store, "b"));
    tag(&mut a.session, "x", 0);
    tag(&mut b.session, "y", 10);
    a.autosave();
    assert_eq!(b.event(Some(STATE_KEY)), Event::Merge);
    assert!(b.has("x") && b.has("y"));
    b.autosave();
    let stamp = Stamp::decode(&store.get(STAMP_KEY).unwrap()).unwrap();
    assert_eq!((stamp.rev.as_str(), stamp.seen.as_str()), ("b2", "a1"));
    // Its own save's event does not come back to a tab; the other tab's does, once.
    assert_eq!(b.event(Some(STATE_KEY)), Event::Nothing);
    assert_eq!(a.event(Some(STATE_KEY)), Event::Merge);
    assert!(a.has("x") && a.has("y"));
    let writes = store.writes();
    a.autosave();
    assert_eq!(store.writes(), writes, "no ping-pong");
    assert_eq!(a.event(Some(STATE_KEY)), Event::Nothing);
}

#[test]
fn what_a_tab_deleted_after_reading_the_others_save_stays_deleted_there() {
    let store = Memory::default();
    let (mut a, mut b) = (Tab::open(&store, "a"), Tab::open(&store, "b"));
    tag(&mut a.session, "x", 0);
    a.autosave();
    assert_eq!(b.event(Some(STATE_KEY)), Event::Merge);
    b.session
        .apply(SessionAction::Edit(Action::Remove { id: "x".into() }));
    // B saves something of its own too, so that its state differs from what A merges from.
    tag(&mut b.session, "y", 10);
    b.autosave();
    // B's stamp says it had read A's save: that is the base, so "x" is deleted on B's side, not new on
    // A's (from the empty state A read at start it would come back).
    assert_eq!(a.event(Some(STATE_KEY)), Event::Merge);
    assert!(!a.has("x"), "the deletion reached A");
    assert!(a.has("y"));
}

#[test]
fn a_stamp_waits_for_its_state_and_an_equal_state_saved_again_arrives_by_its_stamp() {
    let store = Memory::default();
    let (mut a, b) = (Tab::open(&store, "a"), Tab::open(&store, "b"));
    tag(&mut a.session, "x", 0);
    a.autosave();
    let mut b = b;
    assert_eq!(b.event(Some(STATE_KEY)), Event::Merge);
    // A stamp whose state has not arrived yet (its length is another's): nothing until the state comes.
    let state = store.get(STATE_KEY).unwrap();
    let early = Stamp {
        rev: "c1".into(),
        seen: String::new(),
        len: state.len() + 1,
    };
    store.put(STAMP_KEY, &early.encode());
    assert_eq!(b.event(Some(STAMP_KEY)), Event::Nothing);
    // Another tab saves the state that is saved already: only the stamp changes, and it is read once.
    let again = Stamp {
        rev: "c2".into(),
        seen: String::new(),
        len: state.len(),
    };
    store.put(STAMP_KEY, &again.encode());
    assert_eq!(b.event(Some(STAMP_KEY)), Event::Merge);
    assert_eq!(b.event(Some(STATE_KEY)), Event::Nothing);
    assert!(b.has("x"));
}

#[test]
fn other_keys_are_ignored_and_a_cleared_storage_is_written_again() {
    let store = Memory::default();
    let mut a = Tab::open(&store, "a");
    tag(&mut a.session, "x", 0);
    a.autosave();
    store.put(CLASSROOM_KEY, "{}");
    assert_eq!(a.event(Some(CLASSROOM_KEY)), Event::Nothing);
    assert_eq!(a.event(Some("another-app/key")), Event::Nothing);

    store.clear();
    assert_eq!(
        a.event(None),
        Event::Nothing,
        "a cleared storage merges nothing"
    );
    a.autosave();
    assert!(
        store.get(STATE_KEY).is_some_and(|s| s.contains("\"x\"")),
        "the next save writes what storage no longer holds"
    );
}

#[test]
fn work_another_tab_saved_that_this_tab_cannot_read_is_reported_not_merged() {
    let store = Memory::default();
    let mut a = Tab::open(&store, "a");
    tag(&mut a.session, "x", 0);
    store.put(STATE_KEY, r#"{"schema":99}"#);
    let Event::Error(text) = a.event(Some(STATE_KEY)) else {
        panic!("an error is reported");
    };
    assert!(
        text.starts_with("Another tab saved work that this tab cannot read ("),
        "{text}"
    );
    assert!(a.has("x"), "this tab's work stays");
}
