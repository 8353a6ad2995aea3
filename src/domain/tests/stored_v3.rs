//! Tests of schema 3: the schema 2 fixture migrates with everything kept, own articles, registry
//! entries, links and attributes survive the round trip, what does not fit is cut or dropped with a
//! line, and corrupt states give path-named errors.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::sample::{
    articles, entities, find, own_article, rich_workspace, ADDED, OWN, OWN_TEXT,
};
use crate::domain::fixtures::{json, sample_workspace, snapshot};
use crate::domain::model::article::{Article, Origin};
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{AnnotationId, EntityId, EntityKind, Label};
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;
use serde_json::Value;

/// A state saved by schema 2 (main's encoder on the sample workspace). Never edit it.
const STORED_V2: &str = include_str!("../../../tests/fixtures/stored-v2.json");

fn load(text: &str) -> Restored {
    decode(text, bundled_articles().unwrap()).unwrap()
}

/// Decodes with no warning and nothing moved.
fn clean(text: &str) -> Workspace {
    let restored = load(text);
    assert_eq!(restored.warnings, Vec::<String>::new());
    assert_eq!(restored.reanchored, Vec::<String>::new());
    restored.workspace
}

#[test]
fn the_schema_2_fixture_migrates_to_3_with_everything_kept() {
    assert!(STORED_V2.starts_with("{\"schema\":2,"));
    let ws = clean(STORED_V2);
    assert_eq!(snapshot(&ws), snapshot(&sample_workspace()));
    let noted = ws.annotation(&AnnotationId::from("q-ministers")).unwrap();
    assert_eq!(
        noted.note,
        "Sourced to “insiders”; check the Ukrainian original."
    );
    assert_eq!(noted.updated, Timestamp(1_739_606_490_500));
    assert!(ws.articles().iter().all(|a| !a.is_own()));
    assert_eq!(ws.entities().count(), 0);
    // Saved again it is schema 4 (with no graves, left out), and reads back the same.
    let again = encode(&ws);
    assert!(again.starts_with("{\"schema\":4,\"articles\":[],\"entities\":[],"));
    assert!(!again.contains("deleted"));
    assert_eq!(snapshot(&clean(&again)), snapshot(&ws));
}

#[test]
fn own_articles_entries_links_and_attributes_survive_the_round_trip() {
    let ws = rich_workspace();
    let text = encode(&ws);
    let back = clean(&text);
    assert_eq!(snapshot(&back), snapshot(&ws));
    assert_eq!(entities(&back), entities(&ws));
    assert_eq!(articles(&back), articles(&ws));
    let own = back.article(&OWN.into()).unwrap();
    assert_eq!(own.origin, Origin::Own { added: ADDED });
    assert_eq!(own.text, OWN_TEXT);
    assert!(own.text.contains("\r\n"));
    let claim = back.annotation(&AnnotationId::from("o-claim")).unwrap();
    assert_eq!(claim.attrs.source, Some(AnnotationId::from("o-quote")));
    assert_eq!(claim.attrs.attribution, Some(Attribution::Unattributed));
    assert_eq!(claim.attrs.check, CheckStatus::Disputed);
    let mention = back.annotation(&AnnotationId::from("e-zelensky")).unwrap();
    assert_eq!(mention.attrs.entity, Some(EntityId::from("ent-zelensky")));
    // Restoring is not an undoable change, and saving again writes the same bytes.
    assert_eq!(back.next_undo(), None);
    assert_eq!(encode(&back), text);
}

#[test]
fn the_state_stays_compact() {
    let text = encode(&rich_workspace());
    let (start, end) = find(OWN_TEXT, "der Vertrag sei einseitig");
    let claim = format!(
        "{{\"id\":\"o-claim\",\"article\":\"{OWN}\",\"label\":\"claim\",\"start\":{start},\
         \"end\":{end},\"exact\":\"der Vertrag sei einseitig\",\"created\":1739606400000,\
         \"updated\":1739606520000,\"source\":\"o-quote\",\"attribution\":\"unattributed\",\
         \"check\":\"disputed\"}}"
    );
    assert!(text.contains(&claim), "{text}");
    // No context, no unchecked status, no empty aliases or rejected places.
    for absent in [
        "prefix",
        "suffix",
        "unchecked",
        "\"note\":\"\"",
        "\"aliases\":[]",
    ] {
        assert!(!text.contains(absent), "{absent}");
    }
    assert!(text.contains(
        "{\"id\":\"ent-olena\",\"name\":\"Olena Zelenska\",\"kind\":\"person\",\
         \"created\":1739606460000,\"updated\":1739606460000}"
    ));
    assert!(text.contains(
        "\"aliases\":[\"Zelenskyy\",\"Зеленський\"],\"rejected\":[{\"article\":\"kyiv-post\",\
         \"start\":0,\"end\":4}]"
    ));
    // The own article's text is there once, with its CRLF escaped.
    assert_eq!(text.matches("Die Ministerin").count(), 1);
    assert!(text.contains("durch.“\\r\\nDie Ministerin 🇺🇦"));
}

#[test]
fn encode_adding_is_the_state_after_the_article_is_added() {
    let ws = sample_workspace();
    let article = own_article();
    let trial = encode_adding(&ws, &article);
    // Nothing changed in the workspace.
    assert!(ws.article(&OWN.into()).is_none());
    let mut added = ws.clone();
    added.apply(Action::AddArticle(article)).unwrap();
    assert_eq!(trial, encode(&added));
    let back = clean(&trial);
    assert_eq!(articles(&back), articles(&added));
    // Among other own articles, where the workspace puts it: by the time it was added.
    let rich = rich_workspace();
    let own_ids = |text: &str| -> Vec<String> {
        clean(text)
            .articles()
            .iter()
            .filter(|a| a.is_own())
            .map(|a| a.id.as_str().to_owned())
            .collect()
    };
    for (added, want) in [(ADDED.0 + 1, [OWN, "own-z"]), (ADDED.0 - 1, ["own-z", OWN])] {
        let article = Article::own("own-z", "Z", "zz".into(), Timestamp(added));
        let trial = encode_adding(&rich, &article);
        assert_eq!(own_ids(&trial), want);
        let mut added = rich.clone();
        added.apply(Action::AddArticle(article)).unwrap();
        assert_eq!(trial, encode(&added));
    }
}

