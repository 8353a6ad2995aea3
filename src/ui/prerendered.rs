//! Taking over the first screen that the build wrote into the page
//! ([`crate::domain::rendering::first_screen`]): the painter adopts its article lines when they are
//! what it would draw, and the app removes the rest once its own screen is drawn. While that screen is
//! in the page, the stylesheet keeps the app's root (`#app`, its next sibling) hidden, so no frame
//! shows both, or neither.

use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::rendering::first_screen::PRERENDERED;
use crate::web::selection;
use std::rc::Rc;

/// The prerendered screen's root element, while it is in the page.
fn screen() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document
        .query_selector(&format!("[{PRERENDERED}]"))
        .ok()
        .flatten()
}

/// Moves the prerendered lines of `article` into `root` (the view's empty `<article>`) when they are
/// what the painter would draw: the same article, by id, line count and SHA-256 of the text, with no
/// annotations. Returns whether it did; then every line of the article is in `root`.
pub fn adopt(root: &web_sys::Element, article: &Article, annotations: &[Rc<Annotation>]) -> bool {
    if !annotations.is_empty() {
        return false;
    }
    let Some(lines) = screen().and_then(|s| s.query_selector("article").ok().flatten()) else {
        return false;
    };
    let attr = |name: &str| lines.get_attribute(name).unwrap_or_default();
    let same = attr("data-article") == article.id.as_str()
        && attr("data-lines") == article.paragraphs.len().to_string()
        && attr("data-sha256") == article.sha256();
    if !same {
        return false;
    }
    // Text selected while the app was loading stays selected: the lines move, not their text.
    let selected = selection::ends();
    while let Some(chunk) = lines.first_child() {
        if root.append_child(&chunk).is_err() {
            root.set_inner_html("");
            return false;
        }
    }
    if let Some(ends) = selected {
        ends.restore();
    }
    true
}

/// Removes the prerendered screen, which shows the app's own.
pub fn remove() {
    if let Some(screen) = screen() {
        screen.remove();
    }
}
