//! A class on a database: an exercise may name a CouchDB database where its students hand in as they
//! work. Each student's submission is one document, written by the student (its `owner`, which the
//! class database's `validate_doc_update` checks against the signed-in user) and read by the teacher,
//! whose Classroom follows the database's changes feed. Files keep working beside it.
//!
//! ```json
//! { "_id": "submission:ex-m3k2…:ana", "type": "submission", "owner": "ana",
//!   "file": { "format": "news-annotator-submission", … the submission file … } }
//! ```

use super::class::{read_student, Student};
use super::exercise::Exercise;
use super::file::SubmissionFile;
use crate::domain::replication::syncing::check_place;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where an exercise's class hands in: a CouchDB database on a server behind this site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassDatabase {
    /// The server: a path on this site, such as `/couchdb`.
    pub server: String,
    /// The database's name.
    pub db: String,
}

impl ClassDatabase {
    /// The class database `db` on `server`, or why the page cannot use it.
    pub fn new(server: &str, db: &str) -> Result<ClassDatabase, String> {
        let (server, db) = check_place(server, db)?;
        Ok(ClassDatabase { server, db })
    }

    /// The database's address: `server/db`.
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.server, self.db)
    }
}

/// The `type` of a submission document.
pub const DOC_TYPE: &str = "submission";

/// The start of every submission document id of `exercise`.
pub fn doc_prefix(exercise: &str) -> String {
    format!("{DOC_TYPE}:{exercise}:")
}

/// A submission as a document of the class database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionDoc {
    /// `submission:<exercise id>:<owner>`.
    #[serde(rename = "_id")]
    pub id: String,
    /// The revision it replaces, when there is one.
    #[serde(rename = "_rev", default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// Always [`DOC_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// The CouchDB user who writes it.
    pub owner: String,
    /// The submission, as its file is written.
    pub file: SubmissionFile,
}

impl SubmissionDoc {
    /// The document the signed-in `user` writes for their submission `file`.
    pub fn new(user: &str, file: SubmissionFile) -> SubmissionDoc {
        SubmissionDoc {
            id: format!("{}{user}", doc_prefix(&file.exercise)),
            rev: None,
            kind: DOC_TYPE.to_owned(),
            owner: user.to_owned(),
            file,
        }
    }
}

/// One read of the class database's changes feed (`_changes?include_docs=true`).
#[derive(Clone, Debug, Deserialize)]
pub struct Feed {
    /// One row per changed document.
    pub results: Vec<FeedRow>,
    /// Where the next read starts.
    pub last_seq: Value,
}

/// A changed document in the feed.
#[derive(Clone, Debug, Deserialize)]
pub struct FeedRow {
    /// Its id.
    pub id: String,
    /// Whether it was deleted.
    #[serde(default)]
    pub deleted: bool,
    /// The document itself.
    #[serde(default)]
    pub doc: Option<Value>,
}

/// A submission the class database holds: the document's id, where it shows it came from, and the
/// student read from it (or why it cannot be compared).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveSubmission {
    /// The document's id.
    pub doc: String,
    /// Where it came from, in words (`class database: ana`), shown where a file name would be.
    pub source: String,
    /// The student, or why not.
    pub student: Result<Student, String>,
}

/// What one read of the feed brought for an exercise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Followed {
    /// Where this read started.
    pub from: String,
    /// Where the next read starts.
    pub since: String,
    /// The submissions new or changed since the last read.
    pub changed: Vec<LiveSubmission>,
    /// The ids of the submission documents deleted since.
    pub gone: Vec<String>,
}

/// The exercise's submissions in one read of the feed from `from`; the database's other documents
/// are passed over.
pub fn read_feed(exercise: &Exercise, feed: Feed, from: &str) -> Followed {
    let prefix = doc_prefix(&exercise.id);
    let mut followed = Followed {
        from: from.to_owned(),
        since: match feed.last_seq {
            Value::String(s) => s,
            other => other.to_string(),
        },
        ..Followed::default()
    };
    for row in feed.results {
        let Some(owner) = row.id.strip_prefix(&prefix) else {
            continue;
        };
        if row.deleted {
            followed.gone.push(row.id);
            continue;
        }
        let source = format!("class database: {owner}");
        let student = match row.doc {
            Some(doc) => student_of(exercise, owner, &source, doc),
            None => Err("the feed brought no document (a server without include_docs)".to_owned()),
        };
        followed.changed.push(LiveSubmission {
            doc: row.id,
            source,
            student,
        });
    }
    followed
}

/// The student in a submission document stored under `owner`'s id, read as their file would be.
fn student_of(
    exercise: &Exercise,
    owner: &str,
    source: &str,
    doc: Value,
) -> Result<Student, String> {
    let doc: SubmissionDoc =
        serde_json::from_value(doc).map_err(|e| format!("it is not a submission document: {e}"))?;
    if doc.owner != owner {
        return Err(format!(
            "it is stored as {owner}'s but names {} as its owner",
            doc.owner
        ));
    }
    let bytes = serde_json::to_vec(&doc.file).map_err(|e| e.to_string())?;
    read_student(exercise, source, &bytes)
}

#[cfg(test)]
#[path = "../../tests/class_db.rs"]
mod tests;
