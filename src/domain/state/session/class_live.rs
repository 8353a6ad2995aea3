//! A class on a database, as the session sees it: where a student's handing in stands, and the
//! teacher's class made of the files loaded and the submissions the class database holds.

use super::classroom::{Enrolment, Teaching};
use super::Session;
use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::class_db::{Followed, LiveSubmission};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::model::time::Timestamp;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Where an exchange with the class database stands (a student's handing in, a teacher's following).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Live {
    /// The exercise names no class database.
    Off,
    /// Nothing has come back yet.
    Starting,
    /// The last exchange went through, as `user` (empty when it does not matter), at `at`.
    Through {
        /// Who the server says is signed in.
        user: String,
        /// When.
        at: Timestamp,
    },
    /// The last exchange failed: the server could not be reached (`offline`), or it refused.
    Failed {
        /// Whether the server could not be reached at all.
        offline: bool,
        /// What happened, in words.
        reason: String,
    },
}

impl Live {
    /// Starting, when the exercise names a class database; else off.
    fn of(exercise: &Exercise) -> Live {
        if exercise.class_db.is_some() {
            Live::Starting
        } else {
            Live::Off
        }
    }

    /// Whether the last exchange went through.
    pub fn is_through(&self) -> bool {
        matches!(self, Live::Through { .. })
    }
}

impl Session {
    /// The student's exercise's id, while it names a class database to hand in to.
    pub fn handing_in(&self) -> Option<String> {
        let e = self.enrolment.as_ref()?;
        e.exercise.class_db.as_ref().map(|_| e.exercise.id.clone())
    }

    /// The teacher's exercise's id, while it names a class database to follow.
    pub fn following(&self) -> Option<String> {
        let t = self.teaching.as_ref()?;
        t.exercise.class_db.as_ref().map(|_| t.exercise.id.clone())
    }
}

impl Enrolment {
    /// A student's enrolment in `exercise` under the name they typed.
    pub fn new(exercise: Rc<Exercise>, student: String) -> Enrolment {
        Enrolment {
            hand_in: Live::of(&exercise),
            exercise,
            student,
        }
    }
}

impl Teaching {
    /// A teacher's exercise with an empty class.
    pub fn new(exercise: Rc<Exercise>) -> Teaching {
        Teaching {
            follow: Live::of(&exercise),
            exercise,
            class: Class::default(),
            files: Class::default(),
            live: BTreeMap::new(),
            since: START.to_owned(),
        }
    }

    /// The same exercise, its class made of `files` and the class database's submissions.
    pub(super) fn with_files(&self, files: Class) -> Teaching {
        Teaching {
            class: combined(&files, &self.live),
            files,
            ..self.clone()
        }
    }

    /// The same exercise, with what a read of the class database's feed brought at `at` (a read that
    /// brought nothing keeps the time of the last one that did); a read that did not start where the
    /// class stands (the class was started again meanwhile) is passed over.
    pub(super) fn followed(&self, followed: Followed, at: Timestamp) -> Teaching {
        if followed.from != self.since {
            return self.clone();
        }
        let at = match &self.follow {
            Live::Through { at: last, .. }
                if followed.changed.is_empty() && followed.gone.is_empty() =>
            {
                *last
            }
            _ => at,
        };
        let mut live = self.live.clone();
        for gone in &followed.gone {
            live.remove(gone);
        }
        for submission in followed.changed {
            live.insert(submission.doc.clone(), submission);
        }
        Teaching {
            class: combined(&self.files, &live),
            live,
            since: followed.since,
            follow: Live::Through {
                user: String::new(),
                at,
            },
            ..self.clone()
        }
    }

    /// The same exercise with an empty class, the class database read again from its start.
    pub(super) fn restarted(&self) -> Teaching {
        Teaching::new(Rc::clone(&self.exercise))
    }
}

/// Where the first read of a changes feed starts.
pub const START: &str = "0";

/// The class: the students from files, then the class database's, in the order of their documents.
fn combined(files: &Class, live: &BTreeMap<String, LiveSubmission>) -> Class {
    let mut class = files.clone();
    for submission in live.values() {
        class.admit(&submission.source, submission.student.clone());
    }
    class
}
