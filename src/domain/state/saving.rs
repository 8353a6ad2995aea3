//! The save protocol: what the app keeps in the browser's storage, under which keys, and the rules for
//! reading and writing it, over any [`Store`] (localStorage in the app, `web::storage`; a map in the
//! tests).
//!
//! - At start, [`load_session`] reads the saved workspace and classroom; data it cannot read is set
//!   aside under a key of its own and reported, never overwritten.
//! - After each change, [`Saves::autosave`] writes the workspace with a stamp for the other tabs of the
//!   app; [`Saves::on_storage_event`] turns another tab's save into a merge (`tabs.rs`).
//! - Before an own article is added, [`try_adding`] saves the state with it, so that an article too
//!   large for the storage is refused instead of lost (`adding.rs`).

use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Notice, Session, SessionAction};

mod adding;
mod classroom;
mod labels;
mod load;
mod suggestions;
mod sync;
mod tabs;
pub use adding::{full_message, size, try_adding, try_importing, ImportRefusal, Trial};
pub use classroom::save_classroom;
pub use labels::save_labels;
pub use load::load_session;
pub use suggestions::save_suggestions;
pub use sync::save_sync;
pub use tabs::Saves;

/// The key that holds the saved workspace.
pub const STATE_KEY: &str = "news-annotator/state";

/// The key that holds the stamp of the saved workspace (see [`crate::domain::state::sync::Stamp`]): which revision it
/// is and which state its tab had read, so that another tab merges it from the right base.
pub const STAMP_KEY: &str = "news-annotator/state-stamp";

/// The key that holds the classroom: a student's exercise and name, a teacher's exercise.
pub const CLASSROOM_KEY: &str = "news-annotator/classroom";

/// The localStorage key of the person's label mapping for imports.
pub const LABELS_KEY: &str = "news-annotator/label-map";

/// The localStorage key of the suggestion choices (shown or not, the rejected ones).
pub const SUGGESTIONS_KEY: &str = "news-annotator/suggestions";

/// The localStorage key of the sync settings and replica (no password).
pub const SYNC_KEY: &str = "news-annotator/sync";

/// Prefix of the keys that keep saved data this version could not read.
pub const UNREADABLE_PREFIX: &str = "news-annotator/unreadable/";

/// Why a write was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The origin's quota would be exceeded (`QuotaExceededError`).
    Full,
    /// Anything else (storage blocked, no window), in words.
    Other(String),
}

/// Where the app keeps its data: one store shared by all the app's tabs.
pub trait Store {
    /// The text stored under `key`, if any.
    fn load(&self, key: &str) -> Result<Option<String>, String>;
    /// Writes `value` under `key`, telling a full storage apart from other failures.
    fn write(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    /// What the app keeps, every key and value, as the quota counts it ([`units`]).
    fn used(&self) -> Result<usize, String>;
    /// How much the store takes in all, as the quota counts it, when known.
    fn capacity(&self) -> Option<usize>;
    /// A revision for a new saved state, unique across the tabs that share the store.
    fn new_revision(&mut self) -> String;
}

/// The size of a text as the browser's quota counts it: its UTF-16 code units.
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Writes `value` under `key`; fails with a message when the storage is full or blocked.
pub fn save(store: &mut impl Store, key: &str, value: &str) -> Result<(), String> {
    store.write(key, value).map_err(|refused| match refused {
        Refused::Full => format!(
            "the browser refused to save ({} KB): its storage for this site is full",
            units(value) / 1024
        ),
        Refused::Other(why) => why,
    })
}

/// Copies data that could not be read to a key of its own (named after `stamp`), so that nothing
/// overwrites it; returns that key.
pub fn keep_unreadable(store: &mut impl Store, raw: &str, stamp: &str) -> Result<String, String> {
    let key = format!("{UNREADABLE_PREFIX}{stamp}");
    save(store, &key, raw)?;
    Ok(key)
}

/// Sets aside `raw` data that could not be read (see [`keep_unreadable`], the key named after `now`)
/// and says where it went, for a notice: `it is kept under "…"` or `it could not be set aside: …`.
fn set_aside(store: &mut impl Store, raw: &str, now: Timestamp) -> String {
    keep_unreadable(store, raw, &now.to_string()).map_or_else(
        |why| format!("it could not be set aside: {why}"),
        |key| format!("it is kept under \"{key}\""),
    )
}

/// An error notice for the session.
fn error(text: String) -> SessionAction {
    SessionAction::Notify(Notice::Error(text))
}

/// Whether `session` may be saved: not while unreadable saved data could not be set aside, and not
/// before it changed anything (then storage holds what it started from).
fn changed_and_allowed(session: &Session) -> bool {
    session.saving_allowed() && session.workspace.revision() > 0
}

#[cfg(test)]
#[path = "../tests/saving.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/saving_tabs.rs"]
mod tabs_tests;

#[cfg(test)]
#[path = "../tests/saving_three_tabs.rs"]
mod three_tabs_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/saving_tabs_properties.rs"]
mod tabs_properties;

#[cfg(test)]
#[path = "../tests/saving_imports.rs"]
mod imports_tests;

#[cfg(test)]
#[path = "../tests/saving_sync.rs"]
mod sync_tests;
