//! The app's work in the web worker, as hooks: starting the worker once the page is idle, and planning
//! the import of the file being read ([`Session::reading`]).

use super::bridge::{Dispatch, Ptr};
use crate::domain::offload::{Answer, Job};
use crate::domain::state::session::{Reading, Session, SessionAction};
use crate::web::offload;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Starts the web worker once the page is idle after its first paint, so that the first export or
/// import does not wait for its code.
#[hook]
pub fn use_worker_prefetch() {
    use_effect_with((), |_| {
        crate::web::schedule::after_next_paint(offload::prefetch)
    });
}

/// Hands the file being read to the worker and dispatches its plan as [`SessionAction::Planned`].
/// When the reading ends first (cancelled, or another file), the job is dropped and its answer ignored.
#[hook]
pub fn use_import_planning(
    cell: Rc<RefCell<Session>>,
    reading: Option<Rc<Reading>>,
    dispatch: Dispatch,
) {
    use_effect_with(reading.map(Ptr::from), move |reading| {
        let ticket = reading.as_ref().and_then(|r| {
            let job = {
                let session = cell.try_borrow().ok()?;
                Job::plan_import(
                    &session.workspace,
                    r.file_name.clone(),
                    r.bytes.clone(),
                    r.at,
                )
            };
            let file_name = r.file_name.clone();
            let answered = {
                let (dispatch, file_name) = (dispatch.clone(), file_name.clone());
                move |answer: Answer| {
                    let plan = match answer {
                        Answer::Planned(plan) => plan,
                        Answer::Failed(why) => Err(why),
                        other => Err(other.unexpected()),
                    };
                    dispatch.emit(SessionAction::Planned { file_name, plan });
                }
            };
            match offload::run(job, answered) {
                Ok(ticket) => Some(ticket),
                Err(why) => {
                    dispatch.emit(SessionAction::Planned {
                        file_name,
                        plan: Err(why),
                    });
                    None
                }
            }
        });
        move || drop(ticket)
    });
}
