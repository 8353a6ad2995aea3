//! The session to start with: the bundled articles and whatever was saved.

use super::{classroom, keep_unreadable, labels, suggestions, sync, Saves, Store, STATE_KEY};
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::stored;
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Notice, Session, StorageProblem};
use crate::domain::state::workspace::Workspace;
use std::rc::Rc;

/// The session to start with, and what this tab knows of the saved state (for its saves and the other
/// tabs' events). `now` names the key that unreadable data is set aside under.
///
/// Saved data that cannot be read is copied to a key of its own before anything else happens, and the
/// session carries a [`StorageProblem`] that tells the person and offers the data as a download.
pub fn load_session(store: &mut impl Store, now: Timestamp) -> (Session, Saves) {
    let (mut session, saves) = load_workspace(store, now);
    classroom::load_classroom(store, &mut session, now);
    labels::load_labels(store, &mut session, now);
    sync::load_sync(store, &mut session, now);
    suggestions::load_suggestions(store, &mut session, now);
    (session, saves)
}

/// The workspace part of [`load_session`].
fn load_workspace(store: &mut impl Store, now: Timestamp) -> (Session, Saves) {
    let articles = || bundled_articles().unwrap_or_default();
    let empty = || Session::new(Workspace::new(articles()));
    let saved = match store.load(STATE_KEY) {
        Ok(saved) => saved,
        Err(e) => {
            let mut session = empty();
            session.notice = Some(Notice::Error(format!(
                "Saved annotations could not be read: {e}."
            )));
            return (session, Saves::default());
        }
    };
    let Some(raw) = saved else {
        return (empty(), Saves::default());
    };
    match stored::decode(&raw, articles()) {
        Ok(restored) => {
            let clean = restored.warnings.is_empty() && restored.reanchored.is_empty();
            let saves = Saves::start(store, &restored.workspace, &raw, clean);
            let mut session = Session::new(restored.workspace);
            session.notice = restore_notice(&restored.warnings, &restored.reanchored);
            (session, saves)
        }
        Err(e) => {
            let kept = keep_unreadable(store, &raw, &now.to_string());
            let message = match &kept {
                Ok(key) => format!(
                    "Your saved annotations could not be read ({e}). They are kept unchanged under \
                     the key \"{key}\" and can be downloaded here. The app starts empty."
                ),
                Err(why) => format!(
                    "Your saved annotations could not be read ({e}), and could not be set aside ({why}). \
                     Saving is paused so they are not overwritten: download them first."
                ),
            };
            let mut session = empty();
            session.storage_problem = Some(StorageProblem {
                message,
                raw: Rc::from(raw.as_str()),
                kept_under: kept.ok(),
            });
            (session, Saves::default())
        }
    }
}

/// What the person is told about a saved state that was not restored exactly as saved: what was left
/// out or cut (an error), and annotations found at another place in their text (moved, kept).
fn restore_notice(warnings: &[String], moved: &[String]) -> Option<Notice> {
    let moved_text = (!moved.is_empty()).then(|| {
        format!(
            "{} saved annotation(s) were found at another place in their article and moved there: {}",
            moved.len(),
            moved.join("; ")
        )
    });
    if warnings.is_empty() {
        return moved_text.map(Notice::Info);
    }
    let mut text = format!(
        "{} saved item(s) could not be restored as they were and were left out or cut: {}",
        warnings.len(),
        warnings.join("; ")
    );
    if let Some(moved) = moved_text {
        text.push_str(". ");
        text.push_str(&moved);
    }
    Some(Notice::Error(text))
}
