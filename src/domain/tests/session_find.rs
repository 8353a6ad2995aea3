//! Tests of find and tag: hits in one article or all, what is tagged already, and tagging all in one
//! undo step.

use super::*;
use crate::domain::features::find::FindOptions;
use crate::domain::model::article::Article;
use crate::domain::model::names::{EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;

const PERSON: Label = Label::Entity(EntityKind::Person);
const WHOLE: FindOptions = FindOptions {
    match_case: false,
    whole_word: true,
};

fn session() -> Session {
    Session::new(Workspace::new(vec![
        Article::new("a", "A", "Bessent met Bess. bessent left.".into()),
        Article::new("b", "B", "Nothing here".into()),
        Article::new("c", "C", "Later, Bessent said so.".into()),
    ]))
}

fn ids() -> impl FnMut() -> AnnotationId {
    let mut n = 0;
    move || {
        n += 1;
        AnnotationId::from(format!("t{n}").as_str())
    }
}

fn places(hits: &[Hit]) -> Vec<(&str, usize)> {
    hits.iter()
        .map(|h| (h.article.as_str(), h.span.start()))
        .collect()
}

#[test]
fn hits_come_from_one_article_or_all_in_list_order() {
    let s = session();
    let all = find_hits(&s.workspace, "Bessent", WHOLE, None);
    assert_eq!(places(&all), [("a", 0), ("a", 18), ("c", 7)]);
    let cased = FindOptions {
        match_case: true,
        ..WHOLE
    };
    assert_eq!(find_hits(&s.workspace, "Bessent", cased, None).len(), 2);
    let here = find_hits(
        &s.workspace,
        "Bess",
        FindOptions::default(),
        Some(&"a".into()),
    );
    assert_eq!(places(&here), [("a", 0), ("a", 12), ("a", 18)]);
    assert!(find_hits(&s.workspace, "  ", WHOLE, None).is_empty());
}

#[test]
fn tagging_all_skips_hits_with_that_label_links_entities_and_undoes_in_one_step() {
    let mut s = session();
    s.apply(SessionAction::Edit(Action::AddEntity {
        entity: Entity::new(
            "e1".into(),
            "Scott Bessent",
            EntityKind::Person,
            Timestamp(1),
        ),
        mentions: vec![],
    }));
    let hits = find_hits(&s.workspace, "Bessent", WHOLE, None);
    // The first hit is already a person, the last one a claim (another label does not count).
    let first = tag_hits(
        &s.workspace,
        &hits[..1],
        PERSON,
        None,
        || "p0".into(),
        Timestamp(2),
    );
    let last = tag_hits(
        &s.workspace,
        &hits[2..],
        Label::Claim,
        None,
        || "c0".into(),
        Timestamp(2),
    );
    s.apply(SessionAction::TagAll(
        first.into_iter().chain(last).collect(),
    ));
    assert_eq!(
        tagged_as(&s.workspace, &hits[0], &[PERSON, Label::Claim]),
        [PERSON]
    );
    assert_eq!(tagged_as(&s.workspace, &hits[1], &[PERSON]), []);

    let new = tag_hits(
        &s.workspace,
        &hits,
        PERSON,
        Some(&"e1".into()),
        ids(),
        Timestamp(3),
    );
    assert_eq!(places_of(&new), [("a", 18), ("c", 7)]);
    assert!(new
        .iter()
        .all(|a| a.attrs.entity == Some("e1".into()) && a.label == PERSON));
    s.apply(SessionAction::TagAll(new));
    assert_eq!(
        s.notice,
        Some(Notice::Info(
            "Tagged 2 as Person in 2 articles. One undo removes them all.".into()
        ))
    );
    assert_eq!(s.workspace.counts(&"a".into()), [0, 0, 2]);
    assert_eq!(s.workspace.counts(&"c".into()), [1, 0, 1]);
    assert_eq!(
        s.workspace
            .mentions()
            .get(&EntityId::from("e1"))
            .map(Vec::len),
        Some(2)
    );
    s.apply(SessionAction::Edit(Action::Undo));
    assert_eq!(s.workspace.counts(&"a".into()), [0, 0, 1]);
    assert_eq!(s.workspace.counts(&"c".into()), [1, 0, 0]);
}

fn places_of(list: &[Annotation]) -> Vec<(&str, usize)> {
    list.iter()
        .map(|a| (a.article.as_str(), a.span.start()))
        .collect()
}

#[test]
fn a_registry_entry_goes_only_to_entity_labels_and_nothing_left_is_said() {
    let mut s = session();
    let hits = find_hits(&s.workspace, "Bessent", WHOLE, Some(&"c".into()));
    let claims = tag_hits(
        &s.workspace,
        &hits,
        Label::Claim,
        Some(&"e1".into()),
        ids(),
        Timestamp(3),
    );
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].attrs.entity, None);
    s.apply(SessionAction::TagAll(claims));
    let again = tag_hits(&s.workspace, &hits, Label::Claim, None, ids(), Timestamp(4));
    assert!(again.is_empty());
    s.apply(SessionAction::TagAll(again));
    assert_eq!(
        s.notice,
        Some(Notice::Info(
            "Nothing to tag: every hit has that label already.".into()
        ))
    );
    assert_eq!(s.workspace.len(), 1);
}
