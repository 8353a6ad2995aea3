//! The names the model uses, in one place so that every part can name things without depending on
//! the others: the ids of articles, annotations and registry entries, the labels and the entity kinds.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::rc::Rc;

/// A short, stable article id such as `kyiv-post`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArticleId(pub Rc<str>);

impl ArticleId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ArticleId {
    fn from(id: &str) -> Self {
        ArticleId(Rc::from(id))
    }
}

/// A unique annotation id, made by the browser edge (never inside the reducer).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AnnotationId(pub Rc<str>);

impl AnnotationId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for AnnotationId {
    fn from(id: &str) -> Self {
        AnnotationId(Rc::from(id))
    }
}

/// What kind of thing an entity names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A company, government body, party, outlet or other organisation.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// Any other named thing.
    Other,
}

impl EntityKind {
    /// Every kind, in menu order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    /// The name used in files: `person`, `organization`, `place`, `other`.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    /// The kind for a file name, if it is one.
    pub fn from_name(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organization",
            EntityKind::Place => "Place",
            EntityKind::Other => "Other",
        }
    }
}

/// The tag on a span. An entity always carries its kind, so a kind-less entity cannot exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A statement presented as fact that could be checked.
    Claim,
    /// Words reported as someone's own (the label; the selected text itself is called `exact`).
    Quote,
    /// A named person, organisation, place or other thing.
    Entity(EntityKind),
}

/// The three label families, without an entity's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LabelName {
    /// See [`Label::Claim`].
    Claim,
    /// See [`Label::Quote`].
    Quote,
    /// See [`Label::Entity`].
    Entity,
}

impl LabelName {
    /// Every label family, in display order.
    pub const ALL: [LabelName; 3] = [LabelName::Claim, LabelName::Quote, LabelName::Entity];

    /// The name used in files and CSS classes: `claim`, `quote`, `entity`.
    pub fn name(self) -> &'static str {
        match self {
            LabelName::Claim => "claim",
            LabelName::Quote => "quote",
            LabelName::Entity => "entity",
        }
    }

    /// The plural shown to people: `Claims`, `Quotes`, `Entities`.
    pub fn plural(self) -> &'static str {
        match self {
            LabelName::Claim => "Claims",
            LabelName::Quote => "Quotes",
            LabelName::Entity => "Entities",
        }
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            LabelName::Claim => "Claim",
            LabelName::Quote => "Quote",
            LabelName::Entity => "Entity",
        }
    }
}

impl Label {
    /// The label family.
    pub fn name(self) -> LabelName {
        match self {
            Label::Claim => LabelName::Claim,
            Label::Quote => LabelName::Quote,
            Label::Entity(_) => LabelName::Entity,
        }
    }

    /// The entity kind, for entities.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Label::Entity(kind) => Some(kind),
            _ => None,
        }
    }

    /// Builds a label from its file names; an entity needs a kind and the others must have none.
    pub fn from_names(label: &str, kind: Option<&str>) -> Result<Label, String> {
        match (label, kind) {
            ("claim", None) => Ok(Label::Claim),
            ("quote", None) => Ok(Label::Quote),
            ("claim" | "quote", Some(k)) => {
                Err(format!("a {label} has no kind, but \"{k}\" was given"))
            }
            ("entity", Some(k)) => EntityKind::from_name(k).map(Label::Entity).ok_or_else(|| {
                format!("\"{k}\" is not an entity kind (person, organization, place, other)")
            }),
            ("entity", None) => {
                Err("an entity needs a kind (person, organization, place, other)".into())
            }
            (other, _) => Err(format!("\"{other}\" is not a label (claim, quote, entity)")),
        }
    }
}

impl Label {
    /// The letter drawn where an annotation starts, which is also its key: C, Q, P, O, L, E.
    pub fn mark(self) -> char {
        match self {
            Label::Claim => 'C',
            Label::Quote => 'Q',
            Label::Entity(EntityKind::Person) => 'P',
            Label::Entity(EntityKind::Organization) => 'O',
            Label::Entity(EntityKind::Place) => 'L',
            Label::Entity(EntityKind::Other) => 'E',
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::Entity(kind) => write!(f, "Entity · {}", kind.title()),
            other => f.write_str(other.name().title()),
        }
    }
}

/// A unique registry entry id, made by the browser edge.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub Rc<str>);

impl EntityId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for EntityId {
    fn from(id: &str) -> Self {
        EntityId(Rc::from(id))
    }
}

#[cfg(test)]
#[path = "../tests/names.rs"]
mod tests;
