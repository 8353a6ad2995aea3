//! Code point offsets to DOM positions, the reverse of `selection.rs`: the browser selection set from
//! the keyboard caret's offsets, where the caret's marker goes on screen, and focus moves.
//!
//! A line (`p.para`) is found by its `data-start`; inside it, the offset is counted through its text
//! nodes in code points and handed to the DOM in UTF-16 units. Nothing here writes to the article:
//! the marker is an element of the view, placed from the box this returns.

use crate::domain::model::article::Article;
use crate::domain::model::text::char_to_utf16;
use web_sys::{Element, HtmlElement, Node};

/// `NodeFilter.SHOW_TEXT`.
const SHOW_TEXT: u32 = 4;

/// Room kept between the caret and the window's edges when it is scrolled into view, in CSS pixels:
/// enough to clear the sticky top bar.
const MARGIN: f64 = 80.0;

/// The line element (`p.para`) that holds the code point `pos` of `article`, if it is on the page.
fn line_element(container: &Element, article: &Article, pos: usize) -> Option<(Element, usize)> {
    let line = article.paragraphs.get(article.paragraph_at(pos))?;
    let selector = format!("p.para[data-start=\"{}\"]", line.start);
    let element = container.query_selector(&selector).ok()??;
    Some((element, line.start))
}

/// The DOM boundary point `(node, UTF-16 offset)` of the code point offset `pos` in the article shown
/// in `container`; `None` when its line is not on the page (yet).
pub fn dom_point(container: &Element, article: &Article, pos: usize) -> Option<(Node, u32)> {
    let (line, start) = line_element(container, article, pos)?;
    point_in_line(line, start, pos)
}

/// The DOM boundary point of the code point offset `pos` inside `line`, the line element that
/// starts at `start` (see [`dom_point`]).
pub fn point_in_line(line: Element, start: usize, pos: usize) -> Option<(Node, u32)> {
    let mut left = pos.saturating_sub(start);
    let document = web_sys::window()?.document()?;
    let walker = document
        .create_tree_walker_with_what_to_show(&line, SHOW_TEXT)
        .ok()?;
    while let Some(node) = walker.next_node().ok()? {
        let text = node.text_content().unwrap_or_default();
        let len = text.chars().count();
        if left <= len {
            let unit = u32::try_from(char_to_utf16(&text, left)).ok()?;
            return Some((node, unit));
        }
        left -= len;
    }
    // An empty line (or an offset past its text): the end of the line.
    let children = line.child_nodes().length();
    Some((line.into(), children))
}

/// Sets the browser's selection to the code points between `anchor` and `focus` (in that direction),
/// which shows it and lets the tag toolbar read it; an empty one clears the selection.
pub fn select(container: &Element, article: &Article, anchor: usize, focus: usize) -> Option<()> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if anchor == focus {
        return selection.remove_all_ranges().ok();
    }
    let (anchor_node, anchor_offset) = dom_point(container, article, anchor)?;
    let (focus_node, focus_offset) = dom_point(container, article, focus)?;
    selection
        .set_base_and_extent(&anchor_node, anchor_offset, &focus_node, focus_offset)
        .ok()
}

/// Where the caret at `pos` is drawn: `(left, top, height)` in whole CSS pixels, relative to the
/// padding box of `frame` (the element the marker is positioned in), or `None` if its line is not on
/// the page. When `reveal` is set, the window first scrolls so that the caret is in view (`center`:
/// in the middle, as after a jump; otherwise only as far as needed).
pub fn caret_box(
    container: &Element,
    frame: &Element,
    article: &Article,
    pos: usize,
    reveal: Option<bool>,
) -> Option<(i64, i64, i64)> {
    let (node, offset) = dom_point(container, article, pos)?;
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.set_start(&node, offset).ok()?;
    range.collapse_with_to_start(true);
    let mut rect = range.get_bounding_client_rect();
    if rect.height() <= 0.0 {
        // A collapsed range on an empty line has no box: take the line's.
        let line = line_element(container, article, pos)?.0;
        rect = line.get_bounding_client_rect();
    }
    if let Some(center) = reveal {
        scroll_to_show(rect.top(), rect.bottom(), center);
        rect = range.get_bounding_client_rect();
        if rect.height() <= 0.0 {
            rect = line_element(container, article, pos)?
                .0
                .get_bounding_client_rect();
        }
    }
    let base = frame.get_bounding_client_rect();
    let left = rect.left() - base.left() - f64::from(frame.client_left());
    let top = rect.top() - base.top() - f64::from(frame.client_top());
    Some((
        left.round() as i64,
        top.round() as i64,
        rect.height().round().max(1.0) as i64,
    ))
}

/// Scrolls the window so that the viewport band from `top` to `bottom` is in view.
fn scroll_to_show(top: f64, bottom: f64, center: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let by = if center {
        (top + bottom) / 2.0 - height / 2.0
    } else if top < MARGIN {
        top - MARGIN
    } else if bottom > height - MARGIN / 2.0 {
        bottom - (height - MARGIN / 2.0)
    } else {
        return;
    };
    window.scroll_by_with_x_and_y(0.0, by);
}

/// Moves the keyboard focus to the first element `selector` finds; `false` when none is found.
pub fn focus(selector: &str) -> bool {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    let Some(element) = found else {
        return false;
    };
    wasm_bindgen::JsCast::dyn_into::<HtmlElement>(element).is_ok_and(|e| e.focus().is_ok())
}

/// Whether `element` has the keyboard focus.
pub fn has_focus(element: &Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| &active == element)
}
