//! Loads the session from localStorage at start and saves the workspace after every change.

use crate::domain::bundled::bundled_articles;
use crate::domain::session::{Notice, Session, StorageProblem};
use crate::domain::stored;
use crate::domain::workspace::Workspace;
use crate::web::{clock, storage};
use std::rc::Rc;

/// The session to start with: the bundled articles and whatever annotations were saved.
///
/// Saved data that cannot be read is copied to a key of its own before anything else happens, and the
/// session carries a [`StorageProblem`] that tells the person and offers the data as a download.
pub fn load_session() -> Session {
    let articles = || bundled_articles().unwrap_or_default();
    let empty = || Session::new(Workspace::new(articles()));
    let saved = match storage::load(storage::STATE_KEY) {
        Ok(saved) => saved,
        Err(e) => {
            let mut session = empty();
            session.notice = Some(Notice::Error(format!(
                "Saved annotations could not be read: {e}."
            )));
            return session;
        }
    };
    let Some(raw) = saved else {
        return empty();
    };
    match stored::decode(&raw, articles()) {
        Ok(restored) => {
            let mut session = Session::new(restored.workspace);
            if !restored.warnings.is_empty() {
                session.notice = Some(Notice::Error(format!(
                    "{} saved annotation(s) could not be placed and were left out: {}",
                    restored.warnings.len(),
                    restored.warnings.join("; ")
                )));
            }
            session
        }
        Err(e) => {
            let kept = storage::keep_unreadable(&raw, &clock::now().to_string());
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
            session
        }
    }
}

/// Writes the workspace to localStorage.
pub fn save(workspace: &Workspace) -> Result<(), String> {
    storage::save(storage::STATE_KEY, &stored::encode(workspace))
}
