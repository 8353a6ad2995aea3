//! A class on a database, live: the student's submission handed in as they work, and the teacher's
//! class following the class database; each exchange runs in the web worker every few seconds
//! (`web/offload/class_db.rs`), and its status is shown in words.

use crate::domain::features::classroom::file::SubmissionFile;
use crate::domain::features::classroom::submission::submission_file;
use crate::domain::offload::{Answer, Job};
use crate::domain::state::session::{ClassroomAction, Live, Session, SessionAction};
use crate::ui::bridge::Dispatch;
use crate::web::{clock, offload};
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How often the student hands in (when their work changed) and the teacher reads the class, in ms.
const EVERY_MS: u32 = 3_000;

/// What a live exchange keeps between its rounds: the job under way, and what was last handed in.
#[derive(Default)]
struct Round {
    ticket: Option<offload::Ticket>,
    sent: Option<SubmissionFile>,
}

type Rounds = Rc<RefCell<Round>>;

/// One exchange with the class database: the student's handing in, or the teacher's read.
type Exchange = fn(&Rc<RefCell<Session>>, &Dispatch, &Rounds);

/// While the student's exercise names a class database (`exercise`: its id then), hands their
/// submission in at once and then whenever it changed.
#[hook]
pub fn use_hand_in(cell: Rc<RefCell<Session>>, exercise: Option<String>, dispatch: Dispatch) {
    use_exchange(cell, exercise, dispatch, hand_in);
}

/// While the teacher's exercise names a class database (`exercise`: its id then), reads what changed
/// in it at once and then every few seconds.
#[hook]
pub fn use_follow_class(cell: Rc<RefCell<Session>>, exercise: Option<String>, dispatch: Dispatch) {
    use_exchange(cell, exercise, dispatch, follow);
}

/// Runs `exchange` at once and then every few seconds while `exercise` is set; starts afresh when it
/// changes.
#[hook]
fn use_exchange(
    cell: Rc<RefCell<Session>>,
    exercise: Option<String>,
    dispatch: Dispatch,
    exchange: Exchange,
) {
    let round = use_mut_ref(Round::default);
    use_effect_with(exercise, move |exercise| {
        *round.borrow_mut() = Round::default();
        let interval = exercise
            .is_some()
            .then(|| every(move || exchange(&cell, &dispatch, &round)));
        move || drop(interval)
    });
}

/// Runs `round` now and then every [`EVERY_MS`].
fn every(round: impl Fn() + 'static) -> Interval {
    round();
    Interval::new(EVERY_MS, round)
}

/// Sends the student's submission when it differs from the last one handed in.
fn hand_in(cell: &Rc<RefCell<Session>>, dispatch: &Dispatch, round: &Rounds) {
    let Ok(session) = cell.try_borrow() else {
        return;
    };
    let Some(e) = &session.enrolment else {
        return;
    };
    let Some(class_db) = e.exercise.class_db.clone() else {
        return;
    };
    let file = submission_file(&e.exercise, &e.student, &session.workspace, clock::now());
    drop(session);
    let r = round.borrow();
    if r.ticket.is_some() || r.sent.as_ref().is_some_and(|sent| same_work(sent, &file)) {
        return;
    }
    drop(r);
    let job = Job::HandIn {
        class_db,
        file: serde_json::to_string(&file).unwrap_or_default(),
    };
    send(round, job, dispatch, true, move |answer, r| match answer {
        Answer::HandedIn(user) => {
            r.sent = Some(file);
            Ok(ClassroomAction::HandedIn {
                user,
                at: clock::now(),
            })
        }
        other => Err(other),
    });
}

/// Whether two submissions hold the same work (their `saved` times aside).
fn same_work(a: &SubmissionFile, b: &SubmissionFile) -> bool {
    a.student == b.student && a.annotations == b.annotations && a.articles == b.articles
}

/// Reads the class database's changes since the class's last read.
fn follow(cell: &Rc<RefCell<Session>>, dispatch: &Dispatch, round: &Rounds) {
    let Ok(session) = cell.try_borrow() else {
        return;
    };
    let Some(t) = &session.teaching else {
        return;
    };
    let Some(class_db) = t.exercise.class_db.clone() else {
        return;
    };
    if round.borrow().ticket.is_some() {
        return;
    }
    let job = Job::FollowClass {
        class_db,
        exercise: Box::new((*t.exercise).clone()),
        since: t.since.clone(),
    };
    drop(session);
    send(round, job, dispatch, false, |answer, _| match answer {
        Answer::ClassFollowed(followed) => Ok(ClassroomAction::Followed(followed, clock::now())),
        other => Err(other),
    });
}

/// Sends `job` for this round: `through` makes the action of an answer that went through, and gives
/// any other answer back, to be told as a failure of the student's exchange or the teacher's.
fn send(
    round: &Rounds,
    job: Job,
    dispatch: &Dispatch,
    student: bool,
    through: impl FnOnce(Answer, &mut Round) -> Result<ClassroomAction, Answer> + 'static,
) {
    let (answered, back) = (dispatch.clone(), Rc::clone(round));
    let sent = offload::run(job, move |answer| {
        let mut r = back.borrow_mut();
        let ticket = r.ticket.take();
        let action = through(answer, &mut r).unwrap_or_else(|answer| failed(answer, student));
        drop(r);
        drop(ticket);
        answered.emit(SessionAction::Classroom(action));
    });
    match sent {
        Ok(ticket) => round.borrow_mut().ticket = Some(ticket),
        Err(reason) => dispatch.emit(SessionAction::Classroom(ClassroomAction::LiveFailed {
            student,
            offline: false,
            reason,
        })),
    }
}

/// The action for a failed exchange (the student's, or the teacher's).
fn failed(answer: Answer, student: bool) -> ClassroomAction {
    let (offline, reason) = match answer {
        Answer::SyncFailed {
            offline, reason, ..
        } => (offline, reason),
        Answer::Failed(reason) => (false, reason),
        _ => (
            false,
            "the worker answered something else (a bug)".to_owned(),
        ),
    };
    ClassroomAction::LiveFailed {
        student,
        offline,
        reason,
    }
}

/// Where a live exchange stands, in words: `done` says what went through (`Handed in`, `Read`).
pub fn live_words(live: &Live, done: &str) -> String {
    match live {
        Live::Off => String::new(),
        Live::Starting => "connecting…".to_owned(),
        Live::Through { user, at } if user.is_empty() => format!("{done} at {}", at.short()),
        Live::Through { user, at } => format!("{done} as {user} at {}", at.short()),
        Live::Failed {
            offline: true,
            reason,
        } => format!("offline, trying again every few seconds ({reason})"),
        Live::Failed { reason, .. } => format!("not through: {reason}"),
    }
}
