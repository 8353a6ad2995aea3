//! Reading an export file back: check everything, compare with the workspace, change nothing.
//!
//! [`plan_import`] turns a file into an [`ImportPlan`] that says what the file holds and how it relates
//! to the workspace: annotations, registry entries (each new, present or in conflict) and the person's
//! own articles the workspace lacks. The person then chooses to merge or replace, and
//! [`ImportPlan::action`] gives the single undoable [`Action`] for that choice, one the workspace accepts:
//! a link or registry reference that would not fit is cut first, with a line saying so.

use crate::domain::files::formats::labels::LabelUse;
use crate::domain::files::formats::{detect, Format, ImportOptions};
use crate::domain::files::records::{check_record, Checked, RecordError};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

mod entries;
mod links;
mod subset;

/// Why a file cannot be imported: the JSON path (or line and column) of the problem, and the reason.
pub type ImportError = RecordError;

fn fail<T>(path: &str, message: String) -> Result<T, ImportError> {
    Err(ImportError {
        path: path.to_owned(),
        message,
    })
}

/// How an incoming annotation or registry entry relates to the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Its id is not in the workspace (nor, for an annotation, its article, span and label).
    New,
    /// The same is there already: same id and content, or an annotation with another id on the same
    /// span and label.
    Present,
    /// Its id is there with other content; `newer` if the file's was updated later.
    Conflict { newer: bool },
}

/// A placed annotation of the file, where it was, and how it relates to the workspace.
#[derive(Clone, Debug, PartialEq)]
struct Placed {
    path: String,
    annotation: Annotation,
    class: Class,
}

/// What one choice (merge or replace) writes, and the links it has to cut to fit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Choice {
    entities: Vec<Entity>,
    annotations: Vec<Annotation>,
    cut: Vec<String>,
}

/// What a file would change, worked out without changing anything.
///
/// It describes the workspace as it was when planned; make the plan again if the workspace changes
/// before the person chooses. A serde type: the web worker plans, the page shows and applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Placed annotations per article id, in the workspace's article order then the file's new
    /// articles, articles with none left out.
    pub per_article: Vec<(String, usize)>,
    /// Notes about the file's article list: texts that differ from ours, articles we do not have.
    pub warnings: Vec<String>,
    /// One line per own article the file adds (both choices add them): `adds article “Title” (id, N
    /// characters)`.
    pub added_articles: Vec<String>,
    /// Each foreign label of the file with its count and what it becomes (ours too, as they map to
    /// themselves); the spans of a label left out are skipped, and a warning says how many.
    pub labels: Vec<LabelUse>,
    /// Label Studio: the `data` fields that could each be a task's text, when several fit (empty
    /// otherwise); reading again with one in [`ImportOptions::text_field`] picks it.
    pub text_fields: Vec<String>,
    /// Registry entries in the file.
    pub entities_total: usize,
    /// Entries the workspace does not have.
    pub new_entities: usize,
    /// Entries the workspace has already, the same.
    pub present_entities: usize,
    /// Entries whose id the workspace uses for a different name, kind, aliases or rejected places.
    pub entity_conflicts: usize,
    /// Those where the file's entry was updated later than the workspace's.
    pub newer_entity_conflicts: usize,
    /// One line per link or registry reference cut whatever the choice: its target is neither in the
    /// file nor in the workspace (or is there but cannot be linked to). The annotations are kept.
    pub links_cut: Vec<String>,
    articles: Vec<Article>,
    /// What each of `articles` adds to the saved state with its annotations, in the quota's units.
    article_units: Vec<usize>,
    merge: Choice,
    replace: Choice,
}

impl ImportPlan {
    /// The one action that carries out the person's choice.
    ///
    /// Replace (`replace == true`) makes the file's placed annotations and registry entries the only
    /// ones. Merge keeps the current ones and adds the new ones; for a conflict (same id, different
    /// content) the more recently updated version wins, so the file's replaces the current one only
    /// when its `updated` is strictly later, and on a tie the current one stays. What is already present
    /// is skipped. Both add the own articles the file brings (see [`ImportPlan::added_articles`]) and
    /// cut the links listed in [`ImportPlan::links_cut`] and [`ImportPlan::cut_on`].
    pub fn action(&self, replace: bool) -> Action {
        let choice = if replace { &self.replace } else { &self.merge };
        Action::Import {
            articles: self.articles.clone(),
            entities: choice.entities.clone(),
            annotations: choice.annotations.clone(),
            replace,
        }
    }

    /// The links that only this choice cuts, one line each, besides [`ImportPlan::links_cut`]: on
    /// replace, links to annotations and entries of the workspace that the file does not have; on
    /// merge, links that a kept or newer version no longer fits.
    pub fn cut_on(&self, replace: bool) -> &[String] {
        if replace {
            &self.replace.cut
        } else {
            &self.merge.cut
        }
    }
}

