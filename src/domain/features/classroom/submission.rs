//! A student's submission: their annotations on an exercise's articles with its labels, named after
//! them and the exercise.
//!
//! ```json
//! { "format": "news-annotator-submission", "version": 1, "exercise": "ex-m3k2…",
//!   "exercise_title": "Who said what", "student": "Ada", "saved": "2026-11-25T11:00:00.000Z",
//!   "offsets": "unicode-code-points, end-exclusive",
//!   "articles": [ { "id": "kyiv-post", "title": "…", "sha256": "…", "length": 4016 } ],
//!   "annotations": [ { "id": "…", "article": "kyiv-post", "label": "claim", … } ] }
//! ```
//!
//! Articles are listed without their text (the teacher has the exercise); their hashes let the teacher
//! see a submission made on another text.

use super::exercise::{slug, Exercise};
use super::file::SubmissionFile;
use crate::domain::files::formats::native::{ArticleRecord, OFFSETS};
use crate::domain::files::json::to_pretty;
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;

/// The value of a submission file's `format` field.
pub const FORMAT: &str = "news-annotator-submission";

/// The `version` this app writes and reads.
pub const VERSION: u32 = 1;

/// The submission of `student` for `exercise`, from the workspace, pretty-printed: the annotations on
/// the exercise's articles with its labels, in text order.
pub fn submission_json(
    exercise: &Exercise,
    student: &str,
    ws: &Workspace,
    saved: Timestamp,
) -> String {
    to_pretty(&submission_file(exercise, student, ws, saved))
}

/// The submission of `student` for `exercise` as its file record (see [`submission_json`]).
pub fn submission_file(
    exercise: &Exercise,
    student: &str,
    ws: &Workspace,
    saved: Timestamp,
) -> SubmissionFile {
    let annotations = exercise
        .articles
        .iter()
        .flat_map(|article| {
            ws.in_article(&article.id)
                .iter()
                .filter(|a| exercise.asks_for(a.label.name()))
                .map(|a| AnnotationRecord::from_annotation(a, article))
                .collect::<Vec<_>>()
        })
        .collect();
    SubmissionFile {
        format: FORMAT.into(),
        version: VERSION,
        exercise: exercise.id.clone(),
        exercise_title: exercise.title.clone(),
        student: student.trim().to_owned(),
        saved,
        offsets: OFFSETS.into(),
        articles: exercise
            .articles
            .iter()
            .map(|a| ArticleRecord {
                text: None,
                added: None,
                own: false,
                ..ArticleRecord::of(a)
            })
            .collect(),
        annotations,
    }
}

/// The download name: `ada-lovelace--who-said-what.submission.json`.
pub fn submission_file_name(student: &str, exercise: &Exercise) -> String {
    format!(
        "{}--{}.submission.json",
        slug(student, "student"),
        slug(&exercise.title, "exercise")
    )
}
