//! The article text, the mouse-up that turns a selection into offsets, and the keyboard caret
//! (`article_view/keyboard.rs`).
//!
//! Yew owns the `<article>` element but none of its children: the [`Painter`] writes the lines. The
//! caret's marker is an element of its own beside the article, so the article's DOM text stays exactly
//! the article's text.

use super::bridge::{use_dispatch, Ptr};
use super::painter::Painter;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::{AnnotationId, ArticleId};
use crate::domain::rendering::caret::Caret;
use crate::domain::rendering::first_screen::ARTICLE_HINT;
use crate::domain::state::session::{Pending, SessionAction};
use crate::web::{caret, clock, selection};
use keyboard::{Keyboard, MarkerBox};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod keyboard;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show.
    pub article: Ptr<Article>,
    /// Its annotations in text order (the workspace hands out a new list only after a change to this
    /// article).
    pub annotations: Ptr<[Rc<Annotation>]>,
    /// The annotation open in the detail panel.
    pub selected: Option<AnnotationId>,
    /// Draws the lines; the same one the session's reducer updates.
    pub painter: Painter,
}

/// Where a click landed: the first code point of the highlight piece clicked, if it was one.
fn piece_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".seg.hl").ok().flatten())
        .and_then(|seg| seg.get_attribute("data-s"))
        .and_then(|start| start.parse().ok())
}

/// The browser's selection in the article as a selection waiting for a tag (`None` inside when it does
/// not select text of the article), or `None` when it is collapsed (a click). The caret goes where the
/// selection is, so the keys carry on from there.
fn selected_text(
    root: &web_sys::Element,
    article: &Article,
    keyboard: &Keyboard,
) -> Option<Option<Pending>> {
    let offsets = selection::selection_offsets(root, article.char_len);
    if let Some((anchor, focus)) = offsets {
        keyboard.set(Caret { anchor, focus });
        keyboard.show(None);
    }
    if selection::is_collapsed() {
        return None;
    }
    Some(offsets.and_then(|(a, b)| keyboard::pending(article, a, b)))
}

/// The open article.
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let container = use_node_ref();
    let frame = use_node_ref();
    let caret_at = use_mut_ref(Caret::default);
    // The article the caret belongs to: another one puts it back at the start.
    let caret_of = use_mut_ref(|| None::<ArticleId>);
    let marker = use_state_eq(|| None::<(i64, i64, i64)>);
    let dispatch = use_dispatch();
    let keyboard = Keyboard {
        root: container.clone(),
        frame: frame.clone(),
        article: Rc::clone(props.article.rc()),
        annotations: Rc::clone(props.annotations.rc()),
        selected: props.selected.clone(),
        caret: Rc::clone(&caret_at),
        marker: {
            let marker = marker.clone();
            Callback::from(move |at: MarkerBox| marker.set(at))
        },
        dispatch: dispatch.clone(),
    };
    {
        let container = container.clone();
        let painter = props.painter.clone();
        let keyboard = keyboard.clone();
        let (article, annotations, selected) = (
            Rc::clone(props.article.rc()),
            Rc::clone(props.annotations.rc()),
            props.selected.clone(),
        );
        let first = use_mut_ref(|| true);
        let dispatch = dispatch.clone();
        // Runs after every render; the component re-renders only when its props change.
        use_effect(move || {
            if let Some(root) = container.cast::<web_sys::Element>() {
                painter.show(root.clone(), Rc::clone(&article), annotations, selected);
                // Text selected in the first screen while the app was loading waits for its tag as
                // if selected now (a mouse still held down finishes it on its mouseup).
                if first.replace(false) && !selection::is_collapsed() {
                    if let Some(pending) = selected_text(&root, &article, &keyboard) {
                        dispatch.emit(SessionAction::SelectText(pending));
                    }
                }
                if caret_of.borrow().as_ref() != Some(&keyboard.article.id) {
                    *caret_of.borrow_mut() = Some(keyboard.article.id.clone());
                    keyboard.set(Caret::default());
                }
                // The lines may have moved (a new highlight's letter, say): the marker follows.
                if caret::has_focus(&root) {
                    keyboard.show(None);
                }
            }
        });
    }
    let article = props.article.rc();
    let onmouseup = {
        let container = container.clone();
        let article = Rc::clone(article);
        let keyboard = keyboard.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(root) = container.cast::<web_sys::Element>() else {
                return;
            };
            match selected_text(&root, &article, &keyboard) {
                Some(pending) => dispatch.emit(SessionAction::SelectText(pending)),
                None => dispatch.emit(SessionAction::ClickAt(piece_at(e.target()), clock::now())),
            }
        })
    };
    let onkeydown = {
        let keyboard = keyboard.clone();
        Callback::from(move |e: KeyboardEvent| keyboard.on_keydown(&e))
    };
    let onfocus = Callback::from(move |_: FocusEvent| keyboard.on_focus());
    // A property (CSSOM), not an attribute: the page's CSP refuses inline style attributes.
    let style = marker
        .map(|(left, top, height)| format!("left: {left}px; top: {top}px; height: {height}px;"))
        .unwrap_or_default();
    html! {
        <section class="reader" aria-label="Article" ref={frame}>
            <h2 class="article-title">{&article.title}</h2>
            <p class="hint" id="article-keys">{ARTICLE_HINT}</p>
            <article ref={container} class="article-text" data-testid="article-text"
                data-article={article.id.as_str().to_owned()} tabindex="0" role="document"
                aria-label={format!("Text of {}", article.title)} aria-describedby="article-keys"
                {onmouseup} {onkeydown} {onfocus} />
            <div class="kb-caret" data-testid="caret" aria-hidden="true" ~style={style} />
        </section>
    }
}