/// Reads a file in any importable format (see [`formats::detect`](detect::read)) and compares it with
/// `ws`; nothing in `ws` changes.
///
/// Refuses the whole file, naming the place, when it cannot be read, is in a format this app only
/// writes, has any invalid field or repeated id, a link within the file that cannot be (a quote's
/// source that is a claim), or brings an own article whose id the workspace has with another text.
/// Annotations whose offsets no longer select their text are re-anchored by text and context, or skipped
/// if the text is gone; the plan lists both. Records are checked against the workspace's articles and
/// the articles the file adds.
pub fn plan_import(
    file_name: &str,
    bytes: &[u8],
    ws: &Workspace,
    options: &ImportOptions,
    now: Timestamp,
) -> Result<ImportPlan, ImportError> {
    let read = detect::read(file_name, bytes, ws.articles(), options, now)?;
    plan(read, ws)
}

/// As [`plan_import`], for files picked or dropped together: brat's `.txt` and `.ann` pairs (see
/// [`detect::read_files`]).
pub fn plan_import_files(
    files: Vec<(String, Vec<u8>)>,
    ws: &Workspace,
    options: &ImportOptions,
    now: Timestamp,
) -> Result<ImportPlan, ImportError> {
    let read = detect::read_files(files, ws.articles(), options, now)?;
    plan(read, ws)
}

/// The plan of what a reader found in a file.
fn plan(
    (format, mut incoming): (Format, crate::domain::files::formats::Incoming),
    ws: &Workspace,
) -> Result<ImportPlan, ImportError> {
    incoming.warnings.extend(incoming.labels.skipped_lines());
    let articles = entries::new_articles(incoming.articles, ws)?;
    let entities = entries::entities(&incoming.entities, ws)?;
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
        added_articles: articles.iter().map(entries::adds_line).collect(),
        labels: incoming.labels.uses(),
        text_fields: incoming.text_fields,
        entities_total: entities.len(),
        new_entities: 0,
        present_entities: 0,
        entity_conflicts: 0,
        newer_entity_conflicts: 0,
        links_cut: Vec::new(),
        articles: Vec::new(),
        article_units: Vec::new(),
        merge: Choice::default(),
        replace: Choice::default(),
    };
    for (_, class) in &entities {
        match class {
            Class::New => plan.new_entities += 1,
            Class::Present => plan.present_entities += 1,
            Class::Conflict { newer } => {
                plan.entity_conflicts += 1;
                plan.newer_entity_conflicts += usize::from(*newer);
            }
        }
    }
    // Every article by its id (the workspace's first), so that checking a record takes the same time
    // however many articles the file brings.
    let ordered: Vec<&Article> = ws
        .articles()
        .iter()
        .map(|a| &**a)
        .chain(articles.iter())
        .collect();
    let mut all_articles: HashMap<&str, &Article> = HashMap::new();
    for a in &ordered {
        all_articles.entry(a.id.as_str()).or_insert(a);
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let mut placed = Vec::new();
    for (path, rec) in &incoming.records {
        if let Some(first) = seen.insert(rec.id.as_str(), path) {
            return fail(
                &format!("{path}.id"),
                format!("the id \"{}\" is used twice (first at {first})", rec.id),
            );
        }
        let article = all_articles.get(rec.article.as_str()).copied();
        let annotation = match check_record(rec, path, article.as_slice())? {
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
        placed.push(Placed {
            path: path.clone(),
            annotation,
            class: Class::New,
        });
    }
    let links = links::Links::new(&placed, entities, ws);
    plan.links_cut = links.cut_dangling(&mut placed, |id| seen.contains_key(id))?;
    for p in &mut placed {
        p.class = classify(&links.remapped(&p.annotation), ws);
        match p.class {
            Class::New => plan.new += 1,
            Class::Present => plan.present += 1,
            Class::Conflict { newer } => {
                plan.conflicts += 1;
                plan.newer_conflicts += usize::from(newer);
            }
        }
    }
    plan.merge = links.merge(&placed);
    plan.replace = links.replace(&placed);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for p in &placed {
        *counts.entry(p.annotation.article.as_str()).or_default() += 1;
    }
    plan.per_article = ordered
        .iter()
        .filter_map(|art| {
            let n = counts.remove(art.id.as_str())?;
            Some((art.id.as_str().to_owned(), n))
        })
        .collect();
    plan.article_units = subset::units(&articles, &plan.merge.annotations);
    plan.articles = articles;
    Ok(plan)
}

/// How an annotation (its source already given by the workspace's id) relates to the workspace.
fn classify(a: &Annotation, ws: &Workspace) -> Class {
    match ws.annotation(&a.id) {
        Some(current) => {
            let same = current.article == a.article
                && current.span == a.span
                && current.label == a.label
                && current.note == a.note
                && current.attrs == a.attrs;
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
#[path = "../tests/import.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/import_corpus.rs"]
mod corpus_tests;

#[cfg(test)]
#[path = "../tests/import_v2.rs"]
mod v2_tests;

#[cfg(test)]
#[path = "../tests/import_links.rs"]
mod links_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/import_properties.rs"]
mod properties;
