//! The file shape of one annotation, shared by the export file and the stored state, and its checker.
//!
//! A record carries the offsets and, beside them, the text they select (`exact`) with some context, so a
//! record can be verified against the article and re-anchored when its offsets no longer fit.

use crate::domain::files::json::JsonError;
use crate::domain::model::anchoring::{anchor, Anchoring, CONTEXT_CHARS};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;

mod attrs;
mod entity;
pub use entity::{EntityRecord, RejectedRecord};

/// One annotation as written to files; offsets are Unicode code points, end exclusive.
///
/// Names (`label`, `kind`, the attributes) stay text here so that [`check_record`] can say which field
/// of which record is wrong, and a saved record with a bad name is dropped alone rather than the whole
/// state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationRecord {
    /// Unique, non-empty id.
    pub id: String,
    /// Id of the article.
    pub article: String,
    /// `claim`, `quote` or `entity`.
    pub label: String,
    /// For entities `person`, `organization`, `place` or `other`; null or absent otherwise.
    #[serde(default)]
    pub kind: Option<String>,
    /// The annotator's note; may be empty.
    #[serde(default)]
    pub note: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text between `start` and `end` when the record was written.
    pub exact: String,
    /// Up to 32 code points before `start`.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 code points after `end`.
    #[serde(default)]
    pub suffix: String,
    /// When the annotation was made, RFC 3339 in files.
    pub created: Timestamp,
    /// When it was last changed, RFC 3339 in files.
    pub updated: Timestamp,
    /// Quotes and claims: the id of the annotation it comes from (same article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Claims: `attributed`, `unattributed` or `outlet`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Claims: `unchecked`, `supported`, `disputed` or `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// Entities: the id of the registry entry it refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

impl AnnotationRecord {
    /// A record labelled `label` and nothing else yet: readers fill in the rest, then
    /// [`with_context`](Self::with_context).
    pub fn labelled(label: Label) -> AnnotationRecord {
        AnnotationRecord {
            label: label.name().name().to_owned(),
            kind: label.kind().map(|k| k.name().to_owned()),
            ..AnnotationRecord::default()
        }
    }

    /// The record with `exact`, `prefix` and `suffix` cut at its offsets from `text`: the file's own
    /// copy of the article's text (see [`formats::indexed`](crate::domain::files::formats::indexed)),
    /// so that the import can check it against ours and re-anchor if they differ. Cutting by the
    /// article's code point index keeps this fast at any offset: a file of many spans far into a long
    /// text is read in time linear in its size.
    pub fn with_context(self, text: &Article) -> AnnotationRecord {
        let cut = |from: usize, to: usize| -> String { text.slice(from, to).to_owned() };
        AnnotationRecord {
            exact: cut(self.start, self.end),
            prefix: cut(self.start.saturating_sub(CONTEXT_CHARS), self.start),
            suffix: cut(self.end, self.end.saturating_add(CONTEXT_CHARS)),
            ..self
        }
    }

    /// The record of `a`, with `exact`, `prefix` and `suffix` taken from `article`'s text.
    pub fn from_annotation(a: &Annotation, article: &Article) -> AnnotationRecord {
        AnnotationRecord {
            id: a.id.as_str().to_owned(),
            article: a.article.as_str().to_owned(),
            note: a.note.clone(),
            start: a.span.start(),
            end: a.span.end(),
            created: a.created,
            updated: a.updated,
            source: a.attrs.source.as_ref().map(|s| s.as_str().to_owned()),
            attribution: a.attrs.attribution.map(|x| x.name().to_owned()),
            check: a.attrs.check_name().map(str::to_owned),
            entity: a.attrs.entity.as_ref().map(|e| e.as_str().to_owned()),
            ..AnnotationRecord::labelled(a.label)
        }
        .with_context(article)
    }
}

/// A record that cannot be read, with the JSON path of the offending value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// Where in the file, such as `annotations[3].end`; empty for the whole file.
    pub path: String,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A JSON error as a [`RecordError`]: a syntax error's path is its place (`line 3, column 14`), a
