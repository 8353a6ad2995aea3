//! The page's side of the web worker (`src/bin/worker.rs`, built by Trunk beside the app): it is
//! started once the page is idle after its first paint, so a later click does not wait for it to load,
//! and runs each [`Job`] away from the page, calling back with its [`Answer`].
//!
//! The build's post-build hook names the worker's loader (Trunk's `*_loader.js`) in the page as
//! `<meta name="news-annotator-worker" content="…">`, where [`run`] finds it.

use crate::domain::offload::{Answer, Job};
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

mod class_db;
mod replicate;
mod worker;
pub use worker::{register, Offloader};

/// Callbacks waiting for their answer, by job number.
type Waiting = Rc<RefCell<HashMap<u32, Box<dyn FnOnce(Answer)>>>>;

/// The running worker and the jobs sent to it.
struct Running {
    bridge: WorkerBridge<Offloader>,
    waiting: Waiting,
    next: u32,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// A job on its way. Dropping it cancels the job: its answer, when it comes, is ignored.
#[must_use = "dropping the ticket cancels the job"]
pub struct Ticket {
    id: u32,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        RUNNING.with(|r| {
            if let Some(running) = r.borrow().as_ref() {
                running.waiting.borrow_mut().remove(&self.id);
            }
        });
    }
}

/// The worker loader's address, from the page's `<meta name="news-annotator-worker">`.
fn loader_url() -> Result<String, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=news-annotator-worker]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .ok_or_else(|| "this build has no web worker (its page names none)".to_owned())
}

/// Starts the worker, unless it runs already.
fn start() -> Result<(), String> {
    if RUNNING.with(|r| r.borrow().is_some()) {
        return Ok(());
    }
    let url = loader_url()?;
    let waiting: Waiting = Rc::default();
    let answers = Rc::clone(&waiting);
    let bridge = Offloader::spawner()
        .callback(move |(id, answer): (u32, Answer)| {
            let done = answers.borrow_mut().remove(&id);
            if let Some(done) = done {
                done(answer);
            }
        })
        .spawn_with_loader(&url);
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            bridge,
            waiting,
            next: 0,
        })
    });
    Ok(())
}

/// Starts the worker once the browser is idle after the next paint, so that its code is loaded before
/// the first click needs it.
pub fn prefetch() {
    super::schedule::when_idle_after_next_paint(|| {
        let _ = start();
    });
}

/// Sends `job` to the worker (starting it if needed); `done` gets the answer, unless the ticket was
/// dropped first. An error says why the worker could not be started.
pub fn run(job: Job, done: impl FnOnce(Answer) + 'static) -> Result<Ticket, String> {
    start()?;
    RUNNING.with(|r| {
        let mut r = r.borrow_mut();
        let running = r
            .as_mut()
            .ok_or_else(|| "the web worker did not start".to_owned())?;
        let id = running.next;
        running.next = running.next.wrapping_add(1);
        running.waiting.borrow_mut().insert(id, Box::new(done));
        running.bridge.send((id, job));
        Ok(Ticket { id })
    })
}
