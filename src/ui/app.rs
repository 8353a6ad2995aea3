//! The app shell: owns the session reducer, saves after every change, listens for shortcuts and dropped
//! files, and lays out the panels.

use super::annotation_list::AnnotationList;
use super::article_list::ArticleList;
use super::article_view::ArticleView;
use super::detail::Detail;
use super::header::Header;
use super::import_dialog::ImportDialog;
use super::keys::{shortcut, Shortcut};
use super::notices::Notices;
use super::persistence;
use super::shared::SharedSession;
use super::tag_toolbar::TagToolbar;
use crate::domain::native_format::{export_file_name, export_json};
use crate::domain::session::{Notice, Session, SessionAction};
use crate::domain::workspace::Action;
use crate::web::{clock, download, files, selection};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads each file and hands its text to the session, which plans the import.
fn read_files(list: Vec<web_sys::File>, dispatch: Callback<SessionAction>) {
    for file in list {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match files::read_text(&file).await {
                Ok(text) => dispatch.emit(SessionAction::ReadFile {
                    file_name: file.name(),
                    text,
                }),
                Err(e) => dispatch.emit(SessionAction::Notify(Notice::Error(e))),
            }
        });
    }
}

/// Whether a key event comes from a field where typing must not trigger shortcuts.
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let shared = use_reducer(|| SharedSession::new(persistence::load_session()));
    let dispatch = {
        let dispatcher = shared.dispatcher();
        use_callback((), move |action: SessionAction, _| {
            dispatcher.dispatch(action)
        })
    };

    // Save after every change to the workspace (not on start: nothing changed yet). The write waits for
    // the next task, so the edit is painted first; edits in between are saved together.
    let save_scheduled = use_mut_ref(|| false);
    {
        let cell = shared.cell();
        let dispatch = dispatch.clone();
        let revision = shared.get().workspace.revision();
        use_effect_with(revision, move |revision| {
            if *revision > 0 && !*save_scheduled.borrow() {
                *save_scheduled.borrow_mut() = true;
                gloo_timers::callback::Timeout::new(0, move || {
                    *save_scheduled.borrow_mut() = false;
                    let report = cell.try_borrow().ok().and_then(|session| {
                        if !session.saving_allowed() {
                            return None;
                        }
                        let result = persistence::save(&session.workspace);
                        (result.is_err() != session.save_failed.is_some()).then_some(result)
                    });
                    if let Some(result) = report {
                        dispatch.emit(SessionAction::Saved(result));
                    }
                })
                .forget();
            }
        });
    }

    // Keyboard shortcuts for the whole page.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    EventListener::new(&document, "keydown", move |event| {
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
                                dispatch.emit(SessionAction::SelectText(None));
                                dispatch.emit(SessionAction::Select(None));
                            }
                            Shortcut::Tag(label) => {
                                dispatch.emit(SessionAction::Tag {
                                    label,
                                    id: clock::new_id(),
                                    at: clock::now(),
                                });
                                selection::clear();
                            }
                        }
                    })
                });
            move || drop(listener)
        });
    }

    #[cfg(feature = "bench")]
    {
        let cell = shared.cell();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            crate::web::bench::expose(cell);
            if let Some(url) = crate::web::bench::fixture_url() {
                wasm_bindgen_futures::spawn_local(async move {
                    let fetched = crate::web::bench::fetch_text(&url).await;
                    crate::web::bench::mark("news-annotator:fixture-fetched");
                    let loaded =
                        fetched.and_then(|json| crate::domain::bench_fixture::parse_fixture(&json));
                    crate::web::bench::mark("news-annotator:fixture-parsed");
                    crate::web::bench::mark("news-annotator:dispatch");
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

    let on_export = {
        let cell = shared.cell();
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            let now = clock::now();
            let Ok(json) = cell.try_borrow().map(|s| export_json(&s.workspace, now)) else {
                return;
            };
            if let Err(e) =
                download::download_text(&export_file_name(now), "application/json", &json)
            {
                dispatch.emit(SessionAction::Notify(Notice::Error(e)));
            }
        })
    };
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |list: Vec<web_sys::File>| read_files(list, dispatch.clone()))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            on_files.emit(files::files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };

    let session = shared.get();
    let session: &Session = &session;
    let ws = &session.workspace;
    let article = ws.article(&session.current).cloned();
    let annotations = ws.in_article(&session.current);
    html! {
        <div class="app" {ondragover} {ondrop}>
            <Header
                undo={ws.next_undo().map(AttrValue::from)}
                redo={ws.next_redo().map(AttrValue::from)}
                total={ws.len()}
                dispatch={dispatch.clone()}
                {on_export}
                {on_files}
            />
            <Notices
                notice={session.notice.clone()}
                storage_problem={session.storage_problem.clone()}
                save_failed={session.save_failed.clone().map(AttrValue::from)}
                dispatch={dispatch.clone()}
            />
            <main class="layout">
                <ArticleList
                    articles={ws.articles().iter().map(|a| (Rc::clone(a), ws.counts(&a.id))).collect::<Vec<_>>()}
                    current={session.current.clone()}
                    dispatch={dispatch.clone()}
                />
                if let Some(article) = article.clone() {
                    <ArticleView
                        article={article}
                        annotations={Rc::clone(&annotations)}
                        selected={session.selected.clone()}
                        dispatch={dispatch.clone()}
                    />
                }
                <aside class="side" data-testid="annotation-list" aria-label="Annotations of this article">
                    if let (Some(selected), Some(article)) = (session.selected_annotation(), article.clone()) {
                        <Detail
                            annotation={Rc::clone(selected)}
                            article={Rc::clone(&article)}
                            here={session.here.iter().filter_map(|id| ws.annotation(id).cloned()).collect::<Vec<_>>()}
                            dispatch={dispatch.clone()}
                        />
                    }
                    if let Some(article) = article {
                        <AnnotationList
                            {article}
                            annotations={Rc::clone(&annotations)}
                            selected={session.selected.clone()}
                            dispatch={dispatch.clone()}
                        />
                    }
                </aside>
            </main>
            if let Some(pending) = session.pending {
                <TagToolbar {pending} dispatch={dispatch.clone()} />
            }
            if let Some(import) = session.import.clone() {
                <ImportDialog {import} dispatch={dispatch.clone()} />
            }
        </div>
    }
}
