//! What this browser keeps to sync with a CouchDB database (where, whether, its replica), across
//! visits. Never a password: CouchDB's session cookie keeps the sign-in.

use super::{error, save, set_aside, Store, SYNC_KEY};
use crate::domain::files::json;
use crate::domain::model::time::Timestamp;
use crate::domain::replication::syncing::Syncing;
use crate::domain::state::session::{Notice, Session, SessionAction, SyncStatus};
use std::rc::Rc;

/// Puts the sync settings kept from the last visit into `session` (sync resumes if it was on); kept
/// settings that cannot be read are set aside (under a key named after `now`) and reported.
pub(super) fn load_sync(store: &mut impl Store, session: &mut Session, now: Timestamp) {
    let Ok(Some(raw)) = store.load(SYNC_KEY) else {
        return;
    };
    match json::from_str::<Syncing>(&raw) {
        Ok(syncing) => {
            if syncing.on {
                session.sync_status = SyncStatus::Syncing(0);
            }
            session.syncing = Some(Rc::new(syncing));
        }
        Err(e) => {
            let at = set_aside(store, &raw, now);
            session.notice = Some(Notice::Error(format!(
                "The saved sync settings could not be read ({e}); sync is off, and {at}."
            )));
        }
    }
}

/// Saves the sync settings and replica of `session`; what to tell the person if that failed.
///
/// Not while the workspace's own save fails: a replica kept beside an older saved workspace would,
/// after a reload, take the records that workspace lacks for deletions and send them to the server.
/// The replica last saved stays, in step with the workspace last saved.
pub fn save_sync(store: &mut impl Store, session: &Session) -> Option<SessionAction> {
    if session.save_failed.is_some() {
        return None;
    }
    let syncing = session.syncing.as_ref()?;
    save(store, SYNC_KEY, &json::to_compact(&**syncing))
        .err()
        .map(|e| error(format!("The sync settings could not be saved: {e}.")))
}
