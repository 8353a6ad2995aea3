//! Tests of links, claim attributes, the registry and own articles in the workspace reducer: each
//! action, the links that go with a delete or relabel, refusals that change nothing, and undo.

use super::*;
use crate::domain::annotation::{EntityKind, Label};
use crate::domain::attributes::{Attribution, CheckStatus};
use crate::domain::fixtures::{ann, snapshot};
use crate::domain::time::Timestamp;

const PERSON: Label = Label::Entity(EntityKind::Person);

/// "Bessent said: “no deal”. Officials say it is one-sided." with a person, a quote and a claim.
fn ws() -> Workspace {
    let mut w = Workspace::new(vec![
        Article::new(
            "a",
            "A",
            "Bessent said: “no deal”. Officials say it is one-sided.".into(),
        ),
        Article::new("b", "B", "Besant came to Kyiv.".into()),
    ]);
    w.apply(Action::Annotate(ann("p", "a", 0, 7, PERSON)))
        .unwrap();
    w.apply(Action::Annotate(ann("q", "a", 14, 23, Label::Quote)))
        .unwrap();
    w.apply(Action::Annotate(ann("c", "a", 25, 55, Label::Claim)))
        .unwrap();
    w.apply(Action::Annotate(ann("p2", "b", 0, 6, PERSON)))
        .unwrap();
    w
}

fn link(w: &mut Workspace, from: &str, to: Option<&str>) -> Result<(), ActionError> {
    w.apply(Action::SetSource {
        id: from.into(),
        source: to.map(AnnotationId::from),
        at: Timestamp(5),
    })
}

fn source(w: &Workspace, id: &str) -> Option<String> {
    let a = w.annotation(&id.into()).unwrap();
    a.attrs.source.as_ref().map(|s| s.as_str().to_owned())
}

fn entity(id: &str, name: &str) -> Entity {
    Entity::new(EntityId::from(id), name, EntityKind::Person, Timestamp(7))
}

fn entity_of(w: &Workspace, id: &str) -> Option<String> {
    let a = w.annotation(&id.into()).unwrap();
    a.attrs.entity.as_ref().map(|e| e.as_str().to_owned())
}

#[test]
fn a_quote_links_to_its_speaker_and_undo_unlinks() {
    let mut w = ws();
    link(&mut w, "q", Some("p")).unwrap();
    assert_eq!(source(&w, "q").as_deref(), Some("p"));
    assert_eq!(w.annotation(&"q".into()).unwrap().updated, Timestamp(5));
    let linked: Vec<_> = w
        .links_to(&"p".into())
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(linked, [AnnotationId::from("q")]);
    assert_eq!(
        w.source_of(w.annotation(&"q".into()).unwrap()).unwrap().id,
        "p".into()
    );
    assert_eq!(w.next_undo(), Some("link quote"));
    w.apply(Action::Undo).unwrap();
    assert_eq!(source(&w, "q"), None);
    w.apply(Action::Redo).unwrap();
    assert_eq!(source(&w, "q").as_deref(), Some("p"));
    link(&mut w, "q", None).unwrap();
    assert_eq!(source(&w, "q"), None);
}

#[test]
fn links_that_make_no_sense_are_refused_and_change_nothing() {
    let mut w = ws();
    let before = snapshot(&w);
    let refused = [
        ("q", "c", "a quote's source must be an entity"),
        ("p", "q", "an entity has no source"),
        ("q", "q", "it cannot be its own source"),
        ("q", "p2", "its source must be in the same article"),
        ("c", "nope", "its source \"nope\" does not exist"),
    ];
    for (from, to, why) in refused {
        let e = link(&mut w, from, Some(to)).unwrap_err();
        let text = e.to_string().replace("an entity cannot", "a person cannot");
        assert!(
            text.contains(why) || e.to_string().contains(why),
            "{from}->{to}: {e}"
        );
        assert_eq!(snapshot(&w), before);
    }
    // A claim may cite an entity or a quote.
    link(&mut w, "c", Some("q")).unwrap();
    link(&mut w, "c", Some("p")).unwrap();
}

