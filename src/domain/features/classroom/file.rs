//! The shapes of the exercise and submission files, as serde types. What the fields mean is checked
//! elsewhere (`exercise/read.rs`, `class.rs`).

use super::class_db::ClassDatabase;
use crate::domain::files::formats::native::ArticleRecord;
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};

/// An exercise file as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    /// Always `news-annotator-exercise`.
    pub format: String,
    /// The file version.
    pub version: u32,
    /// The exercise id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The teacher's instructions.
    #[serde(default)]
    pub instructions: String,
    /// Label names.
    pub labels: Vec<String>,
    /// When it was created, RFC 3339.
    pub created: Timestamp,
    /// The offset unit.
    pub offsets: String,
    /// The articles (own ones with their text).
    pub articles: Vec<ArticleRecord>,
    /// Whether the students see suggestions while they work (off unless the teacher turns them on).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suggestions: bool,
    /// Where the class hands in as it works, if the exercise names a database.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_database: Option<ClassDatabase>,
    /// The answer key (the teacher's copy only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Vec<AnnotationRecord>>,
}

/// A submission file as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionFile {
    /// Always `news-annotator-submission`.
    pub format: String,
    /// The file version.
    pub version: u32,
    /// The exercise's id.
    pub exercise: String,
    /// The exercise's title, for people reading the file.
    #[serde(default)]
    pub exercise_title: String,
    /// The student's name as they typed it.
    pub student: String,
    /// When it was saved, RFC 3339.
    pub saved: Timestamp,
    /// The offset unit.
    pub offsets: String,
    /// The exercise's articles the student had (no texts).
    pub articles: Vec<ArticleRecord>,
    /// The student's annotations on them.
    pub annotations: Vec<AnnotationRecord>,
}
