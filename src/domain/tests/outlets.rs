//! Tests of `outlets::compare` on the seeds: the quotes in more than one article, and who and what
//! each article covers.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::fixtures::ann;
use crate::domain::model::names::{EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;

fn seeds() -> Workspace {
    Workspace::new(bundled_articles().unwrap())
}

/// Each group as its articles.
fn articles_of(c: &Comparison) -> Vec<Vec<&str>> {
    c.quotes
        .iter()
        .map(|g| g.versions.iter().map(|p| p.article.as_str()).collect())
        .collect()
}

/// The group with a version starting with `start`.
fn group_with<'a>(c: &'a Comparison, start: &str) -> &'a QuoteGroup {
    c.quotes
        .iter()
        .find(|g| g.versions.iter().any(|p| p.text.starts_with(start)))
        .unwrap()
}

#[test]
fn the_zelensky_quote_is_one_group_of_munich_dispatch_arab_news_and_explainer() {
    let c = compare(&seeds());
    let group = group_with(&c, "For me, it is crucial");
    let versions: Vec<(&str, &str)> = group
        .versions
        .iter()
        .map(|p| (p.article.as_str(), p.text.as_str()))
        .collect();
    assert_eq!(
        versions,
        [
            ("munich-dispatch", "For me, it is crucial to connect some kind of security guarantees with investment,"),
            ("arab-news", "For me is very important the connection between some kind of security guarantees and some kind of investment,"),
            ("explainer", "For me is very important the connection between some kind of security guarantees and some kind of investment,"),
        ]
    );
    assert_eq!(group.versions[0].span, Span::new(1298, 1380).unwrap());
    assert!(group.versions.iter().all(|p| p.tagged.is_none()));
}

#[test]
fn only_quotes_said_in_several_articles_are_grouped_and_unrelated_ones_stay_out() {
    let c = compare(&seeds());
    assert_eq!(
        articles_of(&c),
        [
            vec!["munich-dispatch", "arab-news", "explainer"],
            vec!["munich-dispatch", "arab-news", "explainer"],
            vec!["munich-dispatch", "arab-news"],
            vec!["arab-news", "explainer"],
        ]
    );
    let firsts: Vec<&str> = c
        .quotes
        .iter()
        .map(|g| g.versions[0].text.as_str())
        .collect();
    assert!(firsts[0].starts_with("I didn’t let the ministers"));
    assert!(firsts[1].starts_with("For me, it is crucial"));
    assert!(firsts[2].starts_with("Subsoil belongs"));
    assert!(firsts[3].starts_with("binding economic ties"));
    assert_eq!(
        c.title(&"arab-news".into()),
        "US offered Ukraine almost nothing in return for minerals"
    );
    assert_eq!(c.articles.len(), 5);
}

#[test]
fn a_tagged_quote_takes_the_place_of_the_found_passage_in_its_group() {
    let mut ws = seeds();
    ws.apply(Action::Annotate(ann(
        "q1",
        "munich-dispatch",
        1298,
        1379,
        Label::Quote,
    )))
    .unwrap();
    let c = compare(&ws);
    let group = group_with(&c, "For me, it is crucial");
    assert_eq!(group.versions.len(), 3);
    assert_eq!(
        group.versions[0].tagged.as_ref().map(|id| id.as_str()),
        Some("q1")
    );
    assert_eq!(c.quotes.len(), 4);
}

#[test]
fn entries_show_which_articles_mention_them() {
    let mut ws = seeds();
    let person = Label::Entity(EntityKind::Person);
    for (id, article, start, end) in [
        ("m1", "kyiv-post", 2164, 2176),
        ("m2", "ft-retold", 198, 211),
        ("m3", "arab-news", 2473, 2486),
    ] {
        ws.apply(Action::Annotate(ann(id, article, start, end, person)))
            .unwrap();
    }
    let entry = |id: &str, name: &str| {
        Entity::new(EntityId::from(id), name, EntityKind::Person, Timestamp(7))
    };
    ws.apply(Action::AddEntity {
        entity: entry("e1", "Scott Bessent"),
        mentions: vec!["m1".into(), "m2".into(), "m3".into()],
    })
    .unwrap();
    ws.apply(Action::AddEntity {
        entity: entry("e0", "Volodymyr Zelensky"),
        mentions: vec![],
    })
    .unwrap();
    let c = compare(&ws);
    let rows: Vec<(&str, Vec<usize>)> = c
        .entities
        .iter()
        .map(|r| {
            (
                r.entity.name.as_str(),
                r.mentions.iter().map(Vec::len).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Scott Bessent", vec![1, 0, 1, 1, 0]),
            ("Volodymyr Zelensky", vec![0, 0, 0, 0, 0])
        ]
    );
    assert_eq!(c.entities[0].mentions[2][0].id.as_str(), "m2");
}

#[test]
fn alike_claims_are_one_row_and_each_article_makes_it_or_leaves_it_out() {
    let mut ws = seeds();
    for (id, article, start, end) in [
        ("c1", "kyiv-post", 1308, 1381),
        ("c2", "munich-dispatch", 936, 995),
        ("c3", "arab-news", 1440, 1486),
        ("c4", "explainer", 2054, 2129),
    ] {
        ws.apply(Action::Annotate(ann(id, article, start, end, Label::Claim)))
            .unwrap();
    }
    let c = compare(&ws);
    let rows: Vec<(&str, Vec<Option<&str>>)> = c
        .claims
        .iter()
        .map(|r| {
            (
                r.text.as_str(),
                r.claims
                    .iter()
                    .map(|a| a.as_ref().map(|a| a.id.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Ukraine possesses substantial reserves of critical minerals",
                vec![None, Some("c2"), None, Some("c3"), Some("c4")]
            ),
            (
                "Dozens of rare earth minerals are considered critical to the U.S. economy",
                vec![Some("c1"), None, None, None, None]
            ),
        ]
    );
    assert_eq!(c.claims[0].count(), 3);
}

#[test]
fn the_seeds_compare_quickly() {
    let ws = seeds();
    let c = crate::domain::timing::within("comparing the seeds", 0.5, || compare(&ws));
    assert_eq!(c.quotes.len(), 4);
}
