//! Taking a merged state from another tab as one undoable change.

use super::slots::Write;
use super::Snapshot;
use super::Workspace;
use std::collections::BTreeSet;
use std::rc::Rc;

impl Workspace {
    /// Makes the workspace hold exactly the records of `state` (checked by the merge: every annotation
    /// fits its article, every link its target), writing only those that differ, as one undoable
    /// change with this `summary`, and takes its graves. Bundled articles are never written. Returns how
    /// many records changed.
    pub fn adopt(&mut self, state: &Snapshot, summary: &str) -> usize {
        let mut writes = Vec::new();
        // Articles first, so that the annotations on them fit at every step.
        let own = self.articles.iter().filter(|a| a.is_own());
        diff(
            own.map(|a| &a.id),
            |id| self.article(id),
            state.articles.iter().filter(|(_, a)| a.is_own()),
            &mut writes,
            Write::Article,
        );
        diff(
            self.entities.keys(),
            |id| self.entities.get(id),
            state.entities.iter(),
            &mut writes,
            Write::Entity,
        );
        diff(
            self.annotations.keys(),
            |id| self.annotations.get(id),
            state.annotations.iter(),
            &mut writes,
            Write::Annotation,
        );
        let count = writes.len();
        let graves = Rc::clone(&self.graves);
        if count > 0 {
            self.change(summary.to_owned(), None, writes);
        }
        self.add_graves(&state.graves);
        if count > 0 || !Rc::ptr_eq(&graves, &self.graves) {
            // New graves alone change nothing to see, but the next save must carry them.
            self.revision += 1;
        }
        count
    }
}

/// The writes that turn what the workspace has (`have` ids, looked up with `get`) into `want`: changed
/// and new records, then the ones that go.
fn diff<'a, K: Ord + Clone + 'a, V: Clone + PartialEq + 'a>(
    have: impl Iterator<Item = &'a K>,
    get: impl Fn(&K) -> Option<&'a Rc<V>>,
    want: impl Iterator<Item = (&'a K, &'a Rc<V>)>,
    writes: &mut Vec<Write>,
    write: fn(K, Option<V>) -> Write,
) {
    let mut wanted = BTreeSet::new();
    for (id, v) in want {
        wanted.insert(id);
        let unchanged = get(id).is_some_and(|h| Rc::ptr_eq(h, v) || **h == **v);
        if !unchanged {
            writes.push(write(id.clone(), Some(V::clone(v))));
        }
    }
    let mut gone: Vec<&K> = have.filter(|id| !wanted.contains(*id)).collect();
    gone.sort();
    writes.extend(gone.into_iter().map(|id| write(id.clone(), None)));
}
