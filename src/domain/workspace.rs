//! The workspace: the articles, their annotations, and the actions that change them.
//!
//! `apply` is the only way to change annotations. It does no I/O: ids and times arrive inside the action,
//! so the same actions always give the same state, and every change is recorded for undo.

pub use super::action::{Action, ActionError};
use super::annotation::{Annotation, AnnotationId, Label, LabelName};
use super::article::{Article, ArticleId};
use super::history::{Change, History, Put};
use super::span::Span;
use super::time::Timestamp;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// Sort key of an annotation within its article: text order, outer spans before the spans they contain.
type SpanKey = (usize, Reverse<usize>, AnnotationId);

fn span_key(a: &Annotation) -> SpanKey {
    (a.span.start(), Reverse(a.span.end()), a.id.clone())
}

/// Articles and annotations, with an undo history.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    articles: Vec<Rc<Article>>,
    annotations: HashMap<AnnotationId, Rc<Annotation>>,
    by_article: HashMap<ArticleId, BTreeSet<SpanKey>>,
    /// Each article's annotations in text order, built on first use after a change to that article.
    in_order: RefCell<HashMap<ArticleId, Rc<[Rc<Annotation>]>>>,
    history: History,
    revision: u64,
}

impl Workspace {
    /// A workspace over these articles, with no annotations.
    pub fn new(articles: Vec<Article>) -> Workspace {
        Workspace {
            articles: articles.into_iter().map(Rc::new).collect(),
            ..Workspace::default()
        }
    }

    /// A workspace that starts with stored annotations, which are checked like an import. Annotations
    /// that do not fit (unknown article, span past the end, repeated id) are returned instead of kept.
    pub fn restore(
        articles: Vec<Article>,
        annotations: Vec<Annotation>,
    ) -> (Workspace, Vec<(Annotation, ActionError)>) {
        let mut ws = Workspace::new(articles);
        let mut rejected = Vec::new();
        for a in annotations {
            match ws.check_new(&a) {
                Ok(()) => {
                    ws.put(&a.id.clone(), Some(Rc::new(a)));
                }
                Err(e) => rejected.push((a, e)),
            }
        }
        (ws, rejected)
    }

    /// Adds an article after the others; refused if its id is taken. Articles never change once added.
    pub fn add_article(&mut self, article: Article) -> Result<(), ActionError> {
        if self.article(&article.id).is_some() {
            return Err(ActionError::DuplicateArticle(
                article.id.as_str().to_owned(),
            ));
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

    /// Carries out an action. On error nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        match action {
            Action::Annotate(annotation) => {
                self.check_new(&annotation)?;
                let summary = format!("add {}", annotation.label.name().name());
                let id = annotation.id.clone();
                self.change(summary, None, vec![(id, Some(annotation))]);
            }
            Action::Relabel { id, label, at } => {
                let mut a = self.existing(&id)?;
                a.label = label;
                a.updated = at;
                self.change(
                    format!("relabel as {}", label.name().name()),
                    None,
                    vec![(id, Some(a))],
                );
            }
            Action::SetNote { id, note, at } => {
                let mut a = self.existing(&id)?;
                a.note = note;
                a.updated = at;
                self.change(
                    "edit note".into(),
                    Some((id.clone(), at)),
                    vec![(id, Some(a))],
                );
            }
            Action::Remove { id } => {
                let a = self.existing(&id)?;
                self.change(
                    format!("delete {}", a.label.name().name()),
                    None,
                    vec![(id, None)],
                );
            }
            Action::Import {
                annotations,
                replace,
            } => self.import(annotations, replace)?,
            Action::Undo => {
                let change = self
                    .history
                    .undo()
                    .ok_or(ActionError::NothingToUndo)?
                    .clone();
                for put in change.puts.iter().rev() {
                    self.put(&put.id, put.before.clone());
                }
            }
            Action::Redo => {
                let change = self
                    .history
                    .redo()
                    .ok_or(ActionError::NothingToRedo)?
                    .clone();
                for put in &change.puts {
                    self.put(&put.id, put.after.clone());
                }
            }
        }
        self.revision += 1;
        Ok(())
    }

