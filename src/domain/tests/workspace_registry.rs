//! Tests of the registry, tagging every occurrence, own articles and imports that bring them, in the
//! workspace reducer: each action, refusals that change nothing, and undo.

use super::links_tests::{entity, entity_of, source, ws, PERSON};
use super::*;
use crate::domain::fixtures::{ann, snapshot, untimed};
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::time::Timestamp;

#[test]
fn the_registry_links_mentions_across_articles() {
    let mut w = ws();
    w.apply(Action::AddEntity {
        entity: entity("e1", " Scott Bessent "),
        mentions: vec!["p".into()],
    })
    .unwrap();
    assert_eq!(w.entity(&"e1".into()).unwrap().name, "Scott Bessent");
    w.apply(Action::SetMentionEntity {
        mentions: vec!["p2".into()],
        entity: Some("e1".into()),
        at: Timestamp(8),
    })
    .unwrap();
    let mentions = w.mentions();
    let ids: Vec<_> = mentions[&EntityId::from("e1")]
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["p", "p2"]);
    // Only entity mentions can be linked, and only to an entry that exists.
    let e = w
        .apply(Action::SetMentionEntity {
            mentions: vec!["q".into()],
            entity: Some("e1".into()),
            at: Timestamp(8),
        })
        .unwrap_err();
    assert_eq!(e, ActionError::NotAMention("q".into()));
    let e = w
        .apply(Action::SetMentionEntity {
            mentions: vec!["p".into()],
            entity: Some("zz".into()),
            at: Timestamp(8),
        })
        .unwrap_err();
    assert_eq!(e, ActionError::UnknownEntity("zz".into()));
    // Unlinking one mention.
    w.apply(Action::SetMentionEntity {
        mentions: vec!["p2".into()],
        entity: None,
        at: Timestamp(9),
    })
    .unwrap();
    assert_eq!(entity_of(&w, "p2"), None);
    assert_eq!(w.next_undo(), Some("unlink 1 mention"));
}

#[test]
fn entries_merge_and_split_and_undo_restores_both() {
    let mut w = ws();
    w.apply(Action::AddEntity {
        entity: entity("e1", "Scott Bessent"),
        mentions: vec!["p".into()],
    })
    .unwrap();
    let mut besant = entity("e2", "Besant");
    besant.aliases = vec!["Scott Besant".into(), "Scott Bessent".into()];
    w.apply(Action::AddEntity {
        entity: besant,
        mentions: vec!["p2".into()],
    })
    .unwrap();
    w.apply(Action::RejectCandidate {
        entity: "e2".into(),
        article: "b".into(),
        span: Span::new(15, 19).unwrap(),
        at: Timestamp(10),
    })
    .unwrap();
    let two = snapshot(&w);
    w.apply(Action::MergeEntities {
        into: "e1".into(),
        from: "e2".into(),
        at: Timestamp(11),
    })
    .unwrap();
    assert!(w.entity(&"e2".into()).is_none());
    let kept = w.entity(&"e1".into()).unwrap();
    assert_eq!(
        kept.aliases,
        ["Besant", "Scott Besant"],
        "names of the merged entry, once each"
    );
    assert_eq!(kept.rejected.len(), 1);
    assert_eq!(entity_of(&w, "p2").as_deref(), Some("e1"));
    assert_eq!(w.next_undo(), Some("merge Besant into Scott Bessent"));
    w.apply(Action::Undo).unwrap();
    assert_eq!(untimed(snapshot(&w)), untimed(two.clone()));
    assert_eq!(w.entity(&"e2".into()).unwrap().name, "Besant");
    // Splitting: a new entry takes a mention from another.
    w.apply(Action::MergeEntities {
        into: "e1".into(),
        from: "e2".into(),
        at: Timestamp(11),
    })
    .unwrap();
    w.apply(Action::AddEntity {
        entity: entity("e3", "Besant"),
        mentions: vec!["p2".into()],
    })
    .unwrap();
    assert_eq!(entity_of(&w, "p").as_deref(), Some("e1"));
    assert_eq!(entity_of(&w, "p2").as_deref(), Some("e3"));
}

#[test]
fn deleting_an_entry_unlinks_its_mentions() {
    let mut w = ws();
    w.apply(Action::AddEntity {
        entity: entity("e1", "Bessent"),
        mentions: vec!["p".into(), "p2".into()],
    })
    .unwrap();
    let linked = snapshot(&w);
    w.apply(Action::RemoveEntity { id: "e1".into() }).unwrap();
    assert_eq!(entity_of(&w, "p"), None);
    assert_eq!(entity_of(&w, "p2"), None);
    assert!(w.entities().next().is_none());
    w.apply(Action::Undo).unwrap();
    assert_eq!(untimed(snapshot(&w)), untimed(linked.clone()));
    assert!(w.entity(&"e1".into()).is_some());
    let e = w
        .apply(Action::AddEntity {
            entity: entity("e1", "X"),
            mentions: vec![],
        })
        .unwrap_err();
    assert_eq!(e, ActionError::DuplicateEntity("e1".into()));
    let e = w
        .apply(Action::AddEntity {
            entity: entity("e9", "  "),
            mentions: vec![],
        })
        .unwrap_err();
    assert_eq!(e, ActionError::EmptyName);
}

