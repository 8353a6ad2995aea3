//! The classroom in the session: the exercise a student works on, and the exercise a teacher compares
//! submissions for. Exercise and submission files that arrive through "Load file" or a drop land here,
//! never in the workspace's import: a submission is only ever added to the teacher's class.

use super::{Notice, Session, SessionAction};
use crate::domain::features::classroom::class::Class;
use crate::domain::features::classroom::exercise::{self, Exercise};
use crate::domain::features::classroom::submission;
use crate::domain::files::json::{self, Envelope, Peeked};
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
    /// Adds a read submission file to the class.
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
            ClassroomAction::Submit { file_name, bytes } => self.submit(&file_name, &bytes),
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

    fn submit(&mut self, file_name: &str, bytes: &[u8]) {
        let Some(teaching) = &self.teaching else {
            self.notice = Some(Notice::Error(format!(
                "{file_name} is a student's submission. To compare submissions, open the exercise's \
                 teacher copy in Classroom first; nothing was merged into your annotations."
            )));
            return;
        };
        let mut class = teaching.class.clone();
        class.add(&teaching.exercise, file_name, bytes);
        self.teaching = Some(Rc::new(Teaching {
            exercise: Rc::clone(&teaching.exercise),
            class,
        }));
    }

    /// Takes a read file if it is an exercise or a submission; `false` leaves it to the import.
    pub(super) fn classroom_file(&mut self, file_name: &str, bytes: &[u8]) -> bool {
        let Some((text, envelope)) = classroom_json(bytes) else {
            return false;
        };
        let same_exercise = envelope.key.is_none()
            && self.teaching.as_ref().is_some_and(|t| {
                envelope.id.as_ref().and_then(|id| id.as_str()) == Some(t.exercise.id.as_str())
            });
        match envelope.format() {
            // A submission, or (while teaching) the students' copy of the exercise dropped with the
            // submissions: the class says what it is.
            Some(f) if f == submission::FORMAT || same_exercise => {
                self.classroom(ClassroomAction::Submit {
                    file_name: file_name.to_owned(),
                    bytes: bytes.to_vec(),
                });
            }
            _ => match Exercise::read(text, self.workspace.articles()) {
                Err(e) => {
                    let at = if e.path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", e.path)
                    };
                    self.notice = Some(Notice::Error(format!(
                        "{file_name} was not opened: {at}{}",
                        e.message
                    )));
                }
                // The teacher's copy opens the class; the students' copy, the exercise.
                Ok(exercise) if exercise.key.is_some() => {
                    self.notice = Some(Notice::Info(format!(
                        "Opened the teacher's copy of “{}”: load the students' submissions in Classroom.",
                        exercise.title
                    )));
                    self.classroom(ClassroomAction::Teach(exercise));
                }
                Ok(exercise) => self.classroom(ClassroomAction::Enrol(exercise)),
            },
        }
        true
    }
}

/// The text and first look of an exercise or submission file; `None` for anything else.
fn classroom_json(bytes: &[u8]) -> Option<(&str, Envelope)> {
    let text = std::str::from_utf8(bytes).ok()?;
    // Cheap first look, so other files are not parsed twice.
    let head: String = text.chars().take(200).collect();
    if !head.contains(exercise::FORMAT) && !head.contains(submission::FORMAT) {
        return None;
    }
    match json::peek(text).ok()? {
        Peeked::Object(envelope)
            if envelope.format() == Some(exercise::FORMAT)
                || envelope.format() == Some(submission::FORMAT) =>
        {
            Some((text, *envelope))
        }
        _ => None,
    }
}
