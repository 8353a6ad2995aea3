//! Shared helpers for the browser tests: render the article view into the page and find text in it.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use news_annotator::domain::model::annotation::Annotation;
use news_annotator::domain::model::article::Article;
use news_annotator::domain::model::names::{AnnotationId, ArticleId, Label};
use news_annotator::domain::model::span::Span;
use news_annotator::domain::model::time::Timestamp;
use news_annotator::ui::{ArticleView, ArticleViewProps, Painter, Ptr};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// An annotation on article `a`.
pub fn ann(id: &str, start: usize, end: usize, label: Label) -> Rc<Annotation> {
    Rc::new(Annotation {
        id: AnnotationId::from(id),
        article: ArticleId::from("a"),
        span: Span::new(start, end).unwrap(),
        label,
        note: String::new(),
        attrs: Default::default(),
        created: Timestamp(0),
        updated: Timestamp(0),
    })
}

/// Renders the article view for `text` with `annotations` into a fresh element; returns the article element.
pub async fn render(text: &str, annotations: Vec<Rc<Annotation>>) -> Element {
    render_selected(text, annotations, None).await
}

/// Like [`render`], with one annotation selected.
pub async fn render_selected(
    text: &str,
    annotations: Vec<Rc<Annotation>>,
    selected: Option<&str>,
) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = ArticleViewProps {
        article: Ptr::from(Rc::new(Article::new("a", "A", text.to_owned()))),
        annotations: Ptr::from(Rc::<[Rc<Annotation>]>::from(annotations)),
        selected: selected.map(AnnotationId::from),
        painter: Painter::default(),
    };
    yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    root.query_selector("[data-testid=article-text]")
        .unwrap()
        .unwrap()
}

/// The text node and UTF-16 offset of the `nth` character of the first occurrence of `needle`, which must
/// lie inside one text node.
pub fn point(container: &Element, needle: &str, nth: usize) -> (Node, u32) {
    let document = web_sys::window().unwrap().document().unwrap();
    // NodeFilter.SHOW_TEXT
    let walker = document
        .create_tree_walker_with_what_to_show(container, 4)
        .unwrap();
    while let Some(node) = walker.next_node().unwrap() {
        let text = node.text_content().unwrap();
        if let Some(byte) = text.find(needle) {
            let before = &text[..byte];
            let inside: String = needle.chars().take(nth).collect();
            let utf16 = before.encode_utf16().count() + inside.encode_utf16().count();
            return (node, utf16 as u32);
        }
    }
    panic!("{needle:?} not found in the rendered text");
}

/// Makes the page's selection run from `from` to `to`.
pub fn select(from: (Node, u32), to: (Node, u32)) {
    let window = web_sys::window().unwrap();
    let range = window.document().unwrap().create_range().unwrap();
    range.set_start(&from.0, from.1).unwrap();
    range.set_end(&to.0, to.1).unwrap();
    let selection = window.get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
}

/// The element as an `Element`, for attribute checks.
pub fn element(node: Node) -> Element {
    node.dyn_into().unwrap()
}
