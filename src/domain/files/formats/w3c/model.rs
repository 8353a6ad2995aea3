//! The W3C Web Annotation Data Model's records as serde types: a [`Collection`] and its [`Page`]s,
//! each [`Annotation`] with its [`Body`]s and [`Target`]s, a target's [`Selector`]s. JSON-LD lets
//! many values be one or a list ([`OneOrMany`]) and an IRI stand where an object may
//! ([`ObjectOr`]); the reader decides what each means. Other keys are ignored.

use crate::domain::files::formats::fields::Offset;
use crate::domain::files::formats::objects::{objects, Object};
use crate::domain::files::formats::shapes::{text_or_none, Loose, ObjectOr, OneOrMany};
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A `type`, `motivation` or `purpose`-like value: one name or a list of them.
pub type Names = OneOrMany<Loose>;

/// An `AnnotationCollection`, its annotations in its first page and the pages that follow it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// The model's JSON-LD context (written, not read).
    #[serde(rename = "@context", skip_deserializing)]
    pub context: String,
    /// `AnnotationCollection` (written; the reader has looked at it already).
    #[serde(rename = "type", skip_deserializing)]
    pub kind: String,
    /// The collection's name (written, not read).
    #[serde(skip_deserializing)]
    pub label: String,
    /// The software that made it (written, not read).
    #[serde(skip_deserializing)]
    pub generator: String,
    /// When it was made (written, not read).
    #[serde(skip_deserializing)]
    pub generated: Timestamp,
    /// How many annotations it holds (written, not read).
    #[serde(skip_deserializing)]
    pub total: usize,
    /// The first page (null for none); an IRI is a page elsewhere.
    #[serde(deserialize_with = "Option::deserialize")]
    pub first: Option<ObjectOr<Page>>,
}

/// An `AnnotationPage`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// `AnnotationPage` (written, not read).
    #[serde(rename = "type", skip_deserializing)]
    pub kind: String,
    /// The index of its first annotation in the collection (written, not read).
    #[serde(rename = "startIndex", skip_deserializing)]
    pub start_index: usize,
    /// Its annotations.
    #[serde(deserialize_with = "objects")]
    pub items: Vec<Annotation>,
    /// The page that follows (read, not written).
    #[serde(default, skip_serializing)]
    pub next: Option<Box<ObjectOr<Page>>>,
}

/// An `Annotation`: a tagging one marks a span, a linking one links two annotations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "an Annotation")]
pub struct Annotation {
    /// Its IRI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `Annotation`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Names>,
    /// Why it was made: `tagging`, `linking`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<Names>,
    /// When it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Timestamp>,
    /// When it was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Timestamp>,
    /// Its bodies: what it says about the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<OneOrMany<Body>>,
    /// A note given as plain text; read only when a string (not written).
    #[serde(rename = "bodyValue", default, deserialize_with = "text_or_none")]
    #[serde(skip_serializing)]
    pub body_value: Option<String>,
    /// What it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<OneOrMany<Target>>,
}

/// A body: an object, or an IRI or a tag in its place.
pub type Body = ObjectOr<BodyObject>;

/// A target: an object naming a source and its selectors, or an IRI in its place.
pub type Target = ObjectOr<TargetObject>;

/// A body object: a `TextualBody` (a tag, a note, a classification) or a `SpecificResource` (what
/// the target identifies, or the source of a link).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyObject {
    /// `TextualBody`, `SpecificResource`, ….
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Names>,
    /// Why it is there: `tagging` (when absent), `commenting`, `classifying`, `identifying`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// A textual body's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Loose>,
    /// A textual body's media type (written, not read).
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// What a specific resource is: an IRI, or an object with an id and a label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ObjectOr<Resource>>,
    /// The body's own IRI (read, not written).
    #[serde(default, skip_serializing)]
    pub id: Option<Loose>,
    /// The body's own name (read, not written).
    #[serde(default, skip_serializing)]
    pub label: Option<Loose>,
}

/// A resource named by its IRI, with a name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// Its IRI.
    #[serde(default)]
    pub id: Option<Loose>,
    /// Its name.
    #[serde(default)]
    pub label: Option<Loose>,
}

/// A target object: the source it is about and the selectors that pick a part of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetObject {
    /// What it is about: an IRI, or the resource itself with its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The selectors; only the first position and the first quote are read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<OneOrMany<Object<Selector>>>,
    /// The target's own IRI, as a link's target may give it (read, not written).
    #[serde(default, skip_serializing)]
    pub id: Option<Loose>,
}

/// A target's source: an IRI, or the resource itself (see [`SourceObject`]).
pub type Source = ObjectOr<SourceObject>;

/// A source given in the file as an object: with a `value`, the whole text its target's selectors
/// count in (an embedded resource), else an external resource named by its `id`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceObject {
    /// Its IRI; other targets may name the same text by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Loose>,
    /// `Text` (written, not read).
    #[serde(
        rename = "type",
        skip_deserializing,
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<String>,
    /// Its media type, `text/plain` (written, not read).
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Loose>,
    /// Its title as other tools name it (read, not written).
    #[serde(default, skip_serializing)]
    pub name: Option<Loose>,
    /// Its title as other tools name it (read, not written).
    #[serde(default, skip_serializing)]
    pub label: Option<Loose>,
    /// The whole text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Loose>,
}

/// A selector: a `TextQuoteSelector` (`exact`, `prefix`, `suffix`), a `TextPositionSelector`
/// (`start`, `end`), or another type, which is not read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "a selector object")]
pub struct Selector {
    /// Its type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Names>,
    /// The text marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<String>,
    /// The text before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The text after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// The first code point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Offset>,
    /// One past the last code point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Offset>,
}