#[test]
fn an_own_article_with_a_bundled_id_is_dropped_with_its_annotations_a_line_each() {
    let mut state = json(&encode(&rich_workspace()));
    state["articles"][0]["id"] = Value::from("kyiv-post");
    for a in state["annotations"].as_array_mut().unwrap() {
        if a["article"] == OWN {
            a["article"] = Value::from("kyiv-post");
        }
    }
    let restored = load(&state.to_string());
    assert!(restored.workspace.articles().iter().all(|a| !a.is_own()));
    assert_eq!(
        restored.warnings[0],
        "articles[0]: your article \"kyiv-post\" (“Grüße aus Kyjiw”) has the id of an article \
         that came with the app; it was dropped"
    );
    let dropped: Vec<&String> = restored.warnings[1..]
        .iter()
        .filter(|w| {
            w.contains("its article \"kyiv-post\" was dropped; this annotation was dropped")
        })
        .collect();
    // Which article an annotation was on cannot be told, so those saved on the bundled "kyiv-post"
    // go as well: the own article's four and the bundled article's two.
    assert_eq!(dropped.len(), 6, "{:?}", restored.warnings);
    assert_eq!(restored.warnings.len(), 7);
    assert_eq!(restored.workspace.len(), 4);
    assert!(restored
        .workspace
        .annotation(&AnnotationId::from("c-reserves"))
        .is_some());
}

#[test]
fn links_and_entries_that_do_not_fit_are_cut_and_the_annotations_kept() {
    let mut state = json(&encode(&rich_workspace()));
    // The quote's speaker and Olena's registry entry are gone from the state.
    let entities = state["entities"].as_array_mut().unwrap();
    entities.retain(|e| e["id"] != "ent-olena");
    let anns = state["annotations"].as_array_mut().unwrap();
    for a in anns.iter_mut() {
        if a["id"] == "o-olena" {
            a["id"] = Value::from("o-olena-2");
        }
    }
    let restored = load(&state.to_string());
    let ws = &restored.workspace;
    assert_eq!(ws.len(), rich_workspace().len());
    let quote = ws.annotation(&AnnotationId::from("o-quote")).unwrap();
    assert_eq!(quote.attrs.source, None);
    let mention = ws.annotation(&AnnotationId::from("o-olena-2")).unwrap();
    assert_eq!(mention.attrs.entity, None);
    let mut warnings = restored.warnings.clone();
    warnings.sort();
    assert_eq!(
        warnings,
        [
            "annotation \"o-olena-2\": there is no registry entry \"ent-olena\"; the link was cut \
             and the annotation kept",
            "annotation \"o-quote\": annotation \"o-quote\" cannot be linked: its source \
             \"o-olena\" does not exist; the link was cut and the annotation kept",
        ]
    );
    // The claim still comes from the quote.
    let claim = ws.annotation(&AnnotationId::from("o-claim")).unwrap();
    assert_eq!(claim.attrs.source, Some(AnnotationId::from("o-quote")));
}

#[test]
fn kinds_stay_what_they_were() {
    let ws = clean(&encode(&rich_workspace()));
    let flag = ws.annotation(&AnnotationId::from("o-flag")).unwrap();
    assert_eq!(flag.label, Label::Entity(EntityKind::Place));
    assert_eq!(
        ws.article(&OWN.into())
            .unwrap()
            .slice(flag.span.start(), flag.span.end()),
        "🇺🇦"
    );
}

/// A state saved by schema 3 (the encoder on the rich sample workspace). Never edit it.
const STORED_V3: &str = include_str!("../../../tests/fixtures/stored-v3.json");

#[test]
fn the_schema_3_fixture_decodes_forever() {
    assert!(STORED_V3.starts_with("{\"schema\":3,"));
    let ws = clean(STORED_V3);
    let rich = rich_workspace();
    assert_eq!(snapshot(&ws), snapshot(&rich));
    assert_eq!(entities(&ws), entities(&rich));
    assert_eq!(articles(&ws), articles(&rich));
    let own = ws.article(&OWN.into()).unwrap();
    assert_eq!(own.title, "Grüße aus Kyjiw");
    assert_eq!(own.origin, Origin::Own { added: ADDED });
    let get = |id: &str| ws.annotation(&AnnotationId::from(id)).unwrap();
    assert_eq!(get("o-quote").attrs.source, Some("o-olena".into()));
    assert_eq!(get("o-claim").attrs.source, Some("o-quote".into()));
    assert_eq!(
        get("o-claim").attrs.attribution,
        Some(Attribution::Unattributed)
    );
    assert_eq!(get("o-claim").attrs.check, CheckStatus::Disputed);
    assert_eq!(
        get("o-olena").attrs.entity,
        Some(EntityId::from("ent-olena"))
    );
    let zelensky = ws.entity(&EntityId::from("ent-zelensky")).unwrap();
    assert_eq!(zelensky.aliases, ["Zelenskyy", "Зеленський"]);
    assert_eq!(zelensky.rejected.len(), 1);
    let (start, end) = find(OWN_TEXT, "„Wir halten durch.“");
    assert_eq!(
        (get("o-quote").span.start(), get("o-quote").span.end()),
        (start, end)
    );
}
