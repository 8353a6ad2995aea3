//! The checks an annotation must pass before it is written, and the links that go when one changes.

use super::{ActionError, Workspace};
use crate::domain::annotation::{Annotation, AnnotationId, Label};
use crate::domain::attributes::{CheckStatus, LinkKind};
use std::rc::Rc;

impl Workspace {
    /// Its article exists and its span fits in it.
    pub(super) fn check_fits(&self, a: &Annotation) -> Result<(), ActionError> {
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
                return Err(bad(source_rule(a.label)));
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
                return Err(bad(source_rule(a.label)));
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
}

/// What a label's source may be, as a sentence.
fn source_rule(label: Label) -> String {
    match label {
        Label::Quote => "a quote's source must be an entity".into(),
        Label::Claim => "a claim's source must be an entity or a quote".into(),
        Label::Entity(_) => "an entity has no source".into(),
    }
}
