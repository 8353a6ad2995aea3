//! Scrolling the article to a line.

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Scrolls the line of the open article that starts at code point `start` into the middle of the view.
pub fn scroll_to_line(start: usize) {
    let selector = format!("[data-testid=article-text] p.para[data-start=\"{start}\"]");
    let line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten());
    if let Some(line) = line {
        let options = ScrollIntoViewOptions::new();
        options.set_behavior(ScrollBehavior::Smooth);
        options.set_block(ScrollLogicalPosition::Center);
        line.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
