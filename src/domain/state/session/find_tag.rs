//! Find and tag: the hits of a search in one article or all of them, which are already tagged, and the
//! annotations that tag the rest in one step.

use super::{Notice, Session};
use crate::domain::features::find::{find_all, FindOptions, MAX_HITS};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::Attributes;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};

/// One occurrence of the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article it is in.
    pub article: ArticleId,
    /// Where.
    pub span: Span,
}

/// Every occurrence of `query` in the article `only`, or in all articles in list order when `None`;
/// at most [`MAX_HITS`] in all.
pub fn find_hits(
    ws: &Workspace,
    query: &str,
    options: FindOptions,
    only: Option<&ArticleId>,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    for article in ws.articles() {
        if only.is_some_and(|id| *id != article.id) {
            continue;
        }
        let room = MAX_HITS.saturating_sub(hits.len());
        hits.extend(
            find_all(&article.text, query, options)
                .into_iter()
                .take(room)
                .map(|span| Hit {
                    article: article.id.clone(),
                    span,
                }),
        );
        if hits.len() >= MAX_HITS {
            break;
        }
    }
    hits
}

/// The labels a hit is already tagged with (annotations with exactly its span), from `labels`.
pub fn tagged_as(ws: &Workspace, hit: &Hit, labels: &[Label]) -> Vec<Label> {
    labels
        .iter()
        .copied()
        .filter(|&l| ws.has_span(&hit.article, hit.span, l))
        .collect()
}

/// New annotations with `label` for the hits not yet tagged with it, each with an id from `new_id`
/// and, for an entity label, the registry entry `entity`.
pub fn tag_hits(
    ws: &Workspace,
    hits: &[Hit],
    label: Label,
    entity: Option<&EntityId>,
    mut new_id: impl FnMut() -> AnnotationId,
    at: Timestamp,
) -> Vec<Annotation> {
    hits.iter()
        .filter(|h| !ws.has_span(&h.article, h.span, label))
        .map(|h| Annotation {
            id: new_id(),
            article: h.article.clone(),
            span: h.span,
            label,
            note: String::new(),
            attrs: Attributes {
                entity: entity.filter(|_| label.kind().is_some()).cloned(),
                ..Attributes::default()
            },
            created: at,
            updated: at,
        })
        .collect()
}

impl Session {
    /// Adds the annotations of a find-and-tag as one undo step, and says how many and where.
    pub(super) fn tag_all(&mut self, annotations: Vec<Annotation>) {
        let Some(first) = annotations.first() else {
            self.notice = Some(Notice::Info(
                "Nothing to tag: every hit has that label already.".into(),
            ));
            return;
        };
        let label = super::label_word(first.label);
        let count = annotations.len();
        let mut articles: Vec<&ArticleId> = annotations.iter().map(|a| &a.article).collect();
        articles.sort();
        articles.dedup();
        let places = articles.len();
        let message = format!(
            "Tagged {count} as {label} in {places} article{}. One undo removes them all.",
            if places == 1 { "" } else { "s" }
        );
        if self.edit(Action::AnnotateAll(annotations)) {
            self.notice = Some(Notice::Info(message));
        }
    }
}
