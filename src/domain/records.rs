//! The file shape of one annotation, shared by the export file and the stored state, and its checker.
//!
//! A record carries the offsets and, beside them, the text they select (`exact`) with some context, so a
//! record can be verified against the article and re-anchored when its offsets no longer fit.

use super::anchoring::{anchor, context, Anchoring};
use super::annotation::{Annotation, AnnotationId, EntityKind, Label};
use super::article::{Article, ArticleId};
use super::span::Span;
use super::time::Timestamp;
use super::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;

/// One annotation as written to files; offsets are Unicode code points, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// When the annotation was made, RFC 3339.
    pub created: String,
    /// When it was last changed, RFC 3339.
    pub updated: String,
}

impl AnnotationRecord {
    /// The record of `a`, with `exact`, `prefix` and `suffix` taken from `article`'s text.
    pub fn from_annotation(a: &Annotation, article: &Article) -> AnnotationRecord {
        let (prefix, suffix) = context(article, a.span);
        let exact = article.slice(a.span.start(), a.span.end()).to_owned();
        record(a, exact, prefix, suffix)
    }
}

fn record(a: &Annotation, exact: String, prefix: String, suffix: String) -> AnnotationRecord {
    AnnotationRecord {
        id: a.id.as_str().to_owned(),
        article: a.article.as_str().to_owned(),
        label: a.label.name().name().to_owned(),
        kind: a.label.kind().map(|k| EntityKind::name(k).to_owned()),
        note: a.note.clone(),
        start: a.span.start(),
        end: a.span.end(),
        exact,
        prefix,
        suffix,
        created: a.created.to_string(),
        updated: a.updated.to_string(),
    }
}

/// Records of every annotation, articles in list order and each in text order.
///
/// Equivalent to calling [`AnnotationRecord::from_annotation`] on each, but indexes each article's text
/// once, so saving after every edit stays linear in the text rather than in text times annotations.
pub fn records(ws: &Workspace) -> Vec<AnnotationRecord> {
    let mut out = Vec::with_capacity(ws.len());
    for article in ws.articles() {
        let annotations = ws.in_article(&article.id);
        if annotations.is_empty() {
            continue;
        }
        let text = article.text.as_str();
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let cut = |from: usize, to: usize| -> String {
            let byte = |i: usize| bytes.get(i.min(article.char_len)).copied().unwrap_or(0);
            text.get(byte(from)..byte(to))
                .unwrap_or_default()
                .to_owned()
        };
        for a in annotations.iter() {
            let (start, end) = (a.span.start(), a.span.end());
            let prefix = cut(start.saturating_sub(super::anchoring::CONTEXT_CHARS), start);
            let suffix = cut(end, end.saturating_add(super::anchoring::CONTEXT_CHARS));
            out.push(record(a, cut(start, end), prefix, suffix));
        }
    }
    out
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

/// A JSON syntax error as a [`RecordError`] whose path is the place: `line 3, column 14`.
pub(crate) fn syntax_error(e: &serde_json::Error) -> RecordError {
    let full = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    RecordError {
        path: format!("line {}, column {}", e.line(), e.column()),
        message: full.strip_suffix(&at).unwrap_or(&full).to_owned(),
    }
}

/// A type error found while reading a parsed JSON value, at the path of the value it concerns.
pub(crate) fn path_error(e: serde_path_to_error::Error<serde_json::Error>) -> RecordError {
    let path = e.path().to_string();
    RecordError {
        path: if path == "." { String::new() } else { path },
        message: e.into_inner().to_string(),
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

/// Checks the record found at `path` against `articles` and places it.
///
/// Bad fields (empty id or text, unknown label or kind, bad time, unknown article, empty span, offsets
/// past the article's end) are errors naming the field. Offsets that fit but no longer select `exact`
/// are re-anchored by the text and its context: the result is then [`Checked::Moved`] or
/// [`Checked::NotFound`], never a silently misplaced span.
pub fn check_record<A: Borrow<Article>>(
    rec: &AnnotationRecord,
    path: &str,
    articles: &[A],
) -> Result<Checked, RecordError> {
    let err = |field: &str, message: String| RecordError {
        path: format!("{path}.{field}"),
        message,
    };
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
    let created = Timestamp::parse(&rec.created).map_err(|m| err("created", m))?;
    let updated = Timestamp::parse(&rec.updated).map_err(|m| err("updated", m))?;
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
        article: ArticleId::from(rec.article.as_str()),
        span,
        label,
        note: rec.note.clone(),
        created,
        updated,
    };
    let quoted = excerpt(&rec.exact);
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
                format!("{path}: {quoted} was at {span}, found it at {to}"),
            ),
            Anchoring::NotFound => Checked::NotFound(format!(
                "{path}: {quoted} is not in article \"{}\" any more; skipped",
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
#[path = "tests/records.rs"]
mod tests;
