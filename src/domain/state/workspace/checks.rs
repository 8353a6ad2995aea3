//! The checks an annotation must pass before it is written, the links that go when one changes, and
//! the checked copies of existing records that edits start from.

use super::slots::{put, Write};
use super::{ActionError, Workspace};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::attributes::{CheckStatus, LinkKind};
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

impl Workspace {
    /// Its article exists and its span fits in it.
    pub(super) fn check_fits(&self, a: &Annotation) -> Result<(), ActionError> {
        fits(a, self.article(&a.article).map(|r| &**r))
    }

    /// It fits and its id is free.
    pub(super) fn check_new(&self, a: &Annotation) -> Result<(), ActionError> {
        self.check_fits(a)?;
        if self.annotations.contains_key(&a.id) {
            return Err(ActionError::DuplicateId(a.id.as_str().to_owned()));
        }
        Ok(())
    }

    /// Its attributes fit its label, its source (found with `lookup`) is an annotation of the same
    /// article that its label may cite, and its registry entry exists.
    pub(super) fn check_attrs(
        &self,
        a: &Annotation,
        lookup: impl Fn(&AnnotationId) -> Option<Rc<Annotation>>,
    ) -> Result<(), ActionError> {
        let bad = |reason: String| ActionError::BadLink {
            id: a.id.as_str().to_owned(),
            reason,
        };
        let claim = a.label == Label::Claim;
        if !claim && (a.attrs.attribution.is_some() || a.attrs.check != CheckStatus::Unchecked) {
            return Err(bad(
                "only claims have an attribution and a check status".into()
            ));
        }
        if a.attrs.entity.is_some() && a.label.kind().is_none() {
            return Err(ActionError::NotAMention(a.id.as_str().to_owned()));
        }
        if let Some(source) = &a.attrs.source {
            if a.label.kind().is_some() {
                return Err(bad(LinkKind::rule(a.label).into()));
            }
            let target = lookup(source)
                .ok_or_else(|| bad(format!("its source \"{}\" does not exist", source.as_str())))?;
            if target.id == a.id {
                return Err(bad("it cannot be its own source".into()));
            }
            if target.article != a.article {
                return Err(bad("its source must be in the same article".into()));
            }
            if LinkKind::between(a.label, target.label).is_none() {
                return Err(bad(LinkKind::rule(a.label).into()));
            }
        }
        if let Some(entity) = &a.attrs.entity {
            if !self.entities.contains_key(entity) {
                return Err(ActionError::UnknownEntity(entity.as_str().to_owned()));
            }
        }
        Ok(())
    }

    /// Removes from `a` the attributes that do not fit its label, a source that is missing or no
    /// longer fits, and a registry entry that is missing.
    pub(super) fn cut_attrs(&self, a: &mut Annotation) {
        a.attrs.fit(a.label);
        let source_fits = a.attrs.source.as_ref().is_none_or(|s| {
            self.annotations.get(s).is_some_and(|t| {
                t.id != a.id
                    && t.article == a.article
                    && LinkKind::between(a.label, t.label).is_some()
            })
        });
        if !source_fits {
            a.attrs.source = None;
        }
        if a.attrs
            .entity
            .as_ref()
            .is_some_and(|e| !self.entities.contains_key(e))
        {
            a.attrs.entity = None;
        }
    }

    /// The annotations that link to `id` and could not once it has `label` (`None`: once it is gone),
    /// each without that link.
    pub(super) fn links_cut(&self, id: &AnnotationId, label: Option<Label>) -> Vec<Annotation> {
        self.links_to(id)
            .iter()
            .filter(|from| label.is_none_or(|l| LinkKind::between(from.label, l).is_none()))
            .map(|from| {
                let mut kept = Annotation::clone(from);
                kept.attrs.source = None;
                kept
            })
            .collect()
    }

    /// A copy of an existing annotation, to be changed and put back.
    pub(super) fn existing(&self, id: &AnnotationId) -> Result<Annotation, ActionError> {
        self.annotations
            .get(id)
            .map(|a| Annotation::clone(a))
            .ok_or_else(|| ActionError::UnknownAnnotation(id.as_str().to_owned()))
    }

    /// A copy of an existing claim.
    pub(super) fn claim(&self, id: &AnnotationId) -> Result<Annotation, ActionError> {
        let a = self.existing(id)?;
        if a.label != Label::Claim {
            return Err(ActionError::BadLink {
                id: id.as_str().to_owned(),
                reason: "only claims have an attribution and a check status".into(),
            });
        }
        Ok(a)
    }

    pub(super) fn existing_entity(&self, id: &EntityId) -> Result<&Rc<Entity>, ActionError> {
        self.entities
            .get(id)
            .ok_or_else(|| ActionError::UnknownEntity(id.as_str().to_owned()))
    }

    pub(super) fn own_article(&self, id: &ArticleId) -> Result<&Rc<Article>, ActionError> {
        let article = self
            .article(id)
            .ok_or_else(|| ActionError::UnknownArticle(id.as_str().to_owned()))?;
        if !article.is_own() {
            return Err(ActionError::BundledArticle(id.as_str().to_owned()));
        }
        Ok(article)
    }

    /// The ids of an entry's mentions.
    pub(super) fn mention_ids(&self, entity: &EntityId) -> Vec<AnnotationId> {
        self.annotations
            .values()
            .filter(|a| a.attrs.entity.as_ref() == Some(entity))
            .map(|a| a.id.clone())
            .collect()
    }

    /// The writes that point these mentions at `entity` (or at none); each must be an entity.
    pub(super) fn relink(
        &self,
        mentions: &[AnnotationId],
        entity: Option<&EntityId>,
        at: Timestamp,
    ) -> Result<Vec<Write>, ActionError> {
        mentions
            .iter()
            .map(|id| {
                let mut a = self.existing(id)?;
                if a.label.kind().is_none() {
                    return Err(ActionError::NotAMention(id.as_str().to_owned()));
                }
                a.attrs.entity = entity.cloned();
                a.updated = at;
                Ok(put(a))
            })
            .collect()
    }
}

/// `a`'s article (found by the caller) exists and `a`'s span fits in it.
pub(super) fn fits(a: &Annotation, article: Option<&Article>) -> Result<(), ActionError> {
    let article =
        article.ok_or_else(|| ActionError::UnknownArticle(a.article.as_str().to_owned()))?;
    if a.span.end() > article.char_len {
        return Err(ActionError::OutOfBounds {
            article: a.article.as_str().to_owned(),
            span: a.span,
            len: article.char_len,
        });
    }
    Ok(())
}
