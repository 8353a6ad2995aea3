//! TODO(helper): W3C export and import.

use super::{Body, Doc, FormatError, Incoming};
use crate::domain::article::Article;
use crate::domain::json::Value;
use crate::domain::time::Timestamp;
use std::rc::Rc;

/// Writes the docs.
pub fn export(_docs: &[Doc], _now: Timestamp) -> Body {
    Body::default()
}

/// Reads a parsed file.
pub fn read(
    _value: Value,
    _articles: &[Rc<Article>],
    _now: Timestamp,
) -> Result<Incoming, FormatError> {
    super::error("", "not yet")
}
