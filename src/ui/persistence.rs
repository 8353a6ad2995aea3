//! Loads the session from localStorage at start, saves the workspace after every change, and tries an
//! article in storage before it is added.

use crate::domain::article::Article;
use crate::domain::bundled::bundled_articles;
use crate::domain::classroom::class::Class;
use crate::domain::classroom::saved;
use crate::domain::session::{Enrolment, Notice, Session, StorageProblem, Teaching};
use crate::domain::stored;
use crate::domain::workspace::Workspace;
use crate::web::{clock, storage};
use std::rc::Rc;

/// The session to start with: the bundled articles and whatever annotations were saved.
///
/// Saved data that cannot be read is copied to a key of its own before anything else happens, and the
/// session carries a [`StorageProblem`] that tells the person and offers the data as a download.
pub fn load_session() -> Session {
    let mut session = load_workspace();
    load_classroom(&mut session);
    session
}

/// The classroom kept from the last visit; a kept state that cannot be read is set aside and reported.
fn load_classroom(session: &mut Session) {
    let Ok(Some(raw)) = storage::load(storage::CLASSROOM_KEY) else {
        return;
    };
    match saved::decode(&raw, session.workspace.articles()) {
        Ok(kept) => {
            session.enrolment = kept.student.map(|(exercise, student)| {
                Rc::new(Enrolment {
                    exercise: Rc::new(exercise),
                    student,
                })
            });
            session.teaching = kept.teaching.map(|exercise| {
                Rc::new(Teaching {
                    exercise: Rc::new(exercise),
                    class: Class::default(),
                })
            });
        }
        Err(e) => {
            let kept = storage::keep_unreadable(&raw, &clock::now().to_string());
            let at = kept.map_or_else(
                |why| format!("it could not be set aside: {why}"),
                |key| format!("it is kept under \"{key}\""),
            );
            session.notice = Some(Notice::Error(format!(
                "The saved exercise could not be read ({e}); {at}."
            )));
        }
    }
}

/// Saves the classroom (see [`saved`]).
pub fn save_classroom(session: &Session) -> Result<(), String> {
    let student = session
        .enrolment
        .as_ref()
        .map(|e| (&*e.exercise, e.student.as_str()));
    let teaching = session.teaching.as_ref().map(|t| &*t.exercise);
    storage::save(storage::CLASSROOM_KEY, &saved::encode(student, teaching))
}

/// The workspace part of [`load_session`].
fn load_workspace() -> Session {
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
            let clean = restored.warnings.is_empty() && restored.reanchored.is_empty();
            super::tab_sync::start(&restored.workspace, &raw, clean);
            let mut session = Session::new(restored.workspace);
            session.notice = restore_notice(&restored.warnings, &restored.reanchored);
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

/// Writes the workspace to localStorage, with its stamp for other tabs; nothing when storage holds
/// it already (see [`super::tab_sync::save`]).
pub fn save(workspace: &Workspace) -> Result<(), String> {
    super::tab_sync::save(workspace)
}

/// What adding an article would do to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trial {
    /// The state with the article is saved: add it.
    Saved,
    /// Storage refused for another reason than space (it is blocked, say): add it anyway; the save
    /// notice will say that nothing is saved.
    Unsaved(String),
}

/// Saves the state as it will be with `article` added, before anything changes, so that an article
/// too large for the browser's storage is refused instead of being lost on the next save. On a full
/// storage the message says how large the article and the saved work are, and nothing was written.
pub fn save_adding(workspace: &Workspace, article: &Article) -> Result<Trial, String> {
    let trial = stored::encode_adding(workspace, article);
    match storage::write(storage::STATE_KEY, &trial) {
        Ok(()) => Ok(Trial::Saved),
        Err(storage::Refused::Full) => Err(full_message(
            storage::units(&article.text),
            storage::used().unwrap_or(0),
        )),
        Err(storage::Refused::Other(why)) => Ok(Trial::Unsaved(why)),
    }
}

/// The message for an article of `article` units that does not fit beside `saved` units.
pub fn full_message(article: usize, saved: usize) -> String {
    format!(
        "This browser's storage is full: the article ({}) does not fit beside your work ({} saved). \
         Nothing was added. Delete an article you added, or download your work first.",
        size(article),
        size(saved)
    )
}

/// A size in the quota's units (UTF-16 code units, one per character of most texts): below 1 MB in
/// KB, rounded up so that it is never 0; above, in MB to the nearest tenth.
pub fn size(units: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if units < MB {
        format!("{} KB", units.div_ceil(KB).max(1))
    } else {
        let tenths = (units * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
