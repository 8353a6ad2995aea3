//! Scrolling the article to a line, or any element into view.

use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Scrolls the line of the open article that starts at code point `start` into the middle of the view.
pub fn scroll_to_line(start: usize) {
    scroll_to(&format!(
        "[data-testid=article-text] p.para[data-start=\"{start}\"]"
    ));
}

/// Scrolls the first element that `selector` finds into the middle of the view and marks it with the
/// `flash` class (for a moment, by CSS); `false` when nothing matches.
pub fn scroll_to(selector: &str) -> bool {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    let Some(element) = found else {
        return false;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Smooth);
    options.set_block(ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let classes = element.class_list();
    let _ = classes.remove_1("flash");
    let _ = classes.add_1("flash");
    true
}
