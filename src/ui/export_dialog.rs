//! The export dialog: choose a format and a scope, see the first lines and what the format cannot
//! hold, then download. The file is written in the web worker; until it answers, the dialog says it
//! is preparing the file.

use crate::domain::files::formats::{self, Body, ExportOptions, Format, Scope};
use crate::domain::model::names::LabelName;
use crate::domain::offload::{Answer, Job};
use crate::domain::state::session::{Notice, SessionAction};
use crate::ui::bridge::{use_dispatch, Ptr, SessionView};
use crate::ui::offloaded::{use_job, waiting};
use crate::web::{clock, download};
use std::rc::Rc;
use yew::prelude::*;

/// What [`ExportDialog`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct ExportDialogProps {
    /// The page's session, read when the choice changes or the workspace does (the preview follows
    /// edits).
    pub session: SessionView,
    /// Closes the dialog.
    pub on_close: Callback<()>,
}

/// The person's choice in the dialog.
#[derive(Clone, PartialEq)]
struct Choice {
    format: Format,
    whole: bool,
    labels: Vec<LabelName>,
    /// brat: write the `.txt` files and offsets with LF line ends.
    lf_line_ends: bool,
}

impl Choice {
    /// The export options for the chosen format (the brat option only for brat).
    fn options(&self) -> ExportOptions {
        ExportOptions {
            lf_line_ends: self.format == Format::Brat && self.lf_line_ends,
        }
    }
}

/// The export dialog.
#[function_component]
pub fn ExportDialog(props: &ExportDialogProps) -> Html {
    let choice = use_state(|| Choice {
        format: Format::W3c,
        whole: true,
        labels: LabelName::ALL.to_vec(),
        lf_line_ends: false,
    });
    let dispatch = use_dispatch();
    let made = use_memo(((*choice).clone(), props.session.revision()), |(c, _)| {
        let now = clock::now();
        let session = props.session.read()?;
        let scope = Scope {
            article: (!c.whole).then(|| session.current.clone()),
            labels: c.labels.clone(),
        };
        let docs = formats::docs(&session.workspace, &scope);
        let count: usize = docs.iter().map(|d| d.annotations.len()).sum();
        let title = session
            .workspace
            .article(&session.current)
            .map(|a| a.title.clone())
            .unwrap_or_default();
        let job = Job::export(&session.workspace, c.format, c.options(), scope, now);
        Some((
            job,
            formats::file_name(c.format, now),
            count,
            docs.len(),
            title,
        ))
    });
    // Each new choice or edit sends a new job; the answer of an older one is ignored.
    let written = use_job(
        Ptr::from(Rc::clone(&made)),
        true,
        |made| made.as_ref().as_ref().map(|(job, ..)| job.clone()),
        |answer| match answer {
            Answer::Exported(body) => Some(body),
            _ => None,
        },
    );
    let Some((_, file_name, count, articles, title)) = made.as_ref() else {
        return Html::default();
    };
    let set = |change: fn(&mut Choice, String)| {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*choice).clone();
            change(&mut next, input.value());
            choice.set(next);
        })
    };
    let on_format = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(format) = Format::from_key(&select.value()) {
                choice.set(Choice {
                    format,
                    ..(*choice).clone()
                });
            }
        })
    };
    let toggle = |name: LabelName| {
        let choice = choice.clone();
        Callback::from(move |_: Event| {
            let mut next = (*choice).clone();
            if next.labels.contains(&name) {
                next.labels.retain(|l| *l != name);
            } else {
                next.labels.push(name);
            }
            choice.set(next);
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let onkeydown = props.on_close.reform(|_: KeyboardEvent| ());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            onkeydown.emit(e);
        }
    });
    let body = written.as_deref().and_then(|w| w.as_ref().ok());
    let download = {
        let (format, name) = (choice.format, file_name.clone());
        let bytes = body.map(|b| b.bytes.clone()).unwrap_or_default();
        let (on_close, dispatch, count) = (props.on_close.clone(), dispatch.clone(), *count);
        Callback::from(move |_: MouseEvent| {
            let notice = match download::download_bytes(&name, format.mime(), &bytes) {
                Ok(()) => Notice::Info(format!(
                    "Saved {count} annotation(s) as {} ({name}).",
                    format.title()
                )),
                Err(e) => Notice::Error(e),
            };
            dispatch.emit(SessionAction::Notify(notice));
            on_close.emit(());
        })
    };
    let format = choice.format;
    let options = Format::ALL.into_iter().map(|f| {
        html! { <option value={f.key()} selected={f == format}>{f.title()}</option> }
    });
    let label_boxes = LabelName::ALL.into_iter().map(|name| {
        html! {
            <label>
                <input type="checkbox" data-testid={format!("export-label-{}", name.name())}
                    checked={choice.labels.contains(&name)} onchange={toggle(name)} />
                {name.plural()}
            </label>
        }
    });
    let on_lf = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            choice.set(Choice {
                lf_line_ends: input.checked(),
                ..(*choice).clone()
            });
        })
    };
    let holds = match format.cannot_hold() {
        "" => "It holds everything this app records.".to_owned(),
        what => format!("It cannot hold {what}."),
    };
    html! {
        <div class="backdrop" {onkeydown}>
            <div class="dialog export" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog">
                <h2 id="export-title">{"Export annotations"}</h2>
                <label class="field">{"Format "}
                    <select data-testid="export-format" onchange={on_format}>{for options}</select>
                </label>
                <fieldset>
                    <legend>{"Articles"}</legend>
                    <label><input type="radio" name="export-scope" value="all" data-testid="export-all"
                        checked={choice.whole} onchange={set(|c, _| c.whole = true)} />{"All articles"}</label>
                    <label><input type="radio" name="export-scope" value="this" data-testid="export-this"
                        checked={!choice.whole} onchange={set(|c, _| c.whole = false)} />{format!("This article: {title}")}</label>
                </fieldset>
                <fieldset>
                    <legend>{"Labels"}</legend>
                    {for label_boxes}
                </fieldset>
                <p data-testid="export-about">
                    {format!("{count} annotation(s) in {articles} article(s). Offsets: {}. {holds}", format.offsets())}
                </p>
                if format == Format::Brat {
                    <label class="field">
                        <input type="checkbox" data-testid="export-brat-lf"
                            checked={choice.lf_line_ends} onchange={on_lf} />
                        {" Write line ends as LF (brat's server reads .txt files with universal newlines)"}
                    </label>
                    <p class="meta" data-testid="export-brat-line-ends">{BRAT_LINE_ENDS}</p>
                }
                {written_part(written.as_deref(), file_name)}
                <div class="buttons">
                    <button data-testid="export-download" class="primary" onclick={download}
                        disabled={body.is_none()}>{"Download"}</button>
                    <button data-testid="export-cancel" onclick={close}>{"Cancel"}</button>
                </div>
            </div>
        </div>
    }
}

