//! The classroom in the session: the exercise a student works on, and the exercise a teacher compares
//! submissions for. Exercise and submission files that arrive through "Load file" or a drop land here,
//! never in the workspace's import: a submission is only ever added to the teacher's class.

use super::{Notice, Session, SessionAction};
use crate::domain::features::classroom::class::{Class, Student};
use crate::domain::features::classroom::exercise::Exercise;
use crate::domain::model::time::Timestamp;
use crate::domain::offload::FileContent;
use std::rc::Rc;

/// A student's exercise and the name they go by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enrolment {
    /// The exercise (the students' copy).
    pub exercise: Rc<Exercise>,
    /// The name they typed; empty until they do.
    pub student: String,
}

/// A teacher's exercise (with its key, when it has one) and the submissions loaded for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Teaching {
    /// The exercise.
    pub exercise: Rc<Exercise>,
    /// The students so far.
    pub class: Class,
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
}

impl Session {
    /// Carries out a classroom action.
    pub(super) fn classroom(&mut self, action: ClassroomAction) {
        match action {
            ClassroomAction::Enrol(exercise) => self.enrol(exercise),
            ClassroomAction::SetStudent(name) => {
                if let Some(e) = &self.enrolment {
                    let exercise = Rc::clone(&e.exercise);
                    self.enrolment = Some(Rc::new(Enrolment {
                        exercise,
                        student: name,
                    }));
                }
            }
            ClassroomAction::Leave => self.enrolment = None,
            ClassroomAction::Teach(exercise) => {
                self.teaching = Some(Rc::new(Teaching {
                    exercise: Rc::new(exercise),
                    class: Class::default(),
                }));
            }
            ClassroomAction::Submit { file_name, bytes } => self.submit(file_name, bytes),
            ClassroomAction::ClearClass => {
                if let Some(t) = &self.teaching {
                    self.teaching = Some(Rc::new(Teaching {
                        exercise: Rc::clone(&t.exercise),
                        class: Class::default(),
                    }));
                }
            }
            ClassroomAction::StopTeaching => self.teaching = None,
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
        self.enrolment = Some(Rc::new(Enrolment {
            exercise: Rc::new(exercise),
            student,
        }));
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
        let mut class = teaching.class.clone();
        class.admit(file_name, student);
        self.teaching = Some(Rc::new(Teaching {
            exercise: Rc::clone(&teaching.exercise),
            class,
        }));
        self.classroom_revision += 1;
    }
}
