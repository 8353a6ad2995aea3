//! DOM selections to code point offsets: where the DOM's UTF-16 offsets become code points.
//!
//! The article view marks every line (`p.para`) with `data-start` and `data-end`, its offsets in code
//! points of the article's text. Inside a line, text may sit in highlight pieces or bare text nodes; a
//! boundary point's offset is the line's start plus the code points of the line's text before the point,
//! read from a DOM `Range`, so text nodes and element boundaries resolve the same way.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// `Node.compareDocumentPosition` bit: the other node comes before this one.
const PRECEDING: u16 = 2;

fn offset_attr(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// The line (`p.para`) that holds `node`.
fn line_of(node: &Node) -> Option<Element> {
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    el.closest("p.para").ok().flatten()
}

/// Code points of the line's text from its start up to the point `(node, offset)`.
///
/// A point between the two halves of a surrogate pair counts the whole character; selections are snapped
/// to whole characters afterwards anyway.
fn chars_before(line: &Element, node: &Node, offset: u32) -> Option<usize> {
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.set_start(line, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(String::from(range.to_string()).chars().count())
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
    if let Some(line) = line_of(node) {
        return Some(offset_attr(&line, "data-start")? + chars_before(&line, node, offset)?);
    }
    // A point between two lines (on the article element, or on a chunk of lines): the start of the
    // first line after it, or the end of the text.
    let element = node.dyn_ref::<Element>()?;
    let after = element
        .children()
        .item(offset)
        .or_else(|| element.next_element_sibling());
    let line = match after {
        Some(el) if el.matches("p.para").unwrap_or(false) => Some(el),
        Some(el) => el.query_selector("p.para").ok().flatten(),
        None => None,
    };
    match line {
        Some(line) => offset_attr(&line, "data-start"),
        None => Some(text_len),
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

/// The selection's two ends as DOM points, when it is not collapsed: moving their nodes elsewhere in
/// the page collapses the selection, and [`Ends::restore`] selects the same points again after.
pub struct Ends {
    anchor: web_sys::Node,
    anchor_offset: u32,
    focus: web_sys::Node,
    focus_offset: u32,
}

/// The ends of the current selection, unless there is none or it is collapsed.
pub fn ends() -> Option<Ends> {
    let selection = web_sys::window()?.get_selection().ok().flatten()?;
    if selection.is_collapsed() {
        return None;
    }
    Some(Ends {
        anchor: selection.anchor_node()?,
        anchor_offset: selection.anchor_offset(),
        focus: selection.focus_node()?,
        focus_offset: selection.focus_offset(),
    })
}

impl Ends {
    /// Selects these points again.
    pub fn restore(&self) {
        if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
            let _ = selection.set_base_and_extent(
                &self.anchor,
                self.anchor_offset,
                &self.focus,
                self.focus_offset,
            );
        }
    }
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
