//! The classroom's saved state, kept beside the annotations (localStorage key
//! `news-annotator/classroom`): the exercise a student works on with their name, and the exercise a
//! teacher compares submissions for, with its key. The class itself is not kept: its submissions are
//! files the teacher has, and loading them again gives the same table.
//!
//! ```json
//! { "version": 1, "student": { "name": "Ada", "exercise": { …students' copy… } },
//!   "teaching": { …teacher's copy… } }
//! ```

use super::exercise::Exercise;
use super::file::ExerciseFile;
use crate::domain::files::json::{self, to_compact, Peeked};
use crate::domain::model::article::Article;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What is kept: the student's exercise and name, and the teacher's exercise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// The student's exercise and the name they typed.
    pub student: Option<(Exercise, String)>,
    /// The teacher's exercise.
    pub teaching: Option<Exercise>,
}

/// The saved classroom as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedFile {
    /// Always 1.
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    student: Option<StudentFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    teaching: Option<ExerciseFile>,
}

/// The student's part: their name and the students' copy of the exercise.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StudentFile {
    name: String,
    exercise: ExerciseFile,
}

/// The saved state as compact JSON.
pub fn encode(student: Option<(&Exercise, &str)>, teaching: Option<&Exercise>) -> String {
    to_compact(&SavedFile {
        version: 1,
        student: student.map(|(exercise, name)| StudentFile {
            name: name.to_owned(),
            exercise: exercise.file(false),
        }),
        teaching: teaching.map(|exercise| exercise.file(true)),
    })
}

/// Reads the saved state against the workspace's articles; says what is wrong where.
pub fn decode(text: &str, have: &[Rc<Article>]) -> Result<Saved, String> {
    if let Peeked::Other(kind) = json::peek(text).map_err(|e| e.to_string())? {
        return Err(format!("it is not a JSON object but {kind}"));
    }
    let file: SavedFile = json::from_str(text).map_err(|e| e.to_string())?;
    if file.version != 1 {
        return Err(format!(
            "version {} is not one this app reads",
            file.version
        ));
    }
    let exercise = |file: ExerciseFile, at: &str| {
        Exercise::from_file(file, have).map_err(|e| format!("{at}.{}: {}", e.path, e.message))
    };
    Ok(Saved {
        student: match file.student {
            Some(s) => Some((exercise(s.exercise, "student.exercise")?, s.name)),
            None => None,
        },
        teaching: file.teaching.map(|t| exercise(t, "teaching")).transpose()?,
    })
}