    fn import(&mut self, annotations: Vec<Annotation>, replace: bool) -> Result<(), ActionError> {
        let mut seen = BTreeSet::new();
        for a in &annotations {
            self.check_fits(a)?;
            if !seen.insert(a.id.clone()) {
                return Err(ActionError::DuplicateId(a.id.as_str().to_owned()));
            }
        }
        let mut puts: Vec<(AnnotationId, Option<Annotation>)> = Vec::new();
        if replace {
            // In text order, article by article, so the change does not depend on the map's order.
            let gone = self.all().into_iter().filter(|a| !seen.contains(&a.id));
            puts.extend(gone.map(|a| (a.id.clone(), None)));
        }
        let count = annotations.len();
        puts.extend(annotations.into_iter().map(|a| (a.id.clone(), Some(a))));
        let verb = if replace { "replace with" } else { "import" };
        self.change(format!("{verb} {count} annotations"), None, puts);
        Ok(())
    }

    /// A copy of an existing annotation, to be changed and put back.
    fn existing(&self, id: &AnnotationId) -> Result<Annotation, ActionError> {
        self.annotations
            .get(id)
            .map(|a| Annotation::clone(a))
            .ok_or_else(|| ActionError::UnknownAnnotation(id.as_str().to_owned()))
    }

    fn check_fits(&self, a: &Annotation) -> Result<(), ActionError> {
        let article = self
            .article(&a.article)
            .ok_or_else(|| ActionError::UnknownArticle(a.article.as_str().to_owned()))?;
        if a.span.end() > article.char_len {
            return Err(ActionError::OutOfBounds {
                article: a.article.as_str().to_owned(),
                span: a.span,
                len: article.char_len,
            });
        }
        Ok(())
    }

    fn check_new(&self, a: &Annotation) -> Result<(), ActionError> {
        self.check_fits(a)?;
        if self.annotations.contains_key(&a.id) {
            return Err(ActionError::DuplicateId(a.id.as_str().to_owned()));
        }
        Ok(())
    }

    /// Writes the new states and records them, with their previous states, as one undoable change.
    fn change(
        &mut self,
        summary: String,
        typing: Option<(AnnotationId, Timestamp)>,
        puts: Vec<(AnnotationId, Option<Annotation>)>,
    ) {
        let puts = puts
            .into_iter()
            .map(|(id, after)| {
                let after = after.map(Rc::new);
                let before = self.put(&id, after.clone());
                Put { id, before, after }
            })
            .collect();
        self.history.record(Change {
            summary,
            puts,
            typing,
        });
    }

    /// Sets one annotation's state, keeping the per-article index in step; returns the previous state.
    fn put(&mut self, id: &AnnotationId, state: Option<Rc<Annotation>>) -> Option<Rc<Annotation>> {
        let in_order = self.in_order.get_mut();
        for touched in state.iter().chain(self.annotations.get(id)) {
            in_order.remove(&touched.article);
        }
        let before = match state {
            Some(a) => {
                self.by_article
                    .entry(a.article.clone())
                    .or_default()
                    .insert(span_key(&a));
                self.annotations.insert(id.clone(), a)
            }
            None => self.annotations.remove(id),
        };
        if let Some(old) = &before {
            let replaced_same_key = self
                .annotations
                .get(id)
                .is_some_and(|new| new.article == old.article && new.span == old.span);
            if !replaced_same_key {
                if let Some(set) = self.by_article.get_mut(&old.article) {
                    set.remove(&span_key(old));
                }
            }
        }
        before
    }
}

#[cfg(test)]
#[path = "tests/workspace.rs"]
mod tests;
