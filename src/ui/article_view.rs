//! The article text, and the mouse-up that turns a selection into offsets.
//!
//! Yew owns the `<article>` element but none of its children: the [`Painter`] writes the lines.

use super::painter::Painter;
use crate::domain::annotation::{Annotation, AnnotationId};
use crate::domain::article::Article;
use crate::domain::session::{Pending, SessionAction};
use crate::domain::span::Span;
use crate::domain::text::normalize_selection;
use crate::web::graphemes::BrowserGraphemes;
use crate::web::{clock, selection};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties)]
pub struct ArticleViewProps {
    /// The article to show.
    pub article: Rc<Article>,
    /// Its annotations in text order (the same `Rc` while they are unchanged).
    pub annotations: Rc<[Rc<Annotation>]>,
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
    /// Sends session actions.
    pub dispatch: Callback<SessionAction>,
    /// Draws the lines; the same one the session's reducer updates.
    pub painter: Painter,
}

impl PartialEq for ArticleViewProps {
    /// By pointer: the workspace hands out a new list only after a change to this article.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && Rc::ptr_eq(&self.annotations, &other.annotations)
            && self.selected == other.selected
            && self.dispatch == other.dispatch
            && self.painter == other.painter
    }
}

/// Where a click landed: the first code point of the highlight piece clicked, if it was one.
fn piece_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".seg.hl").ok().flatten())
        .and_then(|seg| seg.get_attribute("data-s"))
        .and_then(|start| start.parse().ok())
}

/// The open article.
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let container = use_node_ref();
    {
        let container = container.clone();
        let painter = props.painter.clone();
        let (article, annotations, selected) = (
            Rc::clone(&props.article),
            Rc::clone(&props.annotations),
            props.selected.clone(),
        );
        // Runs after every render; the component re-renders only when its props change.
        use_effect(move || {
            if let Some(root) = container.cast::<web_sys::Element>() {
                painter.show(root, article, annotations, selected);
            }
        });
    }
    let article = &props.article;
    let onmouseup = {
        let container = container.clone();
        let article = Rc::clone(article);
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if selection::is_collapsed() {
                dispatch.emit(SessionAction::ClickAt(piece_at(e.target()), clock::now()));
                return;
            }
            let Some(root) = container.cast::<web_sys::Element>() else {
                return;
            };
            let picked = selection::selection_offsets(&root, article.char_len)
                .and_then(|(a, b)| normalize_selection(&article.text, a, b, &BrowserGraphemes))
                .and_then(|(start, end)| Span::new(start, end).ok());
            let pending = picked.map(|span| {
                let rect = selection::selection_rect();
                Pending {
                    span,
                    x: rect.as_ref().map_or(16.0, |r| r.left()),
                    y: rect.as_ref().map_or(16.0, |r| r.bottom() + 6.0),
                }
            });
            dispatch.emit(SessionAction::SelectText(pending));
        })
    };
    html! {
        <section class="reader" aria-label="Article">
            <h2 class="article-title">{&article.title}</h2>
            <p class="hint">{"Select text with the mouse, then press C (claim), Q (quote), P (person), \
                O (organization), L (place) or E (other entity). Click a highlight to edit it."}</p>
            <article ref={container} class="article-text" data-testid="article-text"
                data-article={article.id.as_str().to_owned()} {onmouseup} />
        </section>
    }
}
