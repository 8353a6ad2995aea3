//! `Workspace::apply`: what each action writes, checked first, so that a refused action changes nothing.

use super::import::Batch;
use super::slots::{put, Write};
use super::{Action, ActionError, Workspace};
use crate::domain::model::article::Article;
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

impl Workspace {
    /// Carries out an action. On error nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        match action {
            Action::Undo => {
                let change = self.history.undo().ok_or(ActionError::NothingToUndo)?;
                let graves = Rc::clone(&self.graves);
                for put in change.puts.clone().iter().rev() {
                    self.restore_put(put, false);
                }
                self.bound_graves(graves);
            }
            Action::Redo => {
                let change = self.history.redo().ok_or(ActionError::NothingToRedo)?;
                let graves = Rc::clone(&self.graves);
                for put in change.puts.clone().iter() {
                    self.restore_put(put, true);
                }
                self.bound_graves(graves);
            }
            Action::Import {
                articles,
                entities,
                annotations,
                replace,
            } => self.import(articles, entities, annotations, replace)?,
            other => {
                let (summary, typing, writes) = self.plan(other)?;
                self.change(summary, typing, writes);
            }
        }
        self.revision += 1;
        Ok(())
    }

    /// What an edit writes: the undo summary, the typing key, the writes.
    fn plan(&self, action: Action) -> Result<Planned, ActionError> {
        let one = |summary: String, writes: Vec<Write>| Ok((summary, None, writes));
        match action {
            Action::Annotate(a) => {
                self.check_new(&a)?;
                self.check_attrs(&a, |id| self.annotations.get(id).cloned())?;
                one(format!("add {}", a.label.name().name()), vec![put(a)])
            }
            Action::AnnotateAll(list) => {
                let count = list.len();
                let writes = self.checked_batch(list, Batch::New, &self.annotations)?;
                one(format!("tag {count} occurrences"), writes)
            }
            Action::Relabel { id, label, at } => {
                let mut a = self.existing(&id)?;
                a.label = label;
                a.updated = at;
                self.cut_attrs(&mut a);
                let mut writes = vec![put(a)];
                writes.extend(self.links_cut(&id, Some(label)).into_iter().map(put));
                one(format!("relabel as {}", label.name().name()), writes)
            }
            Action::SetNote { id, note, at } => {
                let mut a = self.existing(&id)?;
                a.note = note;
                a.updated = at;
                let typing = Some((format!("note {}", id.as_str()), at));
                Ok(("edit note".into(), typing, vec![put(a)]))
            }
            Action::Remove { id } => {
                let a = self.existing(&id)?;
                let cut = self.links_cut(&id, None);
                let summary = match cut.len() {
                    0 => format!("delete {}", a.label.name().name()),
                    n => format!("delete {} and {n} link{}", a.label.name().name(), plural(n)),
                };
                let mut writes = vec![Write::Annotation(id, None)];
                writes.extend(cut.into_iter().map(put));
                one(summary, writes)
            }
            Action::SetSource { id, source, at } => {
                let mut a = self.existing(&id)?;
                let summary = if source.is_some() { "link" } else { "unlink" };
                a.attrs.source = source;
                a.updated = at;
                self.check_attrs(&a, |id| self.annotations.get(id).cloned())?;
                one(format!("{summary} {}", a.label.name().name()), vec![put(a)])
            }
            Action::SetAttribution {
                id,
                attribution,
                at,
            } => {
                let mut a = self.claim(&id)?;
                a.attrs.attribution = attribution;
                a.updated = at;
                one("set attribution".into(), vec![put(a)])
            }
            Action::SetCheck { id, check, at } => {
                let mut a = self.claim(&id)?;
                a.attrs.check = check;
                a.updated = at;
                one("set check status".into(), vec![put(a)])
            }
            Action::AddEntity { entity, mentions } => {
                if self.entities.contains_key(&entity.id) {
                    return Err(ActionError::DuplicateEntity(entity.id.as_str().to_owned()));
                }
                check_name(&entity.name)?;
                let summary = format!("add entity {}", entity.name);
                let mut writes = self.relink(&mentions, Some(&entity.id), entity.created)?;
                writes.insert(0, Write::Entity(entity.id.clone(), Some(entity)));
                one(summary, writes)
            }
            Action::EditEntity(entity) => {
                let old = self.existing_entity(&entity.id)?;
                check_name(&entity.name)?;
                let kept = Entity {
                    created: old.created,
                    rejected: old.rejected.clone(),
                    ..entity
                };
                one(
                    "edit entity".into(),
                    vec![Write::Entity(kept.id.clone(), Some(kept))],
                )
            }
            Action::RemoveEntity { id } => {
                let e = self.existing_entity(&id)?;
                let mentions = self.mention_ids(&id);
                let mut writes = self.relink(&mentions, None, e.updated)?;
                writes.push(Write::Entity(id, None));
                one(format!("delete entity {}", e.name), writes)
            }
            Action::MergeEntities { into, from, at } => {
                let mut kept = Entity::clone(self.existing_entity(&into)?);
                let gone = self.existing_entity(&from)?;
                if into == from {
                    return Err(ActionError::DuplicateEntity(into.as_str().to_owned()));
                }
                for name in gone.names() {
                    if !kept.names().any(|n| n == name) {
                        kept.aliases.push(name.to_owned());
                    }
                }
                kept.rejected.extend(gone.rejected.iter().cloned());
                kept.updated = at;
                let summary = format!("merge {} into {}", gone.name, kept.name);
                let mut writes = self.relink(&self.mention_ids(&from), Some(&into), at)?;
                writes.push(Write::Entity(from, None));
                writes.push(Write::Entity(into, Some(kept)));
                one(summary, writes)
            }
            Action::SetMentionEntity {
                mentions,
                entity,
                at,
            } => {
                if let Some(e) = &entity {
                    self.existing_entity(e)?;
                }
                let count = mentions.len();
                let writes = self.relink(&mentions, entity.as_ref(), at)?;
                let verb = if entity.is_some() { "link" } else { "unlink" };
                one(format!("{verb} {count} mention{}", plural(count)), writes)
            }
            Action::RejectCandidate {
                entity,
                article,
                span,
                at,
            } => {
                let mut e = Entity::clone(self.existing_entity(&entity)?);
                e.rejected.insert((article, span));
                e.updated = at;
                one(
                    "reject candidate".into(),
                    vec![Write::Entity(entity, Some(e))],
                )
            }
            Action::AddArticle(article) => {
                if self.article(&article.id).is_some() {
                    return Err(ActionError::DuplicateArticle(
                        article.id.as_str().to_owned(),
                    ));
                }
                check_name(&article.title)?;
                let summary = format!("add article {}", article.title);
                one(
                    summary,
                    vec![Write::Article(article.id.clone(), Some(article))],
                )
            }
            Action::RenameArticle { id, title } => {
                let old = self.own_article(&id)?;
                check_name(&title)?;
                let mut renamed = Article::clone(old);
                renamed.title = title.trim().to_owned();
                one(
                    "rename article".into(),
                    vec![Write::Article(id, Some(renamed))],
                )
            }
            Action::RemoveArticle { id } => {
                let old = self.own_article(&id)?;
                let summary = format!("delete article {}", old.title);
                let mut writes: Vec<Write> = self
                    .in_article(&id)
                    .iter()
                    .map(|a| Write::Annotation(a.id.clone(), None))
                    .collect();
                writes.push(Write::Article(id, None));
                one(summary, writes)
            }
            Action::Import { .. } | Action::Undo | Action::Redo => {
                Ok((String::new(), None, Vec::new()))
            }
        }
    }
}

/// An edit's undo summary, its typing key (see [`Change::typing`](crate::domain::state::history::Change)) and
/// its writes.
type Planned = (String, Option<(String, Timestamp)>, Vec<Write>);

/// A name or title must have more than whitespace.
fn check_name(name: &str) -> Result<(), ActionError> {
    if name.trim().is_empty() {
        return Err(ActionError::EmptyName);
    }
    Ok(())
}

/// "s" unless there is one.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
