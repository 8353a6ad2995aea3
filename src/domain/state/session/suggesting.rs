//! Suggestions as the session sees them: whether they are shown, the open article's suggestions as the
//! web worker found them (`features::suggest`), the ones the person rejected (kept across visits), and
//! which one is current. Accepting makes ordinary annotations and links (`features::suggest::accepted`,
//! one undo step), so a suggestion an annotation now covers is no longer shown.

use super::{Notice, Session};
use crate::domain::features::suggest::{accepted, key, Suggestion, SuggestionKind};
use crate::domain::model::names::{AnnotationId, ArticleId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::Action;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::rc::Rc;

/// What is kept of suggestions across visits (localStorage `news-annotator/suggestions`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionChoices {
    /// Whether suggestions are shown.
    pub on: bool,
    /// The keys of the rejected suggestions ([`key`]), by article.
    pub rejected: BTreeMap<ArticleId, BTreeSet<String>>,
}

impl Default for SuggestionChoices {
    fn default() -> Self {
        SuggestionChoices {
            on: true,
            rejected: BTreeMap::new(),
        }
    }
}

/// The session's suggestions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggesting {
    /// What the person chose (kept).
    pub choices: SuggestionChoices,
    /// The article the suggestions below are for, once the worker answered.
    pub article: Option<ArticleId>,
    /// The worker's suggestions for it, rejected ones included.
    pub found: Rc<[Suggestion]>,
    /// The current suggestion's key.
    pub current: Option<String>,
    /// Whether their card is open in the side panel (it opens on request, so that nothing moves
    /// when they arrive).
    pub open: bool,
}

/// What a person does with suggestions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuggestionAction {
    /// Shows or hides them.
    Toggle,
    /// Opens or closes their card.
    Open(bool),
    /// The worker's suggestions for an article.
    Found(ArticleId, Vec<Suggestion>),
    /// Makes the next (`true`) or previous shown suggestion current.
    Step(bool),
    /// Rejects the current suggestion (it stays rejected after a reload) and moves to the next.
    RejectCurrent,
}

impl Session {
    /// Whether suggestions show here: the person's choice, and not in an exercise unless the teacher's
    /// exercise turns them on.
    pub fn suggestions_allowed(&self) -> bool {
        self.suggesting.choices.on
            && self
                .enrolment
                .as_ref()
                .is_none_or(|e| e.exercise.suggestions)
    }

    /// The open article's suggestions to show, in text order: allowed, found for this article, not
    /// rejected, and not already an annotation with the same span and label.
    pub fn shown_suggestions(&self) -> Vec<&Suggestion> {
        let s = &self.suggesting;
        if !self.suggestions_allowed() || s.article.as_ref() != Some(&self.current) {
            return Vec::new();
        }
        let rejected = s.choices.rejected.get(&self.current);
        // One pass over the article's annotations, so that thousands of suggestions on an article of
        // thousands of annotations cost no more than both lists.
        let tagged: HashSet<(Span, Label)> = (self.workspace.in_article(&self.current).iter())
            .map(|a| (a.span, a.label))
            .collect();
        s.found
            .iter()
            .filter(|x| !rejected.is_some_and(|r| r.contains(&key(x))))
            .filter(|x| !tagged.contains(&(x.span, x.label)))
            .collect()
    }

    /// The current suggestion among those shown (the first when none was chosen or it is gone).
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        self.current_among(&self.shown_suggestions())
    }

    /// The current one among `shown` (the [`shown_suggestions`](Self::shown_suggestions) already
    /// computed), or the first.
    pub fn current_among<'a>(&self, shown: &[&'a Suggestion]) -> Option<&'a Suggestion> {
        let current = self.suggesting.current.as_ref();
        (shown.iter().find(|x| current == Some(&key(x))))
            .or_else(|| shown.first())
            .copied()
    }

    /// The shown suggestions of `kind`.
    pub fn shown_of(&self, kind: SuggestionKind) -> Vec<Suggestion> {
        (self.shown_suggestions().into_iter())
            .filter(|x| x.kind == kind)
            .cloned()
            .collect()
    }

    /// Carries out a suggestion action.
    pub(super) fn suggestion(&mut self, action: SuggestionAction) {
        match action {
            SuggestionAction::Toggle => {
                self.suggesting.choices.on = !self.suggesting.choices.on;
                self.suggestions_revision += 1;
            }
            SuggestionAction::Found(article, found) => {
                self.suggesting.article = Some(article);
                self.suggesting.found = found.into();
            }
            SuggestionAction::Open(open) => self.suggesting.open = open,
            // The first N (or Shift+N) opens the card on the current one.
            SuggestionAction::Step(_) if !self.suggesting.open => self.suggesting.open = true,
            SuggestionAction::Step(forward) => self.step_suggestion(forward),
            SuggestionAction::RejectCurrent => self.reject_current(),
        }
    }

    /// Accepts the current suggestion (`kind` `None`) or every shown one of `kind` as the annotations
    /// they make (ids `<id>-1`, `<id>-2`…), as one undo step, and says so.
    pub(super) fn accept_suggestions(
        &mut self,
        kind: Option<SuggestionKind>,
        id: &AnnotationId,
        at: Timestamp,
    ) {
        let chosen: Vec<Suggestion> = match kind {
            None => self.current_suggestion().cloned().into_iter().collect(),
            Some(kind) => self.shown_of(kind),
        };
        let Some(article) = self.workspace.article(&self.current).cloned() else {
            return;
        };
        let existing = self.workspace.in_article(&self.current);
        let mut n = 0;
        let mut new_id = || {
            n += 1;
            AnnotationId::from(format!("{}-{n}", id.as_str()).as_str())
        };
        let annotations = accepted(
            &article.id,
            &article.text,
            &chosen,
            &existing,
            &mut new_id,
            at,
        );
        let count = annotations.len();
        if count == 0 {
            self.notice = Some(Notice::Info("Nothing to accept.".into()));
        } else if self.edit(Action::AnnotateAll(annotations)) {
            let what = if count == 1 {
                "annotation"
            } else {
                "annotations"
            };
            self.notice = Some(Notice::Info(format!(
                "Accepted: {count} {what} made. One undo removes them."
            )));
        }
    }

    fn step_suggestion(&mut self, forward: bool) {
        let shown = self.shown_suggestions();
        let at = self
            .current_among(&shown)
            .and_then(|c| shown.iter().position(|x| *x == c));
        let next = match (at, forward) {
            (None, _) => shown.first(),
            (Some(i), true) => shown.get(i + 1).or_else(|| shown.first()),
            (Some(0), false) => shown.last(),
            (Some(i), false) => shown.get(i - 1),
        };
        let next = next.map(|x| key(x));
        self.suggesting.current = next;
    }

    fn reject_current(&mut self) {
        let Some(current) = self.current_suggestion().map(key) else {
            return;
        };
        self.step_suggestion(true);
        if self.suggesting.current.as_ref() == Some(&current) {
            self.suggesting.current = None;
        }
        let article = self.current.clone();
        let rejected = &mut self.suggesting.choices.rejected;
        rejected.entry(article).or_default().insert(current);
        self.suggestions_revision += 1;
    }
}
