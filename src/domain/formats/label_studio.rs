//! TODO(helper): label_studio export and import.

use super::{Body, Doc, FormatError, Incoming};
use crate::domain::article::Article;
use crate::domain::time::Timestamp;
use std::rc::Rc;

/// Writes the docs.
pub fn export(_docs: &[Doc]) -> Body {
    Body::default()
}

/// Reads a file's text.
pub fn read(
    _text: &str,
    _articles: &[Rc<Article>],
    _now: Timestamp,
) -> Result<Incoming, FormatError> {
    super::error("", "not yet")
}
