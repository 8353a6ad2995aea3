//! Registry proposals: places that are probably mentions of a registry entry, and unlinked mentions that
//! look like one new entry. The person accepts or rejects each; nothing here changes the workspace.
//!
//! Likeness comes from [`similarity`](crate::domain::features::similarity): the same text, a shared word, a spelling a few
//! edits away ("Besant" / "Bessent") or a shortened word ("Bess" / "Bessent"). Proposals for one entry
//! scan every article's text, so the view asks for them one entry at a time.

use crate::domain::features::similarity::{alike_runs, groups, likeness, name_words, Likeness};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, EntityKind};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::state::workspace::Workspace;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A place that is probably a mention of an entry.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    /// The entry.
    pub entity: EntityId,
    /// The article of the place.
    pub article: ArticleId,
    /// The place, in code points.
    pub span: Span,
    /// The text there.
    pub text: String,
    /// The entity annotation already there (not linked to a registry entry), or `None` for text nobody
    /// tagged yet: accepting it tags it.
    pub mention: Option<AnnotationId>,
    /// Why it looks like the entry.
    pub likeness: Likeness,
    /// The name or spelling of the entry it looks like.
    pub like: String,
}

/// Unlinked entity mentions that look like one entry nobody made yet.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewEntry {
    /// The proposed name: the spelling with the most words, then the most used.
    pub name: String,
    /// The kind most of the mentions have.
    pub kind: EntityKind,
    /// The mentions, articles in list order and each in text order.
    pub mentions: Vec<Rc<Annotation>>,
    /// Each spelling with how many mentions use it, most used first.
    pub spellings: Vec<(String, usize)>,
}

/// The places in any article that look like mentions of `entity` and are not linked to it yet, nor
/// rejected for it: unlinked entity mentions, and untagged runs of capitalised words. Strongest first,
/// then in article and text order.
pub fn candidates_for(ws: &Workspace, entity: &EntityId) -> Vec<Candidate> {
    let Some(entry) = ws.entity(entity) else {
        return Vec::new();
    };
    let names = names_of(ws, entry);
    let words: Vec<String> = names.iter().flat_map(|n| name_words(n)).collect();
    let mut out = Vec::new();
    for (order, article) in ws.articles().iter().enumerate() {
        let annotations = ws.in_article(&article.id);
        let entities: Vec<&Rc<Annotation>> = annotations
            .iter()
            .filter(|a| a.label.kind().is_some())
            .collect();
        let rejected = |span: Span| entry.rejected.contains(&(article.id.clone(), span));
        let mut add = |span: Span, mention: Option<AnnotationId>| {
            let text = article.slice(span.start(), span.end()).to_owned();
            if let Some((likeness, like)) = best_likeness(&text, &names) {
                out.push((
                    order,
                    candidate(entity, &article.id, span, text, mention, likeness, like),
                ));
            }
        };
        for m in &entities {
            if m.attrs.entity.is_none() && !rejected(m.span) {
                add(m.span, Some(m.id.clone()));
            }
        }
        for span in alike_runs(&article.text, &words) {
            let tagged = entities.iter().any(|m| m.span.overlaps(span));
            if !tagged && !rejected(span) {
                add(span, None);
            }
        }
    }
    out.sort_by(|(ao, a), (bo, b)| {
        let key = |c: &Candidate| std::cmp::Reverse(c.likeness.strength());
        key(a)
            .cmp(&key(b))
            .then(ao.cmp(bo))
            .then(a.span.cmp(&b.span))
    });
    out.into_iter().map(|(_, c)| c).collect()
}

/// Groups of two or more entity mentions, linked to no entry, whose texts look alike (transitively),
/// in any articles: each could become one new entry.
pub fn new_entries(ws: &Workspace) -> Vec<NewEntry> {
    let unlinked: Vec<(Rc<Annotation>, String)> = ws
        .articles()
        .iter()
        .flat_map(|article| {
            ws.in_article(&article.id)
                .iter()
                .filter(|a| a.label.kind().is_some() && a.attrs.entity.is_none())
                .map(|a| {
                    let text = article.slice(a.span.start(), a.span.end()).to_owned();
                    (Rc::clone(a), text)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let names: Vec<&str> = unlinked.iter().map(|(_, t)| t.as_str()).collect();
    groups(&names)
        .into_iter()
        .map(|group| {
            let members: Vec<&(Rc<Annotation>, String)> =
                group.iter().filter_map(|&i| unlinked.get(i)).collect();
            new_entry(&members)
        })
        .collect()
}

/// The entry's names and the spellings its mentions use.
fn names_of(ws: &Workspace, entry: &Entity) -> Vec<String> {
    let mut names: Vec<String> = entry.names().map(str::to_owned).collect();
    let mentions = ws
        .all()
        .into_iter()
        .filter(|a| a.attrs.entity.as_ref() == Some(&entry.id));
    for m in mentions {
        if let Some(article) = ws.article(&m.article) {
            let text = article.slice(m.span.start(), m.span.end());
            if !names.iter().any(|n| n == text) {
                names.push(text.to_owned());
            }
        }
    }
    names
}

/// The strongest likeness of `text` to any of `names`, and that name.
fn best_likeness(text: &str, names: &[String]) -> Option<(Likeness, String)> {
    names
        .iter()
        .filter_map(|n| likeness(text, n).map(|l| (l, n.clone())))
        .max_by_key(|(l, _)| l.strength())
}

fn candidate(
    entity: &EntityId,
    article: &ArticleId,
    span: Span,
    text: String,
    mention: Option<AnnotationId>,
    likeness: Likeness,
    like: String,
) -> Candidate {
    Candidate {
        entity: entity.clone(),
        article: article.clone(),
        span,
        text,
        mention,
        likeness,
        like,
    }
}

/// One proposed entry from its mentions and their texts.
fn new_entry(members: &[&(Rc<Annotation>, String)]) -> NewEntry {
    let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
    for (a, text) in members {
        *spellings.entry(text.as_str()).or_default() += 1;
        if let Some(kind) = a.label.kind() {
            *kinds.entry(kind).or_default() += 1;
        }
    }
    let name = spellings
        .iter()
        .max_by_key(|(text, count)| (text.split_whitespace().count(), **count))
        .map(|(text, _)| (*text).to_owned())
        .unwrap_or_default();
    let kind = kinds
        .iter()
        .max_by_key(|(_, count)| **count)
        .map_or(EntityKind::Other, |(kind, _)| *kind);
    let mut spellings: Vec<(String, usize)> = spellings
        .into_iter()
        .map(|(text, count)| (text.to_owned(), count))
        .collect();
    spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    NewEntry {
        name,
        kind,
        mentions: members.iter().map(|(a, _)| Rc::clone(a)).collect(),
        spellings,
    }
}

#[cfg(test)]
#[path = "../tests/candidates.rs"]
mod tests;
