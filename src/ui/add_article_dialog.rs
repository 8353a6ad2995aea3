//! The "Add article" dialog: the person pastes text or loads a `.txt`, `.md` or `.html` file, sees the
//! first lines of the text the article will have and its length, gives it a title, and adds it. The
//! article is tried in storage first ([`crate::domain::state::saving::try_adding`]): when it does not fit, the
//! dialog says so and nothing changes.

use super::bridge::{use_dispatch, SessionView};
use super::offloaded::waiting;
use crate::domain::features::own_text::{
    extract_but_markdown, finish, from_paste, source_of, suggest_title, Extracted,
    MAX_ARTICLE_BYTES,
};
use crate::domain::model::article::Article;
use crate::domain::model::names::ArticleId;
use crate::domain::offload::{Answer, Job, UNEXPECTED_ANSWER};
use crate::domain::state::session::SessionAction;
use crate::domain::state::workspace::Action;
use crate::web::{clock, files, html_text, offload, saving};
use std::rc::Rc;
use yew::prelude::*;

/// The file types the picker offers.
const ACCEPT: &str =
    ".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html";

/// Files larger than this are refused before being read: even HTML this large holds more text than
/// an article may have.
const MAX_FILE_BYTES: f64 = (MAX_ARTICLE_BYTES * 8) as f64;

/// How many lines of the text the preview shows, and how many characters of each.
const PREVIEW_LINES: usize = 8;
const PREVIEW_CHARS: usize = 160;

/// What [`AddArticleDialog`] shows.
#[derive(Properties, PartialEq)]
pub struct AddArticleDialogProps {
    /// The page's session, read when the article is added.
    pub session: SessionView,
    /// Closes the dialog.
    pub on_close: Callback<()>,
}

/// Where the text comes from, and what came of it.
#[derive(Clone, PartialEq)]
enum Source {
    /// Nothing pasted or loaded yet.
    Empty,
    /// A Markdown file being reduced to its text in the web worker.
    Reducing(String),
    /// Text for the article, with what the dialog shows about it.
    Ready(Rc<Loaded>),
    /// Why the pasted text or the file cannot be an article.
    Failed(String),
}

/// Text for an article, the file it came from, and what the dialog shows about it: worked out once
/// when it is pasted or loaded, not again on every keystroke in the title.
#[derive(PartialEq)]
struct Loaded {
    extracted: Extracted,
    file: Option<String>,
    suggested: String,
    summary: String,
    preview: String,
}

impl Loaded {
    fn source(extracted: Extracted, file: Option<String>) -> Source {
        let (chars, lines) = (
            extracted.text.chars().count(),
            extracted.text.lines().count(),
        );
        let summary = format!(
            "{} characters, {} line{}",
            thousands(chars),
            thousands(lines),
            if lines == 1 { "" } else { "s" }
        );
        Source::Ready(Rc::new(Loaded {
            suggested: suggest_title(&extracted, file.as_deref()),
            preview: preview(&extracted.text),
            summary,
            extracted,
            file,
        }))
    }
}

/// What a read file gives the dialog: its text checked for an article, or why it cannot be one.
fn loaded(extracted: Result<Extracted, String>, file_name: String) -> Source {
    match extracted.and_then(|e| finish(e, &file_name)) {
        Ok(extracted) => Loaded::source(extracted, Some(file_name)),
        Err(e) => Source::Failed(e),
    }
}

/// `n` with a thin separator every three digits: 12,345.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The first lines of the text, each cut to [`PREVIEW_CHARS`].
fn preview(text: &str) -> String {
    let mut lines: Vec<String> = text
        .lines()
        .take(PREVIEW_LINES)
        .map(|line| {
            let mut cut: String = line.chars().take(PREVIEW_CHARS).collect();
            if line.chars().nth(PREVIEW_CHARS).is_some() {
                cut.push('…');
            }
            cut
        })
        .collect();
    if text.lines().nth(PREVIEW_LINES).is_some() {
        lines.push("…".to_owned());
    }
    lines.join("\n")
}

