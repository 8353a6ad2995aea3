//! A loaded HTML page read by the browser: `DOMParser` parses it as the browser parses any page
//! (character references, broken and unclosed markup, implied elements) into an inert document (no
//! script runs, nothing loads), and a walk of its body hands the elements and texts, in document
//! order, to the domain's [`PageText`], which lays them out as the article's text.

use crate::domain::features::own_text::{Extracted, PageText};
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// The visible text of the HTML page `source` and its title, for `own_text::read_file`. Fails only
/// when the browser has no `DOMParser`.
pub fn extract(source: &str) -> Result<Extracted, String> {
    let failed = |e: wasm_bindgen::JsValue| format!("the browser's DOMParser failed ({e:?})");
    let document = DomParser::new()
        .map_err(failed)?
        .parse_from_string(source, SupportedType::TextHtml)
        .map_err(failed)?;
    let mut page = PageText::default();
    if let Some(body) = document.body() {
        walk(&body, &mut page);
    }
    Ok(page.finish(Some(&document.title())))
}

/// Hands everything inside `root` to `page`, in document order, without recursion (a page may nest
/// elements thousands deep).
fn walk(root: &Node, page: &mut PageText) {
    let mut next = root.first_child();
    while let Some(node) = next {
        let opened = enter(&node, page);
        if opened.is_some() {
            if let Some(child) = node.first_child() {
                next = Some(child);
                continue;
            }
        }
        if let Some(name) = opened {
            page.close(&name);
        }
        next = climb(root, node, page);
    }
}

/// Hands `node` to `page`: a text's text, or the start of an element; the element's name when its
/// children are to be walked (not for skipped elements, comments and the like).
fn enter(node: &Node, page: &mut PageText) -> Option<String> {
    match node.node_type() {
        Node::TEXT_NODE => {
            page.text(&node.node_value().unwrap_or_default());
            None
        }
        Node::ELEMENT_NODE => {
            let name = node.dyn_ref::<Element>()?.local_name();
            if PageText::skips(&name) {
                return None;
            }
            page.open(&name);
            Some(name)
        }
        _ => None,
    }
}

/// The node after `node` (whose children are done) in document order, closing each element left on
/// the way up; `None` at the end of `root`.
fn climb(root: &Node, mut node: Node, page: &mut PageText) -> Option<Node> {
    loop {
        if let Some(sibling) = node.next_sibling() {
            return Some(sibling);
        }
        let parent = node.parent_node()?;
        if parent.is_same_node(Some(root)) {
            return None;
        }
        if let Some(element) = parent.dyn_ref::<Element>() {
            page.close(&element.local_name());
        }
        node = parent;
    }
}
