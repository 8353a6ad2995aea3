//! The parts of the "Compare outlets" view ([`super::outlets_view`]): a quote's versions with their
//! word differences (`quotes.rs`), and the tables of who and what each article covers (`coverage.rs`).

pub mod coverage;
pub mod quotes;

use super::entities::Target;
use crate::domain::model::article::Article;
use crate::domain::model::names::AnnotationId;
use crate::domain::model::span::Span;
use yew::prelude::*;

/// A click that shows `span` of `article` there: the annotation `tagged` is selected, and an untagged
/// place (a quotation found in the text) only opens the article at its line.
pub fn open_at(
    on_open: &Callback<Target>,
    article: &Article,
    span: Span,
    tagged: Option<&AnnotationId>,
) -> Callback<MouseEvent> {
    let line = article
        .paragraphs
        .get(article.paragraph_at(span.start()))
        .map_or(0, |p| p.start);
    let target = Target {
        article: article.id.clone(),
        annotation: tagged.cloned(),
        line,
    };
    on_open.reform(move |_: MouseEvent| target.clone())
}

/// `text` cut to at most `max` code points, with `…` when cut.
pub fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((byte, _)) => format!("{}…", text.get(..byte).unwrap_or(text).trim_end()),
        None => text.to_owned(),
    }
}
