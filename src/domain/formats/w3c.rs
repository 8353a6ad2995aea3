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
//! or `entity`, and for an entity one with its kind), note (a commenting body), span and times, and:
//!
//! - **Links.** The model has no link between annotations, so each link is an annotation of its
//!   own, after the article's annotations, read as the model's `linking` motivation says ("to link
//!   to a resource related to the target"): its target is the annotation that cites, its body the
//!   source annotation's IRI and a tag naming the kind (`said_by`, `source` or `from_quote`):
//!   ```json
//!   { "id": "urn:news-annotator:link:q-crucial", "type": "Annotation", "motivation": "linking",
//!     "body": [ "urn:news-annotator:annotation:e-zelensky",
//!               { "type": "TextualBody", "purpose": "tagging", "value": "said_by" } ],
//!     "target": "urn:news-annotator:annotation:q-crucial" }
//!   ```
//!   The collection's `total` counts these too.
//! - **Claim attributes.** `TextualBody`s with `"purpose": "classifying"` and the values
//!   `attribution:attributed|unattributed|outlet` and `check:supported|disputed|false` (an
//!   unchecked claim has none, as in the app's own records).
//! - **Registry references.** An `identifying` body, the model's purpose for "what the target
//!   depicts or describes": `{ "type": "SpecificResource", "purpose": "identifying", "source": {
//!   "id": "urn:news-annotator:entity:ent-zelensky", "label": "Volodymyr Zelensky" } }`. The
//!   entry's aliases and rejected mentions are the registry's own and are not written (the app's own
//!   format keeps them); a reader gets each entry's id, name and, from its mention, kind.
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
//!
//! A linking annotation may come anywhere in the file; it may also name both annotations as two
//! targets (the one that cites first) with no source in its body, the other reading FORMATS.md
//! allows. A link naming an annotation the file does not bring, an unknown kind, or labels that
//! cannot be linked skip the link with a warning; an attribute value no menu has, an attribute on
//! what is not a claim, or a reference on what is not an entity skip that body with a warning. An
//! identifying body whose IRI is not ours (Wikidata, say) makes an entry whose id is the IRI and
//! whose name is the body's `label` or else the mention's text.

use super::links::{self, ClaimAttr, Link};
use super::{Body, Doc};
use crate::domain::anchoring::context;
use crate::domain::annotation::Annotation;
use crate::domain::json::Writer;
use crate::domain::time::Timestamp;

/// The JSON-LD context of the model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// What an annotation's id starts with.
pub const ANNOTATION_URN: &str = "urn:news-annotator:annotation:";

/// What an article's IRI starts with.
pub const ARTICLE_URN: &str = "urn:news-annotator:article:";

/// What a registry entry's IRI starts with.
pub const ENTITY_URN: &str = "urn:news-annotator:entity:";

/// What the id of a linking annotation starts with (the id of the annotation that cites follows).
pub const LINK_URN: &str = "urn:news-annotator:link:";

/// Writes one pretty-printed `AnnotationCollection` with a single page; `now` dates it. Each doc's
/// annotations come first, then its links.
pub fn export(docs: &[Doc], now: Timestamp) -> Body {
    let mut dropped = Vec::new();
    let links: Vec<Vec<Link<'_>>> = docs.iter().map(|d| links::links(d, &mut dropped)).collect();
    let total: usize = docs.iter().map(|d| d.annotations.len()).sum::<usize>()
        + links.iter().map(Vec::len).sum::<usize>();
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
    for (doc, links) in docs.iter().zip(&links) {
        for a in &doc.annotations {
            annotation(&mut w, doc, a);
        }
        for l in links {
            link(&mut w, l);
        }
    }
    w.end_array();
    w.end_object();
    w.end_object();
    let mut text = w.finish();
    text.push('\n');
    let mut body = Body::text(text);
    body.dropped = dropped;
    body
}

/// Writes the annotation `a` of `doc`.
fn annotation(w: &mut Writer, doc: &Doc, a: &Annotation) {
    let article = &doc.article;
    w.begin_object();
    w.field("id", &format!("{ANNOTATION_URN}{}", a.id.as_str()));
    w.field("type", "Annotation");
    w.field("motivation", "tagging");
    w.field("created", &a.created.to_string());
    w.field("modified", &a.updated.to_string());
    w.key("body");
    w.begin_array();
    textual_body(w, "tagging", a.label.name().name(), false);
    if let Some(kind) = a.label.kind() {
        textual_body(w, "tagging", kind.name(), false);
    }
    if !a.note.is_empty() {
        textual_body(w, "commenting", &a.note, true);
    }
    for attr in ClaimAttr::ALL {
        if let Some(value) = attr.of(a) {
            textual_body(w, "classifying", &format!("{}:{value}", attr.name()), false);
        }
    }
    if let Some(entry) = links::entry(doc, a) {
        w.begin_object();
        w.field("type", "SpecificResource");
        w.field("purpose", "identifying");
        w.key("source");
        w.begin_object();
        w.field("id", &format!("{ENTITY_URN}{}", entry.id.as_str()));
        w.field("label", &entry.name);
        w.end_object();
        w.end_object();
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

/// Writes a link as an annotation of its own: motivated by linking, its target the annotation that
/// cites, its body the source and a tag naming the kind.
fn link(w: &mut Writer, l: &Link<'_>) {
    w.begin_object();
    w.field("id", &format!("{LINK_URN}{}", l.from.id.as_str()));
    w.field("type", "Annotation");
    w.field("motivation", "linking");
    w.key("body");
    w.begin_array();
    w.string(&format!("{ANNOTATION_URN}{}", l.to.id.as_str()));
    textual_body(w, "tagging", l.kind.name(), false);
    w.end_array();
    w.field("target", &format!("{ANNOTATION_URN}{}", l.from.id.as_str()));
    w.end_object();
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
