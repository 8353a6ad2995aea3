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
