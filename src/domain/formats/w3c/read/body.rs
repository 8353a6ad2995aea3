//! Reading a W3C annotation's bodies: the label, an entity's kind, the note, the claim attributes
//! (`classifying` bodies `attribution:…` and `check:…`) and the registry entry (an `identifying` body).

use super::{at, cut};
use crate::domain::annotation::{EntityKind, Label, LabelName};
use crate::domain::formats::links::ClaimAttr;
use crate::domain::formats::tags::label_of;
use crate::domain::formats::values::{shown, string};
use crate::domain::formats::w3c::ENTITY_URN;
use crate::domain::formats::{error, FormatError};
use crate::domain::json::Value;

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

/// The bodies of the annotation at `path`: its `body` (and `bodyValue`, a note).
pub(super) fn body(item: &Value, path: &str) -> Result<Bodies, FormatError> {
    let body_path = at(path, "body");
    let bodies: Vec<(String, &Value)> = match item.get("body") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("{body_path}[{i}]"), b))
            .collect(),
        Some(one) => vec![(body_path.clone(), one)],
        None => Vec::new(),
    };
    let mut tags: Vec<(Tag, String, &str)> = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    let mut attrs = Vec::new();
    let mut entry: Option<(String, String, String)> = None;
    let mut warnings = Vec::new();
    for (p, b) in &bodies {
        match b {
            Value::String(value) => tags.push((tag_of(value, p)?, p.clone(), value)),
            Value::Object(_) => {
                let purpose = match b.get("purpose") {
                    None | Some(Value::Null) => "tagging",
                    some => string(some, &at(p, "purpose"))?,
                };
                if purpose == "identifying" {
                    match (identified(b), &entry) {
                        (None, _) => warnings.push(format!(
                            "{p}: an identifying body without the IRI of what it identifies; \
                             ignored"
                        )),
                        (Some(_), Some((first, _, _))) => warnings.push(format!(
                            "{p}: a second registry entry (the first at {first}); ignored"
                        )),
                        (Some((id, name)), None) => entry = Some((p.clone(), id, name)),
                    }
                    continue;
                }
                if purpose == "classifying" {
                    if let Some(Value::String(value)) = b.get("value") {
                        let split = value.split_once(':');
                        let attr =
                            split.and_then(|(name, v)| Some((ClaimAttr::from_name(name)?, v)));
                        if let Some((attr, v)) = attr {
                            attrs.push((at(p, "value"), attr, v.to_owned()));
                            continue;
                        }
                    }
                }
                let tagging = matches!(purpose, "tagging" | "classifying");
                let commenting = matches!(purpose, "commenting" | "describing");
                if !(tagging || commenting) || b.get("value").is_none() {
                    continue;
                }
                let value_path = at(p, "value");
                let value = string(b.get("value"), &value_path)?;
                if tagging {
                    tags.push((tag_of(value, &value_path)?, value_path, value));
                } else {
                    notes.push(value);
                }
            }
            other => {
                return error(
                    p,
                    format!("must be a TextualBody object, not {}", shown(other)),
                )
            }
        }
    }
    if let Some(Value::String(note)) = item.get("bodyValue") {
        notes.push(note);
    }
    let mut label: Option<(Label, &str)> = None;
    let mut entity = false;
    for (tag, p, value) in &tags {
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
    let label = match label {
        Some((l, value)) if entity && l.name() != LabelName::Entity => {
            return error(
                &body_path,
                format!(
                    "tags \"entity\" and \"{}\", which is not an entity kind",
                    cut(value)
                ),
            )
        }
        Some((l, _)) => l,
        None if entity => {
            return error(
                body_path,
                "tags \"entity\" without its kind: add a tagging body person, organization, \
                 place or other",
            )
        }
        None => {
            return error(
                body_path,
                "has no tagging body naming the label (claim, quote, or entity with person, \
                 organization, place or other)",
            )
        }
    };
    Ok(Bodies {
        label,
        note: notes.join("\n"),
        attrs,
        entity: entry,
        warnings,
    })
}

/// The registry id and name an identifying body names: its `source` (an IRI, or an object with an
/// `id` and a `label`) or else its own `id`. Our entries' URNs give their ids; any other IRI is the
/// id itself.
fn identified(body: &Value) -> Option<(String, String)> {
    fn text(v: Option<&Value>) -> Option<&str> {
        match v {
            Some(Value::String(s)) => Some(s),
            _ => None,
        }
    }
    let source = body.get("source");
    let (iri, name) = match source {
        Some(Value::String(iri)) => (iri.as_str(), None),
        Some(object @ Value::Object(_)) => (text(object.get("id"))?, text(object.get("label"))),
        _ => (text(body.get("id"))?, text(body.get("label"))),
    };
    let id = iri.strip_prefix(ENTITY_URN).unwrap_or(iri);
    Some((id.to_owned(), name.unwrap_or_default().to_owned())).filter(|(id, _)| !id.is_empty())
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
