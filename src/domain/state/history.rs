//! Undo and redo as a stack of reversible changes.
//!
//! Every change is a list of puts: for one annotation, registry entry or article, what was there before
//! and what is there after (`None` meaning absent). Undo writes the befores back, redo the afters. Storing
//! changes rather than snapshots keeps memory proportional to what was edited, not to the size of the
//! workspace.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

/// One record's state before and after a change.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot<K, V> {
    /// Which record.
    pub id: K,
    /// Its state before the change.
    pub before: Option<Rc<V>>,
    /// Its state after the change.
    pub after: Option<Rc<V>>,
}

impl<K, V> Slot<K, V> {
    /// The state after the change (`true`) or before it.
    pub fn state(&self, after: bool) -> Option<Rc<V>> {
        if after {
            self.after.clone()
        } else {
            self.before.clone()
        }
    }
}

/// One record's change, of any of the kinds the workspace holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Put {
    /// An annotation.
    Annotation(Slot<AnnotationId, Annotation>),
    /// A registry entry.
    Entity(Slot<EntityId, Entity>),
    /// An article (the person's own: added, renamed or deleted).
    Article(Slot<ArticleId, Article>),
}

impl Put {
    /// Takes `later`'s after-state when both put the same record (for typing merged into one step).
    fn continue_with(&mut self, later: Put) {
        match (self, later) {
            (Put::Annotation(a), Put::Annotation(b)) if a.id == b.id => a.after = b.after,
            (Put::Entity(a), Put::Entity(b)) if a.id == b.id => a.after = b.after,
            (Put::Article(a), Put::Article(b)) if a.id == b.id => a.after = b.after,
            _ => {}
        }
    }
}

/// A change that undo reverts in one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What happened, for the undo button's title ("Undo: add claim").
    pub summary: String,
    /// The puts, in the order they were made.
    pub puts: Vec<Put>,
    /// Set for typed edits (a note, a name), so that typing undoes as one step: what is being typed
    /// into, and when.
    pub typing: Option<(String, Timestamp)>,
}

/// Keystrokes in the same note less than this far apart are undone together.
const TYPING_PAUSE_MS: i64 = 1500;

/// At most this many changes are kept for undo.
const MAX_UNDO: usize = 500;

/// The undo and redo stacks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a change just made; clears redo. Note typing merges into the previous step when it continues
    /// the same note without a pause.
    pub fn record(&mut self, change: Change) {
        self.redo.clear();
        if let (Some(last), Some((id, at))) = (self.undo.last_mut(), &change.typing) {
            if let Some((last_id, last_at)) = &last.typing {
                if last_id == id && at.0 - last_at.0 < TYPING_PAUSE_MS {
                    for (kept, new) in last.puts.iter_mut().zip(change.puts) {
                        kept.continue_with(new);
                    }
                    last.typing = change.typing;
                    return;
                }
            }
        }
        self.undo.push(change);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
    }

    /// Takes the change to undo, moving it to the redo stack; returns the puts to write back.
    pub fn undo(&mut self) -> Option<&Change> {
        let change = self.undo.pop()?;
        self.redo.push(change);
        self.redo.last()
    }

    /// Takes the change to redo, moving it back to the undo stack.
    pub fn redo(&mut self) -> Option<&Change> {
        let change = self.redo.pop()?;
        self.undo.push(change);
        self.undo.last()
    }

    /// What undo would revert, if anything.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|c| c.summary.as_str())
    }

    /// What redo would re-apply, if anything.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|c| c.summary.as_str())
    }
}
