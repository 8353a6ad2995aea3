//! Suggestion rules on short sentences: every typography of quotation marks, a quote across a line
//! break, split quotes, speakers before and after, pronouns, "according to", scare quotes, whole-word
//! registry names; and accepting suggestions into a workspace on the bundled articles.

use super::{accepted, key, suggest, Suggestion, SuggestionKind};
use crate::domain::files::bundled::bundled_articles;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::Attribution;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, EntityKind, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};
use std::rc::Rc;

fn cut(text: &str, s: Span) -> String {
    text.chars().skip(s.start()).take(s.len()).collect()
}

/// The quotes of `text` as (quoted words, speaker's name).
fn quotes(text: &str) -> Vec<(String, String)> {
    suggest(text, &[])
        .iter()
        .filter(|s| s.kind == SuggestionKind::Quote)
        .map(|s| {
            (
                cut(text, s.span),
                s.speaker.map(|p| cut(text, p)).unwrap_or_default(),
            )
        })
        .collect()
}

fn pair(quote: &str, speaker: &str) -> (String, String) {
    (quote.to_owned(), speaker.to_owned())
}

#[test]
fn curly_quotes_then_the_speaker() {
    let text = "“We will not sign this agreement today,” Vance said.";
    assert_eq!(
        quotes(text),
        vec![pair("We will not sign this agreement today", "Vance")]
    );
}

#[test]
fn straight_quotes_then_said_and_the_speaker() {
    let text = "\"We will not sign this agreement today,\" said Vance.";
    assert_eq!(
        quotes(text),
        vec![pair("We will not sign this agreement today", "Vance")]
    );
}

#[test]
fn guillemets_and_german_marks() {
    let french = "Le ministre Barrot a dit : « Nous ne signerons pas cet accord. »";
    assert_eq!(quotes(french)[0].0, "Nous ne signerons pas cet accord.");
    let german = "„Wir werden das Dokument schnell prüfen“, sagte Scholz.";
    assert_eq!(
        quotes(german)[0].0,
        "Wir werden das Dokument schnell prüfen"
    );
    let danish = "»Vi skriver ikke under på den aftale«, sagde Frederiksen.";
    assert_eq!(quotes(danish)[0].0, "Vi skriver ikke under på den aftale");
}

#[test]
fn a_quote_across_a_wrapped_line() {
    let text = "Vance said: \"We will not sign\nthis agreement today.\"";
    assert_eq!(
        quotes(text),
        vec![pair("We will not sign\nthis agreement today.", "Vance")]
    );
}

#[test]
fn a_quote_left_open_ends_with_its_paragraph() {
    let text = "Keller told FT: “When we look at the details, there is nothing there for us at all and that is a long paragraph.\nThe talks went on. \"Nothing,\" said another.";
    let found = quotes(text);
    assert_eq!(
        found[0].0,
        "When we look at the details, there is nothing there for us at all and that is a long paragraph."
    );
    assert_eq!(found[0].1, "Keller");
}

#[test]
fn a_split_quote_keeps_its_speaker() {
    let text = "\"We will not sign,\" Vance said. \"Not today, not tomorrow, not ever.\"";
    assert_eq!(
        quotes(text),
        vec![
            pair("We will not sign", "Vance"),
            pair("Not today, not tomorrow, not ever.", "Vance")
        ]
    );
}

#[test]
fn the_speaker_before_the_quote() {
    let text = "Hughes added, “The US recognizes this, and so must everyone.”";
    assert_eq!(quotes(text)[0].1, "Hughes");
    let titled = "Treasury Secretary Scott Bessent said: “This deal is good for both countries.”";
    assert_eq!(quotes(titled)[0].1, "Scott Bessent");
}

