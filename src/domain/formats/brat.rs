//! TODO(helper): brat export and import.

use super::{Body, Doc, FormatError, Incoming};
use crate::domain::article::Article;
use crate::domain::time::Timestamp;
use std::rc::Rc;

/// Writes the docs as a zip.
pub fn export(_docs: &[Doc]) -> Body {
    Body::default()
}

/// Reads a zip of `.txt` and `.ann` files.
pub fn read_zip(
    _bytes: &[u8],
    _articles: &[Rc<Article>],
    _now: Timestamp,
) -> Result<Incoming, FormatError> {
    super::error("", "not yet")
}

/// Reads one `.ann` file named `name`.
pub fn read_ann(
    _name: &str,
    _text: &str,
    _articles: &[Rc<Article>],
    _now: Timestamp,
) -> Result<Incoming, FormatError> {
    super::error("", "not yet")
}
