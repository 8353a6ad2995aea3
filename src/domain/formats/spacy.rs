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
//! [`super::tags::tag`].

use super::conll::one_layer;
use super::tags::tag;
use super::{Body, Doc};
use crate::domain::json::{Scalar, Writer};

/// Writes one JSONL line per article with all its spans.
pub fn export_jsonl(docs: &[Doc]) -> Body {
    let mut out = String::new();
    for doc in docs {
        let mut w = Writer::compact();
        w.begin_object();
        w.field("text", &doc.article.text);
        w.key("spans");
        w.begin_array();
        for a in &doc.annotations {
            w.begin_object();
            w.field("start", &a.span.start());
            w.field("end", &a.span.end());
            w.field("label", tag(a.label));
            w.end_object();
        }
        w.end_array();
        w.key("meta");
        w.begin_object();
        w.field("article", doc.article.id.as_str());
        w.field("title", &doc.article.title);
        w.end_object();
        w.end_object();
        out.push_str(&w.finish());
        out.push('\n');
    }
    Body::text(out)
}

/// Writes the training tuples, one layer of entities per article.
pub fn export_tuples(docs: &[Doc]) -> Body {
    let mut w = Writer::pretty();
    let mut dropped = Vec::new();
    w.begin_array();
    for doc in docs {
        let candidates = doc
            .annotations
            .iter()
            .map(|a| (a, a.span.start()..a.span.end()))
            .collect();
        let (kept, overlapping) = one_layer(doc, candidates);
        dropped.extend(overlapping);
        w.begin_array();
        w.string(&doc.article.text);
        w.begin_object();
        w.key("entities");
        w.begin_array();
        for (a, _) in kept {
            w.begin_array();
            a.span.start().write(&mut w);
            a.span.end().write(&mut w);
            w.string(tag(a.label));
            w.end_array();
        }
        w.end_array();
        w.end_object();
        w.end_array();
    }
    w.end_array();
    let mut out = w.finish();
    out.push('\n');
    Body {
        dropped,
        ..Body::text(out)
    }
}

#[cfg(test)]
#[path = "../tests/formats/spacy.rs"]
mod tests;
