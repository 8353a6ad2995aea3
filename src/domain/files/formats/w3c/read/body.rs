//! Reading a W3C annotation's bodies: the label, an entity's kind, the note, the claim attributes
//! (`classifying` bodies `attribution:…` and `check:…`) and the registry entry (an `identifying` body).

use super::target::required;
use super::{at, cut};
use crate::domain::files::formats::links::ClaimAttr;
use crate::domain::files::formats::shapes::{Loose, ObjectOr};
use crate::domain::files::formats::tags::label_of;
use crate::domain::files::formats::w3c::{Annotation, BodyObject, ENTITY_URN};
use crate::domain::files::formats::{error, FormatError};
use crate::domain::model::names::{EntityKind, Label, LabelName};

/// What an annotation's bodies say.
pub(super) struct Bodies {
    /// The label.
    pub label: Label,
    /// The notes, joined by line breaks.
    pub note: String,
    /// Each claim attribute with the path of its value.
    pub attrs: Vec<(String, ClaimAttr, String)>,
    /// The registry entry: the body's path, the entry's id and its name (empty when not given).
    pub entity: Option<(String, String, String)>,
    /// Bodies read but not used, with why.
    pub warnings: Vec<String>,
}

/// What one tagging value says: a label family, or a whole label.
#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Entity,
    Label(Label),
}

/// The bodies read so far: each tag with its path and value, the notes, and [`Bodies`]' other
/// parts.
#[derive(Default)]
struct Read<'v> {
    tags: Vec<(Tag, String, &'v str)>,
    notes: Vec<&'v str>,
    attrs: Vec<(String, ClaimAttr, String)>,
    entity: Option<(String, String, String)>,
    warnings: Vec<String>,
}

/// The bodies of the annotation at `path`: its `body` (and `bodyValue`, a note).
pub(super) fn body(item: &Annotation, path: &str) -> Result<Bodies, FormatError> {
    let body_path = at(path, "body");
    let mut read = Read::default();
    for (p, b) in item.body.iter().flat_map(|b| b.each(&body_path)) {
        match b {
            ObjectOr::Plain(Loose::Text(value)) => {
                read.tags.push((tag_of(value, &p)?, p.clone(), value));
            }
            ObjectOr::Object(b) => read.object(b, &p)?,
            ObjectOr::Plain(other) => {
                return error(
                    p,
                    format!("must be a TextualBody object, not {}", other.shown()),
                )
            }
        }
    }
    read.notes.extend(item.body_value.as_deref());
    let label = read.label(&body_path)?;
    Ok(Bodies {
        label,
        note: read.notes.join("\n"),
        attrs: read.attrs,
        entity: read.entity,
        warnings: read.warnings,
    })
}

impl<'v> Read<'v> {
    /// Reads the body object `b` at `p` by its purpose.
    fn object(&mut self, b: &'v BodyObject, p: &str) -> Result<(), FormatError> {
        let purpose = b.purpose.as_deref().unwrap_or("tagging");
        if purpose == "identifying" {
            match (identified(b), &self.entity) {
                (None, _) => self.warnings.push(format!(
                    "{p}: an identifying body without the IRI of what it identifies; ignored"
                )),
                (Some(_), Some((first, _, _))) => self.warnings.push(format!(
                    "{p}: a second registry entry (the first at {first}); ignored"
                )),
                (Some((id, name)), None) => self.entity = Some((p.to_owned(), id, name)),
            }
            return Ok(());
        }
        let value = b.value.as_ref();
        if purpose == "classifying" {
            let split = value.and_then(Loose::text).and_then(|v| v.split_once(':'));
            if let Some((attr, v)) = split.and_then(|(n, v)| Some((ClaimAttr::from_name(n)?, v))) {
                self.attrs.push((at(p, "value"), attr, v.to_owned()));
                return Ok(());
            }
        }
        let tagging = matches!(purpose, "tagging" | "classifying");
        let commenting = matches!(purpose, "commenting" | "describing");
        if !(tagging || commenting) || value.is_none() {
            return Ok(());
        }
        let value_path = at(p, "value");
        let value = required(&b.value, &value_path)?;
        if tagging {
            self.tags
                .push((tag_of(value, &value_path)?, value_path, value));
        } else {
            self.notes.push(value);
        }
        Ok(())
    }

    /// The one label the tags name (an `entity` tag needs a kind); the error is put at the tag
    /// that conflicts, or at `body_path`.
    fn label(&self, body_path: &str) -> Result<Label, FormatError> {
        let mut label: Option<(Label, &str)> = None;
        let mut entity = false;
        for (tag, p, value) in &self.tags {
            match tag {
                Tag::Entity => entity = true,
                Tag::Label(l) => match label {
                    Some((first, first_value)) if first != *l => {
                        return error(
                            p,
                            format!(
                                "\"{}\" is a second label after \"{}\"; an annotation has one",
                                cut(value),
                                cut(first_value)
                            ),
                        )
                    }
                    _ => label = Some((*l, value)),
                },
            }
        }
        match label {
            Some((l, value)) if entity && l.name() != LabelName::Entity => error(
                body_path,
                format!(
                    "tags \"entity\" and \"{}\", which is not an entity kind",
                    cut(value)
                ),
            ),
            Some((l, _)) => Ok(l),
            None if entity => error(
                body_path,
                "tags \"entity\" without its kind: add a tagging body person, organization, \
                 place or other",
            ),
            None => error(
                body_path,
                "has no tagging body naming the label (claim, quote, or entity with person, \
                 organization, place or other)",
            ),
        }
    }
}

/// The registry id and name an identifying body names: its `source` (an IRI, or an object with an
/// `id` and a `label`) or else its own `id`. Our entries' URNs give their ids; any other IRI is the
/// id itself.
fn identified(body: &BodyObject) -> Option<(String, String)> {
    let text = |v: &Option<Loose>| v.as_ref().and_then(Loose::text).map(str::to_owned);
    let (iri, name) = match &body.source {
        Some(ObjectOr::Plain(Loose::Text(iri))) => (iri.clone(), None),
        Some(ObjectOr::Object(source)) => (text(&source.id)?, text(&source.label)),
        _ => (text(&body.id)?, text(&body.label)),
    };
    let id = iri.strip_prefix(ENTITY_URN).unwrap_or(&iri);
    Some((id.to_owned(), name.unwrap_or_default())).filter(|(id, _)| !id.is_empty())
}

/// The tag of a tagging value: our label names and entity kinds, or the tags other formats use.
fn tag_of(value: &str, path: &str) -> Result<Tag, FormatError> {
    let lower = value.to_lowercase();
    match lower.as_str() {
        "claim" => Ok(Tag::Label(Label::Claim)),
        "quote" => Ok(Tag::Label(Label::Quote)),
        "entity" => Ok(Tag::Entity),
        kind => match EntityKind::from_name(kind) {
            Some(kind) => Ok(Tag::Label(Label::Entity(kind))),
            None => label_of(value).map(Tag::Label).or_else(|_| {
                error(
                    path,
                    format!(
                        "\"{}\" is not a label this app reads (claim, quote, entity, and for \
                             entities person, organization, place or other)",
                        cut(value)
                    ),
                )
            }),
        },
    }
}
