//! Two tabs of the app on one saved state: each save carries a stamp, and a `storage` event (another
//! tab saved) merges that tab's state into this one (`domain::sync`).
//!
//! What this tab knows of the states it read and wrote (the [`Lineage`]) lives here, beside the save
//! that feeds it. After a merge the workspace's revision goes up and autosave writes the merged state
//! back, unless it is what the other tab saved already, so the tabs converge without ping-pong.

use super::bridge::Dispatch;
use crate::domain::bundled::bundled_articles;
use crate::domain::session::{Notice, Session, SessionAction};
use crate::domain::stored;
use crate::domain::sync::{Lineage, Snapshot, Stamp};
use crate::domain::workspace::Workspace;
use crate::web::{clock, storage};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static LINEAGE: RefCell<Lineage> = RefCell::new(Lineage::default());
}

/// At start: `ws` was restored from the saved text `raw`; `clean` when nothing was left out or moved,
/// so that storage holds exactly it.
pub fn start(ws: &Workspace, raw: &str, clean: bool) {
    let stamp = Stamp::of_state(stamp_text().as_deref(), raw);
    let lineage = Lineage::start(Snapshot::of(ws), stamp, clean);
    LINEAGE.with(|l| *l.borrow_mut() = lineage);
}

/// Saves the workspace: first its stamp (so that a tab that sees the new state finds the stamp that
/// belongs to it), then the state. Writes nothing when storage holds this state already.
pub fn save(ws: &Workspace) -> Result<(), String> {
    let state = Snapshot::of(ws);
    if LINEAGE.with(|l| l.borrow().is_stored(&state)) {
        return Ok(());
    }
    let text = stored::encode(ws);
    let stamp = Stamp {
        rev: clock::new_id().as_str().to_owned(),
        seen: LINEAGE.with(|l| l.borrow().seen().to_owned()),
        len: text.len(),
    };
    // A stamp that cannot be written leaves the old one, whose length does not match: the other tab
    // then merges from the last state it read, which loses nothing.
    let _ = storage::write(storage::STAMP_KEY, &stamp.encode());
    storage::save(storage::STATE_KEY, &text)?;
    LINEAGE.with(|l| l.borrow_mut().wrote(stamp.rev, Rc::new(state)));
    Ok(())
}

fn stamp_text() -> Option<String> {
    storage::load(storage::STAMP_KEY).ok().flatten()
}

/// What to do about the saved state as it is now, after a `storage` event for the state or (`stamp`)
/// for its stamp: merge it, report that it cannot be read, or nothing (this tab wrote it or merged it
/// already, or it is gone). The stamp's own event matters when another tab saves a state equal to the
/// one saved already: the state's value does not change, so only the stamp's event fires.
fn on_storage_change(stamp_event: bool) -> Option<SessionAction> {
    let Ok(Some(text)) = storage::load(storage::STATE_KEY) else {
        LINEAGE.with(|l| l.borrow_mut().forget_stored());
        return None;
    };
    let stamp = Stamp::of_state(stamp_text().as_deref(), &text);
    if stamp_event && stamp.is_none() {
        // A new stamp whose state has not arrived yet: its own event follows.
        return None;
    }
    if stamp
        .as_ref()
        .is_some_and(|s| LINEAGE.with(|l| l.borrow().knows(s)))
    {
        return None;
    }
    let theirs = match stored::decode(&text, bundled_articles().unwrap_or_default()) {
        Ok(restored) => Rc::new(Snapshot::of(&restored.workspace)),
        Err(e) => {
            return Some(SessionAction::Notify(Notice::Error(format!(
            "Another tab saved work that this tab cannot read ({e}), so it was not merged here. \
                 Reload this tab to see it; download your work first if you need it."
        ))))
        }
    };
    let base = LINEAGE.with(|l| {
        let mut lineage = l.borrow_mut();
        let base = lineage.base_for(stamp.as_ref());
        lineage.read(stamp, Rc::clone(&theirs));
        base
    });
    Some(SessionAction::FromOtherTab { base, theirs })
}

/// Listens for other tabs' saves (the `storage` event, which fires only in the other tabs) and merges
/// them into the session.
#[hook]
pub fn use_tab_sync(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                // `None`: the whole storage was cleared.
                let key = event.key();
                let stamp_event = key.as_deref() == Some(storage::STAMP_KEY);
                if key.is_some_and(|k| k != storage::STATE_KEY) && !stamp_event {
                    return;
                }
                if let Some(action) = on_storage_change(stamp_event) {
                    dispatch.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// Whether this tab's session may be saved now (used when the page is left).
pub fn may_save(session: &Session) -> bool {
    session.saving_allowed() && session.workspace.revision() > 0
}
