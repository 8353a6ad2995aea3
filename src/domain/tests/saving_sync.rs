//! The sync settings and replica kept across visits, in step with the saved workspace.

use super::tests::{tag, Memory, NOW};
use super::*;
use crate::domain::replication::syncing::Syncing;
use std::rc::Rc;

#[test]
fn the_replica_is_not_saved_while_the_workspace_save_fails() {
    let store = Memory::default();
    let (mut session, mut saves) = load_session(&mut store.clone(), NOW);
    session.apply(SessionAction::StartSync {
        server: "/couchdb".into(),
        db: "class-7a".into(),
        client: "tab-1".into(),
    });
    assert!(save_sync(&mut store.clone(), &session).is_none());
    let kept = store.get(SYNC_KEY).expect("the settings are kept");
    assert!(kept.contains(r#""db":"class-7a""#), "{kept}");

    // Storage full: the workspace's save fails, and the replica stays as it was saved with the last
    // workspace that was.
    store.limit(Some(store.used().unwrap()));
    tag(&mut session, "c1", 0);
    let failed = saves.autosave(&mut store.clone(), &session).unwrap();
    session.apply(failed);
    store.limit(None);
    let mut next = Syncing::clone(session.syncing.as_ref().unwrap());
    next.replica = r#"{"a newer":"replica"}"#.into();
    session.syncing = Some(Rc::new(next));
    assert!(save_sync(&mut store.clone(), &session).is_none());
    assert_eq!(store.get(SYNC_KEY).as_deref(), Some(kept.as_str()));

    // The workspace saves again: so does the replica.
    tag(&mut session, "c2", 10);
    let recovered = saves.autosave(&mut store.clone(), &session).unwrap();
    session.apply(recovered);
    assert!(save_sync(&mut store.clone(), &session).is_none());
    assert!(store.get(SYNC_KEY).unwrap().contains("a newer"));
}
