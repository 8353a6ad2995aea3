//! The class: the submissions a teacher loaded for one exercise, each checked, and what could not be
//! compared with the reason.
//!
//! A file is left out, with a line naming it, when it is not a submission (an exercise, someone's
//! export, another format), is for another exercise, has no student name, repeats a student already
//! in the class, or was made on a text that differs from the exercise's. Annotations with a label the
//! exercise does not ask for are left out with a note. Nothing here touches the teacher's workspace.

use super::exercise::{self, Exercise};
use super::file::SubmissionFile;
use super::scores::Mark;
use super::submission;
use crate::domain::files::formats::native::{self, OFFSETS};
use crate::domain::files::json::{self, Peeked};
use crate::domain::files::records::{check_record, Checked};
use crate::domain::model::time::Timestamp;

/// One student's submission, ready to compare.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Student {
    /// The name they typed.
    pub name: String,
    /// The file it came from.
    pub file: String,
    /// When they saved it.
    pub saved: Timestamp,
    /// Their spans with the exercise's labels.
    pub marks: Vec<Mark>,
    /// What was left out of their file, if anything.
    pub notes: Vec<String>,
}

/// A file that was not added to the class, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file's name.
    pub file: String,
    /// What is wrong, in words the teacher can act on.
    pub message: String,
}

/// The students of one exercise and the files that could not be added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Class {
    /// In the order their files were added.
    pub students: Vec<Student>,
    /// In the order the files came.
    pub problems: Vec<Problem>,
}

impl Class {
    /// Reads one file and adds its student, or notes why not.
    pub fn add(&mut self, exercise: &Exercise, file: &str, bytes: &[u8]) {
        self.admit(file, read_student(exercise, file, bytes));
    }

    /// Adds a student read from `file` by [`read_student`] (in the app, by its web worker), or notes
    /// why not: the reading's error, or a student already in the class.
    pub fn admit(&mut self, file: &str, read: Result<Student, String>) {
        match read.and_then(|student| self.newcomer(student)) {
            Ok(student) => self.students.push(student),
            Err(message) => self.problems.push(Problem {
                file: file.to_owned(),
                message,
            }),
        }
    }

    /// The student, unless the class has them already (the same name, ignoring case and spacing).
    fn newcomer(&self, student: Student) -> Result<Student, String> {
        let Some(other) = self
            .students
            .iter()
            .find(|s| same_name(&s.name, &student.name))
        else {
            return Ok(student);
        };
        let what = if other.file == student.file {
            "this file is already loaded".to_owned()
        } else {
            format!(
                "“{}” is already in the class from {}",
                other.name, other.file
            )
        };
        Err(format!("{what}; this one was left out. If they are two students, ask one to save again under a fuller name"))
    }
}

/// Reads one submission file for `exercise`: its student, with their spans of the exercise's labels,
/// or why it cannot be compared (whether the class has the student already is [`Class::admit`]'s
/// question).
pub fn read_student(exercise: &Exercise, file: &str, bytes: &[u8]) -> Result<Student, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (byte {} is not valid)",
            e.valid_up_to()
        )
    })?;
    let peeked = json::peek(text).map_err(|e| format!("it is not JSON: {e}"))?;
    check_kind(&peeked)?;
    let sub: SubmissionFile = json::from_str(text).map_err(|e| e.to_string())?;
    if sub.version != submission::VERSION {
        return Err(format!(
            "version {} is not one this app reads (it reads {})",
            sub.version,
            submission::VERSION
        ));
    }
    if sub.offsets != OFFSETS {
        return Err(format!(
            "offsets counted as \"{}\" cannot be read",
            sub.offsets
        ));
    }
    if sub.exercise != exercise.id {
        return Err(format!(
            "it is for another exercise, “{}” ({}); this class is “{}” ({})",
            sub.exercise_title, sub.exercise, exercise.title, exercise.id
        ));
    }
    let name = sub.student.trim();
    if name.is_empty() {
        return Err("it has no student name".into());
    }
    let saved = sub.saved;
    for (i, listed) in sub.articles.iter().enumerate() {
        match exercise.article(&listed.id) {
                None => return Err(format!("articles[{i}]: “{}” is not one of this exercise's articles", listed.title)),
                Some(a) if a.sha256() != listed.sha256 => {
                    return Err(format!(
                        "articles[{i}]: it was annotated on another text of “{}” than the exercise's, so its offsets cannot be compared",
                        a.title
                    ))
                }
                Some(_) => {}
            }
    }
    let mut marks = Vec::new();
    let mut skipped = 0;
    for (i, rec) in sub.annotations.iter().enumerate() {
        let path = format!("annotations[{i}]");
        let placed = match check_record(rec, &path, &exercise.articles)
            .map_err(|e| format!("{}: {}", e.path, e.message))?
        {
            Checked::Placed(a) => a,
            Checked::Moved(..) | Checked::NotFound(_) => {
                return Err(format!("{path}: its text is not what the exercise's article has at its offsets, so it was made on another text"));
            }
        };
        if exercise.asks_for(placed.label.name()) {
            marks.push(Mark::of(&placed));
        } else {
            skipped += 1;
        }
    }
    let notes = if skipped > 0 {
        let asked: Vec<&str> = exercise.labels.iter().map(|l| l.plural()).collect();
        vec![format!(
            "{skipped} annotations with other labels were left out (this exercise asks for {})",
            asked.join(", ").to_lowercase()
        )]
    } else {
        Vec::new()
    };
    Ok(Student {
        name: name.to_owned(),
        file: file.to_owned(),
        saved,
        marks,
        notes,
    })
}

/// Names are the same student when they match ignoring case and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    fold(a) == fold(b)
}

/// Says what a file is when it is not a submission.
fn check_kind(peeked: &Peeked) -> Result<(), String> {
    let format = match peeked {
        Peeked::Other(kind) => return Err(format!("it is not a submission: it holds {kind}")),
        Peeked::Object(envelope) => match envelope.format() {
            Some(format) => format,
            None => return Err("it is not a submission: it has no \"format\" field".into()),
        },
    };
    match format {
        submission::FORMAT => Ok(()),
        exercise::FORMAT => Err("it is an exercise, not a submission; open it with “Open exercise”".into()),
        native::FORMAT => Err("it is a News Annotator export, not a submission; students save theirs with “Save submission”".into()),
        other => Err(format!("it is a \"{other}\" file, not a submission")),
    }
}
