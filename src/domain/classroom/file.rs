//! The shapes of the exercise and submission files, read with path-named errors and written in file
//! order. What the fields mean is checked elsewhere (`exercise.rs`, `class.rs`).

use crate::domain::json::{self, FieldReader, Path, ReadError, Value, Writer};
use crate::domain::native_format::ArticleRecord;
use crate::domain::records::AnnotationRecord;

/// An exercise file as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    pub instructions: String,
    /// Label names.
    pub labels: Vec<String>,
    /// When it was created, RFC 3339.
    pub created: String,
    /// The offset unit.
    pub offsets: String,
    /// The articles (own ones with their text).
    pub articles: Vec<ArticleRecord>,
    /// The answer key (the teacher's copy only).
    pub key: Option<Vec<AnnotationRecord>>,
}

/// A submission file as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubmissionFile {
    /// Always `news-annotator-submission`.
    pub format: String,
    /// The file version.
    pub version: u32,
    /// The exercise's id.
    pub exercise: String,
    /// The exercise's title, for people reading the file.
    pub exercise_title: String,
    /// The student's name as they typed it.
    pub student: String,
    /// When it was saved, RFC 3339.
    pub saved: String,
    /// The offset unit.
    pub offsets: String,
    /// The exercise's articles the student had (no texts).
    pub articles: Vec<ArticleRecord>,
    /// The student's annotations on them.
    pub annotations: Vec<AnnotationRecord>,
}

fn strings(value: &mut Value, path: &Path<'_>) -> Result<Vec<String>, ReadError> {
    json::array(value, path, json::string)
}

fn articles(value: &mut Value, path: &Path<'_>) -> Result<Vec<ArticleRecord>, ReadError> {
    json::array(value, path, ArticleRecord::read)
}

fn records(value: &mut Value, path: &Path<'_>) -> Result<Vec<AnnotationRecord>, ReadError> {
    json::array(value, path, AnnotationRecord::read)
}

fn write_list<T>(w: &mut Writer, key: &str, items: &[T], write: impl Fn(&T, &mut Writer)) {
    w.key(key);
    w.begin_array();
    for item in items {
        write(item, w);
    }
    w.end_array();
}

impl ExerciseFile {
    const FIELDS: [&'static str; 10] = [
        "format",
        "version",
        "id",
        "title",
        "instructions",
        "labels",
        "created",
        "offsets",
        "articles",
        "key",
    ];

    /// Reads the file from its parsed JSON, naming the path of the first bad value.
    pub fn read(value: &mut Value) -> Result<ExerciseFile, ReadError> {
        let mut f = FieldReader::new(value, &Path::Root, "struct Exercise", &Self::FIELDS)?;
        let file = ExerciseFile {
            format: f.required("format", json::string),
            version: f.required("version", json::integer),
            id: f.required("id", json::string),
            title: f.required("title", json::string),
            instructions: f.or_default("instructions", json::string),
            labels: f.required("labels", strings),
            created: f.required("created", json::string),
            offsets: f.required("offsets", json::string),
            articles: f.required("articles", articles),
            key: f.optional("key", records),
        };
        f.finish(file)
    }

    /// Writes the file, fields in file order; `key` only when there is one.
    pub fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("format", &self.format);
        w.field("version", &self.version);
        w.field("id", &self.id);
        w.field("title", &self.title);
        w.field("instructions", &self.instructions);
        write_list(w, "labels", &self.labels, |l, w| w.string(l));
        w.field("created", &self.created);
        w.field("offsets", &self.offsets);
        write_list(w, "articles", &self.articles, ArticleRecord::write);
        if let Some(key) = &self.key {
            write_list(w, "key", key, AnnotationRecord::write);
        }
        w.end_object();
    }
}

impl SubmissionFile {
    const FIELDS: [&'static str; 9] = [
        "format",
        "version",
        "exercise",
        "exercise_title",
        "student",
        "saved",
        "offsets",
        "articles",
        "annotations",
    ];

    /// Reads the file from its parsed JSON, naming the path of the first bad value.
    pub fn read(value: &mut Value) -> Result<SubmissionFile, ReadError> {
        let mut f = FieldReader::new(value, &Path::Root, "struct Submission", &Self::FIELDS)?;
        let file = SubmissionFile {
            format: f.required("format", json::string),
            version: f.required("version", json::integer),
            exercise: f.required("exercise", json::string),
            exercise_title: f.or_default("exercise_title", json::string),
            student: f.required("student", json::string),
            saved: f.required("saved", json::string),
            offsets: f.required("offsets", json::string),
            articles: f.required("articles", articles),
            annotations: f.required("annotations", records),
        };
        f.finish(file)
    }

    /// Writes the file, fields in file order.
    pub fn write(&self, w: &mut Writer) {
        w.begin_object();
        w.field("format", &self.format);
        w.field("version", &self.version);
        w.field("exercise", &self.exercise);
        w.field("exercise_title", &self.exercise_title);
        w.field("student", &self.student);
        w.field("saved", &self.saved);
        w.field("offsets", &self.offsets);
        write_list(w, "articles", &self.articles, ArticleRecord::write);
        write_list(w, "annotations", &self.annotations, AnnotationRecord::write);
        w.end_object();
    }
}
