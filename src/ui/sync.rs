//! Syncing with a CouchDB database: the top bar's status button, the dialog that signs in and starts
//! or stops sync, and the hook that runs a replication pass in the web worker every few seconds while
//! sync is on (the pass itself: `web/offload/replicate.rs`).

use crate::domain::offload::{Answer, Carried, Job};
use crate::domain::rendering::first_screen::SYNC_TITLE;
use crate::domain::replication::syncing::DEFAULT_SERVER;
use crate::domain::state::session::{Session, SessionAction, SyncStatus};
use crate::domain::state::workspace::Snapshot;
use crate::ui::bridge::{use_dispatch, Dispatch};
use crate::ui::sign_in::{value, SignIn};
use crate::web::{clock, offload};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How often a pass runs while sync is on, in milliseconds.
const EVERY_MS: u32 = 3_000;

/// Runs a replication pass at once when sync turns on, then every [`EVERY_MS`] while it is on and no
/// pass is under way; each answer goes to the session.
#[hook]
pub fn use_replication(cell: Rc<RefCell<Session>>, on: bool, dispatch: Dispatch) {
    let ticket = use_mut_ref(|| None::<offload::Ticket>);
    use_effect_with(on, move |on| {
        let interval = on.then(|| {
            let pass = move || start_pass(&cell, &dispatch, &ticket);
            pass();
            Interval::new(EVERY_MS, pass)
        });
        move || drop(interval)
    });
}

/// Sends a pass with the workspace as it is, unless one is under way.
fn start_pass(
    cell: &Rc<RefCell<Session>>,
    dispatch: &Dispatch,
    ticket: &Rc<RefCell<Option<offload::Ticket>>>,
) {
    let Ok(session) = cell.try_borrow() else {
        return;
    };
    let Some(syncing) = session.syncing.as_ref().filter(|s| s.on) else {
        return;
    };
    if session.sync_base.is_some() {
        return;
    }
    let job = Job::Replicate {
        workspace: Carried::of(&session.workspace),
        syncing: Box::new((**syncing).clone()),
        now: clock::now(),
    };
    let base = Rc::new(Snapshot::of(&session.workspace));
    drop(session);
    dispatch.emit(SessionAction::SyncStarted(base));
    let answered = dispatch.clone();
    let sent = offload::run(job, move |answer| answered.emit(sync_action(answer)));
    match sent {
        Ok(t) => *ticket.borrow_mut() = Some(t),
        Err(reason) => dispatch.emit(refused(reason)),
    }
}

/// The session's action for a pass's or a sign-in's answer.
fn sync_action(answer: Answer) -> SessionAction {
    match answer {
        Answer::Replicated(done) => SessionAction::Synced(done),
        Answer::SignedIn(name) => SessionAction::SignedIn(name),
        Answer::SyncFailed {
            offline,
            waiting,
            reason,
        } => SessionAction::SyncFailed {
            offline,
            waiting,
            reason,
        },
        Answer::Failed(reason) => refused(reason),
        _ => refused("the worker answered something else (a bug)".into()),
    }
}

/// A pass that failed for another reason than the server's.
fn refused(reason: String) -> SessionAction {
    SessionAction::SyncFailed {
        offline: false,
        waiting: 0,
        reason,
    }
}

/// The top bar's button: the status while sync is set up, else an invitation.
pub fn sync_button(status: &SyncStatus, onclick: Callback<MouseEvent>) -> Html {
    let caption = match status {
        SyncStatus::Off => "Sync…".to_owned(),
        other => other.words(),
    };
    let class = classes!(matches!(status, SyncStatus::Error(_)).then_some("sync-error"));
    html! {
        <button data-testid="sync-open" {class} {onclick} title={SYNC_TITLE} aria-live="polite">{caption}</button>
    }
}

/// What [`SyncDialog`] shows.
#[derive(Properties, Clone, PartialEq)]
pub struct SyncDialogProps {
    /// The server and database set up, if any.
    pub server: AttrValue,
    /// The database set up, if any.
    pub db: AttrValue,
    /// Whether sync is on.
    pub on: bool,
    /// Where syncing stands.
    pub status: AttrValue,
    /// Who is signed in, as far as this tab knows.
    pub signed_in: Option<AttrValue>,
    /// Closes the dialog.
    pub on_close: Callback<()>,
}

/// The sync dialog: the server and database, signing in (the password goes to CouchDB's `_session`
/// only), and starting or stopping sync.
#[function_component]
pub fn SyncDialog(props: &SyncDialogProps) -> Html {
    let dispatch = use_dispatch();
    let (server, db) = (use_node_ref(), use_node_ref());
    // What the person typed: the inputs follow it, so that a redraw (a sign-in's answer) keeps it.
    let typed = use_state(|| {
        let server = if props.server.is_empty() {
            AttrValue::from(DEFAULT_SERVER)
        } else {
            props.server.clone()
        };
        (server, props.db.clone())
    });
    let typing = |server: bool| {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let text = AttrValue::from(e.target_unchecked_into::<HtmlInputElement>().value());
            let (s, d) = (*typed).clone();
            typed.set(if server { (text, d) } else { (s, text) });
        })
    };
    let start = {
        let (server, db, dispatch) = (server.clone(), db.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(SessionAction::StartSync {
                server: value(&server),
                db: value(&db),
                client: clock::new_id().as_str().to_owned(),
            })
        })
    };
    let stop = dispatch.reform(|_: MouseEvent| SessionAction::StopSync);
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="sync-title" data-testid="sync-dialog">
                <h2 id="sync-title">{"Sync with a database"}</h2>
                <p class="meta">{"Your work stays in this browser and works offline; while sync is on, it \
                    meets the same database on the server as others' work. Sign in with your CouchDB \
                    user (the password goes to the server only, never into this browser's storage)."}</p>
                <label>{"Server "}<input data-testid="sync-server" ref={server.clone()} value={typed.0.clone()} oninput={typing(true)} /></label>
                <label>{"Database "}<input data-testid="sync-db" ref={db} value={typed.1.clone()} oninput={typing(false)} placeholder="class-7b" /></label>
                <SignIn server={typed.0.clone()} signed_in={props.signed_in.clone()} testid="sync" />
                <p data-testid="sync-status" role="status">{props.status.clone()}</p>
                <div class="buttons">
                    if props.on {
                        <button data-testid="sync-stop" onclick={stop}>{"Stop syncing"}</button>
                    }
                    <button data-testid="sync-start" class="primary" onclick={start}>{if props.on { "Sync with these" } else { "Start syncing" }}</button>
                    <button data-testid="sync-close" onclick={close}>{"Close"}</button>
                </div>
            </div>
        </div>
    }
}
