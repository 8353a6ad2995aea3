//! The workspace: the articles, their annotations, and the actions that change them.
//!
//! `apply` is the only way to change annotations. It does no I/O: ids and times arrive inside the action,
//! so the same actions always give the same state, and every change is recorded for undo.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, Label, LabelName};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
pub use crate::domain::state::action::{Action, ActionError};
use crate::domain::state::graves::Graves;
use crate::domain::state::history::History;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

mod adopt;
mod apply;
mod burial;
mod checks;
mod import;
mod slots;
pub mod snapshot;
pub use snapshot::Snapshot;

/// Sort key of an annotation within its article: text order, outer spans before the spans they contain.
type SpanKey = (usize, Reverse<usize>, AnnotationId);

fn span_key(a: &Annotation) -> SpanKey {
    (a.span.start(), Reverse(a.span.end()), a.id.clone())
}

/// Articles, annotations and the entity registry, with an undo history.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    articles: Vec<Rc<Article>>,
    annotations: HashMap<AnnotationId, Rc<Annotation>>,
    by_article: HashMap<ArticleId, BTreeSet<SpanKey>>,
    /// Each article's annotations in text order, built on first use after a change to that article.
    in_order: RefCell<HashMap<ArticleId, Rc<[Rc<Annotation>]>>>,
    entities: BTreeMap<EntityId, Rc<Entity>>,
    history: History,
    revision: u64,
    /// The records deleted, and when (see [`crate::domain::state::graves`]).
    graves: Rc<Graves>,
    /// The latest time of any record or grave the workspace has held: the time its deletes get.
    clock: Timestamp,
}

/// A workspace rebuilt from saved records, and what did not fit.
#[derive(Debug)]
pub struct Restored {
    /// The workspace.
    pub workspace: Workspace,
    /// Annotations left out (unknown article, span past the end, repeated id), with why.
    pub dropped: Vec<(Annotation, ActionError)>,
    /// Annotations kept without a link or registry entry that did not fit, with why.
    pub cut: Vec<(AnnotationId, ActionError)>,
}

impl Workspace {
    /// A workspace over these articles, with no annotations.
    pub fn new(articles: Vec<Article>) -> Workspace {
        let mut ws = Workspace {
            articles: articles.into_iter().map(Rc::new).collect(),
            ..Workspace::default()
        };
        let added = ws.articles.iter().filter_map(|a| burial::own_time(a));
        ws.clock = added.max().unwrap_or_default();
        ws
    }

    /// A workspace that starts with stored entries and annotations, checked like an import, with no
    /// history. Annotations that do not fit (unknown article, span past the end, repeated id) are left
    /// out; a link or registry entry that does not fit is cut from its annotation, which stays.
    pub fn restore(
        articles: Vec<Article>,
        entities: Vec<Entity>,
        annotations: Vec<Annotation>,
    ) -> Restored {
        let mut ws = Workspace::new(articles);
        for e in entities {
            ws.see(e.updated);
            ws.entities.insert(e.id.clone(), Rc::new(e));
        }
        let mut dropped = Vec::new();
        let mut kept = Vec::new();
        for a in annotations {
            match ws.check_new(&a) {
                Ok(()) => {
                    kept.push(a.id.clone());
                    ws.put_annotation(&a.id.clone(), Some(Rc::new(a)));
                }
                Err(e) => dropped.push((a, e)),
            }
        }
        let mut cut = Vec::new();
        for id in kept {
            let Some(a) = ws.annotations.get(&id) else {
                continue;
            };
            if let Err(e) = ws.check_attrs(a, |id| ws.annotations.get(id).cloned()) {
                let mut fixed = Annotation::clone(a);
                ws.cut_attrs(&mut fixed);
                ws.put_annotation(&id, Some(Rc::new(fixed)));
                cut.push((id, e));
            }
        }
        Restored {
            workspace: ws,
            dropped,
            cut,
        }
    }

    /// Adds an article after the others, outside the undo history and never saved as the person's own
    /// (the benchmark's fixture); refused if its id is taken. Use [`Action::AddArticle`] for the person's.
    pub fn add_article(&mut self, article: Article) -> Result<(), ActionError> {
        if self.article(&article.id).is_some() {
            return Err(ActionError::DuplicateArticle(
                article.id.as_str().to_owned(),
            ));
        }
        if let Some(added) = burial::own_time(&article) {
            self.see(added);
        }
        self.articles.push(Rc::new(article));
        self.revision += 1;
        Ok(())
    }

    /// All articles, in list order.
    pub fn articles(&self) -> &[Rc<Article>] {
        &self.articles
    }

    /// The article with this id.
    pub fn article(&self, id: &ArticleId) -> Option<&Rc<Article>> {
        self.articles.iter().find(|a| &a.id == id)
    }

