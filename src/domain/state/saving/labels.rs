//! The person's label mapping kept across visits: what other tools' labels become on import.

use super::{error, save, set_aside, Store, LABELS_KEY};
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::json;
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Notice, Session, SessionAction};

/// Puts the label mapping kept from the last visit into `session`; a kept mapping that cannot be read
/// is set aside (under a key named after `now`) and reported, and the defaults apply.
pub(super) fn load_labels(store: &mut impl Store, session: &mut Session, now: Timestamp) {
    let Ok(Some(raw)) = store.load(LABELS_KEY) else {
        return;
    };
    match json::from_str::<LabelMap>(&raw) {
        Ok(labels) => session.labels = labels,
        Err(e) => {
            let at = set_aside(store, &raw, now);
            session.notice = Some(Notice::Error(format!(
                "The saved label mapping could not be read ({e}); the defaults apply, and {at}."
            )));
        }
    }
}

/// Saves the label mapping of `session`; what to tell the person if that failed.
pub fn save_labels(store: &mut impl Store, session: &Session) -> Option<SessionAction> {
    save(store, LABELS_KEY, &json::to_compact(&session.labels))
        .err()
        .map(|e| error(format!("The label mapping could not be saved: {e}.")))
}
