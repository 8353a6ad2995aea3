//! What the Entities view shows of the text: an entry's mentions grouped by article and spelling, and a
//! short excerpt around a place.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::ArticleId;
use crate::domain::model::span::Span;
use crate::domain::state::workspace::Workspace;
use std::rc::Rc;

/// The code points of context shown on each side of a place.
const CONTEXT: usize = 36;

/// The most code points of an article title shown beside a mention.
const TITLE: usize = 42;

/// A place in an article with a little of the text around it, all on its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The article's id.
    pub article: ArticleId,
    /// The article's title, shortened.
    pub title: String,
    /// Text before the place (with `…` when cut).
    pub before: String,
    /// The place's own text.
    pub text: String,
    /// Text after the place (with `…` when cut).
    pub after: String,
    /// Code point where the place's line starts, for scrolling to it.
    pub line: usize,
}

/// The mentions of one spelling in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Spelling {
    /// The text of the mentions.
    pub text: String,
    /// The mentions, in text order.
    pub mentions: Vec<Rc<Annotation>>,
}

/// One article's mentions of an entry.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleMentions {
    /// The article's id.
    pub article: ArticleId,
    /// The article's title, shortened.
    pub title: String,
    /// The spellings used there, most used first (then in order of first use).
    pub spellings: Vec<Spelling>,
}

/// `mentions` (articles in list order, each in text order, as [`Workspace::mentions`] gives them),
/// grouped by article and, within one, by spelling.
pub fn by_article(ws: &Workspace, mentions: &[Rc<Annotation>]) -> Vec<ArticleMentions> {
    let mut out: Vec<ArticleMentions> = Vec::new();
    for m in mentions {
        let Some(article) = ws.article(&m.article) else {
            continue;
        };
        let text = article.slice(m.span.start(), m.span.end());
        if out.last().is_none_or(|last| last.article != m.article) {
            out.push(ArticleMentions {
                article: m.article.clone(),
                title: short_title(&article.title),
                spellings: Vec::new(),
            });
        }
        let Some(group) = out.last_mut() else {
            continue;
        };
        match group.spellings.iter_mut().find(|s| s.text == text) {
            Some(spelling) => spelling.mentions.push(Rc::clone(m)),
            None => group.spellings.push(Spelling {
                text: text.to_owned(),
                mentions: vec![Rc::clone(m)],
            }),
        }
    }
    for group in &mut out {
        // Stable: equal counts keep the order of first use.
        group
            .spellings
            .sort_by_key(|s| std::cmp::Reverse(s.mentions.len()));
    }
    out
}

/// The place `span` of `article` with up to [`CONTEXT`] code points of its line on each side.
pub fn excerpt(article: &Article, span: Span) -> Excerpt {
    let line = article
        .paragraphs
        .get(article.paragraph_at(span.start()))
        .map_or((0, article.char_len), |p| (p.start, p.end));
    let from = span.start().saturating_sub(CONTEXT).max(line.0);
    let to = (span.end() + CONTEXT).min(line.1.max(span.end()));
    let ellipsis = |cut: bool| if cut { "…" } else { "" };
    Excerpt {
        article: article.id.clone(),
        title: short_title(&article.title),
        before: format!(
            "{}{}",
            ellipsis(from > line.0),
            article.slice(from, span.start()).trim_start()
        ),
        text: article.slice(span.start(), span.end()).to_owned(),
        after: format!(
            "{}{}",
            article.slice(span.end(), to).trim_end(),
            ellipsis(to < line.1)
        ),
        line: line.0,
    }
}

/// A title cut to [`TITLE`] code points, with `…` when cut.
pub fn short_title(title: &str) -> String {
    if title.chars().count() <= TITLE {
        return title.to_owned();
    }
    let mut short: String = title.chars().take(TITLE - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

#[cfg(test)]
#[path = "../tests/registry_summary.rs"]
mod tests;
