//! DOM selections to code point offsets: the one place where UTF-16 offsets become code points.
//!
//! The article view marks every line (`p.para`) and every highlight piece (`span.seg`) with `data-start` and
//! `data-end`, their offsets in code points of the article's text. A selection boundary is either a text
//! node and a UTF-16 offset inside it, or an element and a child index; both resolve to a code point here.

use crate::domain::text::utf16_to_char;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// `Node.compareDocumentPosition` bit: the other node comes before this one.
const PRECEDING: u16 = 2;

fn offset_attr(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// The nearest element at or above `node` that carries `data-start`.
fn marked_ancestor(node: &Node) -> Option<Element> {
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    el.closest("[data-start]").ok().flatten()
}

/// The offset where `node`'s content starts, looking at it or its first marked descendant.
fn start_of(node: &Node) -> Option<usize> {
    let el = node.dyn_ref::<Element>()?;
    if let Some(start) = offset_attr(el, "data-start") {
        return Some(start);
    }
    let inner = el.query_selector("[data-start]").ok().flatten()?;
    offset_attr(&inner, "data-start")
}

/// The offset where `node`'s content ends, looking at it or its last marked descendant.
fn end_of(node: &Node) -> Option<usize> {
    let el = node.dyn_ref::<Element>()?;
    if let Some(end) = offset_attr(el, "data-end") {
        return Some(end);
    }
    let all = el.query_selector_all("[data-end]").ok()?;
    let last = all.item(all.length().checked_sub(1)?)?;
    offset_attr(last.dyn_ref::<Element>()?, "data-end")
}

/// The code point offset of a DOM boundary point `(node, offset)` inside `container`.
///
/// Points before the container give 0 and points after it give `text_len`, so a selection dragged past
/// the article's edge still selects up to that edge.
pub fn boundary_to_offset(
    container: &Element,
    node: &Node,
    offset: u32,
    text_len: usize,
) -> Option<usize> {
    if !container.contains(Some(node)) {
        let position = container.compare_document_position(node);
        return Some(if position & PRECEDING != 0 {
            0
        } else {
            text_len
        });
    }
    if node.node_type() == Node::TEXT_NODE {
        let marked = marked_ancestor(node)?;
        let start = offset_attr(&marked, "data-start")?;
        let text = node.text_content().unwrap_or_default();
        return Some(start + utf16_to_char(&text, offset as usize));
    }
    let children = node.child_nodes();
    let index = offset;
    if let Some(child) = children.item(index) {
        if let Some(start) = start_of(&child) {
            return Some(start);
        }
    }
    if let Some(previous) = index.checked_sub(1).and_then(|i| children.item(i)) {
        if let Some(end) = end_of(&previous) {
            return Some(end);
        }
    }
    // An empty line, or a point in a marked element with nothing marked inside.
    let el = marked_ancestor(node)?;
    if index == 0 {
        offset_attr(&el, "data-start")
    } else {
        offset_attr(&el, "data-end")
    }
}

/// The current selection inside `container` as code point offsets `(anchor, focus)`, unordered.
///
/// `None` when there is no selection or it does not touch the container.
pub fn selection_offsets(container: &Element, text_len: usize) -> Option<(usize, usize)> {
    let selection = web_sys::window()?.get_selection().ok().flatten()?;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    if !range.intersects_node(container).unwrap_or(false) {
        return None;
    }
    let start = boundary_to_offset(
        container,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        text_len,
    )?;
    let end = boundary_to_offset(
        container,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        text_len,
    )?;
    Some((start, end))
}

/// Whether the selection is a mere caret (a click), or absent.
pub fn is_collapsed() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_none_or(|s| s.is_collapsed())
}

/// The bounding box of the current selection, for placing the tag toolbar next to it.
pub fn selection_rect() -> Option<web_sys::DomRect> {
    let selection = web_sys::window()?.get_selection().ok().flatten()?;
    let range = selection.get_range_at(0).ok()?;
    Some(range.get_bounding_client_rect())
}

/// Removes the selection, after it has been tagged.
pub fn clear() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}