/// What the brat option is for, said under it.
const BRAT_LINE_ENDS: &str = "brat reads each .txt with universal newlines: in real brat, every \
    offset after a CRLF line end shifts by one unless line ends are written as LF. With LF, each .txt \
    has LF line ends and the offsets count that text.";

/// How many of the lines a format left out the dialog lists: thousands of list items would freeze the
/// page for a moment (the count says how many there are in all).
const DROPPED_SHOWN: usize = 100;

/// What the worker wrote: what the format left out and the first lines, or that it is still writing,
/// or why it could not.
fn written_part(written: Option<&Result<Body, String>>, file_name: &str) -> Html {
    match written {
        None => waiting("export-loading", "Preparing the file"),
        Some(Err(why)) => html! {
            <p class="notice error" role="alert" data-testid="export-failed">
                {format!("The file could not be prepared: {why}.")}
            </p>
        },
        Some(Ok(body)) => html! {
            <>
                if !body.dropped.is_empty() {
                    <details data-testid="export-dropped" open=true>
                        <summary>{format!("Left out or changed by this format ({})", body.dropped.len())}</summary>
                        <ul>
                            {for body.dropped.iter().take(DROPPED_SHOWN).map(|l| html! { <li>{l}</li> })}
                            if body.dropped.len() > DROPPED_SHOWN {
                                <li class="meta">{format!("… and {} more", body.dropped.len() - DROPPED_SHOWN)}</li>
                            }
                        </ul>
                    </details>
                }
                <p class="meta">{format!("First lines of {file_name}:")}</p>
                <pre class="preview" data-testid="export-preview">{&body.preview}</pre>
            </>
        },
    }
}
