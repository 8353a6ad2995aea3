//! The classroom kept across visits: a student's exercise and name, a teacher's exercise.

use super::{error, save, set_aside, Store, CLASSROOM_KEY};
use crate::domain::features::classroom::saved;
use crate::domain::model::time::Timestamp;
use crate::domain::state::session::{Enrolment, Notice, Session, SessionAction, Teaching};
use std::rc::Rc;

/// Puts the classroom kept from the last visit into `session`; a kept state that cannot be read is set
/// aside (under a key named after `now`) and reported.
pub(super) fn load_classroom(store: &mut impl Store, session: &mut Session, now: Timestamp) {
    let Ok(Some(raw)) = store.load(CLASSROOM_KEY) else {
        return;
    };
    match saved::decode(&raw, session.workspace.articles()) {
        Ok(kept) => {
            session.enrolment = kept
                .student
                .map(|(exercise, student)| Rc::new(Enrolment::new(Rc::new(exercise), student)));
            session.teaching = kept
                .teaching
                .map(|exercise| Rc::new(Teaching::new(Rc::new(exercise))));
        }
        Err(e) => {
            let at = set_aside(store, &raw, now);
            session.notice = Some(Notice::Error(format!(
                "The saved exercise could not be read ({e}); {at}."
            )));
        }
    }
}

/// Saves the classroom of `session` (see [`saved`]); what to tell the person if that failed.
pub fn save_classroom(store: &mut impl Store, session: &Session) -> Option<SessionAction> {
    let student = session
        .enrolment
        .as_ref()
        .map(|e| (&*e.exercise, e.student.as_str()));
    let teaching = session.teaching.as_ref().map(|t| &*t.exercise);
    let text = saved::encode(student, teaching);
    save(store, CLASSROOM_KEY, &text)
        .err()
        .map(|e| error(format!("The exercise could not be saved: {e}.")))
}
