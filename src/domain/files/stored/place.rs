//! Turning a schema 4 state into a workspace: own articles beside the bundled ones, registry entries,
//! the annotations checked and placed, the graves of deleted records, with a line for everything left out or cut.

use super::state::{StoredArticle, StoredEntity, StoredV4};
use crate::domain::files::records::{check_record, AnnotationRecord, Checked};
use crate::domain::model::article::Article;
use crate::domain::model::names::{ArticleId, EntityId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Workspace;
use std::collections::{BTreeSet, HashSet};

/// What placing a state found besides the workspace.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// One line per thing left out or cut.
    pub warnings: Vec<String>,
    /// One line per annotation found at other offsets.
    pub reanchored: Vec<String>,
}

/// The workspace of `state` over the `bundled` articles.
pub(super) fn place(state: StoredV4<'_>, bundled: Vec<Article>, notes: &mut Notes) -> Workspace {
    let mut articles = bundled;
    let bundled_ids: HashSet<String> = articles.iter().map(|a| a.id.as_str().to_owned()).collect();
    let (own, dropped) = own_articles(state.articles, &bundled_ids, &mut notes.warnings);
    articles.extend(own);
    let entities = entities(state.entities, &mut notes.warnings);
    let mut placed = Vec::with_capacity(state.annotations.len());
    for (i, rec) in state.annotations.into_iter().enumerate() {
        let path = format!("annotations[{i}]");
        if dropped.contains(&*rec.article) {
            notes.warnings.push(format!(
                "{path}: its article \"{}\" was dropped; this annotation was dropped",
                rec.article
            ));
            continue;
        }
        let rec = AnnotationRecord::from(rec);
        match check_record(&rec, &path, &articles) {
            Ok(Checked::Placed(a)) => placed.push(a),
            Ok(Checked::Moved(a, line)) => {
                notes.reanchored.push(line);
                placed.push(a);
            }
            Ok(Checked::NotFound(line)) => notes.warnings.push(line),
            Err(e) => notes
                .warnings
                .push(format!("{e}; this annotation was dropped")),
        }
    }
    let graves = state.deleted.graves();
    let mut restored = Workspace::restore(articles, entities, placed);
    restored.workspace.add_graves(&graves);
    notes
        .warnings
        .extend(restored.dropped.into_iter().map(|(a, e)| {
            format!(
                "annotation \"{}\": {e}; this copy was dropped",
                a.id.as_str()
            )
        }));
    notes
        .warnings
        .extend(restored.cut.into_iter().map(|(id, e)| {
            format!(
                "annotation \"{}\": {e}; the link was cut and the annotation kept",
                id.as_str()
            )
        }));
    restored.workspace
}

/// The own articles in the order the workspace keeps them (by time added, then id), and the ids of
/// those dropped because an article that came with the app has their id.
fn own_articles(
    stored: Vec<StoredArticle<'_>>,
    bundled: &HashSet<String>,
    warnings: &mut Vec<String>,
) -> (Vec<Article>, HashSet<String>) {
    let mut own: Vec<Article> = Vec::with_capacity(stored.len());
    let mut dropped = HashSet::new();
    for (i, a) in stored.into_iter().enumerate() {
        let path = format!("articles[{i}]");
        if a.id.is_empty() {
            warnings.push(format!(
                "{path}.id: an article id must not be empty; this article was dropped"
            ));
        } else if bundled.contains(&*a.id) {
            warnings.push(format!(
                "{path}: your article \"{}\" (“{}”) has the id of an article that came with the \
                 app; it was dropped",
                a.id, a.title
            ));
            dropped.insert(a.id.into_owned());
        } else if own.iter().any(|o| o.id.as_str() == a.id) {
            warnings.push(format!(
                "{path}: the article \"{}\" is saved twice; this copy was dropped",
                a.id
            ));
        } else {
            own.push(Article::own(
                &a.id,
                &a.title,
                a.text.into_owned(),
                Timestamp(a.added),
            ));
        }
    }
    own.sort_by(|a, b| a.list_key().cmp(&b.list_key()));
    (own, dropped)
}

/// The registry entries that can be read; each one left out (empty id or name, unknown kind, repeated
/// id) and each rejected place that is not a span gets a line.
fn entities(stored: Vec<StoredEntity<'_>>, warnings: &mut Vec<String>) -> Vec<Entity> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(stored.len());
    for (i, e) in stored.into_iter().enumerate() {
        let path = format!("entities[{i}]");
        let kind = EntityKind::from_name(&e.kind);
        let problem = if e.id.is_empty() {
            Some(("id", "a registry id must not be empty".to_owned()))
        } else if e.name.trim().is_empty() {
            Some(("name", "a name must not be empty".to_owned()))
        } else if seen.contains(&*e.id) {
            Some((
                "id",
                format!("the registry entry \"{}\" is saved twice", e.id),
            ))
        } else if kind.is_none() {
            let why = format!(
                "\"{}\" is not an entity kind (person, organization, place, other)",
                e.kind
            );
            Some(("kind", why))
        } else {
            None
        };
        if let Some((field, why)) = problem {
            warnings.push(format!("{path}.{field}: {why}; this entry was dropped"));
            continue;
        }
        let Some(kind) = kind else { continue };
        seen.insert(e.id.to_string());
        let mut entity = Entity::new(EntityId::from(&*e.id), &e.name, kind, Timestamp(e.created));
        entity.updated = Timestamp(e.updated);
        entity.aliases = e.aliases.into_iter().map(|a| a.into_owned()).collect();
        for (j, place) in e.rejected.into_iter().enumerate() {
            match Span::new(place.start, place.end) {
                Ok(span) => {
                    entity
                        .rejected
                        .insert((ArticleId::from(&*place.article), span));
                }
                Err(why) => warnings.push(format!(
                    "{path}.rejected[{j}].end: {why}; this rejected place was dropped"
                )),
            }
        }
        out.push(entity);
    }
    out
}
