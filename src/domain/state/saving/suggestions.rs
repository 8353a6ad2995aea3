//! The person's suggestion choices kept across visits: whether suggestions show, and the ones rejected.

use super::{error, save, set_aside, Store, SUGGESTIONS_KEY};
use crate::domain::files::json;
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Notice, Session, SessionAction, SuggestionChoices};

/// Puts the choices kept from the last visit into `session`; kept choices that cannot be read are set
/// aside (under a key named after `now`) and reported, and suggestions show with none rejected.
pub(super) fn load_suggestions(store: &mut impl Store, session: &mut Session, now: Timestamp) {
    let Ok(Some(raw)) = store.load(SUGGESTIONS_KEY) else {
        return;
    };
    match json::from_str::<SuggestionChoices>(&raw) {
        Ok(choices) => session.suggesting.choices = choices,
        Err(e) => {
            let at = set_aside(store, &raw, now);
            session.notice = Some(Notice::Error(format!(
                "The saved suggestion choices could not be read ({e}); none is rejected now, and {at}."
            )));
        }
    }
}

/// Saves the suggestion choices of `session`; what to tell the person if that failed.
pub fn save_suggestions(store: &mut impl Store, session: &Session) -> Option<SessionAction> {
    let choices = &session.suggesting.choices;
    save(store, SUGGESTIONS_KEY, &json::to_compact(choices))
        .err()
        .map(|e| error(format!("The suggestion choices could not be saved: {e}.")))
}
