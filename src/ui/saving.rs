//! Saving as hooks: when the app saves (after the paint that follows a change, as the page is left) and
//! what it hands the session back. The rules are [`crate::domain::state::saving`], the browser calls
//! [`crate::web::saving`]; these hooks only wire them to the app's life.

use super::bridge::Dispatch;
use crate::domain::state::session::{Session, SessionAction};
use crate::web::saving;
use crate::web::schedule::after_next_paint;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Runs `save` once after the next paint following a change of `revision` (not on start: nothing
/// changed yet). Changes made before that paint are saved together, so typing writes once per frame
/// at most and saving never delays what the person sees.
#[hook]
fn use_save_after_paint(revision: u64, save: impl Fn() + 'static) {
    let scheduled = use_mut_ref(|| false);
    let save = Rc::new(save);
    use_effect_with(revision, move |revision| {
        if *revision == 0 || *scheduled.borrow() {
            return;
        }
        *scheduled.borrow_mut() = true;
        after_next_paint(move || {
            *scheduled.borrow_mut() = false;
            save();
        });
    });
}

/// Saves each part of the session under its key after a paint whenever it changed: the workspace
/// (a failed or recovered save reported only when that status changes), the classroom, the label
/// mapping, the suggestion choices, and last the sync settings and replica (after the workspace's
/// save, so that the replica never runs ahead of the saved workspace).
#[hook]
pub fn use_saves(cell: Rc<RefCell<Session>>, session: &Session, dispatch: Dispatch) {
    let (ws, classroom) = (session.workspace.revision(), session.classroom_revision);
    use_save(Rc::clone(&cell), ws, dispatch.clone(), saving::autosave);
    use_save(
        Rc::clone(&cell),
        classroom,
        dispatch.clone(),
        saving::save_classroom,
    );
    let (labels, suggestions) = (session.labels_revision, session.suggestions_revision);
    use_save(
        Rc::clone(&cell),
        labels,
        dispatch.clone(),
        saving::save_labels,
    );
    use_save(
        Rc::clone(&cell),
        suggestions,
        dispatch.clone(),
        saving::save_suggestions,
    );
    use_save(cell, session.sync_revision, dispatch, saving::save_sync);
}

/// Writes one part of the session; what to tell the session if that failed.
type Save = fn(&Session) -> Option<SessionAction>;

/// Saves one part with `save` after a paint whenever its `revision` changes.
#[hook]
fn use_save(cell: Rc<RefCell<Session>>, revision: u64, dispatch: Dispatch, save: Save) {
    use_save_after_paint(revision, move || {
        let report = cell.try_borrow().ok().and_then(|s| save(&s));
        if let Some(action) = report {
            dispatch.emit(action);
        }
    });
}

/// Merges what other tabs of the app save into the session.
#[hook]
pub fn use_tab_sync(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener = saving::on_other_tabs(move |action| dispatch.emit(action));
        move || drop(listener)
    });
}

/// Crash safety: the pending save is written at once when the page is hidden or left (a reload, a
/// closed tab, a switch to another app), instead of after the next paint, which never comes then.
#[hook]
pub fn use_save_on_leave(cell: Rc<RefCell<Session>>) {
    use_effect_with((), move |_| {
        let listeners = saving::on_leave(move || {
            if let Ok(session) = cell.try_borrow() {
                saving::save_on_leave(&session);
            }
        });
        move || drop(listeners)
    });
}
