//! The article text, and the mouse-up that turns a selection into offsets.
//!
//! Yew owns the `<article>` element but none of its children: the lines are HTML strings built by
//! [`crate::domain::markup`] and written with `innerHTML`, the whole article once when it opens and then
//! only the lines whose annotations or selection changed. One edit therefore touches one line of the
//! DOM, and a 1 MB article appears in one parse instead of tens of thousands of virtual nodes.

use crate::domain::annotation::{Annotation, AnnotationId};
use crate::domain::article::Article;
use crate::domain::markup::{line_into, paragraph_into};
use crate::domain::segments::by_paragraph;
use crate::domain::session::{Pending, SessionAction};
use crate::domain::span::Span;
use crate::domain::text::normalize_selection;
use crate::web::graphemes::BrowserGraphemes;
use crate::web::selection;
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
}

impl PartialEq for ArticleViewProps {
    /// By pointer: the workspace hands out a new list only after a change to this article.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && Rc::ptr_eq(&self.annotations, &other.annotations)
            && self.selected == other.selected
            && self.dispatch == other.dispatch
    }
}

/// What one line shows: its annotations, by address.
type LineKey = Vec<*const Annotation>;

/// What is in the DOM now, to find the lines an update must rewrite.
#[derive(Default)]
struct Drawn {
    article: Option<Rc<Article>>,
    lines: Vec<LineKey>,
}

fn line_keys(per_line: &[Vec<Rc<Annotation>>]) -> Vec<LineKey> {
    per_line
        .iter()
        .map(|on_line| on_line.iter().map(Rc::as_ptr).collect())
        .collect()
}

/// Outlines the pieces of the selected annotation by toggling the `selected` class, which leaves the
/// text nodes, and so any text selection the person is making, untouched.
fn outline(root: &web_sys::Element, article: &Article, selected: Option<&Annotation>) {
    if let Ok(old) = root.query_selector_all(".seg.selected") {
        for i in 0..old.length() {
            if let Some(el) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_1("selected");
            }
        }
    }
    let Some(a) = selected else { return };
    let lines = root.children();
    let (first, last) = (
        article.paragraph_at(a.span.start()),
        article.paragraph_at(a.span.end().saturating_sub(1)),
    );
    for i in first..=last {
        let Some(line) = lines.item(i as u32) else {
            continue;
        };
        let pieces = line.children();
        for j in 0..pieces.length() {
            let Some(piece) = pieces.item(j) else {
                continue;
            };
            let covers = piece
                .get_attribute("data-s")
                .and_then(|start| start.parse::<usize>().ok())
                .is_some_and(|start| a.span.contains(start));
            if covers {
                let _ = piece.class_list().add_1("selected");
            }
        }
    }
}

/// What to draw: the article, its annotations and the selected one.
struct Scene {
    article: Rc<Article>,
    annotations: Rc<[Rc<Annotation>]>,
    selected: Option<AnnotationId>,
}

/// Brings the DOM under `root` up to date with `scene`.
fn draw(root: &web_sys::Element, drawn: &mut Drawn, scene: &Scene) {
    let article = &scene.article;
    let per_line = by_paragraph(article, &scene.annotations);
    let keys = line_keys(&per_line);
    let same_article = drawn
        .article
        .as_ref()
        .is_some_and(|a| Rc::ptr_eq(a, article));
    if !same_article || drawn.lines.len() != keys.len() {
        let mut html = String::with_capacity(article.text.len() * 2);
        for (line, on_line) in article.paragraphs.iter().zip(&per_line) {
            paragraph_into(&mut html, article, line, on_line);
        }
        #[cfg(feature = "bench")]
        crate::web::bench::mark("news-annotator:html-built");
        root.set_inner_html(&html);
    } else {
        let children = root.children();
        let changed = keys
            .iter()
            .zip(&drawn.lines)
            .enumerate()
            .filter(|(_, (new, old))| new != old);
        for (i, _) in changed {
            let (Some(line), Some(on_line), Some(element)) = (
                article.paragraphs.get(i),
                per_line.get(i),
                children.item(i as u32),
            ) else {
                continue;
            };
            let mut html = String::new();
            line_into(&mut html, article, line, on_line);
            element.set_inner_html(&html);
        }
    }
    drawn.article = Some(Rc::clone(article));
    drawn.lines = keys;
    let selected = scene
        .selected
        .as_ref()
        .and_then(|id| scene.annotations.iter().find(|a| &a.id == id));
    outline(root, article, selected.map(|a| a.as_ref()));
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
    let drawn = use_mut_ref(Drawn::default);
    {
        let container = container.clone();
        let scene = Scene {
            article: Rc::clone(&props.article),
            annotations: Rc::clone(&props.annotations),
            selected: props.selected.clone(),
        };
        // Runs after every render; the component re-renders only when its props change.
        use_effect(move || {
            if let Some(root) = container.cast::<web_sys::Element>() {
                #[cfg(feature = "bench")]
                crate::web::bench::mark("news-annotator:draw-start");
                draw(&root, &mut drawn.borrow_mut(), &scene);
                #[cfg(feature = "bench")]
                crate::web::bench::mark_rendered();
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
                dispatch.emit(SessionAction::ClickAt(piece_at(e.target())));
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
