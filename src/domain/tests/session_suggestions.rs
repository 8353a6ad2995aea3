//! Tests of suggestions in the session: which are shown, stepping through them, rejections kept,
//! accepting as one undo step, and none in an exercise unless the teacher's exercise turns them on.

use super::*;
use crate::domain::features::classroom::exercise::{Draft, Exercise};
use crate::domain::features::suggest::{key, suggest, Suggestion, SuggestionKind};
use crate::domain::fixtures::ann;
use crate::domain::model::article::Article;
use crate::domain::model::names::{Label, LabelName};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;

const T: Timestamp = Timestamp(1_764_064_800_000);
const TEXT: &str =
    "Mayor Ana Ruiz said on Monday: “We will rebuild the bridge before winter comes.” \
Ruiz added that the city had enough money.";

fn session() -> Session {
    Session::new(Workspace::new(vec![Article::new("a", "A", TEXT.into())]))
}

/// The suggestions the engine finds in TEXT, as the worker would send them.
fn found(s: &mut Session) -> Vec<Suggestion> {
    let found = suggest(TEXT, &[]);
    s.apply(SessionAction::Suggestions(SuggestionAction::Found(
        "a".into(),
        found.clone(),
    )));
    found
}

fn keys(s: &Session) -> Vec<String> {
    s.shown_suggestions().into_iter().map(key).collect()
}

fn made(kind: SuggestionKind, start: usize, end: usize, label: Label) -> Suggestion {
    Suggestion {
        kind,
        span: Span::new(start, end).unwrap(),
        label,
        reason: "test".into(),
        speaker: None,
        entity: None,
    }
}

#[test]
fn shown_suggestions_skip_the_rejected_and_what_is_tagged_already() {
    let mut s = session();
    let two = vec![
        made(
            SuggestionKind::Mention,
            6,
            14,
            Label::Entity(crate::domain::model::names::EntityKind::Person),
        ),
        made(SuggestionKind::Quote, 32, 78, Label::Quote),
    ];
    s.apply(SessionAction::Suggestions(SuggestionAction::Found(
        "a".into(),
        two.clone(),
    )));
    assert_eq!(keys(&s), [key(&two[0]), key(&two[1])]);
    assert_eq!(s.current_suggestion(), Some(&two[0]));

    s.apply(SessionAction::Suggestions(SuggestionAction::Step(true)));
    assert!(s.suggesting.open, "the first N opens the card");
    assert_eq!(s.current_suggestion(), Some(&two[0]), "on the current one");
    s.apply(SessionAction::Suggestions(SuggestionAction::Step(true)));
    assert_eq!(s.current_suggestion(), Some(&two[1]));
    s.apply(SessionAction::Suggestions(SuggestionAction::Step(true)));
    assert_eq!(s.current_suggestion(), Some(&two[0]), "round again");

    s.apply(SessionAction::Suggestions(SuggestionAction::RejectCurrent));
    assert_eq!(keys(&s), [key(&two[1])]);
    let rejected = s
        .suggesting
        .choices
        .rejected
        .get(&ArticleId::from("a"))
        .unwrap();
    assert!(rejected.contains(&key(&two[0])));
    assert_eq!(s.suggestions_revision, 1, "a rejection is saved");

    // A quote tagged by hand at the same place is no longer suggested.
    s.apply(SessionAction::Edit(Action::Annotate(ann(
        "q",
        "a",
        32,
        78,
        Label::Quote,
    ))));
    assert!(keys(&s).is_empty());
}

#[test]
fn suggestions_are_hidden_when_turned_off_and_in_an_exercise_unless_it_turns_them_on() {
    let mut s = session();
    found(&mut s);
    let all = s.shown_suggestions().len();
    assert!(all > 0);
    s.apply(SessionAction::Suggestions(SuggestionAction::Toggle));
    assert!(s.shown_suggestions().is_empty());
    s.apply(SessionAction::Suggestions(SuggestionAction::Toggle));
    assert_eq!(s.shown_suggestions().len(), all);

    let draft = |suggestions| Draft {
        title: "Ex".into(),
        labels: vec![LabelName::Quote],
        articles: vec!["a".into()],
        suggestions,
        ..Draft::default()
    };
    for (on, shown) in [(false, 0), (true, all)] {
        let ex = Exercise::create(&draft(on), &s.workspace, "ex".into(), T).unwrap();
        let ex = Exercise::read(&ex.to_json(false), s.workspace.articles()).unwrap();
        s.apply(SessionAction::Classroom(ClassroomAction::Enrol(ex)));
        assert_eq!(
            s.shown_suggestions().len(),
            shown,
            "exercise with suggestions {on}"
        );
    }
}

#[test]
fn accepting_makes_ordinary_annotations_as_one_undo_step() {
    let mut s = session();
    let found = found(&mut s);
    s.apply(SessionAction::Suggestions(SuggestionAction::Open(true)));
    s.apply(SessionAction::Suggestions(SuggestionAction::Open(true)));
    let quote = found
        .iter()
        .find(|x| x.kind == SuggestionKind::Quote)
        .expect("the quote is found");
    while s.current_suggestion() != Some(quote) {
        s.apply(SessionAction::Suggestions(SuggestionAction::Step(true)));
    }
    s.apply(SessionAction::AcceptSuggestions {
        kind: None,
        id: "s".into(),
        at: T,
    });
    let here = s.workspace.in_article(&"a".into());
    let made = here
        .iter()
        .find(|a| a.span == quote.span)
        .expect("the quote is an annotation");
    assert_eq!(made.label, Label::Quote);
    let speaker = made
        .attrs
        .source
        .as_ref()
        .and_then(|id| s.workspace.annotation(id));
    assert_eq!(
        speaker.map(|a| s
            .workspace
            .article(&"a".into())
            .unwrap()
            .slice(a.span.start(), a.span.end())
            .to_owned()),
        Some("Ana Ruiz".to_owned()),
        "the speaker is linked as the quote's source"
    );
    assert!(!keys(&s).contains(&key(quote)));

    s.apply(SessionAction::Edit(Action::Undo));
    assert!(
        s.workspace.in_article(&"a".into()).is_empty(),
        "one undo removes them all"
    );
}
