//! The app's work in the web worker, as hooks: starting the worker once the page is idle, a view's job
//! and its answer ([`use_job`]), and reading the files waiting in [`Session::reading`], one at a time.

use super::bridge::{Dispatch, Ptr};
use crate::domain::offload::{Answer, Job, UNEXPECTED_ANSWER};
use crate::domain::state::session::{Reading, Session, SessionAction};
use crate::web::{files, offload};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What a view shows while the worker works for it: `what` with an indeterminate progress bar, as a
/// status for a screen reader (`test_id` names it for the tests).
pub fn waiting(test_id: &'static str, what: &str) -> Html {
    html! {
        <p class="meta loading" role="status" data-testid={test_id}>
            <progress aria-label={what.to_owned()}></progress>{format!(" {what}…")}
        </p>
    }
}

/// Starts the web worker once the page is idle after its first paint, so that the first export or
/// import does not wait for its code.
#[hook]
pub fn use_worker_prefetch() {
    use_effect_with((), |_| offload::prefetch());
}

/// What the worker answered to the job that `make` gives for `deps`: `None` until the first answer
/// (and again whenever `deps` change, when `fresh`; otherwise the last answer stays on screen while the
/// next is made), then the part of the answer `take` wants, or why there is none. A job whose `deps`
/// changed before it was answered is dropped, and its answer ignored.
#[hook]
pub fn use_job<D, T>(
    deps: D,
    fresh: bool,
    make: impl FnOnce(&D) -> Option<Job> + 'static,
    take: fn(Answer) -> Option<T>,
) -> Option<Rc<Result<T, String>>>
where
    D: PartialEq + 'static,
    T: 'static,
{
    let answer = use_state(|| None::<Rc<Result<T, String>>>);
    {
        let answer = answer.clone();
        use_effect_with(deps, move |deps| {
            if fresh {
                answer.set(None);
            }
            let ticket = make(deps).and_then(|job| {
                let answered = answer.clone();
                offload::run(job, move |got| {
                    let got = match got {
                        Answer::Failed(why) => Err(why),
                        other => take(other).ok_or_else(|| UNEXPECTED_ANSWER.to_owned()),
                    };
                    answered.set(Some(Rc::new(got)));
                })
                .map_err(|why| answer.set(Some(Rc::new(Err(why)))))
                .ok()
            });
            move || drop(ticket)
        });
    }
    (*answer).clone()
}

/// Hands the first file waiting to the worker ([`Session::next_job`]) and dispatches what it read as
/// [`SessionAction::Read`]. When the file stops being first (cancelled), its job is dropped and its
/// answer ignored. `kept` are the `blob:` addresses of every file waiting: one that leaves the line
/// (read, or cancelled) is let go.
#[hook]
pub fn use_file_reading(
    cell: Rc<RefCell<Session>>,
    first: Option<Rc<Reading>>,
    kept: Vec<String>,
    dispatch: Dispatch,
) {
    let waiting = use_mut_ref(Vec::<String>::new);
    use_effect_with(kept, move |kept| {
        waiting
            .borrow()
            .iter()
            .filter(|url| !kept.contains(url))
            .for_each(|url| files::forget_kept(url));
        *waiting.borrow_mut() = kept.clone();
    });
    use_effect_with(first.map(Ptr::from), move |first| {
        let ticket = first.as_ref().and_then(|_| {
            let (reading, job) = cell.try_borrow().ok()?.next_job()?;
            let file_name = reading.file_name.clone();
            let answered = {
                let (dispatch, file_name) = (dispatch.clone(), file_name.clone());
                move |answer: Answer| match answer {
                    Answer::Read(read) => dispatch.emit(SessionAction::Read { file_name, read }),
                    _ => failed(&dispatch, file_name, UNEXPECTED_ANSWER.to_owned()),
                }
            };
            offload::run(job, answered)
                .map_err(|why| failed(&dispatch, file_name, why))
                .ok()
        });
        move || drop(ticket)
    });
}

/// Reports a file the worker could not read as a refused import, which takes it out of line.
fn failed(dispatch: &Dispatch, file_name: String, why: String) {
    let read = crate::domain::offload::FileRead::Import(Err(why));
    dispatch.emit(SessionAction::Read { file_name, read });
}