    /// The annotation with this id.
    pub fn annotation(&self, id: &AnnotationId) -> Option<&Rc<Annotation>> {
        self.annotations.get(id)
    }

    /// Every annotation, in no particular order.
    pub fn annotations(&self) -> impl Iterator<Item = &Rc<Annotation>> {
        self.annotations.values()
    }

    /// Number of annotations in all articles.
    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    /// Whether there are no annotations at all.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
    }

    /// Every annotation of every article, articles in list order and each in text order.
    pub fn all(&self) -> Vec<Rc<Annotation>> {
        self.articles
            .iter()
            .flat_map(|article| self.in_article(&article.id).to_vec())
            .collect()
    }

    /// An article's annotations in text order (by start; a span before the spans nested in it).
    ///
    /// The list is kept between calls and rebuilt only after a change to that article, and an unchanged
    /// list is the same `Rc`, so views can compare it by pointer.
    pub fn in_article(&self, article: &ArticleId) -> Rc<[Rc<Annotation>]> {
        if let Some(list) = self.in_order.borrow().get(article) {
            return Rc::clone(list);
        }
        let list: Rc<[Rc<Annotation>]> = self
            .by_article
            .get(article)
            .into_iter()
            .flatten()
            .filter_map(|(_, _, id)| self.annotations.get(id).cloned())
            .collect();
        self.in_order
            .borrow_mut()
            .insert(article.clone(), Rc::clone(&list));
        list
    }

    /// The annotations of an article that cover the code point `pos`, in text order.
    pub fn covering(&self, article: &ArticleId, pos: usize) -> Vec<Rc<Annotation>> {
        let list = self.in_article(article);
        let before = list.partition_point(|a| a.span.start() <= pos);
        list.iter()
            .take(before)
            .filter(|a| a.span.contains(pos))
            .cloned()
            .collect()
    }

    /// Whether the article has an annotation with this span and label, whatever its id.
    ///
    /// Looks in the article's index rather than its cached list, so that a run of imports (each one
    /// a change that drops the cache) does not rebuild the list for every check.
    pub fn has_span(&self, article: &ArticleId, span: Span, label: Label) -> bool {
        let Some(index) = self.by_article.get(article) else {
            return false;
        };
        let from = (span.start(), Reverse(span.end()), AnnotationId::from(""));
        index
            .range(from..)
            .take_while(|(start, end, _)| *start == span.start() && end.0 == span.end())
            .any(|(_, _, id)| self.annotations.get(id).is_some_and(|a| a.label == label))
    }

    /// How many claims, quotes and entities an article has, in [`LabelName::ALL`] order.
    pub fn counts(&self, article: &ArticleId) -> [usize; 3] {
        let mut counts = [0; 3];
        for a in self.in_article(article).iter() {
            let slot = LabelName::ALL.iter().position(|l| *l == a.label.name());
            if let Some(count) = slot.and_then(|i| counts.get_mut(i)) {
                *count += 1;
            }
        }
        counts
    }

    /// The registry entry with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&Rc<Entity>> {
        self.entities.get(id)
    }

    /// Every registry entry, by id.
    pub fn entities(&self) -> impl Iterator<Item = &Rc<Entity>> {
        self.entities.values()
    }

    /// Each registry entry's mentions, articles in list order and each in text order. Entries with no
    /// mention are absent.
    pub fn mentions(&self) -> BTreeMap<EntityId, Vec<Rc<Annotation>>> {
        let mut out: BTreeMap<EntityId, Vec<Rc<Annotation>>> = BTreeMap::new();
        for a in self.all() {
            if let Some(entity) = &a.attrs.entity {
                out.entry(entity.clone()).or_default().push(a);
            }
        }
        out
    }

    /// The annotations whose source is `id`, in text order.
    pub fn links_to(&self, id: &AnnotationId) -> Vec<Rc<Annotation>> {
        let Some(target) = self.annotations.get(id) else {
            return Vec::new();
        };
        self.in_article(&target.article)
            .iter()
            .filter(|a| a.attrs.source.as_ref() == Some(id))
            .cloned()
            .collect()
    }

    /// The annotation that `a` names as its source.
    pub fn source_of(&self, a: &Annotation) -> Option<&Rc<Annotation>> {
        self.annotations.get(a.attrs.source.as_ref()?)
    }

    /// Grows with every change, including undo and redo; cheap to compare.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The summary of what undo would revert.
    pub fn next_undo(&self) -> Option<&str> {
        self.history.next_undo()
    }

    /// The summary of what redo would re-apply.
    pub fn next_redo(&self) -> Option<&str> {
        self.history.next_redo()
    }
}

#[cfg(test)]
#[path = "../tests/workspace.rs"]
mod tests;

#[cfg(test)]
#[path = "../tests/workspace_links.rs"]
mod links_tests;

#[cfg(test)]
#[path = "../tests/workspace_registry.rs"]
mod registry_tests;
