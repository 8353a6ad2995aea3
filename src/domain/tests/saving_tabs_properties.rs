//! Property test of 3 to 5 tabs on one store: each tags, edits, deletes and undoes at random, saves at
//! random, and hears the others' saves late and in any order (a storage event reads what storage holds
//! when it is handled). Once every save is heard, all tabs hold the same annotations, and none holds
//! an annotation whose last delete came after its last change.

use super::tabs_tests::{Event, Tab};
use super::tests::{first, Memory, NOW};
use super::*;
use crate::domain::fixtures::ann;
use crate::domain::model::names::{AnnotationId, Label};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Snapshot};
use proptest::prelude::*;
use std::collections::BTreeMap;

const NAMES: [&str; 5] = ["a", "b", "c", "d", "e"];

/// One step: which tab, what it does (see [`step`]), and which of its annotations.
type Op = (usize, u8, usize);

/// The tabs, the storage events each has yet to handle, and when each annotation was last changed and
/// last deleted (by the clock of the steps).
struct World {
    tabs: Vec<Tab>,
    pending: Vec<usize>,
    changed: BTreeMap<AnnotationId, i64>,
    deleted: BTreeMap<AnnotationId, i64>,
    store: Memory,
    tagged: usize,
}

impl World {
    fn new(n: usize) -> World {
        let store = Memory::default();
        World {
            tabs: NAMES[..n]
                .iter()
                .map(|name| Tab::open(&store, name))
                .collect(),
            pending: vec![0; n],
            changed: BTreeMap::new(),
            deleted: BTreeMap::new(),
            store,
            tagged: 0,
        }
    }

    /// Tab `i` autosaves; a write reaches every other tab later, as an event.
    fn save(&mut self, i: usize) {
        let writes = self.store.writes();
        self.tabs[i].autosave();
        if self.store.writes() != writes {
            for (j, pending) in self.pending.iter_mut().enumerate() {
                if j != i {
                    *pending += 1;
                }
            }
        }
    }

    /// Tab `i` handles its oldest storage event, if it has one.
    fn hear(&mut self, i: usize) {
        if self.pending[i] > 0 {
            self.pending[i] -= 1;
            let event = self.tabs[i].event(Some(STATE_KEY));
            assert!(matches!(event, Event::Merge | Event::Nothing), "{event:?}");
        }
    }

    /// Tab `i` does what `kind` says at time `now`, to its `pick`th annotation; records what changed.
    fn step(&mut self, (i, kind, pick): Op, now: i64) {
        let tab = &mut self.tabs[i];
        tab.session.workspace.observe(Timestamp(now));
        let ids: Vec<AnnotationId> = annotations(tab).keys().cloned().collect();
        let target = (!ids.is_empty()).then(|| ids[pick % ids.len()].clone());
        let action = match (kind, target) {
            (0 | 1, _) => {
                self.tagged += 1;
                let article = first(&tab.session);
                let mut a = ann(
                    &format!("t{}", self.tagged),
                    article.as_str(),
                    pick,
                    pick + 3,
                    Label::Claim,
                );
                (a.created, a.updated) = (Timestamp(now), Timestamp(now));
                Action::Annotate(a)
            }
            (2, Some(id)) => Action::SetNote {
                id,
                note: format!("note {now}"),
                at: Timestamp(now),
            },
            (3, Some(id)) => Action::Remove { id },
            (4, _) => Action::Undo,
            (5, _) => return self.save(i),
            _ => return self.hear(i),
        };
        let before = annotations(tab);
        tab.session.apply(SessionAction::Edit(action));
        let after = annotations(tab);
        for (id, a) in &after {
            if before.get(id) != Some(a) {
                self.changed.insert(id.clone(), now);
            }
        }
        for id in before.keys().filter(|id| !after.contains_key(*id)) {
            self.deleted.insert(id.clone(), now);
        }
    }

    /// Every tab hears every save and saves what it merged, until nothing is left to hear.
    fn settle(&mut self) {
        for _ in 0..50 {
            for i in 0..self.tabs.len() {
                while self.pending[i] > 0 {
                    self.hear(i);
                }
                self.save(i);
            }
            if self.pending.iter().all(|p| *p == 0) {
                return;
            }
        }
        panic!("the tabs do not settle");
    }
}

fn annotations(tab: &Tab) -> BTreeMap<AnnotationId, crate::domain::model::annotation::Annotation> {
    Snapshot::of(&tab.session.workspace)
        .annotations
        .iter()
        .map(|(id, a)| (id.clone(), (**a).clone()))
        .collect()
}

fn ops() -> impl Strategy<Value = (usize, Vec<Op>)> {
    (3..=5_usize).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec((0..n, 0..8_u8, 0..40_usize), 1..60),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_number_of_tabs_converge_and_never_bring_back_a_later_delete((n, ops) in ops()) {
        let mut world = World::new(n);
        for (k, op) in ops.into_iter().enumerate() {
            world.step(op, NOW.0 + 1000 * (k as i64 + 1));
        }
        world.settle();
        let first = annotations(&world.tabs[0]);
        for (i, tab) in world.tabs.iter().enumerate() {
            prop_assert_eq!(&annotations(tab), &first, "tab {} differs from tab 0", NAMES[i]);
        }
        for (id, deleted) in &world.deleted {
            if world.changed.get(id).is_none_or(|changed| deleted > changed) {
                prop_assert!(!first.contains_key(id), "{} came back", id.as_str());
            }
        }
    }
}
