//! Writing a batch of checked annotations in one step: a file's records (with the articles and registry
//! entries it brings), or every occurrence of a search.

use super::checks::fits;
use super::slots::{put, Write};
use super::{ActionError, Workspace};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId};
use crate::domain::model::registry::Entity;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

impl Workspace {
    /// Writes a file's records in one step; see [`Action::Import`].
    pub(super) fn import(
        &mut self,
        articles: Vec<Article>,
        entities: Vec<Entity>,
        annotations: Vec<Annotation>,
        replace: bool,
    ) -> Result<(), ActionError> {
        let mut writes = Vec::new();
        for article in articles {
            match self.article(&article.id) {
                Some(have) if have.text == article.text => {}
                Some(_) => {
                    return Err(ActionError::DuplicateArticle(
                        article.id.as_str().to_owned(),
                    ))
                }
                None => writes.push(Write::Article(article.id.clone(), Some(article))),
            }
        }
        // Articles first, so that the annotations on them fit.
        let added: Vec<Article> = writes
            .iter()
            .filter_map(|w| match w {
                Write::Article(_, Some(a)) => Some(a.clone()),
                _ => None,
            })
            .collect();
        let mut staged = self.clone_for_check(added);
        let entity_ids: BTreeSet<EntityId> = entities.iter().map(|e| e.id.clone()).collect();
        if replace {
            let gone = self.entities.keys().filter(|id| !entity_ids.contains(*id));
            writes.extend(gone.map(|id| Write::Entity(id.clone(), None)));
        }
        for e in &entities {
            staged.entities.insert(e.id.clone(), Rc::new(e.clone()));
        }
        writes.extend(
            entities
                .into_iter()
                .map(|e| Write::Entity(e.id.clone(), Some(e))),
        );
        let count = annotations.len();
        let how = if replace {
            Batch::Replace
        } else {
            Batch::Merge
        };
        writes.extend(staged.checked_batch(annotations, how, &self.annotations)?);
        if replace {
            // In text order, article by article, so the change does not depend on the map's order.
            let kept: BTreeSet<&AnnotationId> = writes
                .iter()
                .filter_map(|w| match w {
                    Write::Annotation(id, _) => Some(id),
                    _ => None,
                })
                .collect();
            let gone: Vec<Write> = self
                .all()
                .into_iter()
                .filter(|a| !kept.contains(&a.id))
                .map(|a| Write::Annotation(a.id.clone(), None))
                .collect();
            writes.splice(0..0, gone);
        }
        let verb = if replace { "replace with" } else { "import" };
        self.change(format!("{verb} {count} annotations"), None, writes);
        Ok(())
    }

    /// A copy of the articles (with these added) and entries, without annotations, for checking a
    /// batch against: copying the annotations would make a run of imports quadratic.
    fn clone_for_check(&self, articles: Vec<Article>) -> Workspace {
        let mut staged = Workspace {
            articles: self.articles.clone(),
            entities: self.entities.clone(),
            ..Workspace::default()
        };
        staged.articles.extend(articles.into_iter().map(Rc::new));
        staged
    }

    /// Checks a batch of annotations against the workspace's articles and entries, the `existing`
    /// annotations and each other (their links may point within the batch).
    pub(super) fn checked_batch(
        &self,
        list: Vec<Annotation>,
        how: Batch,
        existing: &HashMap<AnnotationId, Rc<Annotation>>,
    ) -> Result<Vec<Write>, ActionError> {
        let batch: HashMap<AnnotationId, Rc<Annotation>> = list
            .iter()
            .map(|a| (a.id.clone(), Rc::new(a.clone())))
            .collect();
        // By id, so that checking takes the same time however many articles there are.
        let articles: HashMap<&ArticleId, &Article> =
            self.articles.iter().map(|a| (&a.id, &**a)).collect();
        let mut seen = BTreeSet::new();
        for a in &list {
            fits(a, articles.get(&a.article).copied())?;
            if matches!(how, Batch::New) && existing.contains_key(&a.id) {
                return Err(ActionError::DuplicateId(a.id.as_str().to_owned()));
            }
            if !seen.insert(a.id.clone()) {
                return Err(ActionError::DuplicateId(a.id.as_str().to_owned()));
            }
            self.check_attrs(a, |id| {
                let kept = || match how {
                    Batch::Replace => None,
                    Batch::New | Batch::Merge => existing.get(id).cloned(),
                };
                batch.get(id).cloned().or_else(kept)
            })?;
        }
        Ok(list.into_iter().map(put).collect())
    }
}

/// How a batch of annotations is checked.
#[derive(Clone, Copy)]
pub(super) enum Batch {
    /// Every id must be new (tagging).
    New,
    /// Ids may overwrite annotations, whose links still count (merging a file).
    Merge,
    /// Only the batch will be left, so only its annotations count for links (replacing with a file).
    Replace,
}
