//! Comparing outlets (issue 6): one story told by several articles. The quotations that appear in
//! more than one article, lined up with their word-level differences, and which registry entries and
//! claims each article mentions or leaves out.
//!
//! `outlets/passages.rs` finds each article's passages (tagged quotes and text between quotation
//! marks), `outlets/grouping.rs` groups texts of several articles that share most of their words,
//! `outlets/diff.rs` lines up two versions word by word, and `outlets/coverage.rs` builds the
//! entries × articles and claims × articles tables. It reads the workspace and changes nothing.

pub mod coverage;
pub mod diff;
pub mod grouping;
pub mod passages;

use crate::domain::model::article::Article;
use crate::domain::model::names::ArticleId;
use crate::domain::state::workspace::Workspace;
use coverage::{claim_rows, entity_rows, ClaimRow, EntityRow};
use passages::{passages, Passage};
use std::rc::Rc;

/// The versions of one passage in several articles.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuoteGroup {
    /// One passage per article (at least two), articles in list order.
    pub versions: Vec<Passage>,
}

/// Everything the "Compare outlets" view shows, at one revision of the workspace. Made in the web
/// worker ([`crate::domain::offload`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Comparison {
    /// The articles compared (every article, in list order): the columns of the tables.
    pub articles: Vec<Rc<Article>>,
    /// The passages found in more than one article: more articles first, then in the order of the
    /// first version (articles in list order, each in text order).
    pub quotes: Vec<QuoteGroup>,
    /// Each registry entry and where it is mentioned.
    pub entities: Vec<EntityRow>,
    /// Each group of alike claims and which articles make it.
    pub claims: Vec<ClaimRow>,
}

impl Comparison {
    /// The title of the article `id`, or its id if it is not compared.
    pub fn title<'a>(&'a self, id: &'a ArticleId) -> &'a str {
        self.articles
            .iter()
            .find(|a| &a.id == id)
            .map_or(id.as_str(), |a| a.title.as_str())
    }
}

/// Compares every article of `ws`: see [`Comparison`]. At most
/// [`MAX_PASSAGES`](passages::MAX_PASSAGES) passages per article are compared.
pub fn compare(ws: &Workspace) -> Comparison {
    let articles: Vec<Rc<Article>> = ws.articles().to_vec();
    let found: Vec<(usize, Passage)> = articles
        .iter()
        .enumerate()
        .flat_map(|(column, article)| passages(ws, article).into_iter().map(move |p| (column, p)))
        .collect();
    let items: Vec<(usize, &str)> = found.iter().map(|(c, p)| (*c, p.text.as_str())).collect();
    let quotes: Vec<QuoteGroup> = grouping::group(&items)
        .into_iter()
        .filter(|members| members.len() >= 2)
        .map(|members| QuoteGroup {
            versions: members
                .iter()
                .filter_map(|&i| found.get(i).map(|(_, p)| p.clone()))
                .collect(),
        })
        .collect();
    let quotes = coverage::most_first(quotes, articles.len(), |g| g.versions.len());
    Comparison {
        entities: entity_rows(ws, &articles),
        claims: claim_rows(ws, &articles),
        quotes,
        articles,
    }
}

#[cfg(test)]
#[path = "../tests/outlets.rs"]
mod tests;
