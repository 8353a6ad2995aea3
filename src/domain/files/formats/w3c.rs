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
//! - **Own articles' texts.** The person's own articles are not in another app, so the first
//!   annotation of each carries the article's text as its target's source, the model's embedded
//!   resource; the article's other annotations name it by its IRI. Bundled articles are named by IRI
//!   only. An own article with no annotations is not in the file.
//!   ```json
//!   "target": { "source": { "id": "urn:news-annotator:article:own-1", "type": "Text",
//!                           "format": "text/plain", "title": "…", "value": "<the whole text>" },
//!               "selector": [ … ] }
//!   ```
//!
//! Offsets are Unicode code points, end exclusive, as the model requires ("in terms of unicode code
//! points ... not in terms of code units"); prefix and suffix are up to 32 code points, as
//! [`crate::domain::model::anchoring::context`] cuts them.
//!
//! Import accepts that collection (following embedded `next` pages), a bare `AnnotationPage`, one
//! `Annotation`, or a list of them. A source is our URN or any IRI whose last segment (after `/` or
//! `:`) is an article id. A body may be one object or a list; a string body is a tag; a
//! `TextualBody` without `purpose` is a tag. Several targets (a discontinuous span) are refused.
//! Without a `TextPositionSelector` the `TextQuoteSelector`'s text is looked for in the article.
//!
//! A source may also be an object. With a string `value`, that is the whole text the selectors
//! count in (`type`, `format` and `language` are not read; the title is `title`, else `name` or
//! `label`, else the text's first line). When one of the app's articles has exactly this text, the
//! annotations go on it; otherwise the text becomes an own article with the id `text-` and 16 hex
//! digits of its SHA-256, one per text however many annotations carry it, skipped with a warning
//! when blank or larger than an own article may be (see [`super::texts`]). Any target may name a
//! carried text by its `id` alone, before or after it is given; such an IRI means that text, before
//! any article of the app. Offsets past the end of a carried text are an error (a quote does not
//! stand in), as are a `value` or `id` that is not a string, a source object with neither, and one
//! `id` given two different texts. An object without `value` is read as the IRI in its `id`. No
//! text is read from the collection or a page: no tool was found that puts one there.
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

use super::fields::Offset;
use super::links::{self, ClaimAttr, Link};
use super::objects::Object;
use super::shapes::{Loose, ObjectOr, OneOrMany};
use super::{Body as Export, Doc};
use crate::domain::files::json::to_pretty;
use crate::domain::model::anchoring::context;
use crate::domain::model::annotation::Annotation as Marked;
use crate::domain::model::time::Timestamp;

mod model;
pub use model::{
    Annotation, Body, BodyObject, Collection, Names, Page, Resource, Selector, Source,
    SourceObject, Target, TargetObject,
};

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
pub fn export(docs: &[Doc], now: Timestamp) -> Export {
    let mut dropped = Vec::new();
    let mut items = Vec::new();
    for doc in docs {
        let links = links::links(doc, &mut dropped);
        // An own article's text goes with its first annotation; the others name it by its IRI.
        let own = doc.article.is_own();
        let each = doc.annotations.iter().enumerate();
        items.extend(each.map(|(i, a)| annotation(doc, a, own && i == 0)));
        items.extend(links.iter().map(link));
    }
    let collection = Collection {
        context: CONTEXT.into(),
        kind: "AnnotationCollection".into(),
        label: "News Annotator export".into(),
        generator: "News Annotator".into(),
        generated: now,
        total: items.len(),
        first: Some(ObjectOr::Object(Page {
            kind: "AnnotationPage".into(),
            start_index: 0,
            items,
            next: None,
        })),
    };
    let text = to_pretty(&collection);
    let mut body = Export::text(text);
    body.dropped = dropped;
    body
}

/// The name `name` as a one-value `type` or `motivation`.
fn name(name: &str) -> Option<Names> {
    Some(OneOrMany::One(Loose::from(name)))
}