#[test]
fn tagging_every_occurrence_is_one_step() {
    let mut w = ws();
    w.apply(Action::AddEntity {
        entity: entity("e1", "Bessent"),
        mentions: vec![],
    })
    .unwrap();
    let mut one = ann("n1", "a", 0, 7, Label::Entity(EntityKind::Organization));
    one.attrs.entity = Some("e1".into());
    let two = ann("n2", "b", 0, 6, PERSON);
    w.apply(Action::AnnotateAll(vec![one, two])).unwrap();
    assert_eq!(w.len(), 6);
    assert_eq!(entity_of(&w, "n1").as_deref(), Some("e1"));
    assert_eq!(w.next_undo(), Some("tag 2 occurrences"));
    w.apply(Action::Undo).unwrap();
    assert_eq!(w.len(), 4);
    // Ids must be new.
    let e = w
        .apply(Action::AnnotateAll(vec![ann("p", "a", 1, 2, PERSON)]))
        .unwrap_err();
    assert_eq!(e, ActionError::DuplicateId("p".into()));
}

#[test]
fn own_articles_are_added_renamed_and_deleted_with_undo() {
    let mut w = ws();
    let late = Article::own("own-2", "Later", "Zweiter Text".into(), Timestamp(200));
    let early = Article::own("own-1", "Mine", "Привет, мир".into(), Timestamp(100));
    w.apply(Action::AddArticle(late)).unwrap();
    w.apply(Action::AddArticle(early)).unwrap();
    let order: Vec<_> = w.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        order,
        ["a", "b", "own-1", "own-2"],
        "own articles after the bundled, by time added"
    );
    w.apply(Action::Annotate(ann("m", "own-1", 0, 6, Label::Claim)))
        .unwrap();
    w.apply(Action::RenameArticle {
        id: "own-1".into(),
        title: " Hello ".into(),
    })
    .unwrap();
    assert_eq!(w.article(&"own-1".into()).unwrap().title, "Hello");
    let order: Vec<_> = w.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        order,
        ["a", "b", "own-1", "own-2"],
        "a renamed article keeps its place"
    );
    let before = snapshot(&w);
    w.apply(Action::RemoveArticle { id: "own-1".into() })
        .unwrap();
    assert!(w.article(&"own-1".into()).is_none());
    assert!(w.annotation(&"m".into()).is_none());
    assert_eq!(w.next_undo(), Some("delete article Hello"));
    w.apply(Action::Undo).unwrap();
    assert_eq!(untimed(snapshot(&w)), untimed(before));
    assert_eq!(w.article(&"own-1".into()).unwrap().text, "Привет, мир");
    let order: Vec<_> = w.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(order, ["a", "b", "own-1", "own-2"]);
    // Bundled articles cannot be renamed or deleted.
    let e = w
        .apply(Action::RemoveArticle { id: "a".into() })
        .unwrap_err();
    assert_eq!(e, ActionError::BundledArticle("a".into()));
    let e = w
        .apply(Action::RenameArticle {
            id: "b".into(),
            title: "x".into(),
        })
        .unwrap_err();
    assert_eq!(e, ActionError::BundledArticle("b".into()));
    let e = w
        .apply(Action::AddArticle(Article::own(
            "a",
            "dup",
            "x".into(),
            Timestamp(1),
        )))
        .unwrap_err();
    assert_eq!(e, ActionError::DuplicateArticle("a".into()));
}

#[test]
fn an_import_brings_articles_entries_and_links_in_one_step() {
    let mut w = ws();
    let article = Article::own("own-1", "Mine", "Bess said “yes”.".into(), Timestamp(100));
    let mut speaker = ann("i1", "own-1", 0, 4, PERSON);
    speaker.attrs.entity = Some("e1".into());
    let mut quote = ann("i2", "own-1", 10, 15, Label::Quote);
    quote.attrs.source = Some("i1".into());
    w.apply(Action::Import {
        articles: vec![article.clone()],
        entities: vec![entity("e1", "Scott Bessent")],
        annotations: vec![quote, speaker],
        replace: false,
    })
    .unwrap();
    assert_eq!(source(&w, "i2").as_deref(), Some("i1"));
    assert_eq!(entity_of(&w, "i1").as_deref(), Some("e1"));
    w.apply(Action::Undo).unwrap();
    assert!(w.article(&"own-1".into()).is_none());
    assert!(w.entity(&"e1".into()).is_none());
    assert_eq!(w.len(), 4);
    // A link to an annotation that is neither in the file nor kept is refused.
    let mut dangling = ann("i3", "a", 14, 23, Label::Quote);
    dangling.attrs.source = Some("p".into());
    let e = w
        .apply(Action::Import {
            articles: vec![],
            entities: vec![],
            annotations: vec![dangling],
            replace: true,
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("its source \"p\" does not exist"),
        "{e}"
    );
}
