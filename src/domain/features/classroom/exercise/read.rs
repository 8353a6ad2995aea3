//! Reading an exercise file: the shape read, then each field checked against this app's articles.

use super::super::class_db::ClassDatabase;
use super::super::file::ExerciseFile;
use super::{Exercise, FORMAT, VERSION};
use crate::domain::files::formats::native::{own_articles, OFFSETS};
use crate::domain::files::formats::{error, FormatError};
use crate::domain::files::json::Peeked;
use crate::domain::files::records::{check_record, AnnotationRecord, Checked};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::LabelName;
use std::rc::Rc;

impl ExerciseFile {
    /// The exercise this file describes, checked: labels known and not repeated, at least one article,
    /// each bundled one present here with the same text, own ones with a text that matches its hash,
    /// and key records that fit their article's text.
    pub(super) fn resolve(self, have: &[Rc<Article>]) -> Result<Exercise, FormatError> {
        check_format(Some(&self.format))?;
        if self.version != VERSION {
            return error(
                "version",
                format!(
                    "version {} is not one this app reads (it reads {VERSION})",
                    self.version
                ),
            );
        }
        if self.offsets != OFFSETS {
            return error(
                "offsets",
                format!(
                    "offsets counted as \"{}\" cannot be read; this app reads \"{OFFSETS}\"",
                    self.offsets
                ),
            );
        }
        if self.id.trim().is_empty() {
            return error("id", "an exercise id must not be empty");
        }
        if self.title.trim().is_empty() {
            return error("title", "an exercise needs a title");
        }
        let created = self.created;
        let labels = read_labels(&self.labels)?;
        if self.articles.is_empty() {
            return error("articles", "an exercise needs at least one article");
        }
        let brought = own_articles(&self.articles, have)?;
        let mut articles: Vec<Rc<Article>> = Vec::new();
        for (i, rec) in self.articles.iter().enumerate() {
            if articles.iter().any(|a| a.id.as_str() == rec.id) {
                return error(
                    format!("articles[{i}].id"),
                    format!("\"{}\" is listed twice", rec.id),
                );
            }
            let found = have
                .iter()
                .find(|a| a.id.as_str() == rec.id)
                .cloned()
                .or_else(|| {
                    brought
                        .iter()
                        .find(|a| a.id.as_str() == rec.id)
                        .cloned()
                        .map(Rc::new)
                });
            match found {
                Some(a) if a.sha256() == rec.sha256 => articles.push(a),
                Some(_) => {
                    return error(
                        format!("articles[{i}]"),
                        format!("the text of \"{}\" (“{}”) differs from this app's; the exercise was made on another text", rec.id, rec.title),
                    )
                }
                None => {
                    return error(
                        format!("articles[{i}]"),
                        format!("this app has no article \"{}\" (“{}”)", rec.id, rec.title),
                    )
                }
            }
        }
        let class_db = match &self.class_database {
            None => None,
            Some(place) => Some(
                ClassDatabase::new(&place.server, &place.db)
                    .or_else(|why| error("class_database", why))?,
            ),
        };
        let key = match self.key {
            None => None,
            Some(records) => Some(read_key(&records, &articles, &labels)?),
        };
        Ok(Exercise {
            id: self.id,
            title: self.title.trim().to_owned(),
            instructions: self.instructions,
            labels,
            created,
            articles,
            key,
            class_db,
            suggestions: self.suggestions,
        })
    }
}

/// The labels, known and each once, in the app's order.
fn read_labels(names: &[String]) -> Result<Vec<LabelName>, FormatError> {
    if names.is_empty() {
        return error("labels", "an exercise needs at least one label");
    }
    let mut labels = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some(label) = LabelName::ALL.into_iter().find(|l| l.name() == name) else {
            return error(
                format!("labels[{i}]"),
                format!("unknown label \"{name}\", expected `claim`, `quote` or `entity`"),
            );
        };
        if labels.contains(&label) {
            return error(
                format!("labels[{i}]"),
                format!("\"{name}\" is listed twice"),
            );
        }
        labels.push(label);
    }
    Ok(LabelName::ALL
        .into_iter()
        .filter(|l| labels.contains(l))
        .collect())
}

/// The key's records, each placed on its article's text and of one of the exercise's labels.
fn read_key(
    records: &[AnnotationRecord],
    articles: &[Rc<Article>],
    labels: &[LabelName],
) -> Result<Vec<Annotation>, FormatError> {
    let mut key = Vec::new();
    for (i, rec) in records.iter().enumerate() {
        let path = format!("key[{i}]");
        let annotation = match check_record(rec, &path, articles)? {
            Checked::Placed(a) => a,
            Checked::Moved(_, _) | Checked::NotFound(_) => {
                return error(
                    format!("{path}.exact"),
                    "it is not the text at the record's offsets",
                );
            }
        };
        if !labels.contains(&annotation.label.name()) {
            return error(
                format!("{path}.label"),
                format!("\"{}\" is not one of the exercise's labels", rec.label),
            );
        }
        key.push(annotation);
    }
    Ok(key)
}

/// Refuses another file kind before its fields are read, naming what it is.
pub(super) fn check_envelope(peeked: &Peeked) -> Result<(), FormatError> {
    let envelope = match peeked {
        Peeked::Object(envelope) => envelope,
        Peeked::Other(kind) => {
            return error("", format!("this is not an exercise file: it holds {kind}"))
        }
    };
    check_format(envelope.format())?;
    match envelope.version() {
        Some(v) if v > u64::from(VERSION) => error("version", format!("this exercise was written by a newer version ({v}); this app reads version {VERSION}")),
        _ => Ok(()),
    }
}

/// Refuses a file whose `format` is not an exercise's.
pub(super) fn check_format(format: Option<&str>) -> Result<(), FormatError> {
    match format {
        Some(FORMAT) => Ok(()),
        Some(other) => error(
            "format",
            format!("this is a \"{other}\" file, not an exercise"),
        ),
        None => error(
            "",
            "this is not an exercise file: it has no \"format\" field",
        ),
    }
}
