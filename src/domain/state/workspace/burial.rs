//! Keeping the graves in step with the records: a record that goes gets a grave at the workspace's
//! clock; one that comes back (undo, redo, an import) loses its grave and, if the grave would delete
//! it again, a time past it (the clock, or just after the grave), so that a tab that has the grave
//! keeps it too
//! (see [`crate::domain::state::graves`]).

use super::Workspace;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::graves::{alive, Graves};
use std::rc::Rc;

/// When an own article was added; `None` for a bundled one.
pub(super) fn own_time(article: &Article) -> Option<Timestamp> {
    match article.origin {
        Origin::Own { added } => Some(added),
        Origin::Bundled => None,
    }
}

impl Workspace {
    /// The records deleted, and when.
    pub fn graves(&self) -> &Rc<Graves> {
        &self.graves
    }

    /// The latest time of any record or grave the workspace has held; a delete gets this time.
    pub fn clock(&self) -> Timestamp {
        self.clock
    }

    /// Takes `graves` (saved, or merged from another tab) beside the graves this workspace has, the
    /// later time winning; graves of records it holds are dropped.
    pub fn add_graves(&mut self, graves: &Graves) {
        let mut all = self.graves.union(graves);
        all.annotations
            .retain(|id, _| !self.annotations.contains_key(id));
        all.entities.retain(|id, _| !self.entities.contains_key(id));
        all.articles.retain(|id, _| self.article(id).is_none());
        if let Some(newest) = all.newest() {
            self.see(newest);
        }
        if all != *self.graves {
            self.graves = Rc::new(all);
        }
    }

    /// After a change that started with the graves `before`: bounds them if the change added any.
    pub(super) fn bound_graves(&mut self, before: Rc<Graves>) {
        let grew = !Rc::ptr_eq(&before, &self.graves)
            && self.graves.annotations.len()
                + self.graves.entities.len()
                + self.graves.articles.len()
                > before.annotations.len() + before.entities.len() + before.articles.len();
        drop(before);
        if grew {
            Rc::make_mut(&mut self.graves).bound();
        }
    }

    /// The time of a record written by undo or redo: the clock, and past the time of the record it
    /// replaces and of its grave, if any.
    pub(super) fn restamped(
        &self,
        current: Option<Timestamp>,
        grave: Option<Timestamp>,
    ) -> Timestamp {
        let past = |t: Option<Timestamp>| t.map_or(Timestamp::default(), |t| Timestamp(t.0 + 1));
        self.clock.max(past(current)).max(past(grave))
    }

    /// Moves the clock on to `now`, so that a delete made next gets at least this time. The page
    /// calls it before each action, so that a delete's grave holds when it was made.
    pub fn observe(&mut self, now: Timestamp) {
        self.see(now);
    }

    /// Moves the clock on to `t`, if it is later.
    pub(super) fn see(&mut self, t: Timestamp) {
        self.clock = self.clock.max(t);
    }

    /// An annotation's state about to be written over `id`: a grave for one that goes, none for one
    /// that is there, and a time past its grave for one that comes back.
    pub(super) fn bury_annotation(
        &mut self,
        id: &AnnotationId,
        state: Option<Rc<Annotation>>,
    ) -> Option<Rc<Annotation>> {
        let Some(a) = state else {
            if self.annotations.contains_key(id) {
                let at = self.clock;
                Rc::make_mut(&mut self.graves)
                    .annotations
                    .insert(id.clone(), at);
            }
            return None;
        };
        let grave = self.graves.annotations.get(id).copied();
        let a = match grave {
            Some(at) if !alive(Some(&at), a.updated) => Rc::new(Annotation {
                updated: self.clock.max(Timestamp(at.0 + 1)),
                ..Annotation::clone(&a)
            }),
            _ => a,
        };
        if grave.is_some() {
            Rc::make_mut(&mut self.graves).annotations.remove(id);
        }
        self.see(a.updated);
        Some(a)
    }

    /// A registry entry's state about to be written over `id`, as for an annotation.
    pub(super) fn bury_entity(
        &mut self,
        id: &EntityId,
        state: Option<Rc<Entity>>,
    ) -> Option<Rc<Entity>> {
        let Some(e) = state else {
            if self.entities.contains_key(id) {
                let at = self.clock;
                Rc::make_mut(&mut self.graves)
                    .entities
                    .insert(id.clone(), at);
            }
            return None;
        };
        let grave = self.graves.entities.get(id).copied();
        let e = match grave {
            Some(at) if !alive(Some(&at), e.updated) => Rc::new(Entity {
                updated: self.clock.max(Timestamp(at.0 + 1)),
                ..Entity::clone(&e)
            }),
            _ => e,
        };
        if grave.is_some() {
            Rc::make_mut(&mut self.graves).entities.remove(id);
        }
        self.see(e.updated);
        Some(e)
    }

    /// An own article about to be written over `id`: a grave for one that goes, none for one that is
    /// there. An article has no time of change; one that comes back is kept by the annotations that
    /// come back with it, whose times pass its grave.
    pub(super) fn bury_article(&mut self, id: &ArticleId, state: Option<&Rc<Article>>) {
        match state {
            None => {
                if self.article(id).is_some_and(|a| a.is_own()) {
                    let at = self.clock;
                    Rc::make_mut(&mut self.graves)
                        .articles
                        .insert(id.clone(), at);
                }
            }
            Some(article) => {
                if let Some(added) = own_time(article) {
                    self.see(added);
                }
                if self.graves.articles.contains_key(id) {
                    Rc::make_mut(&mut self.graves).articles.remove(id);
                }
            }
        }
    }
}
