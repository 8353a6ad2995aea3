//! Writing one record's state, keeping the indexes in step, and recording changes for undo.

use super::{span_key, Workspace};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::history::{Change, Put, Slot};
use std::rc::Rc;

/// A state to write, before it is written: the record's id and its new state.
pub(super) enum Write {
    /// An annotation.
    Annotation(AnnotationId, Option<Annotation>),
    /// A registry entry.
    Entity(EntityId, Option<Entity>),
    /// An article.
    Article(ArticleId, Option<Article>),
}

/// The write of an annotation's new state.
pub(super) fn put(a: Annotation) -> Write {
    Write::Annotation(a.id.clone(), Some(a))
}

impl Workspace {
    /// Writes the new states and records them, with their previous states, as one undoable change.
    pub(super) fn change(
        &mut self,
        summary: String,
        typing: Option<(String, Timestamp)>,
        writes: Vec<Write>,
    ) {
        let graves = Rc::clone(&self.graves);
        let puts = writes
            .into_iter()
            .map(|w| match w {
                Write::Annotation(id, after) => {
                    let after = after.map(Rc::new);
                    let before = self.put_annotation(&id, after.clone());
                    Put::Annotation(Slot { id, before, after })
                }
                Write::Entity(id, after) => {
                    let after = after.map(Rc::new);
                    let before = self.put_entity(&id, after.clone());
                    Put::Entity(Slot { id, before, after })
                }
                Write::Article(id, after) => {
                    let after = after.map(Rc::new);
                    let before = self.put_article(&id, after.clone());
                    Put::Article(Slot { id, before, after })
                }
            })
            .collect();
        self.history.record(Change {
            summary,
            puts,
            typing,
        });
        self.bound_graves(graves);
    }

    /// Writes one put's before (undo) or after (redo) state. Undo and redo are changes made now: a
    /// record they write gets a time past the one it replaces (see [`Workspace::restamped`]), so that
    /// the other tabs take it over theirs.
    pub(super) fn restore_put(&mut self, put: &Put, after: bool) {
        match put {
            Put::Annotation(s) => {
                let current = self.annotations.get(&s.id).map(|a| a.updated);
                let grave = self.graves().annotations.get(&s.id).copied();
                let state = s.state(after).map(|a| {
                    let at = self.restamped(current, grave);
                    Rc::new(Annotation {
                        updated: at,
                        ..Annotation::clone(&a)
                    })
                });
                self.put_annotation(&s.id, state);
            }
            Put::Entity(s) => {
                let current = self.entities.get(&s.id).map(|e| e.updated);
                let grave = self.graves().entities.get(&s.id).copied();
                let state = s.state(after).map(|e| {
                    let at = self.restamped(current, grave);
                    Rc::new(Entity {
                        updated: at,
                        ..Entity::clone(&e)
                    })
                });
                self.put_entity(&s.id, state);
            }
            Put::Article(s) => {
                self.put_article(&s.id, s.state(after));
            }
        }
    }

    /// Sets one annotation's state, keeping the per-article index in step; returns the previous state.
    pub(super) fn put_annotation(
        &mut self,
        id: &AnnotationId,
        state: Option<Rc<Annotation>>,
    ) -> Option<Rc<Annotation>> {
        let state = self.bury_annotation(id, state);
        let in_order = self.in_order.get_mut();
        for touched in state.iter().chain(self.annotations.get(id)) {
            in_order.remove(&touched.article);
        }
        let before = match state {
            Some(a) => {
                self.by_article
                    .entry(a.article.clone())
                    .or_default()
                    .insert(span_key(&a));
                self.annotations.insert(id.clone(), a)
            }
            None => self.annotations.remove(id),
        };
        if let Some(old) = &before {
            let replaced_same_key = self
                .annotations
                .get(id)
                .is_some_and(|new| new.article == old.article && new.span == old.span);
            if !replaced_same_key {
                if let Some(set) = self.by_article.get_mut(&old.article) {
                    set.remove(&span_key(old));
                }
            }
        }
        before
    }

    /// Sets one registry entry's state; returns the previous state.
    fn put_entity(&mut self, id: &EntityId, state: Option<Rc<Entity>>) -> Option<Rc<Entity>> {
        match self.bury_entity(id, state) {
            Some(e) => self.entities.insert(id.clone(), e),
            None => self.entities.remove(id),
        }
    }

    /// Sets one article's state; returns the previous state. An article keeps its place when it is
    /// replaced; a new one goes after the bundled articles and the own articles added before it.
    fn put_article(&mut self, id: &ArticleId, state: Option<Rc<Article>>) -> Option<Rc<Article>> {
        self.bury_article(id, state.as_ref());
        let at = self.articles.iter().position(|a| &a.id == id);
        let before = at.map(|i| self.articles.remove(i));
        if let Some(article) = state {
            let place = at.unwrap_or_else(|| {
                let key = article.list_key();
                self.articles.partition_point(|a| a.list_key() <= key)
            });
            self.articles
                .insert(place.min(self.articles.len()), article);
        }
        before
    }
}
