//! Links in the session: waiting for a click on the source of a quote or claim, linking (a claim that
//! gets a source becomes attributed), and the notice that names the links a deletion took with it.

use super::{Notice, Session};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::{Attribution, LinkKind};
use crate::domain::model::names::{AnnotationId, Label};
use crate::domain::model::span::Span;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};
use std::rc::Rc;

/// The longest excerpt of an annotation's text, in code points, that notices name it by.
const EXCERPT: usize = 40;
/// How many of the links a deletion took the notice names one by one.
const NAMED_LINKS: usize = 3;

/// `text` trimmed and cut to at most `max` code points, with `…` where it was cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().nth(max).is_none() {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// An annotation in words, for messages: its label family and an excerpt of its text, such as
/// `entity "Bessent"` or `quote "We will not sign…"`.
pub fn describe(ws: &Workspace, a: &Annotation) -> String {
    let text = ws
        .article(&a.article)
        .map_or("", |article| article.slice(a.span.start(), a.span.end()));
    format!("{} \"{}\"", a.label.name().name(), excerpt(text, EXCERPT))
}

/// The short name of a label: the kind of an entity ("Person"), else "Claim" or "Quote".
pub fn label_word(label: Label) -> &'static str {
    label.kind().map_or(label.name().title(), |k| k.title())
}

/// Code points between two spans; 0 when they touch or overlap.
fn distance(a: Span, b: Span) -> usize {
    if b.end() <= a.start() {
        a.start() - b.end()
    } else {
        b.start().saturating_sub(a.end())
    }
}

/// The annotations of `from`'s article that may be its source (entities for a quote; entities and
/// quotes for a claim), nearest first, at most `limit` of them.
pub fn link_targets(ws: &Workspace, from: &Annotation, limit: usize) -> Vec<Rc<Annotation>> {
    let mut targets: Vec<Rc<Annotation>> = ws
        .in_article(&from.article)
        .iter()
        .filter(|t| t.id != from.id && LinkKind::between(from.label, t.label).is_some())
        .cloned()
        .collect();
    let key = |t: &Rc<Annotation>| (distance(from.span, t.span), t.span.start());
    if targets.len() > limit && limit > 0 {
        targets.select_nth_unstable_by_key(limit - 1, key);
    }
    targets.truncate(limit);
    targets.sort_by_key(key);
    targets
}

/// What to click, said when a click while linking hit nothing that can be the source.
fn pick_hint(label: Label) -> String {
    match label {
        Label::Quote => "Click an entity to be this quote's speaker — Esc cancels.".into(),
        _ => "Click an entity or a quote to be this claim's source — Esc cancels.".into(),
    }
}

impl Session {
    /// Waits for a click on the source of `id`, if it is a quote or claim, and selects it.
    pub(super) fn start_link(&mut self, id: AnnotationId) {
        let Some(a) = self.workspace.annotation(&id) else {
            return;
        };
        if a.label.kind().is_some() {
            return;
        }
        self.pending = None;
        self.selected = Some(id.clone());
        self.linking = Some(id);
    }

    /// Stops waiting for a source, and drops the hint of what to click if it is showing.
    pub(super) fn stop_linking(&mut self) {
        let Some(id) = self.linking.take() else {
            return;
        };
        let label = self.workspace.annotation(&id).map(|a| a.label);
        if label.is_some_and(|l| self.notice == Some(Notice::Info(pick_hint(l)))) {
            self.notice = None;
        }
    }

    /// While linking `from`: links it to the innermost annotation under `pos` that may be its source,
    /// or, if there is none, says what to click and keeps waiting.
    pub(super) fn pick_source(&mut self, from: &AnnotationId, pos: Option<usize>, at: Timestamp) {
        let Some(a) = self.workspace.annotation(from).cloned() else {
            self.linking = None;
            return;
        };
        let mut found: Vec<Rc<Annotation>> = pos
            .map_or_else(Vec::new, |pos| self.workspace.covering(&self.current, pos))
            .into_iter()
            .filter(|t| t.id != a.id && LinkKind::between(a.label, t.label).is_some())
            .collect();
        found.sort_by_key(|t| (t.span.len(), t.span.start()));
        let hint = pick_hint(a.label);
        let Some(target) = found.first() else {
            self.notice = Some(Notice::Info(hint));
            return;
        };
        if self.link(from, Some(target.id.clone()), at) {
            self.linking = None;
            self.selected = Some(from.clone());
            self.here.clear();
            if self.notice == Some(Notice::Info(hint)) {
                self.notice = None;
            }
        }
    }

    /// Sets the source of `id`; a claim that gets one while its attribution is unset becomes
    /// attributed. Returns whether the link was made.
    pub(super) fn link(
        &mut self,
        id: &AnnotationId,
        source: Option<AnnotationId>,
        at: Timestamp,
    ) -> bool {
        let linked = source.is_some();
        let action = Action::SetSource {
            id: id.clone(),
            source,
            at,
        };
        if !self.edit(action) {
            return false;
        }
        let unattributed_claim = self
            .workspace
            .annotation(id)
            .is_some_and(|a| a.label == Label::Claim && a.attrs.attribution.is_none());
        if linked && unattributed_claim {
            self.edit(Action::SetAttribution {
                id: id.clone(),
                attribution: Some(Attribution::Attributed),
                at,
            });
        }
        true
    }

    /// Deletes an annotation; if others linked to it, the notice names the links that went with it.
    pub(super) fn remove(&mut self, id: AnnotationId) {
        let gone = self.workspace.annotation(&id).cloned();
        let links = self.workspace.links_to(&id);
        if !self.edit(Action::Remove { id }) || links.is_empty() {
            return;
        }
        let Some(gone) = gone else { return };
        let mut named: Vec<String> = links
            .iter()
            .take(NAMED_LINKS)
            .map(|from| describe(&self.workspace, from))
            .collect();
        if links.len() > NAMED_LINKS {
            named.push(format!("{} more", links.len() - NAMED_LINKS));
        }
        let n = links.len();
        self.notice = Some(Notice::Info(format!(
            "Deleted the {} and {n} link{} to it ({}). Undo brings them back.",
            describe(&self.workspace, &gone),
            if n == 1 { "" } else { "s" },
            named.join(", ")
        )));
    }
}
