//! spaCy exports: JSONL with every span, and training tuples with one layer of entities.
//!
//! [`export_jsonl`] writes one compact line per article, every span of it, overlapping ones too, for
//! `doc.spans["sc"]`:
//! `{"text": "...", "spans": [{"start": 3, "end": 7, "label": "LOC"}], "meta": {"article": "fixture", "title": "..."}}`.
//!
//! [`export_tuples`] writes one indented JSON array of training tuples,
//! `[["text", {"entities": [[3, 7, "LOC"], ...]}], ...]`. spaCy's `doc.ents` cannot overlap, so it keeps
//! one layer by the rule of CoNLL ([`super::conll`]: the earlier span wins, then the longer) and lists
//! the spans it leaves out in [`Body::dropped`].
//!
//! Offsets are Unicode code points, end exclusive: Python's `str` indices, which `Doc.char_span` takes.
//! They are the annotation's own, not widened to tokens: spaCy tokenizes the text itself, and
//! `char_span(..., alignment_mode="expand")` widens where its tokens differ. Labels are the tags of
//! [`super::tags::tag`]. [`read`] reads JSONL back, `spans` and `ents` (see `spacy/read.rs`).

use super::conll::one_layer;
use super::tags::tag;
use super::{Body, Doc};
use crate::domain::files::json::{to_compact, to_pretty};
use serde::{Deserialize, Serialize};

mod read;
pub use read::read;

/// One line of the JSONL export: an article's text, all its spans, and which article it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The article's text.
    pub text: String,
    /// Its spans.
    pub spans: Vec<Labelled>,
    /// Which article it is.
    pub meta: Meta,
}

/// A labelled span, in code points, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labelled {
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Its tag.
    pub label: String,
}

/// The app's own keys on a line (spaCy and Prodigy keep `meta` as it is).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The article's id.
    pub article: String,
    /// Its title.
    pub title: String,
}

impl Meta {
    /// The meta of `doc`'s article.
    pub fn of(doc: &Doc) -> Meta {
        Meta {
            article: doc.article.id.as_str().to_owned(),
            title: doc.article.title.clone(),
        }
    }
}

/// A training tuple: `[text, {"entities": [[start, end, label], ...]}]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tuple(pub String, pub Entities);

/// A training tuple's annotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    /// One layer of spans: start, end and tag.
    pub entities: Vec<(usize, usize, String)>,
}

/// Writes one JSONL line per article with all its spans.
pub fn export_jsonl(docs: &[Doc]) -> Body {
    let mut out = String::new();
    for doc in docs {
        let spans = doc
            .annotations
            .iter()
            .map(|a| Labelled {
                start: a.span.start(),
                end: a.span.end(),
                label: tag(a.label).to_owned(),
            })
            .collect();
        let line = Line {
            text: doc.article.text.clone(),
            spans,
            meta: Meta::of(doc),
        };
        out.push_str(&to_compact(&line));
        out.push('\n');
    }
    Body::text(out)
}

/// Writes the training tuples, one layer of entities per article.
pub fn export_tuples(docs: &[Doc]) -> Body {
    let mut dropped = Vec::new();
    let mut tuples = Vec::new();
    for doc in docs {
        let candidates = doc
            .annotations
            .iter()
            .map(|a| (a, a.span.start()..a.span.end()))
            .collect();
        let (kept, overlapping) = one_layer(doc, candidates);
        dropped.extend(overlapping);
        let entities = kept
            .into_iter()
            .map(|(a, _)| (a.span.start(), a.span.end(), tag(a.label).to_owned()))
            .collect();
        tuples.push(Tuple(doc.article.text.clone(), Entities { entities }));
    }
    let out = to_pretty(&tuples);
    Body {
        dropped,
        ..Body::text(out)
    }
}

#[cfg(test)]
#[path = "../../tests/formats/spacy.rs"]
mod tests;
