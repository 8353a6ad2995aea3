//! Label Studio's records as serde types: a [`Task`] with its [`Data`] (its fields in the file's
//! order), each [`Completion`] (an annotation or a prediction) and its [`TaskResult`]s with their
//! [`RegionValue`]s. One result type
//! holds every kind of result: the fields a kind has not are absent. Other keys are ignored, as Label
//! Studio adds many of its own.

use crate::domain::files::formats::fields::Id;
use crate::domain::files::formats::objects::{object, objects, some_object, some_objects};
use crate::domain::files::formats::shapes::{text_or_none, Loose, OneOrMany};
use serde::{Deserialize, Serialize};

mod data;
pub use data::Data;

/// One task: an article's text and the annotations made on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "a Label Studio task: an object with \"data\" and \"annotations\"")]
pub struct Task {
    /// The task's number in the file, from 1 (written, not read).
    #[serde(skip_deserializing)]
    pub id: usize,
    /// The text and what we know of its article.
    #[serde(deserialize_with = "object")]
    pub data: Data,
    /// What people marked.
    #[serde(default, deserialize_with = "some_objects")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Vec<Completion>>,
    /// What a model marked (read when there are no annotations; not written).
    #[serde(default, deserialize_with = "some_objects")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predictions: Option<Vec<Completion>>,
}

/// One annotation (or prediction) of a task: its results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "an object with \"result\"")]
pub struct Completion {
    /// The labelled regions, the answers about them, and the relations between them.
    #[serde(deserialize_with = "objects")]
    pub result: Vec<TaskResult>,
}

/// One result: a labelled region (`labels`), a text area's answer (`textarea`), a choice
/// (`choices`) or a relation between two regions (`relation`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "a result object")]
pub struct TaskResult {
    /// The region's id; the results about one region share it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// A relation's region that cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_id: Option<Id>,
    /// A relation's other region, its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_id: Option<Id>,
    /// The control of the labeling config it comes from (`label`, `note`, `check`, `registry`);
    /// read only when a string.
    #[serde(default, deserialize_with = "text_or_none")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_name: Option<String>,
    /// The object it marks: the `<Text>` tag's name, `text` when written; read only when a string,
    /// to find the task's text field.
    #[serde(default, deserialize_with = "text_or_none")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_name: Option<String>,
    /// Its kind: `labels`, `textarea`, `choices`, `relation`, or others not read.
    #[serde(rename = "type")]
    pub kind: String,
    /// `manual` on a labelled region (written, not read).
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// A relation's arrow: `right`, `left` or `bi`; read only when a string.
    #[serde(default, deserialize_with = "text_or_none")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// A relation's labels, which name the link; any other value in the list is kept for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<Loose>>,
    /// What a region result says about its region.
    #[serde(default, deserialize_with = "some_object")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<RegionValue>,
}

/// A region result's value: the span, and what the result says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "an object")]
pub struct RegionValue {
    /// The first code point; other kinds of results (HTML, audio) put other things here, so any
    /// value is read and a labelled span's checked when it is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Loose>,
    /// One past the last code point (read as `start` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Loose>,
    /// A span's text, or a text area's lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<OneOrMany<String>>,
    /// A span's tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    /// A choice's values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
    /// A registry text area's entry id (our own key, which Label Studio keeps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}
