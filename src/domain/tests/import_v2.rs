//! Tests of importing what version 2 adds: own articles, registry entries and links, into an empty and
//! a non-empty workspace, with undo; the conflict rules for entries; version 1 files. The helpers here
//! serve `import_links.rs` too.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::export_json;
use crate::domain::files::formats::native::sample::{
    articles, entities, own_article, rich_workspace, OWN, OWN_TEXT,
};
use crate::domain::files::formats::ImportOptions;
use crate::domain::fixtures::{ann, json, sample_workspace, snapshot, untimed};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, Label};
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

pub(super) fn file(ws: &Workspace) -> Value {
    json(&export_json(ws, NOW))
}

pub(super) fn plan(file: &Value, ws: &Workspace) -> ImportPlan {
    plan_import(
        "file.json",
        file.to_string().as_bytes(),
        ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap()
}

pub(super) fn refused(file: &Value, ws: &Workspace) -> String {
    plan_import(
        "file.json",
        file.to_string().as_bytes(),
        ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap_err()
    .to_string()
}

/// The file's annotation record with this id, to be edited.
pub(super) fn record<'a>(file: &'a mut Value, id: &str) -> &'a mut Value {
    file["annotations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == id)
        .unwrap()
}

/// The index of the file's annotation record with this id.
pub(super) fn index(file: &Value, id: &str) -> usize {
    file["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["id"] == id)
        .unwrap()
}

/// Everything that would be stale: a link to an annotation that is missing, in another article or of
/// a label it cannot cite, and a reference to a missing registry entry.
pub(super) fn stale(ws: &Workspace) -> Vec<String> {
    let mut out = Vec::new();
    for a in ws.all() {
        if let Some(s) = &a.attrs.source {
            let fine = ws.annotation(s).is_some_and(|t| {
                t.article == a.article
                    && crate::domain::model::attributes::LinkKind::between(a.label, t.label)
                        .is_some()
            });
            if !fine {
                out.push(format!("{} -> {}", a.id.as_str(), s.as_str()));
            }
        }
        if let Some(e) = &a.attrs.entity {
            if ws.entity(e).is_none() {
                out.push(format!("{} -> entry {}", a.id.as_str(), e.as_str()));
            }
        }
    }
    out
}

/// Articles, entries and annotations, to compare whole workspaces.
pub(super) type State = (
    Vec<(
        String,
        String,
        crate::domain::model::article::Origin,
        String,
    )>,
    Vec<crate::domain::model::registry::Entity>,
    std::collections::BTreeMap<AnnotationId, crate::domain::model::annotation::Annotation>,
);

pub(super) fn state(ws: &Workspace) -> State {
    (articles(ws), entities(ws), snapshot(ws))
}

/// `state` with every `updated` set to `created`, across an undo or redo that brings deleted records
/// back (changed after their graves).
pub(super) fn untimed_state((articles, entities, annotations): State) -> State {
    let entities = entities
        .into_iter()
        .map(|mut e| {
            e.updated = e.created;
            e
        })
        .collect();
    (articles, entities, untimed(annotations))
}

#[test]
fn a_v2_file_into_an_empty_workspace_brings_the_article_entries_and_links_and_undo_takes_them_back()
{
    let rich = rich_workspace();
    let empty = Workspace::new(bundled_articles().unwrap());
    for replace in [false, true] {
        let mut ws = empty.clone();
        let p = plan(&file(&rich), &ws);
        assert_eq!(
            p.added_articles,
            [format!(
                "adds article “Grüße aus Kyjiw” ({OWN}, {} characters)",
                OWN_TEXT.chars().count()
            )]
        );
        assert_eq!((p.total, p.new, p.present, p.conflicts), (10, 10, 0, 0));
        assert_eq!(
            (p.entities_total, p.new_entities, p.entity_conflicts),
            (2, 2, 0)
        );
        assert!(p.links_cut.is_empty() && p.cut_on(replace).is_empty());
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(
            p.per_article.last().unwrap(),
            &(OWN.to_owned(), 4),
            "the new article's annotations are counted"
        );
        ws.apply(p.action(replace)).unwrap();
        assert_eq!(state(&ws), state(&rich));
        assert!(stale(&ws).is_empty());
        ws.apply(Action::Undo).unwrap();
        assert_eq!(state(&ws), state(&empty));
        ws.apply(Action::Redo).unwrap();
        assert_eq!(untimed_state(state(&ws)), untimed_state(state(&rich)));
    }
}

#[test]
fn a_v2_file_into_a_workspace_with_annotations_and_an_own_article_of_its_own() {
    let mut ws = sample_workspace();
    let mine = crate::domain::model::article::Article::own("own-mine", "Mine", "Meins".into(), NOW);
    ws.apply(Action::AddArticle(mine)).unwrap();
    ws.apply(Action::Annotate(ann(
        "mine-1",
        "own-mine",
        0,
        5,
        Label::Claim,
    )))
    .unwrap();
    let before = state(&ws);
    let p = plan(&file(&rich_workspace()), &ws);
    // The file's Zelensky mention has a registry entry (linked at the time ours was made: a tie) and
    // its claim an attribution (set later): two conflicts, one newer.
    assert_eq!(
        (p.new, p.present, p.conflicts, p.newer_conflicts),
        (4, 4, 2, 1)
    );
    assert_eq!(p.added_articles.len(), 1);
    ws.apply(p.action(false)).unwrap();
    assert_eq!(ws.len(), 11);
    let own: Vec<&str> = ws
        .articles()
        .iter()
        .filter(|a| a.is_own())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(own, [OWN, "own-mine"], "by the time each was added");
    assert_eq!(
        ws.annotation(&"e-zelensky".into()).unwrap().attrs.entity,
        None,
        "on a tie ours stays"
    );
    assert_eq!(
        ws.annotation(&"c-reserves".into())
            .unwrap()
            .attrs
            .attribution,
        Some(crate::domain::model::attributes::Attribution::OutletOwn)
    );
    assert_eq!(
        ws.annotation(&"o-quote".into()).unwrap().attrs.source,
        Some(AnnotationId::from("o-olena"))
    );
    assert!(stale(&ws).is_empty());
    // One undo step takes the import back: article, entries and annotations.
    ws.apply(Action::Undo).unwrap();
    assert_eq!(untimed_state(state(&ws)), untimed_state(before));
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let mut ws = rich_workspace();
    let p = plan(&file(&ws), &ws);
    assert!(p.added_articles.is_empty());
    assert_eq!((p.new, p.present, p.conflicts), (0, 10, 0));
    assert_eq!(
        (p.new_entities, p.present_entities, p.entity_conflicts),
        (0, 2, 0)
    );
    assert_eq!(
        p.action(false),
        Action::Import {
            articles: Vec::new(),
            entities: Vec::new(),
            annotations: Vec::new(),
            replace: false
        }
    );
    let before = state(&ws);
    ws.apply(p.action(true)).unwrap();
    assert_eq!(state(&ws), before);
}

#[test]
fn a_conflicting_entry_is_taken_on_merge_only_when_it_was_updated_later() {
    let ws = rich_workspace();
    let ours = |ws: &Workspace| {
        ws.entity(&EntityId::from("ent-zelensky"))
            .unwrap()
            .name
            .clone()
    };
    for (updated, newer, merged) in [
        ("2030-01-01T00:00:00Z", true, "Wolodymyr Selenskyj"),
        ("2020-01-01T00:00:00Z", false, "Volodymyr Zelensky"),
        ("2025-02-15T08:00:00Z", false, "Volodymyr Zelensky"),
    ] {
        let mut f = file(&ws);
        f["entities"][1]["name"] = Value::from("Wolodymyr Selenskyj");
        f["entities"][1]["updated"] = Value::from(updated);
        let p = plan(&f, &ws);
        assert_eq!(
            (
                p.present_entities,
                p.entity_conflicts,
                p.newer_entity_conflicts
            ),
            (1, 1, usize::from(newer)),
            "{updated}"
        );
        let mut merged_ws = ws.clone();
        merged_ws.apply(p.action(false)).unwrap();
        assert_eq!(ours(&merged_ws), merged, "{updated}");
        let mut replaced = ws.clone();
        replaced.apply(p.action(true)).unwrap();
        assert_eq!(
            ours(&replaced),
            "Wolodymyr Selenskyj",
            "replace takes the file's"
        );
    }
    // Aliases and rejected places count as content; a repeated id refuses the file.
    let mut f = file(&ws);
    f["entities"][0]["aliases"] = Value::Array(vec![Value::from("Olena")]);
    assert_eq!(plan(&f, &ws).entity_conflicts, 1);
    let mut f = file(&ws);
    f["entities"][1]["id"] = Value::from("ent-olena");
    assert_eq!(
        refused(&f, &ws),
        "entities[1].id: the registry id \"ent-olena\" is used twice (first at entities[0])"
    );
    let mut f = file(&ws);
    f["entities"][0]["kind"] = Value::from("ghost");
    assert!(refused(&f, &ws).starts_with("entities[0].kind: \"ghost\" is not an entity kind"));
}

#[test]
fn an_own_article_with_another_text_under_an_id_we_have_is_refused_naming_it() {
    let mut ws = sample_workspace();
    ws.apply(Action::AddArticle(
        crate::domain::model::article::Article::own(OWN, "Mine", "Ganz anders".into(), NOW),
    ))
    .unwrap();
    let err = refused(&file(&rich_workspace()), &ws);
    assert!(
        err.ends_with(&format!(
        ".text: the text of \"{OWN}\" (“Grüße aus Kyjiw”) differs from the article \"{OWN}\" here; \
         an article's text never changes, so this file cannot be loaded"
    )),
        "{err}"
    );
    // The plan refuses it too when a reader brings such an article.
    let err = entries::new_articles(vec![own_article()], &ws).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the file's article \"{OWN}\" (“Grüße aus Kyjiw”) has another text than the article \
             \"{OWN}\" here; an article's text never changes, so this file cannot be loaded"
        )
    );
}

#[test]
fn a_version_1_file_imports_as_before() {
    let v1 = include_str!("../../../tests/fixtures/native-export.json");
    let mut ws = Workspace::new(bundled_articles().unwrap());
    let p = plan_import(
        "old.json",
        v1.as_bytes(),
        &ws,
        &ImportOptions::default(),
        NOW,
    )
    .unwrap();
    assert_eq!((p.total, p.new, p.entities_total), (6, 6, 0));
    assert!(p.added_articles.is_empty() && p.links_cut.is_empty());
    ws.apply(p.action(false)).unwrap();
    assert_eq!(snapshot(&ws), snapshot(&sample_workspace()));
    assert!(ws.article(&ArticleId::from(OWN)).is_none());
}