/// value's is its JSON path, with the place after the reason.
impl From<JsonError> for RecordError {
    fn from(e: JsonError) -> RecordError {
        if e.syntax {
            RecordError {
                path: format!("line {}, column {}", e.line, e.column),
                message: e.message,
            }
        } else {
            RecordError {
                message: e.message_with_place(),
                path: e.path,
            }
        }
    }
}

/// A record that passed the checks, and where its text was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    /// The text at the record's offsets is its `exact`: placed as written.
    Placed(Annotation),
    /// The text was found at other offsets; the annotation points there, and the line says so.
    Moved(Annotation, String),
    /// The text is nowhere in the article; the annotation is skipped, and the line says so.
    NotFound(String),
}

impl Checked {
    /// The annotation, unless it could not be placed.
    pub fn annotation(&self) -> Option<&Annotation> {
        match self {
            Checked::Placed(a) | Checked::Moved(a, _) => Some(a),
            Checked::NotFound(_) => None,
        }
    }
}

/// The error for `field` of the record at `path`.
fn field_error(path: &str, field: &str, message: String) -> RecordError {
    RecordError {
        path: format!("{path}.{field}"),
        message,
    }
}

/// Checks the record found at `path` against `articles` and places it.
///
/// Bad fields (empty id or text, unknown label or kind, unknown article, empty span, offsets past the
/// article's end) are errors naming the field. Offsets that fit but no longer select `exact` are
/// re-anchored by the text and its context: the result is then [`Checked::Moved`] or
/// [`Checked::NotFound`], never a silently misplaced span.
pub fn check_record<A: Borrow<Article>>(
    rec: &AnnotationRecord,
    path: &str,
    articles: &[A],
) -> Result<Checked, RecordError> {
    let err = |field: &str, message: String| field_error(path, field, message);
    if rec.id.is_empty() {
        return Err(err("id", "an annotation id must not be empty".into()));
    }
    let label = Label::from_names(&rec.label, rec.kind.as_deref()).map_err(|m| {
        let field = if matches!(rec.label.as_str(), "claim" | "quote" | "entity") {
            "kind"
        } else {
            "label"
        };
        err(field, m)
    })?;
    let attrs = attrs::read(rec, label).map_err(|(field, m)| err(field, m))?;
    let article = articles
        .iter()
        .map(Borrow::borrow)
        .find(|a: &&Article| a.id.as_str() == rec.article)
        .ok_or_else(|| err("article", format!("unknown article \"{}\"", rec.article)))?;
    let span = Span::new(rec.start, rec.end).map_err(|e| err("end", e.to_string()))?;
    if rec.end > article.char_len {
        let message = format!(
            "{} is past the end of article \"{}\" ({} characters)",
            rec.end, rec.article, article.char_len
        );
        return Err(err("end", message));
    }
    if rec.exact.is_empty() {
        return Err(err("exact", "the annotated text must not be empty".into()));
    }
    let place = |span: Span| Annotation {
        id: AnnotationId::from(rec.id.as_str()),
        article: article.id.clone(),
        span,
        label,
        note: rec.note.clone(),
        attrs: attrs.clone(),
        created: rec.created,
        updated: rec.updated,
    };
    Ok(
        match anchor(
            article,
            rec.start,
            rec.end,
            &rec.exact,
            &rec.prefix,
            &rec.suffix,
        ) {
            Anchoring::Exact(_) => Checked::Placed(place(span)),
            Anchoring::Moved(to) => Checked::Moved(
                place(to),
                format!(
                    "{path}: {} was at {span}, found it at {to}",
                    excerpt(&rec.exact)
                ),
            ),
            Anchoring::NotFound => Checked::NotFound(format!(
                "{path}: {} is not in article \"{}\" any more; skipped",
                excerpt(&rec.exact),
                rec.article
            )),
        },
    )
}

/// The text in double quotes, shortened to 60 code points.
fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        format!("\"{text}\"")
    } else {
        let head: String = text.chars().take(MAX - 1).collect();
        format!("\"{head}…\"")
    }
}

#[cfg(test)]
#[path = "../tests/records.rs"]
mod tests;
