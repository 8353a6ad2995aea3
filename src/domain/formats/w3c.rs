//! W3C Web Annotation Data Model (JSON-LD): export to one `AnnotationCollection`, import it back.
//!
//! ```json
//! { "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
//!   "label": "News Annotator export", "generator": "News Annotator", "generated": "…", "total": 10,
//!   "first": { "type": "AnnotationPage", "startIndex": 0, "items": [
//!     { "id": "urn:news-annotator:annotation:e-msc", "type": "Annotation", "motivation": "tagging",
//!       "created": "…", "modified": "…",
//!       "body": [ { "type": "TextualBody", "purpose": "tagging", "value": "entity" },
//!                 { "type": "TextualBody", "purpose": "tagging", "value": "other" },
//!                 { "type": "TextualBody", "purpose": "commenting", "value": "…", "format": "text/plain" } ],
//!       "target": { "source": "urn:news-annotator:article:fixture", "selector": [
//!         { "type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…" },
//!         { "type": "TextPositionSelector", "start": 225, "end": 251 } ] } } ] } }
//! ```
//!
//! Everything an annotation has survives: id, article, label (a tagging body with `claim`, `quote`
//! or `entity`, and for an entity one with its kind), note (a commenting body), span and times.
//!
//! Offsets are Unicode code points, end exclusive, as the model requires ("in terms of unicode code
//! points ... not in terms of code units"); prefix and suffix are up to 32 code points, as
//! [`crate::domain::anchoring::context`] cuts them.
//!
//! Import accepts that collection (following embedded `next` pages), a bare `AnnotationPage`, one
//! `Annotation`, or a list of them. A source is our URN or any IRI whose last segment (after `/` or
//! `:`) is an article id. A body may be one object or a list; a string body is a tag; a
//! `TextualBody` without `purpose` is a tag. Several targets (a discontinuous span) are refused.
//! Without a `TextPositionSelector` the `TextQuoteSelector`'s text is looked for in the article.
//! Annotations on articles this app does not have, or on no part of a text, are skipped with a
//! warning. A missing `created` is the import time, a missing `modified` is `created`.

use super::{Body, Doc};
use crate::domain::anchoring::context;
use crate::domain::json::Writer;
use crate::domain::time::Timestamp;

/// The JSON-LD context of the model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// What an annotation's id starts with.
pub const ANNOTATION_URN: &str = "urn:news-annotator:annotation:";

/// What an article's IRI starts with.
pub const ARTICLE_URN: &str = "urn:news-annotator:article:";

/// Writes one pretty-printed `AnnotationCollection` with a single page; `now` dates it.
pub fn export(docs: &[Doc], now: Timestamp) -> Body {
    let total: usize = docs.iter().map(|d| d.annotations.len()).sum();
    let mut w = Writer::pretty();
    w.begin_object();
    w.field("@context", CONTEXT);
    w.field("type", "AnnotationCollection");
    w.field("label", "News Annotator export");
    w.field("generator", "News Annotator");
    w.field("generated", &now.to_string());
    w.field("total", &total);
    w.key("first");
    w.begin_object();
    w.field("type", "AnnotationPage");
    w.field("startIndex", &0_usize);
    w.key("items");
    w.begin_array();
    for doc in docs {
        for a in &doc.annotations {
            let article = &doc.article;
            w.begin_object();
            w.field("id", &format!("{ANNOTATION_URN}{}", a.id.as_str()));
            w.field("type", "Annotation");
            w.field("motivation", "tagging");
            w.field("created", &a.created.to_string());
            w.field("modified", &a.updated.to_string());
            w.key("body");
            w.begin_array();
            textual_body(&mut w, "tagging", a.label.name().name(), false);
            if let Some(kind) = a.label.kind() {
                textual_body(&mut w, "tagging", kind.name(), false);
            }
            if !a.note.is_empty() {
                textual_body(&mut w, "commenting", &a.note, true);
            }
            w.end_array();
            w.key("target");
            w.begin_object();
            w.field("source", &format!("{ARTICLE_URN}{}", article.id.as_str()));
            w.key("selector");
            w.begin_array();
            let (prefix, suffix) = context(article, a.span);
            w.begin_object();
            w.field("type", "TextQuoteSelector");
            w.field("exact", article.slice(a.span.start(), a.span.end()));
            w.field("prefix", &prefix);
            w.field("suffix", &suffix);
            w.end_object();
            w.begin_object();
            w.field("type", "TextPositionSelector");
            w.field("start", &a.span.start());
            w.field("end", &a.span.end());
            w.end_object();
            w.end_array();
            w.end_object();
            w.end_object();
        }
    }
    w.end_array();
    w.end_object();
    w.end_object();
    let mut text = w.finish();
    text.push('\n');
    Body::text(text)
}

/// Writes a `TextualBody`, with `"format": "text/plain"` when `plain`.
fn textual_body(w: &mut Writer, purpose: &str, value: &str, plain: bool) {
    w.begin_object();
    w.field("type", "TextualBody");
    w.field("purpose", purpose);
    w.field("value", value);
    if plain {
        w.field("format", "text/plain");
    }
    w.end_object();
}

mod read;
pub use read::read;

#[cfg(test)]
#[path = "../tests/formats/w3c.rs"]
mod tests;