#[test]
fn a_pronoun_speaker_is_the_nearest_person_named_before() {
    let text = "Senator Anna Keller met the delegation in Munich with Bob Ortiz. Talks went on. \
                “We made real progress on the deal today,” she said.";
    assert_eq!(quotes(text)[0].1, "Anna Keller");
    let later = "Ortiz spoke first. Then Anna Keller spoke. “We made real progress on the deal today,” she said.";
    assert_eq!(quotes(later)[0].1, "Anna Keller");
}

#[test]
fn a_title_speaker_is_the_person_with_that_title() {
    let text = "Ukrainian President Volodymyr Zelensky met Vance. Vance left. \
                “For me it is crucial to connect guarantees with investment,” the Ukrainian president remarked.";
    assert_eq!(quotes(text)[0].1, "Volodymyr Zelensky");
}

#[test]
fn scare_quotes_are_no_quotes() {
    let text = "Critics called the plan “one-sided” and a “very bad deal” in Munich.";
    assert!(quotes(text).is_empty());
    let short = "\"We're still talking,\" Zelenskyy said in Munich.";
    assert_eq!(
        quotes(short),
        vec![pair("We're still talking", "Zelenskyy")]
    );
}

#[test]
fn claims_in_reported_speech_with_their_source() {
    let claims = |text: &str| -> Vec<(String, String)> {
        suggest(text, &[])
            .iter()
            .filter(|s| s.kind == SuggestionKind::Claim)
            .map(|s| {
                (
                    cut(text, s.span),
                    s.speaker.map(|p| cut(text, p)).unwrap_or_default(),
                )
            })
            .collect()
    };
    assert_eq!(
        claims("The deal would give the US half of the revenues, according to Reuters."),
        vec![pair(
            "The deal would give the US half of the revenues",
            "Reuters"
        )]
    );
    assert_eq!(
        claims("According to Reuters, the deal would give the US half of the revenues."),
        vec![pair(
            "the deal would give the US half of the revenues",
            "Reuters"
        )]
    );
    assert_eq!(
        claims("Keller said on Monday that the deal would be signed next week."),
        vec![pair("the deal would be signed next week", "Keller")]
    );
    assert_eq!(
        claims("Any deal must respect Ukrainian law, the senior official said."),
        vec![pair("Any deal must respect Ukrainian law", "")]
    );
    assert!(claims("The weather in Munich was cold all week.").is_empty());
}

fn keller() -> Rc<Entity> {
    let mut e = Entity::new(
        EntityId::from("ent-keller"),
        "Anna Keller",
        EntityKind::Person,
        Timestamp(0),
    );
    e.aliases.push("Keller".into());
    Rc::new(e)
}

#[test]
fn registry_names_as_whole_words_with_possessives() {
    let text =
        "Anna Keller spoke. Keller's team met Kellerman and McKeller, then Keller’s aide; Keller.";
    let mentions: Vec<(String, Option<EntityId>)> = suggest(text, &[keller()])
        .into_iter()
        .filter(|s| s.kind == SuggestionKind::Mention && s.entity.is_some())
        .map(|s| (cut(text, s.span), s.entity))
        .collect();
    let names: Vec<&str> = mentions.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, vec!["Anna Keller", "Keller", "Keller", "Keller"]);
    assert!(mentions
        .iter()
        .all(|(_, e)| e.as_ref().unwrap().as_str() == "ent-keller"));
}

#[test]
fn recurring_names_get_a_likely_kind() {
    let text = "Keller flew to Munich. In Munich, Keller met officials of the Defence Ministry. \
                The Defence Ministry said little.";
    let kinds: Vec<(String, Label)> = suggest(text, &[])
        .into_iter()
        .filter(|s| s.kind == SuggestionKind::Mention)
        .map(|s| (cut(text, s.span), s.label))
        .collect();
    assert!(kinds.contains(&("Munich".into(), Label::Entity(EntityKind::Place))));
    assert!(kinds.contains(&(
        "Defence Ministry".into(),
        Label::Entity(EntityKind::Organization)
    )));
    assert!(kinds.iter().any(|(n, _)| n == "Keller"));
}

