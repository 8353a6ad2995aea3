//! The suggestion engine on the bundled articles: every quotation of five words or more is found, and
//! the list is printed (`cargo test --lib suggest::seeds -- --nocapture`) to check by eye.

use super::{suggest, SuggestionKind};
use crate::domain::files::bundled::bundled_articles;

fn text_of(text: &str, s: crate::domain::model::span::Span) -> String {
    text.chars().skip(s.start()).take(s.len()).collect()
}

#[test]
fn prints_the_seeds_suggestions() {
    for article in bundled_articles().unwrap() {
        let text = article.text.as_str();
        let all = suggest(text, &[]);
        let n = |k| all.iter().filter(|s| s.kind == k).count();
        println!(
            "== {}: {} quotes, {} claims, {} mentions",
            article.id.as_str(),
            n(SuggestionKind::Quote),
            n(SuggestionKind::Claim),
            n(SuggestionKind::Mention)
        );
        for s in &all {
            let speaker = s.speaker.map(|sp| text_of(text, sp)).unwrap_or_default();
            println!(
                "{:?} {} «{}» [{}] {}",
                s.kind,
                s.span,
                text_of(text, s.span),
                speaker,
                s.reason
            );
        }
    }
}

/// The start of every quotation of five words or more in the seeds, by article, found by reading them.
const LONG_QUOTES: &[(&str, &[&str])] = &[
    (
        "kyiv-post",
        &[
            "Our teams will continue",
            "We are ready to move",
            "We want to make a deal",
            "open to the fact",
            "American taxpayers get a return",
            "felt he was being",
            "It seems to me",
            "agreed to continue work",
            "It is important to achieve",
        ],
    ),
    (
        "munich-dispatch",
        &[
            "I didn’t let the ministers",
            "For me, it is crucial",
            "Subsoil belongs to Ukrainians",
        ],
    ),
    (
        "ft-retold",
        &[
            "trying to negotiate a better deal",
            "end (with Kiev)",
            "provide a long-term security shield",
            "When we look at the details",
            "We will review the document",
            "From President Trump's perspective",
            "We will provide the Ukrainian people",
            "They are under tremendous pressure",
        ],
    ),
    (
        "arab-news",
        &[
            "I didn’t let the ministers",
            "there are no very concrete things",
            "For me is very important",
            "It’s a colonial agreement",
            "President Zelensky is being short-sighted",
            "binding economic ties",
            "The US recognizes this",
            "Subsoil belongs to Ukrainians",
            "You can have the Ukrainians",
            "I’m a school of realism",
            "I think it’s important",
            "It will bring money",
            "We are not losing a single day",
            "A lot can be decided",
            "Multiple explosions were recorded",
        ],
    ),
    (
        "explainer",
        &[
            "I didn’t let the ministers",
            "I want to have the security",
            "binding economic ties",
            "For me is very important",
            "Today, Trump claims",
            "Why should Europe give away",
            "We have to talk about it",
            "And we can think about",
        ],
    ),
];

#[test]
fn every_long_quotation_in_the_seeds_is_found() {
    for article in bundled_articles().unwrap() {
        let text = article.text.as_str();
        let quotes: Vec<String> = suggest(text, &[])
            .iter()
            .filter(|s| s.kind == SuggestionKind::Quote)
            .map(|s| text_of(text, s.span))
            .collect();
        let (_, wanted) = LONG_QUOTES
            .iter()
            .find(|(id, _)| *id == article.id.as_str())
            .unwrap();
        for start in *wanted {
            assert!(
                quotes.iter().any(|q| q.starts_with(start)),
                "{}: no quote starts with {start:?}; found {quotes:#?}",
                article.id.as_str()
            );
        }
    }
}

#[test]
fn speakers_in_the_seeds() {
    let speakers = |id: &str| -> Vec<(String, String)> {
        let article = bundled_articles()
            .unwrap()
            .into_iter()
            .find(|a| a.id.as_str() == id)
            .unwrap();
        let text = article.text.clone();
        suggest(&text, &[])
            .iter()
            .filter(|s| s.kind == SuggestionKind::Quote)
            .map(|s| {
                let quote: String = text_of(&text, s.span).chars().take(30).collect();
                (
                    quote,
                    s.speaker.map(|p| text_of(&text, p)).unwrap_or_default(),
                )
            })
            .collect()
    };
    let arab = speakers("arab-news");
    let said = |list: &[(String, String)], start: &str| {
        list.iter()
            .find(|(q, _)| q.starts_with(start))
            .map(|(_, s)| s.clone())
            .unwrap()
    };
    assert_eq!(said(&arab, "The US recognizes"), "Hughes");
    assert_eq!(said(&arab, "I’m a school"), "Kellogg");
    assert_eq!(said(&arab, "President Zelensky is"), "Brian Hughes");
    assert_eq!(said(&arab, "Subsoil belongs"), "Kseniiia Orynchak");
    let ft = speakers("ft-retold");
    assert_eq!(said(&ft, "From President"), "Bessent");
    assert_eq!(said(&ft, "We will provide"), "Bessent");
    let explainer = speakers("explainer");
    assert_eq!(said(&explainer, "Why should Europe"), "Kuleba");
}
