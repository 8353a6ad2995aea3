//! Tests of links and claim attributes in the workspace reducer: each action, the links that go with a
//! delete or relabel, refusals that change nothing, and undo. The fixture is shared with
//! `workspace_registry.rs`.

use super::*;
use crate::domain::fixtures::{ann, snapshot, untimed};
use crate::domain::model::attributes::{Attribution, CheckStatus};
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::time::Timestamp;

pub(super) const PERSON: Label = Label::Entity(EntityKind::Person);

/// "Bessent said: “no deal”. Officials say it is one-sided." with a person, a quote and a claim.
pub(super) fn ws() -> Workspace {
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

pub(super) fn source(w: &Workspace, id: &str) -> Option<String> {
    let a = w.annotation(&id.into()).unwrap();
    a.attrs.source.as_ref().map(|s| s.as_str().to_owned())
}

pub(super) fn entity(id: &str, name: &str) -> Entity {
    Entity::new(EntityId::from(id), name, EntityKind::Person, Timestamp(7))
}

pub(super) fn entity_of(w: &Workspace, id: &str) -> Option<String> {
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
    assert_eq!(untimed(snapshot(&w)), untimed(linked));
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
    assert_eq!(untimed(snapshot(&w)), untimed(linked.clone()));
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
