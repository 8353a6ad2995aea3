//! Reading an export file back: check everything, compare with the workspace, change nothing.
//!
//! [`plan_import`] turns a file into an [`ImportPlan`] that says what the file holds and how it relates
//! to the current annotations; the person then chooses to merge or replace, and [`ImportPlan::action`]
//! gives the single undoable [`Action`] for that choice.

use super::annotation::Annotation;
use super::formats::{detect, Format};
use super::records::{check_record, Checked, RecordError};
use super::time::Timestamp;
use super::workspace::{Action, Workspace};
use std::collections::HashMap;

/// Why a file cannot be imported: the JSON path (or line and column) of the problem, and the reason.
pub type ImportError = RecordError;

fn fail<T>(path: &str, message: String) -> Result<T, ImportError> {
    Err(ImportError {
        path: path.to_owned(),
        message,
    })
}

/// How an incoming annotation relates to the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Neither its id nor its article, span and label are in the workspace.
    New,
    /// The same annotation is there already: same id and content, or another id on the same span and label.
    Present,
    /// An annotation with its id is there with other content; `newer` if the file's was updated later.
    Conflict { newer: bool },
}

/// What a file would change, worked out without changing anything.
///
/// It describes the workspace as it was when planned; make the plan again if the workspace changes
/// before the person chooses.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// The format the file was read as.
    pub format: Format,
    /// Annotations in the file, placed or not.
    pub total: usize,
    /// Placed annotations the workspace does not have.
    pub new: usize,
    /// Placed annotations the workspace has already.
    pub present: usize,
    /// Placed annotations whose id the workspace uses for different content.
    pub conflicts: usize,
    /// Those conflicts where the file's version was updated later than the workspace's.
    pub newer_conflicts: usize,
    /// One line per annotation found at other offsets than the file says: path, text, old and new span.
    pub reanchored: Vec<String>,
    /// One line per annotation whose text is not in its article; these are skipped.
    pub not_found: Vec<String>,
    /// Placed annotations per article id, in the workspace's article order, articles with none left out.
    pub per_article: Vec<(String, usize)>,
    /// Notes about the file's article list: texts that differ from ours, articles we do not have.
    pub warnings: Vec<String>,
    placed: Vec<(Annotation, Class)>,
}

impl ImportPlan {
    /// The one action that carries out the person's choice.
    ///
    /// Replace (`replace == true`) makes the file's placed annotations the only ones. Merge keeps the
    /// current annotations and adds the new ones; for a conflict (same id, different content) the more
    /// recently updated version wins, so the file's replaces the current one only when its `updated`
    /// is strictly later, and on a tie the current one stays. Annotations already present are skipped.
    pub fn action(&self, replace: bool) -> Action {
        let annotations = self
            .placed
            .iter()
            .filter(|(_, class)| {
                replace || matches!(class, Class::New | Class::Conflict { newer: true })
            })
            .map(|(a, _)| a.clone())
            .collect();
        Action::Import {
            articles: Vec::new(),
            entities: Vec::new(),
            annotations,
            replace,
        }
    }
}

/// Reads a file in any importable format (see [`formats::detect`]) and compares it with `ws`; nothing
/// in `ws` changes.
///
/// Refuses the whole file, naming the place, when it cannot be read, is in a format this app only
/// writes, or has any invalid field or repeated id. Annotations whose offsets no longer select their
/// text are re-anchored by text and context, or skipped if the text is gone; the plan lists both.
pub fn plan_import(
    file_name: &str,
    bytes: &[u8],
    ws: &Workspace,
    now: Timestamp,
) -> Result<ImportPlan, ImportError> {
    let (format, incoming) = detect::read(file_name, bytes, ws.articles(), now)?;
    let mut plan = ImportPlan {
        format,
        total: incoming.records.len(),
        new: 0,
        present: 0,
        conflicts: 0,
        newer_conflicts: 0,
        reanchored: Vec::new(),
        not_found: Vec::new(),
        per_article: Vec::new(),
        warnings: incoming.warnings,
        placed: Vec::new(),
    };
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (path, rec) in &incoming.records {
        if let Some(first) = seen.insert(rec.id.as_str(), path) {
            return fail(
                &format!("{path}.id"),
                format!("the id \"{}\" is used twice (first at {first})", rec.id),
            );
        }
        let annotation = match check_record(rec, path, ws.articles())? {
            Checked::Placed(a) => a,
            Checked::Moved(a, line) => {
                plan.reanchored.push(line);
                a
            }
            Checked::NotFound(line) => {
                plan.not_found.push(line);
                continue;
            }
        };
        let class = classify(&annotation, ws);
        match class {
            Class::New => plan.new += 1,
            Class::Present => plan.present += 1,
            Class::Conflict { newer } => {
                plan.conflicts += 1;
                plan.newer_conflicts += usize::from(newer);
            }
        }
        plan.placed.push((annotation, class));
    }
    plan.per_article = ws
        .articles()
        .iter()
        .map(|art| {
            let n = plan
                .placed
                .iter()
                .filter(|(a, _)| a.article == art.id)
                .count();
            (art.id.as_str().to_owned(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    Ok(plan)
}

fn classify(a: &Annotation, ws: &Workspace) -> Class {
    match ws.annotation(&a.id) {
        Some(current) => {
            let same = current.article == a.article
                && current.span == a.span
                && current.label == a.label
                && current.note == a.note;
            if same {
                Class::Present
            } else {
                Class::Conflict {
                    newer: a.updated > current.updated,
                }
            }
        }
        None if ws.has_span(&a.article, a.span, a.label) => Class::Present,
        None => Class::New,
    }
}

#[cfg(test)]
#[path = "tests/import.rs"]
mod tests;
