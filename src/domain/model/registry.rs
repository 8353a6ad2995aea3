//! The entity registry: canonical people, organisations and places that entity mentions in any article
//! can be linked to, so that "Bessent", "Besant" and "Bess" count as one person.
//!
//! A mention points to its entry (`Attributes::entity`); the entry lists no mentions itself, so there is
//! one place to change. `Workspace::mentions` (in `state::workspace`) finds them.

use crate::domain::model::names::{ArticleId, EntityId, EntityKind};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One canonical entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Unique id.
    pub id: EntityId,
    /// The canonical name, such as "Scott Bessent".
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Other names the person gave it (spellings found in mentions are shown without being listed here).
    pub aliases: Vec<String>,
    /// Places in the text the person said are not this entity, so they are not proposed again.
    pub rejected: BTreeSet<(ArticleId, Span)>,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl Entity {
    /// A new entry with no aliases and nothing rejected.
    pub fn new(id: EntityId, name: &str, kind: EntityKind, at: Timestamp) -> Entity {
        Entity {
            id,
            name: name.trim().to_owned(),
            kind,
            aliases: Vec::new(),
            rejected: BTreeSet::new(),
            created: at,
            updated: at,
        }
    }

    /// The name and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[cfg(test)]
#[path = "../tests/registry.rs"]
mod tests;
