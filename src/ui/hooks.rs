//! The app's effects as hooks: opening an exercise link, page-wide keyboard shortcuts, and the
//! benchmark's fixture loader (saving is `saving.rs`).

use super::bridge::Dispatch;
use crate::domain::offload::FileContent;
use crate::domain::state::keys::{shortcut, Shortcut, SuggestionKey};
use crate::domain::state::session::{Notice, Session, SessionAction, SuggestionAction};
use crate::domain::state::workspace::Action;
use crate::web::{clock, selection};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Opens the exercise in the page's link, if it has one (`#exercise=…`), as a file read from it.
#[hook]
pub fn use_exercise_link(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let Some(payload) = crate::web::exercise_link::take_payload() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let file_name = "The exercise link".to_owned();
            match crate::web::exercise_link::unpack(&payload).await {
                Ok(bytes) => dispatch.emit(SessionAction::ReadFile {
                    file_name,
                    content: FileContent::Bytes(bytes),
                    at: clock::now(),
                }),
                Err(e) => dispatch.emit(SessionAction::Notify(Notice::Error(format!(
                    "{file_name} could not be opened: {e}."
                )))),
            }
        });
    });
}

/// Whether a key event comes from a field where typing must not trigger shortcuts.
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The session's action for a suggestion key.
pub fn suggestion_action(key: SuggestionKey) -> SessionAction {
    match key {
        SuggestionKey::Next => SessionAction::Suggestions(SuggestionAction::Step(true)),
        SuggestionKey::Previous => SessionAction::Suggestions(SuggestionAction::Step(false)),
        SuggestionKey::Reject => SessionAction::Suggestions(SuggestionAction::RejectCurrent),
        SuggestionKey::Accept => SessionAction::AcceptSuggestions {
            kind: None,
            id: clock::new_id(),
            at: clock::now(),
        },
    }
}

/// Listens for the keyboard shortcuts on the whole page (see [`crate::domain::state::keys`]).
#[hook]
pub fn use_shortcuts(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                // Not passive: a shortcut must be able to stop the browser's own action (Ctrl+Z, typing).
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if typing_in_field(event) {
                        return;
                    }
                    let ctrl = event.ctrl_key() || event.meta_key();
                    let Some(action) =
                        shortcut(&event.key(), ctrl, event.shift_key(), event.alt_key())
                    else {
                        return;
                    };
                    event.prevent_default();
                    match action {
                        Shortcut::Undo => dispatch.emit(SessionAction::Edit(Action::Undo)),
                        Shortcut::Redo => dispatch.emit(SessionAction::Edit(Action::Redo)),
                        Shortcut::Escape => {
                            selection::clear();
                            // Stops picking a source if that is under way, else closes as before.
                            dispatch.emit(SessionAction::Escape);
                        }
                        Shortcut::Suggestion(key) => dispatch.emit(suggestion_action(key)),
                        Shortcut::Find => {
                            dispatch.emit(SessionAction::ShowFind(true));
                            super::find_panel::focus_query();
                        }
                        Shortcut::Tag(label) => {
                            // Before the article changes: clearing a selection makes the browser lay
                            // the page out, which is free now and would cost a layout after the edit.
                            selection::clear();
                            dispatch.emit(SessionAction::Tag {
                                label,
                                id: clock::new_id(),
                                at: clock::now(),
                            });
                        }
                    }
                })
            });
        move || drop(listener)
    });
}

/// In the `bench` build: exposes the timing hooks and loads the fixture named in the URL. Elsewhere it
/// does nothing.
#[cfg(not(feature = "bench"))]
#[hook]
pub fn use_bench_fixture(_cell: Rc<RefCell<Session>>, _dispatch: Dispatch) {}

/// In the `bench` build: exposes the timing hooks and loads the fixture named in the URL.
#[cfg(feature = "bench")]
#[hook]
pub fn use_bench_fixture(cell: Rc<RefCell<Session>>, dispatch: Dispatch) {
    use crate::domain::state::session::Notice;
    use crate::web::bench;
    use_effect_with((), move |_| {
        bench::expose(cell);
        if let Some(url) = bench::fixture_url() {
            wasm_bindgen_futures::spawn_local(async move {
                let fetched = bench::fetch_text(&url).await;
                bench::mark("news-annotator:fixture-fetched");
                let loaded = fetched
                    .and_then(|json| crate::domain::files::bench_fixture::parse_fixture(&json));
                bench::mark("news-annotator:fixture-parsed");
                dispatch.emit(match loaded {
                    Ok((article, annotations)) => SessionAction::AddArticle {
                        article,
                        annotations,
                    },
                    Err(e) => SessionAction::Notify(Notice::Error(e)),
                });
            });
        }
    });
}