#[test]
fn suggestions_are_in_order_without_overlaps_of_a_kind_and_have_keys() {
    for article in bundled_articles().unwrap() {
        let all = suggest(&article.text, &[]);
        for w in all.windows(2) {
            assert!((w[0].span.start(), w[0].span.end()) <= (w[1].span.start(), w[1].span.end()));
        }
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(a.kind != b.kind || !a.span.overlaps(b.span), "{a:?} {b:?}");
            }
        }
    }
    let s = suggest("“We will not sign this agreement today,” Vance said.", &[]);
    assert_eq!(key(&s[0]), "quote:1-38");
}

#[test]
fn a_suggestion_travels_through_bincode() {
    let s = suggest(
        "“We will not sign this agreement today,” Vance said.",
        &[keller()],
    );
    let bytes = bincode::serialize(&s).unwrap();
    let back: Vec<Suggestion> = bincode::deserialize(&bytes).unwrap();
    assert_eq!(back, s);
}

fn ids() -> impl FnMut() -> AnnotationId {
    let mut n = 0;
    move || {
        n += 1;
        AnnotationId::from(format!("s{n}").as_str())
    }
}

#[test]
fn accepting_every_seed_suggestion_is_one_valid_step_with_speakers_as_sources() {
    let mut ws = Workspace::new(bundled_articles().unwrap());
    ws.apply(Action::Import {
        articles: Vec::new(),
        entities: vec![(*keller()).clone()],
        annotations: Vec::new(),
        replace: false,
    })
    .unwrap();
    let mut new_id = ids();
    let at = Timestamp(1);
    for article in ws.articles().to_vec() {
        let chosen = suggest(&article.text, &[keller()]);
        let made = accepted(&article.id, &article.text, &chosen, &[], &mut new_id, at);
        for s in chosen.iter().filter(|s| s.kind != SuggestionKind::Mention) {
            let a = made
                .iter()
                .find(|a| a.span == s.span && a.label == s.label)
                .unwrap();
            let source = a
                .attrs
                .source
                .as_ref()
                .map(|id| made.iter().find(|m| m.id == *id).unwrap());
            assert_eq!(source.map(|m| m.span), s.speaker);
            assert!(source.is_none_or(|m| m.label.kind().is_some()));
            if s.kind == SuggestionKind::Claim {
                let want = if s.speaker.is_some() {
                    Attribution::Attributed
                } else {
                    Attribution::Unattributed
                };
                assert_eq!(a.attrs.attribution, Some(want));
            }
        }
        let before = ws.len();
        let count = made.len();
        ws.apply(Action::AnnotateAll(made)).unwrap();
        assert_eq!(ws.len(), before + count);
        // Accepting again adds nothing: every span is there with its label.
        let existing = ws.in_article(&article.id);
        let again = accepted(
            &article.id,
            &article.text,
            &chosen,
            &existing,
            &mut new_id,
            at,
        );
        assert!(again.iter().all(|a| a.label.kind().is_some()), "{again:?}");
    }
    ws.apply(Action::Undo).unwrap();
}

#[test]
fn accepting_reuses_an_existing_mention_at_the_speaker() {
    let text = "“We will not sign this agreement today,” Vance said.";
    let article = ArticleId::from("a");
    let chosen: Vec<Suggestion> = suggest(text, &[])
        .into_iter()
        .filter(|s| s.kind == SuggestionKind::Quote)
        .collect();
    let speaker = chosen[0].speaker.unwrap();
    let vance = Rc::new(Annotation {
        id: AnnotationId::from("vance"),
        article: article.clone(),
        span: speaker,
        label: Label::Entity(EntityKind::Person),
        note: String::new(),
        attrs: Default::default(),
        created: Timestamp(0),
        updated: Timestamp(0),
    });
    let made = accepted(&article, text, &chosen, &[vance], &mut ids(), Timestamp(1));
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].attrs.source, Some(AnnotationId::from("vance")));
}
