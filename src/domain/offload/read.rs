//! Reading a file the person loaded or dropped, in the web worker: an exercise opens, a submission
//! goes to the teacher's class, anything else is planned for import.

use crate::domain::features::classroom::class::{read_student, Student};
use crate::domain::features::classroom::exercise::{self, Exercise};
use crate::domain::features::classroom::submission;
use crate::domain::files::formats::ImportOptions;
use crate::domain::files::import::{plan_import, plan_import_files, ImportPlan};
use crate::domain::files::json::{self, Envelope, Peeked};
use crate::domain::model::time::Timestamp;
use crate::domain::offload::FileContent;
use crate::domain::state::workspace::Workspace;
use serde::{Deserialize, Serialize};

/// What a read file is, and what it gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileRead {
    /// An exercise (the teacher's copy when it has a key), or why it cannot be opened.
    Exercise(Result<Box<Exercise>, String>),
    /// A student's submission for the open class, or why it cannot be compared.
    Student(Result<Box<Student>, String>),
    /// A submission while no class is open.
    Submission,
    /// Any other file: its import plan, or why it cannot be imported.
    Import(Result<Box<ImportPlan>, String>),
}

/// A loaded file: its name, its bytes, and how to read it if it is imported.
pub struct File<'a> {
    /// The file's name (it tells some formats apart).
    pub name: &'a str,
    /// Its content.
    pub bytes: &'a [u8],
    /// What foreign labels become, and a Label Studio file's text field.
    pub options: &'a ImportOptions,
}

/// What to read of files picked or dropped together, each with its name (a dropped folder's with its
/// path): brat's `.txt` and `.ann` files as one group when there is an `.ann` among several files (its
/// name the folder's, or `N brat files`), and every other file on its own, in the order given.
pub fn grouped(files: Vec<(String, FileContent)>) -> Vec<(String, FileContent)> {
    let is = |name: &str, ext: &str| name.to_ascii_lowercase().ends_with(ext);
    let brat = |name: &str| is(name, ".ann") || is(name, ".txt");
    let has_ann = files.iter().any(|(n, _)| is(n, ".ann"));
    if files.len() < 2 || !has_ann {
        return files;
    }
    let (pairs, others): (Vec<_>, Vec<_>) = files.into_iter().partition(|(n, _)| brat(n));
    let folder = pairs
        .first()
        .and_then(|(n, _)| n.split_once('/'))
        .map(|(top, _)| top);
    let same_folder =
        folder.filter(|top| pairs.iter().all(|(n, _)| n.starts_with(&format!("{top}/"))));
    let name = match same_folder {
        Some(top) => format!("{top}/"),
        None => format!("{} brat files", pairs.len()),
    };
    let mut out = vec![(name, FileContent::Files(pairs))];
    out.extend(others);
    out
}

/// Reads files picked or dropped together (brat's `.txt` and `.ann` pairs) for import.
pub fn read_files(
    ws: &Workspace,
    files: Vec<(String, Vec<u8>)>,
    options: &ImportOptions,
    now: Timestamp,
) -> FileRead {
    FileRead::Import(
        plan_import_files(files, ws, options, now)
            .map(Box::new)
            .map_err(|e| e.to_string()),
    )
}

/// Reads a file against the workspace and the exercise being taught, if any.
pub fn read(ws: &Workspace, teaching: Option<&Exercise>, file: &File, now: Timestamp) -> FileRead {
    let (file_name, bytes) = (file.name, file.bytes);
    let Some((text, envelope)) = classroom_json(bytes) else {
        return FileRead::Import(
            plan_import(file_name, bytes, ws, file.options, now)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        );
    };
    let same_exercise = envelope.key.is_none()
        && teaching.is_some_and(|t| {
            envelope.id.as_ref().and_then(|id| id.as_str()) == Some(t.id.as_str())
        });
    // A submission, or (while teaching) the students' copy of the exercise dropped with the
    // submissions: the class says what it is.
    if envelope.format() == Some(submission::FORMAT) || same_exercise {
        return match teaching {
            Some(exercise) => student(exercise, file_name, bytes),
            None => FileRead::Submission,
        };
    }
    FileRead::Exercise(
        Exercise::read(text, ws.articles())
            .map(Box::new)
            .map_err(|e| match e.path.as_str() {
                "" => e.message,
                path => format!("{path}: {}", e.message),
            }),
    )
}

/// Reads a file as a submission for `exercise`.
pub fn student(exercise: &Exercise, file_name: &str, bytes: &[u8]) -> FileRead {
    FileRead::Student(read_student(exercise, file_name, bytes).map(Box::new))
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
