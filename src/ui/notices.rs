//! Messages: the latest notice, a failed save, and saved data that could not be read; and the screen
//! reader's live region.

use crate::domain::state::session::{Announcement, Notice, SessionAction, StorageProblem};
use crate::ui::bridge::Dispatch;
use crate::web::{clock, download};
use yew::prelude::*;

/// What [`notices`] shows.
pub struct NoticesProps {
    /// The latest message.
    pub notice: Option<Notice>,
    /// Saved data that could not be read.
    pub storage_problem: Option<StorageProblem>,
    /// Why the last save failed, while it keeps failing.
    pub save_failed: Option<AttrValue>,
    /// Downloads all the work as the app's own JSON (offered while saving fails).
    pub on_export: Callback<()>,
    /// While the web worker reads files: the name and size in bytes of the one it reads, and how many
    /// more wait.
    pub reading: Option<(AttrValue, usize, usize)>,
}

/// The message area under the top bar. Errors are alerts; an information notice is said by the
/// [`live_region`].
pub fn notices(props: &NoticesProps, dispatch: &Dispatch) -> Html {
    let dismiss = dispatch.reform(|_: MouseEvent| SessionAction::Dismiss);
    let notice = match &props.notice {
        Some(Notice::Error(text)) => html! {
            <div class="notice error" role="alert" data-testid="error">
                <span>{text}</span>
                <button class="link" onclick={dismiss} aria-label="Dismiss message">{"✕"}</button>
            </div>
        },
        Some(Notice::Info(text)) => html! {
            <div class="notice info" data-testid="info">
                <span>{text}</span>
                <button class="link" onclick={dismiss} aria-label="Dismiss message">{"✕"}</button>
            </div>
        },
        None => html! {},
    };
    let problem = props.storage_problem.as_ref().map(|problem| {
        let raw = problem.raw.clone();
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| {
            let name = format!("news-annotator-unreadable-{}.json", clock::now().0);
            if let Err(e) = download::download_text(&name, "application/json", &raw) {
                dispatch.emit(SessionAction::Notify(Notice::Error(e)));
            }
        });
        html! {
            <div class="notice error" role="alert" data-testid="storage-problem">
                <span>{&problem.message}</span>
                <button data-testid="download-unreadable" {onclick}>{"Download the unreadable data"}</button>
            </div>
        }
    });
    let save_failed = props.save_failed.as_ref().map(|why| {
        let onclick = props.on_export.reform(|_: MouseEvent| ());
        html! {
            <div class="notice error" role="alert" data-testid="save-failed">
                <span>{format!("Your latest changes are NOT saved in this browser: {why}. They are kept \
                    while this tab stays open; download your work to keep a copy (Load file brings it \
                    back).")}</span>
                <button data-testid="save-failed-download" {onclick}>{"Download your work"}</button>
            </div>
        }
    });
    let reading = props.reading.as_ref().map(|(name, size, more)| {
        let more = match more {
            0 => String::new(),
            1 => " 1 more file waits.".to_owned(),
            n => format!(" {n} more files wait."),
        };
        let cancel = dispatch.reform(|_: MouseEvent| SessionAction::CancelRead);
        html! {
            <div class="notice info reading" role="status" data-testid="reading">
                <progress aria-label={format!("Reading {name}")}></progress>
                <span>{format!("Reading {name} ({})…{more}", size_in_words(*size))}</span>
                <button data-testid="reading-cancel" onclick={cancel}>{"Cancel"}</button>
            </div>
        }
    });
    // A landmark of its own while it shows something, so that no message is outside a landmark.
    let label =
        (props.notice.is_some() || problem.is_some() || save_failed.is_some() || reading.is_some())
            .then_some("Messages");
    html! {
        <section class="notices" aria-label={label}>
            {notice}
            {for problem}
            {for save_failed}
            {for reading}
        </section>
    }
}

/// A file size for people: bytes, KB or MB (1024-based, one decimal).
fn size_in_words(bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / KB / KB)
    }
}

/// The live region: unseen, it hands a screen reader [`Session::announcement`](crate::domain::state::session::Session::announcement)
/// (what the last action did, or a new notice). Each message is a new element (keyed by its serial),
/// so the same words are said again when they come again.
pub fn live_region(announcement: Option<&Announcement>) -> Html {
    let said = announcement.map(|a| {
        html! { <p key={a.serial.to_string()} data-serial={a.serial.to_string()}>{&a.text}</p> }
    });
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
            {for said}
        </div>
    }
}
