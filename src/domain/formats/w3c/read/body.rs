//! Reading a W3C annotation's bodies: the label, an entity's kind, and the note.

use super::{at, cut};
use crate::domain::annotation::{EntityKind, Label, LabelName};
use crate::domain::formats::tags::label_of;
use crate::domain::formats::values::{shown, string};
use crate::domain::formats::{error, FormatError};
use crate::domain::json::Value;

/// What one tagging value says: a label family, or a whole label.
#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Entity,
    Label(Label),
}

/// The label and the note of the annotation at `path`, from its `body` (and `bodyValue`, a note).
pub(super) fn body(item: &Value, path: &str) -> Result<(Label, String), FormatError> {
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
    for (p, b) in &bodies {
        match b {
            Value::String(value) => tags.push((tag_of(value, p)?, p.clone(), value)),
            Value::Object(_) => {
                let purpose = match b.get("purpose") {
                    None | Some(Value::Null) => "tagging",
                    some => string(some, &at(p, "purpose"))?,
                };
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
    Ok((label, notes.join("\n")))
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
