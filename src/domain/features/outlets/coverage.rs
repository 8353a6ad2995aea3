//! Who and what each article covers: the registry entries its entity mentions are linked to, and
//! the claims tagged in it, grouped across articles like the passages.

use super::grouping::group;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::model::registry::Entity;
use crate::domain::state::workspace::Workspace;
use std::rc::Rc;

/// One registry entry and its linked mentions in each article.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EntityRow {
    /// The entry.
    pub entity: Rc<Entity>,
    /// Per article (in list order), its mentions linked to the entry, in text order; empty where the
    /// article leaves the entry out.
    pub mentions: Vec<Vec<Rc<Annotation>>>,
}

/// Claims of several articles that say the same thing (at most one per article).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimRow {
    /// Per article (in list order), its claim of the group, or `None` where it leaves the claim out.
    pub claims: Vec<Option<Rc<Annotation>>>,
    /// The text of the group's first claim, to name the row.
    pub text: String,
}

impl ClaimRow {
    /// How many articles make the claim.
    pub fn count(&self) -> usize {
        self.claims.iter().flatten().count()
    }
}

/// Every registry entry, by name (ignoring case, then id), with its mentions in each of `articles`.
pub fn entity_rows(ws: &Workspace, articles: &[Rc<Article>]) -> Vec<EntityRow> {
    let mentions = ws.mentions();
    let mut order: Vec<(String, &Rc<Entity>)> = ws
        .entities()
        .map(|entity| (entity.name.to_lowercase(), entity))
        .collect();
    // Ids are unique, so an unstable sort gives one order.
    order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    order
        .into_iter()
        .map(|(_, entity)| {
            let list = mentions.get(&entity.id).map_or(&[][..], Vec::as_slice);
            EntityRow {
                entity: Rc::clone(entity),
                mentions: articles
                    .iter()
                    .map(|article| {
                        list.iter()
                            .filter(|m| m.article == article.id)
                            .cloned()
                            .collect()
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The tagged claims of `articles`, grouped across them by [`group`]: a claim no other article makes
/// is a row of its own. Rows made by more articles come first, then in the order of their first
/// claim (articles in list order, each in text order).
pub fn claim_rows(ws: &Workspace, articles: &[Rc<Article>]) -> Vec<ClaimRow> {
    let claims: Vec<(usize, Rc<Annotation>, &str)> = articles
        .iter()
        .enumerate()
        .flat_map(|(column, article)| {
            ws.in_article(&article.id)
                .iter()
                .filter(|a| a.label == Label::Claim)
                .map(|a| {
                    (
                        column,
                        Rc::clone(a),
                        article.slice(a.span.start(), a.span.end()),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let items: Vec<(usize, &str)> = claims.iter().map(|(c, _, text)| (*c, *text)).collect();
    let rows: Vec<ClaimRow> = group(&items)
        .into_iter()
        .map(|members| {
            let mut row = ClaimRow {
                claims: vec![None; articles.len()],
                text: String::new(),
            };
            for (column, claim, text) in members.iter().filter_map(|&i| claims.get(i)) {
                if row.text.is_empty() {
                    (*text).clone_into(&mut row.text);
                }
                if let Some(slot) = row.claims.get_mut(*column) {
                    *slot = Some(Rc::clone(claim));
                }
            }
            row
        })
        .collect();
    most_first(rows, articles.len(), ClaimRow::count)
}

/// `rows` with those of the largest `size` first, keeping their order otherwise (sizes are at most
/// `max`): a pass per size rather than a sort, which the small sizes make cheap.
pub(super) fn most_first<T>(rows: Vec<T>, max: usize, size: impl Fn(&T) -> usize) -> Vec<T> {
    let mut by_size: Vec<Vec<T>> = (0..=max).map(|_| Vec::new()).collect();
    for row in rows {
        let at = size(&row).min(max);
        if let Some(slot) = by_size.get_mut(at) {
            slot.push(row);
        }
    }
    by_size.into_iter().rev().flatten().collect()
}
