//! Tests of links in the session: picking a source with a click, the keyboard's way, cancelling, and
//! the notice a deletion gives when it takes links with it.

use super::*;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::Attribution;
use crate::domain::model::names::{EntityKind, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;

const PERSON: Label = Label::Entity(EntityKind::Person);

/// "Zelensky said “no” to Bessent." with Zelensky a person (`who`, 0..8), “no” a quote (`q`, 14..18),
/// Bessent a person (`bes`, 22..29) and the whole sentence a claim (`c`, 0..30).
fn linked_session() -> Session {
    let mut s = Session::new(Workspace::new(vec![
        Article::new("a", "A", "Zelensky said “no” to Bessent.".into()),
        Article::new("b", "B", "Other text".into()),
    ]));
    for (id, start, end, label) in [
        ("c", 0, 30, Label::Claim),
        ("who", 0, 8, PERSON),
        ("q", 14, 18, Label::Quote),
        ("bes", 22, 29, PERSON),
    ] {
        s.apply(SessionAction::SelectText(Some(Pending {
            span: Span::new(start, end).unwrap(),
            x: 0.0,
            y: 0.0,
        })));
        s.apply(SessionAction::Tag {
            label,
            id: id.into(),
            at: Timestamp(1),
        });
    }
    s
}

fn source(s: &Session, id: &str) -> Option<String> {
    let a = s.workspace.annotation(&id.into()).unwrap();
    a.attrs.source.as_ref().map(|id| id.as_str().to_owned())
}

fn click(s: &mut Session, pos: Option<usize>) {
    s.apply(SessionAction::ClickAt(pos, Timestamp(7)));
}

#[test]
fn a_click_while_linking_links_to_the_innermost_valid_target_and_stops() {
    let mut s = linked_session();
    s.apply(SessionAction::StartLink("q".into()));
    assert_eq!(s.linking, Some("q".into()));
    // The claim and Zelensky cover code point 3; a quote's source can only be the entity.
    click(&mut s, Some(3));
    assert_eq!(source(&s, "q").as_deref(), Some("who"));
    assert_eq!(s.linking, None);
    assert_eq!(s.selected, Some("q".into()));
    assert_eq!(
        s.workspace.annotation(&"q".into()).unwrap().updated,
        Timestamp(7)
    );
    // Linking is over: the next click selects as usual.
    click(&mut s, Some(24));
    assert_eq!(s.selected, Some("bes".into()));
    assert_eq!(source(&s, "q").as_deref(), Some("who"));
}

#[test]
fn a_click_on_nothing_valid_says_what_to_click_and_keeps_linking() {
    let mut s = linked_session();
    s.apply(SessionAction::StartLink("q".into()));
    // Inside the quote: only the quote itself and the claim are there, neither can be its speaker.
    click(&mut s, Some(15));
    click(&mut s, None);
    assert_eq!(s.linking, Some("q".into()));
    assert_eq!(source(&s, "q"), None);
    assert_eq!(
        s.notice,
        Some(Notice::Info(
            "Click an entity to be this quote's speaker — Esc cancels.".into()
        ))
    );
    click(&mut s, Some(25));
    assert_eq!(source(&s, "q").as_deref(), Some("bes"));
    assert_eq!(s.notice, None, "the hint goes once the link is made");
}

#[test]
fn a_claim_takes_the_quote_inside_it_and_becomes_attributed_in_two_undo_steps() {
    let mut s = linked_session();
    s.apply(SessionAction::StartLink("c".into()));
    click(&mut s, Some(16));
    let c = s.workspace.annotation(&"c".into()).unwrap();
    assert_eq!(c.attrs.source, Some("q".into()));
    assert_eq!(c.attrs.attribution, Some(Attribution::Attributed));
    s.apply(SessionAction::Edit(Action::Undo));
    let c = s.workspace.annotation(&"c".into()).unwrap();
    assert_eq!(
        (c.attrs.source.is_some(), c.attrs.attribution),
        (true, None)
    );
    s.apply(SessionAction::Edit(Action::Undo));
    assert_eq!(source(&s, "c"), None);
}

#[test]
fn a_chosen_attribution_is_kept_when_the_claim_gets_a_source() {
    let mut s = linked_session();
    s.apply(SessionAction::Edit(Action::SetAttribution {
        id: "c".into(),
        attribution: Some(Attribution::OutletOwn),
        at: Timestamp(2),
    }));
    s.apply(SessionAction::Link {
        id: "c".into(),
        source: Some("bes".into()),
        at: Timestamp(3),
    });
    let c = s.workspace.annotation(&"c".into()).unwrap();
    assert_eq!(c.attrs.source, Some("bes".into()));
    assert_eq!(c.attrs.attribution, Some(Attribution::OutletOwn));
    // Unlinking through the same action.
    s.apply(SessionAction::Link {
        id: "c".into(),
        source: None,
        at: Timestamp(4),
    });
    assert_eq!(source(&s, "c"), None);
}

#[test]
fn a_refused_link_is_an_error_and_changes_nothing() {
    let mut s = linked_session();
    s.apply(SessionAction::Link {
        id: "q".into(),
        source: Some("c".into()),
        at: Timestamp(3),
    });
    assert_eq!(source(&s, "q"), None);
    assert!(
        matches!(&s.notice, Some(Notice::Error(t)) if t.contains("a quote's source must be an entity"))
    );
}

#[test]
fn cancel_and_escape_stop_linking_and_escape_then_closes_the_panel() {
    let mut s = linked_session();
    s.apply(SessionAction::StartLink("q".into()));
    s.apply(SessionAction::CancelLink);
    assert_eq!(s.linking, None);
    click(&mut s, Some(3));
    assert_eq!(
        (source(&s, "q"), s.selected.clone()),
        (None, Some("who".into()))
    );

    s.apply(SessionAction::StartLink("q".into()));
    click(&mut s, Some(15));
    assert!(s.notice.is_some(), "the hint of what to click");
    s.apply(SessionAction::Escape);
    assert_eq!(
        (s.linking.clone(), s.selected.clone()),
        (None, Some("q".into()))
    );
    assert_eq!(s.notice, None, "the hint goes when picking stops");
    s.apply(SessionAction::Escape);
    assert_eq!(s.selected, None);
}

#[test]
fn opening_another_article_cancels_linking() {
    let mut s = linked_session();
    s.apply(SessionAction::StartLink("q".into()));
    s.apply(SessionAction::Open("b".into()));
    assert_eq!(s.linking, None);
}

#[test]
fn only_quotes_and_claims_wait_for_a_source_and_linking_ends_with_them() {
    let mut s = linked_session();
    s.apply(SessionAction::StartLink("who".into()));
    assert_eq!(s.linking, None);
    s.apply(SessionAction::StartLink("nope".into()));
    assert_eq!(s.linking, None);
    s.apply(SessionAction::StartLink("q".into()));
    s.apply(SessionAction::Edit(Action::Relabel {
        id: "q".into(),
        label: PERSON,
        at: Timestamp(3),
    }));
    assert_eq!(s.linking, None, "an entity has no source to wait for");
    s.apply(SessionAction::Edit(Action::Undo));
    s.apply(SessionAction::StartLink("q".into()));
    s.apply(SessionAction::Edit(Action::Remove { id: "q".into() }));
    assert_eq!(s.linking, None);
}

#[test]
fn deleting_a_source_names_the_links_that_went_and_undo_restores_them() {
    let mut s = linked_session();
    for from in ["q", "c"] {
        s.apply(SessionAction::Link {
            id: from.into(),
            source: Some("bes".into()),
            at: Timestamp(3),
        });
    }
    s.apply(SessionAction::Edit(Action::Remove { id: "bes".into() }));
    assert_eq!(
        s.notice,
        Some(Notice::Info(
            "Deleted the entity \"Bessent\" and 2 links to it (claim \"Zelensky said “no” to Bessent.\", \
             quote \"“no”\"). Undo brings them back."
                .into()
        ))
    );
    assert_eq!((source(&s, "q"), source(&s, "c")), (None, None));
    s.apply(SessionAction::Edit(Action::Undo));
    assert_eq!(source(&s, "q").as_deref(), Some("bes"));
    assert_eq!(source(&s, "c").as_deref(), Some("bes"));
}

#[test]
fn deleting_an_annotation_nobody_links_to_gives_no_notice() {
    let mut s = linked_session();
    s.apply(SessionAction::Edit(Action::Remove { id: "who".into() }));
    assert_eq!(s.notice, None);
    assert!(s.workspace.annotation(&"who".into()).is_none());
}

#[test]
fn targets_are_listed_nearest_first_and_excerpts_are_cut() {
    let s = linked_session();
    let q = s.workspace.annotation(&"q".into()).unwrap();
    let ids = |list: Vec<Rc<Annotation>>| {
        list.iter()
            .map(|a| a.id.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    // Bessent is 4 code points after the quote, Zelensky 6 before it.
    assert_eq!(ids(link_targets(&s.workspace, q, 10)), ["bes", "who"]);
    assert_eq!(ids(link_targets(&s.workspace, q, 1)), ["bes"]);
    let c = s.workspace.annotation(&"c".into()).unwrap();
    assert_eq!(ids(link_targets(&s.workspace, c, 10)), ["who", "q", "bes"]);
    assert_eq!(excerpt("  short  ", 10), "short");
    assert_eq!(excerpt("abcdefghij", 10), "abcdefghij");
    assert_eq!(excerpt("abcde fghijk", 7), "abcde…");
    assert_eq!(describe(&s.workspace, q), "quote \"“no”\"");
}
