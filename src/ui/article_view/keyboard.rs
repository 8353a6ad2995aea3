//! The keyboard in the article: a caret that moves by character, word, line and paragraph, Shift to
//! select (shown as the browser's selection, which the tag keys and toolbar then use), moving between
//! annotations, and opening or deleting one. The keys are in [`crate::domain::state::keys::article_key`]; the
//! moves are the domain's ([`crate::domain::rendering::caret`]).

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::AnnotationId;
use crate::domain::model::span::Span;
use crate::domain::model::text::normalize_selection;
use crate::domain::rendering::caret::{next_annotation, prev_annotation, Caret};
use crate::domain::state::keys::{article_key, shortcut, ArticleKey, Shortcut};
use crate::domain::state::session::{Pending, SessionAction};
use crate::domain::state::workspace::Action;
use crate::ui::bridge::Dispatch;
use crate::web::graphemes::BrowserGraphemes;
use crate::web::{caret, clock, schedule, selection};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Where the caret's marker is drawn: `(left, top, height)` in CSS pixels inside the reader.
pub type MarkerBox = Option<(i64, i64, i64)>;

/// The detail panel's label menu, its first control that changes the annotation.
const LABEL_MENU: &str = "[data-testid=detail] select[data-testid=label-select]";

/// What the keyboard handlers of one render work on.
#[derive(Clone)]
pub struct Keyboard {
    /// The `<article>` element (the lines are the painter's).
    pub root: NodeRef,
    /// The reader section the marker is positioned in.
    pub frame: NodeRef,
    /// The open article.
    pub article: Rc<Article>,
    /// Its annotations in text order.
    pub annotations: Rc<[Rc<Annotation>]>,
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
    /// The caret and the anchor of its selection, kept across renders.
    pub caret: Rc<RefCell<Caret>>,
    /// Places the marker.
    pub marker: Callback<MarkerBox>,
    /// Sends session actions.
    pub dispatch: Dispatch,
}

/// The selection `a`..`b` (code points, either order) as the pending selection the tag keys and the
/// toolbar use: trimmed and snapped to whole characters, placed under the browser's selection.
pub fn pending(article: &Article, a: usize, b: usize) -> Option<Pending> {
    let (start, end) = normalize_selection(&article.text, a, b, &BrowserGraphemes)?;
    let span = Span::new(start, end).ok()?;
    let rect = selection::selection_rect();
    Some(Pending {
        span,
        x: rect.as_ref().map_or(16.0, |r| r.left()),
        y: rect.as_ref().map_or(16.0, |r| r.bottom() + 6.0),
    })
}

impl Keyboard {
    /// The caret now.
    fn get(&self) -> Caret {
        self.caret.try_borrow().map(|c| *c).unwrap_or_default()
    }

    /// Puts the caret (and the anchor) somewhere else.
    pub fn set(&self, to: Caret) {
        if let Ok(mut caret) = self.caret.try_borrow_mut() {
            *caret = to;
        }
    }

    /// Draws the marker at the caret; `reveal` scrolls it into view first (`Some(true)`: centred).
    pub fn show(&self, reveal: Option<bool>) {
        let (Some(root), Some(frame)) = (
            self.root.cast::<web_sys::Element>(),
            self.frame.cast::<web_sys::Element>(),
        ) else {
            return;
        };
        let focus = self.get().focus;
        self.marker.emit(caret::caret_box(
            &root,
            &frame,
            &self.article,
            focus,
            reveal,
        ));
    }

    /// The focus arrived: with an annotation selected, the caret goes to it unless it is already inside.
    pub fn on_focus(&self) {
        let at = self.get().focus;
        let selected = self
            .selected
            .as_ref()
            .and_then(|id| self.annotations.iter().find(|a| &a.id == id));
        if let Some(a) = selected.filter(|a| at < a.span.start() || at > a.span.end()) {
            self.set(Caret::at(a.span.start()));
        }
        self.show(None);
    }

    /// A key pressed in the article.
    pub fn on_keydown(&self, event: &KeyboardEvent) {
        let ctrl = event.ctrl_key() || event.meta_key();
        let key = event.key();
        let Some(action) = article_key(&key, ctrl, event.shift_key(), event.alt_key()) else {
            self.page_key(&key, ctrl, event.shift_key(), event.alt_key());
            return;
        };
        event.prevent_default();
        let was = self.get();
        match action {
            ArticleKey::Move { motion, extend } => {
                let now = was.moved(&self.article, motion, extend, &BrowserGraphemes);
                self.set(now);
                self.show_selection(was, now);
                self.show(Some(false));
            }
            ArticleKey::NextAnnotation | ArticleKey::PrevAnnotation => {
                let find = if action == ArticleKey::NextAnnotation {
                    next_annotation
                } else {
                    prev_annotation
                };
                let Some(a) = find(&self.annotations, self.selected.as_ref(), was.focus) else {
                    return;
                };
                let now = Caret::at(a.span.start());
                self.set(now);
                self.show_selection(was, now);
                self.dispatch
                    .emit(SessionAction::Select(Some(a.id.clone())));
                self.show(Some(true));
            }
            ArticleKey::Open => self.open(was.focus),
            ArticleKey::Delete => {
                if let Some(id) = self.selected.clone() {
                    self.dispatch
                        .emit(SessionAction::Edit(Action::Remove { id }));
                }
            }
        }
    }

    /// Shows the caret's selection as the browser's, and hands it to the session as the pending
    /// selection (or drops the one there was).
    fn show_selection(&self, was: Caret, now: Caret) {
        if now.is_collapsed() {
            selection::clear();
            if !was.is_collapsed() {
                self.dispatch.emit(SessionAction::SelectText(None));
            }
            return;
        }
        if let Some(root) = self.root.cast::<web_sys::Element>() {
            caret::select(&root, &self.article, now.anchor, now.focus);
        }
        let pending = pending(&self.article, now.anchor, now.focus);
        self.dispatch.emit(SessionAction::SelectText(pending));
    }

    /// Enter: focuses the label menu of the selected annotation, or first opens the innermost one at
    /// the caret.
    fn open(&self, at: usize) {
        if self.selected.is_some() {
            caret::focus(LABEL_MENU);
            return;
        }
        if self.annotations.iter().any(|a| a.span.contains(at)) {
            self.dispatch
                .emit(SessionAction::ClickAt(Some(at), clock::now()));
            schedule::after_next_paint(|| {
                caret::focus(LABEL_MENU);
            });
        }
    }

    /// Keys the whole page handles (see `use_shortcuts`), as they concern the caret: a tag key puts it
    /// after the text it tags, and Escape drops its selection.
    fn page_key(&self, key: &str, ctrl: bool, shift: bool, alt: bool) {
        let was = self.get();
        match shortcut(key, ctrl, shift, alt) {
            Some(Shortcut::Tag(_)) if !was.is_collapsed() => {
                let (start, end) = was.range();
                let end = normalize_selection(&self.article.text, start, end, &BrowserGraphemes)
                    .map_or(was.focus, |(_, end)| end);
                self.set(Caret::at(end));
            }
            Some(Shortcut::Escape) => self.set(Caret::at(was.focus)),
            _ => {}
        }
    }
}
