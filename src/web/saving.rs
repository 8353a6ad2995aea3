//! The save protocol ([`crate::domain::state::saving`]) on this page's localStorage: the page's one
//! [`Saves`], and the browser events it listens to (another tab's save; the page being hidden or left).

use super::clock;
use super::storage::LocalStorage;
use crate::domain::model::article::Article;
use crate::domain::state::saving::{self, ImportRefusal, Saves, Trial};
use crate::domain::state::session::{Session, SessionAction};
use crate::domain::state::workspace::Workspace;
use gloo_events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    static SAVES: RefCell<Saves> = RefCell::new(Saves::default());
}

/// Runs `work` on the page's [`Saves`] and its localStorage.
fn with_saves<T>(work: impl FnOnce(&mut Saves, &mut LocalStorage) -> T) -> T {
    SAVES.with(|saves| work(&mut saves.borrow_mut(), &mut LocalStorage))
}

/// The session to start with, from what localStorage keeps (see [`saving::load_session`]).
pub fn load_session() -> Session {
    let (session, saves) = saving::load_session(&mut LocalStorage, clock::now());
    SAVES.with(|s| *s.borrow_mut() = saves);
    session
}

/// Writes the workspace with its stamp for other tabs; nothing when storage holds it already.
pub fn save(ws: &Workspace) -> Result<(), String> {
    with_saves(|saves, store| saves.save(store, ws))
}

/// Saves the workspace after a change; what to tell the session, if anything (see
/// [`Saves::autosave`]).
pub fn autosave(session: &Session) -> Option<SessionAction> {
    with_saves(|saves, store| saves.autosave(store, session))
}

/// Saves the classroom; what to tell the session if that failed.
pub fn save_classroom(session: &Session) -> Option<SessionAction> {
    saving::save_classroom(&mut LocalStorage, session)
}

/// Saves the suggestion choices; what to tell the session if that failed.
pub fn save_suggestions(session: &Session) -> Option<SessionAction> {
    saving::save_suggestions(&mut LocalStorage, session)
}

/// Saves the label mapping; what to tell the session if that failed.
pub fn save_labels(session: &Session) -> Option<SessionAction> {
    saving::save_labels(&mut LocalStorage, session)
}

/// Saves the state as the offered import leaves it, before it is carried out (see
/// [`saving::try_importing`]).
pub fn try_importing(session: &Session, replace: bool) -> Result<Trial, ImportRefusal> {
    saving::try_importing(&mut LocalStorage, session, replace)
}

/// Saves the state with `article` added, before it is added (see [`saving::try_adding`]).
pub fn try_adding(session: &Session, article: &Article) -> Result<Trial, String> {
    saving::try_adding(&mut LocalStorage, session, article)
}

/// Hands `on` what to do each time another tab of the app changes localStorage (the `storage` event,
/// which fires only in the other tabs). Listens while the returned listener is kept.
pub fn on_other_tabs(on: impl Fn(SessionAction) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // `None`: the whole storage was cleared.
        let key = event.key();
        if let Some(action) =
            with_saves(|saves, store| saves.on_storage_event(store, key.as_deref()))
        {
            on(action);
        }
    }))
}

/// Calls `save` when the page is hidden or left (`pagehide`, or `visibilitychange` to hidden), when
/// the save after the next paint would never come. Listens while the returned listeners are kept.
pub fn on_leave(save: impl Fn() + Clone + 'static) -> [Option<EventListener>; 2] {
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let on_hide = {
        let save = save.clone();
        window.map(|w| EventListener::new(&w, "pagehide", move |_| save()))
    };
    let on_hidden = document.map(|d| {
        let hidden = d.clone();
        EventListener::new(&d, "visibilitychange", move |_| {
            if hidden.hidden() {
                save();
            }
        })
    });
    [on_hide, on_hidden]
}

/// Saves `session` at once as the page is left, unless it changed nothing or storage holds it.
pub fn save_on_leave(session: &Session) {
    with_saves(|saves, store| saves.save_on_leave(store, session));
}

/// Saves the sync settings and replica; what to tell the session if that failed.
pub fn save_sync(session: &Session) -> Option<SessionAction> {
    saving::save_sync(&mut LocalStorage, session)
}
