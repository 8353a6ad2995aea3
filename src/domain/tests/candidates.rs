//! Tests of registry proposals on the bundled articles, where the US Treasury Secretary is spelled
//! "Bessent", "Besant", "Bassent", "Besent" and "Bess".

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::fixtures::ann;
use crate::domain::model::names::Label;
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;

const PERSON: Label = Label::Entity(EntityKind::Person);

/// Every occurrence of each spelling in the seeds, found by text, as `(article, start, end, text)`.
fn occurrences(ws: &Workspace, words: &[&str]) -> Vec<(String, usize, usize, String)> {
    let mut out = Vec::new();
    for article in ws.articles() {
        let chars: Vec<char> = article.text.chars().collect();
        for word in words {
            let w: Vec<char> = word.chars().collect();
            for start in 0..chars.len().saturating_sub(w.len()) {
                let end = start + w.len();
                let boundary = |i: Option<&char>| i.is_none_or(|c| !c.is_alphanumeric());
                if chars[start..end] == w[..]
                    && boundary(start.checked_sub(1).and_then(|i| chars.get(i)))
                    && boundary(chars.get(end))
                {
                    out.push((article.id.as_str().to_owned(), start, end, word.to_string()));
                }
            }
        }
    }
    out
}

/// The seeds with a person tagged at every "Scott Besant", "Scott Bessent", "Scott Bassent", "Besant",
/// "Bessent", "Besent" and "Bess" (the surname alone too, inside the full names), and Zelensky's name
/// in two spellings.
fn tagged() -> Workspace {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    let mut tags = occurrences(
        &ws,
        &[
            "Scott Besant",
            "Scott Bessent",
            "Scott Bassent",
            "Besant",
            "Bessent",
            "Besent",
            "Bess",
        ],
    );
    tags.extend(occurrences(&ws, &["Zelenskyy"]).into_iter().take(2));
    tags.extend(occurrences(&ws, &["Zelensky"]).into_iter().take(2));
    for (i, (article, start, end, _)) in tags.iter().enumerate() {
        ws.apply(Action::Annotate(ann(
            &format!("m{i}"),
            article,
            *start,
            *end,
            PERSON,
        )))
        .unwrap();
    }
    ws
}

fn texts(entry: &NewEntry) -> Vec<String> {
    let mut t: Vec<String> = entry.spellings.iter().map(|(s, _)| s.clone()).collect();
    t.sort();
    t
}

#[test]
fn every_spelling_of_bessent_is_proposed_as_one_person() {
    let ws = tagged();
    let entries = new_entries(&ws);
    let bessent: Vec<&NewEntry> = entries
        .iter()
        .filter(|e| {
            e.spellings
                .iter()
                .any(|(s, _)| s.contains("Bes") || s.contains("Bas"))
        })
        .collect();
    assert_eq!(
        bessent.len(),
        1,
        "one group: {:#?}",
        entries.iter().map(texts).collect::<Vec<_>>()
    );
    let entry = bessent[0];
    assert_eq!(
        texts(entry),
        [
            "Besant",
            "Besent",
            "Bess",
            "Bessent",
            "Scott Bassent",
            "Scott Besant",
            "Scott Bessent"
        ]
    );
    assert_eq!(entry.kind, EntityKind::Person);
    assert_eq!(entry.name, "Scott Bessent", "two words, the most used");
    let articles: std::collections::BTreeSet<&str> =
        entry.mentions.iter().map(|m| m.article.as_str()).collect();
    assert_eq!(
        articles.into_iter().collect::<Vec<_>>(),
        ["arab-news", "explainer", "ft-retold", "kyiv-post"]
    );
    // Zelensky's spellings are a group of their own.
    let zelensky: Vec<&NewEntry> = entries
        .iter()
        .filter(|e| e.spellings.iter().any(|(s, _)| s.starts_with("Zelensk")))
        .collect();
    assert_eq!(zelensky.len(), 1);
    assert_eq!(texts(zelensky[0]), ["Zelensky", "Zelenskyy"]);
}

