//! TODO(helper): spaCy exports.

use super::{Body, Doc};

/// Writes JSONL.
pub fn export_jsonl(_docs: &[Doc]) -> Body {
    Body::default()
}

/// Writes tuples.
pub fn export_tuples(_docs: &[Doc]) -> Body {
    Body::default()
}
