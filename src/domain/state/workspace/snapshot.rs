//! Every record of a workspace by id, shared with it: one side of a merge of two tabs
//! (`state::sync`), and what [`Workspace::adopt`] takes.

use super::Workspace;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId};
use crate::domain::model::registry::Entity;
use crate::domain::state::graves::Graves;
use std::collections::BTreeMap;
use std::rc::Rc;

/// One side of a merge: every article (bundled and own), registry entry and annotation, by id. Records
/// are shared with the workspace they come from, so taking one copies no text.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// The articles.
    pub articles: BTreeMap<ArticleId, Rc<Article>>,
    /// The registry entries.
    pub entities: BTreeMap<EntityId, Rc<Entity>>,
    /// The annotations.
    pub annotations: BTreeMap<AnnotationId, Rc<Annotation>>,
    /// The records deleted, and when.
    pub graves: Rc<Graves>,
}

impl Snapshot {
    /// The records of a workspace.
    pub fn of(ws: &Workspace) -> Snapshot {
        Snapshot {
            articles: ws
                .articles()
                .iter()
                .map(|a| (a.id.clone(), Rc::clone(a)))
                .collect(),
            entities: ws
                .entities()
                .map(|e| (e.id.clone(), Rc::clone(e)))
                .collect(),
            annotations: ws
                .annotations()
                .map(|a| (a.id.clone(), Rc::clone(a)))
                .collect(),
            graves: Rc::clone(ws.graves()),
        }
    }
}

impl Snapshot {
    /// How many records (articles, registry entries, annotations) were added, changed or removed
    /// since `earlier`.
    pub fn changes_from(&self, earlier: &Snapshot) -> usize {
        changed(&self.articles, &earlier.articles)
            + changed(&self.entities, &earlier.entities)
            + changed(&self.annotations, &earlier.annotations)
    }
}

/// How many keys of `a` and `b` hold different records (or a record on one side only).
fn changed<K: Ord, V: PartialEq>(a: &BTreeMap<K, Rc<V>>, b: &BTreeMap<K, Rc<V>>) -> usize {
    let gone = b.keys().filter(|k| !a.contains_key(k)).count();
    gone + a.iter().filter(|(k, v)| !same(Some(v), b.get(k))).count()
}

impl PartialEq for Snapshot {
    /// The same records, compared by pointer first and by value when the pointers differ.
    fn eq(&self, other: &Snapshot) -> bool {
        same_map(&self.articles, &other.articles)
            && same_map(&self.entities, &other.entities)
            && same_map(&self.annotations, &other.annotations)
            && same(Some(&self.graves), Some(&other.graves))
    }
}

fn same_map<K: Ord, V: PartialEq>(a: &BTreeMap<K, Rc<V>>, b: &BTreeMap<K, Rc<V>>) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((ka, va), (kb, vb))| ka == kb && same(Some(va), Some(vb)))
}

/// Whether two states of one record are equal (both absent, or equal values).
pub fn same<V: PartialEq>(a: Option<&Rc<V>>, b: Option<&Rc<V>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a == b,
        _ => false,
    }
}
