//! Tabs on one saved state: merging what another tab saved into this tab's workspace.
//!
//! Every tab saves to the same localStorage key. When one writes, the others get the new state and
//! merge it: OURS (this tab's workspace) and THEIRS (what the other tab saved), with BASE (the last
//! state both had, see [`Lineage`]) for records both sides hold. Record by record (own articles,
//! registry entries, annotations):
//!
//! - held on one side only: kept, unless it has a grave at or after its last change (see
//!   [`crate::domain::state::graves`]): a record deleted at time T stays deleted unless a version of it
//!   was changed after T. This does not depend on BASE, which with three or more tabs can be a state
//!   the other side never had; graves merge by union, so any number of tabs in any order agree;
//! - held on both: if one side is unchanged from BASE, the other's; if both changed, the later
//!   `updated` wins, THEIRS on a tie (articles have no time: THEIRS);
//! - an own article's last change is the latest of when it was added and of its annotations' changes,
//!   so that an annotation added or changed in one tab after another tab deleted its article keeps it.
//!
//! Then what no longer fits is cut (`fit.rs`): a source that is gone or no longer fits the labels, a
//! registry entry that is gone. The merge is pure; the stamps and storage events around it are
//! `saving/tabs.rs`, the browser part `web/saving.rs`.

use crate::domain::model::article::{Article, Origin};
use crate::domain::model::names::ArticleId;
use crate::domain::model::time::Timestamp;
use crate::domain::state::graves::alive;
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
    let mut graves = ours.graves.union(&theirs.graves);
    let annotations = merge_map(
        [&base.annotations, &ours.annotations, &theirs.annotations],
        &graves.annotations,
        |a| a.updated,
    );
    let entities = merge_map(
        [&base.entities, &ours.entities, &theirs.entities],
        &graves.entities,
        |e| e.updated,
    );
    let mut worked: BTreeMap<&ArticleId, Timestamp> = BTreeMap::new();
    for a in annotations.values() {
        let latest = worked.entry(&a.article).or_default();
        *latest = (*latest).max(a.updated);
    }
    let articles = merge_map(
        [&base.articles, &ours.articles, &theirs.articles],
        &graves.articles,
        |a: &Article| {
            let added = match a.origin {
                Origin::Own { added } => added,
                Origin::Bundled => Timestamp::default(),
            };
            added.max(worked.get(&a.id).copied().unwrap_or_default())
        },
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

/// Every id of the three maps (BASE, OURS, THEIRS), merged one by one against the graves; `changed`
/// gives a record's last change.
fn merge_map<K: Ord + Clone, V: PartialEq>(
    [base, ours, theirs]: [&BTreeMap<K, Rc<V>>; 3],
    graves: &BTreeMap<K, Timestamp>,
    changed: impl Fn(&V) -> Timestamp,
) -> BTreeMap<K, Rc<V>> {
    let ids: BTreeSet<&K> = ours.keys().chain(theirs.keys()).collect();
    ids.into_iter()
        .filter_map(|id| {
            let kept = match (ours.get(id), theirs.get(id)) {
                (Some(o), Some(t)) => pick(base.get(id), o, t, &changed),
                (Some(kept), None) | (None, Some(kept)) => kept,
                (None, None) => return None,
            };
            alive(graves.get(id), changed(kept)).then(|| (id.clone(), Rc::clone(kept)))
        })
        .collect()
}

/// A record both sides hold: the changed side's, or the later one if both changed (THEIRS on a tie).
fn pick<'a, V: PartialEq>(
    base: Option<&'a Rc<V>>,
    ours: &'a Rc<V>,
    theirs: &'a Rc<V>,
    changed: impl Fn(&V) -> Timestamp,
) -> &'a Rc<V> {
    if same(Some(ours), Some(theirs)) || same(Some(theirs), base) {
        return ours;
    }
    if same(Some(ours), base) || changed(theirs) >= changed(ours) {
        return theirs;
    }
    ours
}

#[cfg(test)]
#[path = "../tests/sync.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/sync_properties.rs"]
mod properties;
