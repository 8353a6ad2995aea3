//! doccano's records as serde types: a [`Line`] with its [`Entity`]s and [`Relation`]s, and the
//! sequence-labelling [`Triple`]. Other keys are ignored, as doccano and its users add their own.
//! A line is read as an [`Object`](crate::domain::files::formats::objects::Object)`<Line>`.

use crate::domain::files::formats::fields::{Id, Offset};
use crate::domain::files::formats::objects::some_objects;
use crate::domain::files::formats::shapes::{text_or_empty, text_or_none};
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One line: an article's text and its spans.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "a JSON object with \"text\" and \"entities\"")]
pub struct Line {
    /// The line's number in the file, from 1 (written, not read).
    #[serde(skip_deserializing)]
    pub id: usize,
    /// The text the offsets count in.
    pub text: String,
    /// The spans of the relation-extraction shape.
    #[serde(default, deserialize_with = "some_objects")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<Entity>>,
    /// The spans of the sequence-labelling shape (read, not written).
    #[serde(default, skip_serializing)]
    pub label: Option<Vec<Triple>>,
    /// The same, as some versions name it (read, not written).
    #[serde(default, skip_serializing)]
    pub labels: Option<Vec<Triple>>,
    /// The links between the line's entities.
    #[serde(default, deserialize_with = "some_objects")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relations: Option<Vec<Relation>>,
    /// The app's id of the article (a metadata key doccano keeps); read only when a string.
    #[serde(default, deserialize_with = "text_or_none")]
    pub article: Option<String>,
    /// The article's title (a metadata key doccano keeps); read only when a string, so that a text new
    /// here gets it as its title.
    #[serde(default, deserialize_with = "text_or_empty")]
    pub title: String,
}

/// A labelled span of the relation-extraction shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "an object with \"start_offset\", \"end_offset\" and \"label\"")]
pub struct Entity {
    /// Its id, for the relations; may be absent.
    #[serde(default)]
    pub id: Option<Id>,
    /// Its tag.
    pub label: String,
    /// The first code point.
    pub start_offset: Offset,
    /// One past the last code point.
    pub end_offset: Offset,
}

/// A link from the entity `from_id` to its source `to_id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(expecting = "an object with \"from_id\", \"to_id\" and \"type\"")]
pub struct Relation {
    /// The relation's own id (written; read but not used).
    #[serde(default)]
    pub id: Option<Id>,
    /// The entity that cites.
    pub from_id: Id,
    /// Its source.
    pub to_id: Id,
    /// The link's name.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A span of the sequence-labelling shape, `[start, end, "TAG"]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Triple(pub Offset, pub Offset, pub String);

impl<'de> Deserialize<'de> for Triple {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Triple, D::Error> {
        d.deserialize_seq(TripleVisitor)
    }
}

/// Reads exactly three items; more or fewer is an invalid length.
struct TripleVisitor;

impl<'de> Visitor<'de> for TripleVisitor {
    type Value = Triple;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[start, end, \"TAG\"]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Triple, A::Error> {
        let short = |n: usize| de::Error::invalid_length(n, &TripleVisitor);
        let start = seq.next_element()?.ok_or_else(|| short(0))?;
        let end = seq.next_element()?.ok_or_else(|| short(1))?;
        let tag = seq.next_element()?.ok_or_else(|| short(2))?;
        let mut count = 3;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            count += 1;
        }
        if count > 3 {
            return Err(short(count));
        }
        Ok(Triple(start, end, tag))
    }
}
