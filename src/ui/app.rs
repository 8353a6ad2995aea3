//! The app shell: owns the session reducer, saves after every change, listens for shortcuts and dropped
//! files, and lays out the panels.

use super::add_article_dialog::AddArticleDialog;
use super::annotation_list::AnnotationList;
use super::article_list::{article_list, ArticleListProps};
use super::article_view::ArticleView;
use super::bridge::{Dispatch, Ptr};
use super::classroom::live::{use_follow_class, use_hand_in};
use super::classroom_view::ClassroomView;
use super::detail::detail;
use super::entities::Target;
use super::entities_view::EntitiesView;
use super::exercise_banner::{exercise_banner, ExerciseBannerProps};
use super::export_dialog::ExportDialog;
use super::find_panel::FindPanel;
use super::header::{header, HeaderProps, View};
use super::hooks::{use_bench_fixture, use_exercise_link, use_shortcuts};
use super::import_dialog::{import_dialog, ImportDialogProps};
use super::notices::{live_region, notices, NoticesProps};
use super::offloaded::{use_file_reading, use_worker_prefetch};
use super::outlets_view::OutletsView;
use super::painter::Painter;
use super::saving::{use_save_on_leave, use_saves, use_tab_sync};
use super::shared::SharedSession;
use super::suggestions::{
    layer_marks, request, suggestion_bar, use_suggestion_hover, use_suggestion_layer,
    use_suggestions,
};
use super::sync::{sync_button, use_replication, SyncDialog};
use super::tag_toolbar::{tag_toolbar, TagToolbarProps};
use super::who_said_what::who_said_what;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::{file_name, Format};
use crate::domain::offload::read::grouped;
use crate::domain::state::session::{ClassroomAction, Notice, Session, SessionAction};
use crate::web::{clock, download, dropped, files, saving, schedule, scroll};
use std::rc::Rc;
use yew::prelude::*;

/// Hands each picked or dropped file to the session as the browser's copy, which the web worker reads
/// (the page never copies a large file): to be imported, or opened if it is an exercise.
fn read_files(list: Vec<web_sys::File>, dispatch: &Dispatch) {
    read_named(list.into_iter().map(|f| (f.name(), f)).collect(), dispatch);
}

/// As [`read_files`], each file with its name or its path in a dropped folder; brat's `.txt` and
/// `.ann` files are read together as one ([`grouped`]).
fn read_named(list: Vec<(String, web_sys::File)>, dispatch: &Dispatch) {
    let mut named = Vec::with_capacity(list.len());
    for (name, file) in list {
        match files::kept(&file) {
            Ok(content) => named.push((name, content)),
            Err(e) => dispatch.emit(SessionAction::Notify(Notice::Error(e))),
        }
    }
    for (file_name, content) in grouped(named) {
        dispatch.emit(SessionAction::ReadFile {
            file_name,
            content,
            at: clock::now(),
        });
    }
}

/// Reads what was dropped: the files, or, when a folder is among them, every file inside it.
fn read_dropped(data: web_sys::DataTransfer, dispatch: &Dispatch) {
    let entries = dropped::entries(&data);
    if !dropped::has_folder(&entries) {
        return read_files(files::files_of(data.files()), dispatch);
    }
    let dispatch = dispatch.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match dropped::walk(entries).await {
            Ok(named) => read_named(named, &dispatch),
            Err(e) => dispatch.emit(SessionAction::Notify(Notice::Error(e))),
        }
    });
}