/// The annotation `a` of `doc`; with the article's text embedded in its target when `embed`.
fn annotation(doc: &Doc, a: &Marked, embed: bool) -> Annotation {
    let article = &doc.article;
    let mut bodies = vec![textual("tagging", a.label.name().name(), false)];
    if let Some(kind) = a.label.kind() {
        bodies.push(textual("tagging", kind.name(), false));
    }
    if !a.note.is_empty() {
        bodies.push(textual("commenting", &a.note, true));
    }
    for attr in ClaimAttr::ALL {
        if let Some(value) = attr.of(a) {
            bodies.push(textual(
                "classifying",
                &format!("{}:{value}", attr.name()),
                false,
            ));
        }
    }
    if let Some(entry) = links::entry(doc, a) {
        bodies.push(ObjectOr::Object(BodyObject {
            kind: name("SpecificResource"),
            purpose: Some("identifying".into()),
            source: Some(ObjectOr::Object(Resource {
                id: Some(Loose::Text(format!("{ENTITY_URN}{}", entry.id.as_str()))),
                label: Some(Loose::from(entry.name.as_str())),
            })),
            ..BodyObject::default()
        }));
    }
    let (prefix, suffix) = context(article, a.span);
    let quote = Selector {
        kind: name("TextQuoteSelector"),
        exact: Some(article.slice(a.span.start(), a.span.end()).to_owned()),
        prefix: Some(prefix),
        suffix: Some(suffix),
        ..Selector::default()
    };
    let position = Selector {
        kind: name("TextPositionSelector"),
        start: Some(Offset(a.span.start())),
        end: Some(Offset(a.span.end())),
        ..Selector::default()
    };
    let iri = Loose::Text(format!("{ARTICLE_URN}{}", article.id.as_str()));
    let source = if embed {
        ObjectOr::Object(SourceObject {
            id: Some(iri),
            kind: Some("Text".into()),
            format: Some("text/plain".into()),
            title: Some(Loose::from(article.title.as_str())),
            value: Some(Loose::from(article.text.as_str())),
            ..SourceObject::default()
        })
    } else {
        ObjectOr::Plain(iri)
    };
    let target = TargetObject {
        source: Some(source),
        selector: Some(OneOrMany::Many(vec![Object(quote), Object(position)])),
        id: None,
    };
    Annotation {
        id: Some(format!("{ANNOTATION_URN}{}", a.id.as_str())),
        kind: name("Annotation"),
        motivation: name("tagging"),
        created: Some(a.created),
        modified: Some(a.updated),
        body: Some(OneOrMany::Many(bodies)),
        body_value: None,
        target: Some(OneOrMany::One(ObjectOr::Object(target))),
    }
}

/// A link as an annotation of its own: motivated by linking, its target the annotation that cites,
/// its body the source and a tag naming the kind.
fn link(l: &Link<'_>) -> Annotation {
    let iri = |a: &Marked| Loose::Text(format!("{ANNOTATION_URN}{}", a.id.as_str()));
    Annotation {
        id: Some(format!("{LINK_URN}{}", l.from.id.as_str())),
        kind: name("Annotation"),
        motivation: name("linking"),
        body: Some(OneOrMany::Many(vec![
            ObjectOr::Plain(iri(l.to)),
            textual("tagging", l.kind.name(), false),
        ])),
        target: Some(OneOrMany::One(ObjectOr::Plain(iri(l.from)))),
        ..Annotation::default()
    }
}

/// A `TextualBody`, with `"format": "text/plain"` when `plain`.
fn textual(purpose: &str, value: &str, plain: bool) -> Body {
    ObjectOr::Object(BodyObject {
        kind: name("TextualBody"),
        purpose: Some(purpose.to_owned()),
        value: Some(Loose::from(value)),
        format: plain.then(|| "text/plain".to_owned()),
        ..BodyObject::default()
    })
}

mod read;
pub use read::read;

#[cfg(test)]
#[path = "../../tests/formats/w3c.rs"]
mod tests;
