//! The classroom in the session: the exercise a student works on, and the exercise a teacher compares
//! submissions for. Exercise and submission files that arrive through "Load file" or a drop land here,
//! never in the workspace's import: a submission is only ever added to the teacher's class.

use super::class_live::Live;
use super::{Notice, Session, SessionAction};
use crate::domain::features::classroom::class::{Class, Student};
use crate::domain::features::classroom::class_db::{Followed, LiveSubmission};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::model::time::Timestamp;
use crate::domain::offload::FileContent;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A student's exercise and the name they go by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrolment {
    /// The exercise (the students' copy).
    pub exercise: Rc<Exercise>,
    /// The name they typed; empty until they do.
    pub student: String,
    /// Where handing in to the exercise's class database stands.
    pub hand_in: Live,
}

/// A teacher's exercise (with its key, when it has one) and the submissions loaded for it, from files
/// and from its class database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Teaching {
    /// The exercise.
    pub exercise: Rc<Exercise>,
    /// The students so far: those from files, then the class database's.
    pub class: Class,
    /// The students from files.
    pub files: Class,
    /// The class database's submissions, by document id.
    pub live: BTreeMap<String, LiveSubmission>,
    /// Where the next read of the class database's feed starts.
    pub since: String,
    /// Where following the class database stands.
    pub follow: Live,
}

/// What a person does in the classroom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassroomAction {
    /// Works on an exercise as a student (the own articles it brings are added).
    Enrol(Exercise),
    /// The student's name.
    SetStudent(String),
    /// Stops working on the exercise (the annotations stay).
    Leave,
    /// Compares submissions for this exercise (a new, empty class).
    Teach(Exercise),
    /// Adds a read submission file to the class (the web worker reads it first).
    Submit {
        /// The file's name.
        file_name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// Empties the class, keeping the exercise.
    ClearClass,
    /// Closes the teacher's exercise and its class.
    StopTeaching,
    /// The student's submission reached the class database, written as `user`, at `at`.
    HandedIn {
        /// Who the server says is signed in.
        user: String,
        /// When.
        at: Timestamp,
    },
    /// A read of the class database's feed, at `at`.
    Followed(Box<Followed>, Timestamp),
    /// Handing in (`student`) or following (a teacher's) failed: offline, or refused in words.
    LiveFailed {
        /// Whether it was the student's handing in.
        student: bool,
        /// Whether the server could not be reached.
        offline: bool,
        /// What happened.
        reason: String,
    },
}

impl Session {
    /// Carries out a classroom action.
    pub(super) fn classroom(&mut self, action: ClassroomAction) {
        match action {
            ClassroomAction::Enrol(exercise) => self.enrol(exercise),
            ClassroomAction::SetStudent(name) => self.enrolled(|e| e.student = name),
            ClassroomAction::Leave => self.enrolment = None,
            ClassroomAction::Teach(exercise) => {
                self.teaching = Some(Rc::new(Teaching::new(Rc::new(exercise))));
            }
            ClassroomAction::Submit { file_name, bytes } => self.submit(file_name, bytes),
            ClassroomAction::ClearClass => self.taught(Teaching::restarted),
            ClassroomAction::StopTeaching => self.teaching = None,
            ClassroomAction::HandedIn { user, at } => {
                self.enrolled(|e| e.hand_in = Live::Through { user, at });
            }
            ClassroomAction::Followed(followed, at) => {
                let quiet = followed.changed.is_empty() && followed.gone.is_empty();
                let following = self
                    .teaching
                    .as_ref()
                    .is_some_and(|t| t.follow.is_through());
                self.taught(|t| t.followed(*followed, at));
                if quiet && following {
                    // Only where the next read starts moved: nothing to show or save.
                    return;
                }
            }
            ClassroomAction::LiveFailed {
                student,
                offline,
                reason,
            } => {
                let failed = Live::Failed { offline, reason };
                if student {
                    self.enrolled(|e| e.hand_in = failed);
                } else {
                    self.taught(|t| Teaching {
                        follow: failed,
                        ..t.clone()
                    });
                }
            }
        }
        self.classroom_revision += 1;
    }

    fn enrol(&mut self, exercise: Exercise) {
        for article in &exercise.articles {
            if self.workspace.article(&article.id).is_none() {
                if let Err(e) = self.workspace.add_article((**article).clone()) {
                    self.notice = Some(Notice::Error(format!(
                        "The exercise could not be opened: {e}."
                    )));
                    return;
                }
            }
        }
        if let Some(first) = exercise.articles.first() {
            self.apply(SessionAction::Open(first.id.clone()));
        }
        let student = match &self.enrolment {
            Some(e) if e.exercise.id == exercise.id => e.student.clone(),
            _ => String::new(),
        };
        self.notice = Some(Notice::Info(format!(
            "Opened the exercise “{}”.",
            exercise.title
        )));
        self.enrolment = Some(Rc::new(Enrolment::new(Rc::new(exercise), student)));
    }

    /// Changes the student's enrolment, if there is one.
    fn enrolled(&mut self, change: impl FnOnce(&mut Enrolment)) {
        if let Some(e) = &self.enrolment {
            let mut next = Enrolment::clone(e);
            change(&mut next);
            self.enrolment = Some(Rc::new(next));
        }
    }

    /// Replaces the teacher's exercise and class by what `change` makes of them, if one is open.
    fn taught(&mut self, change: impl FnOnce(&Teaching) -> Teaching) {
        if let Some(t) = &self.teaching {
            self.teaching = Some(Rc::new(change(t)));
        }
    }

    /// Puts a submission file in line for the worker, if a class is open. A submission carries its own
    /// times, so the reading's is not used.
    fn submit(&mut self, file_name: String, bytes: Vec<u8>) {
        if self.teaching.is_none() {
            return self.not_teaching(&file_name);
        }
        self.read_file(
            file_name,
            FileContent::Bytes(bytes),
            Timestamp::default(),
            true,
        );
    }

    /// Says that a submission needs the teacher's copy open first.
    pub(super) fn not_teaching(&mut self, file_name: &str) {
        self.notice = Some(Notice::Error(format!(
            "{file_name} is a student's submission. To compare submissions, open the exercise's \
             teacher copy in Classroom first; nothing was merged into your annotations."
        )));
    }

    /// Adds a student the worker read to the class (or notes why not).
    pub(super) fn admit(&mut self, file_name: &str, student: Result<Student, String>) {
        let Some(teaching) = &self.teaching else {
            return self.not_teaching(file_name);
        };
        let mut files = teaching.files.clone();
        files.admit(file_name, student);
        self.teaching = Some(Rc::new(teaching.with_files(files)));
        self.classroom_revision += 1;
    }
}
