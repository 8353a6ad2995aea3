//! Property tests of the merge on random small states (a bundled article, two own ones, three registry
//! entries, eight annotation ids with random spans, labels, notes, times, sources and entries): equal
//! sides give that side, an unchanged side gives the other (whose deletes carry graves), nothing added
//! on either side is lost, and the result always fits.

use super::*;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::Attributes;
use crate::domain::model::names::{AnnotationId, EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::state::graves::Graves;
use crate::domain::state::workspace::Workspace;
use proptest::prelude::*;

const TEXT: &str = "Ein Text mit zwanzig!";

fn article(i: usize, title: u8) -> Article {
    match i {
        0 => Article::new("b0", "Bundled", TEXT.into()),
        _ => Article::own(
            &format!("o{i}"),
            &format!("Own {title}"),
            TEXT.into(),
            Timestamp(i as i64),
        ),
    }
}

fn label(i: u8) -> Label {
    match i % 4 {
        0 => Label::Claim,
        1 => Label::Quote,
        2 => Label::Entity(EntityKind::Person),
        _ => Label::Entity(EntityKind::Place),
    }
}

/// An annotation's random fields: article, start, length, label, note, updated, source, entity.
type Fields = (usize, usize, usize, u8, bool, i64, Option<u8>, Option<u8>);

fn annotation(id: usize, f: Fields) -> Annotation {
    let (article, start, len, l, note, updated, source, entity) = f;
    let article = if article == 0 {
        "b0".to_owned()
    } else {
        format!("o{article}")
    };
    Annotation {
        id: AnnotationId::from(format!("a{id}").as_str()),
        article: ArticleId::from(article.as_str()),
        span: Span::new(start, start + len).unwrap(),
        label: label(l),
        note: if note { "n".into() } else { String::new() },
        attrs: Attributes {
            source: source.map(|s| AnnotationId::from(format!("a{}", s % 8).as_str())),
            entity: entity.map(|e| EntityId::from(format!("e{}", e % 3).as_str())),
            ..Attributes::default()
        },
        created: Timestamp(0),
        updated: Timestamp(updated),
    }
}

/// A random state, made consistent the way a merge leaves it.
fn state() -> impl Strategy<Value = Snapshot> {
    let articles = prop::collection::vec(prop::option::of(0..2_u8), 2);
    let entities = prop::collection::vec(prop::option::of((0..2_u8, 0..3_i64)), 3);
    let fields = (
        0..3_usize,
        0..15_usize,
        1..5_usize,
        0..4_u8,
        any::<bool>(),
        0..4_i64,
    );
    let links = (prop::option::of(0..8_u8), prop::option::of(0..3_u8));
    let annotations = prop::collection::vec(prop::option::of((fields, links)), 8);
    (articles, entities, annotations).prop_map(|(articles, entities, annotations)| {
        let mut s = Snapshot::default();
        let mut add = |a: Article| s.articles.insert(a.id.clone(), Rc::new(a));
        add(article(0, 0));
        for (i, title) in articles.into_iter().enumerate() {
            if let Some(title) = title {
                add(article(i + 1, title));
            }
        }
        for (i, e) in entities.into_iter().enumerate() {
            if let Some((name, updated)) = e {
                let id = EntityId::from(format!("e{i}").as_str());
                let mut e = Entity::new(
                    id.clone(),
                    &format!("N{name}"),
                    EntityKind::Person,
                    Timestamp(0),
                );
                e.updated = Timestamp(updated);
                s.entities.insert(id, Rc::new(e));
            }
        }
        for (i, a) in annotations.into_iter().enumerate() {
            if let Some(((article, start, len, l, note, updated), (source, entity))) = a {
                let a = annotation(i, (article, start, len, l, note, updated, source, entity));
                s.annotations.insert(a.id.clone(), Rc::new(a));
            }
        }
        merge(&s, &s, &s).state
    })
}

/// `t` as a change of `base`: what `base` has and `t` lacks was deleted, and what `t` holds otherwise
/// was changed, after every time in either.
fn deleted_from(base: &Snapshot, mut t: Snapshot) -> Snapshot {
    let at = Timestamp(100);
    for (id, a) in t.annotations.iter_mut() {
        if base.annotations.get(id).is_some_and(|b| b != a) {
            *a = Rc::new(Annotation {
                updated: at,
                ..Annotation::clone(a)
            });
        }
    }
    for (id, e) in t.entities.iter_mut() {
        if base.entities.get(id).is_some_and(|b| b != e) {
            *e = Rc::new(Entity {
                updated: at,
                ..Entity::clone(e)
            });
        }
    }
    let mut graves = Graves::default();
    for id in base
        .annotations
        .keys()
        .filter(|id| !t.annotations.contains_key(*id))
    {
        graves.annotations.insert(id.clone(), at);
    }
    for id in base
        .entities
        .keys()
        .filter(|id| !t.entities.contains_key(*id))
    {
        graves.entities.insert(id.clone(), at);
    }
    for id in base
        .articles
        .keys()
        .filter(|id| !t.articles.contains_key(*id))
    {
        graves.articles.insert(id.clone(), at);
    }
    t.graves = Rc::new(graves);
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_same_on_both_sides_is_that(base in state(), x in state()) {
        let m = merge(&base, &x, &x);
        prop_assert_eq!(&m.state, &x);
        prop_assert!(m.cut.is_empty());
    }

    #[test]
    fn an_unchanged_side_gives_the_other(base in state(), t in state()) {
        let t = deleted_from(&base, t);
        prop_assert_eq!(&merge(&base, &base, &t).state, &t);
        prop_assert_eq!(&merge(&base, &t, &base).state, &t);
    }

    #[test]
    fn nothing_added_on_either_side_is_lost_and_the_result_fits(
        base in state(), ours in state(), theirs in state()
    ) {
        let m = merge(&base, &ours, &theirs);
        for id in ours.annotations.keys().chain(theirs.annotations.keys()) {
            if !base.annotations.contains_key(id) {
                prop_assert!(m.state.annotations.contains_key(id), "{} was lost", id.as_str());
            }
        }
        let again = merge(&m.state, &m.state, &m.state);
        prop_assert!(again.cut.is_empty(), "{:?}", again.cut);
        // A workspace built from the result keeps every record: nothing is dropped or cut.
        let articles = m.state.articles.values().map(|a| Article::clone(a)).collect();
        let entities = m.state.entities.values().map(|e| Entity::clone(e)).collect();
        let annotations = m.state.annotations.values().map(|a| Annotation::clone(a)).collect();
        let restored = Workspace::restore(articles, entities, annotations);
        prop_assert!(restored.dropped.is_empty() && restored.cut.is_empty());
        prop_assert_eq!(&Snapshot::of(&restored.workspace), &m.state);
    }
}