#[test]
fn deleting_a_speaker_takes_its_links_and_undo_brings_them_back() {
    let mut w = ws();
    link(&mut w, "q", Some("p")).unwrap();
    link(&mut w, "c", Some("p")).unwrap();
    let linked = snapshot(&w);
    w.apply(Action::Remove { id: "p".into() }).unwrap();
    assert!(w.annotation(&"p".into()).is_none());
    assert_eq!(source(&w, "q"), None);
    assert_eq!(source(&w, "c"), None);
    assert_eq!(w.next_undo(), Some("delete entity and 2 links"));
    w.apply(Action::Undo).unwrap();
    assert_eq!(snapshot(&w), linked);
}

#[test]
fn relabelling_drops_only_the_links_that_no_longer_fit() {
    let mut w = ws();
    link(&mut w, "c", Some("q")).unwrap();
    link(&mut w, "q", Some("p")).unwrap();
    let linked = snapshot(&w);
    // The quote becomes a claim: it keeps its entity source, but the claim citing it loses its link.
    w.apply(Action::Relabel {
        id: "q".into(),
        label: Label::Claim,
        at: Timestamp(9),
    })
    .unwrap();
    assert_eq!(source(&w, "q").as_deref(), Some("p"));
    assert_eq!(source(&w, "c"), None);
    w.apply(Action::Undo).unwrap();
    assert_eq!(snapshot(&w), linked);
    // The quote becomes an entity: an entity has no source.
    w.apply(Action::Relabel {
        id: "q".into(),
        label: PERSON,
        at: Timestamp(9),
    })
    .unwrap();
    assert_eq!(source(&w, "q"), None);
    assert_eq!(
        source(&w, "c").as_deref(),
        Some("q"),
        "a claim may cite an entity"
    );
}

#[test]
fn claims_have_an_attribution_and_a_check_status() {
    let mut w = ws();
    w.apply(Action::SetAttribution {
        id: "c".into(),
        attribution: Some(Attribution::Unattributed),
        at: Timestamp(3),
    })
    .unwrap();
    w.apply(Action::SetCheck {
        id: "c".into(),
        check: CheckStatus::Disputed,
        at: Timestamp(4),
    })
    .unwrap();
    let c = w.annotation(&"c".into()).unwrap();
    assert_eq!(c.attrs.attribution, Some(Attribution::Unattributed));
    assert_eq!(c.attrs.check, CheckStatus::Disputed);
    let e = w
        .apply(Action::SetCheck {
            id: "q".into(),
            check: CheckStatus::False,
            at: Timestamp(4),
        })
        .unwrap_err();
    assert!(e.to_string().contains("only claims"), "{e}");
    // Relabelling the claim clears what only claims have; undo brings it back.
    w.apply(Action::Relabel {
        id: "c".into(),
        label: Label::Quote,
        at: Timestamp(5),
    })
    .unwrap();
    assert_eq!(w.annotation(&"c".into()).unwrap().attrs, Default::default());
    w.apply(Action::Undo).unwrap();
    assert_eq!(
        w.annotation(&"c".into()).unwrap().attrs.check,
        CheckStatus::Disputed
    );
}

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
    assert_eq!(snapshot(&w), two);
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
    assert_eq!(snapshot(&w), linked);
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
    assert_eq!(snapshot(&w), before);
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

#[test]
fn restore_cuts_links_that_do_not_fit_and_keeps_the_annotation() {
    let articles = vec![Article::new("a", "A", "Bessent said: “no deal”.".into())];
    let mut quote = ann("q", "a", 14, 23, Label::Quote);
    quote.attrs.source = Some("gone".into());
    let mut person = ann("p", "a", 0, 7, PERSON);
    person.attrs.entity = Some("missing".into());
    let restored = Workspace::restore(articles, vec![], vec![quote, person]);
    assert_eq!(restored.workspace.len(), 2);
    assert!(restored.dropped.is_empty());
    assert_eq!(restored.cut.len(), 2);
    assert_eq!(source(&restored.workspace, "q"), None);
    assert_eq!(entity_of(&restored.workspace, "p"), None);
}
