//! Tabs on one saved state: merging what another tab saved into this tab's workspace.
//!
//! Every tab saves to the same localStorage key. When one writes, the others get the new state and
//! merge it: OURS (this tab's workspace) and THEIRS (what the other tab saved). Record by record
//! (annotations, registry entries, own articles):
//!
//! - held on one side only: kept, unless it has a grave at or after its last change (see
//!   [`crate::domain::state::graves`]): a record deleted at time T stays deleted unless a version of it
//!   was changed after T. Graves merge by union;
//! - held on both: the later `updated` wins (undo and redo count as changes made when they are done);
//!   on a tie, the same version whichever tab merges;
//! - an own article has no time of change: held on both, the side that renamed it since BASE (the last
//!   state both had, see [`Lineage`]) wins, THEIRS if both did; its last change, against its grave, is
//!   the latest of when it was added and of its annotations' changes, so that an annotation added or
//!   changed in one tab after another tab deleted its article keeps the article.
//!
//! None of this depends on BASE for annotations and registry entries, which with three or more tabs can
//! be a state the other side never had: the merge is commutative, so any number of tabs that hear each
//! other's saves in any order end with the same records.
//!
//! Then what no longer fits is cut (`fit.rs`): a source that is gone or no longer fits the labels, a
//! registry entry that is gone. The merge is pure; the stamps and storage events around it are
//! `saving/tabs.rs`, the browser part `web/saving.rs`.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::names::ArticleId;
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::graves::alive;
use crate::domain::state::workspace::snapshot::same;
use crate::domain::state::workspace::Snapshot;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

mod fit;
mod lineage;
pub use lineage::{Lineage, Stamp};

/// The merged state, and one line per annotation left out or link cut because it no longer fit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// The merged records.
    pub state: Snapshot,
    /// What was cut or left out, one line each.
    pub cut: Vec<String>,
}

/// Merges OURS and THEIRS (see the module documentation); BASE matters only for own articles that
/// both sides hold.
pub fn merge(base: &Snapshot, ours: &Snapshot, theirs: &Snapshot) -> Merged {
    let mut graves = ours.graves.union(&theirs.graves);
    let annotations = merge_map(
        [&ours.annotations, &theirs.annotations],
        &graves.annotations,
        |a| a.updated,
        |o, t| {
            later(
                o,
                t,
                |a| a.updated,
                || annotation_rank(t) > annotation_rank(o),
            )
        },
    );
    let entities = merge_map(
        [&ours.entities, &theirs.entities],
        &graves.entities,
        |e| e.updated,
        |o, t| later(o, t, |e| e.updated, || entity_rank(t) > entity_rank(o)),
    );
    let mut worked: BTreeMap<&ArticleId, Timestamp> = BTreeMap::new();
    for a in annotations.values() {
        let latest = worked.entry(&a.article).or_default();
        *latest = (*latest).max(a.updated);
    }
    let articles = merge_map(
        [&ours.articles, &theirs.articles],
        &graves.articles,
        |a: &Article| {
            let added = match a.origin {
                Origin::Own { added } => added,
                Origin::Bundled => Timestamp::default(),
            };
            added.max(worked.get(&a.id).copied().unwrap_or_default())
        },
        |o, t| base.articles.get(&o.id).is_none_or(|b| **b != *t),
    );
    graves
        .annotations
        .retain(|id, _| !annotations.contains_key(id));
    graves.entities.retain(|id, _| !entities.contains_key(id));
    graves.articles.retain(|id, _| !articles.contains_key(id));
    let graves = if graves == *ours.graves {
        Rc::clone(&ours.graves)
    } else {
        Rc::new(graves)
    };
    let mut state = Snapshot {
        articles,
        entities,
        annotations,
        graves,
    };
    let cut = fit::fit(&mut state);
    Merged { state, cut }
}

/// Every id of OURS and THEIRS, merged one by one against the graves: `changed` gives a record's last
/// change, `take_theirs` says which of two different versions wins.
fn merge_map<K: Ord + Clone, V: PartialEq>(
    [ours, theirs]: [&BTreeMap<K, Rc<V>>; 2],
    graves: &BTreeMap<K, Timestamp>,
    changed: impl Fn(&V) -> Timestamp,
    take_theirs: impl Fn(&V, &V) -> bool,
) -> BTreeMap<K, Rc<V>> {
    let ids: BTreeSet<&K> = ours.keys().chain(theirs.keys()).collect();
    ids.into_iter()
        .filter_map(|id| {
            let kept = match (ours.get(id), theirs.get(id)) {
                (Some(o), Some(t)) if same(Some(o), Some(t)) || !take_theirs(o, t) => o,
                (Some(_), Some(t)) => t,
                (Some(kept), None) | (None, Some(kept)) => kept,
                (None, None) => return None,
            };
            alive(graves.get(id), changed(kept)).then(|| (id.clone(), Rc::clone(kept)))
        })
        .collect()
}

/// Whether THEIRS is the later version: the later `changed` time; on a tie, what `theirs_ranks_higher`
/// says, which orders the two versions the same whichever tab merges.
fn later<V>(
    ours: &V,
    theirs: &V,
    changed: impl Fn(&V) -> Timestamp,
    theirs_ranks_higher: impl Fn() -> bool,
) -> bool {
    match changed(theirs).cmp(&changed(ours)) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => theirs_ranks_higher(),
    }
}

/// Orders two versions of an annotation changed at the same time. The one with fewer links comes
/// first: a link cut because its target went keeps the annotation's time, and the cut one should win.
fn annotation_rank(a: &Annotation) -> impl Ord + '_ {
    let attrs = &a.attrs;
    let links = usize::from(attrs.source.is_some()) + usize::from(attrs.entity.is_some());
    (
        Reverse(links),
        (a.label, a.span, &a.note, &a.article),
        (&attrs.source, &attrs.entity, attrs.attribution, attrs.check),
    )
}

/// Orders two versions of a registry entry changed at the same time.
fn entity_rank(e: &Entity) -> impl Ord + '_ {
    (&e.name, e.kind, &e.aliases, &e.rejected, e.created)
}

#[cfg(test)]
#[path = "../tests/sync.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/sync_properties.rs"]
mod properties;

#[cfg(test)]
#[path = "../tests/sync_graves.rs"]
mod graves_tests;