/// Reads each file and hands it to the teacher's class, whatever it holds.
fn read_submissions(list: Vec<web_sys::File>, dispatch: Dispatch) {
    for file in list {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.emit(match files::read_bytes(&file).await {
                Ok(bytes) => SessionAction::Classroom(ClassroomAction::Submit {
                    file_name: file.name(),
                    bytes,
                }),
                Err(e) => SessionAction::Notify(Notice::Error(e)),
            })
        });
    }
}

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let painter = use_memo((), |_| Painter::default());
    let shared = {
        let painter = (*painter).clone();
        use_reducer(move || SharedSession::new(saving::load_session(), painter))
    };
    // One callback for the page's life: the context never changes, so it redraws nothing.
    let dispatch = {
        let dispatcher = shared.dispatcher();
        Dispatch::new(use_callback((), move |action: SessionAction, _| {
            dispatcher.dispatch(action)
        }))
    };

    use_saves(shared.cell(), &shared.get(), dispatch.clone());
    use_replication(shared.cell(), shared.get().syncing_on(), dispatch.clone());
    use_hand_in(shared.cell(), shared.get().handing_in(), dispatch.clone());
    use_suggestions(shared.cell(), request(&shared.get()), dispatch.clone());
    use_suggestion_layer(layer_marks(&shared.get()), shared.cell());
    use_suggestion_hover(shared.cell());
    use_follow_class(shared.cell(), shared.get().following(), dispatch.clone());
    use_worker_prefetch();
    use_file_reading(
        shared.cell(),
        shared.get().reading.front().cloned(),
        shared.get().kept_files(),
        dispatch.clone(),
    );
    use_exercise_link(dispatch.clone());
    use_shortcuts(dispatch.clone());
    use_bench_fixture(shared.cell(), dispatch.clone());
    use_tab_sync(dispatch.clone());
    use_save_on_leave(shared.cell());
    // After the views' own effects (the painter has drawn the article, adopting the build's lines if
    // it could): the first screen the build wrote goes, in the task of the first render.
    use_effect_with((), |_| super::prerendered::remove());

    let on_export = {
        let cell = shared.cell();
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            let now = clock::now();
            let Ok(json) = cell.try_borrow().map(|s| export_json(&s.workspace, now)) else {
                return;
            };
            if let Err(e) = download::download_text(
                &file_name(Format::Native, now),
                Format::Native.mime(),
                &json,
            ) {
                dispatch.emit(SessionAction::Notify(Notice::Error(e)));
            }
        })
    };
    let exporting = use_state(|| false);
    let on_export_dialog = {
        let exporting = exporting.clone();
        Callback::from(move |()| exporting.set(true))
    };
    let close_export = {
        let exporting = exporting.clone();
        Callback::from(move |()| exporting.set(false))
    };
    // Kept across renders, so that the views taking them are not redrawn for nothing.
    let on_files = use_callback(dispatch.clone(), |list: Vec<web_sys::File>, dispatch| {
        read_files(list, dispatch)
    });
    let on_submissions = use_callback(dispatch.clone(), |list: Vec<web_sys::File>, dispatch| {
        read_submissions(list, dispatch.clone())
    });
    // Which view fills the page: the articles, or one of the views that compare across them.
    let view = use_state(|| View::Articles);
    let on_view = {
        let (view, dispatch) = (view.clone(), dispatch.clone());
        Callback::from(move |to: View| {
            dispatch.emit(SessionAction::SelectText(None));
            // The pressed button of the open view goes back to the articles.
            view.set(if *view == to { View::Articles } else { to });
        })
    };
    let on_open = {
        let (view, dispatch) = (view.clone(), dispatch.clone());
        Callback::from(move |t: Target| {
            view.set(View::Articles);
            dispatch.emit(SessionAction::Open(t.article));
            dispatch.emit(SessionAction::Select(t.annotation));
            schedule::after_next_paint(move || scroll::scroll_to_line(t.line));
        })
    };
    let sync_open = use_state(|| false);
    let on_sync = {
        let sync_open = sync_open.clone();
        Callback::from(move |_: MouseEvent| sync_open.set(true))
    };
    let close_sync = {
        let sync_open = sync_open.clone();
        Callback::from(move |()| sync_open.set(false))
    };
    let adding = use_state(|| false);
    let on_add = {
        let adding = adding.clone();
        Callback::from(move |()| adding.set(true))
    };
    let close_add = {
        let adding = adding.clone();
        Callback::from(move |()| adding.set(false))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(data) = e.data_transfer() {
                read_dropped(data, &dispatch);
            }
        })
    };

    let session = shared.get();
    let session: &Session = &session;
    let ws = &session.workspace;
    let syncing = session.syncing.as_deref();
    let article = ws.article(&session.current).cloned();
    let annotations = ws.in_article(&session.current);
    // The small, stateless parts are plain functions rather than components: each component costs
    // wasm size, and these are cheap to render with the app. An absent part is an empty node, never a
    // missing one: Yew matches unkeyed children by position, and a child that comes and goes would
    // shift its siblings and rebuild them (the article included).
    let header = header(
        &HeaderProps {
            undo: ws.next_undo().map(AttrValue::from),
            redo: ws.next_redo().map(AttrValue::from),
            total: ws.len(),
            on_export: on_export.clone(),
            on_export_dialog,
            on_files: on_files.clone(),
            view: *view,
            on_view,
            sync: sync_button(&session.sync_status, on_sync),
        },
        &dispatch,
    );
    let notices = notices(
        &NoticesProps {
            notice: session.notice.clone(),
            storage_problem: session.storage_problem.clone(),
            reading: session.reading.front().map(|r| {
                (
                    AttrValue::from(r.file_name.clone()),
                    r.content.size(),
                    session.reading.len() - 1,
                )
            }),
            save_failed: session.save_failed.clone().map(AttrValue::from),
            on_export,
        },
        &dispatch,
    );
    let articles: Vec<_> = ws
        .articles()
        .iter()
        .map(|a| (Rc::clone(a), ws.counts(&a.id)))
        .collect();
    let counts = articles
        .iter()
        .find(|(a, _)| a.id == session.current)
        .map_or([0; 3], |(_, counts)| *counts);
    let article_list = article_list(
        &ArticleListProps {
            articles,
            current: session.current.clone(),
            on_add,
        },
        &dispatch,
    );
    // The side panel's parts scan the open article; behind another view nobody sees them.
    let elsewhere = *view != View::Articles;
    let (detail, sources) = if elsewhere {
        (Html::default(), Html::default())
    } else {
        (
            detail(session, &dispatch),
            who_said_what(session, &dispatch),
        )
    };
    let banner = session.enrolment.clone().map(|enrolment| {
        let props = ExerciseBannerProps {
            enrolment,
            session: shared.workspace_view(),
        };
        exercise_banner(&props, &dispatch)
    });
    let linking = session.linking.as_ref().and_then(|id| ws.annotation(id));
    let linking = linking.map(|a| a.label.name().name());
    let tag_toolbar = session
        .pending
        .filter(|_| !elsewhere)
        .map(|pending| tag_toolbar(&TagToolbarProps { pending }, &dispatch));
    let session_refusal = session.import_refused.clone();
    let import_dialog = session.import.clone().map(|import| {
        let rereading = session.rereading();
        let session = shared.workspace_view();
        let props = ImportDialogProps {
            import,
            rereading,
            refused: session_refusal.clone(),
            session,
        };
        import_dialog(&props, &dispatch)
    });
    // Every component below sends its actions through this context (`bridge::use_dispatch`).
    html! {
        <ContextProvider<Dispatch> context={dispatch.clone()}>
            <div class="app" {ondragover} {ondrop}>
                {header}
                {live_region(session.announcement.as_ref())}
                {notices}
                {banner.unwrap_or_default()}
                <main class="layout" data-linking={linking} hidden={elsewhere}>
                    {article_list}
                    if let Some(article) = article.clone() {
                        <ArticleView
                            article={Ptr::from(article)}
                            annotations={Ptr::from(Rc::clone(&annotations))}
                            selected={session.selected.clone()}
                            painter={(*painter).clone()}
                        />
                    }
                    <aside class="side" data-testid="annotation-list" aria-label="Annotations of this article">
                        if session.finding {
                            <FindPanel session={shared.workspace_view()}
                                current={session.current.clone()} />
                        }
                        if session.suggesting.open {
                            {suggestion_bar(session, &dispatch)}
                        }
                        {detail}
                        {sources}
                        if let Some(article) = article {
                            <AnnotationList
                                article={Ptr::from(article)}
                                annotations={Ptr::from(Rc::clone(&annotations))}
                                {counts}
                                selected={session.selected.clone()}
                            />
                        }
                    </aside>
                    // Inside the landmark of the text it tags (it floats under the selection).
                    {tag_toolbar.unwrap_or_default()}
                </main>
                // The other views have a main landmark of their own (the articles' is hidden meanwhile).
                <main class="view" hidden={!elsewhere}>
                    if *view == View::Entities {
                        <EntitiesView session={shared.workspace_view()} on_open={on_open.clone()} />
                    }
                    if *view == View::Outlets {
                        <OutletsView session={shared.workspace_view()} {on_open} />
                    }
                    if *view == View::Classroom {
                        <ClassroomView session={shared.classroom_view()}
                            {on_files} {on_submissions} />
                    }
                </main>
                {import_dialog.unwrap_or_default()}
                if *adding {
                    <AddArticleDialog session={shared.workspace_view()} on_close={close_add} />
                }
                if *exporting {
                    <ExportDialog session={shared.workspace_view()} on_close={close_export} />
                }
                if *sync_open {
                    <SyncDialog server={syncing.map(|s| AttrValue::from(s.server.clone())).unwrap_or_default()}
                        db={syncing.map(|s| AttrValue::from(s.db.clone())).unwrap_or_default()}
                        on={session.syncing_on()} status={session.sync_status.words()}
                        signed_in={session.signed_in.clone().map(AttrValue::from)} on_close={close_sync} />
                }
            </div>
        </ContextProvider<Dispatch>>
    }
}
