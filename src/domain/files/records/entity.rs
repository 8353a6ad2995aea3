//! The file shape of a registry entry, shared by the export file and the stored state.

use super::RecordError;
use crate::domain::model::names::EntityId;
use crate::domain::model::names::{ArticleId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A registry entry as written to files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    /// Unique, non-empty id.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Places that were rejected as mentions of this entity.
    #[serde(default)]
    pub rejected: Vec<RejectedRecord>,
    /// When it was made, RFC 3339 in files.
    pub created: Timestamp,
    /// When it was last changed, RFC 3339 in files.
    pub updated: Timestamp,
}

/// A place in an article's text, in code points, end exclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectedRecord {
    /// The article id.
    pub article: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl EntityRecord {
    /// The record of an entry.
    pub fn from_entity(e: &Entity) -> EntityRecord {
        EntityRecord {
            id: e.id.as_str().to_owned(),
            name: e.name.clone(),
            kind: e.kind.name().to_owned(),
            aliases: e.aliases.clone(),
            rejected: e
                .rejected
                .iter()
                .map(|(article, span)| RejectedRecord {
                    article: article.as_str().to_owned(),
                    start: span.start(),
                    end: span.end(),
                })
                .collect(),
            created: e.created,
            updated: e.updated,
        }
    }

    /// The entry, checked: an error names the field under `path`.
    pub fn to_entity(&self, path: &str) -> Result<Entity, RecordError> {
        let err = |field: String, message: String| RecordError {
            path: format!("{path}.{field}"),
            message,
        };
        if self.id.is_empty() {
            return Err(err("id".into(), "a registry id must not be empty".into()));
        }
        if self.name.trim().is_empty() {
            return Err(err("name".into(), "a name must not be empty".into()));
        }
        let kind = EntityKind::from_name(&self.kind).ok_or_else(|| {
            let message = format!(
                "\"{}\" is not an entity kind (person, organization, place, other)",
                self.kind
            );
            err("kind".into(), message)
        })?;
        let mut entity = Entity::new(
            EntityId::from(self.id.as_str()),
            &self.name,
            kind,
            self.created,
        );
        entity.updated = self.updated;
        entity.aliases = self.aliases.clone();
        for (i, r) in self.rejected.iter().enumerate() {
            let span = Span::new(r.start, r.end)
                .map_err(|e| err(format!("rejected[{i}].end"), e.to_string()))?;
            entity
                .rejected
                .insert((ArticleId::from(r.article.as_str()), span));
        }
        Ok(entity)
    }
}
