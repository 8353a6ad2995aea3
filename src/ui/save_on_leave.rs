//! Crash safety: the pending save is written at once when the page is hidden or left (a reload, a
//! closed tab, a switch to another app), instead of after the next paint, which never comes then.

use super::persistence;
use super::tab_sync::may_save;
use crate::domain::session::Session;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Saves the workspace on `pagehide` and when the page becomes hidden, unless storage holds it
/// already. Nothing is saved for a session that changed nothing, as on any other path.
#[hook]
pub fn use_save_on_leave(cell: Rc<RefCell<Session>>) {
    use_effect_with((), move |_| {
        let flush = move || {
            if let Ok(session) = cell.try_borrow() {
                if may_save(&session) {
                    let _ = persistence::save(&session.workspace);
                }
            }
        };
        let window = web_sys::window();
        let document = window.as_ref().and_then(|w| w.document());
        let on_hide = {
            let flush = flush.clone();
            window.map(|w| EventListener::new(&w, "pagehide", move |_| flush()))
        };
        let on_hidden = document.map(|d| {
            let hidden = d.clone();
            EventListener::new(&d, "visibilitychange", move |_| {
                if hidden.hidden() {
                    flush();
                }
            })
        });
        move || drop((on_hide, on_hidden))
    });
}
