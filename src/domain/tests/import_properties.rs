//! Property test of import planning: whatever links, registry references, labels and times a file's
//! annotations carry, and whatever the workspace holds, a plan that is made gives merge and replace
//! actions the workspace accepts, leaving no link or reference stale.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::native::sample::rich_workspace;
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::{json, sample_workspace};
use crate::domain::model::attributes::LinkKind;
use proptest::prelude::*;
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// Ids a mutated link or reference may name: the file's, the workspace's, and ones nobody has.
const SOURCES: [&str; 8] = [
    "o-olena",
    "o-quote",
    "o-claim",
    "o-flag",
    "e-ukraine",
    "q-short",
    "ghost",
    "w-extra",
];
const ENTRIES: [&str; 4] = ["ent-olena", "ent-zelensky", "ent-ws", "ent-ghost"];
const TIMES: [&str; 3] = [
    "2020-01-01T00:00:00Z",
    "2025-02-15T08:02:00Z",
    "2030-01-01T00:00:00Z",
];

/// The workspaces to import into: empty, the sample, the rich one, and the rich one with an annotation
/// and an entry of its own that link to its annotations.
fn workspace(which: usize) -> Workspace {
    match which % 4 {
        0 => Workspace::new(bundled_articles().unwrap()),
        1 => sample_workspace(),
        2 => rich_workspace(),
        _ => {
            use crate::domain::model::names::EntityId;
            use crate::domain::model::names::{EntityKind, Label};
            use crate::domain::model::registry::Entity;
            let mut ws = rich_workspace();
            let extra = crate::domain::fixtures::ann("w-extra", "own-kyjiw", 44, 58, Label::Quote);
            ws.apply(Action::Annotate(extra)).unwrap();
            let entry = Entity::new(EntityId::from("ent-ws"), "Olena", EntityKind::Person, NOW);
            ws.apply(Action::AddEntity {
                entity: entry,
                mentions: vec!["o-olena".into()],
            })
            .unwrap();
            ws.apply(Action::SetSource {
                id: "w-extra".into(),
                source: Some("o-olena".into()),
                at: NOW,
            })
            .unwrap();
            ws
        }
    }
}

fn stale(ws: &Workspace) -> Vec<String> {
    ws.all()
        .iter()
        .filter(|a| {
            let bad_source = a.attrs.source.as_ref().is_some_and(|s| {
                !ws.annotation(s).is_some_and(|t| {
                    t.article == a.article && LinkKind::between(a.label, t.label).is_some()
                })
            });
            let bad_entry = a
                .attrs
                .entity
                .as_ref()
                .is_some_and(|e| ws.entity(e).is_none());
            bad_source || bad_entry
        })
        .map(|a| a.id.as_str().to_owned())
        .collect()
}

/// One edit of an annotation record: which record, what to change, and a choice for the new value.
type Edit = (usize, usize, usize);

fn edit(file: &mut Value, (at, what, pick): Edit) {
    let anns = file["annotations"].as_array_mut().unwrap();
    let n = anns.len();
    let rec = &mut anns[at % n];
    let is_entity = rec["label"] == "entity";
    // Links start at quotes and claims, registry references at entities (else the record is invalid).
    if (what % 5 == 0 && is_entity) || (what % 5 == 2 && !is_entity) {
        return;
    }
    let members = rec.as_object_mut().unwrap();
    let mut set = |key: &str, value: Option<Value>| {
        members.retain(|k, _| k != key);
        if let Some(v) = value {
            members.insert(key.to_owned(), v);
        }
    };
    match what % 5 {
        0 => set("source", Some(Value::from(SOURCES[pick % SOURCES.len()]))),
        1 => set("source", None),
        2 => set("entity", Some(Value::from(ENTRIES[pick % ENTRIES.len()]))),
        3 => set("updated", Some(Value::from(TIMES[pick % TIMES.len()]))),
        _ => {
            // Relabel as a claim, quote or person, dropping what the new label cannot have.
            let (label, kind) =
                [("claim", None), ("quote", None), ("entity", Some("person"))][pick % 3];
            set("label", Some(Value::from(label)));
            set("kind", kind.map(Value::from));
            if label != "claim" {
                set("attribution", None);
                set("check", None);
            }
            if label != "entity" {
                set("entity", None);
            } else {
                set("source", None);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_plan_gives_actions_the_workspace_accepts_with_nothing_stale(
        which in 0..4_usize,
        edits in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 0..6),
        entry_time in 0..3_usize,
    ) {
        let ws = workspace(which);
        let mut file = json(&export_json(&rich_workspace(), NOW));
        for e in edits {
            edit(&mut file, e);
        }
        file["entities"][1]["updated"] = Value::from(TIMES[entry_time]);
        file["entities"][1]["name"] = Value::from("Wolodymyr Selenskyj");
        let Ok(plan) = plan_import("f.json", file.to_string().as_bytes(), &ws, &ImportOptions::default(), NOW) else {
            return Ok(());
        };
        for replace in [false, true] {
            let mut w = ws.clone();
            let applied = w.apply(plan.action(replace));
            prop_assert!(applied.is_ok(), "{:?} (replace: {replace})", applied);
            prop_assert_eq!(stale(&w), Vec::<String>::new(), "replace: {}", replace);
            if replace {
                prop_assert_eq!(w.len(), plan.new + plan.present + plan.conflicts);
            }
        }
    }
}
