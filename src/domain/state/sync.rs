//! Two tabs, one saved state: merging what another tab saved into this tab's workspace.
//!
//! Both tabs save to the same localStorage key. When one writes, the other gets the new state and merges
//! it three ways: BASE (the last state both tabs had, see [`Lineage`]), OURS (this tab's workspace) and
//! THEIRS (what the other tab saved). Record by record (own articles, registry entries, annotations):
//!
//! - the same on both sides, or changed on one side only (added, edited or deleted): that side's;
//! - changed on both: the later `updated` wins, THEIRS on a tie (articles have no time: THEIRS);
//! - deleted on one side and changed on the other: the changed one is kept. An own article counts as
//!   changed on a side that added or changed an annotation in it, so that no annotation added in one tab
//!   is lost because the other deleted its article.
//!
//! Then what no longer fits is cut (`fit.rs`): a source that is gone or no longer fits the labels, a
//! registry entry that is gone. The merge is pure; the stamps and storage events around it are
//! `saving/tabs.rs`, the browser part `web/saving.rs`.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, ArticleId};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::snapshot::same;
use crate::domain::state::workspace::Snapshot;
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

/// Merges OURS and THEIRS, both changed from BASE (see the module documentation).
pub fn merge(base: &Snapshot, ours: &Snapshot, theirs: &Snapshot) -> Merged {
    let annotations = merge_map(
        &base.annotations,
        &ours.annotations,
        &theirs.annotations,
        |a| Some(a.updated),
        |_| false,
    );
    let entities = merge_map(
        &base.entities,
        &ours.entities,
        &theirs.entities,
        |e| Some(e.updated),
        |_| false,
    );
    let (ours_work, theirs_work) = (
        worked_in(&base.annotations, &ours.annotations),
        worked_in(&base.annotations, &theirs.annotations),
    );
    let articles = merge_map(
        &base.articles,
        &ours.articles,
        &theirs.articles,
        |_| None,
        |side| match side {
            Side::Ours(id) => ours_work.contains(id),
            Side::Theirs(id) => theirs_work.contains(id),
        },
    );
    let mut state = Snapshot {
        articles,
        entities,
        annotations,
    };
    let cut = fit::fit(&mut state);
    Merged { state, cut }
}

/// A record id, with the side whose other changes are asked about.
enum Side<'a, K> {
    Ours(&'a K),
    Theirs(&'a K),
}

/// Every id of the three maps, merged one by one. `updated` gives a record's time, if it has one;
/// `touched` says whether a side changed something that belongs to the record (an article's
/// annotations), which keeps it when the other side deleted it.
fn merge_map<K: Ord + Clone, V: PartialEq>(
    base: &BTreeMap<K, Rc<V>>,
    ours: &BTreeMap<K, Rc<V>>,
    theirs: &BTreeMap<K, Rc<V>>,
    updated: impl Fn(&V) -> Option<Timestamp>,
    touched: impl Fn(Side<'_, K>) -> bool,
) -> BTreeMap<K, Rc<V>> {
    let ids: BTreeSet<&K> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    ids.into_iter()
        .filter_map(|id| {
            let (b, o, t) = (base.get(id), ours.get(id), theirs.get(id));
            let kept = match (o, t) {
                // Deleted by theirs, kept by ours because of what ours did in it.
                (Some(o), None) if b.is_some() && touched(Side::Ours(id)) => Some(o),
                (None, Some(t)) if b.is_some() && touched(Side::Theirs(id)) => Some(t),
                _ => pick(b, o, t, &updated),
            };
            kept.map(|v| (id.clone(), Rc::clone(v)))
        })
        .collect()
}

/// One record's merged state.
fn pick<'a, V: PartialEq>(
    base: Option<&'a Rc<V>>,
    ours: Option<&'a Rc<V>>,
    theirs: Option<&'a Rc<V>>,
    updated: impl Fn(&V) -> Option<Timestamp>,
) -> Option<&'a Rc<V>> {
    if same(ours, theirs) || same(theirs, base) {
        return ours;
    }
    if same(ours, base) {
        return theirs;
    }
    // Changed on both sides.
    match (ours, theirs) {
        (Some(o), Some(t)) => {
            if updated(o) > updated(t) {
                Some(o)
            } else {
                Some(t)
            }
        }
        // Deleted on one side, changed on the other: the changed one.
        (kept, None) | (None, kept) => kept,
    }
}

/// The articles in which `side` added or changed an annotation since `base`.
fn worked_in(
    base: &BTreeMap<AnnotationId, Rc<Annotation>>,
    side: &BTreeMap<AnnotationId, Rc<Annotation>>,
) -> BTreeSet<ArticleId> {
    side.iter()
        .filter(|(id, a)| !same(base.get(*id), Some(*a)))
        .map(|(_, a)| a.article.clone())
        .collect()
}

#[cfg(test)]
#[path = "../tests/sync.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/sync_properties.rs"]
mod properties;
