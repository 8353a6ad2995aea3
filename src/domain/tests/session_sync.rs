//! Tests of syncing as the session sees it: the status always shown, counting what a pass sends.

use super::*;
use crate::domain::fixtures::{ann, sample_workspace};
use crate::domain::model::names::Label;
use crate::domain::replication::syncing::Replicated;
use crate::domain::state::workspace::Snapshot;

fn syncing() -> Session {
    let mut s = Session::new(sample_workspace());
    s.apply(SessionAction::StartSync {
        server: "/couchdb".into(),
        db: "team".into(),
        client: "browser-1".into(),
    });
    s
}

/// A pass sent with the workspace as it is now.
fn start(s: &mut Session) {
    let base = Rc::new(Snapshot::of(&s.workspace));
    s.apply(SessionAction::SyncStarted(base));
}

/// The answer of a quiet pass (nothing taken from the server), `waiting` revisions left.
fn answer(s: &mut Session, waiting: usize) {
    let id = s.syncing.as_ref().unwrap().id.clone();
    s.apply(SessionAction::Synced(Box::new(Replicated {
        id,
        waiting,
        ..Replicated::default()
    })));
}

fn words(s: &Session) -> String {
    s.sync_status.words()
}

#[test]
fn the_status_counts_the_changes_a_pass_sends_and_stays_still_when_there_are_none() {
    let mut s = syncing();
    assert_eq!(words(&s), "Syncing…");
    start(&mut s);
    answer(&mut s, 0);
    assert_eq!(words(&s), "Synced");

    start(&mut s);
    assert_eq!(
        words(&s),
        "Synced",
        "a pass with nothing to send does not flicker"
    );
    answer(&mut s, 0);

    let article = s.workspace.articles()[0].id.clone();
    for (id, at) in [("x1", 0), ("x2", 10)] {
        let a = ann(id, article.as_str(), at, at + 5, Label::Claim);
        s.apply(SessionAction::Edit(Action::Annotate(a)));
    }
    start(&mut s);
    assert_eq!(words(&s), "Syncing 2 changes…");
    s.apply(SessionAction::SyncFailed {
        offline: true,
        waiting: 2,
        reason: "the server could not be reached".into(),
    });
    assert_eq!(words(&s), "Offline, 2 waiting");

    start(&mut s);
    assert_eq!(
        words(&s),
        "Syncing 2 changes…",
        "still counted from the last pass that went through"
    );
    answer(&mut s, 0);
    assert_eq!(words(&s), "Synced");
    start(&mut s);
    assert_eq!(words(&s), "Synced");
}