/// The dialog.
#[function_component]
pub fn AddArticleDialog(props: &AddArticleDialogProps) -> Html {
    let source = use_state(|| Source::Empty);
    // The title typed by the person; `None` follows the suggestion.
    let typed = use_state(|| None::<String>);
    let refused = use_state(|| None::<String>);
    let paste = use_node_ref();
    let dispatch = use_dispatch();
    // The Markdown job in the worker; closing the dialog drops it, and its answer with it.
    let reducing = use_mut_ref(|| None::<offload::Ticket>);

    let suggested = match &*source {
        Source::Ready(loaded) => loaded.suggested.clone(),
        _ => String::new(),
    };
    let title = (*typed).clone().unwrap_or(suggested);

    let on_paste = {
        let (source, refused) = (source.clone(), refused.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            refused.set(None);
            source.set(if text.is_empty() {
                Source::Empty
            } else {
                match from_paste(&text) {
                    Ok(extracted) => Loaded::source(extracted, None),
                    Err(e) => Source::Failed(e),
                }
            });
        })
    };
    let on_file = {
        let (source, refused, typed, paste) = (
            source.clone(),
            refused.clone(),
            typed.clone(),
            paste.clone(),
        );
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = files::files_of(input.files()).into_iter().next() else {
                return;
            };
            input.set_value("");
            if let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() {
                area.set_value("");
            }
            refused.set(None);
            typed.set(None);
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                source.set(Source::Failed(format!(
                    "{name} is too large to be an article ({} MB)",
                    (file.size() / 1_048_576.0).round()
                )));
                return;
            }
            let (source, reducing) = (source.clone(), reducing.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match files::read_bytes(&file).await {
                    Ok(bytes) => bytes,
                    Err(e) => return source.set(Source::Failed(e)),
                };
                let (kind, text) = match source_of(&name, &bytes) {
                    Ok(found) => found,
                    Err(e) => return source.set(Source::Failed(e)),
                };
                match extract_but_markdown(kind, text, html_text::extract) {
                    Some(extracted) => source.set(loaded(
                        extracted.map_err(|e| format!("{name} could not be read as HTML: {e}")),
                        name,
                    )),
                    None => {
                        source.set(Source::Reducing(name.clone()));
                        let job = Job::ReduceMarkdown {
                            source: text.to_owned(),
                        };
                        let answered = source.clone();
                        let ticket = offload::run(job, move |answer| {
                            answered.set(loaded(
                                match answer {
                                    Answer::Reduced(extracted) => Ok(extracted),
                                    _ => Err(UNEXPECTED_ANSWER.to_owned()),
                                },
                                name,
                            ))
                        });
                        match ticket {
                            Ok(ticket) => *reducing.borrow_mut() = Some(ticket),
                            Err(e) => source.set(Source::Failed(e)),
                        }
                    }
                }
            });
        })
    };
    let on_title = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(Some(input.value()));
        })
    };
    let ready = match &*source {
        Source::Ready(loaded) => Some(Rc::clone(loaded)),
        _ => None,
    };
    let on_add = {
        let (session, dispatch, on_close, refused) = (
            props.session.clone(),
            dispatch.clone(),
            props.on_close.clone(),
            refused.clone(),
        );
        let (ready, title) = (ready.clone(), title.trim().to_owned());
        Callback::from(move |_: MouseEvent| {
            let Some(loaded) = ready.as_ref() else {
                return;
            };
            let id = ArticleId::from(format!("own-{}", clock::new_id().as_str()).as_str());
            let article = Article::own(
                id.as_str(),
                &title,
                loaded.extracted.text.clone(),
                clock::now(),
            );
            let Some(trial) = session.read().map(|s| saving::try_adding(&s, &article)) else {
                return;
            };
            match trial {
                Ok(_) => {
                    dispatch.emit(SessionAction::Edit(Action::AddArticle(article)));
                    dispatch.emit(SessionAction::Open(id));
                    on_close.emit(());
                }
                Err(message) => refused.set(Some(message)),
            }
        })
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    let error = match (&*source, &*refused) {
        (_, Some(message)) | (Source::Failed(message), None) => Some(message.clone()),
        _ => None,
    };
    html! {
        <div class="backdrop">
            <div class="dialog add-article" role="dialog" aria-modal="true" aria-labelledby="add-article-title"
                data-testid="add-article" {onkeydown}>
                <h2 id="add-article-title">{"Add an article of your own"}</h2>
                <p class="meta">{"Paste its text, or load a .txt, .md or .html file. The text is kept \
                    exactly as shown and never changes afterwards, so your annotations stay in place."}</p>
                <label class="paste">{"Text"}
                    <textarea ref={paste} data-testid="add-article-text" rows="6" oninput={on_paste}
                        placeholder="Paste the article here…" />
                </label>
                <label class="button">{"Load a file…"}
                    <input type="file" accept={ACCEPT} data-testid="add-article-file"
                        class="visually-hidden" onchange={on_file} />
                </label>
                if let Some(name) = ready.as_ref().and_then(|x| x.file.as_ref()) {
                    <span class="meta" data-testid="add-article-file-name">{format!(" {name}")}</span>
                }
                <label class="title">{"Title"}
                    <input data-testid="add-article-title" value={title.clone()} oninput={on_title}
                        disabled={ready.is_none()} />
                </label>
                if let Source::Reducing(name) = &*source {
                    {waiting("add-article-reading", &format!("Reading {name}"))}
                }
                if let Some(x) = ready.as_ref() {
                    <p class="meta" data-testid="add-article-length">{x.summary.clone()}</p>
                    <pre class="preview" data-testid="add-article-preview">{x.preview.clone()}</pre>
                }
                if let Some(message) = error {
                    <p class="dialog-error" role="alert" data-testid="add-article-error">{message}</p>
                }
                <div class="buttons">
                    <button class="primary" data-testid="add-article-add" onclick={on_add}
                        disabled={ready.is_none() || title.trim().is_empty()}>{"Add"}</button>
                    <button data-testid="add-article-cancel" onclick={on_cancel}>{"Cancel"}</button>
                </div>
            </div>
        </div>
    }
}
