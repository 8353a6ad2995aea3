//! Reading an export file back: check everything, compare with the workspace, change nothing.
//!
//! [`plan_import`] turns a file into an [`ImportPlan`] that says what the file holds and how it relates
//! to the current annotations; the person then chooses to merge or replace, and [`ImportPlan::action`]
//! gives the single undoable [`Action`] for that choice.

use super::annotation::Annotation;
use super::json::{self, Value};
use super::native_format::{ExportFile, FORMAT, OFFSETS, VERSION};
use super::records::{check_record, path_error, syntax_error, Checked, RecordError};
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
            annotations,
            replace,
        }
    }
}

/// Reads an export file and compares it with `ws`; nothing in `ws` changes.
///
/// Refuses the whole file, naming the place, when it is not JSON, not this format, from a newer
/// version, or has any invalid field or repeated id. Annotations whose offsets no longer select their
/// text are re-anchored by text and context, or skipped if the text is gone; the plan lists both.
pub fn plan_import(json: &str, ws: &Workspace) -> Result<ImportPlan, ImportError> {
    let mut value = json::parse(json).map_err(|e| syntax_error(&e))?;
    check_envelope(&value)?;
    let file = ExportFile::read(&mut value).map_err(path_error)?;
    if file.version != VERSION {
        return fail(
            "version",
            format!(
                "version {} is not one this app reads (it reads {VERSION})",
                file.version
            ),
        );
    }
    if file.offsets != OFFSETS {
        return fail(
            "offsets",
            format!(
                "offsets counted as \"{}\" cannot be read; this app reads \"{OFFSETS}\"",
                file.offsets
            ),
        );
    }
    Timestamp::parse(&file.exported).map_err(|m| ImportError {
        path: "exported".into(),
        message: m,
    })?;
    let mut plan = ImportPlan {
        total: file.annotations.len(),
        new: 0,
        present: 0,
        conflicts: 0,
        newer_conflicts: 0,
        reanchored: Vec::new(),
        not_found: Vec::new(),
        per_article: Vec::new(),
        warnings: article_warnings(&file, ws),
        placed: Vec::new(),
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, rec) in file.annotations.iter().enumerate() {
        let path = format!("annotations[{i}]");
        if let Some(first) = seen.insert(rec.id.as_str(), i) {
            return fail(
                &format!("{path}.id"),
                format!(
                    "the id \"{}\" is used twice (first at annotations[{first}])",
                    rec.id
                ),
            );
        }
        let annotation = match check_record(rec, &path, ws.articles())? {
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

/// Refuses files of another format or a newer version before their fields are read, so the person
/// hears "not a News Annotator file" rather than a list of missing fields.
fn check_envelope(value: &Value) -> Result<(), ImportError> {
    let not_ours = |why: String| fail("", format!("this is not a News Annotator file: {why}"));
    if !matches!(value, Value::Object(_)) {
        return not_ours(format!("it holds {}, not an object", kind_of(value)));
    }
    match value.get("format") {
        None => return not_ours("it has no \"format\" field".into()),
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => return not_ours(format!("its \"format\" is {other}, not \"{FORMAT}\"")),
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => fail(
            "",
            format!(
                "this file was written by a newer version ({v}); this app reads version {VERSION}"
            ),
        ),
        _ => Ok(()),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Lines about listed articles whose text differs from ours or that this app does not have.
fn article_warnings(file: &ExportFile, ws: &Workspace) -> Vec<String> {
    let mut out = Vec::new();
    for (i, listed) in file.articles.iter().enumerate() {
        match ws.articles().iter().find(|a| a.id.as_str() == listed.id) {
            None => out.push(format!(
                "articles[{i}]: this app has no article \"{}\"",
                listed.id
            )),
            Some(ours) if ours.sha256() != listed.sha256 => out.push(format!(
                "articles[{i}]: the text of \"{}\" differs from the one the file was made on; \
                 its annotations were checked against their text",
                listed.id
            )),
            Some(_) => {}
        }
    }
    out
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