#[test]
fn an_entry_finds_untagged_spellings_in_every_article() {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    let explainer = occurrences(&ws, &["Scott Bessent"])
        .into_iter()
        .find(|(a, ..)| a == "explainer")
        .unwrap();
    ws.apply(Action::Annotate(ann(
        "m",
        "explainer",
        explainer.1,
        explainer.2,
        PERSON,
    )))
    .unwrap();
    let entity = Entity::new(
        "e1".into(),
        "Scott Bessent",
        EntityKind::Person,
        Timestamp(1),
    );
    ws.apply(Action::AddEntity {
        entity,
        mentions: vec!["m".into()],
    })
    .unwrap();
    let found = candidates_for(&ws, &"e1".into());
    let spellings: std::collections::BTreeSet<&str> =
        found.iter().map(|c| c.text.as_str()).collect();
    for spelling in [
        "Scott Besant",
        "Besant",
        "Besent",
        "Bess",
        "Bessent",
        "Scott Bassent",
    ] {
        assert!(
            spellings.contains(spelling),
            "{spelling} not proposed: {spellings:?}"
        );
    }
    assert!(found.iter().all(|c| c.mention.is_none()), "all untagged");
    assert!(
        !found
            .iter()
            .any(|c| c.article.as_str() == "explainer" && c.span.start() == explainer.1),
        "the linked mention itself is not proposed"
    );
    // Each candidate's text is what its span selects.
    for c in &found {
        let article = ws.article(&c.article).unwrap();
        assert_eq!(article.slice(c.span.start(), c.span.end()), c.text);
    }
    // Strongest first: exact spellings come before a shortened "Bess".
    let first_bess = found.iter().position(|c| c.text == "Bess").unwrap();
    let last_same = found
        .iter()
        .rposition(|c| c.likeness == Likeness::Same)
        .unwrap();
    assert!(last_same < first_bess);
    let bess = &found[first_bess];
    assert_eq!(
        bess.likeness.describe(),
        "\"Bess\" may be short for \"Bessent\""
    );
}

#[test]
fn rejected_and_tagged_places_are_not_proposed_again() {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    for (i, (article, start, end, _)) in occurrences(&ws, &["Scott Besant", "Bess"])
        .iter()
        .enumerate()
    {
        ws.apply(Action::Annotate(ann(
            &format!("m{i}"),
            article,
            *start,
            *end,
            PERSON,
        )))
        .unwrap();
    }
    let entity = Entity::new(
        "e1".into(),
        "Scott Bessent",
        EntityKind::Person,
        Timestamp(1),
    );
    ws.apply(Action::AddEntity {
        entity,
        mentions: vec![],
    })
    .unwrap();
    let before = candidates_for(&ws, &"e1".into());
    let mention = before.iter().find(|c| c.mention.is_some()).unwrap().clone();
    let untagged = before.iter().find(|c| c.mention.is_none()).unwrap().clone();
    for c in [&mention, &untagged] {
        ws.apply(Action::RejectCandidate {
            entity: "e1".into(),
            article: c.article.clone(),
            span: c.span,
            at: Timestamp(2),
        })
        .unwrap();
    }
    let after = candidates_for(&ws, &"e1".into());
    assert_eq!(after.len(), before.len() - 2);
    assert!(!after.contains(&mention) && !after.contains(&untagged));
    // Accepting a mention links it, and it is no longer a candidate.
    let next = after.iter().find(|c| c.mention.is_some()).unwrap().clone();
    ws.apply(Action::SetMentionEntity {
        mentions: vec![next.mention.clone().unwrap()],
        entity: Some("e1".into()),
        at: Timestamp(3),
    })
    .unwrap();
    let linked = candidates_for(&ws, &"e1".into());
    assert!(!linked
        .iter()
        .any(|c| c.span == next.span && c.article == next.article));
    // An unknown entry has no candidates.
    assert!(candidates_for(&ws, &"nope".into()).is_empty());
}
