//! Deletion records ("graves"): which annotations, registry entries and own articles were deleted, and
//! when, saved with the state so that any number of tabs agree on a delete without a common BASE.
//!
//! A record deleted at time T stays deleted unless a version of it was changed after T: a change beats
//! a delete. Graves of two states merge by union, the later time winning. A grave's time is the
//! deleting workspace's clock (see [`Workspace::clock`]): the latest time it had seen in any record,
//! grave or action, which the page moves on to the time of each action; so a delete beats every version
//! the deleting tab had, and a version it had not seen beats the delete only if it was changed later.
//! Undo and redo are changes made when they are done: a record they bring back gets a time past its
//! grave, so a tab that has the grave keeps it too.
//!
//! Graves are bounded: those more than [`KEEP_MS`] older than the newest are dropped, and at most
//! [`MAX_GRAVES`] of each kind are kept, the newest. That is safe: a grave is needed only while some
//! open tab still holds the deleted record and has not merged the delete, and a tab that was closed
//! starts from storage, where the record is gone. Only a tab left open and unmerged for 30 days while
//! 10,000 other records were deleted could bring one back.
//!
//! [`Workspace::clock`]: crate::domain::state::workspace::Workspace::clock

use crate::domain::model::names::{AnnotationId, ArticleId, EntityId};
use crate::domain::model::time::Timestamp;
use std::collections::BTreeMap;

/// Graves older than this (30 days, in milliseconds) than the newest grave are dropped.
pub const KEEP_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// At most this many graves of each kind are kept, the newest.
pub const MAX_GRAVES: usize = 10_000;

/// When each deleted record was deleted, by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graves {
    /// Deleted annotations.
    pub annotations: BTreeMap<AnnotationId, Timestamp>,
    /// Deleted registry entries.
    pub entities: BTreeMap<EntityId, Timestamp>,
    /// Deleted own articles.
    pub articles: BTreeMap<ArticleId, Timestamp>,
}

impl Graves {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.entities.is_empty() && self.articles.is_empty()
    }

    /// Both sets of graves, the later time for an id in both, bounded ([`Graves::bound`]).
    pub fn union(&self, other: &Graves) -> Graves {
        let mut all = Graves {
            annotations: union(&self.annotations, &other.annotations),
            entities: union(&self.entities, &other.entities),
            articles: union(&self.articles, &other.articles),
        };
        all.bound();
        all
    }

    /// The latest time of any grave.
    pub fn newest(&self) -> Option<Timestamp> {
        let times = self.annotations.values();
        let times = times
            .chain(self.entities.values())
            .chain(self.articles.values());
        times.max().copied()
    }

    /// Drops graves more than [`KEEP_MS`] older than the newest, and all but the [`MAX_GRAVES`] newest
    /// of each kind.
    pub fn bound(&mut self) {
        let Some(newest) = self.newest() else {
            return;
        };
        let oldest = Timestamp(newest.0.saturating_sub(KEEP_MS));
        bound(&mut self.annotations, oldest);
        bound(&mut self.entities, oldest);
        bound(&mut self.articles, oldest);
    }
}

/// Whether a record last changed at `updated` is alive given its grave, if any: it is unless it was
/// deleted at or after that time.
pub fn alive(grave: Option<&Timestamp>, updated: Timestamp) -> bool {
    grave.is_none_or(|deleted| updated > *deleted)
}

fn union<K: Ord + Clone>(
    a: &BTreeMap<K, Timestamp>,
    b: &BTreeMap<K, Timestamp>,
) -> BTreeMap<K, Timestamp> {
    let mut out = a.clone();
    for (id, at) in b {
        let kept = out.entry(id.clone()).or_insert(*at);
        *kept = (*kept).max(*at);
    }
    out
}

fn bound<K: Ord>(graves: &mut BTreeMap<K, Timestamp>, oldest: Timestamp) {
    graves.retain(|_, at| *at >= oldest);
    if graves.len() <= MAX_GRAVES {
        return;
    }
    // The newest are kept; of those at the cut's time, the lowest ids, so that every tab keeps the
    // same ones.
    let mut times: Vec<i64> = graves.values().map(|at| at.0).collect();
    times.sort_unstable();
    let kept = times.get(times.len() - MAX_GRAVES..).unwrap_or_default();
    let Some(&cut) = kept.first() else {
        return;
    };
    let mut at_cut = kept.iter().take_while(|t| **t == cut).count();
    graves.retain(|_, at| match at.0.cmp(&cut) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal if at_cut > 0 => {
            at_cut -= 1;
            true
        }
        std::cmp::Ordering::Equal => false,
    });
}

#[cfg(test)]
#[path = "../tests/graves.rs"]
mod tests;
