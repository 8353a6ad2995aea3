//! The top bar: app name, undo and redo, download and load.

use crate::domain::rendering::first_screen::{
    DOWNLOAD_TITLE, EXPORT_TITLE, FIND_TITLE, LOAD_TITLE, SUGGEST_TITLE, VIEW_BUTTONS,
};
use crate::domain::state::session::{SessionAction, SuggestionAction};
use crate::domain::state::workspace::Action;
use crate::ui::bridge::Dispatch;
use crate::web::files::files_of;
use yew::prelude::*;

/// What [`header`] shows.
pub struct HeaderProps {
    /// What undo would revert, if anything.
    pub undo: Option<AttrValue>,
    /// What redo would re-apply, if anything.
    pub redo: Option<AttrValue>,
    /// Number of annotations in all articles.
    pub total: usize,
    /// Downloads all annotations as the app's own JSON.
    pub on_export: Callback<()>,
    /// Opens the export dialog (other formats, some articles or labels).
    pub on_export_dialog: Callback<()>,
    /// Loads picked files.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// The view that fills the page.
    pub view: View,
    /// Opens a view; the open view's button goes back to the articles.
    pub on_view: Callback<View>,
    /// The sync status button.
    pub sync: Html,
}

/// The views that fill the page: the articles, or one that looks across them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The article list, the open article and its annotations.
    Articles,
    /// The entity registry.
    Entities,
    /// Comparing outlets: quotes across articles, and who and what each covers.
    Outlets,
    /// A teacher's exercises and class.
    Classroom,
}

impl View {
    /// The views with a button in the top bar and its test id, in the order of
    /// [`VIEW_BUTTONS`] (their captions and what each opens).
    const BUTTONS: [(View, &'static str); 3] = [
        (View::Entities, "entities-toggle"),
        (View::Outlets, "outlets-toggle"),
        (View::Classroom, "classroom-toggle"),
    ];
}

/// The file types the picker offers: every format that can be imported.
const ACCEPT: &str = ".json,.jsonld,.jsonl,.ann,.txt,.zip,.conll,.iob,\
    application/json,application/ld+json,application/zip";

/// The top bar.
pub fn header(props: &HeaderProps, dispatch: &Dispatch) -> Html {
    let edit = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(SessionAction::Edit(action())))
    };
    let on_export = props.on_export.reform(|_: MouseEvent| ());
    let on_export_dialog = props.on_export_dialog.reform(|_: MouseEvent| ());
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_files.emit(files_of(input.files()));
            // Let the same file be picked again later.
            input.set_value("");
        })
    };
    let suggest =
        dispatch.reform(|_: MouseEvent| SessionAction::Suggestions(SuggestionAction::Open(true)));
    let find = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(SessionAction::ShowFind(true));
            super::find_panel::focus_query();
        })
    };
    let undo_title = props
        .undo
        .as_ref()
        .map_or("Nothing to undo".into(), |s| format!("Undo: {s} (Ctrl+Z)"));
    let redo_title = props.redo.as_ref().map_or("Nothing to redo".into(), |s| {
        format!("Redo: {s} (Ctrl+Shift+Z or Ctrl+Y)")
    });
    let views = View::BUTTONS
        .iter()
        .zip(VIEW_BUTTONS)
        .map(|(&(view, id), (caption, title))| {
            let open = props.view == view;
            html! {
                <button data-testid={id} onclick={props.on_view.reform(move |_: MouseEvent| view)}
                    aria-pressed={open.to_string()} class={classes!(open.then_some("pressed"))}
                    title={if open { "Back to the articles" } else { title }}>
                    {caption}
                </button>
            }
        });
    html! {
        <header class="topbar">
            <h1>{"News Annotator"}</h1>
            <div class="actions" role="toolbar" aria-label="Edit and files">
                {for views}
                <button data-testid="undo" onclick={edit(|| Action::Undo)} disabled={props.undo.is_none()} title={undo_title}>
                    {"↶ Undo"}
                </button>
                <button data-testid="redo" onclick={edit(|| Action::Redo)} disabled={props.redo.is_none()} title={redo_title}>
                    {"↷ Redo"}
                </button>
                <button data-testid="find-open" onclick={find} title={FIND_TITLE}>{"Find…"}</button>
                <button data-testid="suggestions-open" onclick={suggest} title={SUGGEST_TITLE}>{"Suggest…"}</button>
                <button data-testid="export" onclick={on_export} title={DOWNLOAD_TITLE}>
                    {format!("Download JSON ({})", props.total)}
                </button>
                <button data-testid="export-open" onclick={on_export_dialog} title={EXPORT_TITLE}>
                    {"Export…"}
                </button>
                <label class="button" title={LOAD_TITLE}>
                    {"Load file…"}
                    <input type="file" accept={ACCEPT} multiple=true data-testid="import-file" class="visually-hidden" {onchange} />
                </label>
                {props.sync.clone()}
            </div>
        </header>
    }
}
