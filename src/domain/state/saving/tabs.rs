//! Tabs of the app on one saved state: each save carries a stamp, and another tab's save (a storage
//! event) is merged into this tab's session ([`crate::domain::state::sync`]), with its graves.
//!
//! What this tab knows of the states it read and wrote (the [`Lineage`]) lives in [`Saves`], beside the
//! save that feeds it. After a merge the workspace's revision goes up and autosave writes the merged
//! state back, unless it is what the other tab saved already, so the tabs converge without ping-pong.

use super::{changed_and_allowed, error, save, Store, STAMP_KEY, STATE_KEY};
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::stored;
use crate::domain::state::session::{Session, SessionAction};
use crate::domain::state::sync::{Lineage, Stamp};
use crate::domain::state::workspace::Snapshot;
use crate::domain::state::workspace::Workspace;
use std::rc::Rc;

/// What one tab knows of the saved state: the states it read and wrote, and whether storage holds its
/// workspace already. One per page.
#[derive(Debug, Default)]
pub struct Saves {
    lineage: Lineage,
}

impl Saves {
    /// At start: `ws` was restored from the saved text `raw`; `clean` when nothing was left out or
    /// moved, so that storage holds exactly it.
    pub fn start(store: &impl Store, ws: &Workspace, raw: &str, clean: bool) -> Saves {
        let stamp = Stamp::of_state(stamp_text(store).as_deref(), raw);
        Saves {
            lineage: Lineage::start(Snapshot::of(ws), stamp, clean),
        }
    }

    /// Saves the workspace: first its stamp (so that a tab that sees the new state finds the stamp that
    /// belongs to it), then the state. Writes nothing when storage holds this state already.
    pub fn save(&mut self, store: &mut impl Store, ws: &Workspace) -> Result<(), String> {
        let state = Snapshot::of(ws);
        if self.lineage.is_stored(&state) {
            return Ok(());
        }
        let text = stored::encode(ws);
        let stamp = Stamp {
            rev: store.new_revision(),
            seen: self.lineage.seen().to_owned(),
            len: text.len(),
        };
        // A stamp that cannot be written leaves the old one, whose length does not match: the other tab
        // then merges from the last state it read, which loses nothing.
        let _ = store.write(STAMP_KEY, &stamp.encode());
        save(store, STATE_KEY, &text)?;
        self.lineage.wrote(stamp.rev, Rc::new(state));
        Ok(())
    }

    /// Saves the workspace after a change (not while unreadable saved data could not be set aside).
    /// Returns [`SessionAction::Saved`] when the save failed or worked again after failing, so that
    /// the person is told when that changes, and only then.
    pub fn autosave(&mut self, store: &mut impl Store, session: &Session) -> Option<SessionAction> {
        if !session.saving_allowed() {
            return None;
        }
        let result = self.save(store, &session.workspace);
        (result.is_err() != session.save_failed.is_some()).then_some(SessionAction::Saved(result))
    }

    /// Saves at once when the page is hidden or left, as autosave would after the next paint (which
    /// never comes then); nothing for a session that changed nothing.
    pub fn save_on_leave(&mut self, store: &mut impl Store, session: &Session) {
        if changed_and_allowed(session) {
            let _ = self.save(store, &session.workspace);
        }
    }

    /// What to do after another tab changed `key` in the store (`None`: it cleared the store): merge
    /// the saved state, report that it cannot be read, or nothing (another key; this tab wrote or
    /// merged that state already; it is gone).
    ///
    /// The stamp's own event matters when another tab saves a state equal to the one saved already:
    /// the state's value does not change, so only the stamp's event comes.
    pub fn on_storage_event(
        &mut self,
        store: &impl Store,
        key: Option<&str>,
    ) -> Option<SessionAction> {
        let stamp_event = key == Some(STAMP_KEY);
        if key.is_some_and(|k| k != STATE_KEY) && !stamp_event {
            return None;
        }
        let Ok(Some(text)) = store.load(STATE_KEY) else {
            self.lineage.forget_stored();
            return None;
        };
        let stamp = Stamp::of_state(stamp_text(store).as_deref(), &text);
        if stamp_event && stamp.is_none() {
            // A new stamp whose state has not arrived yet: its own event follows.
            return None;
        }
        if stamp.as_ref().is_some_and(|s| self.lineage.knows(s)) {
            return None;
        }
        let theirs = match stored::decode(&text, bundled_articles().unwrap_or_default()) {
            Ok(restored) => Rc::new(Snapshot::of(&restored.workspace)),
            Err(e) => {
                return Some(error(format!(
                    "Another tab saved work that this tab cannot read ({e}), so it was not merged \
                     here. Reload this tab to see it; download your work first if you need it."
                )))
            }
        };
        let base = self.lineage.base_for(stamp.as_ref());
        self.lineage.read(stamp, Rc::clone(&theirs));
        Some(SessionAction::FromOtherTab { base, theirs })
    }
}

/// The stamp text in the store, if it can be read.
fn stamp_text(store: &impl Store) -> Option<String> {
    store.load(STAMP_KEY).ok().flatten()
}
